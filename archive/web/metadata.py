"""What Datasette shows of an archive: titles, hidden tables, facets, sorts and canned queries.

Plain data, no Datasette: :func:`metadata` is the ``metadata`` argument of its constructor.
The canned queries call the SQL functions that :mod:`archive.web.plugin` registers.
"""

from __future__ import annotations

from typing import Any

from archive.limits import RANK_CANDIDATES
from archive.search.fulltext.sqlite import SNIPPET_TOKENS, TITLE_WEIGHT

SHOWN_ROWS = 1_000
"""The most rows a page or a canned query shows (Datasette's ``max_returned_rows``)."""

HIDDEN_TABLES = (
    "alembic_version",
    "document_counts",
    "document_signatures",
    "documents_to_compare",
    "duplicate_members",
    "settings",
)
"""Bookkeeping that the archive keeps for itself; the full-text index's tables hide anyway."""

DATE_FLAGS = ("date_conflict", "placeholder_date", "future_date", "early_date")

_FLAG_NAMES = " || ".join(f"CASE WHEN d.{flag} THEN '{flag} ' ELSE '' END" for flag in DATE_FLAGS)

SEARCH = f"""
WITH candidates AS MATERIALIZED (
    -- The most recently imported matches, as 'archive search' ranks them.
    SELECT documents_fts.rowid AS id
    FROM documents_fts
    JOIN documents AS d ON d.id = documents_fts.rowid
    LEFT JOIN sources AS s ON s.id = d.source_id
    WHERE documents_fts MATCH archive_fts(:q)
      AND (:source = '' OR s.domain = archive_domain(:source))
      AND (:from = '' OR d.published >= archive_date_start(:from))
      AND (:to = '' OR d.published <= archive_date_end(:to))
    ORDER BY documents_fts.rowid DESC
    LIMIT {RANK_CANDIDATES}
),
ranked AS MATERIALIZED (
    -- The unary + keeps FTS5 from seeking each id, which costs a whole query each.
    SELECT documents_fts.rowid AS id, bm25(documents_fts, {TITLE_WEIGHT}, 1.0) AS score
    FROM documents_fts
    JOIN documents AS d ON d.id = documents_fts.rowid
    WHERE documents_fts MATCH archive_fts(:q) AND +documents_fts.rowid IN candidates
    ORDER BY score, d.published DESC, d.id DESC
    LIMIT {SHOWN_ROWS}
),
snippets AS MATERIALIZED (
    SELECT
        documents_fts.rowid AS id,
        archive_one_line(snippet(documents_fts, -1, '[', ']', '…', {SNIPPET_TOKENS})) AS snippet
    FROM documents_fts
    WHERE documents_fts MATCH archive_fts(:q) AND +documents_fts.rowid IN (SELECT id FROM ranked)
)
SELECT d.id, d.published, s.domain AS source, d.title, snippets.snippet
FROM ranked
JOIN documents AS d ON d.id = ranked.id
LEFT JOIN sources AS s ON s.id = d.source_id
JOIN snippets ON snippets.id = ranked.id
ORDER BY ranked.score, d.published DESC, d.id DESC
"""
"""The archive's own search: its query grammar, its ranking and its snippets."""

