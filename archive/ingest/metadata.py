"""What an article's text and URL say about it: language, URL date, site article id.

Pure functions. Language detection uses py3langid, whose model ships with
the package, so nothing is fetched.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import Any
from urllib.parse import parse_qsl, urlsplit

LANGUAGE_SAMPLE = 400
"""Characters of title and body that language detection reads: enough, and fast."""
MIN_LETTERS = 20
"""Shorter texts get no language: a guess on a few words is noise."""

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
    """The ISO 639-1 code of the text's language, or None when it is too short or too unsure."""
    sample = f"{title}\n{body}"[:LANGUAGE_SAMPLE]
    if sum(map(str.isalpha, sample)) < MIN_LETTERS:
        return None
    language, probability = _identifier().classify(sample)
    return str(language) if probability >= 0.5 else None
