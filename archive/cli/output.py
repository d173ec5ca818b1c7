"""Rendering rows as a table, JSON, JSON Lines, CSV or bare ids."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sys
from collections.abc import Sequence
from typing import Any

import typer
from rich import box
from rich.console import Console
from rich.table import Table

PIPED_WIDTH = 160
"""Table width when stdout is not a terminal."""

Column = tuple[str, str]
"""A row key and its table heading."""


def output_width() -> int:
    if sys.stdout.isatty():
        return shutil.get_terminal_size().columns
    return PIPED_WIDTH


def render(rows: Sequence[dict[str, Any]], output_format: str, columns: Sequence[Column]) -> str:
    """``rows`` in ``output_format``; tables show ``columns``, other formats every key."""
    if output_format == "json":
        return json.dumps(list(rows), ensure_ascii=False, indent=2)
    if output_format == "jsonl":
        return "\n".join(json.dumps(row, ensure_ascii=False) for row in rows)
    if output_format == "ids":
        return "\n".join(str(row["id"]) for row in rows)
    if output_format == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(
            buffer, fieldnames=list(rows[0]) if rows else [k for k, _ in columns]
        )
        writer.writeheader()
        writer.writerows(rows)
        return buffer.getvalue().rstrip("\r\n")
    return render_table(rows, columns)


def render_table(rows: Sequence[dict[str, Any]], columns: Sequence[Column]) -> str:
    """A plain table, sized to the terminal, with long cells cut short."""
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for key, heading in columns:
        numeric = bool(rows) and isinstance(rows[0].get(key), int)
        table.add_column(
            heading,
            justify="right" if numeric else "left",
            no_wrap=True,
            overflow="ellipsis",
            ratio=1 if key in ("title", "message", "path") else None,
        )
    for row in rows:
        table.add_row(*("" if row.get(key) is None else str(row[key]) for key, _ in columns))
    console = Console(
        file=io.StringIO(),
        width=output_width(),
        color_system=None,
        highlight=False,
        emoji=False,
        markup=False,
    )
    console.print(table)
    buffer = console.file
    assert isinstance(buffer, io.StringIO)
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()).strip("\n")


def emit(text: str) -> None:
    """Print ``text`` with a final newline, unless it is empty."""
    if text:
        typer.echo(text)


def plural(count: int, word: str) -> str:
    """``1 article``, ``2 articles``."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"
