from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archive.errors import InvalidQuery
from archive.search.fulltext.postgresql import tsquery_text
from archive.search.fulltext.sqlite import fts5_query
from archive.search.grammar import MAX_TERMS, Term, TextQuery, parse_query


def shape(text: str) -> tuple[list[list[tuple[str, bool, bool]]], list[str]]:
    query = parse_query(text)
    groups = [[(t.text, t.prefix, t.title_only) for t in group] for group in query.groups]
    return groups, [t.text for t in query.excluded]


@pytest.mark.parametrize(
    ("text", "groups", "excluded"),
    [
        ("ultimatum", [[("ultimatum", False, False)]], []),
        ("lavrov belarus", [[("lavrov", False, False)], [("belarus", False, False)]], []),
        ('"undercover negotiations"', [[("undercover negotiations", False, False)]], []),
        ("ukrain*", [[("ukrain", True, False)]], []),
        ("lavrov OR aleinik", [[("lavrov", False, False), ("aleinik", False, False)]], []),
        ("a b OR c d", [[("a", False, False)], [("b", False, False), ("c", False, False)],
                        [("d", False, False)]], []),
        ("russia -belarus", [[("russia", False, False)]], ["belarus"]),
        ('russia -"foreign minister"', [[("russia", False, False)]], ["foreign minister"]),
        ("title:lavrov", [[("lavrov", False, True)]], []),
        ('TITLE:"peace efforts"*', [[("peace efforts", True, True)]], []),
        ("a AND b", [[("a", False, False)], [("b", False, False)]], []),
        ("ёлка", [[("елка", False, False)]], []),
        # taken literally
        ('"x', [[("x", False, False)]], []),
        ("AND", [[("AND", False, False)]], []),
        ("OR", [[("OR", False, False)]], []),
        ("a OR", [[("a", False, False)], [("OR", False, False)]], []),
        ("or and", [[("or", False, False)], [("and", False, False)]], []),
        ("it's", [[("it's", False, False)]], []),
        ("20.04", [[("20.04", False, False)]], []),
        ("C++", [[("C++", False, False)]], []),
        ("co-operation", [[("co-operation", False, False)]], []),
        ("title:", [[("title:", False, False)]], []),
        ("a\x00b", [[("a", False, False)], [("b", False, False)]], []),
        ("x' OR 1=1 --", [[("x'", False, False), ("1=1", False, False)]], []),
        ("(a OR b)", [[("(a", False, False), ("b)", False, False)]], []),
    ],
)  # fmt: skip
def test_grammar(
    text: str, groups: list[list[tuple[str, bool, bool]]], excluded: list[str]
) -> None:
    assert shape(text) == (groups, excluded)


NOTHING = ' has no words to search for; use words, "phrases" or prefix*'


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("-", "'-'" + NOTHING),
        ("(", "'('" + NOTHING),
        ("*", "'*'" + NOTHING),
        ('""', "'\"\"'" + NOTHING),
        ("", "an empty query" + NOTHING),
        ("   \t ", "an empty query" + NOTHING),
        ("\x00", "an empty query" + NOTHING),
        ("-russia", "the query only excludes words; add one to look for, as in 'strike -football'"),
        ("word " * 2000, f"the query has 2000 terms; use at most {MAX_TERMS}"),
    ],
)
def test_queries_with_nothing_to_search(text: str, message: str) -> None:
    with pytest.raises(InvalidQuery) as caught:
        parse_query(text)
    assert str(caught.value) == message


def test_fts5_rendering_quotes_every_term() -> None:
    query = parse_query('title:"peace talks" russ* OR "x""y" -belarus AND')
    assert fts5_query(query) == (
        '((title : "peace talks") AND ("russ" * OR "x") AND ("y") AND ("AND")) NOT ("belarus")'
    )


def test_tsquery_rendering() -> None:
    query = TextQuery(
        ((Term("peace talks", title_only=True),), (Term("russ", prefix=True), Term("x"))),
        (Term("belarus"),),
    )
    assert tsquery_text(query) == ("(('peace':A <-> 'talks':A) & ('russ':* | 'x')) & !('belarus')")


