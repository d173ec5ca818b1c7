"""prepare(), called directly on real-looking bytes: what would be stored, or why not."""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import pickle
import zlib
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from archive.dates import parse_partial_date
from archive.ingest.mapping import MapEntry
from archive.ingest.prepare import ORIGINAL_CODEC, Context, Prepared, Rejection, prepare
from tests.conftest import SEED_FILE, SEED_TITLE, SEED_URL, SEEDS

TODAY = dt.date(2025, 1, 1)
VALUE_COLUMNS = {
    "host", "url", "title_derived", "label", "encoding", "text_sha256", "original_sha256",
    "original", "original_codec", "published", "date_precision", "date_source", "title", "body",
    "word_count", "cleaning", "language", "url_date", "site_article_id", "date_conflict",
    "placeholder_date", "future_date", "early_date", "mojibake_repaired", "text_cleaned",
    "decode_errors",
}  # fmt: skip
NO_FLAGS = dict.fromkeys(
    ["date_conflict", "placeholder_date", "future_date", "early_date", "mojibake_repaired",
     "text_cleaned"], False,
)  # fmt: skip
SIMPLE = " date 2024-01-01\nTitle\nBody text.\n"


def run(
    content: str | bytes, name: str = "in/story.txt", context: Context | None = None
) -> Prepared | Rejection:
    data = content.encode("utf-8") if isinstance(content, str) else content
    base = name.rsplit("/", 1)[-1]
    context = context or Context(today=TODAY)
    return prepare(name, base, data, hashlib.sha256(data).hexdigest(), context)


def ready(content: str | bytes, name: str = "in/story.txt", **context: Any) -> Prepared:
    result = run(content, name, Context(today=TODAY, **context))
    assert isinstance(result, Prepared), result
    return result


def test_the_seed() -> None:
    data = SEED_FILE.read_bytes()
    result = ready(data, str(SEED_FILE))
    assert (result.canonical_url, result.source, result.notes) == (
        SEED_URL,
        "sputnikglobe.com",
        (),
    )
    values = dict(result.values)
    assert set(values) == VALUE_COLUMNS
    assert zlib.decompress(values.pop("original")) == data
    assert values.pop("body").startswith("Most moves by the West since the start of Russia")
    digest = hashlib.sha256(data).hexdigest()
    assert values == {
        "host": "sputnikglobe.com",
        "url": SEED_URL,
        "title_derived": False,
        "label": None,
        "encoding": "utf-8",
        "text_sha256": digest,  # UTF-8 with LF line endings: the text is the bytes
        "original_sha256": digest,
        "original_codec": ORIGINAL_CODEC,
        "published": "2024-06-24",
        "date_precision": "day",
        "date_source": "header",
        "title": SEED_TITLE,
        "word_count": 250,
        "cleaning": "joined 5 lines broken mid-sentence; separated 4 glued sentences; "
        "dropped 1 paragraph whose every sentence is repeated elsewhere",
        "language": "en",
        "url_date": "2024-06-24",
        "site_article_id": "1119107399",
        **NO_FLAGS,
        "text_cleaned": True,
        "decode_errors": 0,
    }
    assert result.text_sha256 == digest


def test_a_crlf_copy_has_the_same_text_but_other_bytes() -> None:
    data = SEED_FILE.read_bytes()
    crlf = data.replace(b"\n", b"\r\n")
    original, copy = ready(data), ready(crlf)
    assert copy.text_sha256 == original.text_sha256
    assert copy.values["original_sha256"] == hashlib.sha256(crlf).hexdigest()
    assert copy.values["original_sha256"] != original.values["original_sha256"]
    assert zlib.decompress(copy.values["original"]) == crlf
    different = {name for name in VALUE_COLUMNS if copy.values[name] != original.values[name]}
    assert different == {"original", "original_sha256"}


@pytest.mark.parametrize(
    ("seed", "encoding", "title", "source", "published"),
    [
        ("006_6525cea6a6bba49c.txt", "cp1251", "Во Владивостоке открыли новый пешеходный мост",
         "novosti-primorya.ru", "2022-11-02"),
        ("007_a0e0a8ed479d90d9.txt", "koi8-r", "В Хабаровске прошёл парад в честь Дня Победы",
         None, "2021-05-09"),
        ("004_a53ef07f930c7673.txt", "utf-8-sig", "Hafen Duisburg meldet Rekordumschlag",
         "rheinkurier.de", "2023-03-15"),
    ],
)  # fmt: skip
def test_legacy_encodings_and_a_bom(
    seed: str, encoding: str, title: str, source: str | None, published: str
) -> None:
    data = (SEEDS / seed).read_bytes()
    result = ready(data)
    assert (result.values["encoding"], result.values["title"]) == (encoding, title)
    assert (result.source, result.values["published"]) == (source, published)
    assert zlib.decompress(result.values["original"]) == data
    assert result.values["decode_errors"] == 0


