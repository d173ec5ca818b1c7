"""Keeping the database sound: integrity checks, the full-text index, reclean and backup.

Functions that take a Connection never commit. ``reclean`` and ``backup``
take an Engine and commit their own work: reclean one batch at a time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Select, Table, func, select, update

from archive.backends import backend_for
from archive.dates import PartialDate
from archive.errors import FileRejected
from archive.limits import RECLEAN_BATCH
from archive.store.clusters import record_signatures
from archive.store.documents import DOCUMENTS, SOURCES, VERSIONS, original_bytes
from archive.store.engine import for_writing
from archive.store.models import Document, DocumentVersion


def check_database(connection: Connection) -> list[str]:
    """Problems with the database and its full-text index, in plain words; empty when sound."""
    backend = backend_for(connection)
    return backend.file_problems(connection) + backend.full_text.check(connection)


def rebuild_index(connection: Connection) -> int:
    """Build the full-text index again; returns how many documents it holds."""
    backend_for(connection).full_text.rebuild(connection)
    return connection.execute(select(func.count()).select_from(Document)).scalar_one()


def optimize_index(connection: Connection) -> None:
    """Merge the full-text index's segments."""
    backend_for(connection).full_text.optimize(connection)


@dataclass
class RecleanSummary:
    """How many stored texts were cleaned again, and how many of them changed."""

    checked: int = 0
    changed: int = 0
    unreadable: int = 0
    """Texts whose original no longer parses; they are left as they were."""


def reclean(
    engine: Engine,
    *,
    batch_size: int = RECLEAN_BATCH,
    on_batch: Callable[[int, int], None] | None = None,
) -> RecleanSummary:
    """Clean every stored text again from its original bytes, and recompute its metadata.

    A document whose body changed is signed again and compared with the others.

    Runs in batches of ``batch_size``, each its own transaction, so it can be
    interrupted at any point and run again. ``on_batch(done, total)`` reports
    progress.
    """
    summary = RecleanSummary()
    writer = for_writing(engine)
    with engine.connect() as connection:
        total = sum(
            connection.execute(select(func.count()).select_from(model)).scalar_one()
            for model in (Document, DocumentVersion)
        )
    for table in (DOCUMENTS, VERSIONS):
        last = 0
        while True:
            with writer.begin() as connection:
                rows = connection.execute(_stored_texts(table, last, batch_size)).all()
                for row in rows:
                    _reclean_row(connection, table, row, summary)
            if not rows:
                break
            last = rows[-1].id
            if on_batch is not None:
                on_batch(summary.checked, total)
    from archive.store.matching import compare_pending  # numpy: only when it is needed

    compare_pending(engine)
    return summary


def _stored_texts(table: Table, after: int, limit: int) -> Select[Any]:
    """A batch of stored texts with the domain of their document's source.

    Joins rather than nested scalar subqueries: a subquery inside another does
    not correlate with the outer table, and became a cross join.
    """
    if table is DOCUMENTS:
        joined = table.outerjoin(SOURCES, SOURCES.c.id == table.c.source_id)
    else:
        joined = table.join(DOCUMENTS, DOCUMENTS.c.id == table.c.document_id).outerjoin(
            SOURCES, SOURCES.c.id == DOCUMENTS.c.source_id
        )
    return (
        select(table, SOURCES.c.domain.label("domain"))
        .select_from(joined)
        .where(table.c.id > after)
        .order_by(table.c.id)
        .limit(limit)
    )


def _reclean_row(connection: Connection, table: Table, row: Any, summary: RecleanSummary) -> None:
    # Cleaning loads ftfy, a language model and more: only reclean needs them.
    from archive.ingest.decode import decode
    from archive.ingest.minhash import signature
    from archive.ingest.parse import parse_article
    from archive.ingest.prepare import clean_and_enrich, text_values

    summary.checked += 1
    try:
        decoded = decode(original_bytes(row.original, row.original_codec))
        parsed = parse_article(decoded.text)
    except FileRejected:
        summary.unreadable += 1
        return
    kept_date = row.date_source == "map"
    enriched = clean_and_enrich(
        parsed,
        published=PartialDate(dt.date.fromisoformat(row.published), row.date_precision)
        if kept_date
        else parsed.published,
        date_source="map" if kept_date else "header",
        url=row.url,
        source=row.domain,
        decode_errors=decoded.replaced,
        today=row.created_at.date(),
    )
    values = {
        "title_derived": parsed.title_derived,
        "label": parsed.label,
        "encoding": decoded.encoding,
        **text_values(enriched),
    }
    if any(getattr(row, name) != value for name, value in values.items()):
        connection.execute(update(table).where(table.c.id == row.id).values(**values))
        if table is DOCUMENTS and values["body"] != row.body:
            record_signatures(connection, [(row.id, signature(enriched.body))], replaced=True)
        summary.changed += 1


def backup(engine: Engine, target: Path, *, force: bool = False) -> int:
    """Copy the database to the file ``target``; returns its size.

    Safe while an import runs: the copy is a consistent snapshot, written to a
    temporary file (mode 0600) that replaces ``target`` once complete. Only
    SQLite archives are copied so; for others it says which tool to use.
    """
    return backend_for(engine).backup(engine, target, force=force)
