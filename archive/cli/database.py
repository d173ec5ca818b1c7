"""archive db: schema upgrades and the schema revision."""

from __future__ import annotations

import typer

from archive.db import (
    current_revision,
    display_name,
    head_revision,
    make_engine,
    sqlite_path,
    upgrade_database,
)
from archive.errors import DatabaseNotFound

from .app import app, state
from .output import emit

db_app = typer.Typer(help="Manage the database file: schema upgrades and revision.")
app.add_typer(db_app, name="db")


@db_app.command("upgrade")
def upgrade_command(ctx: typer.Context) -> None:
    """Create the database, or migrate it to this version's schema."""
    url = state(ctx).database_url
    before, after = upgrade_database(url)
    name = display_name(url)
    if before == after:
        emit(f"{name} is already at schema {after}.")
    else:
        emit(f"{name} upgraded from schema {before or 'none'} to {after}.")


@db_app.command("current")
def current_command(ctx: typer.Context) -> None:
    """Print the database's schema revision and the one this version expects."""
    url = state(ctx).database_url
    path = sqlite_path(url)
    if path is not None and not path.exists():
        raise DatabaseNotFound(f"{path} does not exist - run 'archive db upgrade' to create it")
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            revision = current_revision(connection)
    finally:
        engine.dispose()
    head = head_revision()
    status = "up to date" if revision == head else "run 'archive db upgrade'"
    emit(
        f"{display_name(url)}: schema {revision or 'none'} (this version expects {head}; {status})"
    )
