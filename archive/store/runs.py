"""Import runs: starting, finishing and marking killed ones, and what they recorded per file.

Functions that take a Connection never commit.
"""

from __future__ import annotations

import json
import os
import socket
from collections.abc import Mapping

from sqlalchemy import Connection, Row, insert, select, update

from archive.errors import ImportRunNotFound
from archive.store.tables import OUTCOMES, import_items, import_runs, utcnow


def latest_run_id(connection: Connection) -> int | None:
    """The number of the most recent import run, or None before the first import."""
    return connection.scalar(select(import_runs.c.id).order_by(import_runs.c.id.desc()).limit(1))


def items_with_outcome(
    connection: Connection, outcome: str, run_id: int | None = None
) -> tuple[int, list[Row[tuple[object, ...]]]]:
    """The files of run ``run_id`` (default: the latest run) with ``outcome``, in import order.

    Each row has the columns of ``import_items``: ``path``, ``reason``, ``message``, ...
    """
    if run_id is None:
        run_id = latest_run_id(connection)
        if run_id is None:
            raise ImportRunNotFound("nothing has been imported yet - run 'archive import PATH'")
    elif connection.scalar(select(import_runs.c.id).where(import_runs.c.id == run_id)) is None:
        raise ImportRunNotFound(f"there is no import run {run_id}")
    items = connection.execute(
        select(import_items)
        .where(import_items.c.run_id == run_id, import_items.c.outcome == outcome)
        .order_by(import_items.c.id)
    )
    return run_id, list(items)


def start_run(connection: Connection, arguments: dict[str, object] | None) -> int:
    """Record a new run as running, with its arguments and this process; return its number."""
    run_id: int = connection.execute(
        insert(import_runs)
        .values(
            started_at=utcnow(),
            status="running",
            arguments=json.dumps(arguments or {}, ensure_ascii=False),
            hostname=socket.gethostname(),
            pid=os.getpid(),
            **dict.fromkeys(OUTCOMES, 0),
        )
        .returning(import_runs.c.id)
    ).scalar_one()
    return run_id


def mark_killed_runs(connection: Connection) -> list[int]:
    """Mark as interrupted the runs still 'running' whose process on this machine is gone.

    A killed import cannot record that it stopped; the next import does.
    """
    host = socket.gethostname()
    killed = [
        run_id
        for run_id, pid in connection.execute(
            select(import_runs.c.id, import_runs.c.pid).where(
                import_runs.c.status == "running", import_runs.c.hostname == host
            )
        )
        if pid is None or not _process_alive(pid)
    ]
    if killed:
        connection.execute(
            update(import_runs)
            .where(import_runs.c.id.in_(killed))
            .values(status="interrupted", finished_at=utcnow())
        )
    return killed


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # alive, but another user's
    return True


def finish_run(
    connection: Connection, run_id: int, counts: Mapping[str, int] | None, status: str
) -> None:
    """Record the run's counts of each outcome so far, or its final status."""
    values: dict[str, object] = {"status": status}
    if counts is not None:
        values.update(counts)
    if status != "running":
        values["finished_at"] = utcnow()
    connection.execute(update(import_runs).where(import_runs.c.id == run_id).values(**values))
