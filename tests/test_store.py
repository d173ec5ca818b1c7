"""The write side, called directly: store_article(s), original_bytes, and import-run bookkeeping."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import socket
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Connection, Engine, func, select, update
from sqlalchemy.orm import Session

from archive.errors import ImportRunNotFound
from archive.ingest.prepare import Context, Prepared, prepare
from archive.store.documents import (
    StoreFailed,
    StoreResult,
    original_bytes,
    source_id,
    store_article,
    store_articles,
)
from archive.store.engine import for_writing, open_database
from archive.store.models import Document, DocumentVersion, ImportRun, Source
from archive.store.runs import (
    finish_run,
    items_with_outcome,
    latest_run_id,
    mark_killed_runs,
    start_run,
)
from tests.conftest import SEEDS, run_import

HEADER = " date 2024-05-06 https://www.example.com/world/story?utm_source=rss\nA headline\n"
FIRST = HEADER + "The first text of the story.\n"
SECOND = HEADER + "The second, corrected text of the story.\n"


def prepared(content: str | bytes, name: str = "story.txt") -> Prepared:
    data = content.encode("utf-8") if isinstance(content, str) else content
    result = prepare(
        name, name, data, hashlib.sha256(data).hexdigest(), Context(today=dt.date(2025, 1, 1))
    )
    assert isinstance(result, Prepared)
    return result


def store(engine: Engine, *articles: Prepared) -> list[StoreResult]:
    with for_writing(engine).begin() as connection:
        return [store_article(connection, article) for article in articles]


def documents(engine: Engine) -> list[tuple[int, str, str | None]]:
    with Session(engine) as session:
        return [
            (row.id, row.body, row.canonical_url)
            for row in session.execute(select(Document).order_by(Document.id)).scalars()
        ]


def test_a_new_article_is_inserted_with_its_source(engine: Engine) -> None:
    article = prepared(FIRST)
    assert store(engine, article) == [StoreResult("imported", 1)]
    with Session(engine) as session:
        document = session.get(Document, 1)
        assert document is not None
        assert document.canonical_url == "https://example.com/world/story"
        assert document.url == "https://www.example.com/world/story?utm_source=rss"
        assert (document.host, document.title, document.body) == (
            "example.com",
            "A headline",
            "The first text of the story.",
        )
        assert document.source is not None and document.source.domain == "example.com"
        assert document.text_sha256 == article.text_sha256
        assert document.created_at == document.updated_at
        assert original_bytes(document.original, document.original_codec) == FIRST.encode()
        assert document.versions == []


def test_other_text_at_the_same_url_is_a_new_version(engine: Engine) -> None:
    store(engine, prepared(FIRST))
    moved = SECOND.replace("https://www.example.com", "http://example.com")
    assert store(engine, prepared(moved)) == [StoreResult("updated", 1)]
    assert documents(engine) == [
        (1, "The second, corrected text of the story.", "https://example.com/world/story")
    ]
    with Session(engine) as session:
        document = session.get(Document, 1)
        assert document is not None
        assert document.url == "http://example.com/world/story?utm_source=rss"
        [version] = document.versions
        assert version.body == "The first text of the story."
        assert version.url == "https://www.example.com/world/story?utm_source=rss"
        assert original_bytes(version.original, version.original_codec) == FIRST.encode()
        assert version.created_at == document.created_at
        assert version.superseded_at == document.updated_at
        assert session.scalar(select(func.count()).select_from(Source)) == 1


def test_the_same_text_stores_nothing(engine: Engine) -> None:
    store(engine, prepared(FIRST), prepared(SECOND))
    results = store(
        engine,
        prepared(SECOND.replace("\n", "\r\n")),  # other bytes, same text
        prepared(FIRST),  # the earlier version's text
        prepared(FIRST.encode("utf-8-sig")),
    )
    assert results == [
        StoreResult("unchanged", 1, ["same text as stored, other bytes"]),
        StoreResult("unchanged", 1, ["same text as the earlier version 1"]),
        StoreResult("unchanged", 1, ["same text as the earlier version 1"]),
    ]
    # The current text never flips back to an earlier one.
    assert documents(engine)[0][1] == "The second, corrected text of the story."
    with Session(engine) as session:
        assert session.scalar(select(func.count()).select_from(DocumentVersion)) == 1


def test_without_a_url_the_text_identifies_the_article(engine: Engine) -> None:
    text = " date 2024-05-06\nA headline\nA story without an address.\n"
    results = store(
        engine,
        prepared(text),
        prepared(text.replace("\n", "\r\n")),
        prepared(text.replace("without", "with no")),
        prepared(HEADER + "A story without an address.\n"),  # same text, but with a URL
    )
    assert results == [
        StoreResult("imported", 1),
        StoreResult("duplicate", 1, ["same text as document 1, other bytes"]),
        StoreResult("imported", 2),
        StoreResult("imported", 3),
    ]
    assert [url for _, _, url in documents(engine)] == [
        None,
        None,
        "https://example.com/world/story",
    ]


@pytest.mark.parametrize("savepoints", [False, True])
def test_a_batch_stores_as_one_article_at_a_time_would(
    engine: Engine, tmp_path: Path, savepoints: bool
) -> None:
    bare = " date 2024-05-06\nA headline\nA story without an address.\n"
    articles = [
        prepared(FIRST),
        prepared(bare),
        prepared(SECOND),  # updates the first, inserted in this same call
        prepared(FIRST),  # an earlier version of it now
        prepared(bare.replace("\n", "\r\n")),  # the same text as the second
        prepared(FIRST.replace("/story", "/other")),
    ]
    with for_writing(engine).begin() as connection:
        batch = store_articles(connection, articles, {}, savepoints=savepoints)
    other = open_database(f"sqlite:///{tmp_path / 'other.db'}", create=True)
    one_by_one = store(other, *articles)
    other.dispose()
    assert batch == one_by_one
    assert batch == [
        StoreResult("imported", 1),
        StoreResult("imported", 2),
        StoreResult("updated", 1),
        StoreResult("unchanged", 1, ["same text as the earlier version 1"]),
        StoreResult("duplicate", 2, ["same text as document 2, other bytes"]),
        StoreResult("imported", 3),
    ]


@pytest.mark.parametrize("savepoints", [False, True])
def test_a_refused_article_fails_alone(engine: Engine, backend: str, savepoints: bool) -> None:
    if backend == "postgresql" and not savepoints:
        pytest.skip("a refused statement spoils a PostgreSQL transaction: it needs savepoints")
    bad = prepared(FIRST.replace("/story", "/bad"))
    bad.values["date_precision"] = "weeks"  # the CHECK constraint refuses it
    articles = [prepared(FIRST), bad, prepared(FIRST.replace("/story", "/third"))]
    with for_writing(engine).begin() as connection:
        results = store_articles(connection, articles, {}, savepoints=savepoints)
    # PostgreSQL's sequences keep the ids that the refused batch insert took.
    first_id = {"sqlite": 1, "postgresql": 3}[backend]
    assert results[0] == StoreResult("imported", first_id)
    assert isinstance(results[1], StoreFailed)
    refusal = {"sqlite": "CHECK constraint failed", "postgresql": "new row for relation"}[backend]
    assert results[1].message.startswith(f"the database refused it: {refusal}")
    assert isinstance(results[2], StoreResult) and results[2].outcome == "imported"
    assert [url for _, _, url in documents(engine)] == [
        "https://example.com/world/story",
        "https://example.com/world/third",
    ]


def test_the_caller_owns_the_transaction(engine: Engine) -> None:
    with for_writing(engine).connect() as connection:
        transaction = connection.begin()
        assert store_article(connection, prepared(FIRST)).outcome == "imported"
        transaction.rollback()
    assert documents(engine) == []
    with Session(engine) as session:
        assert session.scalar(select(func.count()).select_from(Source)) == 0


def test_sources_are_created_once_and_cached(engine: Engine) -> None:
    cache: dict[str, int] = {}
    other = FIRST.replace("www.example.com/world", "news.example.com/sport")
    with for_writing(engine).begin() as connection:
        results = [
            store_article(connection, prepared(FIRST), cache),
            store_article(connection, prepared(other), cache),
        ]
        assert source_id(connection, "example.com") == cache["example.com"]
        assert source_id(connection, "example.org") == cache["example.com"] + 1
    assert results == [StoreResult("imported", 1), StoreResult("imported", 2)]
    assert cache == {"example.com": 1}
    with Session(engine) as session:
        hosts = session.execute(select(Document.host, Document.source_id).order_by(Document.id))
        assert hosts.all() == [("example.com", 1), ("news.example.com", 1)]


@given(data=st.binary(max_size=2000))
def test_original_bytes_round_trip(data: bytes) -> None:
    assert original_bytes(zlib.compress(data), "zlib") == data
    assert original_bytes(data, "none") == data
    assert original_bytes(memoryview(data), "none") == data  # type: ignore[arg-type]


def test_an_unknown_codec_is_refused() -> None:
    with pytest.raises(ValueError) as caught:
        original_bytes(b"x", "gzip")
    assert str(caught.value) == "unknown original codec 'gzip'"


def test_originals_stored_uncompressed_are_read_too(engine: Engine) -> None:
    store(engine, prepared(FIRST))
    with for_writing(engine).begin() as connection:
        connection.execute(update(Document).values(original=FIRST.encode(), original_codec="none"))
    with Session(engine) as session:
        document = session.get(Document, 1)
        assert document is not None
        assert original_bytes(document.original, document.original_codec) == FIRST.encode()


# Import runs


def run_row(engine: Engine, run_id: int) -> ImportRun:
    with Session(engine, expire_on_commit=False) as session:
        run = session.get(ImportRun, run_id)
        assert run is not None
        return run


def test_start_and_finish_a_run(engine: Engine) -> None:
    with for_writing(engine).begin() as connection:
        run_id = start_run(connection, {"paths": ["données"], "dry_run": False})
    run = run_row(engine, run_id)
    assert (run_id, run.status, run.finished_at) == (1, "running", None)
    assert json.loads(run.arguments) == {"paths": ["données"], "dry_run": False}
    assert "données" in run.arguments  # kept readable, not escaped
    assert (run.hostname, run.pid) == (socket.gethostname(), os.getpid())
    assert (run.imported, run.updated, run.unchanged, run.duplicate, run.rejected, run.skipped) == (
        0, 0, 0, 0, 0, 0,
    )  # fmt: skip

    with for_writing(engine).begin() as connection:
        finish_run(connection, run_id, {"imported": 3, "rejected": 1}, "running")
    run = run_row(engine, run_id)
    assert (run.status, run.finished_at, run.imported, run.rejected) == ("running", None, 3, 1)

    with for_writing(engine).begin() as connection:
        finish_run(connection, run_id, None, "completed")
    run = run_row(engine, run_id)
    assert (run.status, run.imported, run.rejected) == ("completed", 3, 1)
    assert run.finished_at is not None and run.finished_at >= run.started_at


def test_start_run_without_arguments(engine: Engine) -> None:
    with for_writing(engine).begin() as connection:
        assert [start_run(connection, None), start_run(connection, {})] == [1, 2]
    assert run_row(engine, 1).arguments == run_row(engine, 2).arguments == "{}"


def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", ""])
    process.wait()
    return process.pid


def test_runs_whose_process_is_gone_are_marked_interrupted(engine: Engine) -> None:
    with for_writing(engine).begin() as connection:
        alive, killed, no_pid, elsewhere, done = (start_run(connection, None) for _ in range(5))
        set_run(connection, killed, pid=dead_pid())
        set_run(connection, no_pid, pid=None)
        set_run(connection, elsewhere, hostname="another-host." + socket.gethostname(), pid=1)
        finish_run(connection, done, None, "completed")
        set_run(connection, done, pid=dead_pid())
        assert mark_killed_runs(connection) == [killed, no_pid]
    statuses = [(run_row(engine, run).status, run_row(engine, run).finished_at is None)
                for run in (alive, killed, no_pid, elsewhere, done)]  # fmt: skip
    assert statuses == [
        ("running", True),
        ("interrupted", False),
        ("interrupted", False),
        ("running", True),
        ("completed", False),
    ]
    with for_writing(engine).begin() as connection:
        assert mark_killed_runs(connection) == []


def set_run(connection: Connection, run_id: int, **values: object) -> None:
    connection.execute(update(ImportRun).where(ImportRun.id == run_id).values(**values))


def test_before_any_import_there_is_no_latest_run(engine: Engine) -> None:
    with engine.connect() as connection:
        assert latest_run_id(connection) is None
        with pytest.raises(ImportRunNotFound) as caught:
            items_with_outcome(connection, "rejected")
    assert str(caught.value) == "nothing has been imported yet - run 'archive import PATH'"


def test_items_with_an_outcome_of_the_latest_or_a_given_run(seeded: Engine) -> None:
    run_import(seeded, SEEDS)  # run 2: everything unchanged
    with seeded.connect() as connection:
        assert latest_run_id(connection) == 2
        run_id, unchanged = items_with_outcome(connection, "unchanged")
        assert (run_id, len(unchanged)) == (2, 31)
        assert [Path(item.path).name for item in unchanged][:2] == [
            "000_d9df1ced53a76c60.txt",
            "001_8d8953263262fabf.txt",
        ]
        assert items_with_outcome(connection, "duplicate") == (2, [])
        run_id, duplicates = items_with_outcome(connection, "duplicate", 1)
        assert run_id == 1
        assert [(Path(item.path).name, item.document_id, item.message) for item in duplicates] == [
            ("003_7dc7248a113ff3ca.txt", 2,
             f"byte-identical to {SEEDS / '001_8d8953263262fabf.txt'} (document 2)"),
            ("025_fc054e7457b73393.txt", 11,
             f"byte-identical to {SEEDS / '012_5547faae31b7b2c9.txt'} (document 11)"),
        ]  # fmt: skip
        [updated] = items_with_outcome(connection, "updated", 1)[1]
        assert (Path(updated.path).name, updated.document_id) == ("002_35a0236c13618ee8.txt", 2)
        assert len(items_with_outcome(connection, "imported", 1)[1]) == 28
        with pytest.raises(ImportRunNotFound) as caught:
            items_with_outcome(connection, "imported", 3)
    assert str(caught.value) == "there is no import run 3"


@pytest.mark.postgres
def test_versions_on_postgresql(pg_engine: Engine) -> None:
    results = store(pg_engine, prepared(FIRST), prepared(SECOND), prepared(FIRST))
    assert results == [
        StoreResult("imported", 1),
        StoreResult("updated", 1),
        StoreResult("unchanged", 1, ["same text as the earlier version 1"]),
    ]
    assert documents(pg_engine) == [
        (1, "The second, corrected text of the story.", "https://example.com/world/story")
    ]
