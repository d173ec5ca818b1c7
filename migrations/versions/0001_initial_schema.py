"""Initial schema: sources, documents, versions and import runs

Revision ID: 0001
Revises:
Create Date: 2026-11-28
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

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

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "import_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("arguments", sa.Text(), nullable=False),
        sa.Column("imported", sa.Integer(), nullable=False),
        sa.Column("updated", sa.Integer(), nullable=False),
        sa.Column("unchanged", sa.Integer(), nullable=False),
        sa.Column("duplicate", sa.Integer(), nullable=False),
        sa.Column("rejected", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "status IN ('running', 'completed', 'interrupted', 'failed')",
            name=op.f("ck_import_runs_status"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_runs")),
    )
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("domain", sa.String(length=253), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sources")),
        sa.UniqueConstraint("domain", name=op.f("uq_sources_domain")),
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("canonical_url", sa.String(length=2048), nullable=True),
        sa.Column("host", sa.String(length=253), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("url", sa.String(length=2048), nullable=True),
        sa.Column("published", sa.String(length=10), nullable=False),
        sa.Column("date_precision", sa.String(length=5), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("title_derived", sa.Boolean(), nullable=False),
        sa.Column("label", sa.Text(), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("word_count", sa.Integer(), nullable=False),
        sa.Column("encoding", sa.String(length=32), nullable=False),
        sa.Column("text_sha256", sa.String(length=64), nullable=False),
        sa.Column("original_sha256", sa.String(length=64), nullable=False),
        sa.Column("original", sa.LargeBinary(), nullable=False),
        sa.CheckConstraint(
            "date_precision IN ('day', 'month', 'year')", name=op.f("ck_documents_date_precision")
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["sources.id"], name=op.f("fk_documents_source_id_sources")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
        sa.UniqueConstraint("canonical_url", name=op.f("uq_documents_canonical_url")),
    )
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_documents_original_sha256"), ["original_sha256"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_documents_published"), ["published"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_documents_source_id_published"), ["source_id", "published"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_documents_text_sha256"), ["text_sha256"], unique=False)

    op.create_table(
        "document_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("superseded_at", sa.DateTime(), nullable=False),
        sa.Column("url", sa.String(length=2048), nullable=True),
        sa.Column("published", sa.String(length=10), nullable=False),
        sa.Column("date_precision", sa.String(length=5), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("title_derived", sa.Boolean(), nullable=False),
        sa.Column("label", sa.Text(), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("word_count", sa.Integer(), nullable=False),
        sa.Column("encoding", sa.String(length=32), nullable=False),
        sa.Column("text_sha256", sa.String(length=64), nullable=False),
        sa.Column("original_sha256", sa.String(length=64), nullable=False),
        sa.Column("original", sa.LargeBinary(), nullable=False),
        sa.CheckConstraint(
            "date_precision IN ('day', 'month', 'year')",
            name=op.f("ck_document_versions_date_precision"),
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_document_versions_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_versions")),
    )
    with op.batch_alter_table("document_versions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_document_versions_document_id"), ["document_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_document_versions_original_sha256"), ["original_sha256"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_document_versions_text_sha256"), ["text_sha256"], unique=False
        )

    op.create_table(
        "import_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=True),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.String(length=32), nullable=True),
        sa.Column("message", sa.Text(), nullable=True),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "outcome IN ('imported', 'updated', 'unchanged', 'duplicate', 'rejected')",
            name=op.f("ck_import_items_outcome"),
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_import_items_document_id_documents"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["import_runs.id"],
            name=op.f("fk_import_items_run_id_import_runs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_items")),
    )
    with op.batch_alter_table("import_items", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_import_items_document_id"), ["document_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_import_items_run_id_outcome"), ["run_id", "outcome"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_import_items_sha256"), ["sha256"], unique=False)

    op.execute(ARTICLES_VIEW)


def downgrade() -> None:
    op.execute("DROP VIEW articles")
    with op.batch_alter_table("import_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_import_items_sha256"))
        batch_op.drop_index(batch_op.f("ix_import_items_run_id_outcome"))
        batch_op.drop_index(batch_op.f("ix_import_items_document_id"))

    op.drop_table("import_items")
    with op.batch_alter_table("document_versions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_document_versions_text_sha256"))
        batch_op.drop_index(batch_op.f("ix_document_versions_original_sha256"))
        batch_op.drop_index(batch_op.f("ix_document_versions_document_id"))

    op.drop_table("document_versions")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_documents_text_sha256"))
        batch_op.drop_index(batch_op.f("ix_documents_source_id_published"))
        batch_op.drop_index(batch_op.f("ix_documents_published"))
        batch_op.drop_index(batch_op.f("ix_documents_original_sha256"))

    op.drop_table("documents")
    op.drop_table("sources")
    op.drop_table("import_runs")
