"""archive serve: Datasette with the archive's metadata, search, article pages and chart."""

from __future__ import annotations

import asyncio
import base64
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from archive.dates import parse_partial_date
from archive.search.articles import search_documents
from archive.search.documents import get_original
from archive.search.filters import Filters
from archive.search.grammar import parse_query
from archive.web.app import make_datasette
from archive.web.metadata import HIDDEN_TABLES, QUERIES
from archive.web.plugin import archive_fts
from tests.conftest import SEED_TITLE, run_import, write

pytestmark = pytest.mark.sqlite  # Datasette serves a SQLite file

HARBOUR_ID = 2
"""The seed article that was crawled twice."""

QUERIES_TO_COMPARE = [
    "harbour",
    "Lavrov",
    "ultimat*",
    '"peace efforts"',
    "council OR Lavrov",
    "title:harbour",
    "the -harbour",
    "Россия",
    "россия OR украина",
    "Straße",
    "AND",
]

HOSTILE = ['"x', "-", "AND", "(", "*", "title:", "\x00", "a" * 5000, "NEAR(a b)", "a:b", "''"]


def fetch(site: Any, *paths: str) -> list[Any]:
    """Datasette's responses to GET ``paths``, without a server."""

    async def get_all() -> list[Any]:
        return [await site.client.get(path) for path in paths]

    return asyncio.run(get_all())


def rows(site: Any, path: str) -> list[dict[str, Any]]:
    (response,) = fetch(site, path + ("&" if "?" in path else "?") + "_shape=array")
    assert response.status_code == 200, response.text
    result: list[dict[str, Any]] = response.json()
    return result


@pytest.fixture
def site(seeded: Engine, database_path: Path) -> Any:
    """Datasette on the imported seeds, as 'archive serve' starts it on 127.0.0.1."""
    return make_datasette(database_path, allow_sql=True)


def test_the_archive_is_served_under_its_file_name_with_its_own_tables_only(site: Any) -> None:
    home, database = fetch(site, "/", "/archive")
    assert home.status_code == database.status_code == 200
    assert 'href="/archive/search"' in database.text
    shown = database.text.split("hidden tables")[0]
    for table in HIDDEN_TABLES:
        assert f'href="/archive/{table}"' not in shown
    for table in ("articles", "sources", "documents", "duplicate_clusters"):
        assert f'href="/archive/{table}"' in database.text
    assert all(f'href="/archive/{name}"' in database.text for name in QUERIES)


def test_every_hidden_table_exists(seeded: Engine, database_path: Path) -> None:
    with sqlite3.connect(database_path) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    assert set(HIDDEN_TABLES) <= tables


@pytest.mark.parametrize("query", QUERIES_TO_COMPARE)
def test_the_search_query_gives_what_archive_search_gives(
    site: Any, seeded: Engine, query: str
) -> None:
    found = rows(site, f"/archive/search.json?q={_quoted(query)}")
    with seeded.connect() as connection:
        expected = search_documents(connection, Filters(text=parse_query(query)), limit=None)
    assert [row["id"] for row in found] == [summary.id for summary in expected]
    assert [row["title"] for row in found] == [summary.title for summary in expected]
    assert all(set(row) == {"id", "published", "source", "title", "snippet"} for row in found)
    assert [row["snippet"] for row in found] == [
        summary.as_dict()["snippet"] for summary in expected
    ]


@pytest.mark.parametrize(
    ("source", "date_from", "date_to"),
    [("harbourgazette.co.uk", "", ""), ("www.HarbourGazette.co.uk", "2024", "2024-06"),
     ("", "2023", "2023-12-31"), ("", "2024-06", ""), ("nowhere.example", "", "")],
)  # fmt: skip
def test_the_search_query_filters_as_archive_search_does(
    site: Any, seeded: Engine, source: str, date_from: str, date_to: str
) -> None:
    found = rows(
        site, f"/archive/search.json?q=the+OR+harbour&source={source}&from={date_from}&to={date_to}"
    )
    filters = Filters(
        text=parse_query("the OR harbour"),
        sources=(source,) if source else (),
        date_from=parse_partial_date(date_from) if date_from else None,
        date_to=parse_partial_date(date_to) if date_to else None,
    )
    with seeded.connect() as connection:
        expected = [summary.id for summary in search_documents(connection, filters, limit=None)]
    assert [row["id"] for row in found] == expected
    assert expected or source == "nowhere.example"


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_find_nothing_or_something_but_never_fail(site: Any, query: str) -> None:
    for path in ("/archive/search.json?q=", "/archive/articles.json?_search="):
        (response,) = fetch(site, path + _quoted(query))
        assert response.status_code == 200, (path, query, response.text[:200])
    assert archive_fts(query).count('"') % 2 == 0


def test_a_query_with_nothing_to_search_for_matches_nothing(site: Any) -> None:
    assert rows(site, "/archive/search.json?q=") == []
    assert rows(site, "/archive/search.json?q=-harbour") == []
    assert rows(site, "/archive/search.json?q=%2A") == []


def test_the_articles_view_searches_in_the_archives_grammar(site: Any) -> None:
    everything = rows(site, "/archive/articles.json?_size=max")
    assert len(everything) == 28
    assert [row["id"] for row in rows(site, "/archive/articles.json?_search=harbour")] == [
        HARBOUR_ID
    ]
    assert [row["id"] for row in rows(site, "/archive/articles.json?_search=harb%2A")] == [
        HARBOUR_ID
    ]
    assert rows(site, "/archive/articles.json?_search=harbour+-council") == []
    # Newest first, as the metadata sorts it.
    published = [row["published"] for row in everything]
    assert published == sorted(published, reverse=True)


