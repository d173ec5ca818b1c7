"""JSON: one array of records, indented."""

from __future__ import annotations

import json
from collections.abc import Sequence

from archive.cli.formats.base import Column, Format, Records, records


def render(rows: Records, fields: Sequence[str], columns: Sequence[Column]) -> str:
    return json.dumps(records(rows, fields), ensure_ascii=False, indent=2)


FORMAT = Format("json", render, order=1)
