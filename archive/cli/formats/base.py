"""What an output format is: a name and a function from rows to text."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

Records = Sequence[Mapping[str, Any]]
Column = tuple[str, str]
"""A row key and its table heading."""


@dataclass(frozen=True)
class Format:
    """One ``--format``: each module of :mod:`archive.cli.formats` defines one as ``FORMAT``."""

    name: str
    render: Callable[[Records, Sequence[str], Sequence[Column]], str]
    """Rows to text, given the fields of the machine formats and the columns of a table."""
    order: int
    """Where it stands in the help's list of formats."""
    articles_only: bool = False
    """Only for lists of articles (bare ids)."""


def records(rows: Records, fields: Sequence[str]) -> list[dict[str, Any]]:
    """Each row with exactly ``fields``, in order: a row that lacks one is a bug, not a null."""
    return [{field: row[field] for field in fields} for row in rows]
