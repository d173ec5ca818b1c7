from __future__ import annotations

import datetime as dt

import pytest

from archive.dates import parse_partial_date
from archive.ingest.metadata import detect_language, site_article_id, url_date
from archive.ingest.parse import parse_article
from archive.ingest.prepare import clean_and_enrich
from benchmarks.language_texts import LEDES, MIXED, NO_LANGUAGE, SHORT, Text


@pytest.mark.parametrize(
    ("url", "date", "article_id"),
    [
        ("https://sputnikglobe.com/20240624/lavrov-accuses-west-1119107399.html",
         "2024-06-24", "1119107399"),
        ("https://ria.ru/20240624/slug-1955123456.html", "2024-06-24", "1955123456"),
        ("https://www.rt.com/news/592401-putin-talks-west/", None, "592401"),
        ("https://tass.ru/politika/21234567", None, "21234567"),
        ("https://www.interfax.ru/russia/954321", None, "954321"),
        ("https://www.bbc.co.uk/news/world-europe-68123456", None, "68123456"),
        ("https://www.reuters.com/world/eu-agrees-sanctions-2024-06-24/", "2024-06-24", None),
        ("https://lenta.ru/news/2024/06/24/slug/", "2024-06-24", None),
        ("https://www.theguardian.com/world/2024/jun/24/slug", "2024-06-24", None),
        ("https://world.huananribao.com.cn/2024-03/05/c_1130087.htm", "2024-03-05", "1130087"),
        ("https://www.news.cn/world/20240624/abc123/c.html", "2024-06-24", None),
        ("https://kurierbaltycki.pl/gdansk/2024/02/29/nowa-linia", "2024-02-29", None),
        ("https://example.com/story?id=12345", None, "12345"),
        ("https://example.com/2024/02/30/not-a-day", None, None),
        ("https://example.com/archive/20240624/", "2024-06-24", None),
    ],
)  # fmt: skip
def test_url_metadata(url: str, date: str | None, article_id: str | None) -> None:
    found = url_date(url)
    assert (found.isoformat() if found else None, site_article_id(url)) == (date, article_id)


@pytest.mark.parametrize(
    ("title", "body", "language"),
    [
        ("Port strike ends", "Dock workers returned to work after a deal was agreed.", "en"),
        ("Hafen meldet Rekord", "Der Oberbürgermeister äußerte sich zufrieden darüber.", "de"),
        ("Новый мост", "Новый пешеходный мост открыли во Владивостоке в среду утром.", "ru"),
        ("Нова линия", "Новата линия на метрото в София беше открита в неделя сутринта.", "bg"),
        ("Свято", "У суботу в Києві відзначили День Незалежності України на Хрещатику.", "uk"),
        ("Neve", "Le forti nevicate della notte hanno costretto a chiudere tre passi.", "it"),
        ("Hi", "ok", None),
    ],
)  # fmt: skip
def test_language(title: str, body: str, language: str | None) -> None:
    assert detect_language(title, body) == language


def text_id(text: Text) -> str:
    language, title, body = text
    return f"{language}: {(title or body)[:30]}"


@pytest.mark.parametrize("text", LEDES + MIXED, ids=text_id)
def test_a_lede_gets_its_language_among_menus_links_and_names(text: Text) -> None:
    language, title, body = text
    assert detect_language(title, body) == language


@pytest.mark.parametrize("text", NO_LANGUAGE, ids=text_id)
def test_fewer_than_twenty_letters_get_no_language(text: Text) -> None:
    _, title, body = text
    assert detect_language(title, body) is None


def test_a_headline_or_a_sentence_alone_gets_its_language_or_none() -> None:
    found = [(language, detect_language(title, body)) for language, title, body in SHORT]
    assert [pair for pair in found if pair[1] not in (pair[0], None)] == [("bg", "mk")]
    assert sum(language is None for _, language in found) <= 3


def test_codes_are_those_stored_and_searched() -> None:
    hebrew, traditional_chinese = LEDES[16], LEDES[13]
    assert detect_language(*hebrew[1:]) == "he"  # CLD2 says iw
    assert detect_language(*traditional_chinese[1:]) == "zh"  # CLD2 says zh-Hant


def test_control_characters_fall_back_rather_than_fail() -> None:
    body = LEDES[3][2]
    assert detect_language("Bahnstreik\x00", body.replace(" ", "\x1b ", 3)) == "de"


def test_a_page_of_made_up_words_gets_no_language() -> None:
    made_up = " ".join(["kalomi tersonba rivope dangushen olmarcu ipfero stalinde wamika"] * 6)
    assert detect_language("Tersonba olmarcu", made_up) is None


def enriched(header: str, today: dt.date = dt.date(2025, 1, 1)):  # type: ignore[no-untyped-def]
    parsed = parse_article(header + "\nTitle of the story\nSome body text that is long enough.")
    return clean_and_enrich(parsed, published=parsed.published, date_source="header",
                            url=parsed.url, source=None, decode_errors=0, today=today)  # fmt: skip


def test_url_date_fills_a_placeholder_and_refines_a_month() -> None:
    placeholder = enriched(" date 1970-01-01 https://x.com/2024/06/24/story")
    assert (str(placeholder.published), placeholder.date_source) == ("2024-06-24", "url")
    assert not placeholder.placeholder_date and not placeholder.date_conflict
    month = enriched(" date 2024-06 https://x.com/2024/06/24/story")
    assert (str(month.published), month.date_source) == ("2024-06-24", "url")
    other_month = enriched(" date 2024-05 https://x.com/2024/06/24/story")
    assert (str(other_month.published), other_month.date_source) == ("2024-05", "header")
    assert other_month.date_conflict


def test_date_flags() -> None:
    conflict = enriched(" date 2024-06-25 https://x.com/20240624/story-1234567.html")
    assert conflict.date_conflict and conflict.url_date == dt.date(2024, 6, 24)
    assert conflict.site_article_id == "1234567"
    placeholder = enriched(" date 1970-01-01")
    assert placeholder.placeholder_date and not placeholder.early_date
    assert enriched(" date 1989-12-31").early_date
    assert not enriched(" date 1990-01-01").early_date
    future = enriched(" date 2025-01-02", today=dt.date(2025, 1, 1))
    assert future.future_date
    assert not enriched(" date 2025-01-01", today=dt.date(2025, 1, 1)).future_date


def test_partial_dates_are_not_in_the_future_while_they_last() -> None:
    assert not enriched(" date 2025", today=dt.date(2025, 6, 1)).future_date
    assert parse_partial_date("2025").end == dt.date(2025, 12, 31)
