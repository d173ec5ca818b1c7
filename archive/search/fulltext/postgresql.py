"""Full-text search on PostgreSQL: a weighted tsvector and its GIN index (migration 0002).

The configuration ``archive_words`` folds accents with the unaccent extension
(migration 0008), then lower-cases words as 'simple' does, without stemming
them, which suits collections in many languages.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from sqlalchemy import (
    Connection,
    SQLColumnExpression,
    Subquery,
    column,
    func,
    literal,
    literal_column,
    select,
    table,
)
from sqlalchemy.dialects.postgresql import ARRAY, REAL
from sqlalchemy.sql.elements import ColumnElement

from archive.search.fulltext.base import SNIPPET_END, SNIPPET_START
from archive.search.grammar import Term, TextQuery, render

WEIGHTS = [0.01, 0.02, 0.1, 1.0]
"""ts_rank weights of D, C, B (body) and A (title): a title match counts ten times more."""

_WORD = re.compile(r"[^\W_]+")
CONFIGURATION = "archive_words"
"""The text search configuration: 'simple' (lower-cased, unstemmed words) after ``unaccent``,
which folds accents (café is cafe) and ё into е, as SQLite's index does."""
WORD_TOKENS = (
    "asciiword, word, numword, asciihword, hword, numhword, "
    "hword_asciipart, hword_part, hword_numpart"
)
"""The parser's kinds of token that are words; the configuration reads them through unaccent."""
_CONFIG: ColumnElement[str] = literal_column(f"'{CONFIGURATION}'::regconfig")
_documents = table("documents", column("id"), column("title"), column("body"))


def _vector_sql(table: str) -> str:
    return (
        f"setweight(to_tsvector('{CONFIGURATION}', {table}title), 'A')"
        f" || setweight(to_tsvector('{CONFIGURATION}', {table}body), 'B')"
    )


VECTOR_SQL = _vector_sql("")
"""The weighted tsvector of a document's title and body, that the GIN index holds."""
# The same expression as the index, so that the index is used.
_VECTOR: ColumnElement[str] = literal_column(f"({_vector_sql('documents.')})")
_HEADLINE_OPTIONS = (
    f'StartSel="{SNIPPET_START}", StopSel="{SNIPPET_END}", MaxWords=24, MinWords=12, '
    'MaxFragments=1, FragmentDelimiter="…"'
)


def tsquery_text(query: TextQuery) -> str:
    """The to_tsquery() text for ``query``, every lexeme quoted."""
    return render(query, _term, any_of=" | ", all_of=" & ", but_not=" & !")


def _term(term: Term) -> str:
    words = _WORD.findall(term.text.lower()) or ["_"]
    weight = "A" if term.title_only else ""
    lexemes = [f"'{word}':{weight}" if weight else f"'{word}'" for word in words]
    if term.prefix:
        lexemes[-1] = f"'{words[-1]}':*{weight}"
    return " <-> ".join(lexemes)


def _tsquery(query: TextQuery) -> ColumnElement[str]:
    return func.to_tsquery(_CONFIG, literal(tsquery_text(query)))


RANK_NORMALIZATION = 32
"""ts_rank's option that gives s / (1 + s) of its score: from 0 to 1, as on SQLite."""


def _rank(tsquery: ColumnElement[str]) -> ColumnElement[float]:
    return func.ts_rank(literal(WEIGHTS, ARRAY(REAL)), _VECTOR, tsquery, RANK_NORMALIZATION)


def _joined_phrases(headline: str, query: TextQuery) -> str:
    """The headline with each phrase of ``query`` marked as one, as SQLite marks it:
    ts_headline marks every word of a phrase on its own."""
    pairs = [
        (first, second, term.prefix and position == len(words) - 2)
        for term in query.terms
        for words in [_WORD.findall(_plain(term.text))]
        for position, (first, second) in enumerate(zip(words, words[1:], strict=False))
    ]

    def joins(first: str, second: str) -> bool:
        first, second = _plain(first), _plain(second)
        return any(
            first == one and (second == two or (prefix and second.startswith(two)))
            for one, two, prefix in pairs
        )

    def join(found: re.Match[str]) -> str:
        first, between, second = found.groups()
        return f"{first}{between}" if joins(first, second) else found.group()

    while pairs:
        joined = _ADJACENT.sub(join, headline)
        if joined == headline:
            break
        headline = joined
    return headline


