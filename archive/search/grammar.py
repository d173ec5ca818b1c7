"""The search query language, parsed into terms before it goes near SQL.

Grammar: bare words (all must match), ``"exact phrases"``, ``prefix*``,
``OR`` between two terms, ``-excluded`` terms, and ``title:`` before a word
or phrase. ``AND`` between terms is allowed and changes nothing. Anything
else is taken literally: punctuation only separates words, an unclosed quote
runs to the end, and ``or``, ``and`` in lower case are words.

Pure functions, no database: each backend renders a :class:`TextQuery` in its
own syntax, quoting every term.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from archive.errors import InvalidQuery

MAX_TERMS = 32
"""More terms than this make a query slow and are almost always a paste."""

FOLDS = {"ё": "е", "Ё": "Е"}
"""Letters that the index and the queries both write as another: ё is е.

The one declaration: :func:`fold` and the backends' SQL derive from it (the
triggers of migration 0002 keep their own copy, as migrations must).
"""
_FOLDS = str.maketrans(FOLDS)
_ITEM = re.compile(
    r"""(?P<minus>-)?(?P<title>(?i:title):)?"""
    r"""(?:"(?P<phrase>[^"]*)(?:"|$)(?P<phrase_star>\*)?|(?P<word>[^\s"]+))"""
)


@dataclass(frozen=True)
class Term:
    """One word or phrase to look for."""

    text: str
    """The words, folded (ё is е); a phrase when there are several."""
    prefix: bool = False
    """True for ``word*``: the last word may continue."""
    title_only: bool = False
    """True for ``title:word``."""


@dataclass(frozen=True)
class TextQuery:
    """All of ``groups`` must match (each group: any of its terms); none of ``excluded``."""

    groups: tuple[tuple[Term, ...], ...]
    excluded: tuple[Term, ...] = field(default=())

    @property
    def terms(self) -> list[Term]:
        return [term for group in self.groups for term in group] + list(self.excluded)


def render(
    query: TextQuery,
    term: Callable[[Term], str],
    *,
    any_of: str,
    all_of: str,
    but_not: str,
) -> str:
    """``query`` in a backend's syntax, given how it writes one term and its three operators."""
    groups = [any_of.join(term(alternative) for alternative in group) for group in query.groups]
    expression = all_of.join(f"({group})" for group in groups)
    for excluded in query.excluded:
        expression = f"({expression}){but_not}({term(excluded)})"
    return expression


def fold(text: str) -> str:
    """What both the index and queries see: ё is е (case and accents are the index's job)."""
    return text.translate(_FOLDS)


def has_word(text: str) -> bool:
    """True when ``text`` has a letter or digit, the characters that make index tokens."""
    return any(unicodedata.category(char)[0] in "LN" or unicodedata.category(char) == "Co"
               for char in text)  # fmt: skip


def parse_query(text: str) -> TextQuery:
    """Parse a search query. Raises :class:`InvalidQuery` when nothing is left to search for."""
    groups: list[list[Term]] = []
    excluded: list[Term] = []
    after_or = False
    for kind, term in _lex(text):
        if kind == "or":
            after_or = True
        elif kind == "excluded":
            excluded.append(term)
        elif after_or:
            groups[-1].append(term)
            after_or = False
        else:
            groups.append([term])
    count = sum(len(group) for group in groups) + len(excluded)
    if count > MAX_TERMS:
        raise InvalidQuery(f"the query has {count} terms; use at most {MAX_TERMS}")
    if not groups:
        if excluded:
            raise InvalidQuery(
                "the query only excludes words; add one to look for, as in 'strike -football'"
            )
        raise InvalidQuery(
            f'{_shown(text)} has no words to search for; use words, "phrases" or prefix*'
        )
    return TextQuery(tuple(tuple(group) for group in groups), tuple(excluded))


def _lex(text: str) -> list[tuple[str, Term]]:
    """Split the query into ("term" | "excluded" | "or", Term) items."""
    cleaned = "".join(" " if unicodedata.category(char) == "Cc" else char for char in text)
    items: list[tuple[str, Term]] = []
    for match in _ITEM.finditer(cleaned):
        words, prefix = match["phrase"], bool(match["phrase_star"])
        if words is None:
            words = match["word"]
            if words in ("OR", "AND") and not (match["minus"] or match["title"]):
                items.append(("or", Term("OR")) if words == "OR" else ("and", Term("AND")))
                continue
            prefix = words.endswith("*") and has_word(words)
            words = words.rstrip("*") if prefix else words
        if has_word(words):
            term = Term(fold(" ".join(words.split())), prefix, bool(match["title"]))
            items.append(("excluded" if match["minus"] else "term", term))
    return _literal_stray_operators(items)


def _literal_stray_operators(items: list[tuple[str, Term]]) -> list[tuple[str, Term]]:
    """OR and AND are operators only between two terms; elsewhere they are words."""
    result: list[tuple[str, Term]] = []
    for index, (kind, term) in enumerate(items):
        if kind in ("or", "and"):
            before = index > 0 and items[index - 1][0] == "term"
            after = index + 1 < len(items) and items[index + 1][0] == "term"
            if not (before and after):
                result.append(("term", term))
                continue
            if kind == "and":
                continue
        result.append((kind, term))
    return result


def _shown(text: str, limit: int = 40) -> str:
    shown = "".join(char if char.isprintable() else " " for char in text).strip()
    if not shown:
        return "an empty query"
    return repr(shown if len(shown) <= limit else shown[:limit] + "...")
