"""archive search QUERY: matching, ranking, snippets, filters and hostile input."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from tests.conftest import invoke, run_import, write

CORPUS = {
    "1": ("2024-01-10", "https://a.com/1", "Harbour strike ends",
          "Dock workers returned to work after the strike. The union welcomed the deal."),
    "2": ("2024-02-10", "https://a.com/2", "Weather report",
          "Rain is expected. A strike of lightning hit the harbour tower."),
    "3": ("2024-03-10", "https://b.org/3", "Новая ёлка в центре",
          "В городе поставили ёлку. Праздник."),
    "4": ("2024-03-15", "https://b.org/4", "Елка на площади", "Еще одна елка."),
    "5": ("2023-05-01", "https://c.net/5", "Café culture",
          "The café opened in Paris. Co-operation between owners."),
    "6": ("2023-06-01", "https://c.net/6", "CAFE prices",
          "Prices at the cafe rose. It's 20.04 percent higher, says a C++ expert."),
    "7": ("2024-04-01", "https://a.com/7", "Negotiations resume",
          "The negotiations were undercover. Undercover talks resumed."),
    "8": ("2024-04-02", "https://a.com/8", "Talks",
          "They held undercover negotiations on Monday."),
}  # fmt: skip


@pytest.fixture
def corpus(engine: Engine, tmp_path: Path) -> Engine:
    for name, (date, url, title, body) in CORPUS.items():
        write(tmp_path / "corpus", f"{name}.txt", f" date {date} {url}\n{title}\n{body}\n")
    run_import(engine, tmp_path / "corpus")
    return engine


def found(cli: CliRunner, *args: str) -> list[str]:
    result = invoke(cli, "search", *args, "--format", "ids", "--limit", "100")
    assert result.exit_code == 0, result.output
    return result.stdout.split()


@pytest.mark.parametrize(
    ("query", "ids"),
    [
        ('"undercover negotiations"', ["8"]),
        ("undercover negotiations", ["7", "8"]),
        ("strike -lightning", ["1"]),
        ('strike -"lightning hit"', ["1"]),
        ("negotia*", ["7", "8"]),
        ("caf*", ["5", "6"]),
        ("lightning OR union", ["1", "2"]),
        ("title:strike", ["1"]),
        ('title:"strike ends"', ["1"]),
        ("title:negotia*", ["7"]),
        ("елка", ["3", "4"]),
        ("ёлка", ["3", "4"]),
        ("ЁЛКА", ["3", "4"]),
        ("cafe", ["5", "6"]),
        ("Café", ["5", "6"]),
        ("CAFÉ", ["5", "6"]),
        ("it's", ["6"]),
        ("20.04", ["6"]),
        ("C++", ["6"]),
        ("co-operation", ["5"]),
        ('"x', []),
        ("AND", []),
        ("title:", []),
        ("x' OR 1=1 --", []),
        ("a" * 10_000, []),
        ("prices\x00cafe", ["6"]),
    ],
)
def test_matching(cli: CliRunner, corpus: Engine, backend: str, query: str, ids: list[str]) -> None:
    if backend == "postgresql":
        ids = ON_POSTGRESQL.get(query, ids)
    assert sorted(found(cli, query), key=int) == ids


ON_POSTGRESQL = {"20.04": []}
"""Where PostgreSQL finds other articles (README, "Differences between the backends"):
its parser keeps 20.04 as one word, and the query looks for 20 followed by 04."""


def test_title_hits_outrank_body_hits(cli: CliRunner, corpus: Engine) -> None:
    assert found(cli, "strike") == ["1", "2"]
    assert found(cli, "harbour") == ["1", "2"]
    assert found(cli, "talks") == ["8", "7"]


def test_sort_by_date_instead_of_relevance(cli: CliRunner, corpus: Engine) -> None:
    assert found(cli, "strike", "--sort", "oldest") == ["1", "2"]
    assert found(cli, "talks", "--sort", "oldest") == ["7", "8"]
    assert found(cli, "talks", "--sort", "newest") == ["8", "7"]


def test_query_combines_with_filters(cli: CliRunner, corpus: Engine) -> None:
    assert found(cli, "strike", "--from", "2024-02") == ["2"]
    assert found(cli, "strike", "--to", "2024-01") == ["1"]
    assert found(cli, "undercover", "--source", "a.com", "--sort", "oldest") == ["7", "8"]
    assert found(cli, "cafe", "--source", "c.net", "--from", "2023-06") == ["6"]
    assert found(cli, "cafe", "--source", "a.com") == []
    result = invoke(cli, "search", "undercover", "--count")
    assert (result.exit_code, result.output) == (0, "2\n")
    result = invoke(cli, "search", "undercover", "--count", "--from", "2024-04-02")
    assert result.output == "1\n"


def test_json_has_rank_and_bracketed_snippet(cli: CliRunner, corpus: Engine) -> None:
    result = invoke(cli, "search", '"undercover negotiations"', "--format", "json")
    [row] = json.loads(result.output)
    assert row["id"] == 8
    assert row["snippet"] == "They held [undercover negotiations] on Monday."
    assert row["rank"] > 0
    lines = invoke(cli, "search", "strike", "--format", "jsonl").output.splitlines()
    ranks = [json.loads(line)["rank"] for line in lines]
    assert ranks == sorted(ranks, reverse=True)


def test_table_shows_the_snippet(cli: CliRunner, corpus: Engine) -> None:
    result = invoke(cli, "search", "lightning")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].split() == ["id", "published", "source", "title", "snippet"]
    assert lines[2].split()[:3] == ["2", "2024-02-10", "a.com"]
    assert lines[2].endswith("Rain is expected. A strike of [lightning] hit the harbour tower.")


def test_stats_counts_matching_articles(cli: CliRunner, corpus: Engine) -> None:
    result = invoke(cli, "stats", "undercover OR strike", "--total", "--from", "2024-01",
                    "--to", "2024-04", "--format", "csv")  # fmt: skip
    assert result.output.splitlines()[1:] == [
        "2024-01,(all),1",
        "2024-02,(all),1",
        "2024-03,(all),0",
        "2024-04,(all),2",
    ]


NOTHING = ' has no words to search for; use words, "phrases" or prefix*\n'


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("-",), "Error: '-'" + NOTHING),
        (("(",), "Error: '('" + NOTHING),
        (("*",), "Error: '*'" + NOTHING),
        (('""',), "Error: '\"\"'" + NOTHING),
        (("",), "Error: an empty query" + NOTHING),
        (("   ",), "Error: an empty query" + NOTHING),
        (("\x00",), "Error: an empty query" + NOTHING),
        (("--", "-strike"), "Error: the query only excludes words; add one to look for, "
                            "as in 'strike -football'\n"),
        (("-strike",), "Error: No such option: -s - a QUERY that starts with - goes after --, "
                       "as in: archive search -- '-word'\n"),
        (("word " * 100,), "Error: the query has 100 terms; use at most 32\n"),
        (("--sort", "relevance"), "Error: sorting by relevance needs a text query to rank by\n"),
    ],
)  # fmt: skip
def test_queries_that_cannot_run_are_one_line_errors(
    cli: CliRunner, corpus: Engine, args: tuple[str, ...], message: str
) -> None:
    result = invoke(cli, "search", *args)
    assert (result.exit_code, result.output) == (2, message)


def test_no_match_is_not_an_error(cli: CliRunner, corpus: Engine) -> None:
    result = invoke(cli, "search", "zebra")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "No articles match.\n")


def test_an_edited_recrawl_leaves_no_stale_terms(
    cli: CliRunner, engine: Engine, tmp_path: Path
) -> None:
    header = " date 2024-05-01 https://d.com/story\nZoo news\n"
    write(tmp_path / "first", "a.txt", header + "A zebra escaped from the zoo.")
    write(tmp_path / "second", "a.txt", header + "A giraffe escaped from the zoo.")
    run_import(engine, tmp_path / "first")
    assert found(cli, "zebra") == ["1"]
    summary = run_import(engine, tmp_path / "second")
    assert summary.counts["updated"] == 1
    assert found(cli, "zebra") == []
    assert found(cli, "giraffe") == ["1"]
    result = invoke(cli, "db", "check")
    assert (result.exit_code, result.stderr) == (0, "")


@pytest.mark.sqlite
def test_the_index_is_visible_to_datasette_and_sqlite_utils(
    corpus: Engine, database_path: Path
) -> None:
    connection = sqlite3.connect(database_path)
    [(sql,)] = connection.execute(
        "SELECT sql FROM sqlite_master WHERE name = 'documents_fts' AND rootpage = 0"
    ).fetchall()
    assert "USING fts5(" in sql and 'content="documents"' in sql
    assert [row[1] for row in connection.execute("PRAGMA table_info(documents_fts)")] == [
        "title",
        "body",
    ]
    # The query sqlite-utils and Datasette use to find a table's FTS index.
    detected = connection.execute(
        "SELECT name FROM sqlite_master WHERE rootpage = 0 AND (sql LIKE :like OR sql LIKE :like2)",
        {
            "like": "%VIRTUAL TABLE%USING FTS%content=[documents]%",
            "like2": '%VIRTUAL TABLE%USING FTS%content="documents"%',
        },
    ).fetchall()
    assert detected == [("documents_fts",)]
    connection.close()
