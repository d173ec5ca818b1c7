"""archive serve: the archive in a browser, through Datasette (the web extra)."""

from __future__ import annotations

import webbrowser
from typing import Annotated

import typer

from archive.errors import InvalidOption

from .app import app, database, state


@app.command(short_help="Browse and search the archive in a web browser (Datasette).")
def serve(
    ctx: typer.Context,
    host: Annotated[
        str,
        typer.Option(
            metavar="ADDRESS",
            help="Address to listen on; any other than 127.0.0.1 makes the archive "
            "visible on the network.",
        ),
    ] = "127.0.0.1",
    port: Annotated[
        int, typer.Option(metavar="N", help="Port to listen on.", min=1, max=65535)
    ] = 8001,
    open_browser: Annotated[
        bool, typer.Option("--open", help="Open the archive in the web browser once it is up.")
    ] = False,
    allow_sql: Annotated[
        bool,
        typer.Option(
            "--allow-sql",
            help="Let visitors run any SQL on another host too (always allowed on 127.0.0.1).",
        ),
    ] = False,
) -> None:
    """Serve the archive read-only with Datasette, until Ctrl-C.

    Its pages: the articles with facets on source, language, year and month;
    the archive's own search (the query grammar of 'archive search'); an
    article's text, flags, versions and original file; a chart of articles over
    time; and canned queries for the latest articles, a source's timeline,
    doubtful dates and near-duplicate clusters. Safe while an import writes to
    the same file. Needs the web extra: pip install 'news-archive[web]'.
    """
    from archive.store.engine import sqlite_path
    from archive.web.app import is_local, serve

    url = state(ctx).database_url
    path = sqlite_path(url)
    if path is None:
        raise InvalidOption(
            "serve needs a SQLite file - copy the archive into one with "
            "'archive db transfer FILE.db' and serve that with --db FILE.db"
        )
    with database(ctx):
        pass  # it exists and its schema is current
    local = is_local(host)
    if not local:
        typer.echo(
            f"Warning: listening on {host}: the archive is visible on the network"
            + (
                "; anyone who reaches it can run any SQL."
                if allow_sql
                else "; arbitrary SQL is off (--allow-sql turns it on)."
            ),
            err=True,
        )

    def started(address: str) -> None:
        typer.echo(f"Serving {path} at {address} - press Ctrl-C to stop.", err=True)
        if open_browser and not webbrowser.open(address):
            typer.echo("No web browser found here: open the address above in one.", err=True)

    try:
        serve(path, host=host, port=port, allow_sql=local or allow_sql, started=started)
    except KeyboardInterrupt:
        pass  # Ctrl-C is how a server stops
    typer.echo("Stopped.", err=True)
