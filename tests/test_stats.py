"""count_by_period, called directly: periods, totals, zero-filled ranges and what is left out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from archive.dates import parse_partial_date
from archive.search.filters import Filters
from archive.search.grammar import parse_query
from archive.search.stats import (
    PERIOD_FIELDS,
    TOTAL_SERIES,
    Period,
    PeriodCount,
    PeriodCounts,
    count_by_period,
)
from archive.store.engine import open_database
from tests.conftest import SEEDS, run_import

LANGUAGES = ("ar", "bg", "de", "en", "es", "fr", "hi", "it", "pl", "pt", "ru", "uk", "zh")
"""Every language of the seeds: filtering on all of them selects every article, the slow way."""


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """The seeds, imported once for this module's tests, which only read."""
    path = tmp_path_factory.mktemp("stats") / "archive.db"
    engine = open_database(f"sqlite:///{path}", create=True)
    run_import(engine, SEEDS)
    yield engine
    engine.dispose()


@pytest.fixture
def session(archive: Engine) -> Iterator[Session]:
    with Session(archive) as session:
        yield session


def between(date_from: str, date_to: str) -> Filters:
    return Filters(date_from=parse_partial_date(date_from), date_to=parse_partial_date(date_to))


def rows(counts: PeriodCounts) -> list[tuple[str, str | None, int]]:
    return [(row.period, row.source, row.articles) for row in counts.rows]


def nonzero(counts: PeriodCounts) -> list[tuple[str, str | None, int]]:
    return [row for row in rows(counts) if row[2]]


def test_years_in_total(session: Session) -> None:
    counts = count_by_period(session, Filters(), by="year", total=True)
    assert rows(counts) == [
        ("2018", TOTAL_SERIES, 1),
        ("2019", TOTAL_SERIES, 2),
        ("2020", TOTAL_SERIES, 2),
        ("2021", TOTAL_SERIES, 3),
        ("2022", TOTAL_SERIES, 4),
        ("2023", TOTAL_SERIES, 6),
        ("2024", TOTAL_SERIES, 7),
        ("2025", TOTAL_SERIES, 2),
    ]
    # 27 counted and the placeholder-dated one left out: the 28 documents.
    assert (counts.too_vague, counts.placeholder) == (0, 1)


@pytest.mark.parametrize(
    ("by", "periods", "counted", "too_vague"),
    [
        ("year", 8, 27, 0),
        ("month", 81, 26, 1),  # 2018-05 .. 2025-01; the year-only date is too vague
        ("week", 350, 24, 3),  # 2018-W18 .. 2025-W02; month and year dates are too vague
        ("day", (dt.date(2025, 1, 10) - dt.date(2018, 5, 2)).days + 1, 24, 3),
    ],
)
def test_every_period_from_the_first_article_to_the_last(
    session: Session, by: Period, periods: int, counted: int, too_vague: int
) -> None:
    counts = count_by_period(session, Filters(), by=by, total=True)
    assert len(counts.rows) == periods
    assert len({row.period for row in counts.rows}) == periods
    assert [row.period for row in counts.rows] == sorted(row.period for row in counts.rows)
    assert sum(row.articles for row in counts.rows) == counted
    assert (counts.too_vague, counts.placeholder) == (too_vague, 1)
    assert counted + too_vague + 1 == 28


def test_month_and_week_labels(session: Session) -> None:
    months = count_by_period(session, Filters(), by="month", total=True)
    assert nonzero(months)[-6:] == [
        ("2024-01", TOTAL_SERIES, 1),
        ("2024-02", TOTAL_SERIES, 1),
        ("2024-03", TOTAL_SERIES, 1),
        ("2024-06", TOTAL_SERIES, 3),
        ("2024-08", TOTAL_SERIES, 1),
        ("2025-01", TOTAL_SERIES, 2),
    ]
    assert ("2023-03", TOTAL_SERIES, 2) in rows(months)  # a day and a month-only date
    weeks = count_by_period(session, Filters(), by="week", total=True)
    assert rows(weeks)[0] == ("2018-W18", TOTAL_SERIES, 1)
    assert rows(weeks)[-1] == ("2025-W02", TOTAL_SERIES, 2)
    assert ("2020-W52", TOTAL_SERIES, 1) in rows(weeks)  # 2020-12-24


def test_a_range_is_zero_filled_from_its_first_period_to_its_last(session: Session) -> None:
    june = count_by_period(session, between("2024-06", "2024-06"), by="week", total=True)
    assert rows(june) == [
        ("2024-W22", TOTAL_SERIES, 0),  # 2024-06-01 is a Saturday
        ("2024-W23", TOTAL_SERIES, 1),
        ("2024-W24", TOTAL_SERIES, 1),
        ("2024-W25", TOTAL_SERIES, 0),
        ("2024-W26", TOTAL_SERIES, 1),
    ]
    days = count_by_period(session, between("2024-06-10", "2024-06-14"), by="day", total=True)
    assert rows(days) == [
        ("2024-06-10", TOTAL_SERIES, 0),
        ("2024-06-11", TOTAL_SERIES, 0),
        ("2024-06-12", TOTAL_SERIES, 1),
        ("2024-06-13", TOTAL_SERIES, 0),
        ("2024-06-14", TOTAL_SERIES, 0),
    ]
    year = count_by_period(session, between("2021", "2021"), by="week", total=True)
    assert rows(year)[0] == ("2020-W53", TOTAL_SERIES, 0)  # 2021-01-01 is in 2020's last week
    assert rows(year)[-1] == ("2021-W52", TOTAL_SERIES, 0)
    assert (len(year.rows), year.too_vague) == (53, 1)


