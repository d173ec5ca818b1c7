"""The archive's tables, declared with SQLAlchemy Core.

The read side queries these tables without loading the ORM;
:mod:`archive.store.models` maps its classes onto the same ``Table`` objects,
so that the models, the queries and Alembic's autogenerate see one schema.

Dates of publication are ISO-8601 text (``YYYY-MM-DD``, the first day of the
period for partial dates) so that plain SQL comparisons work in sqlite3.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    false,
)

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


metadata = MetaData(naming_convention=NAMING_CONVENTION)
"""Every table of the archive, named by the convention that Alembic's batch migrations need."""


def content_columns() -> list[Column[object]]:
    """The columns that every stored text of an article has, current or earlier, in order.

    New ``Column`` objects on every call: a column belongs to one table.
    """
    return [
        Column("url", String(2048)),
        Column("published", String(10), nullable=False),
        Column("date_precision", String(5), nullable=False),
        Column("title", Text, nullable=False),
        Column("title_derived", Boolean, nullable=False, default=False),
        Column("body", Text, nullable=False),
        Column("word_count", Integer, nullable=False),
        Column("encoding", String(32), nullable=False),
        Column("text_sha256", String(64), nullable=False, index=True),
        Column("original_sha256", String(64), nullable=False, index=True),
        Column(
            "original",
            LargeBinary,
            nullable=False,
            doc="The file's bytes exactly as they were imported, compressed with original_codec.",
        ),
        Column(
            "original_codec",
            String(8),
            nullable=False,
            server_default="none",
            doc="zlib (RFC 1950, Python's zlib.decompress) or none.",
        ),
        Column("cleaning", Text, doc="What cleaning changed in the title and body, in words."),
        Column(
            "language",
            String(8),
            index=True,
            info=RECORD,
            doc="ISO 639-1 code, detected from the cleaned text; NULL when too short to tell.",
        ),
        Column("label", Text, info=RECORD),
        Column("date_source", String(8), nullable=False, server_default="header", info=RECORD),
        Column("url_date", String(10), info=RECORD),
        Column("site_article_id", String(64), info=RECORD),
        Column("date_conflict", Boolean, nullable=False, server_default=false(), info=FLAG),
        Column("placeholder_date", Boolean, nullable=False, server_default=false(), info=FLAG),
        Column("future_date", Boolean, nullable=False, server_default=false(), info=FLAG),
        Column("early_date", Boolean, nullable=False, server_default=false(), info=FLAG),
        Column("mojibake_repaired", Boolean, nullable=False, server_default=false(), info=FLAG),
        Column("text_cleaned", Boolean, nullable=False, server_default=false(), info=FLAG),
        Column(
            "decode_errors",
            Integer,
            nullable=False,
            server_default="0",
            doc="Invalid byte sequences that decoding replaced with U+FFFD.",
        ),
    ]


sources = Table(
    "sources",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("domain", String(253), nullable=False, unique=True),
    Column("created_at", DateTime, nullable=False, default=utcnow),
)
"""Publishers, each identified by its registrable domain (``bbc.co.uk``)."""

documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("source_id", Integer, ForeignKey("sources.id")),
    Column("canonical_url", String(2048), unique=True),
    Column("host", String(253)),
    Column("created_at", DateTime, nullable=False, default=utcnow),
    Column("updated_at", DateTime, nullable=False, default=utcnow),
    *content_columns(),
    CheckConstraint("date_precision IN ('day', 'month', 'year')", name="date_precision"),
    Index(None, "published"),
    Index(None, "source_id", "published"),
)
"""The current version of each article."""

