"""What an article's text and URL say about it: language, URL date, site article id.

Pure functions. Language detection asks CLD2 (pycld2) first, and py3langid
where CLD2 is not sure: both models ship with their packages, so nothing is
fetched. ``benchmarks/languages.py`` holds the measurements behind the choice.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pycld2

LANGUAGE_SAMPLE = 400
"""Characters of title and body that language detection reads: enough, and fast."""
MIN_LETTERS = 20
"""Shorter texts get no language: a guess on a few words is noise."""
SHORT_LETTERS = 200
"""Below this, py3langid speaks first: CLD2 is made for documents, and on a headline or a
sentence it is sometimes sure and wrong. From here on CLD2 does, and a sample in which it
finds no language at all is no prose it knows (codes, lists, made-up words): no language."""
_CLD2_CODES = {"iw": "he", "jw": "jv", "zh-Hant": "zh", "sr-ME": "sr"}
"""CLD2's codes that are not the ISO 639 codes stored: old ones and script variants."""
_NO_LANGUAGE = {"un", "xxx", "zxx"}
_CLD2_REJECTS = (pycld2.error, UnicodeEncodeError)

_MONTHS = {name: number for number, name in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}  # fmt: skip
_URL_DATES = (
    re.compile(r"/((?:19|20)\d\d)/(\d\d)/(\d\d)(?:/|$|[-_])"),  # /2024/06/24/
    re.compile(r"/((?:19|20)\d\d)-(\d\d)-(\d\d)(?:/|$|[-_/])"),  # /2024-06-24/
    re.compile(r"/((?:19|20)\d\d)-(\d\d)/(\d\d)(?:/|$)"),  # Xinhua: /2024-03/05/
    re.compile(r"/((?:19|20)\d\d)(\d\d)(\d\d)(?:/|$|[-_])"),  # /20240624/
    re.compile(r"/((?:19|20)\d\d)/([a-z]{3})/(\d\d)(?:/|$)"),  # /2024/jun/24/
    re.compile(r"[-_]((?:19|20)\d\d)-(\d\d)-(\d\d)(?:/|$|\.)"),  # slug-2024-06-24/
)
_ARTICLE_IDS = (
    re.compile(r"[-_/](\d{5,})\.s?html?$"),  # -1119107399.html, /154321.shtml
    re.compile(r"/c_(\d{5,})\.html?$"),  # Xinhua: c_1130087.htm
    re.compile(r"/(\d{5,})-[^/]+/?$"),  # RT: /news/592401-title/
    re.compile(r"[-_](\d{6,})/?$"),  # BBC: world-europe-68123456
    re.compile(r"/(\d{5,})/?$"),  # TASS, Interfax: /politika/21234567
)
_ID_PARAMETERS = ("id", "article_id", "articleid", "story_id", "newsid", "p")


def url_date(url: str | None) -> dt.date | None:
    """The publication date written in the URL's path, if it has one on the calendar."""
    if not url:
        return None
    path = urlsplit(url).path.lower()
    for pattern in _URL_DATES:
        match = pattern.search(path)
        if match is None:
            continue
        year, month, day = match.groups()
        month_number = _MONTHS.get(month) if month.isalpha() else int(month)
        try:
            return dt.date(int(year), month_number or 0, int(day))
        except ValueError:
            continue
    return None


def site_article_id(url: str | None) -> str | None:
    """The site's own number for the article, from the end of its URL or an id parameter."""
    if not url:
        return None
    parts = urlsplit(url)
    path = parts.path
    for pattern in _ARTICLE_IDS:
        match = pattern.search(path)
        if match and not _is_date(match.group(1)):
            return match.group(1)
    for name, value in parse_qsl(parts.query):
        if name.lower() in _ID_PARAMETERS and value.isdigit():
            return value
    return None


def _is_date(digits: str) -> bool:
    if len(digits) != 8:
        return False
    try:
        dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        return False
    return digits[:2] in ("19", "20")


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(title: str, body: str) -> str | None:
    """The ISO 639 code of the text's language, or None when it is too short or too unsure.

    Articles go to CLD2, several times faster than py3langid and as accurate on them;
    py3langid decides where CLD2 is unsure. Headlines and single sentences go to
    py3langid first, which does better on them, and to CLD2 where it is unsure.
    """
    sample = f"{title}\n{body}"[:LANGUAGE_SAMPLE]
    letters = sum(map(str.isalpha, sample))
    if letters < MIN_LETTERS:
        return None
    try:
        if letters < SHORT_LETTERS:
            language = _py3langid(sample)
            if language is not None:
                return language
            reliable, language = _cld2(sample)
            return language if reliable else None
        reliable, language = _cld2(sample)
    except _CLD2_REJECTS:  # control characters and noncharacters: py3langid reads them
        return _py3langid(sample)
    if reliable or language is None:
        return language
    return _py3langid(sample)


def _py3langid(sample: str) -> str | None:
    language, probability = _identifier().classify(sample)
    return _iso(str(language)) if probability >= 0.5 else None


def _cld2(sample: str) -> tuple[bool, str | None]:
    """Whether CLD2 is sure of the sample's language, and the language it found most of."""
    reliable, _, details = pycld2.detect(sample, isPlainText=True)
    languages = [_iso(_CLD2_CODES.get(found, found)) for _, found, _, _ in details]
    found_most = next((language for language in languages if language is not None), None)
    return bool(reliable) and languages[0] is not None, found_most


def _iso(code: str) -> str | None:
    """The code as stored (two or three letters), or None for "unknown" and "not a language"."""
    if code in _NO_LANGUAGE or not (code.isascii() and code.isalpha() and 2 <= len(code) <= 3):
        return None
    return code
