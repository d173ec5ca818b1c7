"""search_documents and count_documents, called directly on the imported seeds."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from archive.dates import PartialDate, parse_partial_date
from archive.errors import InvalidDomain, InvalidOption
from archive.search.articles import DocumentSummary, count_documents, search_documents
from archive.search.filters import SORTS, UNKNOWN_SOURCE, Filters, Sort
from archive.search.fulltext.base import SNIPPET_END, SNIPPET_START
from archive.search.grammar import parse_query
from archive.store.engine import open_database
from tests.conftest import SEED_TITLE, SEED_URL, SEEDS, run_import

SEEDED = {
    1: ("2024-06-24", "sputnikglobe.com", "en"),
    2: ("2024-06-12", "harbourgazette.co.uk", "en"),
    3: ("2023-03-15", "rheinkurier.de", "de"),
    4: ("2023-03-01", None, "de"),  # written 2023-03
    5: ("2022-11-02", "novosti-primorya.ru", "ru"),
    6: ("2021-05-09", None, "ru"),
    7: ("2020-01-15", "вести-приморья.рф", "ru"),
    8: ("2019-08-20", "dailyledger.com", "en"),
    9: ("2019-11-04", None, "en"),
    10: ("2022-06-01", None, "en"),
    11: ("2023-08-23", None, "en"),
    12: ("2021-02-18", None, "en"),
    13: ("2021-01-01", None, "es"),  # written 2021
    14: ("2024-02-29", "kurierbaltycki.pl", "pl"),
    15: ("2020-12-24", "lejournaldulac.fr", "fr"),
    16: ("2025-01-10", "cronacadelnord.it", "it"),
    17: ("2025-01-10", "folhadoplanalto.com.br", "pt"),
    18: ("2024-08-24", "kyivdaily.com.ua", "uk"),
    19: ("2023-07-01", None, "bg"),  # written 2023-07
    20: ("2022-10-24", "samachar-bharat.in", "hi"),
    21: ("2023-04-21", "akhbar-alkhaleej.ae", "ar"),
    22: ("2024-03-05", "huananribao.com.cn", "zh"),
    23: ("2024-01-17", "dailyledger.com", "en"),
    24: ("2023-09-12", "rheinkurier.de", "de"),
    25: ("1970-01-01", None, "en"),
    26: ("2018-05-02", "valleytimes.com.au", "en"),
    27: ("2024-06-03", None, "en"),
    28: ("2022-11-15", "novosti-primorya.ru", "ru"),
}
"""Every document of the seeded archive: id -> (published as stored, source, language)."""

NEWEST = [17, 16, 18, 1, 2, 27, 22, 14, 23, 24, 11, 19, 21, 3, 4, 28, 5, 20, 10, 6, 12, 13, 15,
          7, 9, 8, 26, 25]  # fmt: skip
UNKNOWN_NEWEST = [27, 11, 19, 4, 10, 6, 12, 13, 9, 25]


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """The seeds, imported once for this module's tests, which only read."""
    path = tmp_path_factory.mktemp("articles") / "archive.db"
    engine = open_database(f"sqlite:///{path}", create=True)
    run_import(engine, SEEDS)
    yield engine
    engine.dispose()


@pytest.fixture
def session(archive: Engine) -> Iterator[Session]:
    with Session(archive) as session:
        yield session


def ids(
    session: Session,
    query: str | None = None,
    *,
    sort: Sort | None = None,
    limit: int | None = None,
    offset: int = 0,
    **filters: Any,
) -> list[int]:
    """The ids that search_documents returns, all of them unless ``limit`` says otherwise."""
    selected = Filters(text=parse_query(query) if query else None, **filters)
    results = search_documents(session, selected, sort=sort, limit=limit, offset=offset)
    return [result.id for result in results]


def day(text: str) -> PartialDate:
    return parse_partial_date(text)


def test_the_oracle_matches_the_archive(session: Session) -> None:
    assert count_documents(session, Filters()) == len(SEEDED) == 28


def test_without_filters_newest_first_twenty_by_default(session: Session) -> None:
    assert [result.id for result in search_documents(session, Filters())] == NEWEST[:20]
    assert ids(session) == NEWEST
    assert ids(session, sort="newest") == NEWEST


