"""Reclean on both backends: every stored text, current or earlier, cleaned with its own source."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select, update

from archive.store.documents import DOCUMENTS, SOURCES, VERSIONS
from archive.store.engine import open_database
from archive.store.maintenance import reclean
from tests.conftest import run_import, write

# Each source's site-name line is removed only when the text is cleaned with that source:
# an earlier version cleaned with another document's source keeps it.
CRAWLS = {
    "1_harbour.txt": " date 2024-03-01 https://harbourgazette.co.uk/news/port-strike\n"
    "Port strike ends after nine days\nHarbour Gazette\n"
    "The strike at the port ended on Monday.\nDockers return to work today.",
    "2_rhein.txt": " date 2024-03-02 https://rheinkurier.de/politik/wahl\n"
    "Wahl verschoben\nRheinkurier\nDie Wahl im Kreis wurde verschoben.\nDer Rat tagt im Mai.",
    "3_harbour.txt": " date 2024-03-01 https://harbourgazette.co.uk/news/port-strike\n"
    "Port strike ends after nine days\nHarbour Gazette\n"
    "The strike at the port ended on Monday night.\nDockers return to work today.",
    "4_rhein.txt": " date 2024-03-02 https://rheinkurier.de/politik/wahl\n"
    "Wahl verschoben\nRheinkurier\nDie Wahl im Kreis wurde auf Juni verschoben.\n"
    "Der Rat tagt im Mai.",
}
TEXT_COLUMNS = ("title", "body", "word_count", "cleaning", "language", "text_cleaned")


def texts(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every stored text with the domain of its document's source, in a stable order."""
    with engine.connect() as connection:
        documents = connection.execute(
            select(SOURCES.c.domain, *(DOCUMENTS.c[name] for name in TEXT_COLUMNS))
            .join(SOURCES, SOURCES.c.id == DOCUMENTS.c.source_id)
            .order_by(DOCUMENTS.c.canonical_url)
        )
        versions = connection.execute(
            select(SOURCES.c.domain, *(VERSIONS.c[name] for name in TEXT_COLUMNS))
            .join(DOCUMENTS, DOCUMENTS.c.id == VERSIONS.c.document_id)
            .join(SOURCES, SOURCES.c.id == DOCUMENTS.c.source_id)
            .order_by(DOCUMENTS.c.canonical_url, VERSIONS.c.id)
        )
        return {
            "documents": [tuple(row) for row in documents],
            "versions": [tuple(row) for row in versions],
        }


def import_and_reclean(engine: Engine, folder: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Import the crawls, make every stored text stale, reclean, and return the texts."""
    for name, text in CRAWLS.items():
        write(folder, name, text)
    summary = run_import(engine, folder)
    assert summary.counts["imported"] == 2 and summary.counts["updated"] == 2
    imported = texts(engine)
    with engine.begin() as connection:
        for table in (DOCUMENTS, VERSIONS):
            connection.execute(update(table).values(body="stale", word_count=1, cleaning=None))
    result = reclean(engine, batch_size=1)
    assert (result.checked, result.changed, result.unreadable) == (4, 4, 0)
    recleaned = texts(engine)
    assert recleaned == imported
    return recleaned


def test_reclean_cleans_earlier_versions_with_their_own_source(
    engine: Engine, tmp_path: Path
) -> None:
    recleaned = import_and_reclean(engine, tmp_path / "crawl")
    for domain, _title, body, *_ in recleaned["documents"] + recleaned["versions"]:
        assert not body.startswith(("Harbour Gazette", "Rheinkurier")), (domain, body)
    assert [row[0] for row in recleaned["versions"]] == ["harbourgazette.co.uk", "rheinkurier.de"]


@pytest.mark.postgres
def test_reclean_gives_the_same_texts_on_sqlite_and_postgresql(
    pg_engine: Engine, tmp_path: Path
) -> None:
    sqlite_engine = open_database(f"sqlite:///{tmp_path / 'both.db'}", create=True)
    try:
        on_sqlite = import_and_reclean(sqlite_engine, tmp_path / "crawl")
    finally:
        sqlite_engine.dispose()
    assert import_and_reclean(pg_engine, tmp_path / "crawl") == on_sqlite
