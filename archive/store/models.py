"""The archive's tables, as typed SQLAlchemy models.

Dates of publication are ISO-8601 text (``YYYY-MM-DD``, the first day of the
period for partial dates) so that plain SQL comparisons work in sqlite3.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, MappedColumn, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

OUTCOMES = ("imported", "updated", "unchanged", "duplicate", "rejected", "skipped")
"""What an import did with one file; skipped files were left out unread by name or path."""

PRECISIONS = ("day", "month", "year")

FLAG = {"flag": True}
"""Column info of a flag: a yes/no fact about an article that ``show`` lists by name."""
RECORD = {"record": True}
"""Column info of what an exported record carries besides a search result's fields."""


def utcnow() -> dt.datetime:
    """Now, in UTC without a time zone, as the database stores it."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Source(Base):
    """A publisher, identified by its registrable domain (``bbc.co.uk``)."""

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(primary_key=True)
    domain: Mapped[str] = mapped_column(String(253), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    documents: Mapped[list[Document]] = relationship(back_populates="source")


class _Content:
    """Columns that every stored text of an article has, current or earlier."""

    url: Mapped[str | None] = mapped_column(String(2048))
    published: Mapped[str] = mapped_column(String(10))
    date_precision: Mapped[str] = mapped_column(String(5))
    title: Mapped[str] = mapped_column(Text)
    title_derived: Mapped[bool] = mapped_column(default=False)
    body: Mapped[str] = mapped_column(Text)
    word_count: Mapped[int] = mapped_column(Integer)
    encoding: Mapped[str] = mapped_column(String(32))
    text_sha256: Mapped[str] = mapped_column(String(64), index=True)
    original_sha256: Mapped[str] = mapped_column(String(64), index=True)
    original: Mapped[bytes] = mapped_column(LargeBinary)
    """The file's bytes exactly as they were imported, compressed with ``original_codec``."""
    original_codec: Mapped[str] = mapped_column(String(8), server_default="none")
    """zlib (RFC 1950, Python's zlib.decompress) or none."""
    cleaning: Mapped[str | None] = mapped_column(Text)
    """What cleaning changed in the title and body, in words."""
    language: Mapped[str | None] = mapped_column(String(8), index=True, info=RECORD)
    """ISO 639-1 code, detected from the cleaned text; NULL when too short to tell."""
    label: Mapped[str | None] = mapped_column(Text, info=RECORD)
    date_source: Mapped[str] = mapped_column(String(8), server_default="header", info=RECORD)
    url_date: Mapped[str | None] = mapped_column(String(10), info=RECORD)
    site_article_id: Mapped[str | None] = mapped_column(String(64), info=RECORD)
    date_conflict: Mapped[bool] = mapped_column(server_default=false(), info=FLAG)
    placeholder_date: Mapped[bool] = mapped_column(server_default=false(), info=FLAG)
    future_date: Mapped[bool] = mapped_column(server_default=false(), info=FLAG)
    early_date: Mapped[bool] = mapped_column(server_default=false(), info=FLAG)
    mojibake_repaired: Mapped[bool] = mapped_column(server_default=false(), info=FLAG)
    text_cleaned: Mapped[bool] = mapped_column(server_default=false(), info=FLAG)
    decode_errors: Mapped[int] = mapped_column(Integer, server_default="0")
    """Invalid byte sequences that decoding replaced with U+FFFD."""


