from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings
from sqlalchemy import Engine, create_engine, text
from typer.testing import CliRunner

from archive.cli import app
from archive.ingest.importer import ImportOptions, ImportSummary, import_files
from archive.ingest.inputs import iter_input_files
from archive.store.engine import open_database

# Tests check behaviour, never speed: no example fails for being slow on a busy machine.
settings.register_profile("archive", deadline=None)
settings.load_profile("archive")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_FILE = SEEDS / "000_d9df1ced53a76c60.txt"
SEED_TITLE = "Lavrov Accuses West of Issuing Ultimatum to Russia in Peace Efforts"
SEED_URL = (
    "https://sputnikglobe.com/20240624/"
    "lavrov-accuses-west-of-issuing-ultimatum-to-russia-in-peace-efforts-1119107399.html"
)


POSTGRES_SERVER = os.environ.get(
    "ARCHIVE_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432"
)
"""The PostgreSQL server for the PostgreSQL run and for tests marked ``postgres``."""


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--backend",
        choices=("sqlite", "postgresql"),
        default=os.environ.get("ARCHIVE_TEST_BACKEND", "sqlite"),
        help="the database that each test's archive lives in: a SQLite file (the default), "
        f"or a new database on {POSTGRES_SERVER} ($ARCHIVE_TEST_POSTGRES)",
    )


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("backend") == "postgresql":
        try:
            _server().close()
        except Exception as error:  # any reason the server cannot be used skips the run
            reason = str(error).strip().splitlines()[0] if str(error).strip() else error
            pytest.exit(f"PostgreSQL run skipped: no server at {POSTGRES_SERVER} ({reason})\n", 0)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("backend") != "postgresql":
        return
    skip = pytest.mark.skip(reason="about the SQLite file itself")
    for item in items:
        if "sqlite" in item.keywords:
            item.add_marker(skip)


def _server():  # type: ignore[no-untyped-def]
    import psycopg

    admin_url = POSTGRES_SERVER.replace("postgresql+psycopg://", "postgresql://") + "/test"
    return psycopg.connect(admin_url, autocommit=True, connect_timeout=3)


@pytest.fixture(scope="session")
def backend(request: pytest.FixtureRequest) -> str:
    """The backend of this run: ``sqlite`` or ``postgresql`` (``--backend``)."""
    return str(request.config.getoption("backend"))


@pytest.fixture(scope="session")
def server() -> Iterator[Any]:
    """A connection to the PostgreSQL server that creates and drops scratch databases."""
    pytest.importorskip("psycopg")
    try:
        admin = _server()
    except Exception as error:
        pytest.skip(f"no PostgreSQL server: {error}")
    yield admin
    admin.close()


@pytest.fixture
def pg_urls(server: Any) -> Iterator[Callable[[], str]]:
    """A maker of new, empty PostgreSQL databases, each dropped after the test."""
    names: list[str] = []

    def make() -> str:
        names.append(f"archive_test_{uuid.uuid4().hex[:12]}")
        server.execute(f'CREATE DATABASE "{names[-1]}"')
        return f"{POSTGRES_SERVER}/{names[-1]}"

    try:
        yield make
    finally:
        for name in names:
            server.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


@pytest.fixture(autouse=True)
def database_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own folder and a path for a SQLite database in it."""
    monkeypatch.chdir(tmp_path)
    return tmp_path / "archive.db"


@pytest.fixture(autouse=True)
def database_url(
    request: pytest.FixtureRequest, database_path: Path, monkeypatch: pytest.MonkeyPatch
) -> str:
    """Every test gets its own database, named by ARCHIVE_DB: the SQLite file at
    ``database_path``, or with ``--backend postgresql`` a new database on the server."""
    if request.config.getoption("backend") == "postgresql" and "sqlite" not in request.keywords:
        url = request.getfixturevalue("pg_urls")()
    else:
        url = f"sqlite:///{database_path}"
    monkeypatch.setenv("ARCHIVE_DB", url)
    return url


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = open_database(database_url, create=True)
    yield engine
    engine.dispose()


def run_import(engine: Engine, *paths: Path | str, **options: object) -> ImportSummary:
    """Import ``paths`` through the library, as `archive import` does."""
    return import_files(
        engine,
        iter_input_files(
            [str(path) for path in paths], follow_symlinks=bool(options.get("follow_symlinks"))
        ),
        ImportOptions(**options),  # type: ignore[arg-type]
    )


@pytest.fixture
def pg_engine(pg_urls: Callable[[], str]) -> Iterator[Engine]:
    """A new PostgreSQL archive, dropped after the test."""
    engine = open_database(pg_urls(), create=True)
    try:
        yield engine
    finally:
        engine.dispose()


@pytest.fixture
def seeded(engine: Engine) -> Engine:
    """The database after importing seeds/."""
    run_import(engine, SEEDS)
    return engine


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    """A writable copy of seeds/."""
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target


@pytest.fixture
def cli() -> CliRunner:
    return CliRunner()


def invoke(runner: CliRunner, *args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    """Run the archive command line in-process."""
    return runner.invoke(app, list(args), input=input, prog_name="archive")


def sql(url: str, statement: str, **parameters: object) -> list[Any]:
    """Run one SQL statement on the database at ``url``, as a user's own tool would,
    and return its rows (none for a statement that returns none)."""
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            result = connection.execute(text(statement), parameters)
            return list(result) if result.returns_rows else []
    finally:
        engine.dispose()


def write(folder: Path, name: str, content: str | bytes) -> Path:
    """Write an input file and return its path."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path
