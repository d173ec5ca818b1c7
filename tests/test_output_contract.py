"""The machine output contract: JSON, JSON Lines and CSV have fixed fields.

Every command that writes records writes the same fields in the same order,
whatever the filters, sort order or number of rows; a field that does not
apply is null (empty in CSV), and CSV has its header even with no rows. An
unknown source is null everywhere but in tables, and partial dates are
written as they were given (2023-03, 2021).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine
from typer.main import get_command
from typer.testing import CliRunner

from archive.cli import app
from archive.search.history import HISTORY_FIELDS
from archive.store.models import OUTCOMES
from tests.conftest import invoke, run_import, sql, write

SEARCH_FIELDS = [
    "id", "published", "date_precision", "source", "host", "url", "title", "word_count", "rank",
    "snippet", "cluster_size",
]  # fmt: skip
SOURCE_FIELDS = ["source", "articles", "first", "last"]
STATS_FIELDS = ["period", "source", "articles"]
EXPORT_FIELDS = [
    "id", "published", "date_precision", "source", "host", "url", "title", "word_count",
    "language", "label", "date_source", "url_date", "site_article_id", "body",
]  # fmt: skip
SHOW_FIELDS = [
    "id", "published", "date_precision", "source", "host", "url", "canonical_url", "title",
    "title_derived", "label", "word_count", "language", "date_source", "url_date",
    "site_article_id", "flags", "cleaning", "encoding", "original_sha256", "imported_at",
    "updated_at", "files", "versions", "body",
]  # fmt: skip
VERSION_FIELDS = [
    "id", "published", "date_precision", "title", "word_count", "stored_at", "superseded_at",
]  # fmt: skip

FORMATS = ["json", "jsonl", "csv"]
MONTH_ID, YEAR_ID, PLACEHOLDER_ID, KOI8_ID = 4, 13, 25, 6
"""Seed articles dated 2023-03 and 2021 with no source, dated 1970-01-01, and in koi8-r."""


@pytest.fixture
def archive(seeded: Engine, tmp_path: Path) -> Engine:
    """The seeds, plus a source dated by year and month only and one with only a placeholder."""
    extra = tmp_path / "extra"
    write(extra, "a.txt", " date 2017-05 https://monthly.example/news/a\nHarbour opens\nIt opened.")
    write(extra, "b.txt", " date 2016 https://monthly.example/news/b\nHarbour planned\nA plan.")
    write(extra, "c.txt", " date 1970-01-01 https://placeholder.example/x\nStorm\nPower cuts.")
    run_import(seeded, extra)
    return seeded


def machine(cli: CliRunner, output_format: str, *args: str) -> tuple[list[str], list[Any]]:
    """The fields and records a command writes in ``output_format``.

    The fields are the CSV header, or the keys of the JSON records in order
    (none when there are no records); it fails unless every record has exactly
    those fields. CSV cells are text, and an empty cell is None.
    """
    result = invoke(cli, *args, "--format", output_format)
    assert result.exit_code == 0, result.output
    text = result.stdout
    if output_format == "csv":
        header, *rows = list(csv.reader(io.StringIO(text)))
        assert all(len(row) == len(header) for row in rows)
        return header, [
            {name: cell or None for name, cell in zip(header, row, strict=True)} for row in rows
        ]
    if output_format == "json":
        records = json.loads(text)
    else:
        records = [json.loads(line) for line in text.splitlines()]
    fields = list(records[0]) if records else []
    assert all(list(record) == fields for record in records), "records with different fields"
    return fields, records


def as_text(record: dict[str, Any]) -> dict[str, str | None]:
    """A JSON record as CSV carries it: every value as text, null as None."""
    return {name: None if value is None else str(value) for name, value in record.items()}


def check_fields(
    output_format: str, fields: list[str], rows: list[Any], expected: list[str]
) -> None:
    """The fields are ``expected``: always in CSV's header, and in JSON when it has records."""
    assert fields == (expected if output_format == "csv" or rows else [])


def check_count(case: str, rows: list[Any]) -> None:
    """A case named 'no rows', 'one row' or 'many rows' has that many."""
    if case.startswith("no rows"):
        assert rows == []
    elif case.startswith("one row"):
        assert len(rows) == 1
    else:
        assert len(rows) >= 2


