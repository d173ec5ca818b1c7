"""Every source with its number of articles and its first and last dates."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, case, func, select

from archive.dates import PLACEHOLDER_DATE
from archive.search.filters import connection_of
from archive.store.tables import document_counts, sources

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

SOURCE_FIELDS = ("source", "articles", "first", "last")
"""The fields of a source's record, in order."""


@dataclass(frozen=True)
class SourceSummary:
    """A source with how many articles it has and their date span."""

    source: str | None
    """The source's domain; None for the articles whose source is not known."""
    articles: int
    first: str | None
    """The earliest date, as written (``2023-03`` for a month); placeholder dates
    (1970-01-01) are left out, and a source with no other date has None."""
    last: str | None
    """The latest date, like ``first``."""

    def as_dict(self) -> dict[str, Any]:
        """The record of :data:`SOURCE_FIELDS`."""
        return {
            "source": self.source,
            "articles": self.articles,
            "first": self.first,
            "last": self.last,
        }


def list_sources(connection: Connection | Session) -> list[SourceSummary]:
    """Every source with its article count and first and last dates, most articles first.

    Reads the counts that triggers keep per source, date and precision, not
    the documents. Dates are compared as written, so a month (``2024-03``)
    comes before the days in it and after the days of the month before;
    the placeholder date 1970-01-01 counts as an article but not as a date.
    """
    counts = document_counts.c
    written = case(
        (counts.date_precision == "year", func.substr(counts.published, 1, 4)),
        (counts.date_precision == "month", func.substr(counts.published, 1, 7)),
        else_=counts.published,
    )
    dated = counts.published != PLACEHOLDER_DATE.isoformat()
    articles = func.sum(counts.documents)
    query = (
        select(
            sources.c.domain,
            articles,
            func.min(written).filter(dated),
            func.max(written).filter(dated),
        )
        .select_from(document_counts)
        .outerjoin(sources, sources.c.id == counts.source_key)
        .where(counts.documents > 0)
        .group_by(counts.source_key, sources.c.domain)
        .order_by(articles.desc(), sources.c.domain.nulls_first())
    )
    return [
        SourceSummary(domain, int(total), first, last)
        for domain, total, first, last in connection_of(connection).execute(query)
    ]