def _plain(text: str) -> str:
    """``text`` lower-cased without accents, about as unaccent and 'simple' leave a word."""
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(_LETTERS))
    return "".join(letter for letter in decomposed if not unicodedata.combining(letter))


_LETTERS = str.maketrans(
    {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th"}
)
"""Letters that unaccent writes as others, and that have no decomposition to strip."""
_ADJACENT = re.compile(f"([^\\W_]+){SNIPPET_END}([\\W_]*?){SNIPPET_START}(?=([^\\W_]+))")
"""Two marked words with only spaces or punctuation between them."""


def _marked_cuts(headline: str, body: str) -> str:
    """The headline as SQLite's snippet() writes it: with … where it cuts the body short,
    and with the punctuation around its ends that ts_headline leaves out."""
    words = _WORD.findall(headline.replace(SNIPPET_START, " ").replace(SNIPPET_END, " "))
    found = re.search(r"[\W_]+".join(map(re.escape, words)), body) if words else None
    if found is None:
        return headline
    core = _ENDS.sub("", headline)
    before, after = body[: found.start()], body[found.end() :]
    prefix = "…" if _WORD.search(before) else before.lstrip()
    suffix = "…" if _WORD.search(after) else after.rstrip()
    return prefix + core + suffix


_ENDS = re.compile(f"^[^\\w{SNIPPET_START}{SNIPPET_END}]+|[^\\w{SNIPPET_START}{SNIPPET_END}]+$")
"""Punctuation and spaces at either end of a headline, outside its marks."""


class PostgresFullText:
    """tsvector matching with ts_rank, title weighted above body."""

    def matches(self, query: TextQuery) -> Subquery:
        tsquery = _tsquery(query)
        return (
            select(_documents.c.id.label("document_id"), _rank(tsquery).label("rank"))
            .select_from(_documents)
            .where(_VECTOR.op("@@")(tsquery))
            .subquery("text_matches")
        )

    def match_condition(
        self, query: TextQuery, document_id: SQLColumnExpression[int]
    ) -> ColumnElement[bool]:
        # The vector is of the documents row at hand: the query walks documents itself.
        return _VECTOR.op("@@")(_tsquery(query))

    def count_matches(self, connection: Connection, query: TextQuery, cap: int) -> int:
        first = (
            select(_documents.c.id).where(_VECTOR.op("@@")(_tsquery(query))).limit(cap).subquery()
        )
        return int(connection.execute(select(func.count()).select_from(first)).scalar_one())

    def snippets(
        self, connection: Connection, query: TextQuery, document_ids: Sequence[int]
    ) -> dict[int, str]:
        if not document_ids:
            return {}
        tsquery = _tsquery(query)
        body = _documents.c.body
        headline = func.ts_headline(_CONFIG, body, tsquery, literal(_HEADLINE_OPTIONS))
        rows = connection.execute(
            select(_documents.c.id, headline, body).where(_documents.c.id.in_(document_ids))
        )
        return {
            int(row[0]): _joined_phrases(_marked_cuts(str(row[1]), str(row[2])), query)
            for row in rows
        }

    def check(self, connection: Connection) -> list[str]:
        # An expression index cannot drift from the rows it indexes.
        return []

    def rebuild(self, connection: Connection) -> None:
        connection.exec_driver_sql("REINDEX INDEX ix_documents_search")

    def optimize(self, connection: Connection) -> None:
        connection.exec_driver_sql("SELECT gin_clean_pending_list('ix_documents_search')")


BACKEND = PostgresFullText()
"""This dialect's full-text search, which its :mod:`archive.backends` module holds."""
