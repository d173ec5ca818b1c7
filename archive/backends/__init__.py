"""What differs between database backends, behind one interface, one module per backend.

Each backend is the module named after its SQLAlchemy dialect (``sqlite.py``,
``postgresql.py``) and defines ``BACKEND``, a :class:`~archive.backends.base.Backend`:
engine settings and the writer lock, the schema's objects beyond the tables,
checkpoints, integrity checks, backup, bulk loading and full-text search. The
rest of the package asks :func:`backend_for` and never which dialect it runs on.
"""

from __future__ import annotations

from importlib import import_module
from importlib.util import find_spec

from sqlalchemy import Connection, Engine

from archive.backends.base import Backend
from archive.errors import ArchiveError


def backend_for(database: Engine | Connection | str) -> Backend:
    """The backend of an engine, a connection or a SQLAlchemy dialect name."""
    dialect = database if isinstance(database, str) else database.dialect.name
    module = f"{__name__}.{dialect}"
    if not dialect.isidentifier() or find_spec(module) is None:
        raise ArchiveError(f"archive does not run on {dialect} databases")
    backend: Backend = import_module(module).BACKEND
    return backend
