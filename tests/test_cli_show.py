from __future__ import annotations

import json

from sqlalchemy import Engine
from typer.testing import CliRunner

from tests.conftest import SEED_FILE, SEED_TITLE, SEED_URL, SEEDS, invoke
from tests.test_clean import SEED_CLEAN


def test_show_text(cli: CliRunner, seeded: Engine) -> None:
    result = invoke(cli, "show", "1")
    assert result.exit_code == 0
    assert result.output == (
        f"{SEED_TITLE}\n"
        "\n"
        "id:        1\n"
        "published: 2024-06-24\n"
        "source:    sputnikglobe.com\n"
        "host:      sputnikglobe.com\n"
        f"url:       {SEED_URL}\n"
        "words:     250\n"
        "encoding:  utf-8\n"
        f"files:     {SEED_FILE}\n"
        "\n" + "\n".join(SEED_CLEAN) + "\n"
    )


def test_show_by_url_in_any_variant(cli: CliRunner, seeded: Engine) -> None:
    variant = SEED_URL.replace("https://", "http://www.") + "?utm_source=telegram#top"
    result = invoke(cli, "show", variant, "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.output)["id"] == 1


def test_show_json_lists_versions_and_files(cli: CliRunner, seeded: Engine) -> None:
    result = invoke(cli, "show", "2", "--format", "json")
    shown = json.loads(result.output)
    assert shown["title"] == "Council approves £4.2m repairs to the harbour wall"
    assert shown["source"] == "harbourgazette.co.uk"
    assert shown["canonical_url"] == (
        "https://harbourgazette.co.uk/news/2024/06/12/council-approves-harbour-wall-repairs"
    )
    assert shown["date_precision"] == "day"
    assert [version["id"] for version in shown["versions"]] == [1]
    assert shown["files"] == [
        str(SEEDS / "001_8d8953263262fabf.txt"),
        str(SEEDS / "002_35a0236c13618ee8.txt"),
        str(SEEDS / "003_7dc7248a113ff3ca.txt"),
    ]
    assert shown["body"].endswith("It is 95 metres.")


def test_show_label_and_derived_title(cli: CliRunner, seeded: Engine) -> None:
    lines = invoke(cli, "show", "10").output.splitlines()
    assert lines[0] == (
        "The minister said on Wednesday that the talks would resume next week, according to "
        "officials familiar with the…"
    )
    assert "title:     derived from the first sentence" in lines
    assert "source:    (unknown)" in lines
    label = invoke(cli, "show", "9").output.splitlines()
    assert "label:     WORLD" in label


def test_show_errors(cli: CliRunner, seeded: Engine) -> None:
    result = invoke(cli, "show", "999")
    assert (result.exit_code, result.output) == (
        1,
        "Error: no document has id 999 - find ids with 'archive search'\n",
    )
    result = invoke(cli, "show", "https://example.com/none")
    assert (result.exit_code, result.output) == (
        1,
        "Error: no document has the URL https://example.com/none - find it with 'archive search'\n",
    )
    result = invoke(cli, "show", "lavrov")
    assert (result.exit_code, result.output) == (
        2,
        "Error: 'lavrov' is neither a document id nor an http(s) URL\n",
    )
