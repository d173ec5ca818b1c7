"""archive export: write articles out as original files, JSON Lines or CSV."""

from __future__ import annotations

import io
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from archive.errors import InvalidOption
from archive.files import atomic_output

from .app import app, reading
from .browsing import FromOption, LanguageOption, QueryArgument, SourceOption, ToOption
from .options import filters_from_options
from .output import plural


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    original = "original"


@app.command(short_help="Write the matching articles to a file or a folder.")
def export(
    ctx: typer.Context,
    target: Annotated[
        str,
        typer.Argument(
            metavar="PATH",
            help="File to write, - for stdout; with --format original, a folder.",
        ),
    ],
    query: QueryArgument = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    source: SourceOption = None,
    language: LanguageOption = None,
    output_format: Annotated[
        ExportFormat,
        typer.Option("--format", metavar="jsonl|csv|original", help="What to write."),
    ] = ExportFormat.jsonl,
    force: Annotated[
        bool, typer.Option("--force", help="Replace files that already exist.")
    ] = False,
) -> None:
    """Export the matching articles: records with their cleaned text, or the original files.

    Records have the fields id, published (as written: 2023-03 for a month),
    date_precision, source (null when unknown), host, url, title, word_count,
    language, label, date_source, url_date, site_article_id and body.

    With --format original, each article's original file is written byte for
    byte into the folder PATH, as ID_NAME. Files are written whole or not at
    all, never through a symlink, and never over an existing file without --force.
    """
    from archive.search.export import export_originals, export_records

    filters = filters_from_options(date_from, date_to, source, query, language)
    with reading(ctx) as connection:
        if output_format is ExportFormat.original:
            if target == "-":
                raise InvalidOption("--format original writes files: name a folder, not -")
            count = export_originals(connection, filters, Path(target), force)
        elif target == "-":
            count = export_records(connection, filters, output_format.value, sys.stdout)
        else:
            with atomic_output(Path(target), force) as stream:
                text = io.TextIOWrapper(stream, encoding="utf-8", newline="")
                count = export_records(connection, filters, output_format.value, text)
                text.flush()
                text.detach()
    where = "stdout" if target == "-" else target
    typer.echo(f"Exported {plural(count, 'article')} to {where}.", err=True)
