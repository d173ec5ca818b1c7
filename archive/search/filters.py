"""What a search, a count or a stats run is restricted to: dates, sources, languages, words.

Functions take a Connection or a Session and never commit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from sqlalchemy import ColumnElement, Connection, and_, false, or_, select

from archive.backends import backend_for
from archive.dates import PartialDate
from archive.search.fulltext.base import FullTextBackend
from archive.search.grammar import TextQuery
from archive.store.tables import documents, sources
from archive.urls import normalize_domain, registrable_domain

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

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


def connection_of(reader: Connection | Session) -> Connection:
    """The Connection to query through: ``reader`` itself, or the Session's own.

    Queries take either, and build only Core statements, so that a command that
    reads passes a Connection and never loads the ORM.
    """
    return reader if isinstance(reader, Connection) else reader.connection()


def source_condition(connection: Connection, name: str) -> ColumnElement[bool]:
    """Articles of source ``name``: a domain, a host under it, or ``unknown``.

    Raises :class:`InvalidDomain` for a value that is not a domain name.
    """
    if name.strip().lower() == UNKNOWN_SOURCE:
        return documents.c.source_id.is_(None)
    host = normalize_domain(name)
    # A source's own domain needs no Public Suffix List (which takes a while to load).
    exact: int | None = connection.scalar(select(sources.c.id).where(sources.c.domain == host))
    if exact is not None:
        return documents.c.source_id == exact
    domain = registrable_domain(host)
    source_id: int | None = connection.scalar(
        select(sources.c.id).where(sources.c.domain == domain)
    )
    if source_id is None:
        return false()
    if host == domain:
        return documents.c.source_id == source_id
    return and_(
        documents.c.source_id == source_id,
        or_(documents.c.host == host, documents.c.host.endswith("." + host, autoescape=True)),
    )


def filter_conditions(connection: Connection, filters: Filters) -> list[ColumnElement[bool]]:
    """The WHERE conditions for ``filters``."""
    conditions: list[ColumnElement[bool]] = []
    if filters.date_from is not None:
        conditions.append(documents.c.published >= filters.date_from.iso)
    if filters.date_to is not None:
        conditions.append(documents.c.published <= filters.date_to.end.isoformat())
    if filters.sources:
        conditions.append(or_(*(source_condition(connection, name) for name in filters.sources)))
    if filters.languages:
        conditions.append(documents.c.language.in_(filters.languages))
    if filters.text is not None:
        matches = full_text(connection).matches(filters.text)
        conditions.append(documents.c.id.in_(select(matches.c.document_id)))
    return conditions


def full_text(connection: Connection) -> FullTextBackend:
    """The full-text backend of the connection's database."""
    return backend_for(connection).full_text