def test_cp1251_bytes_written_here() -> None:
    text = (
        " date 2024-01-01\nВ Москве открыли новую станцию метро\n"
        "Сегодня в Москве открылась новая станция метро. Пассажиры смогут пользоваться ею с утра.\n"
    )
    result = ready(text.encode("cp1251"))
    assert result.values["encoding"] == "cp1251"
    assert result.values["title"] == "В Москве открыли новую станцию метро"
    assert result.values["body"] == text.splitlines()[2]
    assert (result.values["language"], result.values["word_count"]) == ("ru", 13)
    # The text hash is of the decoded text: the same as its UTF-8 copy's.
    assert result.text_sha256 == ready(text).text_sha256


def test_a_month_date_is_refined_by_the_urls_day() -> None:
    result = ready((SEEDS / "030_f41526c58195d3c6.txt").read_bytes())
    assert (result.values["published"], result.values["date_precision"]) == ("2022-11-15", "day")
    assert (result.values["date_source"], result.values["url_date"]) == ("url", "2022-11-15")


def test_a_map_entry_gives_a_url_and_replaces_a_placeholder_date() -> None:
    entry = MapEntry("https://www.example.com/news/a?utm_medium=x", parse_partial_date("2024-02"))
    result = ready(" date 1970-01-01\nTitle\nBody text.\n", url_map={"story.txt": entry})
    assert result.canonical_url == "https://example.com/news/a"
    assert result.source == "example.com"
    assert result.notes == ("placeholder date 1970-01-01 replaced by the map's 2024-02",)
    values = result.values
    assert (values["url"], values["host"]) == (entry.url, "example.com")
    assert (values["published"], values["date_precision"], values["date_source"]) == (
        "2024-02-01",
        "month",
        "map",
    )
    assert values["placeholder_date"] is False


def test_a_map_entry_is_found_by_path_before_name() -> None:
    by_path = MapEntry("https://example.com/by-path", None)
    by_name = MapEntry("https://example.com/by-name", None)
    url_map = {"in/story.txt": by_path, "story.txt": by_name}
    assert ready(SIMPLE, url_map=url_map).canonical_url == "https://example.com/by-path"
    assert ready(SIMPLE, "other/story.txt", url_map=url_map).canonical_url == (
        "https://example.com/by-name"
    )
    assert ready(SIMPLE, "in/else.txt", url_map=url_map).canonical_url is None


def test_the_header_wins_over_the_map() -> None:
    entry = MapEntry("https://example.com/a", parse_partial_date("2024-02-03"))
    content = " date 2024-01-01 https://example.com/b\nTitle\nBody text.\n"
    result = ready(content, url_map={"story.txt": entry})
    assert result.canonical_url == "https://example.com/b"
    assert result.values["published"] == "2024-01-01"
    assert result.notes == (
        "the header URL wins over the map's https://example.com/a",
        "the header date wins over the map's 2024-02-03",
    )
    # The same URL in another form is no disagreement.
    same = MapEntry("http://www.example.com/b/", None)
    assert ready(content, url_map={"story.txt": same}).notes == ()


def test_source_option_for_a_file_without_url() -> None:
    result = ready(SIMPLE, source="news.example.co.uk")
    assert (result.canonical_url, result.source) == (None, "example.co.uk")
    assert (result.values["host"], result.values["url"]) == ("news.example.co.uk", None)
    assert result.notes == ()


def test_the_urls_source_wins_over_the_source_option() -> None:
    content = " date 2024-01-01 https://news.example.com/b\nTitle\nBody text.\n"
    result = ready(content, source="example.org")
    assert (result.source, result.values["host"]) == ("example.com", "news.example.com")
    assert result.notes == ("the URL's source example.com wins over --source example.org",)
    assert ready(content, source="example.com").notes == ()


def test_the_source_option_host_is_normalized() -> None:
    result = ready(SIMPLE, source="News.Example.COM")
    assert (result.source, result.values["host"]) == ("example.com", "news.example.com")


