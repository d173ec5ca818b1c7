"""Listing clusters of near-duplicates: which articles are the same story, re-published."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, func, or_, select
from sqlalchemy.orm import Session

from archive.errors import InvalidOption
from archive.search.filters import Filters, connection_of, filter_conditions
from archive.store.clusters import MEMBERS, duplicate_threshold
from archive.store.tables import documents, sources

CLUSTER_FIELDS = ("cluster", "size", "id", "published", "source", "similarity", "title", "url")
"""The fields of each article in a cluster, as CSV writes them: one row per article."""


@dataclass(frozen=True)
class ClusterArticle:
    """One article of a cluster."""

    id: int
    published: str
    source: str | None
    title: str
    url: str | None
    similarity: float
    """To the most similar earlier article of the cluster; 1 for its first article."""


@dataclass(frozen=True)
class Cluster:
    """Articles that are one story, oldest first: the first is the likely original."""

    id: int
    articles: list[ClusterArticle]

    @property
    def size(self) -> int:
        return len(self.articles)

    def as_dict(self) -> dict[str, object]:
        return {
            "cluster": self.id,
            "size": self.size,
            "ids": [article.id for article in self.articles],
            "articles": [_record(article) for article in self.articles],
        }

    def rows(self) -> list[dict[str, object]]:
        """One record per article, with the cluster's id and size, in CLUSTER_FIELDS."""
        return [
            {"cluster": self.id, "size": self.size, **_record(article)} for article in self.articles
        ]


def _record(article: ClusterArticle) -> dict[str, object]:
    return {
        "id": article.id,
        "published": article.published,
        "source": article.source,
        "similarity": round(article.similarity, 3),
        "title": article.title,
        "url": article.url,
    }


def list_clusters(
    reader: Connection | Session,
    filters: Filters | None = None,
    *,
    min_size: int = 2,
    threshold: float | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[Cluster]:
    """Clusters with at least ``min_size`` articles, largest first, then by id.

    With ``filters``, only clusters that hold at least one article that
    matches them. With ``threshold``, higher than the one the clusters were
    built with, an article stays only when its similarity reaches it (the
    first article always stays); a lower one needs ``archive db recluster``.
    """
    connection = connection_of(reader)
    built = duplicate_threshold(connection)
    if threshold is not None and threshold < built:
        raise InvalidOption(
            f"--threshold {threshold} is below the {built} the clusters were built with - "
            f"rebuild them with 'archive db recluster --threshold {threshold}'"
        )
    if min_size < 2:
        raise InvalidOption(f"--min-size {min_size} must be 2 or more")
    kept = MEMBERS.c.similarity >= threshold if threshold is not None else None
    members = select(MEMBERS.c.cluster_id, MEMBERS.c.document_id)
    if kept is not None:
        members = members.where(or_(kept, MEMBERS.c.document_id == MEMBERS.c.cluster_id))
    kept_members = members.subquery()
    conditions = filter_conditions(connection, filters) if filters is not None else []
    sizes = select(kept_members.c.cluster_id, func.count().label("size")).group_by(
        kept_members.c.cluster_id
    )
    if conditions:
        matching = (
            select(kept_members.c.cluster_id)
            .join(documents, documents.c.id == kept_members.c.document_id)
            .where(*conditions)
        )
        sizes = sizes.where(kept_members.c.cluster_id.in_(matching))
    chosen = (
        sizes.having(func.count() >= min_size)
        .order_by(func.count().desc(), kept_members.c.cluster_id)
        .offset(offset)
    )
    if limit is not None:
        chosen = chosen.limit(limit)
    cluster_ids = [row.cluster_id for row in connection.execute(chosen)]
    if not cluster_ids:
        return []
    articles = (
        select(
            MEMBERS.c.cluster_id,
            MEMBERS.c.similarity,
            documents.c.id,
            documents.c.published,
            documents.c.title,
            documents.c.url,
            sources.c.domain,
        )
        .join(documents, documents.c.id == MEMBERS.c.document_id)
        .outerjoin(sources, sources.c.id == documents.c.source_id)
        .where(MEMBERS.c.cluster_id.in_(cluster_ids))
        .order_by(documents.c.published, documents.c.id)
    )
    if kept is not None:
        articles = articles.where(or_(kept, MEMBERS.c.document_id == MEMBERS.c.cluster_id))
    found: dict[int, list[ClusterArticle]] = {cluster_id: [] for cluster_id in cluster_ids}
    for row in connection.execute(articles):
        found[row.cluster_id].append(
            ClusterArticle(row.id, row.published, row.domain, row.title, row.url, row.similarity)
        )
    return [Cluster(cluster_id, found[cluster_id]) for cluster_id in cluster_ids]
