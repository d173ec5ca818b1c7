"""Counts over time: articles per day, week, month or year, and source.

Functions take a Connection or a Session and return plain data; they never commit.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import ColumnElement, Connection, Table, func, select

from archive.dates import PLACEHOLDER_DATE
from archive.search.filters import UNKNOWN_SOURCE, Filters, connection_of, filter_conditions
from archive.store.tables import document_counts, documents, sources

if TYPE_CHECKING:
    from sqlalchemy.orm import Session
from archive.urls import normalize_domain, registrable_domain

Period = Literal["day", "week", "month", "year"]
PERIODS: tuple[Period, ...] = ("day", "week", "month", "year")

TOTAL_SERIES = "(all)"
"""The source named by the one series that ``total`` sums the sources into."""
PERIOD_FIELDS = ("period", "source", "articles")
"""The fields of a count's record, in order."""


@dataclass(frozen=True)
class PeriodCount:
    """How many articles one source published in one period."""

    period: str
    """``2024-06-24``, ``2024-W26``, ``2024-06`` or ``2024``."""
    source: str | None
    """The source's domain, None for articles whose source is not known, or
    :data:`TOTAL_SERIES` for the sum of all sources."""
    articles: int

    def as_dict(self) -> dict[str, Any]:
        """The record of :data:`PERIOD_FIELDS`."""
        return {"period": self.period, "source": self.source, "articles": self.articles}


@dataclass(frozen=True)
class PeriodCounts:
    """Counts over time, and how many articles had too vague a date to be counted."""

    rows: list[PeriodCount]
    too_vague: int = 0
    """Articles whose date is less precise than the period (a month-only date by day)."""
    placeholder: int = 0
    """Articles with the placeholder date 1970-01-01, which are left out."""


def count_by_period(
    connection: Connection | Session, filters: Filters, *, by: Period = "month", total: bool = False
) -> PeriodCounts:
    """Articles per period and source, in date order, with zero-count periods filled in.

    Each source's series runs over the range of ``filters``, or, where the
    range is open, from that source's first to its last article. Articles
    whose source is not known form the series with the source None. With
    ``total`` the sources are summed into one series named ``(all)``.
    Articles whose date is less precise than ``by`` and placeholder dates
    (1970-01-01) are not counted; their numbers are returned.
    """
    precise = {"day": ("day",), "week": ("day",), "month": ("day", "month")}.get(
        by, ("day", "month", "year")
    )
    connection = connection_of(connection)
    placeholder = PLACEHOLDER_DATE.isoformat()
    keys = _source_keys(connection, filters)
    if keys is None:
        # Read every matching document.
        conditions = filter_conditions(connection, filters)
        published, precision, source_id = (
            documents.c.published,
            documents.c.date_precision,
            documents.c.source_id,
        )
        articles: ColumnElement[int] = func.count()
        table: Table = documents
    else:
        # Read the counts that triggers keep per source, date and precision.
        published, precision, source_id = (
            document_counts.c.published,
            document_counts.c.date_precision,
            document_counts.c.source_key,
        )
        conditions = [document_counts.c.documents > 0]
        if filters.date_from is not None:
            conditions.append(published >= filters.date_from.iso)
        if filters.date_to is not None:
            conditions.append(published <= filters.date_to.end.isoformat())
        if keys:
            conditions.append(source_id.in_(keys))
        articles = func.sum(document_counts.c.documents)
        table = document_counts
    day_key = {
        "month": func.substr(published, 1, 7),
        "year": func.substr(published, 1, 4),
    }.get(by, published)
    query = (
        select(sources.c.domain, day_key, articles)
        .select_from(table)
        .outerjoin(sources, sources.c.id == source_id)
        .where(*conditions, precision.in_(precise), published != placeholder)
        .group_by(sources.c.domain, day_key)
    )
    series: dict[str | None, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for domain, key, count in connection.execute(query):
        name = TOTAL_SERIES if total else domain
        series[name][_period_of(key, by)] += count

    excluded = connection.execute(
        select(
            func.coalesce(articles.filter(published == placeholder), 0),
            func.coalesce(articles.filter(published != placeholder, precision.not_in(precise)), 0),
        )
        .select_from(table)
        .where(*conditions)
    ).one()
    if total and not series and filters.date_from and filters.date_to:
        series[TOTAL_SERIES] = defaultdict(int)
    rows: list[PeriodCount] = []
    for name, counts in series.items():
        first = _period_of(filters.date_from.iso, by) if filters.date_from else min(counts)
        last = _period_of(filters.date_to.end.isoformat(), by) if filters.date_to else max(counts)
        for period in periods_between(first, last, by):
            rows.append(PeriodCount(period, name, counts.get(period, 0)))
    # Within a period, the unknown source comes first, where its table label (unknown) sorts.
    rows.sort(key=lambda row: (row.period, row.source is not None, row.source or ""))
    return PeriodCounts(rows, too_vague=excluded[1], placeholder=excluded[0])


def _source_keys(connection: Connection, filters: Filters) -> list[int] | None:
    """The ``document_counts`` keys of the sources asked for; None when the counts cannot tell.

    They cannot when the filters look inside documents (words, languages) or
    name a host below a source (``news.rt.com``). An empty list means every source.
    """
    if filters.text is not None or filters.languages:
        return None
    keys: list[int] = []
    for name in filters.sources:
        if name.strip().lower() == UNKNOWN_SOURCE:
            keys.append(0)
            continue
        host = normalize_domain(name)
        found: int | None = connection.scalar(select(sources.c.id).where(sources.c.domain == host))
        if found is None and registrable_domain(host) != host:
            return None
        keys.append(found if found is not None else -1)  # -1: no such source, no counts
    return keys


def _period_of(key: str, by: Period) -> str:
    """The period label of a date or date prefix: 2024-06-24 by week is 2024-W26."""
    if by == "week":
        year, week, _ = dt.date.fromisoformat(key).isocalendar()
        return f"{year}-W{week:02d}"
    return key[: {"day": 10, "month": 7, "year": 4}[by]]


def periods_between(first: str, last: str, by: Period) -> list[str]:
    """Every period label from ``first`` to ``last`` inclusive."""
    if by == "year":
        return [str(year) for year in range(int(first), int(last) + 1)]
    if by == "month":
        year, month = int(first[:4]), int(first[5:7])
        periods = []
        while f"{year:04d}-{month:02d}" <= last:
            periods.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return periods
    if by == "week":
        start = dt.date.fromisocalendar(int(first[:4]), int(first[6:]), 1)
        end = dt.date.fromisocalendar(int(last[:4]), int(last[6:]), 1)
        step = dt.timedelta(weeks=1)
    else:
        start, end = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
        step = dt.timedelta(days=1)
    periods = []
    while start <= end:
        periods.append(_period_of(start.isoformat(), by))
        start += step
    return periods
