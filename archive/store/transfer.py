"""Copying a whole archive into another database, SQLite or PostgreSQL, in batches that resume.

The source is read in one snapshot, table by table in the order that the
foreign keys allow, in batches of rows by id; each batch is committed on the
target, so an interrupted transfer loses at most one batch, and running it
again goes on after the last row copied. The target's triggers keep its
full-text index and its counts as the rows arrive. At the end both sides are
compared: rows per table, the counts, and a SHA-256 over every column of
every copied row, originals included.

Functions that take a Connection never commit; :func:`transfer` commits on the target.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, Row, Table, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError

from archive.backends import backend_for
from archive.errors import DatabaseError
from archive.limits import TRANSFER_BATCH
from archive.store.engine import display_name, for_writing, open_database, sqlite_path
from archive.store.tables import (
    document_counts,
    document_signatures,
    document_versions,
    documents,
    documents_to_compare,
    duplicate_members,
    import_items,
    import_runs,
    settings,
    sources,
)

TABLES = (sources, import_runs, documents, document_versions, import_items)
"""What a transfer copies, parents first; the target's triggers rebuild ``document_counts``."""

CHANGING = (import_runs, documents)
"""Tables whose rows change after they are written: an import that was running finishes,
a later import or ``db reclean`` rewrites a document. A resumed transfer brings the rows
it copied before up to date; the others only ever get new rows."""

DERIVED = (settings, document_signatures, duplicate_members, documents_to_compare)
"""Tables that an import or ``db recluster`` rewrites as it likes: copied whole, after the rest,
replacing what an interrupted transfer left of them."""


@dataclass(frozen=True)
class TransferSummary:
    """What a transfer found and did, table by table."""

    rows: dict[str, int]
    """Rows of each table, on both sides once it is done."""
    copied: dict[str, int]
    """Rows that this run copied; fewer than ``rows`` when it resumed an earlier one."""
    resumed: bool
    """Whether the target held part of the archive already, from an unfinished transfer."""


Progress = Callable[[str, int, int], None]
"""Called after each batch with the table's name, its rows copied so far and its rows in all."""


def transfer(
    source_url: str,
    target_url: str,
    *,
    batch_size: int = TRANSFER_BATCH,
    on_progress: Progress | None = None,
) -> TransferSummary:
    """Copy the archive at ``source_url`` into the database at ``target_url``, and verify it.

    The target is created when it is a missing SQLite file; it must be empty,
    or hold an unfinished transfer of the same archive, which then resumes.
    Raises :class:`DatabaseError` when the target holds something else, or
    when the copy does not match its source.
    """
    target_name = display_name(target_url)
    if _same_database(source_url, target_url):
        raise DatabaseError(f"{target_name} is the archive itself - name another database")
    source = open_database(source_url)
    try:
        target = open_database(target_url, create=True)
        try:
            with source.connect() as reading, reading.begin():
                backend_for(reading).snapshot(reading)
                rows = {table.name: _count(reading, table) for table in TABLES}
                # Every table is checked before any is written: a refused target stays as it was.
                starts = {
                    table.name: _resume_point(reading, target, table, target_name)
                    for table in TABLES
                }
                for table in CHANGING:
                    _bring_up_to_date(reading, target, table, starts[table.name], batch_size)
                copied = {
                    table.name: _copy(
                        reading,
                        target,
                        table,
                        starts[table.name],
                        rows[table.name],
                        batch_size,
                        on_progress,
                        target_name,
                    )
                    for table in TABLES
                }
                for table in DERIVED:
                    _replace(reading, target, table, batch_size)
                _verify(reading, target, target_name)
        finally:
            target.dispose()
    finally:
        source.dispose()
    return TransferSummary(rows, copied, resumed=any(starts.values()))


def _same_database(source_url: str, target_url: str) -> bool:
    source, target = sqlite_path(source_url), sqlite_path(target_url)
    if source is not None or target is not None:
        return source is not None and target is not None and source.resolve() == target.resolve()
    return _server_database(source_url) == _server_database(target_url)


def _server_database(url: str) -> tuple[str, int | None, str | None]:
    """Where a server URL points, whatever its driver, user or options."""
    parsed = make_url(url)
    host = parsed.host or "localhost"
    return ("localhost" if host == "127.0.0.1" else host, parsed.port or 5432, parsed.database)


def _count(connection: Connection, table: Table, up_to: int | None = None) -> int:
    query = select(func.count()).select_from(table)
    if up_to is not None:
        query = query.where(table.c.id <= up_to)
    return int(connection.scalar(query) or 0)


