"""Encoding names in lower case with hyphens, as the decoder now records them.

Older imports stored Python's codec names (``koi8_r``, ``utf_8``); the
decoder now records ``koi8-r`` and ``utf-8``, which Python accepts as well.
This rewrites the stored names so that SQL and the command line agree.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    for table in ("documents", "document_versions"):
        op.execute(
            f"UPDATE {table} SET encoding = lower(replace(encoding, '_', '-')) "
            "WHERE encoding <> lower(replace(encoding, '_', '-'))"
        )


def downgrade() -> None:
    # Both spellings name the same codec: the new names stay valid for older versions.
    pass
