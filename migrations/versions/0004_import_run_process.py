"""Record which process runs an import, so that killed runs can be marked interrupted.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("import_runs", sa.Column("hostname", sa.String(length=255), nullable=True))
    op.add_column("import_runs", sa.Column("pid", sa.Integer(), nullable=True))


def downgrade() -> None:
    op.execute("ALTER TABLE import_runs DROP COLUMN pid")
    op.execute("ALTER TABLE import_runs DROP COLUMN hostname")
