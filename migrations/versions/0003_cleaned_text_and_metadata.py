"""Cleaned-text metadata and flags, and originals compressed with zlib.

Existing rows keep their text until 'archive db reclean' cleans it; their
originals are compressed here, in batches.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("documents", "document_versions")
BATCH = 1000


def _columns() -> list[sa.Column[object]]:
    false = sa.text("false")
    return [
        sa.Column("original_codec", sa.String(length=8), server_default="none", nullable=False),
        sa.Column("cleaning", sa.Text(), nullable=True),
        sa.Column("language", sa.String(length=8), nullable=True),
        sa.Column("url_date", sa.String(length=10), nullable=True),
        sa.Column("site_article_id", sa.String(length=64), nullable=True),
        sa.Column("date_source", sa.String(length=8), server_default="header", nullable=False),
        *(
            sa.Column(name, sa.Boolean(), server_default=false, nullable=False)
            for name in (
                "date_conflict",
                "placeholder_date",
                "future_date",
                "early_date",
                "mojibake_repaired",
                "text_cleaned",
            )
        ),  # fmt: skip
        sa.Column("decode_errors", sa.Integer(), server_default="0", nullable=False),
    ]


def _compress_originals(table: str) -> None:
    connection = op.get_bind()
    last = 0
    while True:
        rows = connection.execute(
            sa.text(
                f"SELECT id, original FROM {table} WHERE id > :last AND original_codec = 'none' "
                "ORDER BY id LIMIT :batch"
            ),
            {"last": last, "batch": BATCH},
        ).all()
        if not rows:
            return
        connection.execute(
            sa.text(f"UPDATE {table} SET original = :data, original_codec = 'zlib' WHERE id = :id"),
            [{"id": row.id, "data": zlib.compress(bytes(row.original))} for row in rows],
        )
        last = rows[-1].id


def upgrade() -> None:
    # Plain ADD COLUMN: a batch rebuild of documents would drop the full-text triggers.
    for table in TABLES:
        for column in _columns():
            op.add_column(table, column)
        op.create_index(f"ix_{table}_language", table, ["language"])
        _compress_originals(table)


def downgrade() -> None:
    connection = op.get_bind()
    for table in TABLES:
        rows = connection.execute(
            sa.text(f"SELECT id, original FROM {table} WHERE original_codec = 'zlib'")
        ).all()
        if rows:
            connection.execute(
                sa.text(f"UPDATE {table} SET original = :data WHERE id = :id"),
                [{"id": row.id, "data": zlib.decompress(row.original)} for row in rows],
            )
        op.drop_index(f"ix_{table}_language", table)
        for column in _columns():
            op.execute(f"ALTER TABLE {table} DROP COLUMN {column.name}")
