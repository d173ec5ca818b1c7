"""The ``archive`` command line: a thin layer over the archive library."""

from __future__ import annotations

from . import (  # noqa: F401  (they register commands)
    browsing,
    database,
    duplicates,
    exporting,
    history,
    importing,
    reports,
    serving,
)
from .app import app


def main() -> None:
    """Run the ``archive`` command."""
    app()
