"""The skipped outcome: files an import leaves out by name or path, recorded unread.

``import_items.outcome`` may be ``skipped`` (with a reason such as
``not_an_article`` or ``excluded``), and ``import_runs.skipped`` counts them.
On SQLite the CHECK constraint is changed by copying ``import_items`` into a
new table, which takes a while on a database with millions of import items.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_OUTCOMES = ("imported", "updated", "unchanged", "duplicate", "rejected")


def _only(outcomes: Sequence[str]) -> str:
    return "outcome IN ({})".format(", ".join(f"'{outcome}'" for outcome in outcomes))


def _allow(outcomes: Sequence[str]) -> None:
    with op.batch_alter_table("import_items") as batch_op:
        batch_op.drop_constraint(op.f("ck_import_items_outcome"), type_="check")
        batch_op.create_check_constraint(op.f("ck_import_items_outcome"), _only(outcomes))


def upgrade() -> None:
    op.add_column(
        "import_runs",
        sa.Column("skipped", sa.Integer(), server_default="0", nullable=False),
    )
    _allow((*_OUTCOMES, "skipped"))


def downgrade() -> None:
    # The old schema has no place for skipped files: their records go.
    op.execute("DELETE FROM import_items WHERE outcome = 'skipped'")
    _allow(_OUTCOMES)
    op.execute("ALTER TABLE import_runs DROP COLUMN skipped")
