"""Import article files: read, decode, parse, then store, in batches.

Every file ends up with one outcome, recorded in ``import_items``:
imported, updated, unchanged, duplicate or rejected (with a reason code).
Each batch is one transaction and each file a savepoint inside it, so a bad
file never leaves a partial row and what was imported stays committed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import socket
import sqlite3
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from sqlalchemy import Connection, Engine, Table, bindparam, insert, select, update
from sqlalchemy.exc import SQLAlchemyError

from archive.archives import ArchiveMember
from archive.dates import PLACEHOLDER_DATE
from archive.db import for_writing, sqlite_path
from archive.decode import decode
from archive.enrich import enrich
from archive.errors import FileRejected, InvalidURL
from archive.inputs import InputFile, display_path
from archive.mapping import UrlMap, lookup
from archive.models import OUTCOMES, ImportItem, ImportRun, utcnow
from archive.parse import ParsedArticle, parse_article
from archive.store import Article, FileContent, store_article
from archive.urls import canonical_url, registrable_domain, url_host

MAX_FILE_SIZE = 5 * 1024 * 1024
"""Files larger than this (5 MiB) are rejected as too_large without being read."""

BATCH_SIZE = 500
"""Files per transaction."""

DATABASE_SUFFIXES = ("", "-wal", "-shm", "-journal")

_ITEMS = cast(Table, ImportItem.__table__)
_INSERT_ITEM = _ITEMS.insert()
_FIND_BYTES = (
    select(_ITEMS.c.path, _ITEMS.c.document_id)
    .where(_ITEMS.c.sha256 == bindparam("sha256"), _ITEMS.c.document_id.is_not(None))
    .limit(50)
)


@dataclass(frozen=True)
class ImportOptions:
    """How to import a batch of files."""

    source: str | None = None
    """The source domain for files whose header and map give no URL."""
    url_map: UrlMap = field(default_factory=dict)
    max_size: int = MAX_FILE_SIZE
    batch_size: int = BATCH_SIZE
    dry_run: bool = False
    follow_symlinks: bool = False
    """Read files through symlinks; otherwise a symlink is rejected as 'symlink'."""


@dataclass(frozen=True)
class FileOutcome:
    """What the import did with one file."""

    path: str
    outcome: str
    reason: str | None = None
    message: str | None = None
    document_id: int | None = None


@dataclass
class ImportSummary:
    """The counts of each outcome, and the run they were recorded under."""

    run_id: int | None
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(OUTCOMES, 0))
    dry_run: bool = False
    interrupted: bool = False
    """True when ``should_stop`` ended the import after a batch; the rest was not read."""

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def as_dict(self) -> dict[str, int | None]:
        return {**self.counts, "run_id": self.run_id}


def import_files(
    engine: Engine,
    paths: Iterable[InputFile],
    options: ImportOptions,
    *,
    arguments: dict[str, object] | None = None,
    on_file: Callable[[FileOutcome], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> ImportSummary:
    """Import ``paths`` into the database behind ``engine``.

    Commits after every ``options.batch_size`` files; after each commit,
    ``should_stop()`` may end the import, which is then recorded as
    interrupted. An exception (or a kill) loses at most the batch in progress.
    With ``options.dry_run`` everything happens in one transaction that is
    rolled back at the end.
    """
    writer = for_writing(engine)
    paths = _skip_database_files(paths, engine)
    with writer.connect() as connection:
        if options.dry_run:
            summary = ImportSummary(run_id=None, dry_run=True)
            with connection.begin() as transaction:
                run_id = _start_run(connection, arguments)
                for path in paths:
                    _import_one(connection, run_id, path, options, summary, on_file)
                transaction.rollback()
            return summary

        with connection.begin():
            mark_killed_runs(connection)
            run_id = _start_run(connection, arguments)
        summary = ImportSummary(run_id=run_id)
        try:
            pending = iter(paths)
            while True:
                with connection.begin():
                    done = _import_batch(connection, run_id, pending, options, summary, on_file)
                    _finish_run(connection, run_id, summary, "running")
                if done:
                    break
                if should_stop is not None and should_stop():
                    summary.interrupted = True
                    break
        except BaseException:
            if connection.in_transaction():
                connection.rollback()
            try:
                with connection.begin():
                    _finish_run(connection, run_id, None, "interrupted")
            except SQLAlchemyError:
                pass  # the run stays "running"; what was committed is intact
            raise
        with connection.begin():
            _finish_run(
                connection, run_id, None, "interrupted" if summary.interrupted else "completed"
            )
        checkpoint(connection)
        return summary


def _start_run(connection: Connection, arguments: dict[str, object] | None) -> int:
    return connection.execute(
        insert(ImportRun)
        .values(
            started_at=utcnow(),
            status="running",
            arguments=json.dumps(arguments or {}, ensure_ascii=False),
            hostname=socket.gethostname(),
            pid=os.getpid(),
            **dict.fromkeys(OUTCOMES, 0),
        )
        .returning(ImportRun.id)
    ).scalar_one()


def mark_killed_runs(connection: Connection) -> list[int]:
    """Mark as interrupted the runs still 'running' whose process on this machine is gone.

    A killed import cannot record that it stopped; the next import does.
    """
    host = socket.gethostname()
    killed = [
        run_id
        for run_id, pid in connection.execute(
            select(ImportRun.id, ImportRun.pid).where(
                ImportRun.status == "running", ImportRun.hostname == host
            )
        )
        if pid is None or not _process_alive(pid)
    ]
    if killed:
        connection.execute(
            update(ImportRun)
            .where(ImportRun.id.in_(killed))
            .values(status="interrupted", finished_at=utcnow())
        )
    return killed


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # alive, but another user's
    return True


def checkpoint(connection: Connection) -> None:
    """Fold the write-ahead log back into the database file, so that it does not grow.

    A reader that still holds an old snapshot stops the log from being
    truncated; SQLite then folds what it can, and the next checkpoint does the rest.
    """
    if connection.dialect.name != "sqlite":
        return
    # Outside any transaction, which SQLAlchemy would begin for exec_driver_sql.
    driver = connection.connection.driver_connection
    assert driver is not None
    waited = driver.execute("PRAGMA busy_timeout").fetchone()[0]
    # Never wait for readers here: what they still need is folded by a later checkpoint.
    driver.execute("PRAGMA busy_timeout = 0")
    try:
        driver.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    except sqlite3.OperationalError:
        pass  # another writer is busy: its own checkpoints will fold the log
    finally:
        driver.execute(f"PRAGMA busy_timeout = {int(waited)}")


def _finish_run(
    connection: Connection, run_id: int, summary: ImportSummary | None, status: str
) -> None:
    """Record the run's counts so far, or its final status."""
    values: dict[str, object] = {"status": status}
    if summary is not None:
        values.update(summary.counts)
    if status != "running":
        values["finished_at"] = utcnow()
    connection.execute(update(ImportRun).where(ImportRun.id == run_id).values(**values))


