"""Comparing signed documents with the stored ones, and building clusters of near-duplicates.

Each document with enough words has a MinHash signature
(:mod:`archive.ingest.minhash`), stored as it is imported, and waits in
``documents_to_compare``. Comparing takes the waiting documents in id order
and finds, for each, the most similar earlier document (lower id) whose
estimated similarity reaches the archive's threshold; candidates are the
documents that share a band of the signature, found by scanning the stored
signatures block by block, so memory stays bounded however large the archive.
A document joins its best match's cluster, or starts one with it; a cluster's
id is the id of its first document.

The rule depends only on the documents and their order, so comparing new
documents as they arrive gives the same clusters as :func:`recluster` from
scratch. Functions that take a Connection never commit; those that take an
Engine commit one chunk at a time, so they can be interrupted and run again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from sqlalchemy import Connection, Engine, bindparam, delete, func, insert, select

from archive.ingest.minhash import BANDS, as_array, band_keys, signature, similarity
from archive.limits import COMPARE_CHUNK, SCAN_BLOCK
from archive.store.clusters import (
    MEMBERS,
    SIGNATURES,
    THRESHOLD_SETTING,
    WAITING,
    check_threshold,
    clusters_of,
    duplicate_threshold,
    id_chunks,
    record_signatures,
)
from archive.store.engine import for_writing
from archive.store.tables import documents, settings

MAX_BUCKET = 32
"""Stored documents of one block that one band key of a new document can name, the first
by id: bounds the work when thousands of pages share a text, such as a 'page not found'."""


@dataclass
class CompareSummary:
    """What comparing did: documents compared, and how many of them joined a cluster."""

    compared: int = 0
    clustered: int = 0


def compare_next(connection: Connection, limit: int = COMPARE_CHUNK) -> CompareSummary:
    """Compare up to ``limit`` waiting documents with every earlier one, and cluster them."""
    threshold = duplicate_threshold(connection)
    queued = connection.execute(
        select(WAITING.c.document_id, SIGNATURES.c.signature)
        .outerjoin(SIGNATURES, SIGNATURES.c.document_id == WAITING.c.document_id)
        .order_by(WAITING.c.document_id)
        .limit(limit)
    ).all()
    rows = [row for row in queued if row.signature is not None]  # else signed no more
    ids = [row.document_id for row in queued]
    if not rows:
        for chunk in id_chunks(ids):
            connection.execute(delete(WAITING).where(WAITING.c.document_id.in_(chunk)))
        return CompareSummary(len(ids), 0)
    new_ids = np.array([row.document_id for row in rows], dtype=np.int64)
    matches = _best_matches(connection, new_ids, as_array([r.signature for r in rows]), threshold)
    clustered = _join_clusters(connection, new_ids, matches)
    for chunk in id_chunks(ids):
        connection.execute(delete(WAITING).where(WAITING.c.document_id.in_(chunk)))
    return CompareSummary(len(ids), clustered)


def compare_pending(
    engine: Engine, *, on_chunk: Callable[[CompareSummary], None] | None = None
) -> CompareSummary:
    """Compare every waiting document, committing after each chunk."""
    with for_writing(engine).connect() as connection:
        return compare_waiting(connection, on_chunk=on_chunk)


def compare_waiting(
    connection: Connection, *, on_chunk: Callable[[CompareSummary], None] | None = None
) -> CompareSummary:
    """Compare every waiting document, each chunk in a transaction of its own.

    For a connection outside any transaction, such as the importer's between batches.
    """
    total = CompareSummary()
    while True:
        with connection.begin():
            done = compare_next(connection)
        if not done.compared:
            return total
        total.compared += done.compared
        total.clustered += done.clustered
        if on_chunk is not None:
            on_chunk(total)


@dataclass(frozen=True)
class ReclusterSummary:
    """What rebuilding the clusters did."""

    threshold: float
    signed: int
    """Documents signed because they had no signature, as after an upgrade."""
    compared: int
    clusters: int
    clustered: int


def recluster(
    engine: Engine,
    *,
    threshold: float | None = None,
    on_chunk: Callable[[CompareSummary], None] | None = None,
) -> ReclusterSummary:
    """Build the clusters again from the signatures, with ``threshold`` if given.

    Documents without a signature are signed first. The clusters are emptied
    in one transaction, then built a chunk per transaction: an interrupted
    rebuild is finished by the next import, or started over by running it again.
    """
    if threshold is not None:
        check_threshold(threshold)
    writer = for_writing(engine)
    signed = _sign_unsigned(writer)
    with writer.begin() as connection:
        if threshold is not None:
            connection.execute(delete(settings).where(settings.c.name == THRESHOLD_SETTING))
            connection.execute(
                insert(settings), {"name": THRESHOLD_SETTING, "value": repr(threshold)}
            )
        connection.execute(delete(MEMBERS))
        connection.execute(delete(WAITING))
        connection.execute(
            insert(WAITING).from_select(["document_id"], select(SIGNATURES.c.document_id))
        )
    compared = compare_pending(engine, on_chunk=on_chunk)
    with engine.connect() as connection:
        clusters = connection.scalar(select(func.count(func.distinct(MEMBERS.c.cluster_id))))
        members = connection.scalar(select(func.count()).select_from(MEMBERS))
        used = duplicate_threshold(connection)
    return ReclusterSummary(used, signed, compared.compared, clusters or 0, members or 0)


def _sign_unsigned(writer: Engine, batch_size: int = 1000) -> int:
    """Sign the documents that have no signature and enough words; how many were signed."""
    unsigned = (
        select(documents.c.id, documents.c.body)
        .outerjoin(SIGNATURES, SIGNATURES.c.document_id == documents.c.id)
        .where(SIGNATURES.c.document_id.is_(None), documents.c.id > bindparam("after"))
        .order_by(documents.c.id)
        .limit(batch_size)
    )
    signed, after = 0, 0
    while True:
        with writer.begin() as connection:
            rows = connection.execute(unsigned, {"after": after}).all()
            if not rows:
                return signed
            found = [(row.id, signature(row.body)) for row in rows]
            record_signatures(connection, found)
            signed += sum(1 for _, value in found if value is not None)
            after = rows[-1].id


def _best_matches(
    connection: Connection,
    new_ids: npt.NDArray[np.int64],
    new_signatures: npt.NDArray[np.uint16],
    threshold: float,
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]:
    """For each new document, its most similar earlier document at ``threshold`` or above.

    Returns the ids (-1 for none) and similarities. Ties go to the lower id.
    """
    count = len(new_ids)
    best_ids = np.full(count, -1, dtype=np.int64)
    best = np.zeros(count, dtype=np.float64)
    new_keys = band_keys(new_signatures)
    everyone = np.arange(count)
    for block_ids, block_signatures in _blocks(connection, int(new_ids[-1])):
        block_keys = band_keys(block_signatures)
        found_new, found_old = [], []
        for band in range(BANDS):
            # Stable: documents with the same key stay in id order, so the cap keeps the first.
            order = np.argsort(block_keys[:, band], kind="stable")
            keys = block_keys[order, band]
            wanted = new_keys[:, band]
            left = np.searchsorted(keys, wanted, "left")
            rows = np.flatnonzero(keys[np.minimum(left, len(keys) - 1)] == wanted)
            if not len(rows):
                continue
            right = np.searchsorted(keys, wanted[rows], "right")
            counts = np.minimum(right - left[rows], MAX_BUCKET)
            starts = np.repeat(left[rows] - np.cumsum(counts) + counts, counts)
            old_index = order[starts + np.arange(counts.sum())]
            new_index = np.repeat(everyone[rows], counts)
            earlier = block_ids[old_index] < new_ids[new_index]
            found_new.append(new_index[earlier])
            found_old.append(old_index[earlier])
        if not found_new:
            continue
        # Each pair once, however many bands it shares.
        pairs = np.unique(np.concatenate(found_new) * len(block_ids) + np.concatenate(found_old))
        new_index, old_index = np.divmod(pairs, len(block_ids))
        scores = similarity(new_signatures[new_index], block_signatures[old_index])
        good = scores >= threshold
        new_index, old_ids, scores = new_index[good], block_ids[old_index[good]], scores[good]
        # Best first within each new document: highest score, then lowest id.
        order = np.lexsort((old_ids, -scores, new_index))
        new_index, old_ids, scores = new_index[order], old_ids[order], scores[order]
        first = np.ones(len(new_index), dtype=bool)
        first[1:] = new_index[1:] != new_index[:-1]
        for index, old_id, score in zip(
            new_index[first], old_ids[first], scores[first], strict=True
        ):
            if score > best[index] or (score == best[index] and old_id < best_ids[index]):
                best[index], best_ids[index] = score, old_id
    return best_ids, best


def _blocks(
    connection: Connection, up_to: int
) -> Iterator[tuple[npt.NDArray[np.int64], npt.NDArray[np.uint16]]]:
    """The stored signatures of documents with ids below ``up_to``, ``SCAN_BLOCK`` at a time."""
    query = (
        select(SIGNATURES.c.document_id, SIGNATURES.c.signature)
        .where(SIGNATURES.c.document_id > bindparam("after"), SIGNATURES.c.document_id < up_to)
        .order_by(SIGNATURES.c.document_id)
        .limit(SCAN_BLOCK)
    )
    after = 0
    while rows := connection.execute(query, {"after": after}).all():
        after = rows[-1].document_id
        yield (
            np.array([row.document_id for row in rows], dtype=np.int64),
            as_array([row.signature for row in rows]),
        )


def _join_clusters(
    connection: Connection,
    new_ids: npt.NDArray[np.int64],
    matches: tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]],
) -> int:
    """Put each matched document in its best match's cluster, in id order; how many joined."""
    best_ids, scores = matches
    matched = best_ids >= 0
    if not matched.any():
        return 0
    looked_up = sorted({*best_ids[matched].tolist(), *new_ids[matched].tolist()})
    cluster_of = clusters_of(connection, looked_up)
    rows: list[dict[str, object]] = []
    for document_id, match, score in zip(
        new_ids[matched].tolist(), best_ids[matched].tolist(), scores[matched].tolist(), strict=True
    ):
        if document_id in cluster_of:
            continue  # the first document of a cluster, signed again
        cluster = cluster_of.get(match)
        if cluster is None:
            cluster = cluster_of[match] = match
            rows.append({"document_id": match, "cluster_id": match, "similarity": 1.0})
        cluster_of[document_id] = cluster
        rows.append({"document_id": document_id, "cluster_id": cluster, "similarity": score})
    if rows:
        connection.execute(insert(MEMBERS), rows)
    return sum(1 for row in rows if row["document_id"] != row["cluster_id"])
