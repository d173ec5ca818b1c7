"""get_document and get_original, called directly: by id, by any form of the URL, and not found."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from archive.errors import ArchiveError, DocumentNotFound, InvalidOption
from archive.search.articles import DocumentSummary
from archive.search.documents import VersionSummary, get_document, get_original
from archive.store.engine import open_database
from tests.conftest import SEED_FILE, SEED_TITLE, SEED_URL, SEEDS, run_import, write

HARBOUR = "https://harbourgazette.co.uk/news/2024/06/12/council-approves-harbour-wall-repairs"
JOURNAL = "lejournaldulac.fr/region/2020/12/24/le-marche-de-noel-d-annecy-ferme-plus-tot"
HARBOUR_FILES = ["001_8d8953263262fabf.txt", "002_35a0236c13618ee8.txt", "003_7dc7248a113ff3ca.txt"]


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """The seeds, imported once for this module's tests, which only read."""
    path = tmp_path_factory.mktemp("documents") / "archive.db"
    engine = open_database(f"sqlite:///{path}", create=True)
    run_import(engine, SEEDS)
    yield engine
    engine.dispose()


@pytest.fixture
def session(archive: Engine) -> Iterator[Session]:
    with Session(archive) as session:
        yield session


@pytest.mark.parametrize("reference", [1, "1", " 1 ", "0001", SEED_URL])
def test_by_id_or_url(session: Session, reference: str | int) -> None:
    assert get_document(session, reference).summary.title == SEED_TITLE


@pytest.mark.parametrize(
    "url",
    [
        HARBOUR,
        HARBOUR.replace("https://", "http://"),
        HARBOUR.replace("https://", "http://www."),
        "HTTPS://WWW.HarbourGazette.CO.UK:443/news/2024/06/12/council-approves-harbour-wall-repairs",
        HARBOUR + "/",
        HARBOUR + "?utm_source=rss&utm_medium=feed",
        HARBOUR + "?fbclid=abc#comments",
        HARBOUR + "#comments",
        f"  {HARBOUR}  ",
    ],
)
def test_every_form_of_the_url_finds_the_document(session: Session, url: str) -> None:
    detail = get_document(session, url)
    assert (detail.summary.id, detail.canonical_url) == (2, HARBOUR)


@pytest.mark.parametrize(
    ("url", "document_id"),
    [
        ("https://www." + JOURNAL.replace("/region/", "/amp/region/"), 15),
        ("http://" + JOURNAL + "/", 15),
        ("https://вести-приморья.рф/news/2020/01/15/zima-snegopad", 7),
        ("https://xn----ctbjmbyofjddm2ltb.xn--p1ai/news/2020/01/15/zima-snegopad", 7),
        ("https://cronacadelnord.it/cronaca/2025/01/10/neve-sulle-alpi-chiusi-tre-passi", 16),
    ],
)  # fmt: skip
def test_urls_as_crawled_and_as_canonical(session: Session, url: str, document_id: int) -> None:
    assert get_document(session, url).summary.id == document_id
    assert get_original(session, url) == get_original(session, document_id)


def test_the_recrawled_harbour_article_in_full(session: Session) -> None:
    detail = get_document(session, 2)
    assert detail.summary == DocumentSummary(
        id=2,
        published="2024-06-12",
        date_precision="day",
        source="harbourgazette.co.uk",
        host="harbourgazette.co.uk",
        url="http://harbourgazette.co.uk/news/2024/06/12/council-approves-harbour-wall-repairs",
        title="Council approves £4.2m repairs to the harbour wall",
        word_count=126,
    )
    assert (detail.canonical_url, detail.label, detail.title_derived) == (HARBOUR, None, False)
    assert (detail.encoding, detail.language) == ("utf-8", "en")
    assert (detail.date_source, detail.url_date, detail.site_article_id) == (
        "header",
        "2024-06-12",
        None,
    )
    assert detail.flags == ("text_cleaned",)
    assert detail.cleaning == "removed the site-name line 'Harbour Gazette'"
    assert detail.body.startswith("Councillors voted on Tuesday evening to release £4.2 million")
    assert detail.body.endswith(
        "\nCorrection: an earlier version of this article gave the length of the damaged "
        "section as 90 metres. It is 95 metres."
    )
    current = (SEEDS / HARBOUR_FILES[1]).read_bytes()
    assert detail.original_sha256 == hashlib.sha256(current).hexdigest()
    # Every file it was imported from, the byte-identical copy of the first included.
    assert detail.files == [str(SEEDS / name) for name in HARBOUR_FILES]
    assert detail.versions == [
        VersionSummary(
            id=1,
            published="2024-06-12",
            date_precision="day",
            title="Council approves £4.2m repairs to the harbour wall",
            word_count=105,
            stored_at=detail.imported_at,
            superseded_at=detail.updated_at,
        )
    ]
    assert detail.imported_at <= detail.updated_at


