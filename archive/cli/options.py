"""Option values shared by several commands, checked into library types."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated

import typer

from archive.cli.formats import format_names
from archive.dates import PartialDate, parse_partial_date
from archive.errors import InvalidDate, InvalidDomain, InvalidOption
from archive.search.grammar import parse_query
from archive.urls import normalize_domain

if TYPE_CHECKING:
    from archive.search.filters import Filters


def _format_checker(*, articles: bool) -> Callable[[str], str]:
    """A callback that takes only the names of :mod:`archive.cli.formats`' formats."""
    names = format_names(articles=articles)

    def check(value: str) -> str:
        if value not in names:
            shown = ", ".join(repr(name) for name in names)
            raise typer.BadParameter(f"{value!r} is not one of {shown}.")
        return value

    return check


FormatOption = Annotated[
    str,
    typer.Option(
        "--format",
        metavar="|".join(format_names()),
        help="Output format.",
        callback=_format_checker(articles=False),
    ),
]
"""--format for lists of sources and counts: every format that is not for articles only."""
ArticleFormatOption = Annotated[
    str,
    typer.Option(
        "--format",
        metavar="|".join(format_names(articles=True)),
        help="Output format.",
        callback=_format_checker(articles=True),
    ),
]
"""--format for lists of articles, which can also be bare ids."""


LimitOption = Annotated[
    int,
    typer.Option(
        metavar="N", help="Show at most this many articles, 1 or more; see --count for how many."
    ),
]
"""--limit, for every command that pages through articles; check it with limit_option."""
OffsetOption = Annotated[
    int, typer.Option(min=0, metavar="N", help="Skip this many articles first.")
]
"""--offset, which goes with --limit; check it with offset_option."""

LARGEST_ROW_COUNT = 2**63 - 1
"""The largest LIMIT or OFFSET that SQL takes; any larger one means the same, every row."""


def limit_option(value: int) -> int:
    """Check a --limit value: a limit that shows nothing is a mistake, not an empty answer."""
    if value < 1:
        raise InvalidOption(
            f"--limit {value} would show no articles - use --limit 1 or more, "
            "or --count to count them"
        )
    return min(value, LARGEST_ROW_COUNT)


def offset_option(value: int) -> int:
    """An --offset value that SQL can take."""
    return min(value, LARGEST_ROW_COUNT)


def date_option(name: str, value: str | None) -> PartialDate | None:
    """Parse a --from/--to value; the error names the option."""
    if value is None:
        return None
    try:
        return parse_partial_date(value)
    except InvalidDate as error:
        raise InvalidOption(f"{name} {error}") from None


def domain_option(name: str, value: str, hint: str = "") -> str:
    """Check a domain name option; the error names the option."""
    try:
        return normalize_domain(value)
    except InvalidDomain as error:
        raise InvalidOption(f"{name} {error}{hint}") from None


def source_option(values: list[str] | None) -> tuple[str, ...]:
    """Check --source values: domain names or 'unknown'."""
    from archive.search.filters import UNKNOWN_SOURCE

    return tuple(
        UNKNOWN_SOURCE
        if value.strip().lower() == UNKNOWN_SOURCE
        else domain_option("--source", value, ", or 'unknown'")
        for value in values or ()
    )


def language_option(values: list[str] | None) -> tuple[str, ...]:
    """Check --lang values: two- or three-letter ISO 639 codes."""
    checked = []
    for value in values or ():
        code = value.strip().lower()
        if not (code.isascii() and code.isalpha() and 2 <= len(code) <= 3):
            raise InvalidOption(f"--lang {value!r} is not a language code such as en, ru or de")
        checked.append(code)
    return tuple(checked)


def filters_from_options(
    date_from: str | None,
    date_to: str | None,
    sources: list[str] | None,
    query: str | None = None,
    languages: list[str] | None = None,
) -> Filters:
    """The Filters for the shared QUERY argument and --from, --to, --source, --lang options."""
    from archive.search.filters import Filters

    filters = Filters(
        date_from=date_option("--from", date_from),
        date_to=date_option("--to", date_to),
        sources=source_option(sources),
        text=parse_query(query) if query is not None else None,
        languages=language_option(languages),
    )
    if filters.date_from and filters.date_to and filters.date_from.start > filters.date_to.end:
        raise InvalidOption(
            f"--from {filters.date_from} is after --to {filters.date_to} - swap them"
        )
    return filters
