"""Re-imports: unchanged files are not read again, and --verify catches a silent edit."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import Engine

from archive.ingest import importer, workers
from tests.conftest import run_import, sql, write

ARTICLE = " date 2024-05-01 https://example.com/a\nTitle one\nThe first text of the article.\n"
EDITED = " date 2024-05-01 https://example.com/a\nTitle one\nThe other text of the article.\n"


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every file the importer reads from disk, and every file it prepares."""
    seen: list[str] = []
    real_read, real_prepare = importer.read_file, workers.prepare

    def read_file(path: Path, *arguments: object, **options: bool) -> bytes:
        seen.append(f"read {Path(path).name}")
        return real_read(path, *arguments, **options)  # type: ignore[arg-type]

    def prepare(name: str, base: str, *arguments: object) -> object:
        seen.append(f"prepare {base}")
        return real_prepare(name, base, *arguments)  # type: ignore[arg-type]

    monkeypatch.setattr(importer, "read_file", read_file)
    monkeypatch.setattr(workers, "prepare", prepare)
    return seen


def test_a_reimport_reads_no_unchanged_file(
    seeds_copy: Path, engine: Engine, reads: list[str]
) -> None:
    first = run_import(engine, seeds_copy, workers=0)
    reads.clear()
    again = run_import(engine, seeds_copy, workers=0)
    assert again.counts["unchanged"] == first.total and again.counts["rejected"] == 0
    assert reads == []


def test_a_touched_file_is_read_and_hashed_but_not_parsed_again(
    tmp_path: Path, engine: Engine, reads: list[str]
) -> None:
    path = write(tmp_path / "in", "a.txt", ARTICLE)
    run_import(engine, tmp_path / "in", workers=0)
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    reads.clear()
    summary = run_import(engine, tmp_path / "in", workers=0)
    assert summary.counts["unchanged"] == 1
    assert reads == ["read a.txt"]


def test_verify_catches_an_edit_that_kept_size_and_mtime(
    tmp_path: Path, engine: Engine, database_url: str, reads: list[str]
) -> None:
    path = write(tmp_path / "in", "a.txt", ARTICLE)
    run_import(engine, tmp_path / "in", workers=0)
    stamp = path.stat()
    path.write_text(EDITED)
    assert len(EDITED.encode()) == stamp.st_size
    os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))

    quick = run_import(engine, tmp_path / "in", workers=0)
    assert quick.counts["unchanged"] == 1  # size and mtime say nothing changed
    reads.clear()
    verified = run_import(engine, tmp_path / "in", workers=0, verify=True)
    assert verified.counts["updated"] == 1
    assert reads == ["read a.txt", "prepare a.txt"]
    [(body,)] = sql(database_url, "SELECT body FROM documents")
    assert body == "The other text of the article."


def test_verify_does_not_parse_files_whose_bytes_are_stored(
    seeds_copy: Path, engine: Engine, reads: list[str]
) -> None:
    run_import(engine, seeds_copy, workers=0)
    reads.clear()
    summary = run_import(engine, seeds_copy, workers=0, verify=True)
    assert summary.counts["unchanged"] == summary.total
    assert reads and all(entry.startswith("read ") for entry in reads)


def test_a_copy_far_from_its_original_is_a_duplicate(
    tmp_path: Path, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Only a few files stay in memory: the copy must be found in the database.
    monkeypatch.setattr(workers, "START_AFTER", 0)
    monkeypatch.setattr(workers, "CHUNK_SIZE", 1)
    folder = tmp_path / "in"
    write(folder, "a.txt", ARTICLE)
    for number in range(12):
        write(folder, f"b{number:02}.txt", ARTICLE.replace("/a\n", f"/b{number}\n"))
    write(folder, "c.txt", ARTICLE)
    summary = run_import(engine, folder, workers=0, batch_size=2)
    assert summary.counts == {
        "imported": 13, "updated": 0, "unchanged": 0, "duplicate": 1, "rejected": 0, "skipped": 0,
    }  # fmt: skip
