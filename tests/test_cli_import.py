from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from archive.db import for_writing, make_engine
from tests.conftest import SEEDS, invoke, write

SEED_SUMMARY = "28 imported, 1 updated, 0 unchanged, 2 duplicate, 0 rejected (31 files)"


def test_import_seeds_then_again(cli: CliRunner) -> None:
    result = invoke(cli, "import", str(SEEDS))
    assert (result.exit_code, result.output) == (0, f"Import run 1: {SEED_SUMMARY}\n")
    result = invoke(cli, "import", str(SEEDS))
    assert (result.exit_code, result.output) == (
        0,
        "Import run 2: 0 imported, 0 updated, 31 unchanged, 0 duplicate, 0 rejected (31 files)\n",
    )


def test_import_json_summary(cli: CliRunner) -> None:
    result = invoke(cli, "import", str(SEEDS), "--json")
    assert result.exit_code == 0
    assert json.loads(result.output) == {
        "imported": 28,
        "updated": 1,
        "unchanged": 0,
        "duplicate": 2,
        "rejected": 0,
        "run_id": 1,
    }


def test_dry_run_creates_no_database(cli: CliRunner, database_path: Path) -> None:
    result = invoke(cli, "import", str(SEEDS), "--dry-run")
    assert (result.exit_code, result.output) == (
        0,
        f"Dry run, nothing written: {SEED_SUMMARY}\n",
    )
    assert not database_path.exists()


def test_rejected_files_exit_3_and_are_listed(cli: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write(folder, "a.txt", " date 2024-01-01\nTitle\nBody.")
    write(folder, "b.txt", " date 2024-02-30\nTitle\nBody.")
    write(folder, "c.txt", b"")
    result = invoke(cli, "import", str(folder))
    assert result.exit_code == 3
    assert result.stderr == (
        f"rejected {folder}/b.txt: bad_date: line 1: 2024-02-30 is not a calendar date\n"
        f"rejected {folder}/c.txt: empty: the file is empty\n"
    )
    assert result.stdout == (
        "Import run 1: 1 imported, 0 updated, 0 unchanged, 0 duplicate, 2 rejected (3 files); "
        "list the rejected files with 'archive import --rejected 1'\n"
    )
    listing = invoke(cli, "import", "--rejected", "--json")
    assert listing.exit_code == 0
    assert json.loads(listing.output) == {
        "run_id": 1,
        "rejected": [
            {
                "path": f"{folder}/b.txt",
                "reason": "bad_date",
                "message": "line 1: 2024-02-30 is not a calendar date",
            },
            {"path": f"{folder}/c.txt", "reason": "empty", "message": "the file is empty"},
        ],
    }
    table = invoke(cli, "import", "--rejected", "1")
    assert table.exit_code == 0
    assert table.output.splitlines()[0].split() == ["path", "reason", "message"]
    assert table.output.splitlines()[2].split()[1:3] == ["bad_date", "line"]


def test_paths_from_stdin_and_globs(cli: CliRunner, tmp_path: Path) -> None:
    a = write(tmp_path / "in", "a.txt", " date 2024-01-01\nTitle A\nBody.")
    write(tmp_path / "in", "b.txt", " date 2024-01-02\nTitle B\nBody.")
    write(tmp_path / "in", "c.md", " date 2024-01-03\nTitle C\nBody.")
    result = invoke(cli, "import", "-", input=f"{a}\n")
    assert result.exit_code == 0 and "1 imported" in result.output
    result = invoke(cli, "import", str(tmp_path / "in" / "*.txt"))
    assert result.exit_code == 0
    assert "1 imported, 0 updated, 1 unchanged" in result.output
    assert "(2 files)" in result.output


def test_source_and_map_options(cli: CliRunner, tmp_path: Path) -> None:
    write(tmp_path / "in", "a.txt", " date 2024-01-01\nTitle A\nBody.")
    write(tmp_path / "in", "b.txt", " date 2024-01-01\nTitle B\nBody.")
    write(tmp_path, "map.csv", "file,url\nb.txt,https://www.rt.com/news/1\n")
    result = invoke(cli, "import", str(tmp_path / "in"), "--source", "TASS.ru", "--map", "map.csv")
    assert result.exit_code == 0
    result = invoke(cli, "search", "--format", "csv", "--sort", "oldest")
    assert result.output.splitlines()[1:] == [
        "1,2024-01-01,tass.ru,tass.ru,,Title A,1",
        "2,2024-01-01,rt.com,rt.com,https://www.rt.com/news/1,Title B,1",
    ]


def test_usage_errors(cli: CliRunner, tmp_path: Path) -> None:
    write(tmp_path, "bad.csv", "name,link\nx,y\n")
    cases = {
        ("import",): "Error: name at least one file, folder or glob to import, or - for stdin\n",
        ("import", "missing/"): "Error: missing/ does not exist - check the path\n",
        ("import", "*.nothing"): "Error: *.nothing matches no files - check the pattern\n",
        ("import", str(SEEDS), "--source", "not a domain"): (
            "Error: --source 'not a domain' is not a domain name such as rt.com\n"
        ),
        ("import", str(SEEDS), "--map", "bad.csv"): (
            "Error: bad.csv line 1 must name the columns file and url (and optionally date), "
            "not link, name\n"
        ),
        ("import", str(SEEDS), "--map", "nothing.csv"): (
            "Error: cannot read the map file nothing.csv: No such file or directory\n"
        ),
        ("import", "--rejected", "x"): (
            "Error: --rejected takes one run number, not 'x' - "
            "for example 'archive import --rejected 3'\n"
        ),
        ("import", str(SEEDS), "--max-size", "0"): (
            "Error: Invalid value for '--max-size': Input should be greater than or equal to 1\n"
        ),
    }
    for args, message in cases.items():
        result = invoke(cli, *args)
        assert (result.exit_code, result.output) == (2, message), args


def test_rejected_before_any_import(cli: CliRunner) -> None:
    invoke(cli, "db", "upgrade")
    result = invoke(cli, "import", "--rejected")
    assert (result.exit_code, result.output) == (
        1,
        "Error: nothing has been imported yet - run 'archive import PATH'\n",
    )


def test_database_that_cannot_be_created(cli: CliRunner) -> None:
    result = invoke(cli, "--db", "no/such/folder/a.db", "import", str(SEEDS))
    assert (result.exit_code, result.output) == (
        1,
        "Error: cannot create no/such/folder/a.db: the folder no/such/folder does not exist\n",
    )


def test_a_locked_database_is_a_one_line_error(
    cli: CliRunner, database_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    invoke(cli, "db", "upgrade")
    monkeypatch.setenv("ARCHIVE_BUSY_TIMEOUT", "0.1")
    holder = make_engine(f"sqlite:///{database_path}")
    with for_writing(holder).begin():
        result = invoke(cli, "import", str(SEEDS))
    holder.dispose()
    assert result.exit_code == 1
    assert result.output == (
        "Error: database error: database is locked - another import is writing to it; "
        "try again when it has finished\n"
    )
