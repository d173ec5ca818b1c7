"""Creating a new archive's schema at once, from the tables, without running every migration.

A new archive gets the tables of :mod:`archive.store.tables`, the objects
that SQLAlchemy does not declare (the ``articles`` view, the full-text index
and the triggers that keep it and ``document_counts`` up to date) and the
Alembic stamp of the newest migration, in one transaction. The migrations
stay the history for archives made by earlier versions; a test checks that
both ways give the same schema.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from archive.store.tables import metadata

SCHEMA_REVISION = "0007"
"""The newest migration in migrations/versions; a test keeps the two equal.

Knowing it here lets every command check the schema without loading Alembic.
"""

ARTICLES_VIEW = """
CREATE VIEW articles AS
SELECT
    documents.id AS id,
    documents.published AS published,
    documents.date_precision AS date_precision,
    sources.domain AS source,
    documents.host AS host,
    documents.url AS url,
    documents.title AS title,
    documents.body AS body,
    documents.word_count AS word_count
FROM documents
LEFT JOIN sources ON sources.id = documents.source_id
"""
"""Articles with their source's domain, for people who open the file in sqlite3 or Datasette."""


def _fold(column: str) -> str:
    """The column with ё read as е, as the full-text index stores it."""
    return f"replace(replace({column}, 'ё', 'е'), 'Ё', 'Е')"


_COUNT_KEY = "(source_key, published, date_precision)"


def _count_added(row: str) -> str:
    return (
        f"INSERT INTO document_counts {_COUNT_KEY[:-1]}, documents) "
        f"VALUES (coalesce({row}.source_id, 0), {row}.published, {row}.date_precision, 1) "
        f"ON CONFLICT {_COUNT_KEY} DO UPDATE SET documents = document_counts.documents + 1;"
    )


def _count_removed(row: str) -> str:
    return (
        "UPDATE document_counts SET documents = documents - 1 "
        f"WHERE source_key = coalesce({row}.source_id, 0) AND published = {row}.published "
        f"AND date_precision = {row}.date_precision;"
    )


SQLITE = [
    ARTICLES_VIEW,
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
        VALUES (new.id, {_fold("new.title")}, {_fold("new.body")});
    END
    """,
    f"""
    CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
        INSERT INTO documents_fts (documents_fts, rowid, title, body)
        VALUES ('delete', old.id, {_fold("old.title")}, {_fold("old.body")});
    END
    """,
    f"""
    CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, body ON documents BEGIN
        INSERT INTO documents_fts (documents_fts, rowid, title, body)
        VALUES ('delete', old.id, {_fold("old.title")}, {_fold("old.body")});
        INSERT INTO documents_fts (rowid, title, body)
        VALUES (new.id, {_fold("new.title")}, {_fold("new.body")});
    END
    """,
    "CREATE TRIGGER document_counts_insert AFTER INSERT ON documents "
    f"BEGIN {_count_added('new')} END",
    "CREATE TRIGGER document_counts_delete AFTER DELETE ON documents "
    f"BEGIN {_count_removed('old')} END",
    "CREATE TRIGGER document_counts_update "
    "AFTER UPDATE OF source_id, published, date_precision ON documents "
    f"BEGIN {_count_removed('old')} {_count_added('new')} END",
]
"""What SQLite needs besides the tables, in the order it can be created."""

POSTGRESQL = [
    ARTICLES_VIEW,
    """
    CREATE INDEX ix_documents_search ON documents USING gin ((
        setweight(to_tsvector('simple', translate(title, 'ёЁ', 'еЕ')), 'A')
        || setweight(to_tsvector('simple', translate(body, 'ёЁ', 'еЕ')), 'B')
    ))
    """,
    f"""
    CREATE FUNCTION document_counts_change() RETURNS trigger AS $$
    BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN {_count_removed("OLD")} END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN {_count_added("NEW")} END IF;
        RETURN NULL;
    END
    $$ LANGUAGE plpgsql
    """,
    "CREATE TRIGGER document_counts_change "
    "AFTER INSERT OR DELETE OR UPDATE OF source_id, published, date_precision ON documents "
    "FOR EACH ROW EXECUTE FUNCTION document_counts_change()",
]
"""What PostgreSQL needs besides the tables."""

_EXTRAS = {"sqlite": SQLITE, "postgresql": POSTGRESQL}


def create_schema(connection: Connection) -> None:
    """Create this version's whole schema in an empty database and stamp it.

    The caller's transaction covers it all, so a failure leaves the database empty.
    """
    metadata.create_all(connection, checkfirst=False)
    for statement in _EXTRAS.get(connection.dialect.name, []):
        connection.exec_driver_sql(statement)
    connection.exec_driver_sql(
        "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
        "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))"
    )
    connection.execute(
        text("INSERT INTO alembic_version (version_num) VALUES (:revision)"),
        {"revision": SCHEMA_REVISION},
    )
