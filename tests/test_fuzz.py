"""Random input never breaks the archive: a stored document or a reason code; exit 0 or 2."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from archive.db import open_database
from archive.importer import ImportOptions, import_files
from archive.models import Document, ImportItem
from tests.conftest import SEEDS, invoke, run_import

REASONS = {
    "empty", "binary", "undecodable", "too_large", "missing_header", "bad_date", "no_text",
    "unreadable", "not_a_file", "symlink",
}  # fmt: skip
HEADERS = st.sampled_from([
    " date 2024-06-24", "date 2024-06", " date 2024", "  date 2024-02-30", " date 0000-01-01",
    " date 1970-01-01", " date 2024-06-24 https://example.com/a?utm_source=x", " date 2099-01-01",
    " date 2024-06-24 News", " date 2024-06-24 - Reuters", " date", "date2024", "",
    " date 2024-06-24 www.example.com/x", " date 2024-06-24 ftp://x", " date 2024-13-45 x",
])  # fmt: skip
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)
FILES = st.one_of(
    st.binary(max_size=600),
    st.tuples(HEADERS, TEXT, st.sampled_from(["utf-8", "utf-8-sig", "cp1251", "utf-16"])).map(
        lambda parts: (parts[0] + "\n" + parts[1]).encode(parts[2], errors="replace")
    ),
)
names = itertools.count()


@pytest.fixture(scope="module")
def fuzz_engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    folder = tmp_path_factory.mktemp("fuzz")
    engine = open_database(f"sqlite:///{folder / 'fuzz.db'}", create=True)
    yield engine
    engine.dispose()


@settings(max_examples=2000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=FILES)
def test_any_file_is_stored_or_rejected_with_a_reason(
    fuzz_engine: Engine, tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    folder = tmp_path_factory.getbasetemp() / "fuzz-files"
    folder.mkdir(exist_ok=True)
    path = folder / f"{next(names)}.txt"
    path.write_bytes(data)
    summary = import_files(fuzz_engine, [path], ImportOptions(max_size=400))
    assert summary.total == 1
    with Session(fuzz_engine) as session:
        item = session.scalars(select(ImportItem).where(ImportItem.path == str(path))).one()
        if item.outcome == "rejected":
            assert item.reason in REASONS and item.message
            assert item.document_id is None
        else:
            assert item.reason is None
            document = session.get(Document, item.document_id)
            assert document is not None and document.title.strip()


SEARCH_OPTIONS = ["QUERY", "--from", "--to", "--source", "--lang", "--limit", "--offset",
                  "--sort", "--format"]  # fmt: skip


@pytest.fixture(scope="module")
def fuzz_archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = tmp_path_factory.mktemp("search") / "search.db"
    engine = open_database(f"sqlite:///{path}", create=True)
    run_import(engine, SEEDS)
    engine.dispose()
    yield path


@settings(max_examples=500, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(option=st.sampled_from(SEARCH_OPTIONS), value=st.text(max_size=40))
def test_any_search_option_value_gives_results_or_a_one_line_error(
    fuzz_archive: Path, monkeypatch: pytest.MonkeyPatch, option: str, value: str
) -> None:
    monkeypatch.setenv("ARCHIVE_DB", str(fuzz_archive))
    value = value.replace("\x00", "")  # no command line can carry a NUL byte
    arguments = ["--", value] if option == "QUERY" else [f"{option}={value}"]
    result = invoke(CliRunner(), "search", *arguments)
    assert result.exit_code in (0, 2), result.output
    assert "Traceback" not in result.output
    if result.exit_code == 2:
        assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1
