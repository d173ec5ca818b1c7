"""Imports with worker processes: the same result as in one process, and failures contained."""

from __future__ import annotations

import os
import sqlite3
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from archive.errors import WorkerFailed
from archive.ingest import workers
from archive.ingest.prepare import Context, Prepared, Rejection
from archive.ingest.workers import default_workers, lookahead
from archive.store.engine import open_database
from tests.conftest import SEEDS, run_import, sql

COLUMNS = "canonical_url, published, date_precision, title, body, language, cleaning, original"


def stored(database: Path) -> list[tuple[Any, ...]]:
    connection = sqlite3.connect(database)
    rows = connection.execute(f"SELECT {COLUMNS} FROM documents ORDER BY id").fetchall()
    items = connection.execute(
        "SELECT path, outcome, reason, message, document_id FROM import_items ORDER BY id"
    ).fetchall()
    connection.close()
    return rows + items


def test_workers_store_what_one_process_stores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    alone = open_database(f"sqlite:///{tmp_path / 'alone.db'}", create=True)
    counts = run_import(alone, SEEDS, workers=0).counts
    monkeypatch.setattr(workers, "START_AFTER", 0)
    monkeypatch.setattr(workers, "CHUNK_SIZE", 3)
    pooled = open_database(f"sqlite:///{tmp_path / 'pooled.db'}", create=True)
    assert run_import(pooled, SEEDS, workers=2).counts == counts
    assert stored(tmp_path / "pooled.db") == stored(tmp_path / "alone.db")
    alone.dispose()
    pooled.dispose()


def test_a_file_that_breaks_preparing_is_rejected_and_the_rest_imported(
    engine: Engine, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = workers.prepare

    def breaks_on_one(
        name: str, base: str, data: bytes, sha256: str, context: Context
    ) -> Prepared | Rejection:
        if base.startswith("005_"):
            raise ValueError("cannot happen")
        return real(name, base, data, sha256, context)

    monkeypatch.setattr(workers, "prepare", breaks_on_one)
    summary = run_import(engine, SEEDS, workers=0)
    assert summary.counts["rejected"] == 1 and summary.total == 31
    [(path, reason, message)] = sql(
        database_url, "SELECT path, reason, message FROM import_items WHERE outcome = 'rejected'"
    )
    assert "/005_" in path and reason == "internal_error"
    assert "ValueError: cannot happen" in message and "report" in message


def test_a_worker_that_dies_stops_the_import_with_an_error(
    engine: Engine, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def dies(*arguments: object) -> Prepared | Rejection:
        os._exit(1)

    monkeypatch.setattr(workers, "START_AFTER", 0)
    monkeypatch.setattr(workers, "prepare", dies)  # inherited by the forked worker
    with pytest.raises(WorkerFailed, match="worker process died"):
        run_import(engine, SEEDS, workers=1)
    [(status,)] = sql(database_url, "SELECT status FROM import_runs")
    assert status == "interrupted"


def test_defaults_use_every_core_and_read_a_batch_ahead() -> None:
    assert default_workers() == len(os.sched_getaffinity(0))
    assert lookahead(1) > workers.START_AFTER
    assert lookahead(1, 500) >= 500 + 2 * workers.CHUNK_SIZE


def test_a_pool_broken_before_a_chunk_is_sent_gives_the_same_error() -> None:
    # A worker killed while the writer is busy breaks the pool before the next submit.
    pool = workers._start_pool(1, Context())
    try:
        with pytest.raises(BrokenProcessPool):
            pool.submit(os._exit, 1).result()
        step = workers_step()
        with pytest.raises(WorkerFailed, match="worker process died"):
            workers._submit(pool, [step], Context())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def workers_step() -> Any:
    """A file to prepare, as the importer hands it to the workers."""

    class Step:
        name = base = "a.txt"
        data: bytes | None = b" date 2024-01-01\nTitle\nBody."
        sha256 = "0" * 64
        result: object = None

    return Step()


@pytest.mark.parametrize(
    ("bound", "batch", "most_ahead"),
    [
        # A batch's worth of chunks, two per worker and the chunk being filled.
        (64 * 1024 * 1024, 320, (10 + 2 + 1) * workers.CHUNK_SIZE - 1),
        # Large files: no more than the bytes bound, however large the batch.
        (8 * 1024, 320, 2 * workers.CHUNK_SIZE - 1),
    ],
)
def test_read_ahead_covers_a_batch_within_the_bytes_bound(
    monkeypatch: pytest.MonkeyPatch, bound: int, batch: int, most_ahead: int
) -> None:
    monkeypatch.setattr(workers, "START_AFTER", 0)
    monkeypatch.setattr(workers, "MAX_BYTES_IN_FLIGHT", bound)
    read = 0

    def steps() -> Any:
        nonlocal read
        for number in range(1000):
            step = workers_step()
            step.data = f" date 2024-01-01\nTitle {number}\n".encode() + b"Body. " * 170
            read += 1
            yield step

    # Files read beyond the one just handed back.
    ahead = [read - given for given, _ in enumerate(
        workers.prepare_in_order(steps(), Context(), 0, batch=batch), start=1
    )]  # fmt: skip
    assert len(ahead) == 1000
    assert max(ahead) == most_ahead
