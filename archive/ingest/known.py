"""What the archive already holds of the files an import reads.

Two look-ups keep an import from reading or storing a file twice: the
files whose path, size and modification time an earlier import stored,
and the stored files with the same bytes. Both ask the database about a
chunk of files in one statement, and both also know this run's latest
stored files, which may not be committed yet.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import Connection, bindparam, select

from archive.ingest.reading import base_name
from archive.store.tables import import_items as ITEMS

_FIND_BYTES = (
    select(ITEMS.c.sha256, ITEMS.c.path, ITEMS.c.document_id)
    .where(
        ITEMS.c.sha256.in_(bindparam("hashes", expanding=True)), ITEMS.c.document_id.is_not(None)
    )
    .order_by(ITEMS.c.id)
)
_FIND_SEEN = (
    select(ITEMS.c.path, ITEMS.c.size, ITEMS.c.mtime_ns, ITEMS.c.sha256, ITEMS.c.document_id)
    .where(ITEMS.c.path.in_(bindparam("paths", expanding=True)), ITEMS.c.document_id.is_not(None))
    .order_by(ITEMS.c.id.desc())
)
NAMED_COPIES = 50
"""Stored files with the same bytes that are compared by name, at most."""


@dataclass(frozen=True)
class Earlier:
    """A stored file with the same bytes as the one being imported: what that makes it."""

    outcome: str
    """unchanged (the same file name: a re-import) or duplicate (a copy)."""
    document_id: int
    message: str | None = None


@dataclass
class KnownFiles:
    """The look-ups of one import run, on the run's connection."""

    connection: Connection
    remember: int
    """How many stored files' hashes to keep: a batch, and all the files in flight."""
    recent: OrderedDict[str, tuple[str, int]] = field(default_factory=OrderedDict)
    """sha256 -> (path, document id) of the latest stored files, newest last."""
    history: bool = True
    """False while the database holds no import items: nothing to look up."""

    def check_history(self) -> None:
        self.history = self.connection.execute(select(ITEMS.c.id).limit(1)).first() is not None

    def seen_before(self, files: Iterable[tuple[str, int, int]]) -> dict[str, tuple[str, int]]:
        """Path -> (sha256, document id) of the (path, size, mtime_ns) ``files`` already stored.

        When a path was stored several times with that size and mtime, the latest counts.
        """
        wanted = set(files)
        if not wanted or not self.history:
            return {}
        seen: dict[str, tuple[str, int]] = {}
        paths = sorted({path for path, _, _ in wanted})
        for row in self.connection.execute(_FIND_SEEN, {"paths": paths}):  # newest first
            if (row.path, row.size, row.mtime_ns) in wanted:
                seen.setdefault(row.path, (row.sha256, row.document_id))
        return seen

    def stored_bytes(self, hashes: Iterable[str]) -> dict[str, list[tuple[str, int]]]:
        """sha256 -> (path, document id) of the first stored files with those bytes."""
        stored: dict[str, list[tuple[str, int]]] = {}
        wanted = sorted(set(hashes))
        if not wanted or not self.history:
            return stored
        for row in self.connection.execute(_FIND_BYTES, {"hashes": wanted}):
            found = stored.setdefault(row.sha256, [])
            if len(found) < NAMED_COPIES:
                found.append((row.path, row.document_id))
        return stored

    def earlier(self, sha256: str, base: str, stored: list[tuple[str, int]]) -> Earlier | None:
        """What an earlier file with these bytes makes this one, if there is one.

        Unchanged when an earlier file with these bytes had the same file name
        ``base`` (a re-import, wherever the folder now is), duplicate
        otherwise. Looks in ``stored``, from :meth:`stored_bytes`, and in this
        run's recent files, which hold everything stored since the file was read.
        """
        rows = list(stored)
        if sha256 in self.recent:
            rows.append(self.recent[sha256])
        for earlier_path, document_id in rows:
            if base_name(earlier_path) == base:
                return Earlier("unchanged", document_id)
        if not rows:
            return None
        earlier_path, document_id = rows[0]
        return Earlier(
            "duplicate", document_id, f"byte-identical to {earlier_path} (document {document_id})"
        )

    def add(self, sha256: str, path: str, document_id: int) -> None:
        """Remember a file stored in this run."""
        if sha256 in self.recent:
            return  # the first file with these bytes is the one to name
        self.recent[sha256] = (path, document_id)
        if len(self.recent) > self.remember:
            self.recent.popitem(last=False)
