"""The root command: the global --db and --version options, help and one-line errors.

The command modules import what a command runs inside it, not at their top:
building the command line, and ``archive --help``, then loads no SQLAlchemy,
and each command loads only what it uses.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperArgument, TyperGroup

from archive.errors import (
    ArchiveError,
    ExportError,
    InputPathError,
    InvalidDate,
    InvalidDomain,
    InvalidOption,
    InvalidQuery,
    InvalidURL,
    MapFileError,
)
from archive.escapes import escape_controls

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine

USAGE_ERRORS = (
    InvalidDate,
    InvalidQuery,
    InvalidDomain,
    InvalidOption,
    InvalidURL,
    MapFileError,
    InputPathError,
    ExportError,
)
"""Errors in what the user typed: exit status 2. Every other error exits with 1,
among them a database that does not exist (:class:`DatabaseNotFound`)."""


def print_error(message: object) -> None:
    """Print ``Error: message`` on stderr, with any control character in it escaped."""
    typer.echo(f"Error: {escape_controls(str(message))}", err=True)


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print ``Error: message`` on stderr and return the Exit to raise."""
    print_error(message)
    return typer.Exit(code)


COMMAND_ORDER = (
    "import",
    "search",
    "show",
    "history",
    "diff",
    "dupes",
    "sources",
    "stats",
    "export",
    "db",
)


class ArchiveGroup(TyperGroup):
    """Reports every error as one ``Error: ...`` line, never a traceback.

    Also tidies the help of every command under it (see :func:`tidy_help`).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        tidy_help(self)

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
                print_error(message + _query_hint(error))
            code = error.exit_code
        except ArchiveError as error:
            print_error(error)
            code = 2 if isinstance(error, USAGE_ERRORS) else 1
        except typer.Abort:
            print_error("aborted")
            code = 130
        except KeyboardInterrupt:
            print_error("interrupted")
            code = 130
        except Exception as error:
            reason = database_error_reason(error)
            if reason is not None:
                print_error(f"database error: {reason}")
            elif os.environ.get("ARCHIVE_DEBUG"):
                raise
            else:
                print_error(
                    f"unexpected {type(error).__name__}: {error} (set ARCHIVE_DEBUG=1 to see where)"
                )
            code = 1
        else:
            code = result if isinstance(result, int) else 0
        if standalone_mode:
            sys.exit(code)
        return code


def database_error_reason(error: Exception) -> str | None:
    """The first line of what a SQLAlchemy error says, with a hint; None for other errors."""
    if "sqlalchemy" not in sys.modules:
        return None  # nothing loaded SQLAlchemy, so nothing could raise its errors
    from sqlalchemy.exc import SQLAlchemyError

    if not isinstance(error, SQLAlchemyError):
        return None
    reason = str(getattr(error, "orig", None) or error).splitlines()[0]
    if "locked" in reason or "lock timeout" in reason:
        reason += " - another import is writing to it; try again when it has finished"
    return reason


class PlainArgument(TyperArgument):
    """An argument shown in help by its metavar alone: ``PATH...``, not ``PATH <list[str]>``."""

    def display_type_rich(self, ctx: typer.Context) -> str | None:  # type: ignore[override]
        return None

    def get_help_record(self, ctx: typer.Context) -> tuple[str, str] | None:  # type: ignore[override]
        record = super().get_help_record(ctx)
        if record is None or self.nargs == 1 or record[0].endswith("..."):
            return record
        return f"{record[0]}...", record[1]


def tidy_help(command: object) -> None:
    """Give ``command`` and the commands under it the help this project wants.

    A group lists each command with its first sentence, whole: Click would cut
    it at about 45 characters with "...". Arguments are shown by their
    metavars, without Typer's Python types.
    """
    if getattr(command, "short_help", "") is None:
        help_text = getattr(command, "help", None)
        if help_text:
            command.short_help = summary_sentence(help_text)  # type: ignore[attr-defined]
    for parameter in getattr(command, "params", []):
        if type(parameter) is TyperArgument:
            parameter.__class__ = PlainArgument
    for subcommand in getattr(command, "commands", {}).values():
        tidy_help(subcommand)


def summary_sentence(text: str) -> str:
    """The first sentence of the first paragraph of a help text, on one line."""
    paragraph = " ".join(text.strip().split("\n\n", 1)[0].split())
    for index, word in enumerate(words := paragraph.split(" ")):
        if word.endswith("."):
            return " ".join(words[: index + 1])
    return paragraph


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
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@dataclass(frozen=True)
class State:
    """What the root command hands to every subcommand."""

    db: str | None
    """The --db option as given."""

    @property
    def database_url(self) -> str:
        """The SQLAlchemy URL of --db, $ARCHIVE_DB or ./archive.db."""
        from archive.store.engine import database_url

        return database_url(self.db)


def _show_version(value: bool) -> None:
    if value:
        from archive.version import installed_version

        typer.echo(f"archive {installed_version()}")
        raise typer.Exit()


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
    version: Annotated[
        bool,
        typer.Option(
            "--version", is_eager=True, callback=_show_version, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Keep an archive of news article files in one SQLite database and query it."""
    ctx.obj = State(db)


def state(ctx: typer.Context) -> State:
    """The State the root command stored."""
    found = ctx.find_object(State)
    assert found is not None
    return found


@contextmanager
def database(
    ctx: typer.Context, *, create: bool = False, url: str | None = None
) -> Iterator[Engine]:
    """The command's database (or ``url``): opened and checked for the block, disposed after it."""
    from archive.store.engine import open_database

    engine = open_database(url or state(ctx).database_url, create=create)
    try:
        yield engine
    finally:
        engine.dispose()


@contextmanager
def reading(ctx: typer.Context) -> Iterator[Connection]:
    """A connection to the command's database for queries, closed and disposed after the block."""
    with database(ctx) as engine, engine.connect() as connection:
        yield connection