def _skip_database_files(paths: Iterable[InputFile], engine: Engine) -> Iterator[InputFile]:
    """Leave out the database itself and its -wal, -shm and -journal files."""
    database = sqlite_path(engine.url.render_as_string(hide_password=False))
    if database is None:
        yield from paths
        return
    database = database.resolve()
    own_files = {database.with_name(database.name + suffix) for suffix in DATABASE_SUFFIXES}
    for path in paths:
        if (
            isinstance(path, Path)
            and path.name.startswith(database.name)
            and path.resolve() in own_files
        ):
            continue
        yield path


def _import_batch(
    connection: Connection,
    run_id: int,
    pending: Iterable[InputFile],
    options: ImportOptions,
    summary: ImportSummary,
    on_file: Callable[[FileOutcome], None] | None,
) -> bool:
    """Import up to one batch of files; True when there are no more."""
    count = 0
    for path in pending:
        _import_one(connection, run_id, path, options, summary, on_file)
        count += 1
        if count >= options.batch_size:
            return False
    return True


def _import_one(
    connection: Connection,
    run_id: int,
    path: InputFile,
    options: ImportOptions,
    summary: ImportSummary,
    on_file: Callable[[FileOutcome], None] | None,
) -> None:
    name = str(path) if isinstance(path, ArchiveMember) else display_path(path)
    base = path.name if isinstance(path, ArchiveMember) else Path(name).name
    size: int | None = None
    sha256: str | None = None
    try:
        if isinstance(path, ArchiveMember):
            data = read_member(path, options.max_size)
        else:
            data = read_file(path, options.max_size, follow_symlinks=options.follow_symlinks)
        size = len(data)
        sha256 = hashlib.sha256(data).hexdigest()
        with connection.begin_nested():
            outcome = _known_bytes(connection, name, base, sha256) or _store(
                connection, name, base, data, sha256, options
            )
    except FileRejected as rejected:
        outcome = FileOutcome(name, "rejected", rejected.reason, rejected.message)
    except SQLAlchemyError as error:
        message = str(getattr(error, "orig", error)).splitlines()[0]
        outcome = FileOutcome(
            name, "rejected", "store_error", f"the database refused it: {message}"
        )
    connection.execute(
        _INSERT_ITEM,
        {
            "run_id": run_id,
            "path": name,
            "size": size,
            "sha256": sha256,
            "outcome": outcome.outcome,
            "reason": outcome.reason,
            "message": outcome.message,
            "document_id": outcome.document_id,
        },
    )
    summary.counts[outcome.outcome] += 1
    if on_file is not None:
        on_file(outcome)


