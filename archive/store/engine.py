"""Opening the database: the engine factory, SQLite settings and schema checks.

The database is ``./archive.db`` unless ``--db`` or ``ARCHIVE_DB`` names
another file or a SQLAlchemy URL.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote, unquote

from sqlalchemy import Connection, Engine, create_engine, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from archive.backends import backend_for
from archive.errors import (
    DatabaseError,
    DatabaseNotFound,
    DatabaseReadOnly,
    SchemaTooNew,
    SchemaTooOld,
)
from archive.store.schema import SCHEMA_REVISION, create_schema

if TYPE_CHECKING:
    from alembic.config import Config

DEFAULT_DATABASE = "archive.db"
BUSY_TIMEOUT_SECONDS = 30.0
"""Seconds a writer waits for another writer before giving up ($ARCHIVE_BUSY_TIMEOUT)."""


def database_url(value: str | None = None) -> str:
    """The SQLAlchemy URL for ``value``, ``$ARCHIVE_DB`` or ``archive.db``.

    A plain path becomes a ``sqlite:///`` URL; a URL is used as it is.
    """
    value = value or os.environ.get("ARCHIVE_DB") or DEFAULT_DATABASE
    if "://" in value:
        return value
    return f"sqlite:///{value}"


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL; None for other backends and in-memory databases."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def display_name(url: str) -> str:
    """How to name the database in messages: its path, or the URL without a password."""
    path = sqlite_path(url)
    return str(path) if path else make_url(url).render_as_string(hide_password=True)


def make_engine(url: str, *, busy_timeout: float | None = None, read_only: bool = False) -> Engine:
    """An engine for ``url``; for SQLite, with WAL, foreign keys and a busy timeout.

    Transactions start with ``BEGIN`` unless the connection has the execution
    option ``immediate=True`` (see :func:`for_writing`), which starts them with
    ``BEGIN IMMEDIATE`` so that a writer waits for the lock instead of failing.
    On PostgreSQL such a transaction first takes the archive's writer lock (an
    advisory lock held to its end), so that writers take turns as on SQLite
    while readers never wait.

    A SQLite file that cannot be written (its mode, its folder's, or a
    read-only mount) is opened read-only: queries work, and :func:`for_writing`
    refuses with :class:`DatabaseReadOnly`. With ``read_only``, a SQLite file always is.
    """
    read_only_url = _read_only_url(url, always=read_only)
    engine = create_engine(read_only_url or url)
    backend_for(engine).configure(
        engine,
        busy_timeout=busy_timeout if busy_timeout is not None else _busy_timeout(),
        read_only=read_only_url is not None,
    )
    return engine


def _read_only_url(url: str, *, always: bool = False) -> str | None:
    """A URL that opens the SQLite file at ``url`` read-only, if it cannot be written (or
    ``always``); else None.

    A file that cannot be written and has no write-ahead log beside it (no import
    running, none killed) is opened as immutable: SQLite then needs no lock and no
    ``-shm`` file, which a read-only folder could not hold.
    """
    path = sqlite_path(url)
    if path is None or not _exists(path) or (_writable(path) and not always):
        return None
    log = Path(f"{path}-wal")
    written = always or (_exists(log) and log.stat().st_size > 0)
    options = "mode=ro" if written else "immutable=1"
    return f"sqlite:///file:{quote(str(path.absolute()))}?{options}&uri=true"


def _writable(path: Path) -> bool:
    """True when the file and its folder (for the -wal and -shm files) can be written."""
    return os.access(path, os.W_OK) and os.access(path.parent.absolute(), os.W_OK)


def is_read_only(engine: Engine) -> bool:
    """True for an engine that opened its SQLite file read-only."""
    query = engine.url.query
    return query.get("mode") == "ro" or query.get("immutable") == "1"


def _exists(path: Path) -> bool:
    """Whether ``path`` exists; a name the system refuses (too long) is an error that says so."""
    try:
        return path.exists()
    except OSError as error:
        raise DatabaseError(
            f"cannot use {_shortened(str(path))} as the database: {error.strerror} - "
            "choose a shorter path with --db"
        ) from None


def _shortened(name: str, limit: int = 80) -> str:
    return name if len(name) <= limit else f"{name[: limit // 2]}...{name[-limit // 2 :]}"


def _busy_timeout() -> float:
    value = os.environ.get("ARCHIVE_BUSY_TIMEOUT")
    if value is None:
        return BUSY_TIMEOUT_SECONDS
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1
    if not 0 <= seconds < 86400:
        raise DatabaseError(
            f"ARCHIVE_BUSY_TIMEOUT={value} is not a number of seconds - set it to, say, 30"
        )
    return seconds


def for_writing(engine: Engine) -> Engine:
    """The same engine, with transactions that take the write lock when they begin.

    Raises :class:`DatabaseReadOnly` for a database opened read-only.
    """
    if is_read_only(engine):
        path = unquote((engine.url.database or "").removeprefix("file:"))
        raise DatabaseReadOnly(
            f"{path} is read-only (its file, folder or disk) - search, show, "
            "sources, stats and export work; to change it, copy it where you can write "
            "('archive db backup COPY') or ask for write access"
        )
    return engine.execution_options(immediate=True)


def create_database_file(url: str) -> None:
    """Create an empty SQLite file readable by its owner only, if there is none."""
    path = sqlite_path(url)
    if path is None or _exists(path):
        return
    if path.parent and not path.parent.is_dir():
        raise DatabaseError(f"cannot create {path}: the folder {path.parent} does not exist")
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError:
        pass
    except OSError as error:
        raise DatabaseError(f"cannot create {path}: {error.strerror}") from None


def alembic_config(connection: Connection | None = None) -> Config:
    """Alembic's configuration for the migrations shipped with the package."""
    from alembic.config import Config

    # Alembic binds its default stdout when it is first imported; pass today's.
    config = Config(stdout=sys.stdout)
    config.set_main_option("script_location", str(files("archive.migrations")))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The schema revision that this version of the code expects."""
    return SCHEMA_REVISION


def known_revisions() -> set[str]:
    """Every revision in the migrations shipped with this version."""
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(alembic_config())
    return {script.revision for script in scripts.walk_revisions()}


def current_revision(connection: Connection) -> str | None:
    """The schema revision recorded in the database, or None for a new database."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    revision: str | None = connection.execute(
        text("SELECT version_num FROM alembic_version")
    ).scalar()
    return revision


