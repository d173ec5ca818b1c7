"""Text to article: the header line, the title and the body.

Pure functions over decoded text; see FORMAT.md for the layout. The header is
``<ws>date<ws>DATE[<ws>REST]`` where REST is a URL, nothing, a short label, or
the start of the article itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from archive.dates import PartialDate, parse_partial_date
from archive.errors import FileRejected, InvalidDate

TITLE_LENGTH = 120
"""Derived titles are cut to about this many characters."""

RestKind = Literal["none", "url", "label", "title", "lead"]

_HEADER = re.compile(r"[^\S\n]*date(?:[^\S\n]+(\S+))?(?:[^\S\n]+(.*?))?[^\S\n]*", re.IGNORECASE)
_URL = re.compile(r"https?://\S+", re.IGNORECASE)
_BARE_URL = re.compile(r"(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}/\S*", re.IGNORECASE)
_OTHER_SCHEME = re.compile(r"[a-z][a-z0-9+.-]*://\S*", re.IGNORECASE)
_LABEL_START = "-–—|•·:/#*>"
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+[\"'“‘«(\[]?[^\W_a-zа-яё]|\s*$)")
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st jr sr gen sen rep gov col lt sgt capt no vs etc "
    "jan feb mar apr jun jul aug sep sept oct nov dec inc ltd co corp e.g i.e u.s u.k u.n".split()
)
"""Words that end with a full stop without ending the sentence (lower case, no final stop)."""


@dataclass(frozen=True)
class ParsedArticle:
    """What one article file says, before any cleaning."""

    published: PartialDate
    title: str
    body: str
    url: str | None = None
    """The URL exactly as the header wrote it."""
    label: str | None = None
    """A short label on the header line that is not the title (``News``, ``403``)."""
    title_derived: bool = False
    """True when the file had no title and it was taken from the first sentence."""
    rest_kind: RestKind = "none"
    warnings: tuple[str, ...] = ()


def parse_article(text: str) -> ParsedArticle:
    """Parse the decoded text of one article file.

    Raises :class:`FileRejected` with reason ``missing_header``, ``bad_date``
    or ``no_text``.
    """
    lines = text.lstrip("\ufeff").split("\n")
    header_index = _first_nonblank(lines, 0)
    if header_index is None:
        raise FileRejected("empty", "the file is blank")
    header_line = lines[header_index]
    header = _HEADER.fullmatch(header_line)
    if header is None:
        raise FileRejected(
            "missing_header",
            f"line {header_index + 1} is not a ' date YYYY-MM-DD' header: {_quote(header_line)}",
        )
    date_text, rest = header.group(1), (header.group(2) or "").strip()
    if date_text is None:
        raise FileRejected("bad_date", f"line {header_index + 1} has 'date' but no date after it")
    try:
        published = parse_partial_date(date_text)
    except InvalidDate as error:
        raise FileRejected("bad_date", f"line {header_index + 1}: {error}") from None

    warnings: list[str] = []
    url, rest = _split_url(rest, warnings)
    following = lines[header_index + 1 :]
    first = _first_nonblank(following, 0)
    next_line = following[first].strip() if first is not None else ""

    kind = classify_rest(rest, next_line)
    if kind == "none" and url:
        kind = "url"
    label = rest if kind == "label" else None
    if kind == "title":
        return ParsedArticle(
            published, rest, _body(following), url, label, False, kind, tuple(warnings)
        )
    if kind == "lead":
        title = derive_title(rest)
        body = _body([rest, *following])
        return ParsedArticle(published, title, body, url, label, True, kind, tuple(warnings))

    if first is None:
        what = "a URL" if url else f"the label {_quote(rest)}" if label else "nothing"
        raise FileRejected("no_text", f"the file has a header with {what} and no text after it")
    title_line = following[first].strip()
    if looks_like_paragraph(title_line):
        title = derive_title(title_line)
        return ParsedArticle(
            published, title, _body(following), url, label, True, kind, tuple(warnings)
        )
    body = _body(following[first + 1 :])
    return ParsedArticle(published, title_line, body, url, label, False, kind, tuple(warnings))


def classify_rest(rest: str, next_line: str = "") -> RestKind:
    """Say what the text after the date on the header line is.

    ``next_line`` is the first non-empty line after the header: a short
    remainder followed by a headline is a label, followed by a paragraph it is
    the title.
    """
    if not rest:
        return "none"
    if _URL.fullmatch(rest):
        return "url"
    if looks_like_paragraph(rest):
        return "lead"
    if _looks_like_label(rest, next_line):
        return "label"
    return "title"


def looks_like_paragraph(line: str) -> bool:
    """True for a whole paragraph, False for a headline-like clause."""
    words = len(line.split())
    if len(line) > 200:
        return True
    if _has_inner_sentence_break(line) and words >= 12:
        return True
    stripped = line.rstrip("\"'”’»)] ")
    if stripped.endswith((".", "…")) and not stripped.endswith("...") and words >= 8:
        return True
    return stripped.endswith(("!", "?")) and words >= 15


def derive_title(paragraph: str) -> str:
    """The first sentence of ``paragraph``, cut at a word to about 120 characters."""
    sentence = first_sentence(paragraph)
    if len(sentence) <= TITLE_LENGTH:
        return sentence
    cut = sentence.rfind(" ", 0, TITLE_LENGTH)
    return sentence[: cut if cut > TITLE_LENGTH // 2 else TITLE_LENGTH].rstrip(" ,;:-–—") + "…"


def first_sentence(paragraph: str) -> str:
    """The paragraph up to its first sentence end, ignoring U.S., Mr. and initials."""
    paragraph = " ".join(paragraph.split())
    for match in _SENTENCE_END.finditer(paragraph):
        if not is_abbreviation(paragraph, match.start()):
            return paragraph[: match.end()]
    return paragraph


def count_words(text: str) -> int:
    """Words in ``text``: runs of letters and digits, with inner hyphens and apostrophes."""
    return len(_WORD.findall(text))


def _split_url(rest: str, warnings: list[str]) -> tuple[str | None, str]:
    """Take a leading URL off the header's remainder."""
    token, _, tail = rest.partition(" ")
    if _URL.fullmatch(token):
        return token, tail.strip()
    if _BARE_URL.fullmatch(token) and not tail:
        warnings.append(f"the header URL {_quote(token)} has no scheme; read as https://{token}")
        return f"https://{token}", ""
    if _OTHER_SCHEME.fullmatch(token) and not tail:
        warnings.append(f"the header address {_quote(token)} is not http(s); kept as a label")
    return None, rest


