"""archive history and archive diff: every text an article has had, and what changed."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Annotated

import typer

from archive.escapes import escape_controls

from .app import app, reading
from .options import FormatOption
from .output import emit, render

if TYPE_CHECKING:
    from archive.search.history import DiffLine, Version

ReferenceArgument = Annotated[str, typer.Argument(metavar="ID|URL", help="Document id or URL.")]


@app.command(short_help="List every version of an article, oldest first.")
def history(
    ctx: typer.Context,
    reference: ReferenceArgument,
    output_format: FormatOption = "table",
) -> None:
    """List every text an article has had, oldest first, the current one last.

    Each version has its number, when it was stored, the file it came from,
    its text's SHA-256, its word count, its title, and the words added and
    removed since the version before. Compare two with 'archive diff', read
    one with 'archive show ID --version N'.
    """
    from archive.search.history import HISTORY_FIELDS, get_history

    with reading(ctx) as connection:
        versions = get_history(connection, reference)
    rows = [version.as_dict() for version in versions]
    if output_format == "table":
        for row, version in zip(rows, versions, strict=True):
            row["version"] = f"{version.number}{' (current)' if version.current else ''}"
            row["stored_at"] = version.stored_at.strftime("%Y-%m-%d %H:%M")
            row["text_sha256"] = version.text_sha256[:12]
            row["added"] = "" if version.added is None else f"+{version.added}"
            row["removed"] = "" if version.removed is None else f"-{version.removed}"
    columns = [
        ("version", "version"),
        ("stored_at", "stored"),
        ("word_count", "words"),
        ("added", "added"),
        ("removed", "removed"),
        ("text_sha256", "sha256"),
        ("title", "title"),
        ("file", "file"),
    ]
    emit(render(rows, output_format, columns, HISTORY_FIELDS))


@app.command(short_help="Show what changed between two versions of an article.")
def diff(
    ctx: typer.Context,
    reference: ReferenceArgument,
    old: Annotated[
        int | None,
        typer.Argument(metavar="V1", help="The earlier version (default: the one before V2)."),
    ] = None,
    new: Annotated[
        int | None,
        typer.Argument(metavar="V2", help="The later version (default: the current one)."),
    ] = None,
) -> None:
    """Show, word by word, what changed in an article's title and text between two versions.

    Removed paragraphs start with -, added ones with +, and a paragraph that
    was edited appears twice, its changed words in colour on a terminal, and
    marked [-like this-] and {+like this+} when the output is piped. Versions
    are numbered as 'archive history' lists them; by default the one before
    the current is compared with the current one.
    """
    from archive.search.history import check_version, diff_versions, get_history

    with reading(ctx) as connection:
        versions = get_history(connection, reference)
    count = len(versions)
    if count == 1 and old is None:
        typer.echo(f"Document {reference} has one version: nothing to compare.", err=True)
        return
    second = check_version(new if new is not None else count, count, reference)
    first = check_version(old if old is not None else max(second - 1, 1), count, reference)
    before, after = versions[first - 1], versions[second - 1]
    colour = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    lines = [_heading("---", before), _heading("+++", after)]
    changes = diff_versions(before, after)
    lines += [_diff_line(line, colour) for line in changes]
    if not changes:
        lines.append("  (the same title and text)")
    emit("\n".join(lines))


def _heading(mark: str, version: Version) -> str:
    current = " (current)" if version.current else ""
    stored = version.stored_at.strftime("%Y-%m-%d %H:%M")
    file = f", {escape_controls(version.file)}" if version.file else ""
    return f"{mark} version {version.number}{current}: stored {stored}{file}"


_STYLES = {"-": "red", "+": "green"}
_MARKS = {"-": ("[-", "-]"), "+": ("{+", "+}")}


def _diff_line(line: DiffLine, colour: bool) -> str:
    """A line of the diff: its mark, then its text, changed words shown as the output allows."""
    whole = len(line.pieces) == 1  # a paragraph added or removed whole needs no word marks
    parts: list[str] = []
    for changed, piece in line.pieces:
        text = escape_controls(piece)
        if colour and line.mark in _STYLES:
            text = typer.style(text, fg=_STYLES[line.mark], bold=changed and not whole)
        elif changed and not whole:
            start, end = _MARKS[line.mark]
            text = f"{start}{text}{end}"
        parts.append(text)
    mark = (
        typer.style(line.mark, fg=_STYLES[line.mark])
        if colour and line.mark in _STYLES
        else line.mark
    )
    return f"{mark} {''.join(parts)}"
