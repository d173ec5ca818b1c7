"""Clusters of near-duplicate documents: their tables, settings, and the lookups that read them.

Each document with enough words has a MinHash signature
(:mod:`archive.ingest.minhash`), stored as it is imported, and waits in
``documents_to_compare`` until :mod:`archive.store.matching` compares it with
the others. A document joins the cluster of its most similar earlier
document; a cluster's id is the id of its first document. Nothing here loads
numpy, so that the read side starts fast. Functions never commit.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from sqlalchemy import Connection, delete, func, insert, select

from archive.errors import InvalidOption
from archive.store.tables import (
    document_signatures,
    documents_to_compare,
    duplicate_members,
    settings,
)

DEFAULT_THRESHOLD = 0.55
"""Estimated Jaccard similarity of five-word shingles from which two articles are copies:
precision and recall both 0.95 or more on the labelled set (docs/duplicates.md)."""
THRESHOLD_SETTING = "duplicate_threshold"

SIGNATURES = document_signatures
WAITING = documents_to_compare
MEMBERS = duplicate_members


def duplicate_threshold(connection: Connection) -> float:
    """The threshold the archive's clusters are built with."""
    stored = connection.scalar(select(settings.c.value).where(settings.c.name == THRESHOLD_SETTING))
    return DEFAULT_THRESHOLD if stored is None else float(stored)


def check_threshold(threshold: float) -> float:
    """``threshold``, or InvalidOption when it is not a similarity above 0 and at most 1."""
    if not 0 < threshold <= 1:
        raise InvalidOption(f"threshold {threshold} must be above 0 and at most 1, such as 0.55")
    return threshold


def record_signatures(
    connection: Connection, signed: Sequence[tuple[int, bytes | None]], *, replaced: bool = False
) -> None:
    """Store the signatures of documents and set them to be compared.

    With ``replaced``, the documents' texts changed: their old signatures go,
    and so does their place in a cluster, unless other documents joined them
    there. A None signature (a text too short to sign) stores nothing; of two for
    one document, the last counts.
    """
    latest = dict(signed)  # a document re-crawled twice in one batch: its last text
    if replaced and latest:
        ids = list(latest)
        for table in (SIGNATURES, WAITING):
            connection.execute(delete(table).where(table.c.document_id.in_(ids)))
        first_of_others = select(MEMBERS.c.cluster_id).where(
            MEMBERS.c.document_id != MEMBERS.c.cluster_id
        )
        connection.execute(
            delete(MEMBERS).where(
                MEMBERS.c.document_id.in_(ids), MEMBERS.c.document_id.not_in(first_of_others)
            )
        )
    rows = [{"document_id": i, "signature": s} for i, s in latest.items() if s is not None]
    if rows:
        connection.execute(insert(SIGNATURES), rows)
        connection.execute(insert(WAITING), [{"document_id": row["document_id"]} for row in rows])


def clusters_of(connection: Connection, document_ids: Sequence[int]) -> dict[int, int]:
    """The cluster of each of ``document_ids`` that is in one."""
    found: dict[int, int] = {}
    for chunk in id_chunks(list(document_ids)):
        query = select(MEMBERS.c.document_id, MEMBERS.c.cluster_id).where(
            MEMBERS.c.document_id.in_(chunk)
        )
        found.update({row.document_id: row.cluster_id for row in connection.execute(query)})
    return found


def cluster_sizes(connection: Connection, cluster_ids: Sequence[int]) -> dict[int, int]:
    """How many documents each of ``cluster_ids`` holds."""
    found: dict[int, int] = {}
    for chunk in id_chunks(list(cluster_ids)):
        query = (
            select(MEMBERS.c.cluster_id, func.count().label("size"))
            .where(MEMBERS.c.cluster_id.in_(chunk))
            .group_by(MEMBERS.c.cluster_id)
        )
        found.update({row.cluster_id: row.size for row in connection.execute(query)})
    return found


def waiting(connection: Connection) -> int:
    """How many documents wait to be compared."""
    return connection.scalar(select(func.count()).select_from(WAITING)) or 0


def id_chunks(values: list[int], size: int = 500) -> Iterator[list[int]]:
    """``values`` in lists short enough for one IN (...)."""
    for start in range(0, len(values), size):
        yield values[start : start + size]
