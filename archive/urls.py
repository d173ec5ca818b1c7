"""Article URLs: the canonical form that identifies an article, its host and source.

Sources are registrable domains (``bbc.co.uk``, ``rt.com``), found with
tldextract's bundled copy of the Public Suffix List, never fetched.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from archive.errors import InvalidDomain, InvalidURL

if TYPE_CHECKING:
    from tldextract import TLDExtract

MAX_URL_LENGTH = 2048

_TRACKING_PARAMS = frozenset(
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "yclid", "msclkid", "igshid",
        "twclid", "ttclid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "ocid", "ncid",
        "cmpid", "ito", "ref_src", "ref_url", "amp",
    }
)  # fmt: skip
_TRACKING_PREFIXES = ("utm_", "mc_", "pk_", "mtm_", "hsa_", "at_")
_FEED_SOURCES = frozenset({"rss", "feed", "twitter", "facebook", "fb", "newsletter"})
_DOMAIN_LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)")


@cache
def _extractor() -> TLDExtract:
    from tldextract import TLDExtract  # loaded only when a domain is needed

    # An empty URL list makes tldextract use the suffix list bundled with it.
    return TLDExtract(suffix_list_urls=(), cache_dir=None)


def _is_tracking(name: str, value: str) -> bool:
    name = name.lower()
    if name in _TRACKING_PARAMS or name.startswith(_TRACKING_PREFIXES):
        return True
    return name == "src" and value.lower() in _FEED_SOURCES


def _ascii_host(host: str) -> str:
    host = host.strip().rstrip(".").lower()
    try:
        return host.encode("idna").decode("ascii") if not host.isascii() else host
    except UnicodeError:
        raise InvalidURL(f"{host!r} is not a valid host name") from None


def unicode_host(host: str) -> str:
    """Show a punycode host (``xn--...``) in Unicode; other hosts unchanged."""
    if "xn--" not in host:
        return host
    try:
        return host.encode("ascii").decode("idna")
    except UnicodeError:
        return host


def _split(url: str) -> tuple[str, str, int | None, str, str]:
    url = url.strip()
    if len(url) > MAX_URL_LENGTH:
        raise InvalidURL(f"the URL is longer than {MAX_URL_LENGTH} characters")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        raise InvalidURL(f"{url!r} is not a valid URL ({error})") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise InvalidURL(f"{url!r} is not an http(s) URL")
    if not parts.hostname:
        raise InvalidURL(f"{url!r} has no host")
    return scheme, _ascii_host(parts.hostname), port, parts.path, parts.query


def _strip_prefixes(host: str) -> str:
    """Drop leading ``www.`` and ``amp.`` labels that are not the domain itself."""
    while host.startswith(("www.", "amp.")):
        rest = host[4:]
        if not _extractor()(rest).domain:  # www.co.uk: "www" is the domain
            break
        host = rest
    return host


def canonical_url(url: str) -> str:
    """The form of ``url`` that identifies one article.

    The scheme becomes https, the host is lower-cased, in punycode and without
    ``www.``; the default port, fragment, tracking parameters (``utm_*``,
    ``fbclid``, ``src=rss``, ...), AMP markers and a trailing slash go; the
    remaining query parameters are sorted. Raises :class:`InvalidURL`.
    """
    scheme, host, port, path, query = _split(url)
    host = _strip_prefixes(host)
    netloc = host if port in (None, 80, 443) else f"{host}:{port}"
    segments = [segment for segment in path.split("/") if segment.lower() != "amp"]
    path = "/".join(segments).rstrip("/") or "/"
    if not path.startswith("/"):
        path = "/" + path
    params = [
        (name, value)
        for name, value in parse_qsl(query, keep_blank_values=True)
        if not _is_tracking(name, value)
    ]
    return urlunsplit(("https", netloc, path, urlencode(sorted(params)), ""))


def url_host(url: str) -> str:
    """The article's host, lower-case, in Unicode and without ``www.``."""
    return unicode_host(_strip_prefixes(_split(url)[1]))


def registrable_domain(host: str) -> str:
    """The registrable domain of ``host``, in Unicode: news.bbc.co.uk -> bbc.co.uk.

    A host with no public suffix (an IP address, ``localhost``) is its own domain.
    """
    ascii_host = _ascii_host(host)
    domain = _extractor()(ascii_host).top_domain_under_public_suffix
    return unicode_host(domain or ascii_host)


def normalize_domain(text: str) -> str:
    """Check a domain a user typed (``rt.com``, ``www.RT.com``, ``сайт.рф``).

    Returns it lower-case, in Unicode and without ``www.``. Accepts a URL and
    keeps only its host. Raises :class:`InvalidDomain`.
    """
    value = text.strip()
    if "://" in value:
        try:
            value = url_host(value)
        except InvalidURL:
            raise InvalidDomain(f"{text!r} is not a domain name such as rt.com") from None
    try:
        ascii_host = _ascii_host(value)
    except InvalidURL:
        raise InvalidDomain(f"{text!r} is not a domain name such as rt.com") from None
    labels = ascii_host.split(".")
    if len(ascii_host) > 253 or not all(_DOMAIN_LABEL.fullmatch(label) for label in labels):
        raise InvalidDomain(f"{text!r} is not a domain name such as rt.com")
    return unicode_host(_strip_prefixes(ascii_host))
