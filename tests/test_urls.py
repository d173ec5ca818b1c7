from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from archive.errors import InvalidDomain, InvalidURL
from archive.urls import canonical_url, normalize_domain, registrable_domain, url_host

BASE = "https://example.com/news/2024/06/24/story"


@pytest.mark.parametrize(
    "variant",
    [
        BASE,
        "http://example.com/news/2024/06/24/story",
        "https://www.example.com/news/2024/06/24/story",
        "HTTPS://WWW.EXAMPLE.COM/news/2024/06/24/story",
        "https://example.com:443/news/2024/06/24/story",
        "http://example.com:80/news/2024/06/24/story",
        "https://example.com/news/2024/06/24/story#comments",
        "https://example.com/news/2024/06/24/story/",
        "https://example.com/news/2024/06/24/story?utm_source=rss&utm_medium=feed",
        "https://example.com/news/2024/06/24/story?fbclid=IwAR0abc&gclid=x&yclid=1",
        "https://example.com/news/2024/06/24/story?mc_cid=1&mc_eid=2&src=rss",
        "https://example.com/amp/news/2024/06/24/story",
        "https://example.com/news/2024/06/24/story/amp",
        "https://example.com/news/2024/06/24/story?amp",
        "https://amp.example.com/news/2024/06/24/story",
        "  https://example.com/news/2024/06/24/story  ",
    ],
)
def test_variants_of_one_article_are_one_canonical_url(variant: str) -> None:
    assert canonical_url(variant) == BASE


def test_meaningful_parameters_are_kept_and_sorted() -> None:
    assert canonical_url("https://example.com/a?page=2&id=7&utm_campaign=x") == (
        "https://example.com/a?id=7&page=2"
    )
    assert canonical_url("https://example.com/a?src=home") == "https://example.com/a?src=home"


def test_other_ports_are_kept() -> None:
    assert canonical_url("http://example.com:8080/a") == "https://example.com:8080/a"


def test_unicode_and_punycode_hosts_are_one_article() -> None:
    assert canonical_url("https://сайт.рф/news/1") == canonical_url(
        "https://xn--80aswg.xn--p1ai/news/1"
    )
    assert url_host("https://xn--80aswg.xn--p1ai/news/1") == "сайт.рф"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://example.com/a", "'ftp://example.com/a' is not an http(s) URL"),
        ("example.com/a", "'example.com/a' is not an http(s) URL"),
        ("https:///a", "'https:///a' has no host"),
        ("https://example.com:99999/a", "'https://example.com:99999/a' is not a valid URL"),
        ("https://example.com/" + "a" * 2100, "the URL is longer than 2048 characters"),
    ],
)
def test_invalid_urls(url: str, message: str) -> None:
    with pytest.raises(InvalidURL) as caught:
        canonical_url(url)
    assert str(caught.value).startswith(message)


@pytest.mark.parametrize(
    ("host", "domain"),
    [
        ("sputnikglobe.com", "sputnikglobe.com"),
        ("news.bbc.co.uk", "bbc.co.uk"),
        ("www.rt.com", "rt.com"),
        ("world.huananribao.com.cn", "huananribao.com.cn"),
        ("news.cn", "news.cn"),
        ("english.news.cn", "news.cn"),
        ("folhadoplanalto.com.br", "folhadoplanalto.com.br"),
        ("xn--80aswg.xn--p1ai", "сайт.рф"),
        ("новости.сайт.рф", "сайт.рф"),
        ("localhost", "localhost"),
        ("127.0.0.1", "127.0.0.1"),
    ],
)
def test_registrable_domain(host: str, domain: str) -> None:
    assert registrable_domain(host) == domain


@pytest.mark.parametrize(
    ("typed", "domain"),
    [
        ("rt.com", "rt.com"),
        ("WWW.RT.COM", "rt.com"),
        ("https://www.rt.com/news/1", "rt.com"),
        ("news.bbc.co.uk", "news.bbc.co.uk"),
        ("xn--80aswg.xn--p1ai", "сайт.рф"),
    ],
)
def test_normalize_domain(typed: str, domain: str) -> None:
    assert normalize_domain(typed) == domain


@pytest.mark.parametrize("typed", ["%", "x' OR 1=1 --", "", "a b", "-rt.com", "rt..com"])
def test_normalize_domain_refuses_non_domains(typed: str) -> None:
    with pytest.raises(InvalidDomain):
        normalize_domain(typed)


TRACKING = ["utm_source", "utm_medium", "utm_campaign", "fbclid", "gclid", "yclid", "mc_cid"]

urls = st.builds(
    lambda scheme, www, host, port, path, params, fragment: (
        f"{scheme}://{www}{host}{port}/{'/'.join(path)}"
        + ("?" + "&".join(f"{k}={v}" for k, v in params) if params else "")
        + fragment
    ),
    st.sampled_from(["http", "https", "HTTP"]),
    st.sampled_from(["", "www.", "WWW."]),
    st.from_regex(r"[a-z][a-z0-9-]{0,10}\.(com|co\.uk|ru|de)", fullmatch=True),
    st.sampled_from(["", ":80", ":443", ":8080"]),
    st.lists(st.text("abcxyz019-_.~%", min_size=1, max_size=8), max_size=4),
    st.lists(
        st.tuples(
            st.sampled_from([*TRACKING, "id", "page", "q", "src"]),
            st.text("abc123+% ", max_size=5),
        ),
        max_size=5,
    ),
    st.sampled_from(["", "#top", "#"]),
)


@given(urls)
def test_canonical_url_is_idempotent(url: str) -> None:
    once = canonical_url(url)
    assert canonical_url(once) == once


@given(urls)
def test_canonical_url_is_tracking_free(url: str) -> None:
    parts = urlsplit(canonical_url(url))
    assert parts.scheme == "https"
    assert parts.fragment == ""
    # www. stays only where the rest is a bare suffix: www.com is not com.
    assert not parts.netloc.startswith("www.") or "." not in parts.netloc.removeprefix("www.")
    assert parts.port not in (80, 443)
    names = [name for name, _ in parse_qsl(parts.query, keep_blank_values=True)]
    assert not set(names) & set(TRACKING)