def test_oldest_first_is_the_exact_reverse(session: Session) -> None:
    # Same-day articles (16 and 17) come in id order both ways.
    assert ids(session, sort="oldest") == NEWEST[::-1]


def test_a_result_carries_every_summary_field(session: Session) -> None:
    [result] = search_documents(session, Filters(sources=("sputnikglobe.com",)))
    assert result == DocumentSummary(
        id=1,
        published="2024-06-24",
        date_precision="day",
        source="sputnikglobe.com",
        host="sputnikglobe.com",
        url=SEED_URL,
        title=SEED_TITLE,
        word_count=250,
        rank=None,
        snippet=None,
    )


def test_partial_dates_are_shown_as_written(session: Session) -> None:
    results = {
        result.id: result
        for result in search_documents(session, Filters(sources=(UNKNOWN_SOURCE,)), limit=None)
    }
    assert (results[4].published, results[4].date_precision) == ("2023-03", "month")
    assert (results[19].published, results[19].date_precision) == ("2023-07", "month")
    assert (results[13].published, results[13].date_precision) == ("2021", "year")
    assert (results[13].source, results[13].host, results[13].url) == (None, None, None)


@pytest.mark.parametrize(
    ("date_from", "date_to", "expected"),
    [
        ("2024-06", "2024-06", [1, 2, 27]),
        ("2024-06-01", "2024-06-30", [1, 2, 27]),
        ("2024-06-04", "2024-06-24", [1, 2]),
        ("2024-06-24", "2024-06-24", [1]),
        (None, "2018", [26, 25]),
        ("2025", None, [17, 16]),
        ("2024-02", "2024-02", [14]),  # a leap month ends on the 29th
        ("2021", "2021", [6, 12, 13]),
        ("2021-06", "2021-12", []),  # a year-only date counts as its first day
        ("2023-03", "2023-03", [3, 4]),
        ("2023-03-02", "2023-03-31", [3]),
        ("2023-07", "2023-07", [19]),
        ("1970", "1970", [25]),
        ("2024-07", "2024-06", []),
    ],
)
def test_date_ranges_are_inclusive_periods(
    session: Session, date_from: str | None, date_to: str | None, expected: list[int]
) -> None:
    filters = Filters(
        date_from=day(date_from) if date_from else None, date_to=day(date_to) if date_to else None
    )
    assert [result.id for result in search_documents(session, filters, limit=None)] == expected
    assert count_documents(session, filters) == len(expected)


@pytest.mark.parametrize(
    ("sources", "expected"),
    [
        (("sputnikglobe.com",), [1]),
        (("WWW.DailyLedger.com",), [23, 8]),
        (("https://www.dailyledger.com/business/",), [23, 8]),
        (("valleytimes.com.au",), [26]),
        (("news.valleytimes.com.au",), [26]),  # the host the article came from
        (("sport.valleytimes.com.au",), []),  # another host of the same source
        (("imes.com.au",), []),
        (("huananribao.com.cn",), [22]),
        (("world.huananribao.com.cn",), [22]),
        (("вести-приморья.рф",), [7]),
        (("xn----ctbjmbyofjddm2ltb.xn--p1ai",), [7]),
        (("rt.com",), []),
        (("unknown",), UNKNOWN_NEWEST),
        ((" Unknown ",), UNKNOWN_NEWEST),
        (("sputnikglobe.com", "UNKNOWN"), [1, *UNKNOWN_NEWEST]),
        (("dailyledger.com", "rheinkurier.de", "rt.com"), [23, 24, 3, 8]),
    ],
)
def test_sources(session: Session, sources: tuple[str, ...], expected: list[int]) -> None:
    assert ids(session, sources=sources) == expected
    assert count_documents(session, Filters(sources=sources)) == len(expected)


def test_a_source_that_is_not_a_domain_is_refused(session: Session) -> None:
    with pytest.raises(InvalidDomain) as caught:
        search_documents(session, Filters(sources=("not a domain",)))
    assert str(caught.value) == "'not a domain' is not a domain name such as rt.com"


@pytest.mark.parametrize(
    ("languages", "expected"),
    [
        (("ru",), [28, 5, 6, 7]),
        (("de", "uk"), [18, 24, 3, 4]),
        (("zh",), [22]),
        (("xx",), []),
    ],
)
def test_languages(session: Session, languages: tuple[str, ...], expected: list[int]) -> None:
    assert ids(session, languages=languages) == expected


