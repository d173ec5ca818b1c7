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
from typing import TYPE_CHECKING, Any, TextIO

from sqlalchemy import Connection, select

from archive.dates import format_partial_date
from archive.errors import ExportError
from archive.files import atomic_output
from archive.search.articles import SUMMARY_FIELDS, summary_columns
from archive.search.filters import Filters, connection_of, filter_conditions
from archive.store.tables import RECORD_COLUMNS, documents, import_items, sources

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

RECORD_FIELDS = (
    *(name for name in SUMMARY_FIELDS if name not in ("rank", "snippet", "cluster_size")),
    *RECORD_COLUMNS,
    "body",
)
"""The fields of an exported record, in order; ``source`` is None when it is not known."""
_UNSAFE_NAME = re.compile(r"[^\w.-]+")


def export_records(
    connection: Connection | Session, filters: Filters, output_format: str, stream: TextIO
) -> int:
    """Write the matching articles to ``stream`` as JSON Lines or CSV; returns how many."""
    count = 0
    writer = csv.DictWriter(stream, fieldnames=RECORD_FIELDS, lineterminator="\n")
    if output_format == "csv":
        writer.writeheader()
    for record in iter_records(connection, filters):
        if output_format == "csv":
            writer.writerow(record)
        else:
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def export_originals(
    connection: Connection | Session, filters: Filters, folder: Path, force: bool
) -> int:
    """Write each matching article's original file, byte for byte, into ``folder``.

    Files are named ``ID_NAME`` after the file the current text came from.
    """
    # Loaded here, not above: archive.store.documents is the writing side, with the ORM models.
    from archive.store.documents import original_bytes

    connection = connection_of(connection)
    if folder.is_symlink():
        raise ExportError(f"{folder} is a symlink; name the real folder")
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"{folder} is a file, not a folder - name a folder to write into")
    folder.mkdir(parents=True, exist_ok=True)
    query = (
        select(
            documents.c.id,
            documents.c.original,
            documents.c.original_codec,
            documents.c.original_sha256,
        )
        .where(*filter_conditions(connection, filters))
        .order_by(documents.c.id)
    )
    count = 0
    for row in connection.execute(query).yield_per(500):
        name = connection.scalar(
            select(import_items.c.path)
            .where(
                import_items.c.document_id == row.id,
                import_items.c.sha256 == row.original_sha256,
            )
            .order_by(import_items.c.id)
            .limit(1)
        )
        safe_name = _UNSAFE_NAME.sub("_", Path(name).name) if name else "article.txt"
        data = original_bytes(row.original, row.original_codec)
        with atomic_output(folder / f"{row.id}_{safe_name}", force) as stream:
            stream.write(data)
        count += 1
    return count


def iter_records(connection: Connection | Session, filters: Filters) -> Iterator[dict[str, Any]]:
    """Every matching article as a record of :data:`RECORD_FIELDS`, oldest first.

    Dates are as written (``2023-03`` for a month) with their ``date_precision``.
    """
    connection = connection_of(connection)
    query = (
        select(
            *summary_columns(),
            documents.c.language,
            documents.c.label,
            documents.c.date_source,
            documents.c.url_date,
            documents.c.site_article_id,
            documents.c.body,
        )
        .outerjoin(sources, sources.c.id == documents.c.source_id)
        .where(*filter_conditions(connection, filters))
        .order_by(documents.c.published, documents.c.id)
    )
    for row in connection.execute(query).yield_per(500):
        record = dict(row._mapping)
        record["published"] = format_partial_date(row.published, row.date_precision)
        record["source"] = row.domain
        yield {field: record[field] for field in RECORD_FIELDS}
