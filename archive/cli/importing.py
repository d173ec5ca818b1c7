"""archive import: bring files into the archive, and list what was rejected or skipped."""

from __future__ import annotations

import json
import signal
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from archive.errors import InvalidOption
from archive.escapes import escape_controls
from archive.limits import BATCH_SIZE, MAX_BYTES, MAX_FILE_SIZE, MAX_MEMBERS

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

    from archive.ingest.importer import FileOutcome, ImportSummary
    from archive.ingest.inputs import FileFilter

from .app import app, database, state
from .options import domain_option
from .output import emit, plural, render

SHOWN_REJECTS = 20
"""Rejected files named on stderr during an import; the rest are counted."""


@app.command("import")
def import_command(
    ctx: typer.Context,
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="PATH",
            help="Files, folders (read recursively), glob patterns, or - to read paths "
            "from stdin. With --rejected or --skipped: the run number.",
            show_default=False,
        ),
    ] = None,
    source: Annotated[
        str | None,
        typer.Option(
            metavar="DOMAIN", help="Source domain for files whose header and map give no URL."
        ),
    ] = None,
    include: Annotated[
        list[str] | None,
        typer.Option(
            "--include",
            metavar="GLOB",
            help="Import only the files that match GLOB, a file name ('*.txt') or, with a /, "
            "a path below the folder or inside the zip ('2024/**'). Repeatable.",
            show_default=False,
        ),
    ] = None,
    exclude: Annotated[
        list[str] | None,
        typer.Option(
            "--exclude",
            metavar="GLOB",
            help="Skip the files that match GLOB, even if an --include matches too. Repeatable.",
            show_default=False,
        ),
    ] = None,
    all_files: Annotated[
        bool,
        typer.Option(
            "--all-files",
            help="Also import files found in folders and archives whose names say they are "
            "not articles (.json, .csv, .html, .jpg, ...), which are skipped by default.",
        ),
    ] = False,
    map_file: Annotated[
        Path | None,
        typer.Option(
            "--map",
            metavar="FILE",
            help="CSV or JSONL file with columns file, url and optionally date.",
        ),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Parse and report without writing anything.")
    ] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the summary (or the list of files) as JSON.")
    ] = False,
    rejected: Annotated[
        bool,
        typer.Option(
            "--rejected", help="List the rejected files of run RUN (default: the latest)."
        ),
    ] = False,
    skipped: Annotated[
        bool,
        typer.Option("--skipped", help="List the skipped files of run RUN (default: the latest)."),
    ] = False,
    max_size: Annotated[
        int, typer.Option(min=1, metavar="BYTES", help="Reject files larger than this many bytes.")
    ] = MAX_FILE_SIZE,
    batch_size: Annotated[
        int, typer.Option(min=1, metavar="N", help="Files per transaction.")
    ] = BATCH_SIZE,
    follow_symlinks: Annotated[
        bool,
        typer.Option("--follow-symlinks", help="Read files and folders through symlinks."),
    ] = False,
    verify: Annotated[
        bool,
        typer.Option(
            "--verify",
            help="Read and hash every file, even those whose path, size and modification "
            "time match an earlier import.",
        ),
    ] = False,
    workers: Annotated[
        int | None,
        typer.Option(
            min=0,
            metavar="N",
            help="Processes that decode, parse and clean files; 0 does it all in one "
            "process.  [default: one per core]",
            show_default=False,
        ),
    ] = None,
    archive_max_files: Annotated[
        int, typer.Option(min=1, metavar="N", help="Members read from one zip or tar at most.")
    ] = MAX_MEMBERS,
    archive_max_bytes: Annotated[
        int,
        typer.Option(
            min=1, metavar="BYTES", help="Uncompressed bytes read from one zip or tar at most."
        ),
    ] = MAX_BYTES,
) -> None:
    """Import article files into the archive.

    Every file ends up imported, updated, unchanged, duplicate, rejected or
    skipped. Skipped files are left out unread: those that match an exclude
    pattern or miss every include pattern, and those found in folders and
    archives whose names say they are not articles (manifest.json, logo.png).
    Exit status: 0 when nothing was rejected, 3 when some files were rejected
    and the rest was stored, 130 when Ctrl-C stopped it after a batch, 1 on a
    fatal error.
    """
    if rejected and skipped:
        raise InvalidOption("give --rejected or --skipped, not both")
    if rejected or skipped:
        _list_items(ctx, "rejected" if rejected else "skipped", paths or [], as_json)
        return
    # Loaded here, not at start-up: the commands that only read need none of it.
    from archive.ingest.importer import ImportOptions, import_files
    from archive.ingest.inputs import STDIN, FileFilter, check_input_paths, iter_input_files
    from archive.ingest.mapping import load_url_map

    if not paths:
        raise InvalidOption("name at least one file, folder or glob to import, or - for stdin")
    check_input_paths(paths)
    filters = FileFilter(tuple(include or ()), tuple(exclude or ()), all_files)
    options = ImportOptions(
        source=domain_option("--source", source) if source is not None else None,
        url_map=load_url_map(map_file) if map_file is not None else {},
        max_size=max_size,
        batch_size=batch_size,
        dry_run=dry_run,
        follow_symlinks=follow_symlinks,
        verify=verify,
        workers=workers,
    )
    url = state(ctx).database_url
    # A dry run on a database that does not exist yet imports into memory, creating nothing.
    target = "sqlite://" if dry_run and _missing(url) else None
    arguments: dict[str, object] = {
        "paths": paths,
        "source": options.source,
        "map": str(map_file) if map_file else None,
        "max_size": max_size,
        "batch_size": batch_size,
        "follow_symlinks": follow_symlinks,
        "verify": verify,
        "workers": workers,
        "include": list(filters.include),
        "exclude": list(filters.exclude),
        "all_files": all_files,
    }
    from rich.console import Console

    reporter = _Reporter(show_progress=Console(stderr=True).is_terminal and not as_json)
    with (
        database(ctx, create=True, url=target) as engine,
        reporter.progress(paths, follow_symlinks, filters),
        _StopAfterBatch() as stop,
    ):
        summary = import_files(
            engine,
            iter_input_files(
                paths,
                sys.stdin if STDIN in paths else None,
                follow_symlinks=follow_symlinks,
                max_archive_members=archive_max_files,
                max_archive_bytes=archive_max_bytes,
                filters=filters,
            ),
            options,
            arguments=arguments,
            on_file=reporter.on_file,
            should_stop=stop.requested,
        )
    reporter.finish()
    if as_json:
        emit(json.dumps({**summary.as_dict(), "interrupted": summary.interrupted}))
    else:
        emit(_summary_line(summary))
    if summary.total and summary.counts["skipped"] == summary.total and not summary.interrupted:
        typer.echo(
            "Note: no file was read - every one was skipped by its name or by --include/"
            "--exclude; check the patterns, or use --all-files",
            err=True,
        )
    if summary.interrupted:
        typer.echo(
            f"Interrupted after {summary.total:,} files; what was imported is saved. "
            "Run the same import again to finish it.",
            err=True,
        )
        raise typer.Exit(130)
    if summary.counts["rejected"]:
        raise typer.Exit(3)


