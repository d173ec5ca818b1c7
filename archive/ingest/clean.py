"""Cleaning article text: repair what crawling broke, remove only what is certainly junk.

``clean(body)`` is a pure function. It never drops a sentence that occurs
only once: a paragraph goes only when every one of its sentences is also in
another paragraph that stays (a teaser block, a repeated lede). The original
bytes are stored apart; cleaning only decides what readers, search and word
counts see.
"""

from __future__ import annotations

import heapq
import html
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import ftfy

from archive.ingest.sentences import CLOSING, TERMINAL, sentences, split_glued

_ODD_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_SPACES = re.compile(r" {2,}")
# What mojibake looks like: UTF-8 read as a one-byte code page turns each multi-byte
# character into a lead letter and continuation symbols (é -> Ã©, и -> Рё, " -> вЂњ),
# or leaves C1 controls, box drawing (cp437) or Mac symbols. A line without any of
# these has nothing for ftfy to fix, and ftfy is slow.
_MOJIBAKE_HINT = re.compile(
    "[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u2200-\u22ff\u2500-\u259f\ufb00-\ufb06"
    "\u206a-\u206f\ufff9-\ufffd\ud800-\udfff]"
    "|[\xc2-\xf4][\xa0-\xbf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6"
    "\u02dc\u2013-\u203a\u20ac\u2122]"
    "|[РСТУвг][\xa0-\xbf\u0401-\u040f\u0451-\u045f\u0490\u0491\u2013-\u203a\u20ac"
    "\u2116\u2122]"
    # UTF-8 read as Windows-1250 (Central European): ä -> Ă¤, ł -> Ĺ‚, ę -> Ä™.
    "|[\u0102\u0139\u0106\u010c\u0118\u011a\u010e\u0110\u0143\u0147\u0150\u0158"
    "\u016e\u0170\u0162\xc2\xc4][\xa0-\xbf\u0104\u0105\u0141\u0142\u013d\u013e\u015a"
    "\u015b\u015e\u015f\u0160\u0161\u0164\u0165\u0179-\u017e\u02c7\u02d8\u02db\u02dd"
    "\u2013-\u203a\u20ac\u2122]"
)


@dataclass(frozen=True)
class CleanText:
    """Cleaned text and what cleaning changed, in words."""

    text: str
    changes: tuple[str, ...] = ()
    mojibake_repaired: bool = False

    @property
    def changed(self) -> bool:
        return bool(self.changes)


def clean_line(text: str) -> tuple[str, list[str], bool]:
    """Fix entities, odd spaces and mojibake in one line: the text, notes, and mojibake or not."""
    notes: list[str] = []
    entities = len(_ENTITY.findall(text))
    if entities:
        text = html.unescape(text)
        notes.append(f"unescaped {_count(entities, 'HTML entity', 'HTML entities')}")
    # ftfy is slow; most lines, ASCII or not, have nothing it could fix.
    fixed = (
        text
        if text.isascii() or not _MOJIBAKE_HINT.search(text)
        else ftfy.fix_text(
            text,
            unescape_html=False,
            fix_line_breaks=False,
            normalization=None,
            fix_character_width=False,
            uncurl_quotes=False,
        )
    )
    mojibake = fixed != text
    if mojibake:
        notes.append("repaired mojibake")
    if not fixed.isascii():
        fixed = _INVISIBLE.sub("", _ODD_SPACES.sub(" ", fixed))
        fixed = unicodedata.normalize("NFC", fixed)
    elif "\t" in fixed or "\f" in fixed or "\v" in fixed:
        fixed = _ODD_SPACES.sub(" ", fixed)
    return (_SPACES.sub(" ", fixed) if "  " in fixed else fixed).strip(), notes, mojibake


@dataclass(frozen=True)
class CleanArticle:
    """An article's cleaned title and body, and what cleaning changed in them, in words."""

    title: str
    body: str
    changes: tuple[str, ...] = ()
    mojibake_repaired: bool = False


def clean_article(title: str, body: str, *, source: str | None = None) -> CleanArticle:
    """Clean an article's title and body; ``source`` (a domain) lets a site-name line go."""
    cleaned_title, title_notes, title_mojibake = clean_line(title)
    cleaned = clean(body, source=source)
    return CleanArticle(
        title=cleaned_title or title.strip(),
        body=cleaned.text,
        changes=tuple(f"title: {note}" for note in title_notes) + cleaned.changes,
        mojibake_repaired=title_mojibake or cleaned.mojibake_repaired,
    )


