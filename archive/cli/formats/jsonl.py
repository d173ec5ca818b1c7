"""JSON Lines: one record a line."""

from __future__ import annotations

import json
from collections.abc import Sequence

from archive.cli.formats.base import Column, Format, Records, records


def render(rows: Records, fields: Sequence[str], columns: Sequence[Column]) -> str:
    return "\n".join(json.dumps(record, ensure_ascii=False) for record in records(rows, fields))


FORMAT = Format("jsonl", render, order=2)
