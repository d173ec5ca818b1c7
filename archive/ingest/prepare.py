"""From a file's bytes to the row that stores it: decode, parse, clean, compress.

Pure and picklable both ways, so that an import can run it in worker
processes on other cores while one writer stores the results in order.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import zlib
from dataclasses import dataclass
from typing import Any

from archive.dates import PLACEHOLDER_DATE, PartialDate
from archive.errors import FileRejected, InvalidURL
from archive.ingest.clean import clean_article
from archive.ingest.decode import decode
from archive.ingest.enrich import Enriched, enrich
from archive.ingest.mapping import UrlMap, lookup
from archive.ingest.minhash import signature
from archive.ingest.parse import ParsedArticle, parse_article
from archive.urls import canonical_url, normalize_domain, registrable_domain, url_host

ORIGINAL_CODEC = "zlib"
"""How originals are stored: zlib (RFC 1950), about a third of the text's size."""


@dataclass(frozen=True)
class Prepared:
    """One article, ready to store: its identity, its column values and what was noticed."""

    canonical_url: str | None
    source: str | None
    """The registrable domain of its source, if known."""
    text_sha256: str
    """Of the decoded text with normalised line endings: the same for a CRLF copy."""
    values: dict[str, Any]
    """The document's columns, except its id, source id, canonical URL and timestamps."""
    notes: tuple[str, ...] = ()
    signature: bytes | None = None
    """The MinHash signature of the clean body, or None when it is too short to sign."""


@dataclass(frozen=True)
class Rejection:
    """Why a file cannot be stored."""

    reason: str
    message: str


@dataclass(frozen=True)
class Context:
    """What preparing needs besides the file: the map, --source and today's date."""

    source: str | None = None
    """The host of files with no URL, as a user would type it (``www.RT.com``): normalised here."""
    url_map: UrlMap | None = None
    today: dt.date | None = None

    def __post_init__(self) -> None:
        if self.source is not None:
            object.__setattr__(self, "source", normalize_domain(self.source))


def prepare(
    name: str, base: str, data: bytes, sha256: str, context: Context
) -> Prepared | Rejection:
    """Decode, parse and clean one file's bytes.

    ``name`` is its path as shown, ``base`` its file name, ``sha256`` the hash of ``data``.
    """
    try:
        decoded = decode(data)
        parsed = parse_article(decoded.text)
    except FileRejected as rejected:
        return Rejection(rejected.reason, rejected.message)
    notes = list(parsed.warnings)
    if decoded.replaced:
        notes.append(f"{decoded.replaced} invalid UTF-8 sequences were replaced with U+FFFD")
    canonical, url, host, domain, enriched = _resolve(
        name, base, parsed, context, notes, decoded.replaced
    )
    text_sha256 = hashlib.sha256(decoded.text.rstrip().encode("utf-8")).hexdigest()
    values = {
        "host": host,
        "url": url,
        "title_derived": parsed.title_derived,
        "label": parsed.label,
        "encoding": decoded.encoding,
        "text_sha256": text_sha256,
        "original_sha256": sha256,
        "original": zlib.compress(data),
        "original_codec": ORIGINAL_CODEC,
        **text_values(enriched),
    }
    signed = signature(values["body"])
    return Prepared(canonical, domain, text_sha256, values, tuple(notes), signed)


def text_values(enriched: Enriched) -> dict[str, Any]:
    """The columns that cleaning and metadata decide, as stored."""
    return {
        "published": enriched.published.iso,
        "date_precision": enriched.published.precision,
        "date_source": enriched.date_source,
        "title": enriched.title,
        "body": enriched.body,
        "word_count": enriched.word_count,
        "cleaning": enriched.cleaning,
        "language": enriched.language,
        "url_date": enriched.url_date.isoformat() if enriched.url_date else None,
        "site_article_id": enriched.site_article_id,
        "date_conflict": enriched.date_conflict,
        "placeholder_date": enriched.placeholder_date,
        "future_date": enriched.future_date,
        "early_date": enriched.early_date,
        "mojibake_repaired": enriched.mojibake_repaired,
        "text_cleaned": enriched.text_cleaned,
        "decode_errors": enriched.decode_errors,
    }


def _resolve(
    name: str,
    base: str,
    parsed: ParsedArticle,
    context: Context,
    notes: list[str],
    replaced: int,
) -> tuple[str | None, str | None, str | None, str | None, Enriched]:
    """Decide the URL, host, source and date from the file, the map and --source; then clean."""
    entry = lookup(context.url_map, name, base) if context.url_map else None
    url = parsed.url
    if url is not None and entry is not None and entry.url is not None:
        if _canonical_or_none(entry.url) != _canonical_or_none(url):
            notes.append(f"the header URL wins over the map's {entry.url}")
    elif url is None and entry is not None:
        url = entry.url

    canonical = _canonical_or_none(url)
    if url is not None and canonical is None:
        notes.append(f"the URL {url!r} is not a valid http(s) URL; stored without a URL")
        url = None

    published, date_source = parsed.published, "header"
    if entry is not None and entry.published is not None and entry.published != published:
        if published.start == PLACEHOLDER_DATE:
            notes.append(f"placeholder date {published} replaced by the map's {entry.published}")
            published, date_source = entry.published, "map"
        else:
            notes.append(f"the header date wins over the map's {entry.published}")

    host: str | None = None
    domain: str | None = None
    if canonical is not None and url is not None:
        host = url_host(url)
        domain = registrable_domain(host)
        if context.source is not None and registrable_domain(context.source) != domain:
            notes.append(f"the URL's source {domain} wins over --source {context.source}")
    elif context.source is not None:
        host = context.source
        domain = registrable_domain(context.source)
    enriched = clean_and_enrich(
        parsed,
        published=published,
        date_source=date_source,
        url=url,
        source=domain,
        decode_errors=replaced,
        today=context.today or dt.date.today(),
    )
    return canonical, url, host, domain, enriched


def clean_and_enrich(
    parsed: ParsedArticle,
    *,
    published: PartialDate,
    date_source: str,
    url: str | None,
    source: str | None,
    decode_errors: int,
    today: dt.date,
) -> Enriched:
    """Clean a parsed article, then work out its metadata: the steps after parsing, in order."""
    cleaned = clean_article(parsed.title, parsed.body, source=source)
    return enrich(
        cleaned,
        published=published,
        date_source=date_source,
        url=url,
        decode_errors=decode_errors,
        today=today,
    )


def _canonical_or_none(url: str | None) -> str | None:
    if url is None:
        return None
    try:
        return canonical_url(url)
    except InvalidURL:
        return None