SEARCHES = {
    "no rows": ("--from", "2030"),
    "no rows, query": ("nosuchword",),
    "no rows, query, newest": ("nosuchword", "--sort", "newest"),
    "one row": ("--source", "sputnikglobe.com"),
    "one row, query": ("ultimatum",),
    "one row, query, oldest": ("ultimatum", "--sort", "oldest"),
    "many rows": ("--limit", "100"),
    "many rows, oldest": ("--limit", "100", "--sort", "oldest"),
    "many rows, query": ("the", "--limit", "100"),
    "many rows, query, newest": ("the", "--limit", "100", "--sort", "newest"),
    "many rows, query, oldest": ("the", "--limit", "100", "--sort", "oldest"),
    "many rows, query, relevance": ("the", "--limit", "100", "--sort", "relevance"),
    "many rows, unknown source": ("--source", "unknown", "--limit", "100"),
}


@pytest.mark.parametrize("output_format", FORMATS)
@pytest.mark.parametrize("case", SEARCHES)
def test_search_fields_never_change(
    cli: CliRunner, seeded: Engine, output_format: str, case: str
) -> None:
    fields, rows = machine(cli, output_format, "search", *SEARCHES[case])
    check_fields(output_format, fields, rows, SEARCH_FIELDS)
    check_count(case, rows)
    has_query = "query" in case
    by_relevance = has_query and not ("newest" in case or "oldest" in case)
    for row in rows:
        assert (row["rank"] is not None) == by_relevance, row
        assert (row["snippet"] is not None) == has_query, row
        if has_query:
            assert "[" in row["snippet"] and "]" in row["snippet"]


@pytest.mark.parametrize(
    "args",
    [("the", "--sort", "relevance"), ("the", "--sort", "newest"), ("--source", "unknown")],
)
def test_search_formats_carry_the_same_records(
    cli: CliRunner, seeded: Engine, args: tuple[str, ...]
) -> None:
    fields, as_json = machine(cli, "json", "search", *args)
    assert machine(cli, "jsonl", "search", *args) == (fields, as_json)
    assert machine(cli, "csv", "search", *args) == (fields, [as_text(row) for row in as_json])
    assert len(as_json) >= 10


def test_search_csv_has_its_header_when_nothing_matches(cli: CliRunner, seeded: Engine) -> None:
    nothing = [
        ("nosuchword",),
        ("--from", "2030"),
        ("ultimatum", "--sort", "newest", "--offset", "5"),
    ]
    for args in nothing:
        result = invoke(cli, "search", *args, "--format", "csv")
        assert (result.exit_code, result.output) == (0, ",".join(SEARCH_FIELDS) + "\n")
    for output_format, empty in (("json", "[]\n"), ("jsonl", ""), ("ids", "")):
        result = invoke(cli, "search", "nosuchword", "--format", output_format)
        assert (result.exit_code, result.output) == (0, empty)


@pytest.mark.parametrize("output_format", FORMATS)
def test_search_writes_partial_dates_as_given(
    cli: CliRunner, seeded: Engine, output_format: str
) -> None:
    _, rows = machine(cli, output_format, "search", "--source", "unknown", "--limit", "100")
    dates = {int(row["id"]): (row["published"], row["date_precision"]) for row in rows}
    assert dates[MONTH_ID] == ("2023-03", "month")
    assert dates[YEAR_ID] == ("2021", "year")
    assert dates[PLACEHOLDER_ID] == ("1970-01-01", "day")
    assert {row["source"] for row in rows} == {None} and len(rows) == 10


def test_tables_alone_say_unknown(cli: CliRunner, seeded: Engine, database_url: str) -> None:
    table = invoke(cli, "search", "--source", "unknown", "--from", "2023-03", "--to", "2023-03")
    assert table.output.splitlines()[2].split()[:3] == [str(MONTH_ID), "2023-03", "(unknown)"]
    sources = invoke(cli, "sources").output.splitlines()
    assert sources[2].split() == ["(unknown)", "10", "2019-11-04", "2024-06-03"]
    stats = invoke(cli, "stats", "--by", "year", "--source", "unknown", "--to", "2019")
    assert stats.output.splitlines()[2].split()[:3] == ["2019", "(unknown)", "1"]
    shown = invoke(cli, "show", str(MONTH_ID)).output.splitlines()
    assert "source:    (unknown)" in shown and "published: 2023-03" in shown
    assert sql(
        database_url,
        "SELECT published, date_precision, source FROM articles WHERE id = :id",
        id=MONTH_ID,
    ) == [("2023-03-01", "month", None)]
    assert sql(database_url, "SELECT count(*) FROM articles WHERE source IS NULL") == [(10,)]


