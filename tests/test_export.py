"""export_records and export_originals, called directly on the imported seeds."""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from archive.errors import ExportError
from archive.search.export import RECORD_FIELDS, export_originals, export_records
from archive.search.filters import Filters
from archive.search.grammar import parse_query
from archive.store.engine import open_database
from tests.conftest import SEED_FILE, SEEDS, run_import, write

OLDEST = [25, 26, 8, 9, 7, 15, 13, 12, 6, 10, 20, 5, 28, 4, 3, 21, 19, 11, 24, 23, 14, 22, 27,
          2, 1, 18, 16, 17]  # fmt: skip
"""Export order: by the date as stored (a month's first day), then id."""


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """The seeds, imported once for this module's tests, which write files but no rows."""
    path = tmp_path_factory.mktemp("export") / "archive.db"
    engine = open_database(f"sqlite:///{path}", create=True)
    run_import(engine, SEEDS)
    yield engine
    engine.dispose()


@pytest.fixture
def session(archive: Engine) -> Iterator[Session]:
    with Session(archive) as session:
        yield session


def jsonl(session: Session, filters: Filters) -> list[dict[str, object]]:
    stream = io.StringIO()
    count = export_records(session, filters, "jsonl", stream)
    records = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert count == len(records)
    return records


def test_records_oldest_first_with_every_field(session: Session) -> None:
    records = jsonl(session, Filters())
    assert [record["id"] for record in records] == OLDEST
    assert {tuple(record) for record in records} == {RECORD_FIELDS}
    assert list(RECORD_FIELDS) == [
        "id", "published", "date_precision", "source", "host", "url", "title", "word_count",
        "language", "label", "date_source", "url_date", "site_article_id", "body",
    ]  # fmt: skip


def test_partial_dates_as_written_and_unknown_source_as_null(session: Session) -> None:
    [record] = jsonl(session, Filters(languages=("de",), sources=("unknown",)))
    assert record == {
        "id": 4,
        "published": "2023-03",
        "date_precision": "month",
        "source": None,
        "host": None,
        "url": None,
        "title": "Landtag streitet über Schulbau-Programm",
        "word_count": 46,
        "language": "de",
        "label": "Politik",
        "date_source": "header",
        "url_date": None,
        "site_article_id": None,
        "body": "Im Düsseldorfer Landtag haben Regierung und Opposition erneut über das "
        "Schulbau-Programm gestritten. Die Opposition wirft der Landesregierung vor, die "
        "versprochenen Mittel zu langsam auszuzahlen.\nDie Schulministerin verwies auf Engpässe "
        "bei den Baufirmen. Bis zum Sommer sollen nach ihren Worten 120 Schulen mit den Arbeiten "
        "begonnen haben.",
    }
    [year] = jsonl(session, Filters(languages=("es",)))
    assert (year["published"], year["date_precision"], year["source"]) == ("2021", "year", None)


def test_a_record_of_a_known_source(session: Session) -> None:
    [record] = jsonl(session, Filters(sources=("world.huananribao.com.cn",)))
    body = record.pop("body")
    assert record == {
        "id": 22,
        "published": "2024-03-05",
        "date_precision": "day",
        "source": "huananribao.com.cn",
        "host": "world.huananribao.com.cn",
        "url": "https://world.huananribao.com.cn/2024-03/05/c_1130087.htm",
        "title": "南方多地迎来春耕高峰",
        "word_count": 6,
        "language": "zh",
        "label": None,
        "date_source": "header",
        "url_date": "2024-03-05",
        "site_article_id": "1130087",
    }
    assert isinstance(body, str) and body.startswith("三月以来")


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(sources=("unknown",)), [25, 9, 13, 12, 6, 10, 4, 19, 11, 27]),
        (Filters(text=parse_query("minister")), [10, 11, 1]),
        (Filters(languages=("ru",), sources=("novosti-primorya.ru",)), [5, 28]),
        (Filters(sources=("rt.com",)), []),
    ],
)
def test_records_follow_the_filters(
    session: Session, filters: Filters, expected: list[int]
) -> None:
    assert [record["id"] for record in jsonl(session, filters)] == expected