def test_filters_combine(session: Session) -> None:
    since_2022 = ids(session, sources=("unknown",), languages=("en",), date_from=day("2022"))
    assert since_2022 == [27, 11, 10]
    assert ids(session, "said", sources=("unknown",), languages=("en",)) == [10, 9, 27, 11, 12]


@pytest.mark.parametrize(
    ("query", "relevance"),
    [
        ("harbour", [2]),
        ("HARBOUR", [2]),
        ('"harbour wall"', [2]),
        ('"wall harbour"', []),
        ("harb*", [2]),
        ("95-metre", [2]),
        ("£4.2m", [2]),
        ("minister", [11, 10, 1]),
        ("minister AND resigned", [11]),
        ("minister -budget", [10, 1]),
        ('minister -"finance minister"', [10, 1]),
        ("title:minister", [11, 10]),
        ("talks", [9, 10, 1]),
        ("title:talks", [9, 10]),
        ('title:"harbour wall"', [2]),
        ("copper OR bushfire", [26, 12]),
        ("minister OR copper -budget", [12, 10, 1]),
        ("прошёл", [6]),
        ("прошел", [6]),  # ё is е
        ("Владивосток*", [5]),
        ("mobel", [24]),  # the repaired mojibake, without its accent
        ("南方*", [22]),
        ("port -strike", []),
        ("Reuters", []),  # a header label is not text
        ("co-operation", []),
        ("C++", []),
    ],
)
def test_text_queries(session: Session, query: str, relevance: list[int]) -> None:
    found = search_documents(session, Filters(text=parse_query(query)), limit=None)
    assert [result.id for result in found] == relevance
    ranks = [result.rank for result in found]
    assert all(rank is not None for rank in ranks)
    assert ranks == sorted(ranks, reverse=True)
    newest = [id for id in NEWEST if id in relevance]
    assert ids(session, query, sort="newest") == newest
    assert ids(session, query, sort="oldest") == newest[::-1]
    assert count_documents(session, Filters(text=parse_query(query))) == len(relevance)


def test_a_word_in_many_articles_ranks_them_all(session: Session) -> None:
    assert ids(session, "said") == [10, 9, 23, 8, 27, 11, 12, 2, 1]
    assert ids(session, "said", sort="newest") == [1, 2, 27, 23, 11, 10, 12, 9, 8]


def test_relevance_results_carry_a_rank_and_a_snippet(session: Session) -> None:
    [result] = search_documents(session, Filters(text=parse_query("harbour")))
    assert result.rank is not None and result.rank > 0
    assert result.snippet == (
        "Councillors voted on Tuesday evening to release £4.2 million for urgent repairs "
        f"to the north {SNIPPET_START}harbour{SNIPPET_END} wall, which was damaged in the February…"
    )
    record = result.as_dict()
    assert record["rank"] == round(result.rank, 6)
    assert record["snippet"] == (
        "Councillors voted on Tuesday evening to release £4.2 million for urgent repairs "
        "to the north [harbour] wall, which was damaged in the February…"
    )


def test_a_folded_query_marks_the_word_as_written(session: Session) -> None:
    [result] = search_documents(session, Filters(text=parse_query("прошел")))
    assert result.snippet is not None
    assert f"парад {SNIPPET_START}прошёл{SNIPPET_END} в Хабаровске" in result.snippet


def test_sorted_by_date_a_text_query_has_snippets_but_no_rank(session: Session) -> None:
    results = search_documents(session, Filters(text=parse_query("minister")), sort="newest")
    assert [(result.id, result.rank) for result in results] == [(1, None), (11, None), (10, None)]
    assert [result.snippet for result in results] == [
        "…Russia's foreign \ue000minister\ue001 has accused the West of giving Moscow an "
        '"ultimatum" on Ukraine. "Virtually everything the West does, what it declares, what…',
        "The finance \ue000minister\ue001 resigned on Wednesday, hours after parliament rejected "
        "the government's budget for the second time in a month. In a short…",
        "The \ue000minister\ue001 said on Wednesday that the talks would resume next week, "
        "according to officials familiar with the negotiations. Both sides have agreed to…",
    ]