def _looks_like_label(rest: str, next_line: str) -> bool:
    if not any(char.isalpha() for char in rest) or rest[0] in _LABEL_START:
        return True
    words = rest.split()
    if len(words) > 3 or len(rest) > 40:
        return False
    if len(words) == 1 or rest.isupper():
        return True
    # "Top Stories" is a label when a headline follows; "Minister resigns" is a title.
    title_case = all(not word[0].isalpha() or word[0].isupper() for word in words)
    return title_case and bool(next_line) and not looks_like_paragraph(next_line)


def _has_inner_sentence_break(line: str) -> bool:
    return any(
        match.end() < len(line.rstrip()) and not is_abbreviation(line, match.start())
        for match in _SENTENCE_END.finditer(line)
    )


def is_abbreviation(text: str, end: int) -> bool:
    """True when the full stop at ``end`` closes an abbreviation or an initial."""
    if text[end] != ".":
        return False
    # No abbreviation is near 24 characters long: a longer word needs no exact start.
    before = text[max(0, end - 24) : end]
    if not before or before[-1].isspace():
        return False
    word = before.rsplit(None, 1)[-1]
    if len(word) >= 24:
        return False
    word = word.lstrip("\"'“‘«(").lower()
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _first_nonblank(lines: list[str], start: int) -> int | None:
    for index in range(start, len(lines)):
        if lines[index].strip():
            return index
    return None


def _body(lines: list[str]) -> str:
    return "\n".join(lines).strip("\n").rstrip()


def _quote(text: str, limit: int = 60) -> str:
    shown = text.strip()
    return repr(shown if len(shown) <= limit else shown[:limit] + "...")
