"""Output formats, one module each, found by name: adding a format adds one module here.

The machine formats (JSON, JSON Lines, CSV) write every field a command
declares, in its order, whatever the rows: a value that does not apply is
null (empty in CSV), and CSV has its header even with no rows. Only tables
put words in place of nulls, such as ``(unknown)`` for a source.
"""

from __future__ import annotations

import pkgutil
from functools import cache
from importlib import import_module

from archive.cli.formats.base import Format


@cache
def formats() -> dict[str, Format]:
    """Every output format by its ``--format`` name, in the order the help lists them."""
    found = [
        import_module(f"{__name__}.{module.name}").FORMAT
        for module in pkgutil.iter_modules(__path__)
        if module.name != "base"
    ]
    return {found_format.name: found_format for found_format in sorted(found, key=_order)}


def format_names(*, articles: bool = False) -> list[str]:
    """The names a ``--format`` option takes; ``articles`` for lists of articles."""
    return [name for name, found in formats().items() if articles or not found.articles_only]


def _order(found: Format) -> int:
    return found.order
