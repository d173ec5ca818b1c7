"""The Datasette plugin: the archive's query grammar in SQL, links, and the article pages.

Registered by :func:`archive.web.app.make_datasette` for the database it serves, named in
the metadata's ``plugins.archive.database``; other databases are left as Datasette shows them.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from markupsafe import Markup
from pluggy import HookimplMarker

from archive.dates import parse_partial_date
from archive.errors import ArchiveError
from archive.search.fulltext.sqlite import fts5_query
from archive.search.grammar import parse_query
from archive.urls import normalize_domain, registrable_domain
from archive.web import pages
from archive.web.pages import served_database

hookimpl = HookimplMarker("datasette")
"""Datasette's own marker (datasette.hookimpl), from pluggy, which has types."""

NOTHING = '""'
"""An FTS5 expression that matches no document: what a query with nothing to search becomes."""


def archive_fts(query: str | None) -> str:
    """The FTS5 expression of a query in the archive's grammar, every term quoted."""
    try:
        return fts5_query(parse_query(query or ""))
    except ArchiveError:
        return NOTHING


def archive_domain(name: str | None) -> str | None:
    """The registrable domain that a source's name stands for; None when it is not one."""
    try:
        return registrable_domain(normalize_domain(name or ""))
    except ArchiveError:
        return None


def archive_date_start(text: str | None) -> str | None:
    """The first day of ``2024``, ``2024-06`` or ``2024-06-24``; None when it is not a date."""
    try:
        return parse_partial_date(text or "").iso
    except ArchiveError:
        return None


def archive_date_end(text: str | None) -> str | None:
    """The last day of ``2024``, ``2024-06`` or ``2024-06-24``; None when it is not a date."""
    try:
        return parse_partial_date(text or "").end.isoformat()
    except ArchiveError:
        return None


def archive_one_line(text: str | None) -> str | None:
    """``text`` on one line, every run of white space one space, as snippets are shown."""
    return None if text is None else " ".join(text.split())


@hookimpl(trylast=True)
def prepare_connection(conn: sqlite3.Connection, database: str, datasette: Any) -> None:
    if database != served_database(datasette):
        return
    for function in (
        archive_fts,
        archive_domain,
        archive_date_start,
        archive_date_end,
        archive_one_line,
    ):
        conn.create_function(function.__name__, 1, function, deterministic=True)
    # Datasette's ?_search= calls escape_fts: in the archive it speaks the archive's grammar.
    conn.create_function("escape_fts", 1, archive_fts, deterministic=True)


@hookimpl
def render_cell(
    row: Any, value: Any, column: str, table: str | None, database: str, datasette: Any
) -> Markup | None:
    name = served_database(datasette)
    if database != name or value is None:
        return None
    keys = set(row.keys())
    if column == "original" and table == "documents" and "id" in keys:
        return Markup('<a href="/-/article/{0}/original">the file as imported</a>').format(
            row["id"]
        )
    if column == "original" and table == "document_versions":
        return Markup("<em>kept; see the article's page</em>")
    if column == "id" and table in (None, "articles") and "title" in keys:
        return Markup('<a href="/-/article/{0}">{0}</a>').format(value)
    if column == "document_id" and table in ("duplicate_clusters", "document_versions"):
        # A foreign key arrives as {"value": 2, "label": "its title"}.
        number, label = (value["value"], value["label"]) if isinstance(value, dict) else (value, "")
        return Markup('<a href="/-/article/{0}">{0}</a> {1}').format(number, label or "")
    if column == "cluster" and table is None:
        link = datasette.urls.table(name, "duplicate_clusters") + f"?cluster_id={int(value)}"
        return Markup('<a href="{0}">{1}</a>').format(link, value)
    return None


@hookimpl
def register_routes() -> list[tuple[str, Any]]:
    return [
        (r"^/-/article/(?P<id>[0-9]{1,18})$", pages.article),
        (r"^/-/article/(?P<id>[0-9]{1,18})/original$", pages.original),
        (r"^/-/chart$", pages.chart),
    ]


@hookimpl
def menu_links(datasette: Any) -> list[dict[str, str]]:
    name = served_database(datasette)
    if name is None:
        return []
    return [
        {"href": datasette.urls.query(name, "search"), "label": "Search the articles"},
        {"href": "/-/chart", "label": "Articles over time"},
    ]
