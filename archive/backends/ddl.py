"""SQL that every backend's schema shares: the views and the counts' statements."""

from __future__ import annotations

from archive.search.grammar import FOLDS

ARTICLES_VIEW = """
CREATE VIEW articles AS
SELECT
    documents.id AS id,
    documents.published AS published,
    documents.date_precision AS date_precision,
    sources.domain AS source,
    documents.host AS host,
    documents.url AS url,
    documents.title AS title,
    documents.body AS body,
    documents.word_count AS word_count,
    documents.language AS language,
    substr(documents.published, 1, 4) AS year,
    CASE WHEN documents.date_precision = 'year' THEN NULL
        ELSE substr(documents.published, 1, 7) END AS month
FROM documents
LEFT JOIN sources ON sources.id = documents.source_id
"""
"""Articles with their source's domain, for people who open the file in sqlite3 or Datasette.

``year`` and ``month`` (``2024-06``; NULL for a date known only to the year) are there to
group and facet by."""

DUPLICATE_CLUSTERS_VIEW = """
CREATE VIEW duplicate_clusters AS
SELECT cluster_id, document_id, similarity
FROM duplicate_members
"""
"""Each near-duplicate cluster's documents, one row each; ``cluster_id`` is its first document."""

_COUNT_KEY = "(source_key, published, date_precision)"


def folded(column: str) -> str:
    """The column as the full-text index reads it: with ё as е (see FOLDS)."""
    for letter, written_as in FOLDS.items():
        column = f"replace({column}, '{letter}', '{written_as}')"
    return column


def count_added(row: str) -> str:
    """The statement that counts ``row`` (``new``, ``NEW``) in ``document_counts``."""
    return (
        f"INSERT INTO document_counts {_COUNT_KEY[:-1]}, documents) "
        f"VALUES (coalesce({row}.source_id, 0), {row}.published, {row}.date_precision, 1) "
        f"ON CONFLICT {_COUNT_KEY} DO UPDATE SET documents = document_counts.documents + 1;"
    )


def count_removed(row: str) -> str:
    """The statement that stops counting ``row`` (``old``, ``OLD``) in ``document_counts``."""
    return (
        "UPDATE document_counts SET documents = documents - 1 "
        f"WHERE source_key = coalesce({row}.source_id, 0) AND published = {row}.published "
        f"AND date_precision = {row}.date_precision;"
    )
