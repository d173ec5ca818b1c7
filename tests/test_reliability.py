"""Crashes, interruptions, concurrent readers and writers, backups: nothing lost, nothing half-done.

The kill tests are marked slow: a plain `pytest` skips them; CI runs them all,
on both backends.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect

from archive.store.maintenance import check_database
from tests.conftest import sql, write

CORPUS_FILES = 600
BATCH = "40"


def make_corpus(folder: Path, count: int = CORPUS_FILES) -> Path:
    words = "harbour council strike talks minister budget river market school train".split()
    rng = random.Random(7)
    for number in range(count):
        body = "\n".join(
            " ".join(rng.choice(words) for _ in range(40)).capitalize() + "." for _ in range(4)
        )
        url = f" https://news{number % 7}.example.com/story-{number}" if number % 3 else ""
        date = f"2024-{number % 12 + 1:02d}-{number % 28 + 1:02d}"
        write(folder, f"{number:05d}.txt", f" date {date}{url}\nStory {number}\n{body}\n")
    return folder


@pytest.fixture
def new_archive(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> Callable[[str], str]:
    """A maker of URLs of new, empty databases of this run's backend."""
    if backend == "postgresql":
        make = request.getfixturevalue("pg_urls")
        return lambda name: str(make())
    return lambda name: f"sqlite:///{tmp_path / name}.db"


