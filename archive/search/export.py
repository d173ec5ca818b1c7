"""Writing articles out: their original files, or records as JSON Lines or CSV.

Files are written safely: to a temporary file that is then renamed over the
target, never through a symlink, and never over an existing file unless the
caller says so.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import select
from sqlalchemy.orm import Session

from archive.dates import format_partial_date
from archive.errors import ExportError
from archive.files import atomic_output
from archive.search.articles import SUMMARY_FIELDS, summary_columns
from archive.search.filters import Filters, filter_conditions
from archive.store.documents import original_bytes
from archive.store.models import RECORD_COLUMNS, Document, ImportItem, Source

RECORD_FIELDS = (
    *(name for name in SUMMARY_FIELDS if name not in ("rank", "snippet")),
    *RECORD_COLUMNS,
    "body",
)
"""The fields of an exported record, in order; ``source`` is None when it is not known."""
_UNSAFE_NAME = re.compile(r"[^\w.-]+")


def export_records(session: Session, filters: Filters, output_format: str, stream: TextIO) -> int:
    """Write the matching articles to ``stream`` as JSON Lines or CSV; returns how many."""
    count = 0
    writer = csv.DictWriter(stream, fieldnames=RECORD_FIELDS, lineterminator="\n")
    if output_format == "csv":
        writer.writeheader()
    for record in iter_records(session, filters):
        if output_format == "csv":
            writer.writerow(record)
        else:
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def export_originals(session: Session, filters: Filters, folder: Path, force: bool) -> int:
    """Write each matching article's original file, byte for byte, into ``folder``.

    Files are named ``ID_NAME`` after the file the current text came from.
    """
    if folder.is_symlink():
        raise ExportError(f"{folder} is a symlink; name the real folder")
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"{folder} is a file, not a folder - name a folder to write into")
    folder.mkdir(parents=True, exist_ok=True)
    query = (
        select(Document.id, Document.original, Document.original_codec, Document.original_sha256)
        .where(*filter_conditions(session, filters))
        .order_by(Document.id)
    )
    count = 0
    for row in session.execute(query).yield_per(500):
        name = session.scalar(
            select(ImportItem.path)
            .where(ImportItem.document_id == row.id, ImportItem.sha256 == row.original_sha256)
            .order_by(ImportItem.id)
            .limit(1)
        )
        safe_name = _UNSAFE_NAME.sub("_", Path(name).name) if name else "article.txt"
        data = original_bytes(row.original, row.original_codec)
        with atomic_output(folder / f"{row.id}_{safe_name}", force) as stream:
            stream.write(data)
        count += 1
    return count


def iter_records(session: Session, filters: Filters) -> Iterator[dict[str, Any]]:
    """Every matching article as a record of :data:`RECORD_FIELDS`, oldest first.

    Dates are as written (``2023-03`` for a month) with their ``date_precision``.
    """
    query = (
        select(
            *summary_columns(),
            Document.language,
            Document.label,
            Document.date_source,
            Document.url_date,
            Document.site_article_id,
            Document.body,
        )
        .outerjoin(Source, Source.id == Document.source_id)
        .where(*filter_conditions(session, filters))
        .order_by(Document.published, Document.id)
    )
    for row in session.execute(query).yield_per(500):
        record = dict(row._mapping)
        record["published"] = format_partial_date(row.published, row.date_precision)
        record["source"] = row.domain
        yield {field: record[field] for field in RECORD_FIELDS}
