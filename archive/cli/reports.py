"""archive sources and archive stats: what the archive holds, over time."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from archive.errors import InvalidOption

from .app import app, reading
from .browsing import FromOption, LanguageOption, QueryArgument, SourceOption, ToOption
from .options import FormatOption, filters_from_options
from .output import emit, plural, render

if TYPE_CHECKING:
    from archive.search.stats import PeriodCount

TABLE_ROWS = 100
"""Rows that the table of 'archive stats' shows unless --limit says otherwise: the latest."""
BAR_WIDTH = 30
_EIGHTHS = " ▏▎▍▌▋▊▉"


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
    limit: Annotated[
        int,
        typer.Option(
            metavar="N",
            help="Rows the table shows, the latest. JSON, JSON Lines and CSV write every row.",
        ),
    ] = TABLE_ROWS,
    plot: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE",
            help="Draw the counts as a chart, one line per source, to FILE.png or FILE.svg "
            "(needs the web extra).",
            dir_okay=False,
        ),
    ] = None,
    output_format: FormatOption = "table",
) -> None:
    """Count articles per period and source, in date order, with empty periods shown as 0.

    With a QUERY, count only the articles that match it (see 'archive search --help').
    The table shows a bar per row and the latest rows only; JSON, JSON Lines and
    CSV have every row, with the fields period, source (null when unknown, (all)
    with --total) and articles. With --plot, the chart is written instead.
    """
    from archive.search.stats import PERIOD_FIELDS, count_by_period

    if limit < 1:
        raise InvalidOption(
            f"--limit {limit} would show no rows - use --limit 1 or more, "
            "or --format csv for every row"
        )
    filters = filters_from_options(date_from, date_to, source, query, language)
    chart_format = None if plot is None else plot_format(plot)
    with reading(ctx) as connection:
        counts = count_by_period(connection, filters, by=by.value, total=total)
    rows = [row.as_dict() for row in counts.rows]
    if plot is not None and chart_format is not None:
        write_chart(plot, chart_format, counts.rows, by.value)
    elif output_format == "table" and not rows:
        typer.echo("No articles match.", err=True)
    elif output_format == "table":
        emit(
            render(
                with_bars(rows[-limit:]),
                output_format,
                [("period", by.value), ("source", "source"), ("articles", "articles"),
                 ("bar", "")],
            )
        )  # fmt: skip
        if len(rows) > limit:
            typer.echo(
                f"Showing the latest {limit:,} of {len(rows):,} rows; --limit N shows more, "
                "a longer --by sums them, --format csv writes every row.",
                err=True,
            )
    else:
        emit(render(rows, output_format, [], PERIOD_FIELDS))
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


def with_bars(rows: Sequence[dict[str, Any]], width: int = BAR_WIDTH) -> list[dict[str, Any]]:
    """The rows with a bar each, as long as its articles against the largest count shown."""
    largest = max((row["articles"] for row in rows), default=0) or 1
    return [{**row, "bar": bar(row["articles"] / largest, width)} for row in rows]


def bar(share: float, width: int) -> str:
    """A bar of block characters, ``share`` of ``width`` long, in eighths of a character."""
    eighths = round(share * width * 8)
    return "█" * (eighths // 8) + _EIGHTHS[eighths % 8].strip()


def plot_format(path: Path) -> str:
    """png or svg, from the chart file's name; an error for any other."""
    from archive.search.plots import PLOT_FORMATS

    suffix = path.suffix.lower().lstrip(".")
    if suffix not in PLOT_FORMATS:
        raise InvalidOption(
            f"--plot {path}: cannot tell the chart's format - end the name in .png or .svg"
        )
    return suffix


def write_chart(path: Path, chart_format: str, rows: Sequence[PeriodCount], by: str) -> None:
    """Draw the counts to ``path`` and say so on stderr."""
    from archive.search.plots import plot_counts

    if not rows:
        raise InvalidOption("no articles match, so there is nothing to draw")
    data = plot_counts(rows, by, chart_format)  # type: ignore[arg-type]
    try:
        path.write_bytes(data)
    except OSError as error:
        raise InvalidOption(f"cannot write {path}: {error.strerror}") from None
    periods = sorted({row.period for row in rows})
    typer.echo(f"Wrote {path}: articles per {by}, {periods[0]} to {periods[-1]}.", err=True)
