"""Text to article: the header line, the title and the body.

Pure functions over decoded text; docs/format.md describes the layout. The header is
``<ws>date<ws>DATE[<ws>REST]`` where REST is a URL, nothing, a short label, or
the start of the article itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from archive.dates import PartialDate, parse_partial_date
from archive.errors import FileRejected, InvalidDate
from archive.ingest.sentences import (
    CLOSING,
    FULL_STOPS,
    first_sentence,
    is_abbreviation,
    sentence_count,
)

TITLE_LENGTH = 120
"""Derived titles are cut to about this many characters."""
PARAGRAPH_WORDS = 40
"""A title line with more words than this is plainly body text, and the title is derived."""
PARAGRAPH_CHARACTERS = 400
"""Likewise for a line this long, whatever its words."""
LEAD_WORDS = 8
"""A header remainder of one sentence ending in a full stop is a lead from this many words."""
TWO_SENTENCE_LEAD_WORDS = 20
"""A header remainder of two sentences or more ending in a full stop: a lead from this many."""

RestKind = Literal["none", "url", "label", "title", "lead"]

_HEADER = re.compile(r"[^\S\n]*date(?:[^\S\n]+(\S+))?(?:[^\S\n]+(.*?))?[^\S\n]*", re.IGNORECASE)
_URL = re.compile(r"https?://\S+", re.IGNORECASE)
_BARE_URL = re.compile(r"(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}/\S*", re.IGNORECASE)
_OTHER_SCHEME = re.compile(r"[a-z][a-z0-9+.-]*://\S*", re.IGNORECASE)
_LABEL_START = "-–—|•·:/#*>"
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


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
    if looks_like_lead(rest):
        return "lead"
    if _looks_like_label(rest, next_line):
        return "label"
    return "title"


def looks_like_paragraph(line: str) -> bool:
    """True for a line that is plainly body text: a long paragraph, never a headline.

    Real headlines run to 30 words and hold two or three sentences or
    exclamations, a kicker or a trailing time, so only length decides: more
    than 40 words (an unspaced script such as Chinese counts a word for every
    two characters), or more than 400 characters.
    """
    return len(line) > PARAGRAPH_CHARACTERS or _word_units(line) > PARAGRAPH_WORDS


def looks_like_lead(text: str) -> bool:
    """True when the rest of a header line is the article's first paragraph, not its headline.

    A headline has no final full stop (``Minister resigns after budget vote
    fails``), or is a short clause and kicker (``Crowds demand a hanging,
    radicals say. The government will not give in yet.``); a lead is a whole
    sentence with a full stop (``The minister said on Wednesday that the talks
    would resume next week, according to officials.``; also ``。`` and ``।``),
    or plainly a paragraph.
    """
    if looks_like_paragraph(text):
        return True
    stripped = text.rstrip(CLOSING + " ")
    if not stripped.endswith(tuple(FULL_STOPS)) or stripped.endswith("..."):
        return False
    if is_abbreviation(stripped, len(stripped) - 1):
        return False
    words = _word_units(text)
    if sentence_count(text) > 1:
        return words >= TWO_SENTENCE_LEAD_WORDS
    return words >= LEAD_WORDS


def derive_title(paragraph: str) -> str:
    """The first sentence of ``paragraph``, cut at a word to about 120 characters."""
    sentence = first_sentence(paragraph)
    if len(sentence) <= TITLE_LENGTH:
        return sentence
    cut = sentence.rfind(" ", 0, TITLE_LENGTH)
    return sentence[: cut if cut > TITLE_LENGTH // 2 else TITLE_LENGTH].rstrip(" ,;:-–—") + "…"


def _word_units(line: str) -> float:
    """Words in ``line``, counting two characters of an unspaced script (Chinese) as one."""
    unspaced = len(_UNSPACED.findall(line))
    if not unspaced:
        return len(line.split())
    return len(_UNSPACED.sub(" ", line).split()) + unspaced / 2


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
    if len(words) > 3 or len(rest) > 40 or len(_UNSPACED.findall(rest)) >= 6:
        return False  # a Chinese headline is one long "word"
    if len(words) == 1 or rest.isupper():
        return True
    # "Top Stories" is a label when a headline follows; "Minister resigns" is a title.
    title_case = all(not word[0].isalpha() or word[0].isupper() for word in words)
    return title_case and bool(next_line) and not looks_like_lead(next_line)


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
