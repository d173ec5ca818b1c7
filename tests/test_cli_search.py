from __future__ import annotations

import csv
import io
import json

import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from tests.conftest import SEED_TITLE, SEED_URL, invoke

JUNE_IDS = ["1", "2", "27"]


def ids(cli: CliRunner, *args: str) -> list[str]:
    result = invoke(cli, "search", "--format", "ids", "--limit", "100", *args)
    assert result.exit_code == 0, result.output
    return result.output.split()


def test_find_the_sputnik_article(cli: CliRunner, seeded: Engine) -> None:
    result = invoke(
        cli, "search", "--source", "sputnikglobe.com", "--from", "2024-06-24", "--to", "2024-06-24"
    )
    assert result.exit_code == 0
    assert result.output == (
        "id  published   source            words  title\n"
        + "─" * 108
        + f"\n 1  2024-06-24  sputnikglobe.com    250  {SEED_TITLE}\n"
    )


def test_month_bounds_are_inclusive(cli: CliRunner, seeded: Engine) -> None:
    assert ids(cli, "--from", "2024-06", "--to", "2024-06") == JUNE_IDS
    assert ids(cli, "--from", "2024-06-01", "--to", "2024-06-30") == JUNE_IDS
    assert ids(cli, "--from", "2024-06-04", "--to", "2024-06-24") == ["1", "2"]
    assert ids(cli, "--to", "2018") == ["26", "25"]
    assert ids(cli, "--from", "2025") == ["17", "16"]


def test_year_only_dates_are_found_in_their_year(cli: CliRunner, seeded: Engine) -> None:
    assert "13" in ids(cli, "--from", "2021", "--to", "2021")
    assert "13" not in ids(cli, "--from", "2021-06", "--to", "2021-12")


def test_source_matches_the_domain_and_its_subdomains(cli: CliRunner, seeded: Engine) -> None:
    assert ids(cli, "--source", "valleytimes.com.au") == ["26"]
    assert ids(cli, "--source", "news.valleytimes.com.au") == ["26"]
    assert ids(cli, "--source", "sport.valleytimes.com.au") == []
    assert ids(cli, "--source", "WWW.dailyledger.com") == ["23", "8"]
    assert ids(cli, "--source", "imes.com.au") == []
    assert ids(cli, "--source", "huananribao.com.cn") == ["22"]
    assert ids(cli, "--source", "вести-приморья.рф".encode("idna").decode()) == ["7"]
    assert ids(cli, "--source", "вести-приморья.рф") == ["7"]
    assert ids(cli, "--source", "rt.com") == []


def test_several_sources_and_unknown(cli: CliRunner, seeded: Engine) -> None:
    assert ids(cli, "--source", "dailyledger.com", "--source", "sputnikglobe.com") == [
        "1",
        "23",
        "8",
    ]
    unknown = ids(cli, "--source", "unknown")
    assert len(unknown) == 10 and "27" in unknown


def test_sort_limit_offset_and_count(cli: CliRunner, seeded: Engine) -> None:
    june = ("--from", "2024-06", "--to", "2024-06")
    assert ids(cli, *june, "--sort", "oldest") == ["27", "2", "1"]
    assert ids(cli, *june, "--limit", "1", "--offset", "1") == ["2"]
    result = invoke(cli, "search", "--count", "--from", "2024")
    assert (result.exit_code, result.output) == (0, "9\n")
    result = invoke(cli, "search", "--count")
    assert result.output == "28\n"


def test_limits_and_offsets_beyond_what_sql_takes_mean_every_row(
    cli: CliRunner, seeded: Engine
) -> None:
    huge = str(2**64)
    assert len(ids(cli, "--limit", huge)) == 28
    assert ids(cli, "--offset", huge) == []
    matching = ids(cli, "the", "--sort", "newest")
    assert len(matching) > 2
    assert ids(cli, "the", "--sort", "newest", "--limit", huge, "--offset", "1") == matching[1:]


