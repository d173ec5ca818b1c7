"""archive db: schema upgrades, checks, backups, transfers and the full-text index."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from archive.errors import ArchiveError, DatabaseNotFound, InvalidOption
from archive.limits import RECLEAN_BATCH, TRANSFER_BATCH

from .app import app, database, print_error, state
from .output import emit, plural

if TYPE_CHECKING:
    from rich.progress import TaskID

db_app = typer.Typer(
    help="Manage the database: schema upgrades, checks and the full-text index.",
    short_help="Manage the database: schema, checks, backups, full-text index.",
    no_args_is_help=True,
)
app.add_typer(db_app, name="db")


@db_app.command("upgrade")
def upgrade_command(ctx: typer.Context) -> None:
    """Create the database, or migrate it to this version's schema."""
    from archive.store.engine import display_name, upgrade_database

    url = state(ctx).database_url
    before, after = upgrade_database(url)
    name = display_name(url)
    if before == after:
        emit(f"{name} is already at schema {after}.")
    else:
        emit(f"{name} upgraded from schema {before or 'none'} to {after}.")
    if before is not None and before < "0009" <= after:
        emit("Its articles have no near-duplicate clusters yet: run 'archive db recluster'.")


@db_app.command(
    "current", short_help="Show the schema revision of the database and of this version."
)
def current_command(ctx: typer.Context) -> None:
    """Print the database's schema revision and the one this version expects."""
    from archive.store.engine import display_name, head_revision, sqlite_path, stored_revision

    url = state(ctx).database_url
    path = sqlite_path(url)
    if path is not None and not path.exists():
        raise DatabaseNotFound(f"{path} does not exist - run 'archive db upgrade' to create it")
    revision = stored_revision(url)
    head = head_revision()
    status = "up to date" if revision == head else "run 'archive db upgrade'"
    emit(
        f"{display_name(url)}: schema {revision or 'none'} (this version expects {head}; {status})"
    )


@db_app.command("check", short_help="Check the database and the full-text index for damage.")
def check_command(ctx: typer.Context) -> None:
    """Check the database file and the full-text index; exit 1 if anything is wrong."""
    from archive.store.engine import display_name
    from archive.store.maintenance import check_database

    url = state(ctx).database_url
    with database(ctx) as engine, engine.connect() as connection:
        problems = check_database(connection)
    if problems:
        for problem in problems:
            print_error(problem)
        raise typer.Exit(1)
    emit(f"{display_name(url)} is sound: the database and its full-text index check out.")


@db_app.command("reindex")
def reindex_command(ctx: typer.Context) -> None:
    """Rebuild the full-text index from the documents."""
    from archive.store.engine import for_writing
    from archive.store.maintenance import rebuild_index

    with database(ctx) as engine, for_writing(engine).begin() as connection:
        count = rebuild_index(connection)
    emit(f"Rebuilt the full-text index of {plural(count, 'document')}.")


@db_app.command("optimize")
def optimize_command(ctx: typer.Context) -> None:
    """Merge the full-text index's segments, which makes searches faster."""
    from archive.store.engine import for_writing
    from archive.store.maintenance import optimize_index

    with database(ctx) as engine, for_writing(engine).begin() as connection:
        optimize_index(connection)
    emit("Optimized the full-text index.")


@db_app.command("reclean", short_help="Clean every stored text again with this version's cleaning.")
def reclean_command(
    ctx: typer.Context,
    batch_size: Annotated[
        int, typer.Option(min=1, metavar="N", help="Texts per transaction.")
    ] = RECLEAN_BATCH,
) -> None:
    """Clean every stored text again from its original bytes, and recompute its metadata.

    Run it after upgrading archive, so that improvements to cleaning reach old
    articles. It commits every batch: stop it at any time and run it again.
    """
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    from archive.store.maintenance import reclean

    console = Console(stderr=True)
    progress = Progress(
        TextColumn("recleaning"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    )
    task = progress.add_task("reclean", total=None)
    try:
        with database(ctx) as engine, progress:
            summary = reclean(
                engine,
                batch_size=batch_size,
                on_batch=lambda done, total: progress.update(task, completed=done, total=total),
            )
    except KeyboardInterrupt:
        raise ArchiveError(
            "interrupted; the batches done so far are saved - run 'archive db reclean' again"
        ) from None
    line = f"Cleaned {plural(summary.checked, 'stored text')} again: {summary.changed} changed."
    if summary.unreadable:
        line += f" {summary.unreadable} no longer parse and were left as they were."
    emit(line)


@db_app.command("backup")
def backup_command(
    ctx: typer.Context,
    target: Annotated[Path, typer.Argument(metavar="PATH", help="The copy to write.")],
    force: Annotated[bool, typer.Option("--force", help="Replace PATH if it exists.")] = False,
) -> None:
    """Copy the database to PATH, safely even while an import is running."""
    from archive.store.engine import display_name
    from archive.store.maintenance import backup

    url = state(ctx).database_url
    with database(ctx) as engine:
        size = backup(engine, target, force=force)
    emit(f"Backed up {display_name(url)} to {target} ({size:,} bytes), checked sound.")


@db_app.command(
    "transfer", short_help="Copy the whole archive to another database, either backend."
)
def transfer_command(
    ctx: typer.Context,
    target: Annotated[
        str,
        typer.Argument(
            metavar="PATH|URL",
            help="The new archive: a SQLite file, or a URL such as "
            "postgresql+psycopg://host/news for an empty database.",
        ),
    ],
    batch_size: Annotated[
        int, typer.Option(min=1, metavar="N", help="Rows per transaction.")
    ] = TRANSFER_BATCH,
) -> None:
    """Copy the archive (--db) into PATH|URL, and check that the copy matches.

    Everything moves: documents, earlier versions, originals byte for byte,
    sources and the import log; the full-text index and the counts are built
    on the target. The target must be new or empty. Stopped part way, the
    same command goes on where it stopped.
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from archive.store.engine import database_url, display_name
    from archive.store.transfer import transfer

    if not target.strip():
        raise InvalidOption("name the new archive: a file path or a database URL")
    url = state(ctx).database_url
    target_url = database_url(target)
    console = Console(stderr=True)
    progress = Progress(
        TextColumn("{task.description:<18}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    )
    tasks: dict[str, TaskID] = {}

    def on_progress(table: str, done: int, total: int) -> None:
        if table not in tasks:
            tasks[table] = progress.add_task(table, total=total)
        progress.update(tasks[table], completed=done)

    try:
        with progress:
            summary = transfer(url, target_url, batch_size=batch_size, on_progress=on_progress)
    except KeyboardInterrupt:
        raise ArchiveError(
            "interrupted; what was copied is kept - run the same transfer again to go on"
        ) from None
    rows = summary.rows
    if summary.resumed and not any(summary.copied.values()):
        verb = "Nothing to copy: already a whole copy of"
    elif summary.resumed:
        verb = "Finished the transfer of"
    else:
        verb = "Transferred"
    counts = [
        plural(rows["documents"], "document"),
        plural(rows["document_versions"], "earlier version"),
        plural(rows["sources"], "source"),
        plural(rows["import_runs"], "import run"),
    ]
    emit(
        f"{verb} {display_name(url)} to {display_name(target_url)}: "
        f"{', '.join(counts)}; the copy matches."
    )