def test_without_a_text_query_nothing_has_a_rank_or_snippet(session: Session) -> None:
    date_sorts: tuple[Sort, ...] = ("newest", "oldest")
    for sort in date_sorts:
        results = search_documents(session, Filters(), sort=sort, limit=None)
        assert {(result.rank, result.snippet) for result in results} == {(None, None)}


def test_relevance_needs_a_text_query(session: Session) -> None:
    with pytest.raises(InvalidOption) as caught:
        search_documents(session, Filters(), sort="relevance")
    assert str(caught.value) == "sorting by relevance needs a text query to rank by"


def test_limit_and_offset_page_through_the_results(session: Session) -> None:
    pages = [ids(session, limit=10, offset=offset) for offset in (0, 10, 20, 30)]
    assert pages == [NEWEST[:10], NEWEST[10:20], NEWEST[20:], []]
    assert ids(session, limit=0) == []
    assert ids(session, "said", limit=3, offset=2) == [23, 8, 27]


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    limit=st.integers(min_value=0, max_value=30),
    offset=st.integers(min_value=0, max_value=30),
    query=st.sampled_from([None, "said", "the", "minister OR copper"]),
    sort=st.sampled_from(SORTS),
)
def test_a_page_is_a_slice_of_the_whole(
    archive: Engine, limit: int, offset: int, query: str | None, sort: Sort
) -> None:
    if query is None and sort == "relevance":
        sort = "newest"
    filters = Filters(text=parse_query(query) if query else None)
    with Session(archive) as session:
        whole = search_documents(session, filters, sort=sort, limit=None)
        page = search_documents(session, filters, sort=sort, limit=limit, offset=offset)
    assert page == whole[offset : offset + limit]


def test_count_stops_at_the_cap(session: Session) -> None:
    assert count_documents(session, Filters()) == 28
    assert [count_documents(session, Filters(), cap=cap) for cap in (0, 1, 5, 28, 29, 1000)] == [
        0, 1, 5, 28, 28, 28,
    ]  # fmt: skip
    said = Filters(text=parse_query("said"))
    assert [count_documents(session, said, cap=cap) for cap in (None, 2, 9, 10)] == [9, 2, 9, 9]
    unknown = Filters(sources=("unknown",), text=parse_query("said"))
    assert (count_documents(session, unknown), count_documents(session, unknown, cap=4)) == (5, 4)


PARTIAL_DATES = st.builds(
    lambda date, length: parse_partial_date(date.isoformat()[:length]),
    st.dates(parse_partial_date("1969").start, parse_partial_date("2026-12-31").start),
    st.sampled_from([4, 7, 10]),
)
SOURCE_NAMES = sorted({source for _, source, _ in SEEDED.values() if source})
SOURCE_NAMES += ["unknown", "rt.com"]
LANGUAGES = sorted({language for _, _, language in SEEDED.values()}) + ["xx"]


def expected_ids(filters: Filters) -> list[int]:
    """The oracle: which seeded documents ``filters`` select, newest first."""
    selected = []
    for document_id, (published, source, language) in SEEDED.items():
        if filters.date_from is not None and published < filters.date_from.iso:
            continue
        if filters.date_to is not None and published > filters.date_to.end.isoformat():
            continue
        if filters.sources and not any(
            name == source or (name == "unknown" and source is None) for name in filters.sources
        ):
            continue
        if filters.languages and language not in filters.languages:
            continue
        selected.append((published, document_id))
    return [document_id for _, document_id in sorted(selected, reverse=True)]


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    filters=st.builds(
        Filters,
        date_from=st.none() | PARTIAL_DATES,
        date_to=st.none() | PARTIAL_DATES,
        sources=st.lists(st.sampled_from(SOURCE_NAMES), max_size=3, unique=True).map(tuple),
        languages=st.lists(st.sampled_from(LANGUAGES), max_size=3, unique=True).map(tuple),
    )
)
def test_search_and_count_agree_with_the_oracle(archive: Engine, filters: Filters) -> None:
    expected = expected_ids(filters)
    with Session(archive) as session:
        newest = [result.id for result in search_documents(session, filters, limit=None)]
        oldest = search_documents(session, filters, sort="oldest", limit=None)
        count = count_documents(session, filters)
    assert newest == expected
    assert [result.id for result in oldest] == expected[::-1]
    assert count == len(expected)
