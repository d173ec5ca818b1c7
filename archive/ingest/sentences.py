"""Sentences and words in running text: where sentences end, glued sentences, word counts.

Pure functions shared by parsing (a title is a headline or the first
sentence of a lead) and cleaning (repeated sentences, glued sentences). Every
function here runs in time linear in its input.
"""

from __future__ import annotations

import re

TERMINAL = ".!?…。！？।؟"
"""Characters that end a sentence (with the Chinese full stop, the danda and the Arabic ?)."""
FULL_STOPS = ".。।"
"""The marks that end a statement rather than a question or an exclamation."""
CLOSING = "\"'”’»)]」』“‘"
"""Quotes and brackets that may follow a sentence's final mark (“ and ‘ close German quotes)."""
OPENING = "\"'“‘«„([「『"
"""Quotes and brackets that may start a sentence."""

ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st jr sr gen sen rep gov col lt sgt capt vs etc "
    "jan feb mar apr jun jul aug sep sept oct nov dec inc ltd co corp e.g i.e u.s u.k u.n".split()
)
"""Words that end with a full stop without ending the sentence (lower case, no final stop).

``No.`` is one only before a number (``No. 5``): ``He said no.`` ends a sentence.
"""

DOMAIN_ENDINGS = frozenset(
    "com org info biz io gov edu int ru uk fr pl ua kz bg cn br pt nl jp".split()
)
"""Words after a full stop that make it part of a domain name (Example.Com), not a sentence end.

Not those that also start sentences in some language: It, In, Us, By, No, De, Es, Ca, Co,
Au, Su, Net, Eu.
"""

# What may stand before a sentence's first letter: quotes, brackets, Spanish ¿ and ¡, a
# French « with its space, a dialogue dash with its space.
_OPENER = r"(?:[—–]\s?)?(?:«\s?)?[\"'“‘„(\[¿¡]{0,2}"
# What may follow a sentence's final mark: closing quotes and brackets, a French » with its
# space before it.
_CLOSER = r"(?:[\"'”’»)\]」』“‘]|\s»)*+"
# A sentence ends at its final marks and closing quotes, before white space and the next
# sentence's first letter or digit (whatever its case), or at the end of the text. CJK marks
# end a sentence with no space after them.
# Each pattern starts with the mark itself, and looks behind it only then: a pattern that
# starts with a look-behind is tried at every position of the text, which is slow.
_SENTENCE_END = re.compile(
    r"[.!?…।؟](?<![.!?…।؟].)[.!?…।؟]*+" + _CLOSER + r"(?=\s+" + _OPENER + r"[^\W_]|\s*$)"
    r"|[。！？](?<![。！？].)[。！？]*+[」』”’)]*+"
)
# A title's first sentence ends only before a capital: "Talks resume. minister says" is one.
_TITLE_SENTENCE_END = re.compile(
    r"[.!?…।؟](?<![.!?…।؟].)[.!?…।؟]*+" + _CLOSER + r"(?=\s+" + _OPENER + r"[^\W_a-zа-яё]|\s*$)"
)
# A final mark glued to the next sentence's first letter, with any quotes or brackets
# between them: "Ukraine.That", 'deal is."Peace', "сделка.»Мир", "fue.¡Basta", "parti.« Nous".
_GLUED = re.compile(
    r"([.!?…।؟](?<=[^\s.!?…।؟].)[.!?…।؟]*+)((?:[\"'”’»)\]“‘«„(\[]|\s»)*+)"
    r"(?=[—–\s¿¡\"“«„]{0,4}[^\W\d_])"
)
_NEXT_LETTER = re.compile(r"[¿¡—–\s\"“«„]*+([^\W\d_])")
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_LETTERS = re.compile(r"[^\W\d_]+")


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
    word = word.lstrip(OPENING).lower()
    if word in ABBREVIATIONS:
        return True
    if word == "no":
        return text[end + 1 : end + 3].strip()[:1].isdigit()
    # An initial (J.), or initials and dotted acronyms (J.R.R., N.Y.).
    return all(len(part) == 1 and part.isalpha() for part in word.split("."))


