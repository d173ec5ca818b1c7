"""Finding articles: the SQL for search and count, with full-text ranks and snippets.

Functions take a Session and never commit.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Select, Subquery, func, select
from sqlalchemy.orm import Session

from archive.dates import format_partial_date
from archive.errors import InvalidOption
from archive.search.filters import Filters, Sort, filter_conditions, full_text
from archive.search.fulltext.base import SNIPPET_END, SNIPPET_START
from archive.store.models import Document, Source

SUMMARY_FIELDS = (
    "id", "published", "date_precision", "source", "host", "url", "title", "word_count", "rank",
    "snippet",
)  # fmt: skip
"""The fields of a search result's record, in order; every record has all of them."""


@dataclass(frozen=True)
class DocumentSummary:
    """One line of a search result."""

    id: int
    published: str
    """As written: ``2024-06-24``, ``2024-06`` for a month, ``2024`` for a year."""
    date_precision: str
    """``day``, ``month`` or ``year``."""
    source: str | None
    """The source's domain; None when it is not known."""
    host: str | None
    url: str | None
    title: str
    word_count: int
    rank: float | None = None
    """With a text query sorted by relevance: how well the article matches; higher is better.
    None when sorted by date, which ranks nothing."""
    snippet: str | None = None
    """With a text query: an extract, matched words between SNIPPET_START and SNIPPET_END."""

    def as_dict(self) -> dict[str, Any]:
        """The record of :data:`SUMMARY_FIELDS`: snippets mark matched words with [ and ]."""
        return {
            "id": self.id,
            "published": self.published,
            "date_precision": self.date_precision,
            "source": self.source,
            "host": self.host,
            "url": self.url,
            "title": self.title,
            "word_count": self.word_count,
            "rank": None if self.rank is None else round(self.rank, 6),
            "snippet": None if self.snippet is None else bracketed(self.snippet),
        }


def bracketed(snippet: str) -> str:
    """A snippet with its matched words between [ and ]."""
    return snippet.replace(SNIPPET_START, "[").replace(SNIPPET_END, "]")


def summary_columns() -> tuple[Any, ...]:
    """The columns of a DocumentSummary, for queries that join sources."""
    return (
        Document.id,
        Document.published,
        Document.date_precision,
        Source.domain,
        Document.host,
        Document.url,
        Document.title,
        Document.word_count,
    )


def _summary(row: Any) -> DocumentSummary:
    return DocumentSummary(
        id=row.id,
        published=format_partial_date(row.published, row.date_precision),
        date_precision=row.date_precision,
        source=row.domain,
        host=row.host,
        url=row.url,
        title=row.title,
        word_count=row.word_count,
    )


def _select_documents(session: Session, filters: Filters) -> Select[Any]:
    return (
        select(*summary_columns())
        .outerjoin(Source, Source.id == Document.source_id)
        .where(*filter_conditions(session, filters))
    )


STREAM_SHARE = 50
"""Sorted by date, a text query that matches more than one document in this many is
answered by walking the date index and testing each document against the full-text
index; a rarer one by sorting all its matches."""

RANK_CANDIDATES = 10_000
"""Sorted by relevance, a query that matches more documents than this ranks only the
most recently imported this many (see :func:`search_documents`)."""


def search_documents(
    session: Session,
    filters: Filters,
    *,
    sort: Sort | None = None,
    limit: int | None = 20,
    offset: int = 0,
    exact: bool = False,
) -> list[DocumentSummary]:
    """Articles matching ``filters``: by relevance when there is a text query, else newest first.

    With a text query, each result carries a snippet, and its rank when
    sorted by relevance. Ranking a query that matches more than
    :data:`RANK_CANDIDATES` documents reads only the most recently imported of
    them, so that a common word answers in milliseconds rather than seconds;
    ``exact`` ranks every match.
    """
    sort = sort or ("relevance" if filters.text else "newest")
    if sort == "relevance" and filters.text is None:
        raise InvalidOption("sorting by relevance needs a text query to rank by")
    newest = (Document.published.desc(), Document.id.desc())
    query = _select_documents(session, replace(filters, text=None))
    text = filters.text
    if text is not None:
        backend = full_text(session)
        connection = session.connection()
        if sort == "relevance":
            matches = backend.matches(text)
            # Counting as far as the bound costs little: FTS5 reads row ids, computes no rank.
            if not exact and backend.count_matches(connection, text, RANK_CANDIDATES + 1) > (
                RANK_CANDIDATES
            ):
                matches = _recent_matches(session, filters, matches)
            query = query.join(matches, matches.c.document_id == Document.id)
            query = query.add_columns(matches.c.rank).order_by(matches.c.rank.desc(), *newest)
        elif backend.count_matches(connection, text, stream := _stream_after(session)) >= stream:
            query = query.where(backend.match_condition(text, Document.id))
        else:
            matches = backend.matches(text)
            query = query.join(matches, matches.c.document_id == Document.id)
    if sort == "newest":
        query = query.order_by(*newest)
    elif sort == "oldest":
        query = query.order_by(Document.published.asc(), Document.id.asc())
    rows = session.execute(query.offset(offset).limit(limit)).all()
    results = [_summary(row) for row in rows]
    if text is None:
        return results
    snippets = backend.snippets(connection, text, [row.id for row in rows])
    ranks = [float(row.rank) if sort == "relevance" else None for row in rows]
    return [
        replace(result, rank=rank, snippet=" ".join(snippets.get(result.id, "").split()))
        for result, rank in zip(results, ranks, strict=True)
    ]


STREAM_MIN = 1_000
"""However small the archive, walk the date index only past this many matches."""


def _stream_after(session: Session) -> int:
    """Matches past which walking the date index beats sorting every match."""
    highest = session.scalar(select(func.max(Document.id))) or 0
    return max(STREAM_MIN, highest // STREAM_SHARE)


def _recent_matches(session: Session, filters: Filters, matches: Subquery) -> Subquery:
    """The :data:`RANK_CANDIDATES` most recently imported matches that pass the filters."""
    return (
        select(matches.c.document_id, matches.c.rank)
        .join(Document, Document.id == matches.c.document_id)
        .where(*filter_conditions(session, replace(filters, text=None)))
        .order_by(matches.c.document_id.desc())
        .limit(RANK_CANDIDATES)
        .subquery("recent_matches")
    )


def count_documents(session: Session, filters: Filters, *, cap: int | None = None) -> int:
    """How many articles match ``filters``; with ``cap``, counting stops there."""
    if filters.text is None:
        matching = select(Document.id).where(*filter_conditions(session, filters))
    else:
        # Driven by the full-text index: each match is looked up once.
        matches = full_text(session).matches(filters.text)
        matching = (
            select(Document.id)
            .join(matches, matches.c.document_id == Document.id)
            .where(*filter_conditions(session, replace(filters, text=None)))
        )
    if cap is not None:
        matching = matching.limit(cap)
    return session.scalar(select(func.count()).select_from(matching.subquery())) or 0