class Document(_Content, Base):
    """The current version of one article."""

    __tablename__ = "documents"
    __table_args__ = (
        CheckConstraint("date_precision IN ('day', 'month', 'year')", name="date_precision"),
        Index(None, "published"),
        Index(None, "source_id", "published"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id"))
    canonical_url: Mapped[str | None] = mapped_column(String(2048), unique=True)
    host: Mapped[str | None] = mapped_column(String(253))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    source: Mapped[Source | None] = relationship(back_populates="documents")
    versions: Mapped[list[DocumentVersion]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="DocumentVersion.id"
    )


class DocumentVersion(_Content, Base):
    """An earlier text of an article, kept when a re-crawl replaced it."""

    __tablename__ = "document_versions"
    __table_args__ = (
        CheckConstraint("date_precision IN ('day', 'month', 'year')", name="date_precision"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    """When this text was first stored."""
    superseded_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    document: Mapped[Document] = relationship(back_populates="versions")


class DocumentCount(Base):
    """How many documents each source has per published date and precision.

    Kept up to date by triggers on ``documents``, so that counting over time
    reads a few thousand rows instead of every document. ``source_key`` is
    the source's id, 0 for documents of unknown source.
    """

    __tablename__ = "document_counts"
    __table_args__ = {"sqlite_with_rowid": False}

    source_key: Mapped[int] = mapped_column(Integer, primary_key=True)
    published: Mapped[str] = mapped_column(String(10), primary_key=True)
    date_precision: Mapped[str] = mapped_column(String(5), primary_key=True)
    documents: Mapped[int] = mapped_column(Integer)


class ImportRun(Base):
    """One run of ``archive import``, with its arguments and outcome counts."""

    __tablename__ = "import_runs"
    __table_args__ = (
        CheckConstraint(
            "status IN ('running', 'completed', 'interrupted', 'failed')", name="status"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    status: Mapped[str] = mapped_column(String(16), default="running")
    arguments: Mapped[str] = mapped_column(Text)
    """The import's paths and options, as JSON."""
    imported: Mapped[int] = mapped_column(Integer, default=0)
    updated: Mapped[int] = mapped_column(Integer, default=0)
    unchanged: Mapped[int] = mapped_column(Integer, default=0)
    duplicate: Mapped[int] = mapped_column(Integer, default=0)
    rejected: Mapped[int] = mapped_column(Integer, default=0)
    skipped: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    hostname: Mapped[str | None] = mapped_column(String(255))
    pid: Mapped[int | None] = mapped_column(Integer)
    """The importing process, so that a later import can tell a killed run from a live one."""

    items: Mapped[list[ImportItem]] = relationship(back_populates="run")


class ImportItem(Base):
    """What one import run did with one input file."""

    __tablename__ = "import_items"
    __table_args__ = (
        CheckConstraint(
            "outcome IN ('imported', 'updated', 'unchanged', 'duplicate', 'rejected', 'skipped')",
            name="outcome",
        ),
        Index(None, "run_id", "outcome"),
        Index(None, "path"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("import_runs.id", ondelete="CASCADE"))
    path: Mapped[str] = mapped_column(Text)
    size: Mapped[int | None] = mapped_column(BigInteger)
    mtime_ns: Mapped[int | None] = mapped_column(BigInteger)
    """The file's modification time when it was read; a re-import skips a file whose
    path, size and mtime are unchanged."""
    sha256: Mapped[str | None] = mapped_column(String(64), index=True)
    outcome: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str | None] = mapped_column(String(32))
    """A short code for rejected and skipped files (``empty``, ``bad_date``, ``excluded``, ...)."""
    message: Mapped[str | None] = mapped_column(Text)
    """Why the file was rejected or skipped, or what was noticed while storing it."""
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="SET NULL"), index=True
    )

    run: Mapped[ImportRun] = relationship(back_populates="items")


CONTENT_COLUMNS = tuple(
    name for name, attribute in vars(_Content).items() if isinstance(attribute, MappedColumn)
)
"""The columns a document shares with its earlier versions, in declaration order."""
FLAG_COLUMNS = tuple(
    name for name in CONTENT_COLUMNS if Document.__table__.columns[name].info.get("flag")
)
"""The flags, in declaration order."""
RECORD_COLUMNS = tuple(
    name for name in CONTENT_COLUMNS if Document.__table__.columns[name].info.get("record")
)
"""The columns that exported records add to a search result's fields, in declaration order."""
