from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from archive.errors import FileRejected
from archive.ingest.decode import decode
from archive.ingest.parse import classify_rest, derive_title, looks_like_paragraph, parse_article
from archive.ingest.sentences import count_words, first_sentence
from tests.conftest import SEED_FILE, SEED_TITLE, SEED_URL


def test_seed_header_title_and_body() -> None:
    article = parse_article(decode(SEED_FILE.read_bytes()).text)
    assert article.published.iso == "2024-06-24"
    assert article.published.precision == "day"
    assert article.url == SEED_URL
    assert article.title == SEED_TITLE
    assert article.title_derived is False
    assert article.label is None
    assert article.rest_kind == "url"
    assert article.body.startswith("Most moves by the West since the start")
    assert article.body.endswith('strengthening military-technical cooperation."')
    assert len(article.body.split("\n")) == 14


@pytest.mark.parametrize(
    ("text", "kind", "title", "label", "derived"),
    [
        # 1. a URL: the title is the next non-empty line
        (" date 2024-06-24 https://x.com/a\n\nTitle line\nBody.", "url", "Title line", None, False),
        # 2. nothing
        (" date 2024-06-24\nTitle line\nBody.", "none", "Title line", None, False),
        ("date 2024-06-24   \n\n\nTitle line\nBody.", "none", "Title line", None, False),
        ("   date 2024-06-24\nTitle line\nBody.", "none", "Title line", None, False),
        # 3. a short label, which is not the title
        (" date 2024-06-24 News\nTitle line\nBody.", "label", "Title line", "News", False),
        (" date 2024-06-24 WORLD\nTitle line\nBody.", "label", "Title line", "WORLD", False),
        (" date 2024-06-24 HQ\nTitle line\nBody.", "label", "Title line", "HQ", False),
        (" date 2024-06-24 403\nTitle line\nBody.", "label", "Title line", "403", False),
        (" date 2024-06-24 .\nTitle line\nBody.", "label", "Title line", ".", False),
        (" date 2024-06-24 0\nTitle line\nBody.", "label", "Title line", "0", False),
        (" date 2024-06-24 - Reuters\nTitle line\nBody.", "label", "Title line", "- Reuters",
         False),
        (" date 2024-06-24 Top Stories\nA headline here\nBody.", "label", "A headline here",
         "Top Stories", False),
        # 4a. a headline-like remainder is the title
        (" date 2023-08-23 Minister resigns after budget vote fails\nThe minister resigned on "
         "Wednesday, hours after parliament rejected the budget for a second time.",
         "title", "Minister resigns after budget vote fails", None, False),
        (" date 2023-08-23 Minister resigns\nThe minister resigned on Wednesday, hours after "
         "parliament rejected the budget for a second time.",
         "title", "Minister resigns", None, False),
        # 4b. a whole paragraph is the lead; the title is its first sentence
        (" date 2022-06-01 The minister said on Wednesday that the talks would resume next week, "
         "according to officials.\nMore text.", "lead",
         "The minister said on Wednesday that the talks would resume next week, according to "
         "officials.", None, True),
    ],
)  # fmt: skip
def test_header_forms(text: str, kind: str, title: str, label: str | None, derived: bool) -> None:
    article = parse_article(text)
    assert (article.rest_kind, article.title, article.label, article.title_derived) == (
        kind,
        title,
        label,
        derived,
    )


def test_lead_on_header_line_is_kept_in_the_body() -> None:
    lead = (
        "The minister said on Wednesday that the talks would resume next week, "
        "according to officials."
    )
    article = parse_article(f" date 2022-06-01 {lead}\nSecond paragraph.")
    assert article.body == f"{lead}\nSecond paragraph."


def test_headline_body_starts_after_the_header() -> None:
    article = parse_article(" date 2023-08-23 Minister resigns\n\nFirst.\n\nSecond.\n\n\n")
    assert article.body == "First.\n\nSecond."