def test_the_seed_article_record(session: Session) -> None:
    record = get_document(session, 1).as_dict()
    body = record.pop("body")
    imported_at, updated_at = record.pop("imported_at"), record.pop("updated_at")
    assert record == {
        "id": 1,
        "published": "2024-06-24",
        "date_precision": "day",
        "source": "sputnikglobe.com",
        "host": "sputnikglobe.com",
        "url": SEED_URL,
        "canonical_url": SEED_URL,
        "title": SEED_TITLE,
        "title_derived": False,
        "label": None,
        "word_count": 250,
        "language": "en",
        "date_source": "header",
        "url_date": "2024-06-24",
        "site_article_id": "1119107399",
        "flags": ["text_cleaned"],
        "cleaning": "joined 5 lines broken mid-sentence; separated 4 glued sentences; "
        "dropped 1 paragraph whose every sentence is repeated elsewhere",
        "encoding": "utf-8",
        "original_sha256": hashlib.sha256(SEED_FILE.read_bytes()).hexdigest(),
        "files": [str(SEED_FILE)],
        "versions": [],
    }
    assert list(get_document(session, 1).as_dict()) == [
        "id", "published", "date_precision", "source", "host", "url", "canonical_url", "title",
        "title_derived", "label", "word_count", "language", "date_source", "url_date",
        "site_article_id", "flags", "cleaning", "encoding", "original_sha256", "imported_at",
        "updated_at", "files", "versions", "body",
    ]  # fmt: skip
    assert body.startswith("Most moves by the West since the start of Russia's military operation")
    assert imported_at == updated_at


@pytest.mark.parametrize(
    ("document_id", "expected"),
    [
        # (published, precision, date_source, label, title_derived, encoding, flags)
        (4, ("2023-03", "month", "header", "Politik", False, "utf-8", ())),
        (13, ("2021", "year", "header", None, False, "utf-8", ())),
        (10, ("2022-06-01", "day", "header", None, True, "utf-8", ())),
        (3, ("2023-03-15", "day", "header", None, False, "utf-8-sig", ())),
        (5, ("2022-11-02", "day", "header", None, False, "cp1251", ())),
        (6, ("2021-05-09", "day", "header", None, False, "koi8-r", ())),
        (28, ("2022-11-15", "day", "url", None, False, "cp1251", ())),  # header: 2022-11
        (25, ("1970-01-01", "day", "header", None, False, "utf-8", ("placeholder_date",))),
        (24, ("2023-09-12", "day", "header", None, False, "utf-8",
              ("mojibake_repaired", "text_cleaned"))),
        (12, ("2021-02-18", "day", "header", "- Reuters", False, "utf-8", ())),
        (27, ("2024-06-03", "day", "header", ".", False, "utf-8", ())),
    ],
)  # fmt: skip
def test_what_the_header_and_cleaning_said(
    session: Session, document_id: int, expected: tuple[object, ...]
) -> None:
    detail = get_document(session, document_id)
    summary = detail.summary
    assert (
        summary.published,
        summary.date_precision,
        detail.date_source,
        detail.label,
        detail.title_derived,
        detail.encoding,
        detail.flags,
    ) == expected


