"""Printing a command's results: rows in the format asked for, lines, counts."""

from __future__ import annotations

from collections.abc import Sequence

import typer

from archive.cli.formats import formats
from archive.cli.formats.base import Column, Records


def render(
    rows: Records,
    output_format: str,
    columns: Sequence[Column],
    fields: Sequence[str] | None = None,
) -> str:
    """``rows`` in ``output_format``: tables show ``columns``; JSON, JSON Lines and CSV
    write exactly ``fields`` (by default the keys of ``columns``), in order."""
    chosen = [key for key, _ in columns] if fields is None else list(fields)
    return formats()[output_format].render(rows, chosen, columns)


def emit(text: str) -> None:
    """Print ``text`` with a final newline, unless it is empty."""
    if text:
        typer.echo(text)


def plural(count: int, word: str) -> str:
    """``1 article``, ``2 articles``."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"