def start_archive(database: str | Path, *args: str) -> subprocess.Popen[bytes]:
    """The archive command in a process of its own."""
    return subprocess.Popen(
        [sys.executable, "-c", "from archive.cli import main; main()", *args],
        env={**os.environ, "ARCHIVE_DB": str(database)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def run_archive(database: str | Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    process = start_archive(database, *args)
    stdout, stderr = process.communicate(timeout=300)
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


def has_tables(url: str) -> bool:
    engine = create_engine(url)
    try:
        return bool(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def count(url: str, query: str) -> int:
    return int(sql(url, query)[0][0])


def assert_sound(database: str | Path) -> None:
    """The backend's checks, and every document whole, recorded once and indexed."""
    from archive.store.engine import open_database

    url = database if isinstance(database, str) else f"sqlite:///{database}"
    if not has_tables(url):
        # Killed while creating the database: the schema is made in one transaction,
        # so nothing is there yet, and the next import creates it.
        return
    engine = open_database(url)
    with engine.connect() as connection:
        assert check_database(connection) == []
    engine.dispose()
    documents = count(url, "SELECT count(*) FROM documents")
    recorded = count(
        url, "SELECT count(DISTINCT document_id) FROM import_items WHERE outcome = 'imported'"
    )
    assert documents == recorded
    if url.startswith("sqlite"):  # PostgreSQL's index is over an expression: it cannot drift
        assert count(url, "SELECT count(*) FROM documents_fts_docsize") == documents
    duplicates = count(
        url,
        "SELECT count(*) FROM (SELECT text_sha256 FROM documents GROUP BY text_sha256 "
        "HAVING count(*) > 1) AS repeated",
    )
    assert duplicates == 0


@pytest.mark.slow
def test_kills_at_random_moments_lose_nothing(
    tmp_path: Path, new_archive: Callable[[str], str]
) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    database = new_archive("kill")
    rng = random.Random(2024)
    # Kills land anywhere in a whole first import, however fast this machine runs it.
    started = time.monotonic()
    timed = run_archive(new_archive("timed"), "import", str(corpus), "--workers", "0")
    assert timed.returncode == 0, timed.stderr
    whole_import = time.monotonic() - started
    kills = 0
    killed_since_start = 0
    for _ in range(80):  # "killed_since_start" counts killed runs since the database was new
        process = start_archive(
            database, "import", str(corpus), "--batch-size", BATCH, "--workers", "0"
        )
        time.sleep(rng.uniform(0.1, 0.95) * whole_import)
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            kills += 1
        process.communicate()
        if not database.startswith("sqlite") or Path(database.removeprefix("sqlite:///")).exists():
            assert_sound(database)
            if process.returncode != 0 and started_a_run(database, process.pid):
                killed_since_start += 1
        if process.returncode == 0:
            # The import finished before the kill: check it, then start again from nothing,
            # so that later kills land at new points of a first import.
            assert_everything_imported(database, killed_since_start)
            killed_since_start = 0
            database = new_archive(f"kill-{kills}")
        if kills >= 30:
            break
    assert kills >= 30
    finished = run_archive(
        database, "import", str(corpus), "--batch-size", BATCH, "--json", "--workers", "0"
    )
    assert finished.returncode == 0, finished.stderr
    assert_everything_imported(database, killed_since_start)


def started_a_run(database: str, pid: int) -> bool:
    """True when the process died during its run: recorded, and not yet finished."""
    if not has_tables(database):
        return False
    found = sql(
        database,
        "SELECT count(*) FROM import_runs WHERE pid = :pid AND status = 'running'",
        pid=pid,
    )
    return bool(found[0][0])


def assert_everything_imported(database: str, kills: int) -> None:
    assert_sound(database)
    assert count(database, "SELECT count(*) FROM documents") == CORPUS_FILES
    statuses = {
        row[0]: row[1]
        for row in sql(database, "SELECT status, count(*) FROM import_runs GROUP BY status")
    }
    assert set(statuses) <= {"interrupted", "completed"}
    # Every killed process that had recorded its run is marked; one killed earlier left none.
    assert statuses.get("interrupted", 0) == kills


@pytest.mark.slow
def test_ctrl_c_stops_after_the_batch_and_a_rerun_finishes(
    tmp_path: Path, new_archive: Callable[[str], str]
) -> None:
    # Large enough that the import is still storing when the signal arrives.
    files = 5 * CORPUS_FILES
    corpus = make_corpus(tmp_path / "corpus", files)
    database = new_archive("int")
    assert run_archive(database, "db", "upgrade").returncode == 0
    process = start_archive(
        database, "import", str(corpus), "--batch-size", BATCH, "--workers", "0"
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        time.sleep(0.05)
        if count(database, "SELECT count(*) FROM documents") >= 80:
            break
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 130
    assert b"Interrupted after" in stderr and b"Run the same import again" in stderr
    assert b"Traceback" not in stderr
    assert_sound(database)
    stored = count(database, "SELECT count(*) FROM documents")
    assert stored % int(BATCH) == 0 and 0 < stored < files
    assert sql(database, "SELECT status FROM import_runs") == [("interrupted",)]
    finished = run_archive(database, "import", str(corpus), "--batch-size", BATCH, "--workers", "0")
    assert finished.returncode == 0
    assert f"{files - stored} imported".encode() in finished.stdout
    assert_sound(database)


@pytest.mark.slow
@pytest.mark.sqlite  # tests/test_postgres.py has PostgreSQL's readers during imports
def test_readers_never_see_locks_decreasing_counts_or_half_documents(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    database = tmp_path / "read.db"
    assert run_archive(database, "db", "upgrade").returncode == 0
    process = start_archive(
        database, "import", str(corpus), "--batch-size", BATCH, "--workers", "0"
    )
    reader = sqlite3.connect(database, timeout=0.05)
    seen = [0]
    while process.poll() is None:
        reader.execute("BEGIN")
        documents = reader.execute("SELECT count(*) FROM documents").fetchone()[0]
        items = reader.execute(
            "SELECT count(*) FROM import_items WHERE outcome = 'imported'"
        ).fetchone()[0]
        indexed = reader.execute(
            "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'harbour OR council'"
        ).fetchone()[0]
        reader.execute("COMMIT")
        assert documents == items
        assert indexed <= documents
        assert documents >= seen[-1]
        seen.append(documents)
    assert process.returncode == 0
    assert len(set(seen)) > 3  # the reader saw the import progress, batch by batch
    reader.close()


@pytest.mark.slow
def test_two_imports_at_once_store_each_article_once(
    tmp_path: Path, new_archive: Callable[[str], str]
) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    database = new_archive("two")
    assert run_archive(database, "db", "upgrade").returncode == 0
    first = start_archive(database, "import", str(corpus), "--batch-size", BATCH, "--workers", "0")
    second = start_archive(database, "import", str(corpus), "--batch-size", BATCH, "--workers", "0")
    for process in (first, second):
        _, stderr = process.communicate(timeout=300)
        assert process.returncode == 0, stderr
        assert b"Traceback" not in stderr
    assert_sound(database)
    assert count(database, "SELECT count(*) FROM documents") == CORPUS_FILES


@pytest.mark.sqlite
def test_a_long_reader_does_not_fail_the_import_and_the_log_is_folded_after(
    tmp_path: Path,
) -> None:
    corpus = make_corpus(tmp_path / "corpus", 120)
    database = tmp_path / "long.db"
    assert run_archive(database, "db", "upgrade").returncode == 0
    reader = sqlite3.connect(database)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM documents").fetchone()
    result = run_archive(database, "import", str(corpus), "--batch-size", "20", "--workers", "0")
    assert result.returncode == 0, result.stderr
    assert reader.execute("SELECT count(*) FROM documents").fetchone()[0] == 0  # its snapshot
    wal = Path(f"{database}-wal")
    assert wal.stat().st_size > 0  # the reader's snapshot kept the log from being folded
    reader.execute("COMMIT")
    # The next import folds and truncates the log, though the reader is still connected.
    assert run_archive(database, "import", str(corpus)).returncode == 0
    assert wal.stat().st_size == 0
    assert reader.execute("SELECT count(*) FROM documents").fetchone()[0] == 120
    reader.close()
    assert_sound(database)


@pytest.mark.sqlite
def test_backup_during_an_import_is_a_sound_snapshot(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus", 300)
    database = tmp_path / "live.db"
    assert run_archive(database, "db", "upgrade").returncode == 0
    process = start_archive(database, "import", str(corpus), "--batch-size", "20", "--workers", "0")
    time.sleep(1.5)
    copy = tmp_path / "copy.db"
    result = run_archive(database, "db", "backup", str(copy))
    process.communicate(timeout=300)
    assert result.returncode == 0, result.stderr
    assert b"checked sound" in result.stdout
    assert oct(copy.stat().st_mode & 0o777) == "0o600"
    assert_sound(copy)
