"""archive sources and archive stats: what the archive holds, over time."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from .app import app, reading
from .browsing import FromOption, LanguageOption, QueryArgument, SourceOption, ToOption
from .options import FormatOption, filters_from_options
from .output import emit, plural, render


class Period(StrEnum):
    day = "day"
    week = "week"
    month = "month"
    year = "year"


@app.command(short_help="List the sources with their article counts and date spans.")
def sources(
    ctx: typer.Context,
    output_format: FormatOption = "table",
) -> None:
    """List every source with its number of articles and first and last dates.

    Dates are shown as written (2023-03 for a month); the placeholder date
    1970-01-01 is counted but is never a first or last date. JSON, JSON Lines
    and CSV have the fields source (null when unknown), articles, first and last.
    """
    from archive.search.sources import SOURCE_FIELDS, list_sources

    with reading(ctx) as connection:
        rows = [summary.as_dict() for summary in list_sources(connection)]
    if output_format == "table" and not rows:
        typer.echo("The archive is empty.", err=True)
        return
    emit(
        render(
            rows,
            output_format,
            [("source", "source"), ("articles", "articles"), ("first", "first"), ("last", "last")],
            SOURCE_FIELDS,
        )
    )


@app.command(short_help="Count articles per period and source.")
def stats(
    ctx: typer.Context,
    query: QueryArgument = None,
    by: Annotated[
        Period, typer.Option(metavar="day|week|month|year", help="Length of each period.")
    ] = Period.month,
    date_from: FromOption = None,
    date_to: ToOption = None,
    source: SourceOption = None,
    language: LanguageOption = None,
    total: Annotated[
        bool, typer.Option("--total", help="Sum the sources into one series.")
    ] = False,
    output_format: FormatOption = "table",
) -> None:
    """Count articles per period and source, in date order, with empty periods shown as 0.

    With a QUERY, count only the articles that match it (see 'archive search --help').
    JSON, JSON Lines and CSV have the fields period, source (null when unknown,
    (all) with --total) and articles.
    """
    from archive.search.stats import PERIOD_FIELDS, count_by_period

    filters = filters_from_options(date_from, date_to, source, query, language)
    with reading(ctx) as connection:
        counts = count_by_period(connection, filters, by=by.value, total=total)
    rows = [row.as_dict() for row in counts.rows]
    if output_format == "table" and not rows:
        typer.echo("No articles match.", err=True)
    else:
        emit(
            render(
                rows,
                output_format,
                [("period", by.value), ("source", "source"), ("articles", "articles")],
                PERIOD_FIELDS,
            )
        )
    if counts.too_vague:
        typer.echo(
            f"Not counted: {plural(counts.too_vague, 'article')} dated less precisely "
            f"than a {by.value}.",
            err=True,
        )
    if counts.placeholder:
        typer.echo(
            f"Not counted: {plural(counts.placeholder, 'article')} with the placeholder "
            "date 1970-01-01.",
            err=True,
        )
