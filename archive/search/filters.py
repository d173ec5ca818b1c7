"""What a search, a count or a stats run is restricted to: dates, sources, languages, words.

Functions take a Session and never commit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from sqlalchemy import ColumnElement, and_, false, or_, select
from sqlalchemy.orm import Session

from archive.dates import PartialDate
from archive.search.fulltext import backend_for
from archive.search.fulltext.base import FullTextBackend
from archive.search.grammar import TextQuery
from archive.store.models import Document, Source
from archive.urls import normalize_domain, registrable_domain

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
    """Words, phrases and the rest of the query language (see :mod:`archive.search.grammar`)."""
    languages: tuple[str, ...] = ()
    """ISO 639-1 codes (``en``, ``ru``); any may match."""


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


def full_text(session: Session) -> FullTextBackend:
    """The full-text backend of the session's database."""
    return backend_for(session.get_bind().dialect.name)
