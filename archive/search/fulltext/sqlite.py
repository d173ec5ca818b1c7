"""Full-text search on SQLite: the FTS5 table documents_fts (see migration 0002)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import (
    Column,
    ColumnElement,
    Connection,
    Integer,
    MetaData,
    SQLColumnExpression,
    Subquery,
    Table,
    Text,
    func,
    select,
)
from sqlalchemy import literal_column as sql
from sqlalchemy.exc import DatabaseError

from archive.search.fulltext.base import SNIPPET_END, SNIPPET_START
from archive.search.grammar import FOLDS, Term, TextQuery, render

TITLE_WEIGHT = 10.0
"""How much more a match in the title counts than one in the body (bm25 column weight)."""
SNIPPET_TOKENS = 24

documents_fts = Table(
    "documents_fts",
    MetaData(),
    Column("rowid", Integer, primary_key=True),
    Column("title", Text),
    Column("body", Text),
)
# bm25 is negative, lower for better matches; the archive's rank is s / (1 + s) of
# s = -bm25: from 0 to 1, higher for better ones (see base.RANK_SCALE).
_BM25 = func.bm25(sql("documents_fts"), TITLE_WEIGHT, 1.0)
_RANK = -_BM25 / (1.0 - _BM25)
_FOLDED = "{0}"
for _letter, _written_as in FOLDS.items():  # replace(replace({0}, 'ё', 'е'), 'Ё', 'Е')
    _FOLDED = f"replace({_FOLDED}, '{_letter}', '{_written_as}')"
_COMMAND = "INSERT INTO documents_fts (documents_fts) VALUES ('{0}')"


def fts5_query(query: TextQuery) -> str:
    """The FTS5 MATCH expression for ``query``: every term quoted, nothing left to FTS5's parser."""
    return render(query, _term, any_of=" OR ", all_of=" AND ", but_not=" NOT ")


def _term(term: Term) -> str:
    quoted = '"' + term.text.replace('"', '""') + '"' + (" *" if term.prefix else "")
    return f"title : {quoted}" if term.title_only else quoted


class SQLiteFullText:
    """FTS5 with bm25 ranking, title matches weighted above body matches."""

    def matches(self, query: TextQuery) -> Subquery:
        return (
            select(documents_fts.c.rowid.label("document_id"), _RANK.label("rank"))
            .where(sql("documents_fts").match(fts5_query(query)))
            .subquery("text_matches")
        )

    def match_condition(
        self, query: TextQuery, document_id: SQLColumnExpression[int]
    ) -> ColumnElement[bool]:
        # FTS5 tests one rowid against the query by seeking in each term's list.
        return (
            select(documents_fts.c.rowid)
            .where(
                sql("documents_fts").match(fts5_query(query)), documents_fts.c.rowid == document_id
            )
            .exists()
        )

    def count_matches(self, connection: Connection, query: TextQuery, cap: int) -> int:
        first = (
            select(documents_fts.c.rowid)
            .where(sql("documents_fts").match(fts5_query(query)))
            .limit(cap)
            .subquery()
        )
        return int(connection.execute(select(func.count()).select_from(first)).scalar_one())

    def snippets(
        self, connection: Connection, query: TextQuery, document_ids: Sequence[int]
    ) -> dict[int, str]:
        if not document_ids:
            return {}
        snippet = func.snippet(
            sql("documents_fts"), -1, SNIPPET_START, SNIPPET_END, "…", SNIPPET_TOKENS
        )
        rows = connection.execute(
            select(documents_fts.c.rowid, snippet).where(
                sql("documents_fts").match(fts5_query(query)),
                documents_fts.c.rowid.in_(document_ids),
            )
        )
        return {int(row[0]): str(row[1]) for row in rows}

    def check(self, connection: Connection) -> list[str]:
        problems: list[str] = []
        try:
            connection.exec_driver_sql(_COMMAND.format("integrity-check"))
        except DatabaseError as error:
            reason = str(error.orig).splitlines()[0]
            # FTS5 runs its check as an INSERT: a read-only database gets the coverage check only.
            if "readonly" not in reason:
                problems.append(
                    f"the full-text index is damaged ({reason}) - run 'archive db reindex'"
                )
        missing = connection.exec_driver_sql(
            "SELECT count(*) FROM documents WHERE id NOT IN (SELECT id FROM documents_fts_docsize)"
        ).scalar_one()
        extra = connection.exec_driver_sql(
            "SELECT count(*) FROM documents_fts_docsize WHERE id NOT IN (SELECT id FROM documents)"
        ).scalar_one()
        if missing or extra:
            problems.append(
                f"the full-text index lacks {missing} documents and has {extra} that no longer "
                "exist - run 'archive db reindex'"
            )
        return problems

    def rebuild(self, connection: Connection) -> None:
        # FTS5's own 'rebuild' would index the text unfolded; index it as the triggers do.
        connection.exec_driver_sql(
            "INSERT INTO documents_fts (documents_fts) VALUES ('delete-all')"
        )
        connection.exec_driver_sql(
            "INSERT INTO documents_fts (rowid, title, body) "
            f"SELECT id, {_FOLDED.format('title')}, {_FOLDED.format('body')} FROM documents"
        )

    def optimize(self, connection: Connection) -> None:
        connection.exec_driver_sql(_COMMAND.format("optimize"))


BACKEND = SQLiteFullText()
"""This dialect's full-text search, which its :mod:`archive.backends` module holds."""
