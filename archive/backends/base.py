"""The interface that every database backend implements."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import Connection, Engine, Table

from archive.search.fulltext.base import FullTextBackend


class Backend(Protocol):
    """What the archive needs from a database backend besides portable SQL."""

    full_text: FullTextBackend
    """Matching, ranking, snippets and the upkeep of the full-text index."""

    schema: Sequence[str]
    """DDL run after the tables are created: the view, the full-text index and the
    triggers that keep it and ``document_counts`` up to date, in order."""

    failed_statement_aborts_transaction: bool
    """True where one refused statement spoils the transaction it ran in, so that each
    file is stored in a savepoint; SQLite keeps the transaction and needs none."""

    def configure(self, engine: Engine, *, busy_timeout: float, read_only: bool) -> None:
        """Set up a new engine: connection settings, and the writer lock that a
        transaction begun with the execution option ``immediate=True`` takes."""
        ...

    def checkpoint(self, connection: Connection) -> None:
        """Keep the write-ahead log from growing, where the backend has one to fold."""
        ...

    def refresh_statistics(self, connection: Connection) -> None:
        """Tell the query planner how the tables have grown, so that look-ups keep using
        their indexes during a long import."""
        ...

    def file_problems(self, connection: Connection) -> list[str]:
        """Damage to the database's storage and broken references, in plain words."""
        ...

    def backup(self, engine: Engine, target: Path, *, force: bool) -> int:
        """Copy the database to the file ``target`` and return its size, or raise
        :class:`~archive.errors.ArchiveError` saying which tool does it."""
        ...

    def snapshot(self, connection: Connection) -> None:
        """Make every later read of the connection's transaction see the same moment."""
        ...

    def load(self, connection: Connection, table: Table, rows: Sequence[Mapping[Any, Any]]) -> None:
        """Insert ``rows`` with their ids, as fast as the backend allows."""
        ...

    def after_load(self, connection: Connection, tables: Sequence[Table]) -> None:
        """Let new rows of ``tables`` be numbered after the ids that :meth:`load` inserted."""
        ...