REAL_HEADLINES = [
    "Breaking: court frees the defendant! Judges overturn the sentence!",
    "Crowds demand a public hanging, radicals say. The government will not give in yet",
    "Police detain protest leader 05:23",
    "Thousands march through the capital for a third weekend as unions, students and "
    "pensioners demand the resignation of the transport minister over the collapsed rail "
    "tender and soaring fares",
    "Bundesregierung verschiebt Entscheidung über Kohleausstieg erneut: Länder fordern "
    "Klarheit, Gewerkschaften warnen vor Jobverlusten in der Lausitz und im Rheinischen Revier",
    "Суд оправдал бывшего мэра. Прокуратура обжалует приговор",
    "Нічна атака дронів на Київ: уламки впали у трьох районах, є постраждалі 05:23",
    "Sejm przyjął ustawę! Opozycja zapowiada skargę do Trybunału",
    "Grève des contrôleurs aériens : des centaines de vols annulés à Paris – PARIS, 12 mars",
    "¿Quién pagará la factura? El Gobierno y las eléctricas se culpan mutuamente del apagón",
    "Парламентът избра нов председател след седмица преговори. Опозицията напусна залата",
    "Vláda schválila rozpočet na příští rok. Schodek bude nižší, než čekali ekonomové",
    "Incêndio atinge armazém no porto de Santos; bombeiros controlam as chamas 14h30",
    "Il governo approva la manovra. Le opposizioni: «Una finanziaria senza visione»",
    "مجلس الأمن يعقد جلسة طارئة بشأن غزة. واشنطن تلوح بالفيتو",
    "संसद में बजट पेश: किसानों के लिए नई योजना, मध्यम वर्ग को कर में राहत",
    "国务院召开常务会议部署稳就业政策措施",
    "“We will not back down,” says union leader as strike enters its third week",
]
"""Invented headlines written the way outlets write them: kickers, two sentences, times."""

BODY = (
    "The decision came after a week of hearings in which witnesses contradicted each other, "
    "officials said.\nA second paragraph follows here."
)


@pytest.mark.parametrize("headline", REAL_HEADLINES)
@pytest.mark.parametrize(
    "header",
    [" date 2024-06-24 https://example.com/news/1", " date 2024-06-24", " date 2024-06 NEWS"],
    ids=["url", "nothing", "label"],
)
def test_a_title_line_is_the_whole_headline(header: str, headline: str) -> None:
    article = parse_article(f"{header}\n{headline}\n{BODY}")
    assert (article.title, article.title_derived, article.body) == (headline, False, BODY)


@pytest.mark.parametrize("headline", REAL_HEADLINES)
def test_a_headline_on_the_header_line_is_the_whole_title(headline: str) -> None:
    article = parse_article(f" date 2024-06-24 {headline}\n{BODY}")
    assert (article.rest_kind, article.title, article.title_derived, article.body) == (
        "title",
        headline,
        False,
        BODY,
    )


def test_a_long_headline_is_never_shortened() -> None:
    headline = REAL_HEADLINES[4]
    assert len(headline) > 160
    assert parse_article(f" date 2024-06-24 https://x.de/a\n{headline}\nText.").title == headline


LONG_PARAGRAPH = (
    "Prices rose sharply across the region on Monday as traders reacted to the news that the "
    "central bank would keep its main rate unchanged for another quarter. Analysts expect more "
    "volatility in the coming weeks, with energy and food prices still well above last year's."
)


def test_a_title_line_that_is_plainly_a_paragraph_gives_a_derived_title() -> None:
    article = parse_article(f" date 2024-01-01 HQ\n{LONG_PARAGRAPH}\nMore.")
    assert article.label == "HQ"
    assert article.title == (
        "Prices rose sharply across the region on Monday as traders reacted to the news that "
        "the central bank would keep its…"
    )
    assert article.title_derived
    assert article.body == f"{LONG_PARAGRAPH}\nMore."


def test_a_glued_lead_on_the_header_line_gives_its_first_sentence() -> None:
    lead = (
        "The minister said on Wednesday that the talks would resume next week.The delegations "
        "will meet in Geneva, according to officials."
    )
    article = parse_article(f" date 2022-06-01 {lead}\nMore text.")
    assert (article.rest_kind, article.title, article.title_derived) == (
        "lead",
        "The minister said on Wednesday that the talks would resume next week.",
        True,
    )
    assert article.body == f"{lead}\nMore text."


