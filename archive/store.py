"""Storing one parsed article: insert, new version, or nothing new.

Functions here take a Session and never commit: the caller owns the
transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from archive.dates import PartialDate
from archive.models import Document, DocumentVersion, Source, utcnow
from archive.parse import ParsedArticle, count_words


@dataclass(frozen=True)
class Article:
    """A parsed article with its URL, host, source and date decided."""

    parsed: ParsedArticle
    published: PartialDate
    url: str | None
    canonical_url: str | None
    host: str | None
    source: str | None


@dataclass(frozen=True)
class StoreResult:
    """What storing did: imported, updated, unchanged or duplicate."""

    outcome: str
    document_id: int
    notes: list[str] = field(default_factory=list)


def store_article(
    session: Session,
    article: Article,
    *,
    original: bytes,
    original_sha256: str,
    encoding: str,
    text_sha256: str,
) -> StoreResult:
    """Store ``article`` as a new document, or as a new version of the one it updates.

    An article with a URL is identified by its canonical URL; one without by
    the hash of its text. A text that the document already has, current or
    earlier, stores nothing.
    """
    if article.canonical_url is not None:
        document = session.scalars(
            select(Document).where(Document.canonical_url == article.canonical_url)
        ).one_or_none()
    else:
        document = session.scalars(
            select(Document)
            .where(Document.canonical_url.is_(None), Document.text_sha256 == text_sha256)
            .limit(1)
        ).one_or_none()

    if document is None:
        document = Document(canonical_url=article.canonical_url)
        _fill(session, document, article, original, original_sha256, encoding, text_sha256)
        session.add(document)
        session.flush()
        return StoreResult("imported", document.id)

    if article.canonical_url is None:
        return StoreResult(
            "duplicate", document.id, [f"same text as document {document.id}, other bytes"]
        )
    if document.text_sha256 == text_sha256:
        return StoreResult("unchanged", document.id, ["same text as stored, other bytes"])
    earlier = session.scalar(
        select(DocumentVersion.id).where(
            DocumentVersion.document_id == document.id,
            DocumentVersion.text_sha256 == text_sha256,
        )
    )
    if earlier is not None:
        return StoreResult(
            "unchanged", document.id, [f"same text as the earlier version {earlier}"]
        )

    session.add(_version_of(document))
    _fill(session, document, article, original, original_sha256, encoding, text_sha256)
    document.updated_at = utcnow()
    session.flush()
    return StoreResult("updated", document.id)


def source_id(session: Session, domain: str) -> int:
    """The id of the source ``domain``, created if it is new."""
    found = session.scalar(select(Source.id).where(Source.domain == domain))
    if found is not None:
        return found
    source = Source(domain=domain)
    session.add(source)
    session.flush()
    return source.id


def _fill(
    session: Session,
    document: Document,
    article: Article,
    original: bytes,
    original_sha256: str,
    encoding: str,
    text_sha256: str,
) -> None:
    parsed = article.parsed
    document.source_id = source_id(session, article.source) if article.source else None
    document.host = article.host
    document.url = article.url
    document.published = article.published.iso
    document.date_precision = article.published.precision
    document.title = parsed.title
    document.title_derived = parsed.title_derived
    document.label = parsed.label
    document.body = parsed.body
    document.word_count = count_words(parsed.body)
    document.encoding = encoding
    document.text_sha256 = text_sha256
    document.original_sha256 = original_sha256
    document.original = original


def _version_of(document: Document) -> DocumentVersion:
    return DocumentVersion(
        document_id=document.id,
        created_at=document.updated_at,
        url=document.url,
        published=document.published,
        date_precision=document.date_precision,
        title=document.title,
        title_derived=document.title_derived,
        label=document.label,
        body=document.body,
        word_count=document.word_count,
        encoding=document.encoding,
        text_sha256=document.text_sha256,
        original_sha256=document.original_sha256,
        original=document.original,
    )
