"""SQLite: WAL with a busy timeout, FTS5 kept by triggers, checkpoints and the online backup."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Table, event, insert

from archive.backends.ddl import (
    ARTICLES_VIEW,
    DUPLICATE_CLUSTERS_VIEW,
    count_added,
    count_removed,
    folded,
)
from archive.errors import ArchiveError
from archive.files import atomic_path
from archive.limits import CACHE_KIB, JOURNAL_SIZE_LIMIT
from archive.search.fulltext.sqlite import BACKEND as FULL_TEXT

SCHEMA = [
    ARTICLES_VIEW,
    DUPLICATE_CLUSTERS_VIEW,
    """
    CREATE VIRTUAL TABLE documents_fts USING fts5(
        title, body,
        content="documents", content_rowid="id",
        tokenize="unicode61 remove_diacritics 2"
    )
    """,
    f"""
    CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts (rowid, title, body)
        VALUES (new.id, {folded("new.title")}, {folded("new.body")});
    END
    """,
    f"""
    CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
        INSERT INTO documents_fts (documents_fts, rowid, title, body)
        VALUES ('delete', old.id, {folded("old.title")}, {folded("old.body")});
    END
    """,
    f"""
    CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, body ON documents BEGIN
        INSERT INTO documents_fts (documents_fts, rowid, title, body)
        VALUES ('delete', old.id, {folded("old.title")}, {folded("old.body")});
        INSERT INTO documents_fts (rowid, title, body)
        VALUES (new.id, {folded("new.title")}, {folded("new.body")});
    END
    """,
    "CREATE TRIGGER document_counts_insert AFTER INSERT ON documents "
    f"BEGIN {count_added('new')} END",
    "CREATE TRIGGER document_counts_delete AFTER DELETE ON documents "
    f"BEGIN {count_removed('old')} END",
    "CREATE TRIGGER document_counts_update "
    "AFTER UPDATE OF source_id, published, date_precision ON documents "
    f"BEGIN {count_removed('old')} {count_added('new')} END",
]
"""What SQLite needs besides the tables, in the order it can be created."""


class SQLiteBackend:
    """One file, one writer at a time (``BEGIN IMMEDIATE``), readers alongside in WAL mode."""

    full_text = FULL_TEXT
    schema = SCHEMA
    failed_statement_aborts_transaction = False

    def configure(self, engine: Engine, *, busy_timeout: float, read_only: bool) -> None:
        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_connection: Any, _record: Any) -> None:
            # Let SQLAlchemy's begin event below issue BEGIN itself.
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
            cursor.execute("PRAGMA foreign_keys = ON")
            if not read_only:
                cursor.execute("PRAGMA journal_mode = WAL")
                cursor.execute("PRAGMA synchronous = NORMAL")
                cursor.execute(f"PRAGMA journal_size_limit = {JOURNAL_SIZE_LIMIT}")
            cursor.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _on_begin(connection: Connection) -> None:
            immediate = connection.get_execution_options().get("immediate", False)
            connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    def checkpoint(self, connection: Connection) -> None:
        """Fold the write-ahead log back into the database file, so that it does not grow.

        A reader that still holds an old snapshot stops the log from being
        truncated; SQLite then folds what it can, and the next checkpoint does the rest.
        """
        # Outside any transaction, which SQLAlchemy would begin for exec_driver_sql.
        driver = connection.connection.driver_connection
        assert driver is not None
        waited = driver.execute("PRAGMA busy_timeout").fetchone()[0]
        # Never wait for readers here: what they still need is folded by a later checkpoint.
        driver.execute("PRAGMA busy_timeout = 0")
        try:
            driver.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        except sqlite3.OperationalError:
            pass  # another writer is busy: its own checkpoints will fold the log
        finally:
            driver.execute(f"PRAGMA busy_timeout = {int(waited)}")

    def refresh_statistics(self, connection: Connection) -> None:
        return None  # without statistics, SQLite's planner uses the indexes for look-ups

    def file_problems(self, connection: Connection) -> list[str]:
        problems: list[str] = []
        results = [row[0] for row in connection.exec_driver_sql("PRAGMA integrity_check")]
        if results != ["ok"]:
            problems.extend(
                f"the database file is damaged: {result} - restore it from a backup"
                for result in results
            )
        violations = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
        if violations:
            problems.append(f"{len(violations)} rows point at rows that do not exist")
        return problems

    def backup(self, engine: Engine, target: Path, *, force: bool) -> int:
        """Copy the database with SQLite's online backup API; a consistent snapshot even
        while an import runs, written to a temporary file (mode 0600) that replaces
        ``target`` once complete and checked."""
        with atomic_path(target, force) as temporary:
            copy = sqlite3.connect(temporary)
            try:
                with engine.connect() as connection:
                    source = connection.connection.driver_connection
                    assert source is not None
                    source.backup(copy, pages=1024)
                copy.execute("PRAGMA journal_mode = DELETE")
                result = copy.execute("PRAGMA integrity_check").fetchone()
            finally:
                copy.close()
            if result != ("ok",):
                raise ArchiveError(f"the backup failed its integrity check: {result[0]}")
        return target.stat().st_size

    def snapshot(self, connection: Connection) -> None:
        # The transaction began with BEGIN; its first read fixes what it sees.
        connection.exec_driver_sql("SELECT 1 FROM sources LIMIT 1")

    def load(self, connection: Connection, table: Table, rows: Sequence[Mapping[Any, Any]]) -> None:
        connection.execute(insert(table), [dict(row) for row in rows])

    def after_load(self, connection: Connection, tables: Sequence[Table]) -> None:
        return None  # SQLite numbers new rows after the largest id


BACKEND = SQLiteBackend()
"""The backend that :func:`archive.backends.backend_for` gives for SQLite."""