def test_documents_without_url_have_no_source_or_host(session: Session) -> None:
    detail = get_document(session, 6)
    assert (detail.summary.source, detail.summary.host, detail.summary.url) == (None, None, None)
    assert (detail.canonical_url, detail.url_date, detail.site_article_id) == (None, None, None)
    assert detail.summary.title == "В Хабаровске прошёл парад в честь Дня Победы"


def test_every_original_comes_back_byte_for_byte(session: Session) -> None:
    seeds = {hashlib.sha256(path.read_bytes()).hexdigest(): path for path in SEEDS.iterdir()}
    for document_id in range(1, 29):
        original = get_original(session, document_id)
        detail = get_document(session, document_id)
        digest = hashlib.sha256(original).hexdigest()
        assert digest == detail.original_sha256
        assert original == seeds[digest].read_bytes()
        assert str(seeds[digest]) in detail.files
    assert get_original(session, SEED_URL) == SEED_FILE.read_bytes()
    # The current text's file, not the first one imported.
    assert get_original(session, HARBOUR) == (SEEDS / HARBOUR_FILES[1]).read_bytes()


@pytest.mark.parametrize(
    ("reference", "message"),
    [
        (999, "no document has id 999 - find ids with 'archive search'"),
        ("0", "no document has id 0 - find ids with 'archive search'"),
        (
            "https://example.com/none",
            "no document has the URL https://example.com/none - find it with 'archive search'",
        ),
        (
            HARBOUR + "-2",
            f"no document has the URL {HARBOUR}-2 - find it with 'archive search'",
        ),
    ],
)
def test_not_found(session: Session, reference: str | int, message: str) -> None:
    for function in (get_document, get_original):
        with pytest.raises(DocumentNotFound) as caught:
            function(session, reference)
        assert str(caught.value) == message


@pytest.mark.parametrize(
    ("reference", "message"),
    [
        ("ftp://example.com/", "'ftp://example.com/' is neither a document id nor an http(s) URL"),
        ("-1", "'-1' is neither a document id nor an http(s) URL"),
        ("", "'' is neither a document id nor an http(s) URL"),
        ("harbour", "'harbour' is neither a document id nor an http(s) URL"),
    ],
)  # fmt: skip
def test_neither_an_id_nor_a_url(session: Session, reference: str, message: str) -> None:
    for function in (get_document, get_original):
        with pytest.raises(InvalidOption) as caught:
            function(session, reference)
        assert str(caught.value) == message


@pytest.mark.parametrize("reference", ["²", "9" * 25])
def test_odd_digits_are_reported_not_crashed_on(session: Session, reference: str) -> None:
    with pytest.raises(ArchiveError):
        get_document(session, reference)


def test_flags_that_the_seeds_do_not_raise(engine: Engine, tmp_path: Path) -> None:
    body = "The committee published its findings on Tuesday after a long inquiry.\n"
    write(tmp_path / "in", "future.txt", " date 2099-01-01\nA headline from the future\n" + body)
    write(tmp_path / "in", "early.txt", " date 1985-05-05\nAn early headline\n" + body)
    write(
        tmp_path / "in",
        "conflict.txt",
        " date 2024-01-05 https://example.com/news/2024/02/01/story\nA conflicting headline\n"
        + body,
    )
    write(
        tmp_path / "in",
        "broken.txt",
        b" date 2024-01-06\nA damaged headline\n"
        + b"Caf\xc3\xa9 cr\xc3\xa8me na\xc3\xafve \xff "
        + body.encode(),
    )
    summary = run_import(engine, tmp_path / "in")
    assert summary.counts["imported"] == 4
    with Session(engine) as session:
        details = [get_document(session, document_id) for document_id in range(1, 5)]
    flags = {detail.summary.title: detail.flags for detail in details}
    assert flags == {
        "A headline from the future": ("future_date",),
        "An early headline": ("early_date",),
        "A conflicting headline": ("date_conflict",),
        "A damaged headline": ("decode_errors",),
    }