def stored_revision(url: str) -> str | None:
    """The schema revision recorded in the database at ``url``, without checking it."""
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return current_revision(connection)
    finally:
        engine.dispose()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate the database to ``revision`` in one transaction."""
    from alembic import command

    with for_writing(engine).begin() as connection:
        command.upgrade(alembic_config(connection), revision)


def downgrade(engine: Engine, revision: str) -> None:
    """Migrate the database back to ``revision`` in one transaction."""
    from alembic import command

    with for_writing(engine).begin() as connection:
        command.downgrade(alembic_config(connection), revision)


def open_database(url: str, *, create: bool = False, read_only: bool = False) -> Engine:
    """An engine for an archive database whose schema matches this code.

    With ``create``, a missing SQLite file is created (mode 0600) and a
    database with no tables gets the whole schema at once; with ``read_only``, a SQLite
    file is opened read-only. Raises :class:`DatabaseNotFound`,
    :class:`SchemaTooOld`, :class:`SchemaTooNew` or :class:`DatabaseError`.
    """
    name = display_name(url)
    path = sqlite_path(url)
    if path is not None and not _exists(path):
        if not create:
            raise DatabaseNotFound(
                f"{name} does not exist - run 'archive import PATH' to create it, "
                "or name another database with --db"
            )
        create_database_file(url)
    engine = make_engine(url, read_only=read_only)
    try:
        with engine.connect() as connection:
            revision = current_revision(connection)
            tables = inspect(connection).get_table_names()
    except SQLAlchemyError as error:
        engine.dispose()
        raise DatabaseError(f"cannot open {name}: {_reason(error)}") from None
    if revision is None and not tables and create:
        with for_writing(engine).begin() as connection:
            create_schema(connection)
        return engine
    check_revision(name, revision, tables)
    return engine


def upgrade_database(url: str) -> tuple[str | None, str]:
    """Create the database if needed and migrate it to this version's schema.

    Returns the revisions before and after. Refuses a database of another
    application and one written by a newer version.
    """
    name = display_name(url)
    create_database_file(url)
    engine = make_engine(url)
    try:
        try:
            with engine.connect() as connection:
                before = current_revision(connection)
                tables = inspect(connection).get_table_names()
        except SQLAlchemyError as error:
            raise DatabaseError(f"cannot open {name}: {_reason(error)}") from None
        if before is None and not tables:
            with for_writing(engine).begin() as connection:
                create_schema(connection)
            return before, head_revision()
        try:
            check_revision(name, before, tables)
        except SchemaTooOld:
            upgrade(engine)
        return before, head_revision()
    finally:
        engine.dispose()


def check_revision(name: str, revision: str | None, tables: list[str]) -> None:
    """Raise unless ``revision`` is the one this code expects."""
    head = head_revision()
    if revision == head:
        return
    if revision is None:
        if tables:
            raise DatabaseError(f"{name} is not an archive database (it has other tables)")
        raise SchemaTooOld(f"{name} has no schema yet - run 'archive db upgrade'")
    if revision not in known_revisions():
        raise SchemaTooNew(
            f"{name} has schema {revision}, newer than this version's {head} - "
            "install a newer version of archive"
        )
    raise SchemaTooOld(
        f"{name} has schema {revision} but this version expects {head} - run 'archive db upgrade'"
    )


def _reason(error: SQLAlchemyError) -> str:
    original = getattr(error, "orig", None)
    reason = str(original or error).splitlines()[0]
    missing = re.search(r'database "([^"]+)" does not exist', reason)
    if missing:
        reason += f" - create it first, for example with 'createdb {missing.group(1)}'"
    return reason


def wal_size(engine: Engine) -> Callable[[], int]:
    """A function that gives the size of the database's write-ahead log, 0 where there is none."""
    path = sqlite_path(engine.url.render_as_string(hide_password=False))
    log = Path(f"{path}-wal") if path is not None else None

    def size() -> int:
        try:
            return log.stat().st_size if log is not None else 0
        except OSError:
            return 0

    return size
