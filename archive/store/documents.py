"""Storing one parsed article: insert, new version, or nothing new.

Functions here take a Connection and never commit: the caller owns the
transaction. An import runs them once per file, so they execute statements
built once, with SQLAlchemy Core, and pass the values as parameters.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

from sqlalchemy import Connection, DateTime, Table, bindparam, select

from archive.store.models import CONTENT_COLUMNS, Document, DocumentVersion, Source, utcnow

if TYPE_CHECKING:
    from archive.ingest.prepare import Prepared

DOCUMENTS = cast(Table, Document.__table__)
VERSIONS = cast(Table, DocumentVersion.__table__)
SOURCES = cast(Table, Source.__table__)


_FIND_BY_URL = select(DOCUMENTS.c.id, DOCUMENTS.c.text_sha256, DOCUMENTS.c.canonical_url).where(
    DOCUMENTS.c.canonical_url == bindparam("canonical_url")
)
# Filtered on text_sha256 alone: with "canonical_url IS NULL" in the WHERE clause,
# SQLite walks the canonical_url index through every document without a URL.
_FIND_BY_TEXT = select(DOCUMENTS.c.id, DOCUMENTS.c.text_sha256, DOCUMENTS.c.canonical_url).where(
    DOCUMENTS.c.text_sha256 == bindparam("text_sha")
)
_FIND_VERSION = select(VERSIONS.c.id).where(
    VERSIONS.c.document_id == bindparam("document_id"),
    VERSIONS.c.text_sha256 == bindparam("text_sha"),
)
_INSERT_DOCUMENT = DOCUMENTS.insert().returning(DOCUMENTS.c.id)
_KEEP_CURRENT = VERSIONS.insert().from_select(
    ["document_id", "created_at", "superseded_at", *CONTENT_COLUMNS],
    select(
        DOCUMENTS.c.id,
        DOCUMENTS.c.updated_at,
        bindparam("superseded_at", type_=DateTime),
        *(DOCUMENTS.c[name] for name in CONTENT_COLUMNS),
    ).where(DOCUMENTS.c.id == bindparam("document_id")),
)
_UPDATE_DOCUMENT = DOCUMENTS.update().where(DOCUMENTS.c.id == bindparam("document_id"))
_FIND_SOURCE = select(SOURCES.c.id).where(SOURCES.c.domain == bindparam("domain"))
_INSERT_SOURCE = SOURCES.insert().returning(SOURCES.c.id)


@dataclass(frozen=True)
class StoreResult:
    """What storing did: imported, updated, unchanged or duplicate."""

    outcome: str
    document_id: int
    notes: list[str] = field(default_factory=list)


def store_article(
    connection: Connection, article: Prepared, source_ids: dict[str, int] | None = None
) -> StoreResult:
    """Store ``article`` as a new document, or as a new version of the one it updates.

    An article with a URL is identified by its canonical URL; one without by
    the hash of its text. A text that the document already has, current or
    earlier, stores nothing. ``source_ids`` caches source ids by domain;
    the caller empties it when it rolls back a transaction that may have created one.
    """
    if article.canonical_url is not None:
        current = connection.execute(_FIND_BY_URL, {"canonical_url": article.canonical_url}).first()
    else:
        same_text = connection.execute(_FIND_BY_TEXT, {"text_sha": article.text_sha256})
        current = next((row for row in same_text if row.canonical_url is None), None)

    if current is None:
        now = utcnow()
        document_id: int = connection.execute(
            _INSERT_DOCUMENT,
            {"canonical_url": article.canonical_url, "created_at": now, "updated_at": now,
             "source_id": _source_id(connection, article.source, source_ids),
             **article.values},
        ).scalar_one()  # fmt: skip
        return StoreResult("imported", document_id)

    document_id = current.id
    if article.canonical_url is None:
        return StoreResult(
            "duplicate", document_id, [f"same text as document {document_id}, other bytes"]
        )
    if current.text_sha256 == article.text_sha256:
        return StoreResult("unchanged", document_id, ["same text as stored, other bytes"])
    earlier = connection.execute(
        _FIND_VERSION, {"document_id": document_id, "text_sha": article.text_sha256}
    ).scalar()
    if earlier is not None:
        return StoreResult(
            "unchanged", document_id, [f"same text as the earlier version {earlier}"]
        )

    now = utcnow()
    source = _source_id(connection, article.source, source_ids)
    with connection.begin_nested():  # both statements or neither
        connection.execute(_KEEP_CURRENT, {"document_id": document_id, "superseded_at": now})
        connection.execute(
            _UPDATE_DOCUMENT,
            {"document_id": document_id, "updated_at": now, "source_id": source,
             **article.values},
        )  # fmt: skip
    return StoreResult("updated", document_id)


def _source_id(
    connection: Connection, domain: str | None, cache: dict[str, int] | None
) -> int | None:
    if domain is None:
        return None
    if cache is None:
        return source_id(connection, domain)
    found = cache.get(domain)
    if found is None:
        found = cache[domain] = source_id(connection, domain)
    return found


def source_id(connection: Connection, domain: str) -> int:
    """The id of the source ``domain``, created if it is new."""
    found: int | None = connection.execute(_FIND_SOURCE, {"domain": domain}).scalar()
    if found is not None:
        return found
    created: int = connection.execute(
        _INSERT_SOURCE, {"domain": domain, "created_at": utcnow()}
    ).scalar_one()
    return created


def original_bytes(stored: bytes, codec: str) -> bytes:
    """A file's exact bytes from what the original column holds."""
    if codec == "zlib":
        return zlib.decompress(stored)
    if codec == "none":
        return bytes(stored)
    raise ValueError(f"unknown original codec {codec!r}")
