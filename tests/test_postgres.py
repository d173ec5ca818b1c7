"""The same models, migrations, import and queries on PostgreSQL.

These tests use the server at 127.0.0.1:5432 (override with
ARCHIVE_TEST_POSTGRES) through the ``pg_engine`` fixture, and skip when it
cannot be reached.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import Engine, func, inspect, select, text
from sqlalchemy.orm import Session

from archive.dates import parse_partial_date
from archive.errors import DatabaseError
from archive.ingest import importer as importing
from archive.search import articles
from archive.search.articles import count_documents, search_documents
from archive.search.documents import get_document
from archive.search.filters import Filters
from archive.search.fulltext.base import SNIPPET_END, SNIPPET_START
from archive.search.grammar import parse_query
from archive.search.stats import count_by_period
from archive.store.documents import original_bytes
from archive.store.engine import alembic_config, for_writing, open_database
from archive.store.maintenance import check_database, optimize_index, rebuild_index
from archive.store.models import Document, DocumentVersion
from tests.conftest import POSTGRES_SERVER, SEED_FILE, SEED_TITLE, SEEDS, run_import, write

pytestmark = pytest.mark.postgres


def test_migrations_match_the_models(pg_engine: Engine) -> None:
    assert "articles" in inspect(pg_engine).get_view_names()
    with for_writing(pg_engine).begin() as connection:
        command.check(alembic_config(connection))


def test_import_and_query_seeds(pg_engine: Engine) -> None:
    summary = run_import(pg_engine, SEEDS)
    assert summary.counts == {
        "imported": 28, "updated": 1, "unchanged": 0, "duplicate": 2, "rejected": 0, "skipped": 0,
    }  # fmt: skip
    again = run_import(pg_engine, SEEDS)
    assert again.counts["unchanged"] == 31
    with Session(pg_engine) as session:
        assert session.scalar(select(func.count()).select_from(Document)) == 28
        assert session.scalar(select(func.count()).select_from(DocumentVersion)) == 1
        june = Filters(
            date_from=parse_partial_date("2024-06"),
            date_to=parse_partial_date("2024-06"),
            sources=("sputnikglobe.com",),
        )
        [found] = search_documents(session, june)
        assert found.title == SEED_TITLE
        document = get_document(session, str(found.id))
        assert document.body.startswith("Most moves by the West")
        stored, codec = session.execute(
            select(Document.original, Document.original_codec).where(Document.id == found.id)
        ).one()
        assert original_bytes(stored, codec) == SEED_FILE.read_bytes()
        months = count_by_period(session, june, by="month")
        assert [(row.period, row.articles) for row in months.rows] == [("2024-06", 1)]


def test_text_search(pg_engine: Engine) -> None:
    run_import(pg_engine, SEEDS)
    with Session(pg_engine) as session:

        def ids(text: str, **filters: object) -> list[int]:
            query = Filters(text=parse_query(text), **filters)  # type: ignore[arg-type]
            return [result.id for result in search_documents(session, query)]

        assert ids("ultimatum") == [1]
        assert ids('"undercover negotiations"') == [1]
        assert ids("прошел") == ids("прошёл") == [6]
        assert ids("harbour") == [2]
        assert sorted(ids("title:harbour OR title:lavrov")) == [1, 2]
        assert ids("lavrov -belarussian") == []
        assert ids("ultim*") == [1]
        assert ids("ultimatum", sources=("rt.com",)) == []
        [result] = search_documents(session, Filters(text=parse_query('"undercover negotiations"')))
        assert result.snippet is not None and "undercover" in result.snippet
        assert result.rank is not None and result.rank > 0
        assert count_documents(session, Filters(text=parse_query("the"))) > 10
    with pg_engine.begin() as connection:
        assert check_database(connection) == []
        assert rebuild_index(connection) == 28
        optimize_index(connection)


def test_search_plans_agree(pg_engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    run_import(pg_engine, SEEDS)
    common = Filters(text=parse_query("the"))
    with Session(pg_engine) as session:

        def ids(**options: Any) -> list[int]:
            return [result.id for result in search_documents(session, common, **options)]

        newest, everything = ids(sort="newest", limit=None), ids(limit=None)
        monkeypatch.setattr(articles, "STREAM_MIN", 1)
        monkeypatch.setattr(articles, "STREAM_SHARE", 10**9)
        assert ids(sort="newest", limit=None) == newest
        monkeypatch.setattr(articles, "RANK_CANDIDATES", 3)
        assert set(ids(limit=None)) == set(sorted(everything)[-3:])
        assert count_documents(session, common, cap=3) == 3


def test_ranks_and_snippets_have_the_same_form_on_both_backends(
    pg_engine: Engine, seeded: Engine
) -> None:
    run_import(pg_engine, SEEDS)
    found = {}
    for name, engine in (("postgresql", pg_engine), ("sqlite", seeded)):
        with engine.connect() as connection:
            found[name] = search_documents(
                connection, Filters(text=parse_query("harbour OR ultimatum OR the"))
            )
    for results in found.values():
        assert results and all(0 < (result.rank or 0) < 1 for result in results)
        ranks = [result.rank for result in results]
        assert ranks == sorted(ranks, reverse=True)
    # Both cut the text short the same way: … where the passage does not reach its end.
    [sqlite_snippet] = [r.snippet for r in found["sqlite"] if r.id == 2]
    [postgres_snippet] = [r.snippet for r in found["postgresql"] if r.id == 2]
    for snippet in (sqlite_snippet, postgres_snippet):
        assert snippet is not None and snippet.endswith("…")
        assert f"{SNIPPET_START}harbour{SNIPPET_END}" in snippet


def _article(number: int, version: int = 1) -> str:
    url = f"https://news{number % 7}.example.com/story-{number}" if number % 5 else ""
    words = " ".join(f"word{(number * 13 + k) % 97}" for k in range(60))
    return (
        f" date 2024-0{1 + number % 9}-1{number % 9} {url}\n"
        f"Headline number {number}\n"
        f"The story number {number}, told for the {version}. time. {words}.\n"
    )


@pytest.mark.slow
def test_concurrent_importers_neither_lose_nor_duplicate(pg_engine: Engine, tmp_path: Path) -> None:
    """Four imports of overlapping folders at once, with readers searching meanwhile."""
    folders = {name: tmp_path / name for name in "abcd"}
    numbers = {"a": range(0, 150), "b": range(100, 250), "c": range(0, 250), "d": range(50, 200)}
    for name, span in numbers.items():
        for number in span:
            write(folders[name], f"{number}.txt", _article(number))
        # The same URLs re-crawled with new text, and copies under other names.
        for number in span[:10]:
            if number % 5:
                write(folders[name], f"{number}-again.txt", _article(number, version=2))
            write(folders[name], f"copy-{number}.txt", _article(number))
    reference = open_database(f"sqlite:///{tmp_path / 'reference.db'}", create=True)
    for folder in folders.values():
        run_import(reference, folder)
    url = pg_engine.url.render_as_string(hide_password=False)
    importers = [
        subprocess.Popen(
            [sys.executable, "-m", "archive", "--db", url, "import", "--workers", "0",
             "--batch-size", "10", str(folder)],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        )
        for folder in folders.values()
    ]  # fmt: skip
    searches = 0
    while any(importer.poll() is None for importer in importers):
        with pg_engine.connect() as connection:
            count_documents(connection, Filters(text=parse_query("word5")))
            search_documents(connection, Filters(text=parse_query("headline")))
        searches += 1
    for importer in importers:
        output = importer.communicate()[0].decode()
        assert importer.returncode == 0, output
        assert " 0 rejected" in output
    assert searches > 0

    def stored(engine: Engine) -> list[tuple[Any, ...]]:
        """Each document with every text it has had: which one is current depends on the
        order in which the importers reached the re-crawls."""
        with engine.connect() as connection:
            texts = connection.execute(
                select(DocumentVersion.document_id, DocumentVersion.text_sha256)
            ).all()
            documents = connection.execute(
                select(Document.id, Document.canonical_url, Document.text_sha256)
            ).all()
        earlier: dict[int, set[str]] = {}
        for document_id, text_sha256 in texts:
            earlier.setdefault(document_id, set()).add(text_sha256)
        return sorted(
            (row.canonical_url or "", tuple(sorted({row.text_sha256} | earlier.get(row.id, set()))))
            for row in documents
        )

    assert stored(pg_engine) == stored(reference)
    reference.dispose()


def test_a_long_import_refreshes_the_planners_statistics(
    pg_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Without statistics, the look-ups of each batch would scan the growing tables whole.
    monkeypatch.setattr(importing, "STATISTICS_FIRST", 10)
    run_import(pg_engine, SEEDS, batch_size=4, workers=0)  # 31 files: after 12 and 20
    with pg_engine.connect() as connection:
        analyzed = connection.execute(
            text(
                "SELECT relname, analyze_count FROM pg_stat_user_tables "
                "WHERE relname IN ('documents', 'import_items') ORDER BY relname"
            )
        ).all()
    assert analyzed == [("documents", 2), ("import_items", 2)]


def test_a_missing_database_says_how_to_create_it(server: Any) -> None:
    url = f"{POSTGRES_SERVER}/archive_test_missing"
    with pytest.raises(DatabaseError, match="create it first, for example with 'createdb "):
        open_database(url, create=True)