@pytest.mark.parametrize("output_format", FORMATS)
def test_sources_fields_unknown_and_dates(
    cli: CliRunner, archive: Engine, output_format: str
) -> None:
    fields, rows = machine(cli, output_format, "sources")
    check_fields(output_format, fields, rows, SOURCE_FIELDS)
    by_source = {row["source"]: as_text(row) for row in rows}
    assert by_source[None] == {"source": None, "articles": "10", "first": "2019-11-04",
                               "last": "2024-06-03"}  # fmt: skip
    assert by_source["monthly.example"] == {"source": "monthly.example", "articles": "2",
                                            "first": "2016", "last": "2017-05"}  # fmt: skip
    assert by_source["placeholder.example"] == {"source": "placeholder.example", "articles": "1",
                                                "first": None, "last": None}  # fmt: skip
    assert len(rows) == 18


@pytest.mark.parametrize("output_format", FORMATS)
def test_sources_of_an_empty_archive(cli: CliRunner, output_format: str) -> None:
    invoke(cli, "db", "upgrade")
    result = invoke(cli, "sources", "--format", output_format)
    empty = {"json": "[]\n", "jsonl": "", "csv": ",".join(SOURCE_FIELDS) + "\n"}
    assert (result.exit_code, result.output) == (0, empty[output_format])


STATS = {
    "no rows": ("--from", "2030"),
    "no rows, query": ("nosuchword",),
    "one row": ("--by", "year", "--source", "sputnikglobe.com"),
    "one row, query": ("ultimatum", "--by", "year"),
    "many rows": ("--by", "year"),
    "many rows, total": ("--by", "week", "--total", "--from", "2024-06", "--to", "2024-06"),
}


@pytest.mark.parametrize("output_format", FORMATS)
@pytest.mark.parametrize("case", STATS)
def test_stats_fields_never_change(
    cli: CliRunner, seeded: Engine, output_format: str, case: str
) -> None:
    fields, rows = machine(cli, output_format, "stats", *STATS[case])
    check_fields(output_format, fields, rows, STATS_FIELDS)
    check_count(case, rows)


@pytest.mark.parametrize("output_format", FORMATS)
def test_stats_unknown_source_is_null(cli: CliRunner, seeded: Engine, output_format: str) -> None:
    _, rows = machine(cli, output_format, "stats", "--by", "year", "--source", "unknown")
    assert [as_text(row) for row in rows] == [
        {"period": str(year), "source": None, "articles": str(count)}
        for year, count in [(2019, 1), (2020, 0), (2021, 3), (2022, 1), (2023, 3), (2024, 1)]
    ]


EXPORTS = {
    "no rows": ("--from", "2030"),
    "no rows, query": ("nosuchword",),
    "one row": ("--source", "sputnikglobe.com"),
    "one row, query": ("ultimatum",),
    "many rows": (),
    "many rows, unknown source": ("--source", "unknown"),
}


@pytest.mark.parametrize("output_format", ["jsonl", "csv"])
@pytest.mark.parametrize("case", EXPORTS)
def test_export_fields_never_change(
    cli: CliRunner, seeded: Engine, output_format: str, case: str
) -> None:
    fields, rows = machine(cli, output_format, "export", "-", *EXPORTS[case])
    check_fields(output_format, fields, rows, EXPORT_FIELDS)
    check_count(case, rows)
    if "unknown source" in case:
        assert {row["source"] for row in rows} == {None} and len(rows) == 10
        dates = {int(row["id"]): (row["published"], row["date_precision"]) for row in rows}
        assert dates[MONTH_ID] == ("2023-03", "month")
        assert dates[YEAR_ID] == ("2021", "year")


def test_export_csv_has_its_header_when_nothing_matches(cli: CliRunner, seeded: Engine) -> None:
    result = invoke(cli, "export", "-", "nosuchword", "--format", "csv")
    assert (result.exit_code, result.stdout) == (0, ",".join(EXPORT_FIELDS) + "\n")


