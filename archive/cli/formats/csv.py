"""CSV with a header line, even with no rows; newlines end its lines."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from archive.cli.formats.base import Column, Format, Records, records


def render(rows: Records, fields: Sequence[str], columns: Sequence[Column]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(records(rows, fields))
    return buffer.getvalue().rstrip("\n")


FORMAT = Format("csv", render, order=3)