def sentences(paragraph: str) -> list[str]:
    """The paragraph's sentences, as written; a sentence may start with a lower-case word."""
    found = []
    start = 0
    for match in _SENTENCE_END.finditer(paragraph):
        if is_abbreviation(paragraph, match.start()):
            continue
        end = match.end()
        sentence = paragraph[start:end].strip()
        if sentence:
            found.append(sentence)
        start = end
    tail = paragraph[start:].strip()
    if tail:
        found.append(tail)
    return found


def first_sentence(paragraph: str) -> str:
    """The paragraph up to its first sentence end, ignoring U.S., Mr. and initials."""
    paragraph = " ".join(split_glued(paragraph)[0].split())
    for match in _TITLE_SENTENCE_END.finditer(paragraph):
        if not is_abbreviation(paragraph, match.start()):
            return paragraph[: match.end()]
    return paragraph


def sentence_count(text: str) -> int:
    """How many sentences ``text`` holds, counting a final one without a full stop."""
    return len(sentences(text))


def split_glued(paragraph: str) -> tuple[str, int]:
    """Put a space between sentences glued at their final mark, and count the repairs.

    ``Ukraine.That`` -> ``Ukraine. That``; ``deal is."Peace`` -> ``deal is." Peace``
    when the quote closes a quotation, ``said."We`` -> ``said. "We`` when it opens
    one. A glued pair is split only where the same pair with a space between
    would end a sentence, so U.S., 3.5, e.g., J.R.R., Mr.Smith and
    sputnikglobe.com stay as they are.
    """
    pieces: list[str] = []
    done = counted = 0
    # Quotation marks seen so far tell a closing quote from an opening one.
    seen = dict.fromkeys('"„“”', 0)
    for match in _GLUED.finditer(paragraph):
        start, end = match.span()
        marks, quotes = match.group(1), match.group(2)
        if not _ends_glued_sentence(paragraph, start, end, marks, quotes):
            continue
        for quote in seen:
            seen[quote] += paragraph.count(quote, counted, start)
        counted = start
        german_open = seen["„"] > seen["“"] - seen["”"]
        closing, opening = _split_quotes(quotes, seen['"'] % 2 == 1, german_open)
        pieces += [paragraph[done:start], marks, closing, " ", opening]
        done = end
    if not pieces:
        return paragraph, 0
    pieces.append(paragraph[done:])
    return "".join(pieces), len(pieces) // 5


def _ends_glued_sentence(paragraph: str, start: int, end: int, marks: str, quotes: str) -> bool:
    """True when ``marks`` and ``quotes`` would end a sentence with a space after them.

    The next sentence starts with a capital, or with a letter of a script that
    has no case (Arabic, Devanagari, Chinese).
    """
    if paragraph[end].isspace() and not quotes.endswith("«"):
        return False  # not glued: a space already follows (only « takes one after it)
    following = _NEXT_LETTER.match(paragraph, end)
    if following is None or following.group(1).islower():
        return False
    if marks != ".":
        return True
    if is_abbreviation(paragraph, start):
        return False
    if quotes:
        return True
    word = _LETTERS.match(paragraph, end, end + 24)
    return word is None or word.group(0).lower() not in DOMAIN_ENDINGS


def _split_quotes(quotes: str, straight_open: bool, german_open: bool) -> tuple[str, str]:
    """Split the quotes between two glued sentences into the first's closing, the next's opening.

    A straight quote closes when one is open; “ closes a German „ quotation
    and opens an English one.
    """
    for index, char in enumerate(quotes):
        if char == "“" and german_open:
            german_open = False
        elif char == '"' and straight_open:
            straight_open = False
        elif char in '"“‘«„([':
            return quotes[:index], quotes[index:]
    return quotes, ""


def count_words(text: str) -> int:
    """Words in ``text``: runs of letters and digits, with inner hyphens and apostrophes."""
    return len(_WORD.findall(text))
