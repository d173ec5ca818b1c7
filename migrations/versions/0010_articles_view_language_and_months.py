"""The articles view gains language, year and month, to group and facet by.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_COLUMNS = """
    documents.id AS id,
    documents.published AS published,
    documents.date_precision AS date_precision,
    sources.domain AS source,
    documents.host AS host,
    documents.url AS url,
    documents.title AS title,
    documents.body AS body,
    documents.word_count AS word_count"""
_ADDED = """,
    documents.language AS language,
    substr(documents.published, 1, 4) AS year,
    CASE WHEN documents.date_precision = 'year' THEN NULL
        ELSE substr(documents.published, 1, 7) END AS month"""
_FROM = """
FROM documents
LEFT JOIN sources ON sources.id = documents.source_id
"""


def upgrade() -> None:
    op.execute("DROP VIEW articles")
    op.execute(f"\nCREATE VIEW articles AS\nSELECT{_COLUMNS}{_ADDED}{_FROM}")


def downgrade() -> None:
    op.execute("DROP VIEW articles")
    op.execute(f"\nCREATE VIEW articles AS\nSELECT{_COLUMNS}{_FROM}")
