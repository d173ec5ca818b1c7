"""PostgreSQL's full-text index folds accents, as SQLite's does: café is cafe.

A text search configuration ``archive_words`` reads words through the
``unaccent`` dictionary, then lower-cases them as 'simple' does, so that
ts_headline marks the words as they were written. The index is built again
over it, which takes a while on a large archive. SQLite is unchanged.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_WORD_TOKENS = (
    "asciiword, word, numword, asciihword, hword, numhword, "
    "hword_asciipart, hword_part, hword_numpart"
)
UPGRADE = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE TEXT SEARCH CONFIGURATION archive_words (COPY = simple)",
    f"ALTER TEXT SEARCH CONFIGURATION archive_words ALTER MAPPING FOR {_WORD_TOKENS} "
    "WITH unaccent, simple",
    "DROP INDEX ix_documents_search",
    """
    CREATE INDEX ix_documents_search ON documents USING gin ((
        setweight(to_tsvector('archive_words', title), 'A')
        || setweight(to_tsvector('archive_words', body), 'B')
    ))
    """,
]
DOWNGRADE = [
    "DROP INDEX ix_documents_search",
    """
    CREATE INDEX ix_documents_search ON documents USING gin ((
        setweight(to_tsvector('simple', translate(title, 'ёЁ', 'еЕ')), 'A')
        || setweight(to_tsvector('simple', translate(body, 'ёЁ', 'еЕ')), 'B')
    ))
    """,
    "DROP TEXT SEARCH CONFIGURATION archive_words",
]


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in UPGRADE:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in DOWNGRADE:
            op.execute(statement)