document_versions = Table(
    "document_versions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "document_id",
        Integer,
        ForeignKey("documents.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("created_at", DateTime, nullable=False, doc="When this text was first stored."),
    Column("superseded_at", DateTime, nullable=False, default=utcnow),
    *content_columns(),
    CheckConstraint("date_precision IN ('day', 'month', 'year')", name="date_precision"),
)
"""Earlier texts of articles, each kept when a re-crawl replaced it."""

document_counts = Table(
    "document_counts",
    metadata,
    Column("source_key", Integer, primary_key=True),
    Column("published", String(10), primary_key=True),
    Column("date_precision", String(5), primary_key=True),
    Column("documents", Integer, nullable=False),
    sqlite_with_rowid=False,
)
"""How many documents each source has per published date and precision.

Kept up to date by triggers on ``documents``, so that counting over time
reads a few thousand rows instead of every document. ``source_key`` is
the source's id, 0 for documents of unknown source.
"""

import_runs = Table(
    "import_runs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("started_at", DateTime, nullable=False, default=utcnow),
    Column("finished_at", DateTime),
    Column("status", String(16), nullable=False, default="running"),
    Column("arguments", Text, nullable=False, doc="The import's paths and options, as JSON."),
    Column("imported", Integer, nullable=False, default=0),
    Column("updated", Integer, nullable=False, default=0),
    Column("unchanged", Integer, nullable=False, default=0),
    Column("duplicate", Integer, nullable=False, default=0),
    Column("rejected", Integer, nullable=False, default=0),
    Column("skipped", Integer, nullable=False, default=0, server_default="0"),
    Column("hostname", String(255)),
    Column(
        "pid",
        Integer,
        doc="The importing process, so that a later import can tell a killed run from a live one.",
    ),
    CheckConstraint("status IN ('running', 'completed', 'interrupted', 'failed')", name="status"),
)
"""Each run of ``archive import``, with its arguments and outcome counts."""

import_items = Table(
    "import_items",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("run_id", Integer, ForeignKey("import_runs.id", ondelete="CASCADE"), nullable=False),
    Column("path", Text, nullable=False),
    Column("size", BigInteger),
    Column(
        "mtime_ns",
        BigInteger,
        doc="The file's modification time when it was read; a re-import skips a file whose "
        "path, size and mtime are unchanged.",
    ),
    Column("sha256", String(64), index=True),
    Column("outcome", String(16), nullable=False),
    Column(
        "reason",
        String(32),
        doc="A short code for rejected and skipped files (empty, bad_date, excluded, ...).",
    ),
    Column(
        "message",
        Text,
        doc="Why the file was rejected or skipped, or what was noticed while storing it.",
    ),
    Column(
        "document_id",
        Integer,
        ForeignKey("documents.id", ondelete="SET NULL"),
        index=True,
    ),
    CheckConstraint(
        "outcome IN ('imported', 'updated', 'unchanged', 'duplicate', 'rejected', 'skipped')",
        name="outcome",
    ),
    Index(None, "run_id", "outcome"),
    Index(None, "path"),
)
"""What each import run did with each input file."""


def _document_key() -> Column[int]:
    """A primary key that is a document's id: one row per document, gone with it."""
    return Column(
        "document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    )


document_signatures = Table(
    "document_signatures",
    metadata,
    _document_key(),
    Column(
        "signature",
        LargeBinary,
        nullable=False,
        doc="MinHash of the clean body: 128 little-endian 16-bit values (archive.ingest.minhash).",
    ),
)
"""The MinHash signature of each document with at least 20 words, for finding its copies."""

documents_to_compare = Table(
    "documents_to_compare",
    metadata,
    _document_key(),
)
"""Documents signed but not yet compared with the others; an import compares them at its end."""

duplicate_members = Table(
    "duplicate_members",
    metadata,
    _document_key(),
    Column(
        "cluster_id",
        Integer,
        ForeignKey("documents.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
        doc="The id of the cluster's first document.",
    ),
    Column(
        "similarity",
        Float,
        nullable=False,
        doc="Estimated Jaccard similarity to the most similar earlier member; 1 for the first.",
    ),
)
"""Clusters of near-duplicates: the same story re-published with small edits."""

settings = Table(
    "settings",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)
"""Settings that belong to the archive, such as the threshold its clusters were built with."""

CONTENT_COLUMNS = tuple(column.name for column in content_columns())
"""The columns a document shares with its earlier versions, in declaration order."""
FLAG_COLUMNS = tuple(name for name in CONTENT_COLUMNS if documents.c[name].info.get("flag"))
"""The flags, in declaration order."""
RECORD_COLUMNS = tuple(name for name in CONTENT_COLUMNS if documents.c[name].info.get("record"))
"""The columns that exported records add to a search result's fields, in declaration order."""