def test_csv_has_a_header_and_empty_cells_for_nulls(session: Session) -> None:
    stream = io.StringIO()
    assert export_records(session, Filters(languages=("es", "bg")), "csv", stream) == 2
    text = stream.getvalue()
    assert text.startswith(",".join(RECORD_FIELDS) + "\n13,2021,year,,,,El ayuntamiento aprueba")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [row["id"] for row in rows] == ["13", "19"]
    assert rows[1] == {
        "id": "19",
        "published": "2023-07",
        "date_precision": "month",
        "source": "",
        "host": "",
        "url": "",
        "title": "Нова линия на метрото в София отвори врати",
        "word_count": "37",
        "language": "bg",
        "label": "",
        "date_source": "header",
        "url_date": "",
        "site_article_id": "",
        "body": "Новата линия на метрото в София беше открита в неделя. Тя свързва централната "
        "част на града с южните квартали и има осем станции.\nСпоред кмета пътуването от "
        "центъра до крайната спирка ще отнема по-малко от двадесет минути.",
    }


def test_csv_of_nothing_is_its_header(session: Session) -> None:
    stream = io.StringIO()
    assert export_records(session, Filters(sources=("rt.com",)), "csv", stream) == 0
    assert stream.getvalue() == ",".join(RECORD_FIELDS) + "\n"


def test_originals_byte_for_byte(session: Session, tmp_path: Path) -> None:
    folder = tmp_path / "out" / "originals"
    assert export_originals(session, Filters(), folder, force=False) == 28
    written = sorted(os.listdir(folder))
    assert len(written) == 28
    assert f"1_{SEED_FILE.name}" in written
    # Named after the file the current text came from, not the first one imported.
    assert "2_002_35a0236c13618ee8.txt" in written
    for name in written:
        _, seed_name = name.split("_", 1)
        assert (folder / name).read_bytes() == (SEEDS / seed_name).read_bytes()


def test_originals_of_the_matching_articles_only(session: Session, tmp_path: Path) -> None:
    filters = Filters(sources=("novosti-primorya.ru",))
    assert export_originals(session, filters, tmp_path, force=False) == 2
    assert sorted(os.listdir(tmp_path)) == [
        "28_030_f41526c58195d3c6.txt",
        "5_006_6525cea6a6bba49c.txt",
    ]
    assert (tmp_path / "5_006_6525cea6a6bba49c.txt").read_bytes() == (
        SEEDS / "006_6525cea6a6bba49c.txt"
    ).read_bytes()


def test_existing_files_are_replaced_only_with_force(session: Session, tmp_path: Path) -> None:
    filters = Filters(sources=("sputnikglobe.com",))
    target = tmp_path / f"1_{SEED_FILE.name}"
    target.write_bytes(b"mine")
    with pytest.raises(ExportError) as caught:
        export_originals(session, filters, tmp_path, force=False)
    assert str(caught.value) == f"{target} exists - use --force to replace it"
    assert target.read_bytes() == b"mine"
    assert export_originals(session, filters, tmp_path, force=True) == 1
    assert target.read_bytes() == SEED_FILE.read_bytes()
    assert os.listdir(tmp_path) == [target.name]  # no temporary file left behind


def test_the_target_must_be_a_real_folder(session: Session, tmp_path: Path) -> None:
    filters = Filters(sources=("sputnikglobe.com",))
    a_file = write(tmp_path, "file.txt", "x")
    with pytest.raises(ExportError) as caught:
        export_originals(session, filters, a_file, force=True)
    assert str(caught.value) == f"{a_file} is a file, not a folder - name a folder to write into"
    link = tmp_path / "link"
    link.symlink_to(tmp_path / "real", target_is_directory=True)
    (tmp_path / "real").mkdir()
    with pytest.raises(ExportError) as caught:
        export_originals(session, filters, link, force=True)
    assert str(caught.value) == f"{link} is a symlink; name the real folder"
    assert os.listdir(tmp_path / "real") == []


def test_awkward_file_names_are_made_safe(engine: Engine, tmp_path: Path) -> None:
    content = " date 2024-01-01 https://example.com/a\nTitle\nText.\n"
    write(tmp_path / "in", "my article (1).txt", content)
    run_import(engine, tmp_path / "in")
    with Session(engine) as session:
        assert export_originals(session, Filters(), tmp_path / "out", force=False) == 1
    assert os.listdir(tmp_path / "out") == ["1_my_article_1_.txt"]
    assert (tmp_path / "out" / "1_my_article_1_.txt").read_text() == content
