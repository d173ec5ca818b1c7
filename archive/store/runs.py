"""Import runs: starting, finishing and marking killed ones, and what they recorded per file.

Functions that take a Connection never commit.
"""

from __future__ import annotations

import json
import os
import socket
from collections.abc import Mapping

from sqlalchemy import Connection, insert, select, update
from sqlalchemy.orm import Session

from archive.errors import ImportRunNotFound
from archive.store.models import OUTCOMES, ImportItem, ImportRun, utcnow


def latest_run_id(session: Session) -> int | None:
    """The number of the most recent import run, or None before the first import."""
    return session.scalar(select(ImportRun.id).order_by(ImportRun.id.desc()).limit(1))


def items_with_outcome(
    session: Session, outcome: str, run_id: int | None = None
) -> tuple[int, list[ImportItem]]:
    """The files of run ``run_id`` (default: the latest run) with ``outcome``, in import order."""
    if run_id is None:
        run_id = latest_run_id(session)
        if run_id is None:
            raise ImportRunNotFound("nothing has been imported yet - run 'archive import PATH'")
    elif session.get(ImportRun, run_id) is None:
        raise ImportRunNotFound(f"there is no import run {run_id}")
    items = session.scalars(
        select(ImportItem)
        .where(ImportItem.run_id == run_id, ImportItem.outcome == outcome)
        .order_by(ImportItem.id)
    )
    return run_id, list(items)


def start_run(connection: Connection, arguments: dict[str, object] | None) -> int:
    return connection.execute(
        insert(ImportRun)
        .values(
            started_at=utcnow(),
            status="running",
            arguments=json.dumps(arguments or {}, ensure_ascii=False),
            hostname=socket.gethostname(),
            pid=os.getpid(),
            **dict.fromkeys(OUTCOMES, 0),
        )
        .returning(ImportRun.id)
    ).scalar_one()


def mark_killed_runs(connection: Connection) -> list[int]:
    """Mark as interrupted the runs still 'running' whose process on this machine is gone.

    A killed import cannot record that it stopped; the next import does.
    """
    host = socket.gethostname()
    killed = [
        run_id
        for run_id, pid in connection.execute(
            select(ImportRun.id, ImportRun.pid).where(
                ImportRun.status == "running", ImportRun.hostname == host
            )
        )
        if pid is None or not _process_alive(pid)
    ]
    if killed:
        connection.execute(
            update(ImportRun)
            .where(ImportRun.id.in_(killed))
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
    connection.execute(update(ImportRun).where(ImportRun.id == run_id).values(**values))