def read_file(path: Path, max_size: int = MAX_FILE_SIZE, *, follow_symlinks: bool = False) -> bytes:
    """The bytes of a regular file no larger than ``max_size``; :class:`FileRejected` otherwise."""
    if not follow_symlinks and os.path.islink(path):
        target = os.readlink(path)
        raise FileRejected(
            "symlink",
            f"a symlink to {display_path(target)}; not followed without --follow-symlinks",
        )
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise FileRejected("unreadable", "a symlink whose target does not exist") from None
        raise FileRejected("unreadable", "the file does not exist") from None
    except OSError as error:
        raise FileRejected("unreadable", f"cannot read the file: {error.strerror}") from None
    if stat.S_ISDIR(info.st_mode):
        raise FileRejected("not_a_file", "a folder that could not be read")
    if not stat.S_ISREG(info.st_mode):
        raise FileRejected("not_a_file", "not a regular file (a device, pipe or socket)")
    if info.st_size > max_size:
        raise FileRejected(
            "too_large", f"the file has {info.st_size:,} bytes, more than the limit of {max_size:,}"
        )
    try:
        # O_NOFOLLOW: a file swapped for a symlink after the check above is not read either.
        flags = os.O_RDONLY | (0 if follow_symlinks else getattr(os, "O_NOFOLLOW", 0))
        with open(os.open(path, flags), "rb") as handle:
            data = handle.read(max_size + 1)
    except OSError as error:
        raise FileRejected("unreadable", f"cannot read the file: {error.strerror}") from None
    if len(data) > max_size:
        raise FileRejected("too_large", f"the file grew past the limit of {max_size:,} bytes")
    return data


def read_member(member: ArchiveMember, max_size: int = MAX_FILE_SIZE) -> bytes:
    """The bytes of an archive member up to ``max_size``; :class:`FileRejected` otherwise."""
    if member.problem is not None:
        raise FileRejected(*member.problem)
    if member.size > max_size:
        raise FileRejected(
            "too_large",
            f"the member has {member.size:,} bytes, more than the limit of {max_size:,}",
        )
    data = member.read(max_size + 1)
    if len(data) > max_size:
        raise FileRejected(
            "too_large", f"the member holds more than the limit of {max_size:,} bytes"
        )
    return data