def test_table_says_when_there_are_more(cli: CliRunner, seeded: Engine) -> None:
    result = invoke(cli, "search", "--limit", "2")
    assert result.exit_code == 0
    assert result.stderr == "Showing 1-2 of 28; see more with --offset 2 or --limit\n"
    assert len(result.stdout.splitlines()) == 4


def test_json_and_jsonl(cli: CliRunner, seeded: Engine) -> None:
    result = invoke(cli, "search", "--source", "sputnikglobe.com", "--format", "json")
    assert json.loads(result.output) == [
        {
            "id": 1,
            "published": "2024-06-24",
            "date_precision": "day",
            "source": "sputnikglobe.com",
            "host": "sputnikglobe.com",
            "url": SEED_URL,
            "title": SEED_TITLE,
            "word_count": 250,
            "rank": None,
            "snippet": None,
            "cluster_size": None,
        }
    ]
    lines = invoke(
        cli, "search", "--format", "jsonl", "--from", "2024-06", "--to", "2024-06"
    ).output.splitlines()
    assert [json.loads(line)["id"] for line in lines] == [1, 2, 27]


def test_partial_dates_are_shown_as_written(cli: CliRunner, seeded: Engine) -> None:
    output = invoke(cli, "search", "--format", "csv", "--source", "unknown", "--limit", "50")
    rows = list(csv.DictReader(io.StringIO(output.stdout)))
    shown = {row["title"]: row["published"] for row in rows}
    assert shown["Landtag streitet über Schulbau-Programm"] == "2023-03"
    assert shown["El ayuntamiento aprueba el nuevo plan de movilidad"] == "2021"
    assert shown["Storm leaves thousands without power"] == "1970-01-01"


def test_no_results(cli: CliRunner, seeded: Engine) -> None:
    result = invoke(cli, "search", "--from", "2030")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "No articles match.\n")
    result = invoke(cli, "search", "--from", "2030", "--format", "json")
    assert (result.exit_code, result.output) == (0, "[]\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--from", "2024-13"), "Error: --from 2024-13 is not a calendar date\n"),
        (("--to", "2024-02-30"), "Error: --to 2024-02-30 is not a calendar date\n"),
        (("--from", "June"),
         "Error: --from 'June' is not a date; use YYYY, YYYY-MM or YYYY-MM-DD\n"),
        (("--from", "2024-07", "--to", "2024-06"),
         "Error: --from 2024-07 is after --to 2024-06 - swap them\n"),
        (("--format", "xml"),
         "Error: Invalid value for '--format': 'xml' is not one of 'table', 'json', 'jsonl', "
         "'csv', 'ids'.\n"),
        (("--sort", "random"),
         "Error: Invalid value for '--sort': 'random' is not one of 'relevance', 'newest', "
         "'oldest'.\n"),
        (("--source", "x' OR 1=1 --"),
         "Error: --source \"x' OR 1=1 --\" is not a domain name such as rt.com, or 'unknown'\n"),
        (("--source", "%"),
         "Error: --source '%' is not a domain name such as rt.com, or 'unknown'\n"),
        (("--limit", "ten"),
         "Error: Invalid value for '--limit': Input should be a valid integer, unable to parse "
         "string as an integer\n"),
        (("--nope",), "Error: No such option: --nope (Possible options: --collapse, --to)\n"),
    ],
)  # fmt: skip
def test_bad_values_are_one_line_errors(
    cli: CliRunner, seeded: Engine, args: tuple[str, ...], message: str
) -> None:
    result = invoke(cli, "search", *args)
    assert (result.exit_code, result.output) == (2, message)


def test_missing_database(cli: CliRunner) -> None:
    result = invoke(cli, "--db", "nothing.db", "search")
    assert (result.exit_code, result.output) == (
        1,
        "Error: nothing.db does not exist - run 'archive import PATH' to create it, "
        "or name another database with --db\n",
    )
