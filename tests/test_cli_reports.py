from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from archive.cli.reports import TABLE_ROWS, bar, with_bars
from archive.dates import parse_partial_date
from archive.search import stats
from archive.search.filters import Filters
from archive.search.stats import count_by_period
from tests.conftest import invoke, sql


def test_sources_table(cli: CliRunner, seeded: Engine) -> None:
    result = invoke(cli, "sources")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].split() == ["source", "articles", "first", "last"]
    # The placeholder date 1970-01-01 is counted, but is not a first date.
    assert lines[2].split() == ["(unknown)", "10", "2019-11-04", "2024-06-03"]
    assert lines[3].split() == ["dailyledger.com", "2", "2019-08-20", "2024-01-17"]
    assert len(lines) == 2 + 16


def test_sources_json(cli: CliRunner, seeded: Engine) -> None:
    sources = json.loads(invoke(cli, "sources", "--format", "json").output)
    assert {"source": "вести-приморья.рф", "articles": 1, "first": "2020-01-15",
            "last": "2020-01-15"} in sources  # fmt: skip
    assert sum(source["articles"] for source in sources) == 28


def test_stats_fill_empty_periods_inside_the_range(cli: CliRunner, seeded: Engine) -> None:
    result = invoke(
        cli,
        "stats",
        "--from", "2024-05", "--to", "2024-07",
        "--source", "harbourgazette.co.uk", "--source", "sputnikglobe.com",
        "--format", "csv",
    )  # fmt: skip
    assert (result.exit_code, result.output) == (
        0,
        "period,source,articles\n"
        "2024-05,harbourgazette.co.uk,0\n"
        "2024-05,sputnikglobe.com,0\n"
        "2024-06,harbourgazette.co.uk,1\n"
        "2024-06,sputnikglobe.com,1\n"
        "2024-07,harbourgazette.co.uk,0\n"
        "2024-07,sputnikglobe.com,0\n",
    )


def test_stats_open_range_runs_from_each_sources_first_to_last(
    cli: CliRunner, seeded: Engine
) -> None:
    result = invoke(cli, "stats", "--by", "year", "--source", "dailyledger.com", "--format", "csv")
    assert result.stdout == (
        "period,source,articles\n"
        "2019,dailyledger.com,1\n"
        "2020,dailyledger.com,0\n"
        "2021,dailyledger.com,0\n"
        "2022,dailyledger.com,0\n"
        "2023,dailyledger.com,0\n"
        "2024,dailyledger.com,1\n"
    )


def test_stats_by_day_total_and_what_was_not_counted(cli: CliRunner, seeded: Engine) -> None:
    result = invoke(cli, "stats", "--by", "day", "--total", "--from", "2024-06-10",
                    "--to", "2024-06-13", "--format", "jsonl")  # fmt: skip
    assert [json.loads(line) for line in result.stdout.splitlines()] == [
        {"period": "2024-06-10", "source": "(all)", "articles": 0},
        {"period": "2024-06-11", "source": "(all)", "articles": 0},
        {"period": "2024-06-12", "source": "(all)", "articles": 1},
        {"period": "2024-06-13", "source": "(all)", "articles": 0},
    ]
    result = invoke(cli, "stats", "--by", "day", "--total", "--format", "json")
    assert result.stderr == (
        "Not counted: 3 articles dated less precisely than a day.\n"
        "Not counted: 1 article with the placeholder date 1970-01-01.\n"
    )
    assert sum(row["articles"] for row in json.loads(result.stdout)) == 24


def test_stats_by_week_and_month(cli: CliRunner, seeded: Engine) -> None:
    weeks = invoke(cli, "stats", "--by", "week", "--total", "--from", "2024-06", "--to",
                   "2024-06", "--format", "csv").stdout.splitlines()  # fmt: skip
    assert weeks == [
        "period,source,articles",
        "2024-W22,(all),0",
        "2024-W23,(all),1",
        "2024-W24,(all),1",
        "2024-W25,(all),0",
        "2024-W26,(all),1",
    ]
    months = invoke(cli, "stats", "--total", "--from", "2023", "--to", "2023", "--format",
                    "csv").stdout.splitlines()  # fmt: skip
    assert months[1:5] == ["2023-01,(all),0", "2023-02,(all),0", "2023-03,(all),2",
                           "2023-04,(all),1"]  # fmt: skip
    assert len(months) == 13


def test_stats_table(cli: CliRunner, seeded: Engine) -> None:
    result = invoke(cli, "stats", "--by", "year", "--source", "sputnikglobe.com")
    assert result.output == (
        "year  source            articles\n"
        "────────────────────────────────────────────────────────────────\n"
        "2024  sputnikglobe.com         1  ██████████████████████████████\n"
    )


def test_stats_bad_period(cli: CliRunner, seeded: Engine) -> None:
    result = invoke(cli, "stats", "--by", "fortnight")
    assert (result.exit_code, result.output) == (
        2,
        "Error: Invalid value for '--by': 'fortnight' is not one of 'day', 'week', 'month', "
        "'year'.\n",
    )


def test_empty_archive(cli: CliRunner) -> None:
    invoke(cli, "db", "upgrade")
    result = invoke(cli, "sources")
    assert (result.exit_code, result.output) == (0, "The archive is empty.\n")
    result = invoke(cli, "stats")
    assert (result.exit_code, result.output) == (0, "No articles match.\n")