@pytest.mark.parametrize(
    ("line", "paragraph"),
    [
        (REAL_HEADLINES[3], False),  # 29 words
        (" ".join(["word"] * 40), False),
        (" ".join(["word"] * 41), True),
        pytest.param("国" * 80, False, id="80 hanzi"),
        pytest.param("国" * 82, True, id="82 hanzi"),
        pytest.param("x" * 401, True, id="401 characters"),
        (LONG_PARAGRAPH, True),
        ("One short sentence. Another short one. A third one here.", False),
    ],
)
def test_looks_like_paragraph(line: str, paragraph: bool) -> None:
    assert looks_like_paragraph(line) is paragraph


@pytest.mark.parametrize(
    ("date", "iso", "precision", "shown"),
    [
        ("2024-06-24", "2024-06-24", "day", "2024-06-24"),
        ("2023-11", "2023-11-01", "month", "2023-11"),
        ("2021", "2021-01-01", "year", "2021"),
        ("2024-02-29", "2024-02-29", "day", "2024-02-29"),
        ("1970-01-01", "1970-01-01", "day", "1970-01-01"),
    ],
)
def test_partial_dates(date: str, iso: str, precision: str, shown: str) -> None:
    article = parse_article(f" date {date}\nTitle\nBody")
    assert article.published.iso == iso
    assert article.published.precision == precision
    assert str(article.published) == shown


def test_partial_date_end() -> None:
    article = parse_article(" date 2024-02\nTitle\nBody")
    assert article.published.end == dt.date(2024, 2, 29)


@pytest.mark.parametrize(
    ("text", "reason", "message"),
    [
        ("Just a title\nBody", "missing_header",
         "line 1 is not a ' date YYYY-MM-DD' header: 'Just a title'"),
        (" dated 2024-01-01\nBody", "missing_header",
         "line 1 is not a ' date YYYY-MM-DD' header: 'dated 2024-01-01'"),
        (" date\nTitle\nBody", "bad_date", "line 1 has 'date' but no date after it"),
        (" date 2024-02-30\nTitle", "bad_date", "line 1: 2024-02-30 is not a calendar date"),
        (" date 2024-13\nTitle", "bad_date", "line 1: 2024-13 is not a calendar date"),
        (" date 2024-13-01\nTitle", "bad_date", "line 1: 2024-13-01 is not a calendar date"),
        (" date 0000-01-01\nTitle", "bad_date", "line 1: 0000-01-01 is not a calendar date"),
        (" date 24/06/2024\nTitle", "bad_date",
         "line 1: '24/06/2024' is not a date; use YYYY, YYYY-MM or YYYY-MM-DD"),
        (" date 2024-06-24", "no_text", "the file has a header with nothing and no text after it"),
        (" date 2024-06-24 https://x.com/a\n\n", "no_text",
         "the file has a header with a URL and no text after it"),
        (" date 2024-06-24 News\n", "no_text",
         "the file has a header with the label 'News' and no text after it"),
        ("\n\n  \n", "empty", "the file is blank"),
    ],
)  # fmt: skip
def test_rejections(text: str, reason: str, message: str) -> None:
    with pytest.raises(FileRejected) as caught:
        parse_article(text)
    assert (caught.value.reason, caught.value.message) == (reason, message)


def test_url_without_scheme_is_read_as_https() -> None:
    article = parse_article(" date 2024-01-01 www.example.com/news/a\nTitle\nBody")
    assert article.url == "https://www.example.com/news/a"
    assert article.warnings == (
        "the header URL 'www.example.com/news/a' has no scheme; read as https://www.example.com/news/a",
    )


def test_non_http_address_is_a_label() -> None:
    article = parse_article(" date 2024-01-01 ftp://example.com/a\nTitle\nBody")
    assert article.url is None
    assert article.label == "ftp://example.com/a"
    assert article.warnings == (
        "the header address 'ftp://example.com/a' is not http(s); kept as a label",
    )


