"""What every full-text backend provides, and the marks around matched words in snippets."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    # Only for the annotations: the marks below are wanted where SQLAlchemy is not.
    from sqlalchemy import ColumnElement, Connection, SQLColumnExpression, Subquery

    from archive.search.grammar import TextQuery

SNIPPET_START = "\ue000"
SNIPPET_END = "\ue001"
"""Private-use characters around matched words in snippets; renderers replace them."""


def bracketed(snippet: str) -> str:
    """A snippet with its matched words between [ and ]."""
    return snippet.replace(SNIPPET_START, "[").replace(SNIPPET_END, "]")


RANK_SCALE = "0 to 1, higher is more relevant: s / (1 + s) of the engine's own score s"
"""The one scale of ranks: s is -bm25 on SQLite (FTS5) and ts_rank on PostgreSQL. The order
of matches may differ between the engines; the scale does not."""


class FullTextBackend(Protocol):
    """What the archive needs from a database's full-text search."""

    def matches(self, query: TextQuery) -> Subquery:
        """A subquery with columns ``document_id`` and ``rank`` for every matching document.

        The rank is on :data:`RANK_SCALE` on every backend.
        """
        ...

    def match_condition(
        self, query: TextQuery, document_id: SQLColumnExpression[int]
    ) -> ColumnElement[bool]:
        """True for a document that matches: tested row by row, for walking an index in order."""
        ...

    def count_matches(self, connection: Connection, query: TextQuery, cap: int) -> int:
        """How many documents match, counting no further than ``cap``."""
        ...

    def snippets(
        self, connection: Connection, query: TextQuery, document_ids: Sequence[int]
    ) -> dict[int, str]:
        """A short extract of each document, with matched words between the snippet marks.

        No rank: bm25 recounts a word's documents for every row looked up by id, which
        for a word in most documents costs more than the search itself.
        """
        ...

    def check(self, connection: Connection) -> list[str]:
        """Problems with the index, in plain words; empty when it is sound."""
        ...

    def rebuild(self, connection: Connection) -> None:
        """Build the index again from the documents."""
        ...

    def optimize(self, connection: Connection) -> None:
        """Merge the index into as few segments as possible."""
        ...