def clean(body: str, *, source: str | None = None) -> CleanText:
    """Clean an article body; ``source`` (a domain) lets a site-name first line go."""
    notes: list[str] = []
    lines: list[str] = []
    mojibake = False
    raw_lines = [line for line in body.split("\n") if line.strip()]
    for line in raw_lines:
        cleaned, line_notes, line_mojibake = clean_line(line)
        mojibake |= line_mojibake
        notes.extend(line_notes)
        if cleaned:
            lines.append(cleaned)
    notes = _merge_counts(notes)
    if len(raw_lines) != body.strip("\n").count("\n") + 1:
        notes.append("made paragraphs one line each")

    if lines and source and is_site_name(lines[0], source):
        notes.append(f"removed the site-name line {lines[0]!r}")
        lines = lines[1:]

    paragraphs, joined, glued, dropped = _repair_and_deduplicate(lines)
    if joined:
        notes.append(f"joined {_count(joined, 'line')} broken mid-sentence")
    if glued:
        notes.append(f"separated {_count(glued, 'glued sentence')}")
    if dropped:
        notes.append(
            f"dropped {_count(dropped, 'paragraph')} whose every sentence is repeated elsewhere"
        )
    return CleanText("\n".join(paragraphs), tuple(notes), mojibake)


REPAIR_ROUNDS = 4
"""Rounds of joining, separating and dropping; a fifth has never been seen to change anything."""


def _repair_and_deduplicate(lines: list[str]) -> tuple[list[str], int, int, int]:
    """Join broken lines, separate glued sentences and drop repeated paragraphs.

    Returns the paragraphs and how many lines were joined, sentences separated
    and paragraphs dropped.
    """
    joined = glued = dropped = 0
    paragraphs = lines
    for _ in range(REPAIR_ROUNDS):
        # Dropping a paragraph can bring together two halves of a broken sentence.
        paragraphs, newly_joined = join_broken_lines(paragraphs)
        split = [split_glued(paragraph) for paragraph in paragraphs]
        paragraphs, newly_dropped = drop_repeated_paragraphs(
            [text for text, _ in split], repaired=[count for _, count in split]
        )
        joined += newly_joined
        glued += sum(count for _, count in split)
        dropped += newly_dropped
        if not newly_dropped:
            break
    paragraphs, newly_dropped = drop_equal_paragraphs(paragraphs)
    return paragraphs, joined, glued, dropped + newly_dropped


def _count(number: int, thing: str, things: str | None = None) -> str:
    return f"{number} {thing}" if number == 1 else f"{number} {things or thing + 's'}"


def is_site_name(line: str, domain: str) -> bool:
    """True for a short line naming the site: 'Harbour Gazette' for harbourgazette.co.uk."""
    words = line.split()
    if not 1 <= len(words) <= 4 or len(line) > 40 or line[-1] in TERMINAL:
        return False
    label = domain.split(".")[0].replace("-", "").lower()
    letters = "".join(char for char in line.lower() if char.isalnum())
    first = "".join(char for char in words[0].lower() if char.isalnum())
    return letters == label or (len(first) >= 4 and label.startswith(first))


def join_broken_lines(lines: list[str]) -> tuple[list[str], int]:
    """Join each line to the next when the break falls inside a sentence."""
    paragraphs: list[str] = []
    joined = 0
    parts: list[str] = []
    open_quotes = {'"': 0, "'": 0}
    for line in lines:
        if parts and _continues(parts[-1], line, open_quotes):
            if not _attaches(line, open_quotes):
                parts.append(" ")
            joined += 1
        elif parts:
            paragraphs.append("".join(parts))
            parts = []
            open_quotes = {'"': 0, "'": 0}
        parts.append(line)
        for quote in open_quotes:
            open_quotes[quote] += line.count(quote)
    if parts:
        paragraphs.append("".join(parts))
    return paragraphs, joined


def _continues(previous: str, line: str, open_quotes: dict[str, int]) -> bool:
    """True when ``line`` carries on the sentence that ``previous`` (its last line) left open."""
    if _ends_sentence(previous):
        return False
    first = line[0]
    if first.islower() or first in ",;:)]»”’":
        return True
    if first in open_quotes and open_quotes[first] % 2 == 1:
        return True  # a quotation opened on the previous line closes here
    return previous.endswith((",", ";", ":", "-", "–", "—")) and first.isalpha()


def _attaches(line: str, open_quotes: dict[str, int]) -> bool:
    """True when ``line`` starts with punctuation that sticks to the previous word."""
    first = line[0]
    return first in ",;:.!?)]»”’" or (first in open_quotes and open_quotes[first] % 2 == 1)


def _ends_sentence(text: str) -> bool:
    stripped = text.rstrip(CLOSING)
    return bool(stripped) and stripped[-1] in TERMINAL


