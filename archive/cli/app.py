"""The root command: the global --db option and one-line errors."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Annotated, Any

import typer
from sqlalchemy.exc import SQLAlchemyError
from typer.core import TyperGroup

from archive.db import database_url
from archive.errors import (
    ArchiveError,
    DatabaseNotFound,
    ExportError,
    InputPathError,
    InvalidDate,
    InvalidDomain,
    InvalidOption,
    InvalidQuery,
    InvalidURL,
    MapFileError,
)

USAGE_ERRORS = (
    InvalidDate,
    InvalidQuery,
    InvalidDomain,
    InvalidOption,
    InvalidURL,
    MapFileError,
    InputPathError,
    DatabaseNotFound,
    ExportError,
)
"""Errors in what the user typed: exit status 2. Every other error exits with 1."""


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print ``Error: message`` on stderr and return the Exit to raise."""
    typer.echo(f"Error: {message}", err=True)
    return typer.Exit(code)


COMMAND_ORDER = ("import", "search", "show", "sources", "stats", "export", "db")


class ArchiveGroup(TyperGroup):
    """Reports every error as one ``Error: ...`` line, never a traceback."""

    def list_commands(self, ctx: typer.Context) -> list[str]:  # type: ignore[override]
        names = super().list_commands(ctx)
        order = {name: index for index, name in enumerate(COMMAND_ORDER)}
        return sorted(names, key=lambda name: order.get(name, len(order)))

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        try:
            result = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except typer.TyperException as error:  # usage errors from the parser
            message = error.format_message().replace("Value error, ", "")
            if type(error).__name__ == "NoArgsIsHelpError":
                typer.echo(message)  # a group run without a command: its help
            else:
                message += _query_hint(error)
                typer.echo(f"Error: {message}", err=True)
            code = error.exit_code
        except ArchiveError as error:
            typer.echo(f"Error: {error}", err=True)
            code = 2 if isinstance(error, USAGE_ERRORS) else 1
        except SQLAlchemyError as error:
            reason = str(getattr(error, "orig", None) or error).splitlines()[0]
            if "locked" in reason:
                reason += " - another import is writing to it; try again when it has finished"
            typer.echo(f"Error: database error: {reason}", err=True)
            code = 1
        except typer.Abort:
            typer.echo("Error: aborted", err=True)
            code = 130
        except KeyboardInterrupt:
            typer.echo("Error: interrupted", err=True)
            code = 130
        except Exception as error:
            if os.environ.get("ARCHIVE_DEBUG"):
                raise
            typer.echo(
                f"Error: unexpected {type(error).__name__}: {error} "
                "(set ARCHIVE_DEBUG=1 to see where)",
                err=True,
            )
            code = 1
        else:
            code = result if isinstance(result, int) else 0
        if standalone_mode:
            sys.exit(code)
        return code


def _query_hint(error: typer.TyperException) -> str:
    """How to search for a query that starts with -, which the parser took for an option."""
    context = getattr(error, "ctx", None)
    command = getattr(getattr(context, "command", None), "name", None)
    option = str(getattr(error, "option_name", ""))
    if type(error).__name__ != "NoSuchOption" or command not in ("search", "stats"):
        return ""
    if option.startswith("--"):
        return ""
    return f" - a QUERY that starts with - goes after --, as in: archive {command} -- '-word'"


app = typer.Typer(
    cls=ArchiveGroup,
    help="Keep an archive of news article files in one SQLite database and query it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@dataclass(frozen=True)
class State:
    """What the root command hands to every subcommand."""

    database_url: str


@app.callback()
def root(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            metavar="PATH|URL",
            help="Database file or SQLAlchemy URL [default: $ARCHIVE_DB, else ./archive.db].",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Keep an archive of news article files in one SQLite database and query it."""
    ctx.obj = State(database_url(db))


def state(ctx: typer.Context) -> State:
    """The State the root command stored."""
    found = ctx.find_object(State)
    assert found is not None
    return found