@pytest.mark.parametrize(
    ("content", "notes", "changes"),
    [
        (" date 2024-01-01 http://example.com:99999/a\nTitle\nBody text.\n",
         ("the URL 'http://example.com:99999/a' is not a valid http(s) URL; stored without a URL",),
         {"url": None, "host": None}),
        (" date 2024-01-01 example.com/news/a\nTitle\nBody text.\n",
         ("the header URL 'example.com/news/a' has no scheme; read as https://example.com/news/a",),
         {"url": "https://example.com/news/a", "host": "example.com"}),
        (b" date 2024-01-01\nTitle\nCaf\xc3\xa9 cr\xc3\xa8me na\xc3\xafve \xff body.\n",
         ("1 invalid UTF-8 sequences were replaced with U+FFFD",),
         {"decode_errors": 1, "body": "Café crème naïve \ufffd body."}),
        (" date 2025-06-01\nTitle\nBody text.\n", (),
         {"future_date": True, "published": "2025-06-01"}),
        (" date 1970-01-01\nTitle\nBody text.\n", (),
         {"placeholder_date": True, "published": "1970-01-01"}),
        (" date 1985-05\nTitle\nBody text.\n", (),
         {"early_date": True, "published": "1985-05-01", "date_precision": "month"}),
        (" date 2024-01-01 https://example.com/2024/02/01/a\nTitle\nBody text.\n", (),
         {"date_conflict": True, "url_date": "2024-02-01"}),
    ],
)  # fmt: skip
def test_what_is_noticed(
    content: str | bytes, notes: tuple[str, ...], changes: dict[str, object]
) -> None:
    result = ready(content)
    assert result.notes == notes
    expected = {**NO_FLAGS, "published": "2024-01-01", "date_precision": "day", "decode_errors": 0}
    expected.update(changes)
    assert {name: result.values[name] for name in expected} == expected


@pytest.mark.parametrize(
    ("content", "reason", "message"),
    [
        (b"", "empty", "the file is empty"),
        (b" \r\n\t\n", "empty", "the file is blank"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary",
         "the file is binary (its first bytes are a known file type)"),
        (b"date\x00 2024-01-01\nTitle\n", "binary", "the file is binary (it contains NUL bytes)"),
        ("Hello\nWorld\n", "missing_header", "line 1 is not a ' date YYYY-MM-DD' header: 'Hello'"),
        ("\n\n date\nTitle\n", "bad_date", "line 3 has 'date' but no date after it"),
        (" date 2024-02-30\nTitle\n", "bad_date", "line 1: 2024-02-30 is not a calendar date"),
        (" date 24-02-03\nTitle\n", "bad_date",
         "line 1: '24-02-03' is not a date; use YYYY, YYYY-MM or YYYY-MM-DD"),
        (" date 2024-01-01 https://example.com/a\n\n", "no_text",
         "the file has a header with a URL and no text after it"),
        (" date 2024-01-01\n", "no_text",
         "the file has a header with nothing and no text after it"),
    ],
)  # fmt: skip
def test_rejected_files(content: str | bytes, reason: str, message: str) -> None:
    assert run(content) == Rejection(reason, message)


def test_results_survive_the_trip_to_a_worker_and_back() -> None:
    for result in (ready(SEED_FILE.read_bytes()), run(b"")):
        assert pickle.loads(pickle.dumps(result)) == result


WORDS = st.sampled_from(
    ["Министр", "заявил", "ёлка", "Straße", "café", "news", "talks", "Ukraine.", "said,", "3.5"]
)


@given(
    lines=st.lists(st.lists(WORDS, min_size=1, max_size=10).map(" ".join), min_size=1, max_size=4),
    newline=st.sampled_from(["\r\n", "\r"]),
    bom=st.booleans(),
    trailing=st.sampled_from(["", "\n", "\n\n  \n"]),
)
def test_line_endings_a_bom_and_trailing_space_change_only_the_bytes(
    lines: list[str], newline: str, bom: bool, trailing: str
) -> None:
    text = " date 2024-03-04 https://example.com/a\nA headline\n" + "\n".join(lines) + "\n"
    variant = (text + trailing).replace("\n", newline).encode("utf-8")
    if bom:
        variant = codecs.BOM_UTF8 + variant
    plain, other = ready(text), ready(variant)
    assert other.text_sha256 == plain.text_sha256
    assert (other.canonical_url, other.source, other.notes) == (
        plain.canonical_url,
        plain.source,
        plain.notes,
    )
    assert other.values["encoding"] == ("utf-8-sig" if bom else "utf-8")
    assert zlib.decompress(other.values["original"]) == variant
    same = VALUE_COLUMNS - {"original", "original_sha256", "encoding"}
    assert {name: other.values[name] for name in same} == {
        name: plain.values[name] for name in same
    }
