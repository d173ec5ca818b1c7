"""Random input never breaks the archive: a stored document or a reason code; exit 0 or 2.

Marked slow: thousands of examples. A plain `pytest` skips them; CI runs them all.
"""

from __future__ import annotations

import itertools
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from archive.ingest.importer import ImportOptions, import_files
from archive.ingest.inputs import iter_input_files
from archive.store.engine import open_database
from archive.store.models import Document, ImportItem
from tests.conftest import SEEDS, invoke, run_import

pytestmark = pytest.mark.slow

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


def has_control(text: str) -> bool:
    """True when ``text`` holds a character that a terminal would act on."""
    return any(
        ord(char) < 0x20 or 0x7F <= ord(char) <= 0x9F or char in "\u2028\u202e" for char in text
    )


CONTROLS = st.text(st.sampled_from("\x00\x07\x08\x0b\x0c\r\x1b\x7f\x85\x9b\u2028\u202e[]0;m"))
PATHOLOGICAL = st.sampled_from([
    "word\n" * 3000, 'in April 2022\n,"' * 1000, "The talks resumed. They failed.\n" * 500,
    "." * 20000, '"«(„' * 2000 + "x" + "“)»\"" * 2000, "Word.Next" * 2000, "!\n" * 3000,
    "a " * 20000, "\r" * 5000, "\n\n\n" * 3000,
])  # fmt: skip


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    title=st.tuples(TEXT, CONTROLS, TEXT).map("".join),
    body=st.lists(st.one_of(TEXT, CONTROLS, PATHOLOGICAL), max_size=4).map("\n".join),
)
def test_control_characters_and_pathological_lines_never_reach_the_terminal(
    fuzz_archive: Path,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    title: str,
    body: str,
) -> None:
    monkeypatch.setenv("ARCHIVE_DB", str(fuzz_archive))
    folder = tmp_path_factory.getbasetemp() / "controls"
    folder.mkdir(exist_ok=True)
    path = folder / f"{next(names)}.txt"
    path.write_text(f" date 2024-06-24\n{title}\n{body}", encoding="utf-8", errors="replace")
    runner = CliRunner()
    result = invoke(runner, "import", str(path), "--json")
    assert result.exit_code in (0, 3), result.output
    imported = json.loads(result.stdout)
    shown = [invoke(runner, "search", "--limit", "3"), invoke(runner, "import", "--rejected")]
    if imported["imported"]:
        [document_id] = invoke(runner, "search", "--limit", "1", "--format", "ids").stdout.split()
        shown.append(invoke(runner, "show", document_id))
    for result in shown:
        assert result.exit_code == 0, result.output
        assert not has_control(result.output.replace("\n", ""))


MEMBER_NAMES = st.text(
    st.one_of(
        st.sampled_from("\x1b\x07\n\r\\/..:"),
        st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    ),
    min_size=1,
    max_size=30,
)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(members=st.lists(MEMBER_NAMES, min_size=1, max_size=6, unique=True))
def test_every_archive_member_gets_one_outcome_and_a_printable_name(
    fuzz_engine: Engine, tmp_path_factory: pytest.TempPathFactory, members: list[str]
) -> None:
    folder = tmp_path_factory.getbasetemp() / "members"
    folder.mkdir(exist_ok=True)
    path = folder / f"{next(names)}.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for number, name in enumerate(members):
            archive.writestr(name, f" date 2024-06-24\nTitle {name!r}\nBody {number}.")
    with zipfile.ZipFile(path) as archive:  # what zip keeps of the names
        files = [info for info in archive.infolist() if not info.is_dir()]
    summary = import_files(fuzz_engine, iter_input_files([str(path)]), ImportOptions())
    assert summary.total == len(files)
    with Session(fuzz_engine) as session:
        paths = session.scalars(
            select(ImportItem.path).where(ImportItem.path.startswith(f"{path}!"))
        ).all()
    assert len(paths) == len(files)
    assert not any(has_control(path) for path in paths)


@settings(max_examples=100, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    links=st.lists(st.tuples(st.integers(0, 5), st.integers(0, 5)), max_size=8),
    follow=st.booleans(),
)
def test_any_symlink_graph_imports_with_an_outcome_for_every_file(
    fuzz_engine: Engine,
    tmp_path_factory: pytest.TempPathFactory,
    links: list[tuple[int, int]],
    follow: bool,
) -> None:
    root = tmp_path_factory.mktemp("links")
    # Nodes 0-2 are folders, 3-5 files; each link n.lnk in a folder points at another node.
    nodes = [root / "d0", root / "d0" / "d1", root / "d2", *(root / f"f{n}.txt" for n in range(3))]
    for folder in nodes[:3]:
        folder.mkdir(parents=True, exist_ok=True)
    for number, file in enumerate(nodes[3:]):
        file.write_text(f" date 2024-06-24\nFile {number}\nBody.")
    for number, (source, target) in enumerate(links):
        where = nodes[source] if source < 3 else nodes[source].parent
        (where / f"{number}.lnk").symlink_to(nodes[target])
    summary = run_import(fuzz_engine, root, follow_symlinks=follow)
    assert summary.total >= 3
    assert summary.counts["rejected"] <= len(links)