def _resume_point(reading: Connection, target: Engine, table: Table, target_name: str) -> int:
    """The id after which to copy ``table``: 0 on an empty target, the last copied one on a
    target that an earlier transfer of this archive left unfinished."""
    with target.connect() as writing:
        last = writing.scalar(select(func.max(table.c.id)))
        if last is None:
            return 0
        held = _count(writing, table)
        last_row = writing.execute(select(table).where(table.c.id == last)).one()
    same = reading.execute(select(table).where(table.c.id == last)).one_or_none()
    changed = same is None or (table not in CHANGING and tuple(same) != tuple(last_row))
    if held != _count(reading, table, last) or changed:
        raise DatabaseError(
            f"{target_name} already holds another archive (its {table.name} differ) - "
            "transfer into a new or empty database"
        )
    return int(last)


def _bring_up_to_date(
    reading: Connection, target: Engine, table: Table, up_to: int, batch_size: int
) -> None:
    """Rewrite the target's rows of ``table`` up to id ``up_to`` that differ from the source's,
    batch by batch."""
    after = 0
    while after < up_to:
        batch = select(table).where(table.c.id > after, table.c.id <= up_to)
        batch = batch.order_by(table.c.id).limit(batch_size)
        rows = reading.execute(batch).all()
        if not rows:
            return
        last = rows[-1].id
        with for_writing(target).begin() as writing:
            held = {
                row.id: tuple(row)
                for row in writing.execute(
                    select(table).where(table.c.id > after, table.c.id <= last)
                )
            }
            for row in rows:
                if held.get(row.id) != tuple(row):
                    writing.execute(
                        table.update().where(table.c.id == row.id).values(**row._asdict())
                    )
        after = last


def _copy(
    reading: Connection,
    target: Engine,
    table: Table,
    after: int,
    total: int,
    batch_size: int,
    on_progress: Progress | None,
    target_name: str,
) -> int:
    """Copy the rows of ``table`` past id ``after`` in batches; return how many."""
    done = _count(reading, table, after) if after else 0
    copied = 0
    if on_progress is not None:
        on_progress(table.name, done, total)
    while True:
        batch = reading.execute(
            select(table).where(table.c.id > after).order_by(table.c.id).limit(batch_size)
        ).all()
        if not batch:
            return copied
        try:
            with for_writing(target).begin() as writing:
                backend = backend_for(writing)
                backend.load(writing, table, [row._mapping for row in batch])
                # Numbered on, so that an archive left half copied can still be written to.
                backend.after_load(writing, [table])
        except IntegrityError:
            raise DatabaseError(
                f"{target_name} changed while the rows of {table.name} were copied into it "
                "(is another transfer or import writing to it?) - "
                "transfer into a new or empty database"
            ) from None
        after = batch[-1].id
        copied += len(batch)
        done += len(batch)
        if on_progress is not None:
            on_progress(table.name, done, total)


def _replace(reading: Connection, target: Engine, table: Table, batch_size: int) -> None:
    """Copy all of ``table`` in one transaction, replacing the target's rows."""
    with for_writing(target).begin() as writing:
        writing.execute(table.delete())
        backend = backend_for(writing)
        for batch in _in_key_order(reading, table, batch_size):
            backend.load(writing, table, [row._mapping for row in batch])


def _in_key_order(
    connection: Connection, table: Table, batch_size: int
) -> Iterator[Sequence[Row[Any]]]:
    """The rows of ``table`` in batches, in the order of its primary key."""
    key = next(iter(table.primary_key.columns))
    query = select(table).order_by(key).limit(batch_size)
    rows = connection.execute(query).all()
    while rows:
        yield rows
        rows = connection.execute(query.where(key > rows[-1]._mapping[key])).all()


def fingerprint(connection: Connection) -> dict[str, object]:
    """Rows per table, the counts' totals, and a hash over every column of every row.

    Two archives with the same fingerprint hold the same rows under the same
    ids: documents, versions, originals byte for byte, sources and the import log.
    """
    found: dict[str, object] = {
        table.name: _count(connection, table) for table in (*TABLES, *DERIVED)
    }
    found["document_counts"] = tuple(
        connection.execute(
            select(func.count(), func.coalesce(func.sum(document_counts.c.documents), 0)).where(
                document_counts.c.documents > 0
            )
        ).one()
    )
    for table in (*TABLES, *DERIVED):
        digest = hashlib.sha256()
        for rows in _in_key_order(connection, table, TRANSFER_BATCH):
            for row in rows:
                digest.update(repr(tuple(row)).encode())
        found[f"{table.name} hash"] = digest.hexdigest()
    return found


def _verify(reading: Connection, target: Engine, target_name: str) -> None:
    expected = fingerprint(reading)
    with target.connect() as connection:
        found = fingerprint(connection)
    for name, value in expected.items():
        if found[name] != value:
            table = name.removesuffix(" hash")
            raise DatabaseError(
                f"the copy in {target_name} does not match its source: {table} differ - "
                "run the transfer again into a new database"
            )