QUERIES: dict[str, dict[str, Any]] = {
    "search": {
        "title": "Search the articles",
        "description": (
            'Words must all appear; "exact phrases", prefix*, a OR b, -excluded and '
            "title:word work as in 'archive search'. Best matches first. Source is a "
            "domain (bbc.co.uk); dates are YYYY, YYYY-MM or YYYY-MM-DD."
        ),
        "sql": SEARCH,
        "params": ["q", "source", "from", "to"],
        "hide_sql": True,
    },
    "latest": {
        "title": "Latest articles",
        "description": f"The {SHOWN_ROWS} most recently published articles.",
        "sql": (
            "SELECT id, published, source, title, language, word_count FROM articles "
            f"ORDER BY published DESC, id DESC LIMIT {SHOWN_ROWS}"
        ),
        "hide_sql": True,
    },
    "source_timeline": {
        "title": "A source's timeline",
        "description": "Articles per month of one source, given by its domain (bbc.co.uk).",
        "sql": """
SELECT substr(c.published, 1, 7) AS month, sum(c.documents) AS articles
FROM document_counts AS c
JOIN sources AS s ON s.id = c.source_key
WHERE s.domain = archive_domain(:source) AND c.date_precision != 'year' AND c.documents > 0
GROUP BY month
ORDER BY month
""",
        "params": ["source"],
        "hide_sql": True,
    },
    "flagged_dates": {
        "title": "Articles with doubtful dates",
        "description": (
            "Articles whose date disagrees with their URL's, is a placeholder (1970-01-01), "
            "lies in the future or is implausibly early; newest first."
        ),
        "sql": f"""
SELECT d.id, d.published, s.domain AS source, d.title, rtrim({_FLAG_NAMES}) AS flags,
    d.date_source, d.url_date
FROM documents AS d
LEFT JOIN sources AS s ON s.id = d.source_id
WHERE {" OR ".join(f"d.{flag}" for flag in DATE_FLAGS)}
ORDER BY d.published DESC, d.id DESC
LIMIT {SHOWN_ROWS}
""",
        "hide_sql": True,
    },
    "duplicates": {
        "title": "Near-duplicate clusters",
        "description": (
            "Articles re-published with small edits, largest clusters first; the cluster's "
            "id is its oldest article, the likely original."
        ),
        "sql": f"""
SELECT m.cluster_id AS cluster, count(*) AS size, d.published, s.domain AS source, d.title
FROM duplicate_members AS m
JOIN documents AS d ON d.id = m.cluster_id
LEFT JOIN sources AS s ON s.id = d.source_id
GROUP BY m.cluster_id
HAVING count(*) > 1
ORDER BY size DESC, m.cluster_id
LIMIT {SHOWN_ROWS}
""",
        "hide_sql": True,
    },
}
"""The common questions, answered in one click; they work with arbitrary SQL off."""

SETTINGS = {
    "max_returned_rows": SHOWN_ROWS,
    "default_page_size": 50,
    "truncate_cells_html": 300,
    "sql_time_limit_ms": 3_000,
    "facet_time_limit_ms": 1_000,
}
"""Datasette's settings for an archive: long bodies cut short in tables, time for facets."""


def metadata(name: str, *, path: str, allow_sql: bool) -> dict[str, Any]:
    """Datasette's metadata for the archive served as database ``name``, at URL ``path``."""
    hidden: dict[str, Any] = {table: {"hidden": True} for table in HIDDEN_TABLES}
    welcome = (
        "Articles imported by <code>archive</code>. Start with "
        f'<a href="{path}/search">the search</a>, browse '
        f'<a href="{path}/articles">the articles</a>, or see '
        '<a href="/-/chart">articles over time</a>.'
    )
    return {
        "title": "News archive",
        "description_html": welcome,
        "allow_sql": allow_sql,
        "databases": {
            name: {
                "description_html": welcome,
                "tables": {
                    **hidden,
                    "articles": {
                        "description": (
                            "Every article, newest first, with its source's domain. "
                            "Search it, facet it, or open an article by its id."
                        ),
                        "fts_table": "documents_fts",
                        "fts_pk": "id",
                        "facets": ["source", "language", "year", "month"],
                        "sort_desc": "published",
                    },
                    "documents": {
                        "description": (
                            "The current text of each article, with how it was decoded, "
                            "cleaned and dated; 'original' links to the file as imported."
                        ),
                        "fts_table": "documents_fts",
                        "sort_desc": "published",
                    },
                    "document_versions": {
                        "description": "Earlier texts of articles, each replaced by a re-crawl."
                    },
                    "sources": {"description": "Publishers, each by its registrable domain."},
                    "import_runs": {"description": "Each import: when, from where, how it ended."},
                    "import_items": {"description": "Each file an import read, and its outcome."},
                    "duplicate_clusters": {
                        "description": (
                            "Near-duplicate clusters: one row per article, with its similarity "
                            "to the cluster."
                        ),
                    },
                },
                "queries": QUERIES,
            }
        },
        "plugins": {"archive": {"database": name}},
    }
