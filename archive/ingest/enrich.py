"""From a cleaned article to what is stored about it: dates, language, word count and flags.

Pure: the caller decides the URL and header date (file, --map) and passes
today's date for the future-date flag.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol

from archive.dates import PLACEHOLDER_DATE, PartialDate
from archive.ingest.metadata import detect_language, site_article_id, url_date
from archive.ingest.sentences import count_words

EARLIEST_PLAUSIBLE = dt.date(1990, 1, 1)
"""Dates before this are stored but flagged: few crawled news articles are older."""


@dataclass(frozen=True)
class Enriched:
    """The cleaned text of an article and what is known about it."""

    title: str
    body: str
    word_count: int
    published: PartialDate
    date_source: str
    """header, url (the URL's date replaced or refined the header's) or map."""
    url_date: dt.date | None
    site_article_id: str | None
    language: str | None
    date_conflict: bool
    """The URL's date is outside the published date's period."""
    placeholder_date: bool
    future_date: bool
    early_date: bool
    mojibake_repaired: bool
    text_cleaned: bool
    cleaning: str | None
    """What cleaning changed, in words."""
    decode_errors: int


class Cleaned(Protocol):
    """A cleaned article, as :func:`archive.ingest.clean.clean_article` gives it."""

    @property
    def title(self) -> str: ...
    @property
    def body(self) -> str: ...
    @property
    def changes(self) -> tuple[str, ...]: ...
    @property
    def mojibake_repaired(self) -> bool: ...


def enrich(
    cleaned: Cleaned,
    *,
    published: PartialDate,
    date_source: str,
    url: str | None,
    decode_errors: int,
    today: dt.date,
) -> Enriched:
    """Work out a cleaned article's metadata and flags: dates, language, words, site id."""
    title, body = cleaned.title, cleaned.body
    found_date = url_date(url)
    if found_date is not None and date_source == "header":
        if published.start == PLACEHOLDER_DATE or (
            published.precision != "day" and published.start <= found_date <= published.end
        ):
            published, date_source = PartialDate(found_date, "day"), "url"
    return Enriched(
        title=title,
        body=body,
        word_count=count_words(body),
        published=published,
        date_source=date_source,
        url_date=found_date,
        site_article_id=site_article_id(url),
        language=detect_language(title, body),
        date_conflict=found_date is not None and not published.start <= found_date <= published.end,
        placeholder_date=published.start == PLACEHOLDER_DATE,
        future_date=published.start > today,
        early_date=published.start < EARLIEST_PLAUSIBLE and published.start != PLACEHOLDER_DATE,
        mojibake_repaired=cleaned.mojibake_repaired,
        text_cleaned=bool(cleaned.changes),
        cleaning="; ".join(cleaned.changes) or None,
        decode_errors=decode_errors,
    )
