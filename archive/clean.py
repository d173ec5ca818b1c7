"""Cleaning article text: repair what crawling broke, remove only what is certainly junk.

``clean(body)`` is a pure function. It never drops a sentence that occurs
only once: a paragraph goes only when every one of its sentences is also in
another paragraph that stays (a teaser block, a repeated lede). The original
bytes are stored apart; cleaning only decides what readers, search and word
counts see.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

import ftfy

from archive.parse import ABBREVIATIONS, is_abbreviation

_TERMINAL = ".!?…"
_CLOSING = "\"'”’»)]"
_OPENING_QUOTES = "\"“«„‘'"
_ODD_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_GLUED = re.compile(r"([.!?])([\"“«]?)(?=[^\W\d_])")
# Unlike the parser's, which looks for a title's end, this also ends a sentence before a
# lower-case word: repeated-sentence checks compare the finer pieces.
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+[\"'“‘«(\[]?[^\W_]|\s*$)")
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
)
_DOMAIN_ENDINGS = frozenset(
    "com net org info biz io gov edu int ru su de uk fr it es pl ua by kz bg cn in br pt nl eu "
    "us ca au jp co".split()
)
"""Words after a full stop that make it part of a domain name (Example.Com), not a sentence end."""


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

    joined = glued = dropped = 0
    paragraphs = lines
    while True:
        # Dropping a paragraph can bring together two halves of a broken sentence.
        paragraphs, newly_joined = join_broken_lines(paragraphs)
        split = [split_glued(paragraph) for paragraph in paragraphs]
        paragraphs, newly_dropped = drop_repeated_paragraphs([text for text, _ in split])
        joined += newly_joined
        glued += sum(count for _, count in split)
        dropped += newly_dropped
        if not newly_dropped:
            break
    if joined:
        notes.append(f"joined {_count(joined, 'line')} broken mid-sentence")
    if glued:
        notes.append(f"separated {_count(glued, 'glued sentence')}")
    if dropped:
        notes.append(
            f"dropped {_count(dropped, 'paragraph')} whose every sentence is repeated elsewhere"
        )
    return CleanText("\n".join(paragraphs), tuple(notes), mojibake)


def _count(number: int, thing: str, things: str | None = None) -> str:
    return f"{number} {thing}" if number == 1 else f"{number} {things or thing + 's'}"


def is_site_name(line: str, domain: str) -> bool:
    """True for a short line naming the site: 'Harbour Gazette' for harbourgazette.co.uk."""
    words = line.split()
    if not 1 <= len(words) <= 4 or len(line) > 40 or line[-1] in _TERMINAL:
        return False
    label = domain.split(".")[0].replace("-", "").lower()
    letters = "".join(char for char in line.lower() if char.isalnum())
    first = "".join(char for char in words[0].lower() if char.isalnum())
    return letters == label or (len(first) >= 4 and label.startswith(first))


def join_broken_lines(lines: list[str]) -> tuple[list[str], int]:
    """Join each line to the next when the break falls inside a sentence."""
    paragraphs: list[str] = []
    joined = 0
    for line in lines:
        if paragraphs and _continues(paragraphs[-1], line):
            previous = paragraphs[-1]
            glue = "" if _attaches(previous, line) else " "
            paragraphs[-1] = previous + glue + line
            joined += 1
        else:
            paragraphs.append(line)
    return paragraphs, joined


def _continues(previous: str, line: str) -> bool:
    """True when ``line`` carries on the sentence that ``previous`` left open."""
    if _ends_sentence(previous):
        return False
    first = line[0]
    if first.islower() or first in ",;:)]»”’":
        return True
    if first in "\"'" and previous.count(first) % 2 == 1:
        return True  # a quotation opened on the previous line closes here
    return previous.endswith((",", ";", ":", "-", "–", "—")) and first.isalpha()


def _attaches(previous: str, line: str) -> bool:
    """True when ``line`` starts with punctuation that sticks to the previous word."""
    return line[0] in ",;:.!?)]»”’" or (line[0] in "\"'" and previous.count(line[0]) % 2 == 1)


def _ends_sentence(text: str) -> bool:
    stripped = text.rstrip(_CLOSING)
    return bool(stripped) and stripped[-1] in _TERMINAL


def split_glued(paragraph: str) -> tuple[str, int]:
    """Put a space between sentences glued at the full stop: 'Ukraine.That' -> 'Ukraine. That'.

    Only between a lower-case word and a capital, so U.S., 3.5, e.g. and
    sputnikglobe.com stay as they are.
    """
    count = 0

    def space(match: re.Match[str]) -> str:
        nonlocal count
        start = match.start()
        before = paragraph[start - 2 : start]
        after = paragraph[match.end()]
        # Two letters before, the last lower-case; a capital after.
        if len(before) < 2 or not before.isalpha() or not before[1].islower():
            return match.group(0)
        if not after.isupper():
            return match.group(0)
        word = paragraph[paragraph.rfind(" ", 0, start) + 1 : start].strip(_OPENING_QUOTES)
        following = re.match(r"[^\W\d_]+", paragraph[match.end() :])
        if word.lower() in ABBREVIATIONS or (
            following is not None and following.group(0).lower() in _DOMAIN_ENDINGS
        ):
            return match.group(0)
        count += 1
        return f"{match.group(1)} {match.group(2)}"

    return _GLUED.sub(space, paragraph), count


def sentences(paragraph: str) -> list[str]:
    """The paragraph's sentences, as written."""
    found = []
    start = 0
    for match in _SENTENCE_END.finditer(paragraph):
        if is_abbreviation(paragraph, match.start()):
            continue
        end = match.end()
        found.append(paragraph[start:end].strip())
        start = end
    tail = paragraph[start:].strip()
    if tail:
        found.append(tail)
    return found


