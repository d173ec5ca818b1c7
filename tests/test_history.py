"""archive history, diff and show --version: every text an article has had, and what changed."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import Engine
from typer.testing import CliRunner

from archive.search.history import count_changes, diff_versions, get_history
from tests.conftest import SEEDS, invoke, run_import, write

HARBOUR = "https://www.harbourgazette.co.uk/news/2024/06/12/council-approves-harbour-wall-repairs"
FIRST_CRAWL = SEEDS / "001_8d8953263262fabf.txt"
SECOND_CRAWL = SEEDS / "002_35a0236c13618ee8.txt"


def test_the_recrawled_harbour_article_has_two_versions(seeded: Engine) -> None:
    with seeded.connect() as connection:
        versions = get_history(connection, HARBOUR)
    assert [(v.number, v.current, v.word_count, v.added, v.removed) for v in versions] == [
        (1, False, 105, None, None),
        (2, True, 126, 22, 1),
    ]
    assert [Path(v.file or "").name for v in versions] == [FIRST_CRAWL.name, SECOND_CRAWL.name]
    assert versions[0].document_id == versions[1].document_id == 2
    assert versions[0].text_sha256 != versions[1].text_sha256


def test_history_lists_the_versions_in_every_format(seeded: Engine, cli: CliRunner) -> None:
    table = invoke(cli, "history", "2")
    assert table.exit_code == 0, table.output
    lines = table.output.splitlines()
    assert lines[0].split() == [
        "version", "stored", "words", "added", "removed", "sha256", "title", "file",
    ]  # fmt: skip
    assert lines[2].split()[:1] == ["1"] and lines[3].split()[:2] == ["2", "(current)"]
    assert "+22" in lines[3].split() and "-1" in lines[3].split()
    records = json.loads(invoke(cli, "history", HARBOUR, "--format", "json").output)
    assert [record["version"] for record in records] == [1, 2]
    assert list(records[1]) == [
        "version", "current", "stored_at", "file", "text_sha256", "published", "word_count",
        "added", "removed", "title",
    ]  # fmt: skip
    assert (records[1]["added"], records[1]["removed"], records[0]["added"]) == (22, 1, None)
    lines = invoke(cli, "history", "2", "--format", "jsonl").output.splitlines()
    assert [json.loads(line) for line in lines] == records
    csv = invoke(cli, "history", "2", "--format", "csv").output.splitlines()
    assert (
        csv[0]
        == "version,current,stored_at,file,text_sha256,published,word_count,added,removed,title"
    )
    assert len(csv) == 3


def test_diff_shows_the_changed_words_as_plain_text_when_piped(
    seeded: Engine, cli: CliRunner
) -> None:
    result = invoke(cli, "diff", "2")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("--- version 1: stored ") and lines[0].endswith(FIRST_CRAWL.name)
    assert lines[1].startswith("+++ version 2 (current): stored ")
    assert lines[2:] == [
        "  Council approves £4.2m repairs to the harbour wall",
        "  Councillors voted on Tuesday evening to release £4.2 million for urgent repairs to "
        "the north harbour wall, which was damaged in the February storms.",
        "- The work will begin in September and is expected to last eight months. Fishing boats "
        "will be moved to the inner basin while contractors rebuild a [-90-metre-] section of "
        "the wall.",
        "+ The work will begin in September and is expected to last eight months. Fishing boats "
        "will be moved to the inner basin while contractors rebuild a {+95-metre+} section of "
        "the wall.",
        '  "We cannot afford another winter with the wall in this state," said the council '
        'leader, Margaret Hale. "Every storm takes a little more of it."',
        "  Opposition members questioned why the repairs had taken four months to approve, and "
        "asked for a full report on the cost of the delay.",
        "+ Correction: an earlier version of this article gave the length of the damaged "
        "section as 90 metres. It is 95 metres.",
    ]
    assert "\x1b[" not in result.output
    assert invoke(cli, "diff", HARBOUR, "1", "2").output == result.output
    assert invoke(cli, "diff", "2", "1").output == result.output
    same = invoke(cli, "diff", "2", "2", "2")
    assert same.output.splitlines()[2:] == ["  (the same title and text)"]


def test_bad_versions_are_one_line_errors(seeded: Engine, cli: CliRunner) -> None:
    choose = "- choose from 1 to 2\n"
    for args, code, message in [
        (["diff", "2", "3"], 2, f"Error: document 2 has no version 3 {choose}"),
        (["diff", "2", "1", "0"], 2, f"Error: document 2 has no version 0 {choose}"),
        (["show", "2", "--version", "5"], 2, f"Error: document 2 has no version 5 {choose}"),
        (["diff", "5", "2"], 2, "Error: document 5 has no version 2 - it has only version 1\n"),
        (["history", "999"], 1, "Error: no document has id 999 - find ids with 'archive search'\n"),
        (["diff", "x"], 2, "Error: 'x' is neither a document id nor an http(s) URL\n"),
    ]:
        result = invoke(cli, *args)
        assert (result.exit_code, result.output) == (code, message), args
    result = invoke(cli, "diff", "5")
    assert (result.exit_code, result.stderr) == (
        0,
        "Document 5 has one version: nothing to compare.\n",
    )


def test_show_version_gives_an_earlier_text_and_its_original(
    seeded: Engine, cli: CliRunner
) -> None:
    shown = invoke(cli, "show", "2", "--version", "1")
    assert shown.exit_code == 0, shown.output
    lines = shown.output.splitlines()
    assert lines[0] == "Council approves £4.2m repairs to the harbour wall"
    assert "version:   1 of 2 (the current text is version 2)" in lines
    assert "90-metre section" in shown.output and "Correction" not in shown.output
    current = invoke(cli, "show", "2", "--version", "2")
    assert "version:   2 of 2 (the current text)" in current.output.splitlines()
    assert "Correction" in current.output
    record = json.loads(invoke(cli, "show", "2", "--version", "1", "--format", "json").output)
    assert (record["id"], record["of"], record["version"], record["current"]) == (2, 2, 1, False)
    assert "90-metre" in record["body"]
    for number, crawl in [("1", FIRST_CRAWL), ("2", SECOND_CRAWL)]:
        original = invoke(cli, "show", "2", "--version", number, "--format", "original")
        assert original.stdout_bytes == crawl.read_bytes()


def test_a_history_of_three_crawls_with_hostile_text(
    engine: Engine, tmp_path: Path, cli: CliRunner
) -> None:
    header = " date 2024-05-01 https://example.com/story\n"
    paragraphs = ["First paragraph stays.", "Second one is here.", "Third one closes."]
    crawls = [
        ("Minister resigns", paragraphs),
        ("Minister resigns after vote", [paragraphs[0], "An inserted paragraph.", *paragraphs[1:]]),
        ("Minister resigns after vote\x1b[31m", [paragraphs[0], paragraphs[2]]),
    ]
    for number, (title, body) in enumerate(crawls):
        write(tmp_path / f"crawl{number}", "a.txt", header + title + "\n" + "\n\n".join(body))
        run_import(engine, tmp_path / f"crawl{number}")
    result = invoke(cli, "history", "1", "--format", "json")
    records = json.loads(result.output)
    assert [(r["version"], r["added"], r["removed"]) for r in records] == [
        (1, None, None), (2, 5, 0), (3, 1, 8),
    ]  # fmt: skip
    lines = invoke(cli, "diff", "1", "1", "2").output.splitlines()[2:]
    assert lines == [
        "- Minister resigns",
        "+ Minister resigns {+after vote+}",
        "  First paragraph stays.",
        "+ An inserted paragraph.",
        "  Second one is here.",
        "  …",
    ]
    result = invoke(cli, "diff", "1")
    assert "\x1b" not in result.output
    assert "+ Minister resigns after {+vote\\x1b[31m+}" in result.output
    assert "- Second one is here." in result.output.splitlines()


def test_count_changes_and_gaps() -> None:
    assert count_changes("a b c d".split(), "a x c d e".split()) == (2, 1)
    assert count_changes([], "a b".split()) == (2, 0)
    assert count_changes("a b".split(), "a b".split()) == (0, 0)


def test_diff_leaves_out_long_unchanged_stretches(engine: Engine, tmp_path: Path) -> None:
    body = [f"Paragraph number {n} says something." for n in range(10)]
    changed = [*body[:5], "Paragraph number 5 says something else.", *body[6:]]
    for number, paragraphs in enumerate([body, changed]):
        write(
            tmp_path / f"c{number}",
            "a.txt",
            " date 2024-05-01 https://example.com/x\nTitle\n" + "\n".join(paragraphs),
        )
        run_import(engine, tmp_path / f"c{number}")
    with engine.connect() as connection:
        old, new = get_history(connection, 1)
    marks = [(line.mark, line.text) for line in diff_versions(old, new)]
    assert marks == [
        (" ", "Title"),
        (" ", "…"),
        (" ", "Paragraph number 4 says something."),
        ("-", "Paragraph number 5 says something."),
        ("+", "Paragraph number 5 says something else."),
        (" ", "Paragraph number 6 says something."),
        (" ", "…"),
    ]
