"""list_sources, called directly: counts, first and last dates as written, the unknown source."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, delete
from sqlalchemy.orm import Session

from archive.search.sources import SOURCE_FIELDS, SourceSummary, list_sources
from archive.store.models import Document
from tests.conftest import run_import, write


def sources(engine: Engine) -> list[tuple[str | None, int, str | None, str | None]]:
    with Session(engine) as session:
        return [(row.source, row.articles, row.first, row.last) for row in list_sources(session)]


def test_the_seeds_most_articles_first(seeded: Engine) -> None:
    assert sources(seeded) == [
        # The unknown source counts the placeholder-dated article but does not date by it.
        (None, 10, "2019-11-04", "2024-06-03"),
        ("dailyledger.com", 2, "2019-08-20", "2024-01-17"),
        ("novosti-primorya.ru", 2, "2022-11-02", "2022-11-15"),
        ("rheinkurier.de", 2, "2023-03-15", "2023-09-12"),
        ("akhbar-alkhaleej.ae", 1, "2023-04-21", "2023-04-21"),
        ("cronacadelnord.it", 1, "2025-01-10", "2025-01-10"),
        ("folhadoplanalto.com.br", 1, "2025-01-10", "2025-01-10"),
        ("harbourgazette.co.uk", 1, "2024-06-12", "2024-06-12"),  # one article, two texts
        ("huananribao.com.cn", 1, "2024-03-05", "2024-03-05"),
        ("kurierbaltycki.pl", 1, "2024-02-29", "2024-02-29"),
        ("kyivdaily.com.ua", 1, "2024-08-24", "2024-08-24"),
        ("lejournaldulac.fr", 1, "2020-12-24", "2020-12-24"),
        ("samachar-bharat.in", 1, "2022-10-24", "2022-10-24"),
        ("sputnikglobe.com", 1, "2024-06-24", "2024-06-24"),
        ("valleytimes.com.au", 1, "2018-05-02", "2018-05-02"),
        ("вести-приморья.рф", 1, "2020-01-15", "2020-01-15"),
    ]


def test_a_record_has_the_source_fields_in_order(seeded: Engine) -> None:
    with Session(seeded) as session:
        first = list_sources(session)[0]
    assert first == SourceSummary(None, 10, "2019-11-04", "2024-06-03")
    assert list(first.as_dict()) == list(SOURCE_FIELDS) == ["source", "articles", "first", "last"]
    assert first.as_dict() == {
        "source": None,
        "articles": 10,
        "first": "2019-11-04",
        "last": "2024-06-03",
    }


def test_an_empty_archive_has_no_sources(engine: Engine) -> None:
    assert sources(engine) == []


def test_dates_as_written_and_the_placeholder_left_out(engine: Engine, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    for name, date, url in [
        ("a", "2022", "https://example.com/a"),
        ("b", "2023-03", "https://www.example.com/b"),
        ("c", "2023-03-15", "https://news.example.com/c"),
        ("d", "1970-01-01", "https://example.com/d"),
        ("e", "1970-01-01", "https://placeholder.org/e"),
        ("f", "2023-03-01", "https://months.net/f"),
        ("g", "2023-03", "https://months.net/g"),
    ]:
        write(folder, f"{name}.txt", f" date {date} {url}\nHeadline {name}\nThe text of {name}.\n")
    assert run_import(engine, folder).counts["imported"] == 7
    assert sources(engine) == [
        ("example.com", 4, "2022", "2023-03-15"),
        # Compared as written: a month comes before the days in it.
        ("months.net", 2, "2023-03", "2023-03-01"),
        ("placeholder.org", 1, None, None),
    ]


def test_counts_follow_deletions(seeded: Engine) -> None:
    with Session(seeded) as session, session.begin():
        session.execute(delete(Document).where(Document.id.in_([8, 25])))
    listed = {row[0]: row[1:] for row in sources(seeded)}
    assert listed["dailyledger.com"] == (1, "2024-01-17", "2024-01-17")
    assert listed[None] == (9, "2019-11-04", "2024-06-03")
    assert len(listed) == 16
