"""Keeping the database sound: integrity checks and the full-text index.

Functions take a Connection and never commit.
"""

from __future__ import annotations

from sqlalchemy import Connection, func, select

from archive.fulltext import backend_for
from archive.models import Document


def check_database(connection: Connection) -> list[str]:
    """Problems with the database and its full-text index, in plain words; empty when sound."""
    problems: list[str] = []
    if connection.dialect.name == "sqlite":
        results = [row[0] for row in connection.exec_driver_sql("PRAGMA integrity_check")]
        if results != ["ok"]:
            problems.extend(
                f"the database file is damaged: {result} - restore it from a backup"
                for result in results
            )
        violations = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
        if violations:
            problems.append(f"{len(violations)} rows point at rows that do not exist")
    problems.extend(backend_for(connection.dialect.name).check(connection))
    return problems


def rebuild_index(connection: Connection) -> int:
    """Build the full-text index again; returns how many documents it holds."""
    backend_for(connection.dialect.name).rebuild(connection)
    return connection.execute(select(func.count()).select_from(Document)).scalar_one()


def optimize_index(connection: Connection) -> None:
    """Merge the full-text index's segments."""
    backend_for(connection.dialect.name).optimize(connection)
