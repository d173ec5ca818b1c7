"""From a parsed article to what is stored: cleaned text, metadata and flags.

Pure: the caller decides the URL, source and header date (file, --map,
--source) and passes today's date for the future-date flag.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from archive.dates import PLACEHOLDER_DATE, PartialDate
from archive.ingest.clean import clean, clean_line
from archive.ingest.metadata import detect_language, site_article_id, url_date
from archive.ingest.parse import ParsedArticle
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


def enrich(
    parsed: ParsedArticle,
    *,
    published: PartialDate,
    date_source: str,
    url: str | None,
    source: str | None,
    decode_errors: int,
    today: dt.date,
) -> Enriched:
    """Clean the article's title and body and work out its metadata and flags."""
    title, title_notes, title_mojibake = clean_line(parsed.title)
    cleaned = clean(parsed.body, source=source)
    found_date = url_date(url)
    if found_date is not None and date_source == "header":
        if published.start == PLACEHOLDER_DATE or (
            published.precision != "day" and published.start <= found_date <= published.end
        ):
            published, date_source = PartialDate(found_date, "day"), "url"
    notes = [f"title: {note}" for note in title_notes] + list(cleaned.changes)
    return Enriched(
        title=title or parsed.title.strip(),
        body=cleaned.text,
        word_count=count_words(cleaned.text),
        published=published,
        date_source=date_source,
        url_date=found_date,
        site_article_id=site_article_id(url),
        language=detect_language(title, cleaned.text),
        date_conflict=found_date is not None and not published.start <= found_date <= published.end,
        placeholder_date=published.start == PLACEHOLDER_DATE,
        future_date=published.start > today,
        early_date=published.start < EARLIEST_PLAUSIBLE and published.start != PLACEHOLDER_DATE,
        mojibake_repaired=title_mojibake or cleaned.mojibake_repaired,
        text_cleaned=bool(notes),
        cleaning="; ".join(notes) or None,
        decode_errors=decode_errors,
    )