class _StopAfterBatch:
    """The first Ctrl-C asks the import to stop after its current batch; a second one stops it."""

    def __init__(self) -> None:
        self.stopping = False
        self._previous: Any = None

    def requested(self) -> bool:
        return self.stopping

    def _handle(self, signum: int, frame: object) -> None:
        if self.stopping:
            raise KeyboardInterrupt
        self.stopping = True
        typer.echo("\nStopping after the current batch (Ctrl-C again to stop now)...", err=True)

    def __enter__(self) -> _StopAfterBatch:
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._handle)
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)


def _missing(url: str) -> bool:
    from archive.store.engine import sqlite_path

    path = sqlite_path(url)
    return path is not None and not path.exists()


def _summary_line(summary: ImportSummary) -> str:
    from archive.store.tables import OUTCOMES

    counts = ", ".join(f"{summary.counts[outcome]} {outcome}" for outcome in OUTCOMES)
    if summary.dry_run:
        return f"Dry run, nothing written: {counts} ({plural(summary.total, 'file')})"
    line = f"Import run {summary.run_id}: {counts} ({plural(summary.total, 'file')})"
    listed = [outcome for outcome in ("rejected", "skipped") if summary.counts[outcome]]
    if listed:
        commands = " and ".join(f"'archive import --{o} {summary.run_id}'" for o in listed)
        line += f"; list the {' and '.join(listed)} files with {commands}"
    return line


