"""Counts per source and date kept by triggers; file times for quick re-imports.

``document_counts`` holds how many documents each source has per published
date and precision, kept by triggers on ``documents``, so that ``stats``
need not read every document. ``import_items.mtime_ns`` and an index on
``import_items.path`` let a re-import skip files whose path, size and
modification time are unchanged, without reading them.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_KEY = "(source_key, published, date_precision)"


def _add(row: str) -> str:
    return (
        f"INSERT INTO document_counts {_KEY[:-1]}, documents) "
        f"VALUES (coalesce({row}.source_id, 0), {row}.published, {row}.date_precision, 1) "
        f"ON CONFLICT {_KEY} DO UPDATE SET documents = document_counts.documents + 1;"
    )


def _remove(row: str) -> str:
    return (
        "UPDATE document_counts SET documents = documents - 1 "
        f"WHERE source_key = coalesce({row}.source_id, 0) AND published = {row}.published "
        f"AND date_precision = {row}.date_precision;"
    )


SQLITE_TRIGGERS = [
    f"CREATE TRIGGER document_counts_insert AFTER INSERT ON documents BEGIN {_add('new')} END",
    f"CREATE TRIGGER document_counts_delete AFTER DELETE ON documents BEGIN {_remove('old')} END",
    "CREATE TRIGGER document_counts_update "
    "AFTER UPDATE OF source_id, published, date_precision ON documents "
    f"BEGIN {_remove('old')} {_add('new')} END",
]
POSTGRES_TRIGGERS = [
    f"""
    CREATE FUNCTION document_counts_change() RETURNS trigger AS $$
    BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN {_remove("OLD")} END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN {_add("NEW")} END IF;
        RETURN NULL;
    END
    $$ LANGUAGE plpgsql
    """,
    "CREATE TRIGGER document_counts_change "
    "AFTER INSERT OR DELETE OR UPDATE OF source_id, published, date_precision ON documents "
    "FOR EACH ROW EXECUTE FUNCTION document_counts_change()",
]


def upgrade() -> None:
    op.add_column("import_items", sa.Column("mtime_ns", sa.BigInteger(), nullable=True))
    op.create_index(op.f("ix_import_items_path"), "import_items", ["path"])
    op.create_table(
        "document_counts",
        sa.Column("source_key", sa.Integer(), nullable=False),
        sa.Column("published", sa.String(length=10), nullable=False),
        sa.Column("date_precision", sa.String(length=5), nullable=False),
        sa.Column("documents", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "source_key", "published", "date_precision", name=op.f("pk_document_counts")
        ),
        sqlite_with_rowid=False,
    )
    op.execute(
        f"INSERT INTO document_counts {_KEY[:-1]}, documents) "
        "SELECT coalesce(source_id, 0), published, date_precision, count(*) FROM documents "
        "GROUP BY coalesce(source_id, 0), published, date_precision"
    )
    dialect = op.get_bind().dialect.name
    for statement in {"sqlite": SQLITE_TRIGGERS, "postgresql": POSTGRES_TRIGGERS}.get(dialect, []):
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER document_counts_change ON documents")
        op.execute("DROP FUNCTION document_counts_change()")
    else:
        for name in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER document_counts_{name}")
    op.drop_table("document_counts")
    op.drop_index(op.f("ix_import_items_path"), table_name="import_items")
    op.execute("ALTER TABLE import_items DROP COLUMN mtime_ns")
