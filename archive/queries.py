"""Questions asked of the archive: which articles, one article, which sources.

Functions take a Session and return plain data; they never commit.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from sqlalchemy import ColumnElement, Select, Subquery, and_, case, false, func, or_, select
from sqlalchemy.orm import Session

from archive.dates import PLACEHOLDER_DATE, PartialDate, format_partial_date
from archive.errors import DocumentNotFound, InvalidOption, InvalidURL
from archive.fulltext import SNIPPET_END, SNIPPET_START, FullTextBackend, backend_for
from archive.models import Document, DocumentCount, DocumentVersion, ImportItem, Source
from archive.query import TextQuery
from archive.store import original_bytes
from archive.urls import canonical_url, normalize_domain, registrable_domain

UNKNOWN_SOURCE = "unknown"
"""What ``--source`` takes to select articles whose source is not known."""

Sort = Literal["relevance", "newest", "oldest"]
SORTS: tuple[Sort, ...] = ("relevance", "newest", "oldest")


@dataclass(frozen=True)
class Filters:
    """Which articles a query is about; every field narrows the selection."""

    date_from: PartialDate | None = None
    """Inclusive: from the first day of this period."""
    date_to: PartialDate | None = None
    """Inclusive: up to the last day of this period (``2024-06`` ends on 06-30)."""
    sources: tuple[str, ...] = ()
    """Domains (``rt.com`` also matches ``*.rt.com``) or ``unknown``; any may match."""
    text: TextQuery | None = None
    """Words, phrases and the rest of the query language (see :mod:`archive.query`)."""
    languages: tuple[str, ...] = ()
    """ISO 639-1 codes (``en``, ``ru``); any may match."""


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


@dataclass(frozen=True)
class VersionSummary:
    """An earlier text of a document."""

    id: int
    published: str
    """As written, like :attr:`DocumentSummary.published`."""
    date_precision: str
    title: str
    word_count: int
    stored_at: dt.datetime
    superseded_at: dt.datetime


@dataclass(frozen=True)
class DocumentDetail:
    """Everything about one document, for ``archive show``."""

    summary: DocumentSummary
    canonical_url: str | None
    label: str | None
    title_derived: bool
    body: str
    encoding: str
    """Lower case with hyphens: ``utf-8``, ``koi8-r``, ``cp1251``."""
    original_sha256: str
    imported_at: dt.datetime
    updated_at: dt.datetime
    language: str | None = None
    date_source: str = "header"
    url_date: str | None = None
    site_article_id: str | None = None
    flags: tuple[str, ...] = ()
    """The names of the flags that are set: date_conflict, placeholder_date, future_date,
    early_date, mojibake_repaired, text_cleaned, decode_errors."""
    cleaning: str | None = None
    versions: list[VersionSummary] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    """Every path the document was imported from, oldest first."""

    def as_dict(self) -> dict[str, Any]:
        """The record that ``archive show --format json`` writes, its fields in order."""
        summary = self.summary
        return {
            "id": summary.id,
            "published": summary.published,
            "date_precision": summary.date_precision,
            "source": summary.source,
            "host": summary.host,
            "url": summary.url,
            "canonical_url": self.canonical_url,
            "title": summary.title,
            "title_derived": self.title_derived,
            "label": self.label,
            "word_count": summary.word_count,
            "language": self.language,
            "date_source": self.date_source,
            "url_date": self.url_date,
            "site_article_id": self.site_article_id,
            "flags": list(self.flags),
            "cleaning": self.cleaning,
            "encoding": self.encoding,
            "original_sha256": self.original_sha256,
            "imported_at": self.imported_at.isoformat(),
            "updated_at": self.updated_at.isoformat(),
            "files": self.files,
            "versions": [
                {
                    "id": version.id,
                    "published": version.published,
                    "date_precision": version.date_precision,
                    "title": version.title,
                    "word_count": version.word_count,
                    "stored_at": version.stored_at.isoformat(),
                    "superseded_at": version.superseded_at.isoformat(),
                }
                for version in self.versions
            ],
            "body": self.body,
        }


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


def source_condition(session: Session, name: str) -> ColumnElement[bool]:
    """Articles of source ``name``: a domain, a host under it, or ``unknown``.

    Raises :class:`InvalidDomain` for a value that is not a domain name.
    """
    if name.strip().lower() == UNKNOWN_SOURCE:
        return Document.source_id.is_(None)
    host = normalize_domain(name)
    # A source's own domain needs no Public Suffix List (which takes a while to load).
    exact = session.scalar(select(Source.id).where(Source.domain == host))
    if exact is not None:
        return Document.source_id == exact
    domain = registrable_domain(host)
    source_id = session.scalar(select(Source.id).where(Source.domain == domain))
    if source_id is None:
        return false()
    if host == domain:
        return Document.source_id == source_id
    return and_(
        Document.source_id == source_id,
        or_(Document.host == host, Document.host.endswith("." + host, autoescape=True)),
    )


def filter_conditions(session: Session, filters: Filters) -> list[ColumnElement[bool]]:
    """The WHERE conditions for ``filters``."""
    conditions: list[ColumnElement[bool]] = []
    if filters.date_from is not None:
        conditions.append(Document.published >= filters.date_from.iso)
    if filters.date_to is not None:
        conditions.append(Document.published <= filters.date_to.end.isoformat())
    if filters.sources:
        conditions.append(or_(*(source_condition(session, name) for name in filters.sources)))
    if filters.languages:
        conditions.append(Document.language.in_(filters.languages))
    if filters.text is not None:
        matches = full_text(session).matches(filters.text)
        conditions.append(Document.id.in_(select(matches.c.document_id)))
    return conditions


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


def full_text(session: Session) -> FullTextBackend:
    """The full-text backend of the session's database."""
    return backend_for(session.get_bind().dialect.name)


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