class _Reporter:
    """A progress bar on a terminal, and the first rejected files on stderr."""

    def __init__(self, show_progress: bool) -> None:
        self.show_progress = show_progress
        self.rejected = 0
        self._progress: Progress | None = None
        self._task: TaskID | None = None

    def progress(
        self, paths: list[str], follow_symlinks: bool, filters: FileFilter
    ) -> Progress | _NoProgress:
        if not self.show_progress:
            return _NoProgress()
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TaskProgressColumn,
            TextColumn,
            TimeRemainingColumn,
        )

        self._progress = Progress(
            TextColumn("importing"),
            BarColumn(),
            MofNCompleteColumn(),
            TaskProgressColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self._task = self._progress.add_task("import", total=None, rate="")
        # Count in the background while the import streams: the bar starts at once, and
        # gets its total (and an ETA) when the count is done.
        threading.Thread(
            target=self._count, args=(paths, follow_symlinks, filters), daemon=True
        ).start()
        return self._progress

    def _count(self, paths: list[str], follow_symlinks: bool, filters: FileFilter) -> None:
        from archive.ingest.inputs import count_input_files

        total = count_input_files(paths, follow_symlinks=follow_symlinks, filters=filters)
        if total is not None and self._progress is not None and self._task is not None:
            self._progress.update(self._task, total=total)

    def on_file(self, outcome: FileOutcome) -> None:
        if outcome.outcome == "rejected":
            self.rejected += 1
            if self.rejected <= SHOWN_REJECTS:
                message = escape_controls(
                    f"rejected {outcome.path}: {outcome.reason}: {outcome.message}"
                )
                if self._progress is not None:
                    self._progress.console.print(message, markup=False, highlight=False)
                else:
                    typer.echo(message, err=True)
        if self._progress is not None and self._task is not None:
            self._progress.advance(self._task)
            task = self._progress.tasks[0]
            speed = task.speed
            self._progress.update(self._task, rate=f"{speed:,.0f} files/s" if speed else "")

    def finish(self) -> None:
        if self.rejected > SHOWN_REJECTS:
            typer.echo(f"... and {self.rejected - SHOWN_REJECTS} more rejected files", err=True)


class _NoProgress:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc_info: object) -> None:
        return None


def _list_items(ctx: typer.Context, outcome: str, arguments: list[str], as_json: bool) -> None:
    """List the rejected or skipped files of one run."""
    if len(arguments) > 1 or (arguments and not arguments[0].isdigit()):
        raise InvalidOption(
            f"--{outcome} takes one run number, not {' '.join(arguments)!r} - "
            f"for example 'archive import --{outcome} 3'"
        )

    from archive.store.runs import items_with_outcome

    run_id = int(arguments[0]) if arguments else None
    with database(ctx) as engine, engine.connect() as connection:
        run, items = items_with_outcome(connection, outcome, run_id)
    rows = [{"path": item.path, "reason": item.reason, "message": item.message} for item in items]
    if as_json:
        emit(json.dumps({"run_id": run, outcome: rows}, ensure_ascii=False, indent=2))
    elif rows:
        emit(
            render(rows, "table", [("path", "path"), ("reason", "reason"), ("message", "message")])
        )
    else:
        emit(f"Import run {run} {outcome} no files.")
