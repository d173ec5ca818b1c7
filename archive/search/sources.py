"""Every source with its number of articles and its first and last dates."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from archive.dates import PLACEHOLDER_DATE
from archive.store.models import DocumentCount, Source

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


def list_sources(session: Session) -> list[SourceSummary]:
    """Every source with its article count and first and last dates, most articles first.

    Reads the counts that triggers keep per source, date and precision, not
    the documents. Dates are compared as written, so a month (``2024-03``)
    comes before the days in it and after the days of the month before;
    the placeholder date 1970-01-01 counts as an article but not as a date.
    """
    counts = DocumentCount
    written = case(
        (counts.date_precision == "year", func.substr(counts.published, 1, 4)),
        (counts.date_precision == "month", func.substr(counts.published, 1, 7)),
        else_=counts.published,
    )
    dated = counts.published != PLACEHOLDER_DATE.isoformat()
    articles = func.sum(counts.documents)
    query = (
        select(
            Source.domain,
            articles,
            func.min(written).filter(dated),
            func.max(written).filter(dated),
        )
        .select_from(counts)
        .outerjoin(Source, Source.id == counts.source_key)
        .where(counts.documents > 0)
        .group_by(counts.source_key, Source.domain)
        .order_by(articles.desc(), Source.domain.nulls_first())
    )
    return [
        SourceSummary(domain, int(total), first, last)
        for domain, total, first, last in session.execute(query)
    ]