def sentence_key(sentence: str) -> str:
    """What two copies of a sentence have in common: case and spacing aside."""
    return " ".join(sentence.casefold().split())


def drop_repeated_paragraphs(paragraphs: list[str]) -> tuple[list[str], int]:
    """Drop paragraphs all of whose sentences stay elsewhere; the longest go first."""
    if not _may_repeat(paragraphs):
        return paragraphs, 0
    keys = [set(map(sentence_key, sentences(p))) for p in paragraphs]
    kept = set(range(len(paragraphs)))
    while True:
        # How many kept paragraphs hold each sentence: one that is elsewhere too counts 2+.
        holders = Counter(key for index in kept for key in keys[index])
        candidates = [
            index for index in kept if keys[index] and all(holders[k] > 1 for k in keys[index])
        ]
        if not candidates:
            break
        # The teaser that repeats five sentences goes before the sentence it repeats;
        # of two equal paragraphs, the later one goes.
        kept.remove(max(candidates, key=lambda index: (len(keys[index]), index)))
    return [paragraphs[index] for index in sorted(kept)], len(paragraphs) - len(kept)


def _may_repeat(paragraphs: list[str]) -> bool:
    """False when no paragraph's first sentence can be in another: nothing to drop.

    A quick test before splitting sentences: the start of a paragraph, up to
    its first full stop, must be found in another paragraph for its first
    sentence to be there.
    """
    if len(paragraphs) < 2:
        return False
    texts = [sentence_key(paragraph) for paragraph in paragraphs]
    for index, text in enumerate(texts):
        stops = [at for at in map(text.find, _TERMINAL) if at >= 0]
        start = text[: min([24, *(at + 1 for at in stops)])]
        if any(start in other for number, other in enumerate(texts) if number != index):
            return True
    return False


def _merge_counts(notes: list[str]) -> list[str]:
    """One note per kind: 'unescaped 5 HTML entities', not five notes."""
    entities = sum(int(note.split()[1]) for note in notes if note.startswith("unescaped "))
    merged = [f"unescaped {_count(entities, 'HTML entity', 'HTML entities')}"] if entities else []
    if "repaired mojibake" in notes:
        merged.append("repaired mojibake")
    return merged
