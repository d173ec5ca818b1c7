"""Finding articles: the SQL for search and count, with full-text ranks and snippets.

Functions take a Connection or a Session and never commit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Select, Subquery, func, select

from archive.dates import format_partial_date
from archive.errors import InvalidOption
from archive.limits import RANK_CANDIDATES
from archive.search.filters import Filters, Sort, connection_of, filter_conditions, full_text
from archive.search.fulltext.base import bracketed
from archive.store.clusters import MEMBERS, cluster_sizes, clusters_of
from archive.store.tables import documents, sources

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

SUMMARY_FIELDS = (
    "id", "published", "date_precision", "source", "host", "url", "title", "word_count", "rank",
    "snippet", "cluster_size",
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
    cluster_size: int | None = None
    """With ``collapse``: how many articles its cluster of near-duplicates holds, 1 for none."""

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
            "cluster_size": self.cluster_size,
        }


def summary_columns() -> tuple[Any, ...]:
    """The columns of a DocumentSummary, for queries that join sources."""
    return (
        documents.c.id,
        documents.c.published,
        documents.c.date_precision,
        sources.c.domain,
        documents.c.host,
        documents.c.url,
        documents.c.title,
        documents.c.word_count,
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


def _select_documents(connection: Connection, filters: Filters) -> Select[Any]:
    return (
        select(*summary_columns())
        .outerjoin(sources, sources.c.id == documents.c.source_id)
        .where(*filter_conditions(connection, filters))
    )


STREAM_SHARE = 50
"""Sorted by date, a text query that matches more than one document in this many is
answered by walking the date index and testing each document against the full-text
index; a rarer one by sorting all its matches."""


def search_documents(
    connection: Connection | Session,
    filters: Filters,
    *,
    sort: Sort | None = None,
    limit: int | None = 20,
    offset: int = 0,
    exact: bool = False,
    collapse: bool = False,
) -> list[DocumentSummary]:
    """Articles matching ``filters``: by relevance when there is a text query, else newest first.

    With a text query, each result carries a snippet, and its rank when
    sorted by relevance. Ranking a query that matches more than
    :data:`RANK_CANDIDATES` documents reads only the most recently imported of
    them, so that a common word answers in milliseconds rather than seconds;
    ``exact`` ranks every match. With ``collapse``, only the first result of each
    cluster of near-duplicates is kept, with the size of its cluster.
    """
    connection = connection_of(connection)
    sort = sort or ("relevance" if filters.text else "newest")
    if sort == "relevance" and filters.text is None:
        raise InvalidOption("sorting by relevance needs a text query to rank by")
    newest = (documents.c.published.desc(), documents.c.id.desc())
    query = _select_documents(connection, replace(filters, text=None))
    text = filters.text
    if text is not None:
        backend = full_text(connection)
        if sort == "relevance":
            matches = backend.matches(text)
            # Counting as far as the bound costs little: FTS5 reads row ids, computes no rank.
            if not exact and backend.count_matches(connection, text, RANK_CANDIDATES + 1) > (
                RANK_CANDIDATES
            ):
                matches = _recent_matches(connection, filters, matches)
            query = query.join(matches, matches.c.document_id == documents.c.id)
            query = query.add_columns(matches.c.rank).order_by(matches.c.rank.desc(), *newest)
        elif backend.count_matches(connection, text, stream := _stream_after(connection)) >= stream:
            query = query.where(backend.match_condition(text, documents.c.id))
        else:
            matches = backend.matches(text)
            query = query.join(matches, matches.c.document_id == documents.c.id)
    if sort == "newest":
        query = query.order_by(*newest)
    elif sort == "oldest":
        query = query.order_by(documents.c.published.asc(), documents.c.id.asc())
    rows: Sequence[Any]
    if collapse:
        rows, sizes = _one_per_cluster(connection, query, offset, limit)
        results = [replace(_summary(row), cluster_size=sizes[row.id]) for row in rows]
    else:
        rows = connection.execute(query.offset(offset).limit(limit)).all()
        results = [_summary(row) for row in rows]
    if text is None:
        return results
    snippets = backend.snippets(connection, text, [row.id for row in rows])
    ranks = [float(row.rank) if sort == "relevance" else None for row in rows]
    return [
        replace(result, rank=rank, snippet=" ".join(snippets.get(result.id, "").split()))
        for result, rank in zip(results, ranks, strict=True)
    ]


def _one_per_cluster(
    connection: Connection, query: Select[Any], offset: int, limit: int | None
) -> tuple[list[Any], dict[int, int]]:
    """The rows of ``query`` from ``offset``, the first of each cluster only, and the size
    of each one's cluster; read a page at a time, each twice as long as the one before."""
    wanted = None if limit is None else offset + limit
    kept: list[Any] = []
    clusters: dict[int, int] = {}
    start, page = 0, max(100, 2 * (wanted or 0))
    while wanted is None or len(kept) < wanted:
        rows = connection.execute(query.offset(start).limit(page)).all()
        found = clusters_of(connection, [row.id for row in rows])
        for row in rows:
            cluster = found.get(row.id, -row.id)
            if cluster not in clusters:
                clusters[cluster] = row.id
                kept.append(row)
        if len(rows) < page:
            break
        start, page = start + page, page * 2
    kept = kept[offset:wanted]
    first_of = {document_id: cluster for cluster, document_id in clusters.items()}
    sizes = cluster_sizes(connection, [first_of[row.id] for row in kept if first_of[row.id] > 0])
    return kept, {row.id: sizes.get(first_of[row.id], 1) for row in kept}


STREAM_MIN = 1_000
"""However small the archive, walk the date index only past this many matches."""


def _stream_after(connection: Connection) -> int:
    """Matches past which walking the date index beats sorting every match."""
    highest = connection.scalar(select(func.max(documents.c.id))) or 0
    return max(STREAM_MIN, highest // STREAM_SHARE)


def _recent_matches(connection: Connection, filters: Filters, matches: Subquery) -> Subquery:
    """The :data:`RANK_CANDIDATES` most recently imported matches that pass the filters."""
    return (
        select(matches.c.document_id, matches.c.rank)
        .join(documents, documents.c.id == matches.c.document_id)
        .where(*filter_conditions(connection, replace(filters, text=None)))
        .order_by(matches.c.document_id.desc())
        .limit(RANK_CANDIDATES)
        .subquery("recent_matches")
    )


def count_documents(
    connection: Connection | Session,
    filters: Filters,
    *,
    cap: int | None = None,
    collapse: bool = False,
) -> int:
    """How many articles match ``filters``; with ``cap``, counting stops there.

    With ``collapse``, a cluster of near-duplicates counts once.
    """
    connection = connection_of(connection)
    if filters.text is None:
        matching = select(documents.c.id).where(*filter_conditions(connection, filters))
    else:
        # Driven by the full-text index: each match is looked up once.
        matches = full_text(connection).matches(filters.text)
        matching = (
            select(documents.c.id)
            .join(matches, matches.c.document_id == documents.c.id)
            .where(*filter_conditions(connection, replace(filters, text=None)))
        )
    if collapse:
        matching = (
            matching.outerjoin(MEMBERS, MEMBERS.c.document_id == documents.c.id)
            .with_only_columns(func.coalesce(MEMBERS.c.cluster_id, -documents.c.id).label("key"))
            .distinct()
        )
    if cap is not None:
        matching = matching.limit(cap)
    return connection.scalar(select(func.count()).select_from(matching.subquery())) or 0