def test_the_articles_view_has_facets_on_source_language_year_and_month(site: Any) -> None:
    (response,) = fetch(site, "/archive/articles.json?_size=0")
    facets = response.json()["facet_results"]
    assert set(facets) == {"source", "language", "year", "month"}
    years = {value["value"]: value["count"] for value in facets["year"]["results"]}
    assert years["2024"] == 7
    (page,) = fetch(site, "/archive/articles?source=harbourgazette.co.uk")
    assert "Council approves" in page.text and "1 row" in page.text


def test_the_article_page_shows_the_text_flags_versions_and_original(site: Any) -> None:
    (page,) = fetch(site, f"/-/article/{HARBOUR_ID}")
    assert page.status_code == 200
    text = page.text
    assert "<h1>Council approves £4.2m repairs to the harbour wall</h1>" in text
    assert "<p>Councillors voted on Tuesday evening" in text
    assert "text_cleaned" in text and "harbourgazette.co.uk" in text
    assert "<h2>Versions</h2>" in text and "<table>" in text  # the earlier crawl
    assert f'href="/-/article/{HARBOUR_ID}/original"' in text


def test_the_original_is_served_as_text_and_as_its_bytes(site: Any, seeded: Engine) -> None:
    with seeded.connect() as connection:
        original = get_original(connection, 1)
    as_text, as_bytes = fetch(site, "/-/article/1/original", "/-/article/1/original?download")
    assert as_text.headers["content-type"].startswith("text/plain")
    assert SEED_TITLE in as_text.text
    assert as_bytes.content == original


def test_missing_articles_are_404(site: Any) -> None:
    for path in ("/-/article/99999", "/-/article/99999/original", "/-/article/x"):
        (response,) = fetch(site, path)
        assert response.status_code == 404


def test_links_replace_compressed_originals_and_ids_open_articles(site: Any) -> None:
    documents, search, versions = fetch(
        site, "/archive/documents/2", "/archive/search?q=harbour", "/archive/document_versions"
    )
    assert "the file as imported" in documents.text
    with sqlite3.connect(site.get_database("archive").path) as connection:
        blob = connection.execute("SELECT original FROM documents WHERE id = 2").fetchone()[0]
    assert base64.b64encode(blob).decode()[:40] not in documents.text
    assert f'<a href="/-/article/{HARBOUR_ID}">{HARBOUR_ID}</a>' in search.text
    assert f'<a href="/-/article/{HARBOUR_ID}">{HARBOUR_ID}</a>' in versions.text


def test_the_canned_queries_answer_the_common_questions(
    site: Any, seeded: Engine, tmp_path: Path
) -> None:
    latest = rows(site, "/archive/latest.json")
    assert len(latest) == 28 and latest[0]["published"] == max(r["published"] for r in latest)
    timeline = rows(site, "/archive/source_timeline.json?source=harbourgazette.co.uk")
    assert timeline == [{"month": "2024-06", "articles": 1}]
    flagged = rows(site, "/archive/flagged_dates.json")
    assert flagged and all(row["flags"] for row in flagged)
    assert any("placeholder_date" in row["flags"] for row in flagged)
    assert rows(site, "/archive/duplicates.json") == []
    story = "The council voted on Tuesday to close the old market hall for repairs. " * 8
    for number, outlet in enumerate(("one.example", "two.example", "three.example")):
        write(tmp_path / "wire", f"{number}.txt", f" date 2024-03-0{number + 1} https://{outlet}/a\n"
              f"Market hall to close\n{story}\nFrom {outlet}.\n")  # fmt: skip
    run_import(seeded, tmp_path / "wire")
    (cluster,) = rows(site, "/archive/duplicates.json")
    assert cluster["size"] == 3 and cluster["source"] == "one.example"
    members = rows(site, f"/archive/duplicate_clusters.json?cluster_id={cluster['cluster']}")
    assert len(members) == 3


def test_arbitrary_sql_can_be_turned_off_while_canned_queries_work(
    seeded: Engine, database_path: Path
) -> None:
    closed = make_datasette(database_path, allow_sql=False)
    arbitrary, canned, table = fetch(
        closed, "/archive.json?sql=select+1", "/archive/search.json?q=harbour", "/archive/articles"
    )
    assert arbitrary.status_code == 403
    assert canned.status_code == table.status_code == 200
    open_ = make_datasette(database_path, allow_sql=True)
    (allowed,) = fetch(open_, "/archive.json?sql=select+1")
    assert allowed.status_code == 200


def test_the_chart_page_draws_the_counts(site: Any) -> None:
    by_month, by_year, wrong = fetch(site, "/-/chart", "/-/chart?by=year", "/-/chart?by=decade")
    assert by_month.status_code == by_year.status_code == wrong.status_code == 200
    assert "<svg" in by_month.text and "dailyledger.com" in by_month.text
    assert "9 other sources" in by_month.text
    assert "articles per year" in by_year.text
    assert "Articles per month" in wrong.text


def _quoted(text: str) -> str:
    from urllib.parse import quote

    return quote(text, safe="")
