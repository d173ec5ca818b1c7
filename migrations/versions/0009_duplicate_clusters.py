"""Near-duplicate clusters: MinHash signatures, the clusters and the duplicate_clusters view.

Documents stored before this revision have no signature: after upgrading,
``archive db recluster`` signs and compares them all.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _document_key(name: str = "document_id") -> sa.Column[int]:
    return sa.Column(
        name,
        sa.Integer(),
        sa.ForeignKey("documents.id", ondelete="CASCADE"),
        primary_key=True,
    )


def upgrade() -> None:
    op.create_table(
        "document_signatures",
        _document_key(),
        sa.Column("signature", sa.LargeBinary(), nullable=False),
    )
    op.create_table("documents_to_compare", _document_key())
    op.create_table(
        "duplicate_members",
        _document_key(),
        sa.Column(
            "cluster_id",
            sa.Integer(),
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("similarity", sa.Float(), nullable=False),
    )
    op.create_index(op.f("ix_duplicate_members_cluster_id"), "duplicate_members", ["cluster_id"])
    op.create_table(
        "settings",
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )
    op.execute(
        "CREATE VIEW duplicate_clusters AS "
        "SELECT cluster_id, document_id, similarity FROM duplicate_members"
    )


def downgrade() -> None:
    op.execute("DROP VIEW duplicate_clusters")
    for table in ("settings", "duplicate_members", "documents_to_compare", "document_signatures"):
        op.drop_table(table)
