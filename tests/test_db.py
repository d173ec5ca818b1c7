from __future__ import annotations

import sqlite3
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from archive.errors import (
    DatabaseError,
    DatabaseNotFound,
    DatabaseReadOnly,
    SchemaTooNew,
    SchemaTooOld,
)
from archive.search.articles import count_documents
from archive.search.filters import Filters
from archive.search.grammar import parse_query
from archive.store.engine import (
    current_revision,
    database_url,
    for_writing,
    head_revision,
    is_read_only,
    make_engine,
    open_database,
)
from tests.conftest import SEEDS, run_import


def test_database_url_from_option_environment_and_default(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert database_url("x.db") == "sqlite:///x.db"
    assert database_url("postgresql://h/db") == "postgresql://h/db"
    monkeypatch.setenv("ARCHIVE_DB", "/data/news.db")
    assert database_url(None) == "sqlite:////data/news.db"
    monkeypatch.delenv("ARCHIVE_DB")
    assert database_url(None) == "sqlite:///archive.db"


def test_new_database_files_are_private(database_path: Path) -> None:
    engine = open_database(f"sqlite:///{database_path}", create=True)
    with for_writing(engine).begin() as connection:
        connection.execute(text("INSERT INTO sources (domain, created_at) VALUES ('a.com', '')"))
        for suffix in ("", "-wal", "-shm"):
            path = Path(f"{database_path}{suffix}")
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    engine.dispose()


def test_every_connection_has_wal_foreign_keys_and_a_busy_timeout(database_path: Path) -> None:
    engine = open_database(f"sqlite:///{database_path}", create=True)
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30000
    engine.dispose()


def test_writers_take_the_lock_when_they_begin(database_path: Path) -> None:
    url = f"sqlite:///{database_path}"
    open_database(url, create=True).dispose()
    first = make_engine(url)
    impatient = make_engine(url, busy_timeout=0.1)
    with for_writing(first).begin():
        # A reader still reads while a writer holds the lock.
        with impatient.connect() as reader:
            assert reader.execute(text("SELECT count(*) FROM documents")).scalar() == 0
        # A second writer fails at BEGIN, before it has read anything.
        with pytest.raises(OperationalError, match="database is locked"):
            with for_writing(impatient).connect() as writer:
                writer.begin()
    first.dispose()
    impatient.dispose()


def test_missing_database_is_not_created_for_reading(database_path: Path) -> None:
    with pytest.raises(DatabaseNotFound) as caught:
        open_database(f"sqlite:///{database_path}")
    assert str(caught.value) == (
        f"{database_path} does not exist - run 'archive import PATH' to create it, "
        "or name another database with --db"
    )
    assert not database_path.exists()


def test_other_sqlite_files_are_refused(database_path: Path) -> None:
    sqlite3.connect(database_path).execute("CREATE TABLE notes (x)").connection.commit()
    with pytest.raises(DatabaseError) as caught:
        open_database(f"sqlite:///{database_path}", create=True)
    assert str(caught.value) == f"{database_path} is not an archive database (it has other tables)"


def test_files_that_are_not_databases_are_refused(database_path: Path) -> None:
    database_path.write_text("hello\n" * 100)
    with pytest.raises(DatabaseError) as caught:
        open_database(f"sqlite:///{database_path}")
    assert str(caught.value) == f"cannot open {database_path}: file is not a database"
    assert database_path.read_text() == "hello\n" * 100


def test_newer_schema_is_refused(database_path: Path) -> None:
    open_database(f"sqlite:///{database_path}", create=True).dispose()
    connection = sqlite3.connect(database_path)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    with pytest.raises(SchemaTooNew) as caught:
        open_database(f"sqlite:///{database_path}")
    assert str(caught.value) == (
        f"{database_path} has schema 9999, newer than this version's {head_revision()} - "
        "install a newer version of archive"
    )


def test_empty_database_is_migrated_on_first_use_only_when_creating(database_path: Path) -> None:
    sqlite3.connect(database_path).close()
    with pytest.raises(SchemaTooOld) as caught:
        open_database(f"sqlite:///{database_path}")
    assert str(caught.value) == f"{database_path} has no schema yet - run 'archive db upgrade'"
    engine = open_database(f"sqlite:///{database_path}", create=True)
    with engine.connect() as connection:
        assert current_revision(connection) == head_revision()
    engine.dispose()


def test_an_over_long_database_name_is_one_clear_error(tmp_path: Path) -> None:
    name = tmp_path / ("x" * 300 + ".db")
    with pytest.raises(DatabaseError, match="File name too long - choose a shorter path"):
        open_database(f"sqlite:///{name}", create=True)
    with pytest.raises(DatabaseError, match="File name too long"):
        open_database(f"sqlite:///{name}")


@pytest.fixture
def read_only_copy(tmp_path: Path) -> Iterator[Path]:
    """An archive of the seeds on a read-only bind mount, as a shared archive is."""
    source, mounted = tmp_path / "source", tmp_path / "mounted"
    source.mkdir()
    mounted.mkdir()
    engine = open_database(f"sqlite:///{source / 'archive.db'}", create=True)
    run_import(engine, SEEDS)
    engine.dispose()
    mount = subprocess.run(
        ["mount", "--bind", "-o", "ro", str(source), str(mounted)], capture_output=True
    )
    if mount.returncode != 0:
        pytest.skip(f"cannot make a read-only mount here: {mount.stderr.decode().strip()}")
    try:
        yield mounted / "archive.db"
    finally:
        subprocess.run(["umount", str(mounted)], check=True)


def test_a_read_only_archive_answers_queries_and_refuses_writes(read_only_copy: Path) -> None:
    assert not Path(f"{read_only_copy}-wal").exists()
    engine = open_database(f"sqlite:///{read_only_copy}")
    try:
        assert is_read_only(engine)
        with Session(engine) as session:
            assert count_documents(session, Filters(text=parse_query("ultimatum"))) == 1
        with pytest.raises(DatabaseReadOnly, match="is read-only .* search, show, sources"):
            for_writing(engine)
    finally:
        engine.dispose()


@pytest.mark.sqlite
def test_a_file_that_cannot_be_written_is_opened_read_only(
    seeded: Engine, database_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Root may write any file, so say what a user without write access would be told.
    monkeypatch.setattr("archive.store.engine.os.access", lambda path, mode: False)
    engine = open_database(f"sqlite:///{database_path}")
    try:
        assert is_read_only(engine)
        with Session(engine) as session:
            assert count_documents(session, Filters()) == 28
        with pytest.raises(DatabaseReadOnly):
            for_writing(engine)
    finally:
        engine.dispose()
