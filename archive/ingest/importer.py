"""Import article files: read, decode, parse, clean, then store, in batches.

Every file ends up with one outcome, recorded in ``import_items``:
imported, updated, unchanged, duplicate, rejected or skipped (both with a
reason code). Skipped files are the ones the input filters left out
(:class:`archive.ingest.inputs.FileFilter`); they are never read.
This process reads and hashes each file and is the only writer; worker
processes decode, parse and clean (:mod:`archive.ingest.workers`). Each batch is one
transaction and each file a savepoint inside it, so a bad file never leaves
a partial row and what was imported stays committed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from sqlalchemy import Connection, Engine, Table, bindparam, select
from sqlalchemy.exc import SQLAlchemyError

from archive.errors import FileRejected
from archive.ingest.archives import ArchiveMember
from archive.ingest.inputs import InputFile, SkippedFile, display_path
from archive.ingest.mapping import UrlMap
from archive.ingest.prepare import Context, Prepared, Rejection
from archive.ingest.reading import base_name, read_file, read_member, regular_file_stat
from archive.ingest.workers import default_workers, lookahead, prepare_in_order
from archive.limits import BATCH_SIZE, MAX_FILE_SIZE
from archive.store.documents import store_article
from archive.store.engine import JOURNAL_SIZE_LIMIT, checkpoint, for_writing, sqlite_path, wal_size
from archive.store.models import OUTCOMES, ImportItem
from archive.store.runs import finish_run, mark_killed_runs, start_run

DATABASE_SUFFIXES = ("", "-wal", "-shm", "-journal")

_ITEMS = cast(Table, ImportItem.__table__)
_INSERT_ITEM = _ITEMS.insert()
_FIND_BYTES = (
    select(_ITEMS.c.path, _ITEMS.c.document_id)
    .where(_ITEMS.c.sha256 == bindparam("sha256"), _ITEMS.c.document_id.is_not(None))
    .limit(50)
)
_FIND_SEEN = (
    select(_ITEMS.c.sha256, _ITEMS.c.document_id)
    .where(
        _ITEMS.c.path == bindparam("path"),
        _ITEMS.c.size == bindparam("size"),
        _ITEMS.c.mtime_ns == bindparam("mtime_ns"),
        _ITEMS.c.document_id.is_not(None),
    )
    .order_by(_ITEMS.c.id.desc())
    .limit(1)
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
    verify: bool = False
    """Read and hash every file, even one whose path, size and mtime an earlier import stored."""
    workers: int | None = None
    """Processes that decode, parse and clean; None for one per core but one, 0 for none."""


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
    log_size = wal_size(engine)
    context = Context(options.source, options.url_map, dt.date.today())
    workers = default_workers() if options.workers is None else options.workers
    with writer.connect() as connection:
        run = _Run(connection, options, on_file, ImportSummary(None, dry_run=options.dry_run))
        run.remember = options.batch_size + lookahead(workers)
        steps = prepare_in_order(run.read(paths), context, workers)
        summary = run.summary
        with closing(steps):
            if options.dry_run:
                with connection.begin() as transaction:
                    run.start(arguments)
                    while not run.store_batch(steps):
                        pass
                    transaction.rollback()
                summary.run_id = None  # rolled back with everything else
                return summary

            with connection.begin():
                mark_killed_runs(connection)
                run_id = run.start(arguments)
            try:
                while True:
                    with connection.begin():
                        done = run.store_batch(steps)
                        finish_run(connection, run_id, summary.counts, "running")
                    if log_size() > JOURNAL_SIZE_LIMIT:
                        checkpoint(connection)  # when readers allow: it never waits for them
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
                        finish_run(connection, run_id, None, "interrupted")
                except SQLAlchemyError:
                    pass  # the run stays "running"; what was committed is intact
                raise
        with connection.begin():
            status = "interrupted" if summary.interrupted else "completed"
            finish_run(connection, run_id, None, status)
        checkpoint(connection)
        return summary


def _skip_database_files(paths: Iterable[InputFile], engine: Engine) -> Iterator[InputFile]:
    """Leave out the database itself and its -wal, -shm and -journal files."""
    database = sqlite_path(engine.url.render_as_string(hide_password=False))
    if database is None:
        yield from paths
        return
    database = database.resolve()
    own_files = {database.with_name(database.name + suffix) for suffix in DATABASE_SUFFIXES}
    for path in paths:
        file = path.file if isinstance(path, SkippedFile) else path
        if (
            isinstance(file, Path)
            and file.name.startswith(database.name)
            and file.resolve() in own_files
        ):
            continue
        yield path


@dataclass
class _Step:
    """One input file on its way through an import, in input order."""

    name: str
    """The path as shown and stored."""
    base: str
    """The file name: what tells a re-import (unchanged) from a copy (duplicate)."""
    size: int | None = None
    mtime_ns: int | None = None
    sha256: str | None = None
    data: bytes | None = None
    """The bytes, until they are prepared."""
    result: FileOutcome | Prepared | Rejection | None = None


@dataclass
class _Run:
    """One import run: reads files ahead of the workers, and stores what they prepared."""

    connection: Connection
    options: ImportOptions
    on_file: Callable[[FileOutcome], None] | None
    summary: ImportSummary
    remember: int = BATCH_SIZE
    """How many stored files' hashes to keep: a batch, and all the files in flight."""
    recent: OrderedDict[str, tuple[str, int]] = field(default_factory=OrderedDict)
    """sha256 -> (path, document id) of the latest stored files, newest last."""
    source_ids: dict[str, int] = field(default_factory=dict)
    history: bool = True
    """False when the database holds no import items yet: nothing to look up."""
    savepoints: bool = True
    """Store each file in a savepoint, so that a failed file does not abort the batch."""

    def start(self, arguments: dict[str, object] | None) -> int:
        self.history = self.connection.execute(select(_ITEMS.c.id).limit(1)).first() is not None
        self.savepoints = self.connection.dialect.name != "sqlite"
        self.summary.run_id = start_run(self.connection, arguments)
        return self.summary.run_id

    def read(self, paths: Iterable[InputFile]) -> Iterator[_Step]:
        """Each file, read and hashed, or already decided without preparing it.

        Decided here: files that cannot be read; files whose path, size and
        modification time match an earlier import (unless ``--verify``), which
        are not even read; and files whose bytes are already stored.
        """
        options = self.options
        follow = options.follow_symlinks
        for path in paths:
            if isinstance(path, SkippedFile):
                step = _step(path.file)
                step.result = FileOutcome(step.name, "skipped", path.reason, path.message)
                yield step
                continue
            step = _step(path)
            try:
                if isinstance(path, ArchiveMember):
                    data = read_member(path, options.max_size)
                else:
                    info = regular_file_stat(path, options.follow_symlinks)
                    if info is not None:
                        step.size, step.mtime_ns = info.st_size, info.st_mtime_ns
                        if not options.verify and self._seen_before(step):
                            yield step
                            continue
                    data = read_file(path, options.max_size, follow_symlinks=follow)
            except FileRejected as rejected:
                step.result = FileOutcome(step.name, "rejected", rejected.reason, rejected.message)
                yield step
                continue
            step.size = len(data)
            step.sha256 = hashlib.sha256(data).hexdigest()
            step.result = self._known_bytes(step, stored=True)
            if step.result is None:
                step.data = data
            yield step

    def store_batch(self, steps: Iterator[_Step]) -> bool:
        """Store up to one batch of files; True when there are no more."""
        assert self.summary.run_id is not None
        items: list[dict[str, object]] = []
        for step in steps:
            outcome = self._outcome(step)
            if step.sha256 is not None and outcome.document_id is not None:
                self._remember(step.sha256, step.name, outcome.document_id)
            items.append(
                {
                    "run_id": self.summary.run_id,
                    "path": step.name,
                    "size": step.size,
                    "mtime_ns": step.mtime_ns,
                    "sha256": step.sha256,
                    "outcome": outcome.outcome,
                    "reason": outcome.reason,
                    "message": outcome.message,
                    "document_id": outcome.document_id,
                }
            )
            self.summary.counts[outcome.outcome] += 1
            if self.on_file is not None:
                self.on_file(outcome)
            if len(items) >= self.options.batch_size:
                break
        if items:
            self.connection.execute(_INSERT_ITEM, items)
            self.history = True  # later files may match these in the database
        return len(items) < self.options.batch_size

    def _outcome(self, step: _Step) -> FileOutcome:
        """Store a prepared file, unless these exact bytes were stored since it was read."""
        if isinstance(step.result, FileOutcome):
            return step.result
        if isinstance(step.result, Rejection):
            return FileOutcome(step.name, "rejected", step.result.reason, step.result.message)
        assert isinstance(step.result, Prepared)
        known = self._known_bytes(step, stored=False)
        if known is not None:
            return known
        # SQLite undoes a failed statement by itself; PostgreSQL needs a savepoint to go on.
        savepoint = self.connection.begin_nested() if self.savepoints else nullcontext()
        try:
            with savepoint:
                result = store_article(self.connection, step.result, self.source_ids)
        except SQLAlchemyError as error:
            self.source_ids.clear()  # a source created in the savepoint is gone with it
            message = str(getattr(error, "orig", error)).splitlines()[0]
            return FileOutcome(
                step.name, "rejected", "store_error", f"the database refused it: {message}"
            )
        notes = "; ".join([*step.result.notes, *result.notes]) or None
        return FileOutcome(step.name, result.outcome, message=notes, document_id=result.document_id)

    def _seen_before(self, step: _Step) -> bool:
        """True, with the outcome set, when an earlier import stored this path, size and mtime."""
        if not step.size or not self.history:
            return False
        row = self.connection.execute(
            _FIND_SEEN, {"path": step.name, "size": step.size, "mtime_ns": step.mtime_ns}
        ).first()
        if row is None:
            return False
        step.sha256 = row.sha256
        step.result = FileOutcome(step.name, "unchanged", document_id=row.document_id)
        return True

    def _known_bytes(self, step: _Step, *, stored: bool) -> FileOutcome | None:
        """Unchanged or duplicate when these exact bytes are already stored.

        Unchanged when an earlier file with these bytes had the same file name
        (a re-import, wherever the folder now is), duplicate otherwise. With
        ``stored``, looks in the database's items and in this run's recent
        files; otherwise only in the recent files, which hold everything
        stored since the file was read.
        """
        assert step.sha256 is not None
        rows: list[tuple[str, int]] = []
        if stored and self.history:
            found = self.connection.execute(_FIND_BYTES, {"sha256": step.sha256})
            rows = [(row.path, row.document_id) for row in found]
        if step.sha256 in self.recent:
            rows.append(self.recent[step.sha256])
        for earlier_path, document_id in rows:
            if base_name(earlier_path) == step.base:
                return FileOutcome(step.name, "unchanged", document_id=document_id)
        if not rows:
            return None
        earlier_path, document_id = rows[0]
        return FileOutcome(
            step.name,
            "duplicate",
            message=f"byte-identical to {earlier_path} (document {document_id})",
            document_id=document_id,
        )

    def _remember(self, sha256: str, name: str, document_id: int) -> None:
        if sha256 in self.recent:
            return  # the first file with these bytes is the one to name
        self.recent[sha256] = (name, document_id)
        if len(self.recent) > self.remember:
            self.recent.popitem(last=False)


def _step(path: Path | ArchiveMember) -> _Step:
    if isinstance(path, ArchiveMember):
        return _Step(str(path), path.name)
    return _Step(display_path(path), path.name)
