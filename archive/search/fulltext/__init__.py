"""Full-text search behind one small interface, one module per database backend.

A backend turns a parsed :class:`~archive.search.grammar.TextQuery` into a selectable
of ``(document_id, rank)`` rows (higher rank is more relevant), writes
snippets for the few documents shown, and maintains its index (see
:class:`~archive.search.fulltext.base.FullTextBackend`). Each backend is the
module named after its SQLAlchemy dialect (``sqlite.py``, ``postgresql.py``),
which defines ``BACKEND``: adding one adds one module here, and its index
in a migration.
"""

from __future__ import annotations

from importlib import import_module
from importlib.util import find_spec

from archive.errors import ArchiveError
from archive.search.fulltext.base import FullTextBackend


def backend_for(dialect: str) -> FullTextBackend:
    """The full-text backend of a SQLAlchemy dialect name."""
    module = f"{__name__}.{dialect}"
    if not dialect.isidentifier() or find_spec(module) is None:
        raise ArchiveError(f"full-text search is not available on {dialect} databases")
    backend: FullTextBackend = import_module(module).BACKEND
    return backend
