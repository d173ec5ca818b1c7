"""Storing one parsed article: insert, new version, or nothing new.

Functions here take a Connection and never commit: the caller owns the
transaction. An import runs them once per file, so they execute statements
built once, with SQLAlchemy Core, and pass the values as parameters.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, TypeVar

from sqlalchemy import Connection, DateTime, bindparam, select
from sqlalchemy.exc import SQLAlchemyError

from archive.store.tables import CONTENT_COLUMNS, document_versions, documents, sources, utcnow

if TYPE_CHECKING:
    from archive.ingest.prepare import Prepared

DOCUMENTS = documents
VERSIONS = document_versions
SOURCES = sources
_T = TypeVar("_T")


_FIND_BY_URLS = select(DOCUMENTS.c.id, DOCUMENTS.c.text_sha256, DOCUMENTS.c.canonical_url).where(
    DOCUMENTS.c.canonical_url.in_(bindparam("urls", expanding=True))
)
# Filtered on text_sha256 alone: with "canonical_url IS NULL" in the WHERE clause,
# SQLite walks the canonical_url index through every document without a URL.
_FIND_BY_TEXTS = (
    select(DOCUMENTS.c.id, DOCUMENTS.c.text_sha256, DOCUMENTS.c.canonical_url)
    .where(DOCUMENTS.c.text_sha256.in_(bindparam("texts", expanding=True)))
    .order_by(DOCUMENTS.c.id)
)
_FIND_VERSION = select(VERSIONS.c.id).where(
    VERSIONS.c.document_id == bindparam("document_id"),
    VERSIONS.c.text_sha256 == bindparam("text_sha"),
)
# Unordered, so that the driver can send the rows in a few statements (SQLite cannot
# return them in order); each row is matched back by its key.
_INSERT_DOCUMENTS = DOCUMENTS.insert().returning(
    DOCUMENTS.c.id, DOCUMENTS.c.canonical_url, DOCUMENTS.c.text_sha256
)
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


@dataclass(frozen=True)
class StoreFailed:
    """The database refused the article; nothing of it was stored."""

    message: str


def store_article(
    connection: Connection, article: Prepared, source_ids: dict[str, int] | None = None
) -> StoreResult:
    """Store ``article`` as a new document, or as a new version of the one it updates.

    An article with a URL is identified by its canonical URL; one without by
    the hash of its text. A text that the document already has, current or
    earlier, stores nothing. ``source_ids`` caches source ids by domain;
    the caller empties it when it rolls back a transaction that may have created one.
    Raises the database's error when it refuses the article.
    """
    batch = _Batch(connection, [article], source_ids, savepoints=False)
    batch.run()
    result = batch.results[0]
    if batch.error is not None:
        raise batch.error
    assert isinstance(result, StoreResult)
    return result


def store_articles(
    connection: Connection,
    articles: Sequence[Prepared],
    source_ids: dict[str, int] | None = None,
    *,
    savepoints: bool = False,
) -> list[StoreResult | StoreFailed]:
    """Store each of ``articles`` as :func:`store_article` does, in order, in a few statements.

    New documents are inserted together, and the documents they may update
    are looked up together; an article that updates one stored earlier in
    the same call sees it. An article that the database refuses gets a
    :class:`StoreFailed` and the rest are stored. With ``savepoints`` (needed
    on PostgreSQL, where a failed statement aborts the transaction), each
    attempt that may fail runs in a savepoint.
    """
    batch = _Batch(connection, articles, source_ids, savepoints=savepoints)
    batch.run()
    return [result if result is not None else StoreFailed("not stored") for result in batch.results]


_NEW = -1
"""The document id of an article whose insert is pending."""


@dataclass
class _Batch:
    """One call of :func:`store_articles`: what is known of the stored documents, and what waits."""

    connection: Connection
    articles: Sequence[Prepared]
    source_ids: dict[str, int] | None
    savepoints: bool
    results: list[StoreResult | StoreFailed | None] = field(default_factory=list)
    by_url: dict[str, tuple[int, str]] = field(default_factory=dict)
    """canonical URL -> (document id or _NEW, text_sha256) of the current text."""
    by_text: dict[str, int] = field(default_factory=dict)
    """text_sha256 -> document id (or _NEW) of documents without a URL."""
    pending: list[int] = field(default_factory=list)
    """Indexes of the articles to insert as new documents."""
    inserted: dict[int, int] = field(default_factory=dict)
    """Index of an article -> the index of the pending article whose document it names."""
    waiting: list[tuple[int, int, str, str]] = field(default_factory=list)
    """(index, pending index, outcome, note with {id}) for results that name a pending document."""
    error: SQLAlchemyError | None = None
    """The last error the database gave, for the single-article call."""

    def run(self) -> None:
        self.results = [None] * len(self.articles)
        self._look_up()
        for index, article in enumerate(self.articles):
            if article.canonical_url is not None:
                self._with_url(index, article, article.canonical_url)
            else:
                self._without_url(index, article)
        self._insert_pending()

    def _look_up(self) -> None:
        urls = {a.canonical_url for a in self.articles if a.canonical_url is not None}
        texts = {a.text_sha256 for a in self.articles if a.canonical_url is None}
        for chunk in _chunks(sorted(urls)):
            for row in self.connection.execute(_FIND_BY_URLS, {"urls": chunk}):
                self.by_url[row.canonical_url] = (row.id, row.text_sha256)
        for chunk in _chunks(sorted(texts)):
            for row in self.connection.execute(_FIND_BY_TEXTS, {"texts": chunk}):
                if row.canonical_url is None:
                    self.by_text.setdefault(row.text_sha256, row.id)

    def _with_url(self, index: int, article: Prepared, url: str) -> None:
        current = self.by_url.get(url)
        if current is None:
            self.by_url[url] = (_NEW, article.text_sha256)
            self.inserted[index] = index
            self.pending.append(index)
            return
        document_id, text_sha = current
        if text_sha == article.text_sha256:
            self._name(index, url, "unchanged", "same text as stored, other bytes")
            return
        if document_id == _NEW:
            self._insert_pending()  # the new version needs its document's id
            document_id = self.by_url[url][0]
            if document_id == _NEW:  # the database refused the first text
                self.results[index] = StoreFailed("its first text was refused")
                return
        self.results[index] = self._attempt(lambda: self._update(document_id, article))
        if isinstance(self.results[index], StoreResult):
            if self.results[index].outcome == "updated":  # type: ignore[union-attr]
                self.by_url[url] = (document_id, article.text_sha256)

    def _without_url(self, index: int, article: Prepared) -> None:
        document_id = self.by_text.get(article.text_sha256)
        if document_id is None:
            self.by_text[article.text_sha256] = _NEW
            self.inserted[index] = index
            self.pending.append(index)
            return
        note = "same text as document {id}, other bytes"
        self._name(index, article.text_sha256, "duplicate", note)

    def _name(self, index: int, key: str, outcome: str, note: str) -> None:
        """A result that names a stored document, or one whose insert is pending."""
        known = self.by_url[key][0] if key in self.by_url else self.by_text[key]
        if known != _NEW:
            self.results[index] = StoreResult(outcome, known, [note.format(id=known)])
            return
        pending = next(i for i in reversed(self.pending) if self._key(i) == key)
        self.waiting.append((index, pending, outcome, note))

    def _key(self, index: int) -> str:
        article = self.articles[index]
        return article.canonical_url or article.text_sha256

    def _insert_pending(self) -> None:
        if not self.pending:
            return
        pending, self.pending = self.pending, []
        rows = [self._row(index) for index in pending]
        ids: list[int | StoreFailed]
        try:
            # Always in a savepoint: the driver may send the rows in several statements.
            with self.connection.begin_nested():
                ids = list(self._insert(rows))
        except SQLAlchemyError:  # find the ones the database refuses
            ids = [self._attempt(partial(self._insert_one, row)) for row in rows]
        for index, document_id in zip(pending, ids, strict=True):
            article = self.articles[index]
            if isinstance(document_id, StoreFailed):
                self.results[index] = document_id
                self._forget(article)
                continue
            self.results[index] = StoreResult("imported", document_id)
            if article.canonical_url is not None:
                self.by_url[article.canonical_url] = (document_id, article.text_sha256)
            else:
                self.by_text[article.text_sha256] = document_id
        waiting, self.waiting = self.waiting, []
        for index, pending_index, outcome, note in waiting:
            named = self.results[pending_index]
            if isinstance(named, StoreResult):
                self.results[index] = StoreResult(
                    outcome, named.document_id, [note.format(id=named.document_id)]
                )
            else:
                self.results[index] = StoreFailed("its first copy was refused")

    def _forget(self, article: Prepared) -> None:
        if article.canonical_url is not None:
            self.by_url.pop(article.canonical_url, None)
        else:
            self.by_text.pop(article.text_sha256, None)

    def _row(self, index: int) -> dict[str, object]:
        article = self.articles[index]
        now = utcnow()
        return {
            "canonical_url": article.canonical_url,
            "created_at": now,
            "updated_at": now,
            "source_id": self._source(article.source),
            **article.values,
        }

    def _insert(self, rows: list[dict[str, object]]) -> list[int]:
        """The new documents' ids, in the order of ``rows``."""
        result = self.connection.execute(_INSERT_DOCUMENTS, rows)
        ids = {(row.canonical_url, row.text_sha256): row.id for row in result}
        return [ids[row["canonical_url"], row["text_sha256"]] for row in rows]

    def _insert_one(self, row: dict[str, object]) -> int:
        return self._insert([row])[0]

    def _update(self, document_id: int, article: Prepared) -> StoreResult:
        earlier = self.connection.execute(
            _FIND_VERSION, {"document_id": document_id, "text_sha": article.text_sha256}
        ).scalar()
        if earlier is not None:
            return StoreResult(
                "unchanged", document_id, [f"same text as the earlier version {earlier}"]
            )
        now = utcnow()
        source = self._source(article.source)
        with self.connection.begin_nested():  # both statements or neither
            self.connection.execute(
                _KEEP_CURRENT, {"document_id": document_id, "superseded_at": now}
            )
            self.connection.execute(
                _UPDATE_DOCUMENT,
                {"document_id": document_id, "updated_at": now, "source_id": source,
                 **article.values},
            )  # fmt: skip
        return StoreResult("updated", document_id)

    def _attempt(self, action: Callable[[], _T]) -> _T | StoreFailed:
        """``action``'s result, or StoreFailed when the database refuses it; nothing of it stays."""
        savepoint = self.connection.begin_nested() if self.savepoints else nullcontext()
        try:
            with savepoint:
                return action()
        except SQLAlchemyError as error:
            self.error = error
            if self.source_ids is not None and self.savepoints:
                self.source_ids.clear()  # a source created in the savepoint is gone with it
            message = str(getattr(error, "orig", error)).splitlines()[0]
            return StoreFailed(f"the database refused it: {message}")

    def _source(self, domain: str | None) -> int | None:
        return _source_id(self.connection, domain, self.source_ids)


def _chunks(values: list[str], size: int = 500) -> Iterator[list[str]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


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
