"""A news article archive in one SQLite file.

The library does everything the ``archive`` command does::

    from sqlalchemy.orm import Session
    from archive import Filters, ImportOptions, import_files, iter_input_files
    from archive import open_database, parse_partial_date, search_documents

    engine = open_database("sqlite:///archive.db", create=True)
    import_files(engine, iter_input_files(["seeds/"]), ImportOptions())
    with Session(engine) as session:
        june = Filters(date_from=parse_partial_date("2024-06"),
                       date_to=parse_partial_date("2024-06"))
        for article in search_documents(session, june):
            print(article.published, article.source, article.title)
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

"""The name this package is installed under (``pip install news-archive``)."""

if TYPE_CHECKING:
    __version__: str
    from archive.dates import PartialDate, parse_partial_date
    from archive.errors import ArchiveError, FileRejected
    from archive.ingest.decode import DecodedText, decode
    from archive.ingest.importer import FileOutcome, ImportOptions, ImportSummary, import_files
    from archive.ingest.inputs import FileFilter, iter_input_files
    from archive.ingest.mapping import load_url_map
    from archive.ingest.parse import ParsedArticle, parse_article
    from archive.search.articles import DocumentSummary, count_documents, search_documents
    from archive.search.documents import DocumentDetail, get_document
    from archive.search.filters import Filters
    from archive.search.sources import list_sources
    from archive.search.stats import count_by_period
    from archive.store.engine import database_url, make_engine, open_database, upgrade
    from archive.urls import canonical_url, registrable_domain

# Each name is imported from its module when first used, so that a command that
# only searches does not load what importing needs.
_MODULES = {
    "PartialDate": "dates", "parse_partial_date": "dates",
    "database_url": "store.engine", "make_engine": "store.engine",
    "open_database": "store.engine", "upgrade": "store.engine",
    "DecodedText": "ingest.decode", "decode": "ingest.decode",
    "ArchiveError": "errors", "FileRejected": "errors",
    "FileOutcome": "ingest.importer", "ImportOptions": "ingest.importer",
    "ImportSummary": "ingest.importer", "import_files": "ingest.importer",
    "FileFilter": "ingest.inputs", "iter_input_files": "ingest.inputs",
    "load_url_map": "ingest.mapping",
    "ParsedArticle": "ingest.parse", "parse_article": "ingest.parse",
    "DocumentSummary": "search.articles", "count_documents": "search.articles",
    "search_documents": "search.articles",
    "DocumentDetail": "search.documents", "get_document": "search.documents",
    "Filters": "search.filters", "list_sources": "search.sources",
    "count_by_period": "search.stats",
    "canonical_url": "urls", "registrable_domain": "urls",
}  # fmt: skip

__all__ = [
    "ArchiveError",
    "DecodedText",
    "DocumentDetail",
    "DocumentSummary",
    "FileFilter",
    "FileOutcome",
    "FileRejected",
    "Filters",
    "ImportOptions",
    "ImportSummary",
    "ParsedArticle",
    "PartialDate",
    "canonical_url",
    "count_by_period",
    "count_documents",
    "database_url",
    "decode",
    "get_document",
    "import_files",
    "iter_input_files",
    "list_sources",
    "load_url_map",
    "make_engine",
    "open_database",
    "parse_article",
    "parse_partial_date",
    "registrable_domain",
    "search_documents",
    "upgrade",
]


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from archive.version import installed_version

        return installed_version()
    if name not in _MODULES:
        raise AttributeError(f"module 'archive' has no attribute {name!r}")
    return getattr(importlib.import_module(f"archive.{_MODULES[name]}"), name)