@pytest.mark.parametrize(
    ("reference", "published", "precision", "source"),
    [
        ("1", "2024-06-24", "day", "sputnikglobe.com"),
        ("2", "2024-06-12", "day", "harbourgazette.co.uk"),
        (str(MONTH_ID), "2023-03", "month", None),
        (str(YEAR_ID), "2021", "year", None),
    ],
)
def test_show_json_fields(
    cli: CliRunner,
    seeded: Engine,
    reference: str,
    published: str,
    precision: str,
    source: str | None,
) -> None:
    result = invoke(cli, "show", reference, "--format", "json")
    assert result.exit_code == 0
    shown = json.loads(result.output)
    assert list(shown) == SHOW_FIELDS
    assert (shown["published"], shown["date_precision"], shown["source"]) == (
        published,
        precision,
        source,
    )
    assert all(list(version) == VERSION_FIELDS for version in shown["versions"])
    assert len(shown["versions"]) == (1 if reference == "2" else 0)


def test_show_names_encodings_with_hyphens(cli: CliRunner, seeded: Engine) -> None:
    shown = json.loads(invoke(cli, "show", str(KOI8_ID), "--format", "json").output)
    assert shown["encoding"] == "koi8-r"
    assert "encoding:  koi8-r" in invoke(cli, "show", str(KOI8_ID)).output.splitlines()


def test_import_json_fields(cli: CliRunner, engine: Engine, tmp_path: Path) -> None:
    write(tmp_path / "in", "a.txt", " date 2024-01-01\nTitle\nBody.")
    write(tmp_path / "in", "b.txt", "")
    summaries = [
        invoke(cli, "import", str(tmp_path / "in"), "--json", "--dry-run"),
        invoke(cli, "import", str(tmp_path / "in"), "--json"),
        invoke(cli, "import", str(tmp_path / "in" / "a.txt"), "--json"),
    ]
    assert [result.exit_code for result in summaries] == [3, 3, 0]
    for result in summaries:
        assert list(json.loads(result.stdout)) == [*OUTCOMES, "run_id", "interrupted"]
    runs = [str(json.loads(result.stdout)["run_id"]) for result in summaries[1:]]
    for run, rejected in zip(runs, (1, 0), strict=True):
        listed = json.loads(invoke(cli, "import", "--rejected", run, "--json").stdout)
        assert list(listed) == ["run_id", "rejected"]
        assert len(listed["rejected"]) == rejected
        assert all(list(item) == ["path", "reason", "message"] for item in listed["rejected"])


def commands_with_option(group: Any, option: str, prefix: str = "") -> list[str]:
    """Every command, subcommands included, that takes ``option``."""
    found = []
    for name, command in sorted(group.commands.items()):
        if hasattr(command, "commands"):
            found += commands_with_option(command, option, f"{prefix}{name} ")
        elif any(option in parameter.opts for parameter in command.params):
            found.append(prefix + name)
    return found


def test_every_limit_refuses_zero(cli: CliRunner, seeded: Engine) -> None:
    commands = commands_with_option(get_command(app), "--limit")
    assert commands == ["dupes", "search", "stats"]
    for value in ("0", "-1"):
        result = invoke(cli, "search", "--limit", value)
        assert (result.exit_code, result.output) == (
            2,
            f"Error: --limit {value} would show no articles - use --limit 1 or more, "
            "or --count to count them\n",
        )
        result = invoke(cli, "dupes", "--limit", value)
        assert (result.exit_code, result.output) == (
            2,
            f"Error: --limit {value} would show no clusters - use --limit 1 or more\n",
        )
        result = invoke(cli, "stats", "--limit", value)
        assert (result.exit_code, result.output) == (
            2,
            f"Error: --limit {value} would show no rows - use --limit 1 or more, "
            "or --format csv for every row\n",
        )


@pytest.mark.parametrize("output_format", FORMATS)
@pytest.mark.parametrize(("reference", "count"), [("2", 2), ("5", 1)])
def test_history_fields_never_change(
    cli: CliRunner, seeded: Engine, output_format: str, reference: str, count: int
) -> None:
    fields, rows = machine(cli, output_format, "history", reference)
    check_fields(output_format, fields, rows, list(HISTORY_FIELDS))
    assert [as_text(row)["version"] for row in rows] == [str(n) for n in range(1, count + 1)]
