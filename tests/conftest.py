from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from sqlalchemy import Engine
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


@pytest.fixture(autouse=True)
def database_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own database file, named by ARCHIVE_DB, and its own folder."""
    path = tmp_path / "archive.db"
    monkeypatch.setenv("ARCHIVE_DB", str(path))
    monkeypatch.chdir(tmp_path)
    return path


@pytest.fixture
def engine(database_path: Path) -> Iterator[Engine]:
    engine = open_database(f"sqlite:///{database_path}", create=True)
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


POSTGRES_SERVER = os.environ.get(
    "ARCHIVE_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432"
)
"""The PostgreSQL server for tests marked ``postgres``; they skip when it cannot be reached."""


@pytest.fixture
def pg_urls() -> Iterator[Callable[[], str]]:
    """A maker of new, empty PostgreSQL databases, each dropped after the test."""
    psycopg = pytest.importorskip("psycopg")
    admin_url = POSTGRES_SERVER.replace("postgresql+psycopg://", "postgresql://") + "/test"
    try:
        admin = psycopg.connect(admin_url, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as error:
        pytest.skip(f"no PostgreSQL server: {error}")
    names: list[str] = []

    def make() -> str:
        names.append(f"archive_test_{uuid.uuid4().hex[:12]}")
        admin.execute(f'CREATE DATABASE "{names[-1]}"')
        return f"{POSTGRES_SERVER}/{names[-1]}"

    try:
        yield make
    finally:
        for name in names:
            admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        admin.close()


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


def write(folder: Path, name: str, content: str | bytes) -> Path:
    """Write an input file and return its path."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path