FLAG_COLUMNS = (
    "date_conflict", "placeholder_date", "future_date", "early_date", "mojibake_repaired",
    "text_cleaned",
)  # fmt: skip


def _document_condition(reference: str | int) -> tuple[ColumnElement[bool], str]:
    """Which document ``reference`` names (an id or any form of its URL), and the not-found text."""
    text = str(reference).strip()
    if text.isdigit():
        return Document.id == int(
            text
        ), f"no document has id {text} - find ids with 'archive search'"
    try:
        condition = Document.canonical_url == canonical_url(text)
    except InvalidURL:
        raise InvalidOption(f"{text!r} is neither a document id nor an http(s) URL") from None
    return condition, f"no document has the URL {text} - find it with 'archive search'"


def get_original(session: Session, reference: str | int) -> bytes:
    """The exact bytes of the file that the document's current text came from."""
    condition, missing = _document_condition(reference)
    row = session.execute(
        select(Document.original, Document.original_codec).where(condition)
    ).one_or_none()
    if row is None:
        raise DocumentNotFound(missing)
    return original_bytes(row.original, row.original_codec)


def get_document(session: Session, reference: str | int) -> DocumentDetail:
    """The document with this id, or whose URL has the same canonical form as ``reference``."""
    condition, missing = _document_condition(reference)
    row = session.execute(
        select(
            *summary_columns(),
            Document.canonical_url,
            Document.label,
            Document.title_derived,
            Document.body,
            Document.encoding,
            Document.original_sha256,
            Document.created_at,
            Document.updated_at,
            Document.language,
            Document.date_source,
            Document.url_date,
            Document.site_article_id,
            Document.cleaning,
            Document.decode_errors,
            *(getattr(Document, name) for name in FLAG_COLUMNS),
        )
        .outerjoin(Source, Source.id == Document.source_id)
        .where(condition)
    ).one_or_none()
    if row is None:
        raise DocumentNotFound(missing)
    flags = [name for name in FLAG_COLUMNS if getattr(row, name)]
    if row.decode_errors:
        flags.append("decode_errors")
    versions = [
        VersionSummary(
            id=version.id,
            published=format_partial_date(version.published, version.date_precision),
            date_precision=version.date_precision,
            title=version.title,
            word_count=version.word_count,
            stored_at=version.created_at,
            superseded_at=version.superseded_at,
        )
        for version in session.scalars(
            select(DocumentVersion)
            .where(DocumentVersion.document_id == row.id)
            .order_by(DocumentVersion.id)
        )
    ]
    files = list(
        session.scalars(
            select(ImportItem.path)
            .where(ImportItem.document_id == row.id, ImportItem.outcome != "unchanged")
            .order_by(ImportItem.id)
        )
    )
    return DocumentDetail(
        summary=_summary(row),
        canonical_url=row.canonical_url,
        label=row.label,
        title_derived=row.title_derived,
        body=row.body,
        # Imports before encodings were named with hyphens stored Python's koi8_r.
        encoding=row.encoding,
        original_sha256=row.original_sha256,
        imported_at=row.created_at,
        updated_at=row.updated_at,
        language=row.language,
        date_source=row.date_source,
        url_date=row.url_date,
        site_article_id=row.site_article_id,
        flags=tuple(flags),
        cleaning=row.cleaning,
        versions=versions,
        files=list(dict.fromkeys(files)),
    )


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
