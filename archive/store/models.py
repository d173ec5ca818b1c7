"""The archive's tables as typed SQLAlchemy models, for code that wants the ORM.

Each model is mapped onto its table in :mod:`archive.store.tables`, which
declares the columns, indexes and constraints once; the annotations here
only type the attributes. Code that only reads should query the tables and
leave the ORM unloaded.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from sqlalchemy import FromClause
from sqlalchemy.orm import DeclarativeBase, Mapped, relationship

from archive.store import tables
from archive.store.tables import CONTENT_COLUMNS as CONTENT_COLUMNS
from archive.store.tables import FLAG as FLAG
from archive.store.tables import FLAG_COLUMNS as FLAG_COLUMNS
from archive.store.tables import NAMING_CONVENTION as NAMING_CONVENTION
from archive.store.tables import OUTCOMES as OUTCOMES
from archive.store.tables import PRECISIONS as PRECISIONS
from archive.store.tables import RECORD as RECORD
from archive.store.tables import RECORD_COLUMNS as RECORD_COLUMNS
from archive.store.tables import utcnow as utcnow


class Base(DeclarativeBase):
    metadata = tables.metadata


class Source(Base):
    """A publisher, identified by its registrable domain (``bbc.co.uk``)."""

    __table__: ClassVar[FromClause] = tables.sources

    id: Mapped[int]
    domain: Mapped[str]
    created_at: Mapped[dt.datetime]

    documents: Mapped[list[Document]] = relationship(back_populates="source")


class _Content:
    """Attributes that every stored text of an article has, current or earlier."""

    url: Mapped[str | None]
    published: Mapped[str]
    date_precision: Mapped[str]
    title: Mapped[str]
    title_derived: Mapped[bool]
    body: Mapped[str]
    word_count: Mapped[int]
    encoding: Mapped[str]
    text_sha256: Mapped[str]
    original_sha256: Mapped[str]
    original: Mapped[bytes]
    original_codec: Mapped[str]
    cleaning: Mapped[str | None]
    language: Mapped[str | None]
    label: Mapped[str | None]
    date_source: Mapped[str]
    url_date: Mapped[str | None]
    site_article_id: Mapped[str | None]
    date_conflict: Mapped[bool]
    placeholder_date: Mapped[bool]
    future_date: Mapped[bool]
    early_date: Mapped[bool]
    mojibake_repaired: Mapped[bool]
    text_cleaned: Mapped[bool]
    decode_errors: Mapped[int]


class Document(_Content, Base):
    """The current version of one article."""

    __table__: ClassVar[FromClause] = tables.documents

    id: Mapped[int]
    source_id: Mapped[int | None]
    canonical_url: Mapped[str | None]
    host: Mapped[str | None]
    created_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime]

    source: Mapped[Source | None] = relationship(back_populates="documents")
    versions: Mapped[list[DocumentVersion]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="DocumentVersion.id"
    )


class DocumentVersion(_Content, Base):
    """An earlier text of an article, kept when a re-crawl replaced it."""

    __table__: ClassVar[FromClause] = tables.document_versions

    id: Mapped[int]
    document_id: Mapped[int]
    created_at: Mapped[dt.datetime]
    superseded_at: Mapped[dt.datetime]

    document: Mapped[Document] = relationship(back_populates="versions")


class DocumentCount(Base):
    """How many documents each source has per published date and precision."""

    __table__: ClassVar[FromClause] = tables.document_counts

    source_key: Mapped[int]
    published: Mapped[str]
    date_precision: Mapped[str]
    documents: Mapped[int]


class ImportRun(Base):
    """One run of ``archive import``, with its arguments and outcome counts."""

    __table__: ClassVar[FromClause] = tables.import_runs

    id: Mapped[int]
    started_at: Mapped[dt.datetime]
    finished_at: Mapped[dt.datetime | None]
    status: Mapped[str]
    arguments: Mapped[str]
    imported: Mapped[int]
    updated: Mapped[int]
    unchanged: Mapped[int]
    duplicate: Mapped[int]
    rejected: Mapped[int]
    skipped: Mapped[int]
    hostname: Mapped[str | None]
    pid: Mapped[int | None]

    items: Mapped[list[ImportItem]] = relationship(back_populates="run")


class ImportItem(Base):
    """What one import run did with one input file."""

    __table__: ClassVar[FromClause] = tables.import_items

    id: Mapped[int]
    run_id: Mapped[int]
    path: Mapped[str]
    size: Mapped[int | None]
    mtime_ns: Mapped[int | None]
    sha256: Mapped[str | None]
    outcome: Mapped[str]
    reason: Mapped[str | None]
    message: Mapped[str | None]
    document_id: Mapped[int | None]

    run: Mapped[ImportRun] = relationship(back_populates="items")