def test_url_followed_by_a_title_on_the_header_line() -> None:
    article = parse_article(" date 2024-01-01 https://x.com/a Minister resigns\nBody text.")
    assert (article.url, article.title, article.rest_kind) == (
        "https://x.com/a",
        "Minister resigns",
        "title",
    )


@pytest.mark.parametrize(
    ("rest", "next_line", "kind"),
    [
        ("", "", "none"),
        ("https://example.com/a", "", "url"),
        ("News", "A headline", "label"),
        ("Breaking News", "Ministers agree a deal", "label"),
        ("Minister resigns", "Short line", "title"),
        ("Ministers agree a deal", "The ministers agreed a deal on Monday after talks that "
         "lasted all night, officials said.", "title"),
        ("Ministers agree a deal after all-night talks in Brussels", "Another headline", "title"),
        ("Ministers agreed a deal on Monday after talks that lasted all night.", "", "lead"),
    ],
)  # fmt: skip
def test_classify_rest(rest: str, next_line: str, kind: str) -> None:
    assert classify_rest(rest, next_line) == kind


def test_first_sentence_skips_abbreviations_and_initials() -> None:
    text = "U.S. officials met Mr. Smith and J. R. Jones on Monday. They talked."
    assert first_sentence(text) == "U.S. officials met Mr. Smith and J. R. Jones on Monday."


def test_derived_title_is_cut_at_a_word() -> None:
    seed_lead = parse_article(decode(SEED_FILE.read_bytes()).text).body.split("\n")[0]
    title = derive_title(seed_lead)
    assert title == (
        "Most moves by the West since the start of Russia's military operation in Ukraine "
        "resemble an ultimatum to the Russian…"
    )
    assert len(title) <= 121


def test_count_words() -> None:
    assert count_words("Military-technical co-operation, it's 3.5% — «Моcква» 南方") == 7


@given(st.text())
def test_parse_never_fails_except_with_a_reason(text: str) -> None:
    try:
        article = parse_article(text)
    except FileRejected as rejected:
        assert rejected.reason in {"missing_header", "bad_date", "no_text", "empty"}
    else:
        assert article.title.strip()


@given(
    date=st.dates(min_value=dt.date(1, 1, 1)),
    title=st.text(
        st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=80
    ).filter(lambda t: t.strip() and not t.strip().lower().startswith(("http://", "https://"))),
)
def test_any_valid_date_and_title_line_parse(date: dt.date, title: str) -> None:
    article = parse_article(f" date {date.isoformat()}\n{title}\nBody.")
    assert article.published.start == date
    assert article.title


@pytest.mark.parametrize(
    "lead",
    [
        "Der Bundestag hat am Freitag das Gesetz zur Reform der Rente mit großer Mehrheit "
        "beschlossen.",
        "President Joe Biden met French President Emmanuel Macron at the White House on Thursday.",
        "国务院总理主持召开国务院常务会议，部署进一步稳就业的政策措施和促进消费的工作。"
        "会议指出，要坚持把稳就业放在突出位置，扩大国内消费。",
        "प्रधानमंत्री ने सोमवार को संसद में नई कृषि योजना की घोषणा की और कहा कि किसानों को "
        "इससे सीधा लाभ मिलेगा।",
    ],
)
def test_a_lead_on_the_header_line_is_the_body_s_first_paragraph(lead: str) -> None:
    article = parse_article(f" date 2024-06-24 {lead}\nSecond paragraph.")
    assert (article.rest_kind, article.title_derived) == ("lead", True)
    assert article.body == f"{lead}\nSecond paragraph."


def test_a_three_sentence_headline_stays_whole() -> None:
    headline = (
        "Live updates: Russia says it downed 30 drones over Belgorod overnight. Ukraine "
        "reports strikes on Kharkiv and Odesa. Zelensky to meet Biden in Washington on "
        "Thursday to discuss air defence."
    )
    article = parse_article(f" date 2024-06-24 https://example.com/live\n{headline}\nBody.")
    assert (article.title, article.title_derived) == (headline, False)