def test_a_range_with_nothing_in_it(session: Session) -> None:
    empty = between("2030", "2031")
    assert count_by_period(session, empty, by="year", total=True) == PeriodCounts(
        [PeriodCount("2030", TOTAL_SERIES, 0), PeriodCount("2031", TOTAL_SERIES, 0)]
    )
    assert count_by_period(session, empty, by="year") == PeriodCounts([])
    reversed_range = between("2024-06-05", "2024-06-01")
    assert count_by_period(session, reversed_range, by="day", total=True).rows == []


def test_one_series_per_source_the_unknown_first(session: Session) -> None:
    assert rows(count_by_period(session, between("2024-06", "2024-06"), by="month")) == [
        ("2024-06", None, 1),
        ("2024-06", "harbourgazette.co.uk", 1),
        ("2024-06", "sputnikglobe.com", 1),
    ]


def test_open_ranges_run_from_each_sources_first_article_to_its_last(session: Session) -> None:
    counts = count_by_period(session, Filters(), by="year")
    series: dict[str | None, list[tuple[str, int]]] = {}
    for row in counts.rows:
        series.setdefault(row.source, []).append((row.period, row.articles))
    assert series["dailyledger.com"] == [
        ("2019", 1), ("2020", 0), ("2021", 0), ("2022", 0), ("2023", 0), ("2024", 1),
    ]  # fmt: skip
    assert series["sputnikglobe.com"] == [("2024", 1)]
    assert series[None] == [
        ("2019", 1), ("2020", 0), ("2021", 3), ("2022", 1), ("2023", 3), ("2024", 1),
    ]  # fmt: skip
    assert len(series) == 16
    assert sum(row.articles for row in counts.rows) == 27


@pytest.mark.parametrize(
    ("filters", "by", "expected", "too_vague", "placeholder"),
    [
        (Filters(sources=("unknown",)), "year",
         [("2019", None, 1), ("2021", None, 3), ("2022", None, 1), ("2023", None, 3),
          ("2024", None, 1)], 0, 1),
        (Filters(sources=("unknown",)), "month",
         [("2019-11", None, 1), ("2021-02", None, 1), ("2021-05", None, 1), ("2022-06", None, 1),
          ("2023-03", None, 1), ("2023-07", None, 1), ("2023-08", None, 1), ("2024-06", None, 1)],
         1, 1),
        (between("2023-03", "2023-03"), "day", [("2023-03-15", "rheinkurier.de", 1)], 1, 0),
        (Filters(sources=("news.valleytimes.com.au",)), "day",
         [("2018-05-02", "valleytimes.com.au", 1)], 0, 0),
        (Filters(sources=("sport.valleytimes.com.au",)), "day", [], 0, 0),
        (Filters(sources=("rt.com",)), "day", [], 0, 0),
        (Filters(languages=("de",)), "month",
         [("2023-03", None, 1), ("2023-03", "rheinkurier.de", 1), ("2023-09", "rheinkurier.de", 1)],
         0, 0),
        (Filters(languages=("de",)), "day",
         [("2023-03-15", "rheinkurier.de", 1), ("2023-09-12", "rheinkurier.de", 1)], 1, 0),
        (Filters(text=parse_query("minister")), "year",
         [("2022", None, 1), ("2023", None, 1), ("2024", "sputnikglobe.com", 1)], 0, 0),
        (Filters(text=parse_query("storm*")), "year", [("2024", "harbourgazette.co.uk", 1)], 0, 1),
    ],
)  # fmt: skip
def test_filters_and_what_is_left_out(
    session: Session,
    filters: Filters,
    by: Period,
    expected: list[tuple[str, str | None, int]],
    too_vague: int,
    placeholder: int,
) -> None:
    counts = count_by_period(session, filters, by=by)
    assert nonzero(counts) == expected
    assert (counts.too_vague, counts.placeholder) == (too_vague, placeholder)


def test_a_count_record(session: Session) -> None:
    [row] = count_by_period(session, between("2022-11", "2022-11")).rows
    assert row.as_dict() == {"period": "2022-11", "source": "novosti-primorya.ru", "articles": 2}
    assert list(row.as_dict()) == list(PERIOD_FIELDS)


PARTIAL_DATES = st.builds(
    lambda date, length: parse_partial_date(date.isoformat()[:length]),
    # Any date, or one among the seeds' busiest years.
    st.dates(dt.date(1969, 1, 1), dt.date(2026, 12, 31))
    | st.dates(dt.date(2023, 1, 1), dt.date(2024, 12, 31)),
    st.sampled_from([4, 7, 10]),
)
SOURCE_NAMES = ["dailyledger.com", "rheinkurier.de", "sputnikglobe.com", "unknown", "rt.com"]


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    filters=st.builds(
        Filters,
        date_from=st.none() | PARTIAL_DATES,
        date_to=st.none() | PARTIAL_DATES,
        sources=st.lists(st.sampled_from(SOURCE_NAMES), max_size=2, unique=True).map(tuple),
    ),
    by=st.sampled_from(["week", "month", "year"]),  # by week, the same dates as by day count
    total=st.booleans(),
)
def test_the_kept_counts_agree_with_the_documents(
    archive: Engine, filters: Filters, by: Period, total: bool
) -> None:
    """Read from document_counts, or (with a filter on language) from the documents: the same."""
    with Session(archive) as session:
        from_counts = count_by_period(session, filters, by=by, total=total)
        from_documents = count_by_period(
            session, replace(filters, languages=LANGUAGES), by=by, total=total
        )
    assert from_counts == from_documents
