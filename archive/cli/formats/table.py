"""A plain table for people, sized to the terminal, with matched words in bold."""

from __future__ import annotations

import io
import re
import shutil
import sys
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from archive.cli.formats.base import Column, Format, Records
from archive.escapes import escape_controls
from archive.search.fulltext.base import SNIPPET_END, SNIPPET_START, bracketed

if TYPE_CHECKING:
    from rich.text import Text

PIPED_WIDTH = 160
"""Table width when stdout is not a terminal."""

STRETCHY_COLUMNS = frozenset({"title", "snippet", "message", "path"})
"""Columns of long text, which share the width that the others leave."""

UNKNOWN_LABEL = "(unknown)"
"""How a table shows a source that is not known (null in every other format)."""
SHOWN_FOR_NULL = {"source": UNKNOWN_LABEL}
"""What a table shows for a null in these columns; other null cells are blank."""


def output_width() -> int:
    if sys.stdout.isatty():
        return shutil.get_terminal_size().columns
    return PIPED_WIDTH


def render(rows: Records, fields: Sequence[str], columns: Sequence[Column]) -> str:
    return render_table(rows, columns)


def render_table(rows: Records, columns: Sequence[Column]) -> str:
    """A plain table, sized to the terminal: long text columns are cut short to fit."""
    highlight = sys.stdout.isatty()
    width = output_width()
    natural = {
        key: max([len(heading), *(len(_plain(_shown(row, key))) for row in rows)])
        for key, heading in columns
    }
    gaps = 3 * (len(columns) - 1)
    fixed = sum(natural[key] for key, _ in columns if key not in STRETCHY_COLUMNS)
    stretchy = [key for key, _ in columns if key in STRETCHY_COLUMNS]
    room = max(width - fixed - gaps, 10 * len(stretchy))
    shares = _share(room, {key: natural[key] for key in stretchy})
    from rich import box  # rich is loaded for tables only
    from rich.console import Console
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, collapse_padding=True)
    for key, heading in columns:
        numeric = bool(rows) and isinstance(rows[0].get(key), int)
        size = shares.get(key, natural[key])
        table.add_column(
            heading,
            justify="right" if numeric else "left",
            no_wrap=True,
            overflow="ellipsis",
            width=size,
        )
    for row in rows:
        cells = []
        for key, _ in columns:
            value = _shown(row, key)
            if key == "snippet" and isinstance(value, str):
                value = focus(value, shares.get(key, natural[key]))
            cells.append(_cell(value, highlight))
        table.add_row(*cells)
    console = Console(
        file=io.StringIO(),
        width=max(width, fixed + gaps + sum(shares.values())),
        color_system="auto" if highlight else None,
        force_terminal=highlight,
        highlight=False,
        emoji=False,
        markup=False,
    )
    console.print(table)
    buffer = console.file
    assert isinstance(buffer, io.StringIO)
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()).strip("\n")


def _share(room: int, wanted: dict[str, int]) -> dict[str, int]:
    """Split ``room`` among long columns: each gets what it needs if all fit, else a share."""
    if sum(wanted.values()) <= room:
        return wanted
    shares: dict[str, int] = {}
    left = dict(wanted)
    while left:
        fair = room // len(left)
        small = {key: size for key, size in left.items() if size <= fair}
        if not small:
            return {**shares, **dict.fromkeys(left, fair)}
        shares.update(small)
        room -= sum(small.values())
        left = {key: size for key, size in left.items() if key not in small}
    return shares


def focus(snippet: str, width: int) -> str:
    """Cut the start of a snippet so that its first matched word shows in ``width`` characters."""
    first = snippet.find(SNIPPET_START)
    if len(snippet) <= width or first < width // 3:
        return snippet
    start = snippet.rfind(" ", 0, first - width // 4)
    return "…" + snippet[start + 1 if start >= 0 else first :]


def _shown(row: Mapping[str, Any], key: str) -> Any:
    """A table cell's value: a null shown as SHOWN_FOR_NULL says."""
    value = row.get(key)
    return SHOWN_FOR_NULL.get(key) if value is None else value


def _plain(value: object) -> str:
    return "" if value is None else bracketed(escape_controls(str(value)))


def _cell(value: object, highlight: bool) -> str | Text:
    """A table cell; a snippet's matched words in bold on a terminal, else between [ and ]."""
    if value is None:
        return ""
    shown = escape_controls(str(value))
    if SNIPPET_START not in shown:
        return shown
    if not highlight:
        return bracketed(shown)
    from rich.text import Text

    cell = Text()
    for index, part in enumerate(re.split(f"[{SNIPPET_START}{SNIPPET_END}]", shown)):
        cell.append(part, style="bold yellow" if index % 2 else None)
    return cell


FORMAT = Format("table", render, order=0)
