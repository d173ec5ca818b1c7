from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from archive.store.engine import database_url as named_database
from archive.store.engine import for_writing, make_engine
from tests.conftest import SEEDS, invoke, write

SEED_SUMMARY = "28 imported, 1 updated, 0 unchanged, 2 duplicate, 0 rejected, 0 skipped (31 files)"


def test_import_seeds_then_again(cli: CliRunner) -> None:
    result = invoke(cli, "import", str(SEEDS))
    assert (result.exit_code, result.output) == (0, f"Import run 1: {SEED_SUMMARY}\n")
    result = invoke(cli, "import", str(SEEDS))
    assert (result.exit_code, result.output) == (
        0,
        "Import run 2: 0 imported, 0 updated, 31 unchanged, 0 duplicate, 0 rejected, 0 skipped "
        "(31 files)\n",
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
        "skipped": 0,
        "run_id": 1,
        "interrupted": False,
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
        "Import run 1: 1 imported, 0 updated, 0 unchanged, 0 duplicate, 2 rejected, 0 skipped "
        "(3 files); "
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
    result = invoke(cli, "search", "--format", "json", "--sort", "oldest")
    assert [(row["source"], row["url"], row["title"]) for row in json.loads(result.output)] == [
        ("tass.ru", None, "Title A"),
        ("rt.com", "https://www.rt.com/news/1", "Title B"),
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
    cli: CliRunner, database_url: str, backend: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    invoke(cli, "db", "upgrade")
    monkeypatch.setenv("ARCHIVE_BUSY_TIMEOUT", "0.1")
    holder = make_engine(database_url)
    with for_writing(holder).begin():
        result = invoke(cli, "import", str(SEEDS))
    holder.dispose()
    reason = {
        "sqlite": "database is locked",
        "postgresql": "canceling statement due to lock timeout",
    }[backend]
    assert result.exit_code == 1
    assert result.output == (
        f"Error: database error: {reason} - another import is writing to it; "
        "try again when it has finished\n"
    )


def article(number: int) -> str:
    return f" date 2024-06-2{number} https://example.com/{number}\nTitle {number}\nBody {number}.\n"


def crawl_folder(folder: Path) -> Path:
    """Three articles (one without a name ending) among the files a crawler leaves beside them."""
    write(folder, "001_9f3c.txt", article(1))
    write(folder, "002_a1b2.txt", article(2))
    write(folder, "2024/003_c3d4", article(3))
    write(folder, "manifest.json", '{"articles": 3}')
    write(folder, "urls.csv", "file,url\n")
    write(folder, "index.html", "<html></html>")
    write(folder, "image.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF")
    return folder


def test_files_that_are_not_articles_are_skipped_not_rejected(
    cli: CliRunner, tmp_path: Path
) -> None:
    crawl = crawl_folder(tmp_path / "crawl")
    result = invoke(cli, "import", str(crawl))
    assert (result.exit_code, result.stdout, result.stderr) == (
        0,
        "Import run 1: 3 imported, 0 updated, 0 unchanged, 0 duplicate, 0 rejected, 4 skipped "
        "(7 files); list the skipped files with 'archive import --skipped 1'\n",
        "",
    )
    listing = invoke(cli, "import", "--skipped", "--json")
    assert listing.exit_code == 0
    assert json.loads(listing.output) == {
        "run_id": 1,
        "skipped": [
            {
                "path": f"{crawl}/{name}",
                "reason": "not_an_article",
                "message": f"a {suffix} file is not an article - import it with --all-files "
                f"or --include '*{suffix}'",
            }
            for name, suffix in (
                ("image.jpg", ".jpg"),
                ("index.html", ".html"),
                ("manifest.json", ".json"),
                ("urls.csv", ".csv"),
            )
        ],
    }
    table = invoke(cli, "import", "--skipped", "1")
    assert table.output.splitlines()[0].split() == ["path", "reason", "message"]
    assert invoke(cli, "import", "--rejected").output == "Import run 1 rejected no files.\n"
    again = invoke(cli, "import", str(crawl), "--json")
    assert json.loads(again.output) == {
        "imported": 0, "updated": 0, "unchanged": 3, "duplicate": 0, "rejected": 0,
        "skipped": 4, "run_id": 2, "interrupted": False,
    }  # fmt: skip


def test_an_import_that_reads_nothing_says_so(cli: CliRunner, tmp_path: Path) -> None:
    crawl = crawl_folder(tmp_path / "crawl")
    nothing = invoke(cli, "import", str(crawl), "--include", "*.text")
    assert nothing.exit_code == 0
    assert nothing.stderr == (
        "Note: no file was read - every one was skipped by its name or by --include/--exclude; "
        "check the patterns, or use --all-files\n"
    )


def test_all_files_reads_everything(cli: CliRunner, tmp_path: Path) -> None:
    crawl = crawl_folder(tmp_path / "crawl")
    result = invoke(cli, "import", str(crawl), "--all-files")
    assert result.exit_code == 3
    assert result.stdout.startswith(
        "Import run 1: 3 imported, 0 updated, 0 unchanged, 0 duplicate, 4 rejected, 0 skipped"
    )
    assert result.stderr.startswith(f"rejected {crawl}/image.jpg: binary: ")


def import_outcomes(cli: CliRunner, *args: str) -> list[str]:
    """What `archive import ARGS` did with each file: its name, and its reason or outcome
    unless it was imported."""
    result = invoke(cli, "import", *args, "--json")
    assert result.exit_code == 0, result.output
    run_id = json.loads(result.stdout)["run_id"]
    engine = make_engine(named_database(None))
    with engine.connect() as connection:
        rows = connection.execute(
            text("SELECT path, outcome, reason FROM import_items WHERE run_id = :run ORDER BY id"),
            {"run": run_id},
        ).all()
    engine.dispose()
    return [
        Path(path.replace("!", "/")).name
        + ("" if outcome == "imported" else f" {reason or outcome}")
        for path, outcome, reason in rows
    ]


def test_include_and_exclude_are_repeatable_and_exclude_wins(
    cli: CliRunner, tmp_path: Path
) -> None:
    crawl = tmp_path / "crawl"
    for number, name in enumerate(
        ("rt/2024/001.txt", "rt/2023/002.txt", "tass/2024/003.txt", "tass/2024/004.dat"),
        start=1,
    ):
        write(crawl, name, article(number))
    write(crawl, "tass/2024/manifest.json", "{}")
    assert import_outcomes(
        cli, str(crawl), "--include", "*.txt", "--include", "*.dat", "--exclude", "rt/2023/"
    ) == [
        "002.txt excluded",
        "001.txt",
        "003.txt",
        "004.dat",
        "manifest.json not_included",
    ]
    assert import_outcomes(
        cli, str(crawl), "--include", "**/2024/*", "--exclude", "*.dat", "--exclude", "*.json"
    ) == [
        "002.txt not_included",
        "001.txt unchanged",
        "003.txt unchanged",
        "004.dat excluded",
        "manifest.json excluded",
    ]


def test_filters_apply_to_the_members_of_a_zip(cli: CliRunner, tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "crawl.zip", "w") as archive:
        archive.writestr("outlet/001.txt", article(1))
        archive.writestr("outlet/002.txt", article(2))
        archive.writestr("outlet/manifest.json", "{}")
        archive.writestr("outlet/drafts/003.txt", article(3))
    zipped = str(tmp_path / "crawl.zip")
    assert import_outcomes(cli, zipped) == [
        "001.txt",
        "002.txt",
        "manifest.json not_an_article",
        "003.txt",
    ]
    assert import_outcomes(
        cli, zipped, "--include", "outlet/*.txt", "--exclude", "002.txt", "--include", "*.md"
    ) == [
        "001.txt unchanged",
        "002.txt excluded",
        "manifest.json not_included",
        "003.txt not_included",
    ]


def test_files_named_one_by_one_are_read_unless_a_pattern_leaves_them_out(
    cli: CliRunner, tmp_path: Path
) -> None:
    crawl = crawl_folder(tmp_path / "crawl")
    manifest = str(crawl / "manifest.json")
    result = invoke(cli, "import", str(crawl / "001_9f3c.txt"), manifest)
    assert result.exit_code == 3
    assert result.stderr == (
        f"rejected {manifest}: missing_header: line 1 is not a ' date YYYY-MM-DD' header: "
        "'{\"articles\": 3}'\n"
    )
    assert import_outcomes(cli, str(crawl / "001_9f3c.txt"), manifest, "--exclude", "*.json") == [
        "001_9f3c.txt unchanged",
        "manifest.json excluded",
    ]
    listed = invoke(cli, "import", "-", "--include", "*.txt", input=f"{manifest}\n")
    assert (listed.exit_code, json.loads(invoke(cli, "import", "--skipped", "--json").output)) == (
        0,
        {
            "run_id": 3,
            "skipped": [
                {
                    "path": manifest,
                    "reason": "not_included",
                    "message": "matches no --include pattern ('*.txt')",
                }
            ],
        },
    )


def test_filter_usage_errors(cli: CliRunner, tmp_path: Path) -> None:
    cases = {
        ("import", str(SEEDS), "--include", ""): (
            "Error: --include '' matches nothing - give a pattern such as '*.txt'\n"
        ),
        ("import", "--rejected", "--skipped"): "Error: give --rejected or --skipped, not both\n",
        ("import", "--skipped", "last"): (
            "Error: --skipped takes one run number, not 'last' - "
            "for example 'archive import --skipped 3'\n"
        ),
    }
    for args, message in cases.items():
        result = invoke(cli, *args)
        assert (result.exit_code, result.output) == (2, message), args


def test_a_missing_database_is_a_fatal_error(cli: CliRunner) -> None:
    result = invoke(cli, "--db", "nope.db", "import", "--skipped")
    assert (result.exit_code, result.output) == (
        1,
        "Error: nope.db does not exist - run 'archive import PATH' to create it, "
        "or name another database with --db\n",
    )
