"""Full-text index over documents' title and body.

SQLite: an FTS5 table named documents_fts with documents as its external
content, kept in sync by triggers, so Datasette and sqlite-utils find it.
The index sees ё as е, so that either spelling finds both; case and accents
are folded by the unicode61 tokenizer.

PostgreSQL: a GIN index over the weighted tsvector of title and body.

A later batch migration that rebuilds the documents table on SQLite drops
these triggers and must create them again.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _fold(column: str) -> str:
    return f"replace(replace({column}, 'ё', 'е'), 'Ё', 'Е')"


SQLITE_UPGRADE = [
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
    f"""
    INSERT INTO documents_fts (rowid, title, body)
    SELECT id, {_fold("title")}, {_fold("body")} FROM documents
    """,
]
SQLITE_DOWNGRADE = [
    "DROP TRIGGER documents_fts_update",
    "DROP TRIGGER documents_fts_delete",
    "DROP TRIGGER documents_fts_insert",
    "DROP TABLE documents_fts",
]
POSTGRES_UPGRADE = [
    """
    CREATE INDEX ix_documents_search ON documents USING gin ((
        setweight(to_tsvector('simple', translate(title, 'ёЁ', 'еЕ')), 'A')
        || setweight(to_tsvector('simple', translate(body, 'ёЁ', 'еЕ')), 'B')
    ))
    """,
]
POSTGRES_DOWNGRADE = ["DROP INDEX ix_documents_search"]


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for statement in {"sqlite": SQLITE_UPGRADE, "postgresql": POSTGRES_UPGRADE}.get(dialect, []):
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for statement in {"sqlite": SQLITE_DOWNGRADE, "postgresql": POSTGRES_DOWNGRADE}.get(
        dialect, []
    ):
        op.execute(statement)