@pytest.fixture(scope="module")
def fts5() -> sqlite3.Connection:
    connection = sqlite3.connect(":memory:")
    connection.execute(
        "CREATE VIRTUAL TABLE documents_fts USING fts5(title, body, "
        'tokenize="unicode61 remove_diacritics 2")'
    )
    connection.execute(
        "INSERT INTO documents_fts VALUES ('Peace talks', 'It''s C++ co-operation in 20.04')"
    )
    return connection


def runs_in_fts5(connection: sqlite3.Connection, text: str) -> None:
    """Parse ``text`` and run it in FTS5: an InvalidQuery or a result, never an SQL error."""
    try:
        query = parse_query(text)
    except InvalidQuery:
        return
    connection.execute(
        "SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?", (fts5_query(query),)
    ).fetchall()


@settings(max_examples=500)
@given(st.text(max_size=200))
def test_any_text_is_a_valid_fts5_query_or_an_invalid_query(
    fts5: sqlite3.Connection, text: str
) -> None:
    runs_in_fts5(fts5, text)


PIECES = ['"', "-", "*", "OR", "AND", "title:", "(", ")", "x", "ё", " ", "NOT", "NEAR", "^",
          ":", "'", "+", "{", "}"]  # fmt: skip


@settings(max_examples=500)
@given(st.lists(st.sampled_from(PIECES), max_size=20))
def test_operator_soup_never_breaks_fts5(fts5: sqlite3.Connection, pieces: list[str]) -> None:
    runs_in_fts5(fts5, "".join(pieces))


def test_postgres_headlines_mark_a_phrase_as_one() -> None:
    from archive.search.fulltext.base import SNIPPET_END as E
    from archive.search.fulltext.base import SNIPPET_START as S
    from archive.search.fulltext.postgresql import _joined_phrases

    marked = f"They held {S}undercover{E} {S}negotiations{E} {S}on{E} Monday."
    assert _joined_phrases(marked, parse_query('"undercover negotiations on"')) == (
        f"They held {S}undercover negotiations on{E} Monday."
    )
    assert _joined_phrases(marked, parse_query("undercover negotiations on")) == marked
    for headline, query, joined in [
        (f"{S}Café{E} {S}culture{E}", '"cafe culture"', f"{S}Café culture{E}"),
        (f"{S}Łódź{E} {S}Kaliska{E}", '"lodz kaliska"', f"{S}Łódź Kaliska{E}"),
        (f"in {S}New{E} {S}York{E}", '"new yor"*', f"in {S}New York{E}"),
        (f"in {S}New{E}-{S}York{E}", '"new york"', f"in {S}New-York{E}"),
        (f"{S}l{E}'{S}école{E}", '"l\'école"', f"{S}l'école{E}"),
        (f"{S}New{E} {S}York{E}", '"york new"', f"{S}New{E} {S}York{E}"),
    ]:
        assert _joined_phrases(headline, parse_query(query)) == joined


def test_postgres_headlines_are_marked_where_they_cut_the_text() -> None:
    from archive.search.fulltext.base import SNIPPET_END, SNIPPET_START
    from archive.search.fulltext.postgresql import _marked_cuts

    body = "One two three. Four five six. Seven eight nine."
    marked = f"Four {SNIPPET_START}five{SNIPPET_END} six."
    # As FTS5 writes it: … straight after the last word shown.
    assert _marked_cuts(marked, body) == f"…{marked[:-1]}…"
    assert _marked_cuts(f"One {SNIPPET_START}two{SNIPPET_END}", body) == (
        f"One {SNIPPET_START}two{SNIPPET_END}…"
    )
    assert _marked_cuts("Seven eight nine.", body) == "…Seven eight nine."
    assert _marked_cuts(body, body) == body
    # ts_headline leaves out end punctuation and a closing tag: no words are cut there.
    assert _marked_cuts("Seven eight nine", body) == "…Seven eight nine."
    assert _marked_cuts("keyword zebra", "a snake_case keyword zebra and more") == (
        "…keyword zebra…"
    )
    assert _marked_cuts(f"«{SNIPPET_START}Ein{SNIPPET_END} Satz", "« Ein Satz »") == (
        f"« {SNIPPET_START}Ein{SNIPPET_END} Satz »"
    )
    assert _marked_cuts("One two three.\nFour", "One two three.  Four") == "One two three.\nFour"
    assert _marked_cuts("<p>One two", "One two") == "<p>One two"
