"""PostgreSQL: an advisory lock for writers, a GIN index over tsvectors, COPY for bulk loads."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import Connection, Engine, Table, event
from sqlalchemy.exc import IntegrityError

from archive.backends.ddl import ARTICLES_VIEW, DUPLICATE_CLUSTERS_VIEW, count_added, count_removed
from archive.errors import ArchiveError
from archive.search.fulltext.postgresql import BACKEND as FULL_TEXT
from archive.search.fulltext.postgresql import CONFIGURATION, VECTOR_SQL, WORD_TOKENS

WRITER_LOCK = 0x61726368
"""The advisory lock that a writing transaction holds (``arch`` in ASCII)."""

SCHEMA = [
    ARTICLES_VIEW,
    DUPLICATE_CLUSTERS_VIEW,
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    f"CREATE TEXT SEARCH CONFIGURATION {CONFIGURATION} (COPY = simple)",
    f"ALTER TEXT SEARCH CONFIGURATION {CONFIGURATION} ALTER MAPPING FOR {WORD_TOKENS} "
    "WITH unaccent, simple",
    f"CREATE INDEX ix_documents_search ON documents USING gin (({VECTOR_SQL}))",
    f"""
    CREATE FUNCTION document_counts_change() RETURNS trigger AS $$
    BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN {count_removed("OLD")} END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN {count_added("NEW")} END IF;
        RETURN NULL;
    END
    $$ LANGUAGE plpgsql
    """,
    "CREATE TRIGGER document_counts_change "
    "AFTER INSERT OR DELETE OR UPDATE OF source_id, published, date_precision ON documents "
    "FOR EACH ROW EXECUTE FUNCTION document_counts_change()",
]
"""What PostgreSQL needs besides the tables."""


class PostgreSQLBackend:
    """A server that several importers and readers use at once; writers take turns."""

    full_text = FULL_TEXT
    schema = SCHEMA
    failed_statement_aborts_transaction = True

    def configure(self, engine: Engine, *, busy_timeout: float, read_only: bool) -> None:
        @event.listens_for(engine, "begin")
        def _on_begin(connection: Connection) -> None:
            # Two importers storing the same article at once would both find it new: one
            # would fail on the unique URL, or store a second copy of a text without one.
            if connection.get_execution_options().get("immediate", False):
                # Wait for another writer as long as SQLite would, then fail on "lock timeout"
                # (0 would mean for ever); later statements wait as the server's settings say.
                waited = max(1, round(busy_timeout * 1000))
                connection.exec_driver_sql(f"SET LOCAL lock_timeout = {waited}")
                connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITER_LOCK})")
                connection.exec_driver_sql("SET LOCAL lock_timeout = DEFAULT")

    def checkpoint(self, connection: Connection) -> None:
        return None  # the server keeps its own write-ahead log

    def refresh_statistics(self, connection: Connection) -> None:
        # A table that was empty when its statistics were taken (or never analyzed, where
        # autovacuum is off) is scanned whole for every batch's look-ups.
        connection.exec_driver_sql(
            "ANALYZE documents, document_versions, import_items, sources, document_counts"
        )

    def file_problems(self, connection: Connection) -> list[str]:
        return []  # the server checks its own storage; foreign keys are always enforced

    def backup(self, engine: Engine, target: Path, *, force: bool) -> int:
        raise ArchiveError(
            "backup copies SQLite files; back up a postgresql database with its own tools "
            "(pg_dump), or copy it to a SQLite file with 'archive db transfer PATH'"
        )

    def snapshot(self, connection: Connection) -> None:
        connection.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")

    def load(self, connection: Connection, table: Table, rows: Sequence[Mapping[Any, Any]]) -> None:
        columns = [column.name for column in table.columns]
        driver = connection.connection.driver_connection
        assert driver is not None
        names = ", ".join(columns)
        statement = f"COPY {table.name} ({names}) FROM STDIN"
        try:
            with driver.cursor() as cursor, cursor.copy(statement) as copy:
                for row in rows:
                    copy.write_row([row[name] for name in columns])
        except psycopg.IntegrityError as error:  # as SQLAlchemy's own statements raise it
            raise IntegrityError(statement, None, error) from error

    def after_load(self, connection: Connection, tables: Sequence[Table]) -> None:
        for table in tables:
            connection.exec_driver_sql(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"coalesce((SELECT max(id) FROM {table.name}), 0) + 1, false)"
            )


BACKEND = PostgreSQLBackend()
"""The backend that :func:`archive.backends.backend_for` gives for PostgreSQL."""
