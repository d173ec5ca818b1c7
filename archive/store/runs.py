"""Import runs and what they recorded about each file."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from archive.errors import ImportRunNotFound
from archive.store.models import ImportItem, ImportRun


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