def _counts_by_key(url: str) -> tuple[list[tuple[object, ...]], ...]:
    kept = sql(
        url,
        "SELECT source_key, published, date_precision, documents FROM document_counts "
        "WHERE documents > 0 ORDER BY 1, 2, 3",
    )
    counted = sql(
        url,
        "SELECT coalesce(source_id, 0), published, date_precision, count(*) FROM documents "
        "GROUP BY 1, 2, 3 ORDER BY 1, 2, 3",
    )
    return [tuple(row) for row in kept], [tuple(row) for row in counted]


def test_the_kept_counts_follow_inserts_updates_and_deletes(
    seeded: Engine, database_url: str
) -> None:
    kept, counted = _counts_by_key(database_url)
    assert kept == counted and len(kept) > 20
    for change in [
        "UPDATE documents SET published = '2030-01-01' WHERE id = 3",
        "UPDATE documents SET source_id = NULL WHERE id = 4",
        "DELETE FROM import_items WHERE document_id = 5",
        "DELETE FROM document_versions WHERE document_id = 5",
        "DELETE FROM documents WHERE id = 5",
    ]:
        sql(database_url, change)
    kept, counted = _counts_by_key(database_url)
    assert kept == counted


@pytest.mark.parametrize(
    "options",
    [
        {},
        {"by": "day"},
        {"by": "year", "total": True},
        {"filters": {"sources": ("sputnikglobe.com", "unknown")}},
        {"filters": {"sources": ("nowhere.example",)}},
        {"filters": {"date_from": "2021", "date_to": "2024-06"}, "by": "week"},
    ],
)
def test_stats_from_kept_counts_equal_stats_from_documents(
    seeded: Engine, monkeypatch: pytest.MonkeyPatch, options: dict[str, Any]
) -> None:
    given = dict(options.get("filters", {}))
    for name in ("date_from", "date_to"):
        if name in given:
            given[name] = parse_partial_date(given[name])
    filters = Filters(**given)
    by, total = options.get("by", "month"), options.get("total", False)
    with Session(seeded) as session:
        from_counts = count_by_period(session, filters, by=by, total=total)
        monkeypatch.setattr(stats, "_source_keys", lambda session, filters: None)
        from_documents = count_by_period(session, filters, by=by, total=total)
    assert from_counts == from_documents
    assert from_counts.rows or "nowhere.example" in str(options)


def test_stats_bars_are_as_long_as_their_counts() -> None:
    rows = [{"articles": 4}, {"articles": 1}, {"articles": 0}, {"articles": 3}]
    assert [row["bar"] for row in with_bars(rows, width=8)] == ["████████", "██", "", "██████"]
    assert bar(1 / 16, 8) == "▌"
    assert bar(0.999, 8) == "████████"


def test_stats_table_shows_the_latest_rows_and_says_how_to_see_more(
    cli: CliRunner, seeded: Engine
) -> None:
    everything = invoke(cli, "stats", "--by", "day", "--format", "csv").stdout.splitlines()[1:]
    assert len(everything) > 3000
    result = invoke(cli, "stats", "--by", "day", "--limit", "3")
    lines = result.stdout.splitlines()
    assert [line.split()[:3] for line in lines[2:]] == [row.split(",") for row in everything[-3:]]
    assert (
        f"Showing the latest 3 of {len(everything):,} rows; --limit N shows more, a longer --by "
        "sums them, --format csv writes every row.\n"
    ) in result.stderr
    default = invoke(cli, "stats", "--by", "day")
    assert len(default.stdout.splitlines()) == 2 + TABLE_ROWS


@pytest.mark.parametrize("suffix", ["png", "svg", "SVG"])
def test_stats_plot_writes_a_chart(
    cli: CliRunner, seeded: Engine, tmp_path: Path, suffix: str
) -> None:
    target = tmp_path / f"chart.{suffix}"
    result = invoke(cli, "stats", "--by", "year", "--plot", str(target))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert f"Wrote {target}: articles per year, 2018 to 2025.\n" in result.stderr
    data = target.read_bytes()
    if suffix == "png":
        assert data.startswith(b"\x89PNG\r\n\x1a\n")
    else:
        assert b"<svg" in data and b"dailyledger.com" in data and b"articles per year" in data
    again = tmp_path / f"again.{suffix}"
    invoke(cli, "stats", "--by", "year", "--plot", str(again))
    assert again.read_bytes() == data  # no dates in the file


def test_stats_plot_refuses_other_formats_and_empty_charts(
    cli: CliRunner, seeded: Engine, tmp_path: Path
) -> None:
    result = invoke(cli, "stats", "--plot", str(tmp_path / "chart.pdf"))
    assert (result.exit_code, result.output) == (
        2,
        f"Error: --plot {tmp_path / 'chart.pdf'}: cannot tell the chart's format - "
        "end the name in .png or .svg\n",
    )
    result = invoke(cli, "stats", "--source", "nowhere.example", "--plot", "chart.png")
    assert (result.exit_code, result.output) == (
        2,
        "Error: no articles match, so there is nothing to draw\n",
    )
    assert not Path("chart.png").exists()
    result = invoke(cli, "stats", "--plot", str(tmp_path / "missing" / "chart.png"))
    assert result.exit_code == 2
    assert result.output.startswith(f"Error: cannot write {tmp_path / 'missing' / 'chart.png'}: ")
