"""Bare article ids, one a line, for scripts that pipe them on."""

from __future__ import annotations

from collections.abc import Sequence

from archive.cli.formats.base import Column, Format, Records


def render(rows: Records, fields: Sequence[str], columns: Sequence[Column]) -> str:
    return "\n".join(str(row["id"]) for row in rows)


FORMAT = Format("ids", render, order=4, articles_only=True)
