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
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import cast

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from archive.backends import backend_for
from archive.errors import FileRejected
from archive.ingest.archives import ArchiveMember
from archive.ingest.inputs import InputFile, SkippedFile, display_path
from archive.ingest.known import KnownFiles
from archive.ingest.mapping import UrlMap
from archive.ingest.prepare import Context, Prepared, Rejection
from archive.ingest.reading import read_file, read_member, regular_file_stat
from archive.ingest.workers import default_workers, lookahead, prepare_in_order
from archive.limits import BATCH_SIZE, JOURNAL_SIZE_LIMIT, MAX_FILE_SIZE, STATISTICS_FIRST
from archive.store.clusters import record_signatures
from archive.store.documents import StoreFailed, store_articles
from archive.store.engine import for_writing, sqlite_path, wal_size
from archive.store.matching import compare_waiting
from archive.store.runs import finish_run, mark_killed_runs, start_run
from archive.store.tables import OUTCOMES, import_items

DATABASE_SUFFIXES = ("", "-wal", "-shm", "-journal")

_INSERT_ITEM = import_items.insert()
READ_CHUNK = 100
"""Files whose earlier imports are looked up in one statement."""


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
    """Processes that decode, parse and clean; None for one per core, 0 for none."""


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
    clustered: int = 0  # documents that joined a cluster of near-duplicates

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
    backend = backend_for(engine)
    paths = _skip_database_files(paths, engine)
    log_size = wal_size(engine)
    context = Context(options.source, options.url_map, dt.date.today())
    workers = default_workers() if options.workers is None else options.workers
    with writer.connect() as connection:
        # Remember every file stored since the one being stored was read.
        remember = options.batch_size + lookahead(workers, options.batch_size) + READ_CHUNK
        known = KnownFiles(connection, remember)
        summary = ImportSummary(None, dry_run=options.dry_run)
        run = _Run(connection, options, on_file, summary, known)
        steps = prepare_in_order(run.read(paths), context, workers, batch=options.batch_size)
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
            statistics_at = STATISTICS_FIRST
            try:
                while True:
                    with connection.begin():
                        done = run.store_batch(steps)
                        finish_run(connection, run_id, summary.counts, "running")
                    if log_size() > JOURNAL_SIZE_LIMIT:
                        backend.checkpoint(connection)  # never waits for readers
                    if summary.total >= statistics_at:
                        with connection.begin():
                            backend.refresh_statistics(connection)
                        statistics_at *= 2
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
        if not summary.interrupted:
            summary.clustered = compare_waiting(connection).clustered
        with connection.begin():
            status = "interrupted" if summary.interrupted else "completed"
            finish_run(connection, run_id, None, status)
        backend.checkpoint(connection)
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
    path: Path | ArchiveMember | None = None
    """Where to read it from, until it is read."""
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
    known: KnownFiles
    source_ids: dict[str, int] = field(default_factory=dict)
    savepoints: bool = True
    """Store each file in a savepoint, so that a failed file does not abort the batch."""

    def start(self, arguments: dict[str, object] | None) -> int:
        self.known.check_history()
        self.savepoints = backend_for(self.connection).failed_statement_aborts_transaction
        self.summary.run_id = start_run(self.connection, arguments)
        return self.summary.run_id

    def read(self, paths: Iterable[InputFile]) -> Iterator[_Step]:
        """Each file, read and hashed, or already decided without preparing it.

        Decided here: files that cannot be read; files whose path, size and
        modification time match an earlier import (unless ``--verify``), which
        are not even read; and files whose bytes are already stored. The
        database is asked about ``READ_CHUNK`` files at a time.
        """
        paths = iter(paths)
        while steps := [self._stat(path) for path in islice(paths, READ_CHUNK)]:
            unread = [s for s in steps if s.result is None and s.data is None and s.size]
            stats = [(s.name, s.size or 0, s.mtime_ns or 0) for s in unread]
            seen = {} if self.options.verify else self.known.seen_before(stats)
            for step in steps:
                if step.name in seen and step.result is None:
                    step.sha256, document_id = seen[step.name]
                    step.result = FileOutcome(step.name, "unchanged", document_id=document_id)
                elif step.result is None and step.data is None:
                    self._read(step)
            stored = self.known.stored_bytes(
                s.sha256 for s in steps if s.sha256 and s.data is not None
            )
            for step in steps:
                if step.data is not None:
                    step.result = self._known_bytes(step, stored)
                    if step.result is not None:
                        step.data = None
                yield step

    def _stat(self, path: InputFile) -> _Step:
        """A step for ``path``, with its size and mtime when it is a regular file.

        An archive member is read at once.
        """
        if isinstance(path, SkippedFile):
            step = _step(path.file)
            step.result = FileOutcome(step.name, "skipped", path.reason, path.message)
            return step
        step = _step(path)
        step.path = path
        if isinstance(path, ArchiveMember):
            self._read(step)  # now: the archive closes once the inputs move past it
        elif isinstance(path, Path):
            info = regular_file_stat(path, self.options.follow_symlinks)
            if info is not None:
                step.size, step.mtime_ns = info.st_size, info.st_mtime_ns
        return step

    def _read(self, step: _Step) -> None:
        """Read and hash ``step``'s file, or set its outcome to rejected."""
        path, options = step.path, self.options
        try:
            if isinstance(path, ArchiveMember):
                data = read_member(path, options.max_size)
            else:
                assert path is not None
                data = read_file(path, options.max_size, follow_symlinks=options.follow_symlinks)
        except FileRejected as rejected:
            step.result = FileOutcome(step.name, "rejected", rejected.reason, rejected.message)
            return
        step.size = len(data)
        step.sha256 = hashlib.sha256(data).hexdigest()
        step.data = data

    def store_batch(self, steps: Iterator[_Step]) -> bool:
        """Store up to one batch of files; True when there are no more."""
        assert self.summary.run_id is not None
        batch = list(islice(steps, self.options.batch_size))
        outcomes = self._outcomes(batch)
        items: list[dict[str, object]] = []
        for step, outcome in zip(batch, outcomes, strict=True):
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
        if items:
            self.connection.execute(_INSERT_ITEM, items)
            self.known.history = True  # later files may match these in the database
        return len(items) < self.options.batch_size

    def _outcomes(self, batch: list[_Step]) -> list[FileOutcome]:
        """Each file's outcome, in order; the prepared ones stored together.

        A file whose exact bytes were stored since it was read names that
        file. Within the batch, a later copy waits for the round that stores
        the first, so that it can name it.
        """
        outcomes: dict[int, FileOutcome] = {}
        waiting: list[int] = []
        for index, step in enumerate(batch):
            if isinstance(step.result, FileOutcome):
                outcomes[index] = step.result
                self._remember_outcome(step, step.result)
            elif isinstance(step.result, Rejection):
                reason, message = step.result.reason, step.result.message
                outcomes[index] = FileOutcome(step.name, "rejected", reason, message)
            else:
                waiting.append(index)
        while waiting:
            round_: list[int] = []
            later: list[int] = []
            shas: set[str | None] = set()
            for index in waiting:
                step = batch[index]
                known = self._known_bytes(step, {})
                if known is not None:
                    outcomes[index] = known
                elif step.sha256 in shas:
                    later.append(index)
                else:
                    shas.add(step.sha256)
                    round_.append(index)
            for index, outcome in zip(round_, self._store([batch[i] for i in round_]), strict=True):
                outcomes[index] = outcome
                self._remember_outcome(batch[index], outcome)
            waiting = later
        return [outcomes[index] for index in range(len(batch))]

    def _store(self, steps: list[_Step]) -> list[FileOutcome]:
        """Store the prepared files ``steps`` together."""
        articles = [cast(Prepared, step.result) for step in steps]
        results = store_articles(
            self.connection, articles, self.source_ids, savepoints=self.savepoints
        )
        signed: dict[str, list[tuple[int, bytes | None]]] = {"imported": [], "updated": []}
        outcomes = []
        for step, article, result in zip(steps, articles, results, strict=True):
            if isinstance(result, StoreFailed):
                outcomes.append(FileOutcome(step.name, "rejected", "store_error", result.message))
                continue
            notes = "; ".join([*article.notes, *result.notes]) or None
            outcomes.append(FileOutcome(step.name, result.outcome, None, notes, result.document_id))
            signed.get(result.outcome, []).append((result.document_id, article.signature))
        record_signatures(self.connection, signed["imported"])
        record_signatures(self.connection, signed["updated"], replaced=True)
        return outcomes

    def _remember_outcome(self, step: _Step, outcome: FileOutcome) -> None:
        if step.sha256 is not None and outcome.document_id is not None:
            self.known.add(step.sha256, step.name, outcome.document_id)

    def _known_bytes(
        self, step: _Step, stored: dict[str, list[tuple[str, int]]]
    ) -> FileOutcome | None:
        """Unchanged or duplicate when these exact bytes are already stored."""
        assert step.sha256 is not None
        earlier = self.known.earlier(step.sha256, step.base, stored.get(step.sha256, []))
        if earlier is None:
            return None
        return FileOutcome(step.name, earlier.outcome, None, earlier.message, earlier.document_id)


def _step(path: Path | ArchiveMember) -> _Step:
    if isinstance(path, ArchiveMember):
        return _Step(str(path), path.name)
    return _Step(display_path(path), path.name)
