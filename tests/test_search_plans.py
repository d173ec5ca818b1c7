"""The plans behind a text search: date-index walk, bounded ranking, capped counts.

The thresholds are lowered so that the seeds reach them; every plan must give
what sorting every match would.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from archive.backends import backend_for
from archive.cli import browsing
from archive.dates import parse_partial_date
from archive.search import articles
from archive.search.articles import count_documents, search_documents
from archive.search.filters import Filters
from archive.search.grammar import parse_query
from tests.conftest import invoke

COMMON = Filters(text=parse_query("the"))


def force_walk(monkeypatch: pytest.MonkeyPatch, engine: Engine) -> list[int]:
    """Make every text query walk the date index; record each use of that plan."""
    monkeypatch.setattr(articles, "STREAM_MIN", 1)
    monkeypatch.setattr(articles, "STREAM_SHARE", 10**9)
    uses: list[int] = []
    full_text = type(backend_for(engine).full_text)
    original: Callable[..., Any] = full_text.match_condition

    def spy(self: object, *args: Any) -> Any:
        uses.append(1)
        return original(self, *args)

    monkeypatch.setattr(full_text, "match_condition", spy)
    return uses


def ids(engine: Engine, filters: Filters, **options: Any) -> list[int]:
    with Session(engine) as session:
        return [result.id for result in search_documents(session, filters, **options)]


@pytest.mark.parametrize("sort", ["newest", "oldest"])
@pytest.mark.parametrize(
    "filters",
    [
        COMMON,
        Filters(text=parse_query("the"), date_from=parse_partial_date("2022")),
        Filters(text=parse_query("the -russia"), sources=("sputnikglobe.com",)),
    ],
)
def test_walking_the_date_index_finds_what_sorting_all_matches_does(
    seeded: Engine, monkeypatch: pytest.MonkeyPatch, sort: str, filters: Filters
) -> None:
    sorted_all = ids(seeded, filters, sort=sort, limit=None)
    walked = force_walk(monkeypatch, seeded)
    assert ids(seeded, filters, sort=sort, limit=None) == sorted_all
    assert walked
    assert ids(seeded, filters, sort=sort, limit=3, offset=2) == sorted_all[2:5]


def test_walked_results_carry_a_snippet_and_no_rank(
    seeded: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    walked = force_walk(monkeypatch, seeded)
    with Session(seeded) as session:
        results = search_documents(session, COMMON, sort="newest", limit=5)
        ranked = search_documents(session, COMMON, limit=5)
    assert walked and len(results) == 5
    assert all(result.rank is None and "\ue000" in (result.snippet or "") for result in results)
    assert all(result.rank is not None and result.snippet for result in ranked)


def test_a_common_query_is_ranked_among_the_most_recent_matches(
    seeded: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    everything = ids(seeded, COMMON, sort="newest", limit=None)
    monkeypatch.setattr(articles, "RANK_CANDIDATES", 4)
    with Session(seeded) as session:
        ranked = search_documents(session, COMMON, limit=None)
        exact = search_documents(session, COMMON, limit=None, exact=True)
    assert len(everything) > 4
    assert {result.id for result in ranked} == set(sorted(everything)[-4:])
    ranks = [result.rank or 0.0 for result in ranked]
    assert ranks == sorted(ranks, reverse=True)
    assert sorted(result.id for result in exact) == sorted(everything)


def test_the_candidates_are_taken_after_the_filters(
    seeded: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    filters = Filters(text=parse_query("the"), date_to=parse_partial_date("2021"))
    older = ids(seeded, filters, sort="newest", limit=None)
    monkeypatch.setattr(articles, "RANK_CANDIDATES", 2)
    assert len(older) > 2
    assert set(ids(seeded, filters, limit=None)) == set(sorted(older)[-2:])


def test_a_capped_count_stops_at_the_cap(seeded: Engine) -> None:
    with Session(seeded) as session:
        total = count_documents(session, COMMON)
        assert total > 5
        assert count_documents(session, COMMON, cap=5) == 5
        assert count_documents(session, COMMON, cap=total + 10) == total
        assert count_documents(session, Filters(), cap=3) == 3


def test_the_table_footer_says_at_least_past_its_cap(
    seeded: Engine, cli: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(browsing, "SHOWN_TOTAL", 3)
    result = invoke(cli, "search", "the", "--limit", "1")
    assert result.exit_code == 0, result.output
    assert "Showing 1-1 of at least 3;" in result.stderr
    exact = invoke(cli, "search", "the", "--limit", "1", "--exact")
    assert exact.exit_code == 0 and "Showing 1-1 of at least 3;" in exact.stderr
