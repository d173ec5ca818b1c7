"""One article with everything known about it, and its original bytes, by id or URL.

Functions take a Connection or a Session and never commit.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Connection, select

from archive.dates import format_partial_date
from archive.errors import DocumentNotFound, InvalidOption, InvalidURL
from archive.search.articles import DocumentSummary, _summary, summary_columns
from archive.search.filters import connection_of
from archive.store.tables import FLAG_COLUMNS, document_versions, documents, import_items, sources
from archive.urls import canonical_url

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


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


LARGEST_ID = 2**63 - 1
"""The largest id a database can hold."""


def document_condition(reference: str | int) -> tuple[ColumnElement[bool], str]:
    """Which document ``reference`` names (an id or any form of its URL), and the not-found text."""
    text = str(reference).strip()
    if text.isascii() and text.isdigit():
        missing = f"no document has id {text} - find ids with 'archive search'"
        if int(text) > LARGEST_ID:  # no such id, and more than SQL's INTEGER holds
            raise DocumentNotFound(missing)
        return documents.c.id == int(text), missing
    try:
        condition = documents.c.canonical_url == canonical_url(text)
    except InvalidURL:
        raise InvalidOption(f"{text!r} is neither a document id nor an http(s) URL") from None
    return condition, f"no document has the URL {text} - find it with 'archive search'"


def get_original(connection: Connection | Session, reference: str | int) -> bytes:
    """The exact bytes of the file that the document's current text came from."""
    # Loaded here, not above: archive.store.documents is the writing side, with the ORM models.
    from archive.store.documents import original_bytes

    condition, missing = document_condition(reference)
    row = (
        connection_of(connection)
        .execute(select(documents.c.original, documents.c.original_codec).where(condition))
        .one_or_none()
    )
    if row is None:
        raise DocumentNotFound(missing)
    return original_bytes(row.original, row.original_codec)


def get_document(connection: Connection | Session, reference: str | int) -> DocumentDetail:
    """The document with this id, or whose URL has the same canonical form as ``reference``."""
    connection = connection_of(connection)
    condition, missing = document_condition(reference)
    row = connection.execute(
        select(
            *summary_columns(),
            documents.c.canonical_url,
            documents.c.label,
            documents.c.title_derived,
            documents.c.body,
            documents.c.encoding,
            documents.c.original_sha256,
            documents.c.created_at,
            documents.c.updated_at,
            documents.c.language,
            documents.c.date_source,
            documents.c.url_date,
            documents.c.site_article_id,
            documents.c.cleaning,
            documents.c.decode_errors,
            *(documents.c[name] for name in FLAG_COLUMNS),
        )
        .outerjoin(sources, sources.c.id == documents.c.source_id)
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
        for version in connection.execute(
            select(
                document_versions.c.id,
                document_versions.c.published,
                document_versions.c.date_precision,
                document_versions.c.title,
                document_versions.c.word_count,
                document_versions.c.created_at,
                document_versions.c.superseded_at,
            )
            .where(document_versions.c.document_id == row.id)
            .order_by(document_versions.c.id)
        )
    ]
    files = list(
        connection.scalars(
            select(import_items.c.path)
            .where(import_items.c.document_id == row.id, import_items.c.outcome != "unchanged")
            .order_by(import_items.c.id)
        )
    )
    return DocumentDetail(
        summary=_summary(row),
        canonical_url=row.canonical_url,
        label=row.label,
        title_derived=row.title_derived,
        body=row.body,
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
