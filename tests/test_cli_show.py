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
        "url date:  2024-06-24\n"
        "site id:   1119107399\n"
        "language:  en\n"
        "words:     250\n"
        "encoding:  utf-8\n"
        "flags:     text_cleaned\n"
        "cleaning:  joined 5 lines broken mid-sentence; separated 4 glued sentences; "
        "dropped 1 paragraph whose every sentence is repeated elsewhere\n"
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


def test_show_original_reproduces_the_file_byte_for_byte(cli: CliRunner, seeded: Engine) -> None:
    originals = {
        "1": "000_d9df1ced53a76c60.txt",  # UTF-8, no final newline
        "5": "006_6525cea6a6bba49c.txt",  # cp1251
        "8": "009_948fa1663bdd8fcd.txt",  # CRLF
        "3": "004_a53ef07f930c7673.txt",  # UTF-8 with a BOM
    }
    for reference, name in originals.items():
        result = invoke(cli, "show", reference, "--format", "original")
        assert result.exit_code == 0
        assert result.stdout_bytes == (SEEDS / name).read_bytes(), name


def test_show_flags_and_dates_from_the_url(cli: CliRunner, seeded: Engine) -> None:
    placeholder = invoke(cli, "show", "25").output.splitlines()
    assert "flags:     placeholder_date" in placeholder
    refined = invoke(cli, "show", "28").output.splitlines()
    assert "published: 2022-11-15 (from the url)" in refined
    mojibake = invoke(cli, "show", "24", "--format", "json")
    shown = json.loads(mojibake.output)
    assert shown["flags"] == ["mojibake_repaired", "text_cleaned"]
    assert "Frühjahr" in shown["body"] and "geäußert" in shown["body"]
    assert shown["language"] == "de"