def _known_bytes(connection: Connection, name: str, base: str, sha256: str) -> FileOutcome | None:
    """Unchanged or duplicate when these exact bytes are already stored.

    Unchanged when an earlier file with these bytes had the same file name
    ``base`` (a re-import, wherever the folder now is), duplicate otherwise.
    """
    rows = connection.execute(_FIND_BYTES, {"sha256": sha256}).all()
    if not rows:
        return None
    for earlier_path, document_id in rows:
        if _base_name(earlier_path) == base:
            return FileOutcome(name, "unchanged", document_id=document_id)
    earlier_path, document_id = rows[0]
    return FileOutcome(
        name,
        "duplicate",
        message=f"byte-identical to {earlier_path} (document {document_id})",
        document_id=document_id,
    )


def _base_name(shown: str) -> str:
    """The file name in a stored path: after the last / (or ! of an archive member)."""
    return shown.replace("!", "/").rsplit("/", 1)[-1] if "!" in shown else Path(shown).name


def _store(
    connection: Connection,
    name: str,
    base: str,
    data: bytes,
    sha256: str,
    options: ImportOptions,
) -> FileOutcome:
    decoded = decode(data)
    parsed = parse_article(decoded.text)
    notes = list(parsed.warnings)
    if decoded.replaced:
        notes.append(f"{decoded.replaced} invalid UTF-8 sequences were replaced with U+FFFD")
    article = _resolve(name, base, parsed, options, notes, decoded.replaced)
    text_sha256 = hashlib.sha256(decoded.text.rstrip().encode("utf-8")).hexdigest()
    result = store_article(
        connection, article, FileContent(data, sha256, decoded.encoding, text_sha256)
    )
    notes.extend(result.notes)
    return FileOutcome(
        name,
        result.outcome,
        message="; ".join(notes) or None,
        document_id=result.document_id,
    )


def _resolve(
    name: str,
    base: str,
    parsed: ParsedArticle,
    options: ImportOptions,
    notes: list[str],
    replaced: int,
) -> Article:
    """Decide the article's URL, source, host and date from the file, the map and --source."""
    entry = lookup(options.url_map, name, base)
    url = parsed.url
    if url is not None and entry is not None and entry.url is not None:
        if _canonical_or_none(entry.url) != _canonical_or_none(url):
            notes.append(f"the header URL wins over the map's {entry.url}")
    elif url is None and entry is not None:
        url = entry.url

    canonical = _canonical_or_none(url)
    if url is not None and canonical is None:
        notes.append(f"the URL {url!r} is not a valid http(s) URL; stored without a URL")
        url = None

    published, date_source = parsed.published, "header"
    if entry is not None and entry.published is not None and entry.published != published:
        if published.start == PLACEHOLDER_DATE:
            notes.append(f"placeholder date {published} replaced by the map's {entry.published}")
            published, date_source = entry.published, "map"
        else:
            notes.append(f"the header date wins over the map's {entry.published}")

    host: str | None = None
    domain: str | None = None
    if canonical is not None and url is not None:
        host = url_host(url)
        domain = registrable_domain(host)
        if options.source is not None and registrable_domain(options.source) != domain:
            notes.append(f"the URL's source {domain} wins over --source {options.source}")
    elif options.source is not None:
        host = options.source
        domain = registrable_domain(options.source)
    enriched = enrich(
        parsed,
        published=published,
        date_source=date_source,
        url=url,
        source=domain,
        decode_errors=replaced,
        today=dt.date.today(),
    )
    return Article(parsed, enriched, url, canonical, host, domain)


def _canonical_or_none(url: str | None) -> str | None:
    if url is None:
        return None
    try:
        return canonical_url(url)
    except InvalidURL:
        return None