_QUOTES = re.compile(r"[\"'“”‘’«»„()\[\]「」『』]+")
_SPACE_AT_PUNCTUATION = re.compile(r"\s*+([^\w\s])\s*+")
_SPACES_BETWEEN_WORDS = re.compile(r"\s+")


def sentence_key(sentence: str) -> str:
    """What two copies of a sentence have in common: case, quote marks and spacing aside.

    ``said."Peace`` split as ``said." Peace`` or as ``said. "Peace`` gives the
    same sentences, and so do ``co.Next`` and ``co. Next``; but a space between
    two words counts, so that ``now here`` and ``nowhere`` stay apart.
    """
    key = _QUOTES.sub(" ", sentence.casefold())
    key = _SPACE_AT_PUNCTUATION.sub(r"\1", key)
    return _SPACES_BETWEEN_WORDS.sub(" ", key).strip()


def drop_repeated_paragraphs(
    paragraphs: list[str], repaired: Sequence[int] | None = None
) -> tuple[list[str], int]:
    """Drop paragraphs all of whose sentences stay elsewhere; the longest go first.

    ``repaired`` counts the glued sentences separated in each paragraph: of
    two copies of a lede, the glued one goes.
    """
    if not _may_repeat(paragraphs):
        return paragraphs, 0
    keys = [set(map(sentence_key, sentences(p))) for p in paragraphs]
    # How many kept paragraphs hold each sentence: one that is elsewhere too counts 2+.
    holders = Counter(key for paragraph_keys in keys for key in paragraph_keys)
    # A paragraph that is not a candidate never becomes one: holders only fall. So one
    # pass over the candidates, largest first, rechecking each, decides them all.
    # The teaser that repeats five sentences goes before the sentence it repeats; of two
    # equal paragraphs, the one with glued sentences goes, then the later one.
    candidates = [
        (-len(keys[index]), -(repaired[index] if repaired else 0), -index)
        for index in range(len(paragraphs))
        if keys[index] and all(holders[key] > 1 for key in keys[index])
    ]
    heapq.heapify(candidates)
    dropped: set[int] = set()
    while candidates:
        index = -heapq.heappop(candidates)[2]
        if all(holders[key] > 1 for key in keys[index]):
            dropped.add(index)
            holders.subtract(keys[index])
    kept = [paragraph for index, paragraph in enumerate(paragraphs) if index not in dropped]
    return kept, len(dropped)


def drop_equal_paragraphs(paragraphs: list[str]) -> tuple[list[str], int]:
    """Keep one of each set of paragraphs that are equal once white space is ignored.

    The copy with the most spaces stays, where the first copy stood: of
    ``said.It`` and ``said. It``, the second.
    """
    kept: list[str] = []
    position: dict[str, int] = {}
    for paragraph in paragraphs:
        key = "".join(paragraph.split())
        if key not in position:
            position[key] = len(kept)
            kept.append(paragraph)
        elif paragraph.count(" ") > kept[position[key]].count(" "):
            kept[position[key]] = paragraph
    return kept, len(paragraphs) - len(kept)


MAY_REPEAT_CHECKED = 64
"""Bodies with more paragraphs than this skip the quick test: it compares every pair."""


def _may_repeat(paragraphs: list[str]) -> bool:
    """False when no paragraph's first sentence can be in another: nothing to drop.

    A quick test before splitting sentences: the start of a paragraph, up to
    its first full stop, must be found in another paragraph for its first
    sentence to be there. Compared without case, white space and quote marks,
    so that every pair that :func:`sentence_key` would match still matches.
    """
    if len(paragraphs) < 2:
        return False
    if len(paragraphs) > MAY_REPEAT_CHECKED:
        return True
    texts = [_squeezed(paragraph.casefold()) for paragraph in paragraphs]
    for index, paragraph in enumerate(paragraphs):
        # Its first 24 characters hold no more of the rest than those of its sentence key.
        text = paragraph.casefold()
        stops = [at for at in map(text.find, TERMINAL) if at >= 0]
        start = _squeezed(text[: min([24, *stops])])
        if any(start in other for number, other in enumerate(texts) if number != index):
            return True
    return False


def _squeezed(text: str) -> str:
    """``text`` without white space and quote marks: all that :func:`sentence_key` changes."""
    return _QUOTES.sub("", "".join(text.split()))


def _merge_counts(notes: list[str]) -> list[str]:
    """One note per kind: 'unescaped 5 HTML entities', not five notes."""
    entities = sum(int(note.split()[1]) for note in notes if note.startswith("unescaped "))
    merged = [f"unescaped {_count(entities, 'HTML entity', 'HTML entities')}"] if entities else []
    if "repaired mojibake" in notes:
        merged.append("repaired mojibake")
    return merged
