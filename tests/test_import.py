from __future__ import annotations

import hashlib
import json
import os
import random
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session

from archive.ingest.importer import ImportOptions, import_files
from archive.ingest.inputs import iter_input_files
from archive.ingest.mapping import load_url_map
from archive.store.documents import original_bytes
from archive.store.models import Document, DocumentVersion, ImportItem, ImportRun, Source
from tests.conftest import SEED_FILE, SEED_TITLE, SEEDS, run_import, write

SEED_COUNTS = {
    "imported": 28, "updated": 1, "unchanged": 0, "duplicate": 2, "rejected": 0, "skipped": 0,
}  # fmt: skip
SEED_FILES = 31


def outcomes(engine: Engine, run_id: int | None) -> dict[str, tuple[str, str | None]]:
    """File name -> (outcome, reason) for one run."""
    with Session(engine) as session:
        rows = session.execute(
            select(ImportItem.path, ImportItem.outcome, ImportItem.reason).where(
                ImportItem.run_id == run_id
            )
        )
        return {Path(path).name: (outcome, reason) for path, outcome, reason in rows}


def test_seeds_import_with_exact_outcomes(engine: Engine) -> None:
    summary = run_import(engine, SEEDS)
    assert summary.counts == SEED_COUNTS
    assert summary.total == SEED_FILES == len(list(SEEDS.iterdir()))
    by_name = outcomes(engine, summary.run_id)
    assert by_name["002_35a0236c13618ee8.txt"] == ("updated", None)
    assert by_name["003_7dc7248a113ff3ca.txt"] == ("duplicate", None)
    assert by_name["025_fc054e7457b73393.txt"] == ("duplicate", None)
    with Session(engine) as session:
        assert session.scalar(select(func.count()).select_from(Document)) == 28
        assert session.scalar(select(func.count()).select_from(DocumentVersion)) == 1
        run = session.get(ImportRun, summary.run_id)
        assert run is not None
        assert (run.status, run.imported, run.updated, run.duplicate) == ("completed", 28, 1, 2)
        assert json.loads(run.arguments) == {}


def test_reimport_is_all_unchanged(engine: Engine) -> None:
    run_import(engine, SEEDS)
    with Session(engine) as session:
        before = session.execute(select(Document.id, Document.text_sha256)).all()
    summary = run_import(engine, SEEDS)
    assert summary.counts == {**dict.fromkeys(SEED_COUNTS, 0), "unchanged": SEED_FILES}
    with Session(engine) as session:
        assert session.execute(select(Document.id, Document.text_sha256)).all() == before
        assert session.scalar(select(func.count()).select_from(DocumentVersion)) == 1


def test_seed_is_stored_with_its_original_bytes(seeded: Engine) -> None:
    with Session(seeded) as session:
        document = session.scalars(select(Document).where(Document.title == SEED_TITLE)).one()
        assert original_bytes(document.original, document.original_codec) == SEED_FILE.read_bytes()
        assert document.original_sha256 == hashlib.sha256(SEED_FILE.read_bytes()).hexdigest()
        assert document.published == "2024-06-24"
        assert document.host == "sputnikglobe.com"
        assert document.source is not None and document.source.domain == "sputnikglobe.com"
        assert document.encoding == "utf-8"
        assert document.word_count == 250


def test_edited_recrawl_keeps_the_old_text_as_a_version(seeded: Engine) -> None:
    with Session(seeded) as session:
        document = session.scalars(
            select(Document).where(Document.host == "harbourgazette.co.uk")
        ).one()
        assert "95-metre" in document.body and document.body.endswith("It is 95 metres.")
        assert document.url == (
            "http://harbourgazette.co.uk/news/2024/06/12/council-approves-harbour-wall-repairs"
        )
        [version] = document.versions
        assert "90-metre" in version.body
        original = original_bytes(version.original, version.original_codec)
        assert original == (SEEDS / "001_8d8953263262fabf.txt").read_bytes()


def test_recrawl_order_never_flips_the_current_version_back(engine: Engine, tmp_path: Path) -> None:
    header = " date 2024-01-01 https://example.com/a\nTitle\n"
    write(tmp_path / "in", "1.txt", header + "First text.")
    write(tmp_path / "in", "2.txt", header + "Second text.")
    run_import(engine, tmp_path / "in")
    summary = run_import(engine, tmp_path / "in" / "1.txt")
    assert summary.counts["unchanged"] == 1
    with Session(engine) as session:
        assert session.scalars(select(Document.body)).one() == "Second text."


def test_same_text_in_other_bytes_is_unchanged(engine: Engine, tmp_path: Path) -> None:
    content = " date 2024-01-01 https://example.com/a\nTitle\nBody line.\n"
    write(tmp_path, "a.txt", content)
    write(tmp_path, "b.txt", content.replace("\n", "\r\n"))
    summary = run_import(engine, tmp_path / "a.txt", tmp_path / "b.txt")
    assert summary.counts["imported"] == 1 and summary.counts["unchanged"] == 1


def test_files_without_url_are_keyed_by_their_text(engine: Engine, tmp_path: Path) -> None:
    content = " date 2024-01-01\nTitle\nBody line.\n"
    write(tmp_path / "in", "a.txt", content)
    write(tmp_path / "in", "b.txt", content.replace("\n", "\r\n"))
    write(tmp_path / "in", "c.txt", content.replace("Body", "Other body"))
    summary = run_import(engine, tmp_path / "in")
    assert (summary.counts["imported"], summary.counts["duplicate"]) == (2, 1)
    with Session(engine) as session:
        assert session.scalars(select(Document.source_id)).all() == [None, None]


def rejects(tmp_path: Path) -> dict[str, bytes]:
    noise = random.Random(0)
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"
    return {
        "empty.txt": b"",
        "blank.txt": b"\n \n",
        "png.txt": png,
        "nul.txt": b" date 2024-01-01\nTitle\nBody\x00more",
        "noheader.txt": b"Just a title\nAnd a body.",
        "baddate.txt": b" date 2024-02-30\nTitle\nBody.",
        "badmonth.txt": b" date 2024-13\nTitle\nBody.",
        "headeronly.txt": b" date 2024-01-01 https://example.com/x\n",
        "big.txt": b" date 2024-01-01\nTitle\n" + b"x" * 2000,
        "noise.txt": bytes(noise.choice(range(0x80, 0x100)) for _ in range(300)),
    }


EXPECTED_REASONS = {
    "empty.txt": "empty",
    "blank.txt": "empty",
    "png.txt": "binary",
    "nul.txt": "binary",
    "noheader.txt": "missing_header",
    "baddate.txt": "bad_date",
    "badmonth.txt": "bad_date",
    "headeronly.txt": "no_text",
    "big.txt": "too_large",
    "noise.txt": "undecodable",
}


def test_each_reject_reason_on_real_files(engine: Engine, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    for name, content in rejects(tmp_path).items():
        write(folder, name, content)
    good = write(folder, "zz_good.txt", " date 2024-01-01\nTitle\nBody.")
    summary = run_import(engine, folder, max_size=1000)
    assert summary.counts == {**dict.fromkeys(SEED_COUNTS, 0), "imported": 1, "rejected": 10}
    by_name = outcomes(engine, summary.run_id)
    assert {name: reason for name, (_, reason) in by_name.items()} == {
        **EXPECTED_REASONS,
        good.name: None,
    }
    with Session(engine) as session:
        messages = dict(
            session.execute(
                select(ImportItem.reason, ImportItem.message).where(
                    ImportItem.path.endswith("big.txt")
                )
            ).all()
        )
        assert messages == {"too_large": "the file has 2,023 bytes, more than the limit of 1,000"}
        assert session.scalar(select(func.count()).select_from(Document)) == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read files whatever their mode")
def test_unreadable_file_is_rejected(engine: Engine, tmp_path: Path) -> None:
    path = write(tmp_path, "secret.txt", " date 2024-01-01\nTitle\nBody.")
    path.chmod(0)
    summary = run_import(engine, path)
    assert outcomes(engine, summary.run_id) == {"secret.txt": ("rejected", "unreadable")}


def test_read_errors_are_rejected(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "in", "a.txt", " date 2024-01-01\nTitle\nBody.")
    write(tmp_path / "in", "b.txt", " date 2024-01-01\nOther\nBody.")

    real_open = os.open

    def refuse(name: object, *args: object, **kwargs: object) -> int:
        if Path(str(name)) == path:
            raise PermissionError(13, "Permission denied")
        return real_open(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refuse)
    summary = run_import(engine, tmp_path / "in")
    assert outcomes(engine, summary.run_id) == {
        "a.txt": ("rejected", "unreadable"),
        "b.txt": ("imported", None),
    }


def test_missing_and_special_files_are_rejected(engine: Engine, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")
    (folder / "dangling.txt").symlink_to(tmp_path / "nowhere")
    (folder / "linked").symlink_to(tmp_path, target_is_directory=True)
    summary = run_import(engine, folder)
    assert outcomes(engine, summary.run_id) == {
        "dangling.txt": ("rejected", "symlink"),
        "linked": ("rejected", "symlink"),
        "pipe.txt": ("rejected", "not_a_file"),
    }
    followed = run_import(engine, folder, follow_symlinks=True)
    assert outcomes(engine, followed.run_id)["dangling.txt"] == ("rejected", "unreadable")


def test_symlinks_are_followed_only_when_asked_and_loops_end(
    engine: Engine, tmp_path: Path
) -> None:
    outside = write(tmp_path / "outside", "secret.txt", " date 2024-01-01\nOutside\nBody.")
    folder = tmp_path / "in"
    write(folder, "a.txt", " date 2024-01-01\nInside\nBody.")
    (folder / "link.txt").symlink_to(outside)
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    (folder / "sub").mkdir()
    (folder / "sub" / "back").symlink_to(folder, target_is_directory=True)
    summary = run_import(engine, folder)
    with Session(engine) as session:
        messages = dict(
            session.execute(
                select(ImportItem.path, ImportItem.message).where(ImportItem.reason == "symlink")
            ).all()
        )
    assert messages == {
        f"{folder}/link.txt": f"a symlink to {outside}; not followed without --follow-symlinks",
        f"{folder}/loop": f"a symlink to {folder}; not followed without --follow-symlinks",
        f"{folder}/sub/back": f"a symlink to {folder}; not followed without --follow-symlinks",
    }
    assert summary.counts["imported"] == 1
    followed = run_import(engine, folder, follow_symlinks=True)
    assert followed.counts == {"imported": 1, "updated": 0, "unchanged": 1, "duplicate": 0,
                               "rejected": 0, "skipped": 0}  # fmt: skip


def test_a_loop_of_two_file_symlinks_is_two_unreadable_files(
    engine: Engine, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    write(folder, "good.txt", " date 2024-01-01\nGood\nBody.")
    (folder / "a.txt").symlink_to(folder / "b.txt")
    (folder / "b.txt").symlink_to(folder / "a.txt")
    for paths in ([folder], [folder / "a.txt", folder / "good.txt"]):
        summary = run_import(engine, *paths, follow_symlinks=True)
        assert summary.counts["rejected"] == (2 if paths == [folder] else 1)
    with Session(engine) as session:
        rows = session.execute(
            select(ImportItem.path, ImportItem.reason, ImportItem.message)
            .where(ImportItem.outcome == "rejected")
            .order_by(ImportItem.id)
        ).all()
    loop = "cannot read the file: Too many levels of symbolic links"
    assert [tuple(row) for row in rows] == [
        (f"{folder}/a.txt", "unreadable", loop),
        (f"{folder}/b.txt", "unreadable", loop),
        (f"{folder}/a.txt", "unreadable", loop),
    ]


def test_source_option_applies_to_files_without_url(engine: Engine, tmp_path: Path) -> None:
    write(tmp_path / "in", "a.txt", " date 2024-01-01\nTitle A\nBody.")
    write(tmp_path / "in", "b.txt", " date 2024-01-01 https://other.org/b\nTitle B\nBody.")
    summary = run_import(engine, tmp_path / "in", source="news.bbc.co.uk")
    with Session(engine) as session:
        rows = session.execute(
            select(Document.title, Document.host, Source.domain)
            .join(Source)
            .order_by(Document.title)
        ).all()
        assert rows == [
            ("Title A", "news.bbc.co.uk", "bbc.co.uk"),
            ("Title B", "other.org", "other.org"),
        ]
        message = session.scalar(
            select(ImportItem.message).where(ImportItem.path.endswith("b.txt"))
        )
    assert message == "the URL's source other.org wins over --source news.bbc.co.uk"
    assert summary.counts["imported"] == 2


def test_map_supplies_urls_and_dates(engine: Engine, tmp_path: Path) -> None:
    write(tmp_path / "in", "a.txt", " date 2024-01-01\nTitle A\nBody.")
    write(tmp_path / "in", "b.txt", " date 1970-01-01\nTitle B\nBody.")
    write(tmp_path / "in", "c.txt", " date 2024-01-03 https://c.org/header\nTitle C\nBody.")
    map_path = write(
        tmp_path,
        "map.csv",
        "file,url,date\n"
        "a.txt,https://www.a.org/story?utm_source=x,\n"
        "b.txt,https://b.org/story,2023-05\n"
        "c.txt,https://c.org/other,\n",
    )
    run_import(engine, tmp_path / "in", url_map=load_url_map(map_path))
    with Session(engine) as session:
        rows = session.execute(
            select(
                Document.title, Document.canonical_url, Document.published, Document.date_precision
            ).order_by(Document.title)
        ).all()
        notes = dict(session.execute(select(ImportItem.path, ImportItem.message)).all())
    assert rows == [
        ("Title A", "https://a.org/story", "2024-01-01", "day"),
        ("Title B", "https://b.org/story", "2023-05-01", "month"),
        ("Title C", "https://c.org/header", "2024-01-03", "day"),
    ]
    notes = {Path(path).name: message for path, message in notes.items()}
    assert notes == {
        "a.txt": None,
        "b.txt": "placeholder date 1970-01-01 replaced by the map's 2023-05",
        "c.txt": "the header URL wins over the map's https://c.org/other",
    }


def test_map_in_jsonl(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "map.jsonl",
        '{"file": "a.txt", "url": "https://a.org/1"}\n\n'
        '{"file": "b.txt", "url": "https://b.org/2", "date": "2020"}\n',
    )
    url_map = load_url_map(path)
    assert url_map["a.txt"].url == "https://a.org/1"
    assert str(url_map["b.txt"].published) == "2020"


def test_batches_commit_as_they_go(engine: Engine, tmp_path: Path) -> None:
    for number in range(7):
        write(
            tmp_path / "in", f"{number}.txt", f" date 2024-01-0{number + 1}\nTitle {number}\nBody."
        )
    seen: list[int] = []

    def count_committed(_: object) -> None:
        with engine.connect() as connection:
            seen.append(connection.execute(text("SELECT count(*) FROM documents")).scalar_one())

    import_files(
        engine,
        iter_input_files([str(tmp_path / "in")]),
        ImportOptions(batch_size=3),
        on_file=count_committed,
    )
    assert seen == [0, 0, 0, 3, 3, 3, 6]


def test_dry_run_writes_nothing(engine: Engine) -> None:
    summary = import_files(engine, iter_input_files([str(SEEDS)]), ImportOptions(dry_run=True))
    assert summary.counts == SEED_COUNTS and summary.run_id is None
    with Session(engine) as session:
        assert session.scalar(select(func.count()).select_from(Document)) == 0
        assert session.scalar(select(func.count()).select_from(ImportRun)) == 0


def test_interrupted_import_is_marked_and_keeps_committed_batches(
    engine: Engine, tmp_path: Path
) -> None:
    for number in range(5):
        write(
            tmp_path / "in", f"{number}.txt", f" date 2024-01-0{number + 1}\nTitle {number}\nBody."
        )

    def stop_at_the_fourth(outcome: object, calls: list[int] = []) -> None:  # noqa: B006
        calls.append(1)
        if len(calls) == 4:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        import_files(
            engine,
            iter_input_files([str(tmp_path / "in")]),
            ImportOptions(batch_size=2),
            on_file=stop_at_the_fourth,
        )
    with Session(engine) as session:
        assert session.scalar(select(ImportRun.status)) == "interrupted"
        assert session.scalar(select(func.count()).select_from(Document)) == 2
    summary = run_import(engine, tmp_path / "in")
    assert (summary.counts["imported"], summary.counts["unchanged"]) == (3, 2)


def test_cyrillic_files_keep_their_encoding(seeded: Engine) -> None:
    with Session(seeded) as session:
        rows = dict(
            session.execute(
                select(Document.title, Document.encoding).where(
                    Document.encoding.not_in(["utf-8", "utf-8-sig"])
                )
            ).all()
        )
    assert rows == {
        "Во Владивостоке открыли новый пешеходный мост": "cp1251",
        "Порт Восточный увеличил перевалку угля": "cp1251",
        "В Хабаровске прошёл парад в честь Дня Победы": "koi8-r",
    }


def test_the_database_itself_is_not_imported(engine: Engine, tmp_path: Path) -> None:
    write(tmp_path, "a.txt", " date 2024-01-01\nTitle\nBody.")
    summary = run_import(engine, tmp_path)
    assert outcomes(engine, summary.run_id) == {"a.txt": ("imported", None)}


def test_awkward_file_names_are_stored_escaped(engine: Engine, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for raw_name in (b"new\nline.txt", b"-leading.txt", b"bad\xff.txt"):
        with open(os.path.join(os.fsencode(folder), raw_name), "wb") as handle:
            handle.write(b" date 2024-01-01\nTitle " + raw_name.replace(b"\n", b" ") + b"\nBody.")
    summary = run_import(engine, folder)
    assert summary.counts["imported"] == 3
    assert set(outcomes(engine, summary.run_id)) == {
        "new\\nline.txt",
        "-leading.txt",
        "bad\\xff.txt",
    }


def test_hostile_files_each_get_an_outcome(engine: Engine, tmp_path: Path) -> None:
    folder = tmp_path / "hostile"
    long_url = "https://example.com/" + "a" * 2100
    files = {
        "01_header_only.txt": b" date 2024-01-01\n",
        "02_no_header.txt": b"Title\nBody.",
        "03_feb30.txt": b" date 2024-02-30\nTitle\nBody.",
        "04_month13.txt": b" date 2024-13-01\nTitle\nBody.",
        "05_year0.txt": b" date 0000-01-01\nTitle\nBody.",
        "06_old.txt": b" date 1985-05-01\nOld story\nBody.",
        "07_future.txt": b" date 2999-01-01\nFuture story\nBody.",
        "08_bad_utf8.txt": " date 2024-01-01\nГазета пишет\nТекст ".encode()
        + b"\xff"
        + " здесь.".encode(),
        "09_cp1251.txt": " date 2024-01-02\nГазета\nТекст статьи здесь.".encode("cp1251"),
        "10_png.txt": b"\x89PNG\r\n\x1a\n" + bytes(100),
        "11_nul.txt": b" date 2024-01-01\nTitle\x00\nBody.",
        "12_one_long_line.txt": b" date 2024-01-01 " + b"x" * 10_000_000,
        "13_no_scheme.txt": b" date 2024-01-03 www.example.com/story\nTitle\nBody.",
        "14_ftp.txt": b" date 2024-01-04 ftp://example.com/story\nTitle ftp\nBody.",
        "15_long_url.txt": f" date 2024-01-05 {long_url}\nTitle long\nBody.".encode(),
        "16_unicode_host.txt": " date 2024-01-06 https://сайт.рф/a\nUnicode host\nBody.".encode(),
        "17_punycode_host.txt": b" date 2024-01-07 https://xn--80aswg.xn--p1ai/b\nPuny\nBody.",
    }
    for name, data in files.items():
        write(folder, name, data)
    summary = run_import(engine, folder)
    assert summary.total == len(files)
    by_name = outcomes(engine, summary.run_id)
    assert {
        name: reason for name, (outcome, reason) in by_name.items() if outcome == "rejected"
    } == {
        "01_header_only.txt": "no_text",
        "02_no_header.txt": "missing_header",
        "03_feb30.txt": "bad_date",
        "04_month13.txt": "bad_date",
        "05_year0.txt": "bad_date",
        "10_png.txt": "binary",
        "11_nul.txt": "binary",
        "12_one_long_line.txt": "too_large",
    }
    with Session(engine) as session:
        rows = {
            row.title: row
            for row in session.execute(
                select(Document.title, Document.early_date, Document.future_date,
                       Document.decode_errors, Document.url, Document.source_id, Document.body)
            )
        }  # fmt: skip
        sources = dict(session.execute(select(Source.id, Source.domain)).all())
    assert rows["Old story"].early_date and rows["Future story"].future_date
    assert rows["Газета пишет"].decode_errors == 1
    assert rows["Газета пишет"].body == "Текст \ufffd здесь."
    assert rows["Газета"].body == "Текст статьи здесь."
    assert rows["Title"].url == "https://www.example.com/story"
    assert rows["Title ftp"].url is None
    assert rows["Title long"].url is None
    assert sources[rows["Unicode host"].source_id] == sources[rows["Puny"].source_id] == "сайт.рф"


def test_skipped_files_are_recorded_unread_and_counted(
    engine: Engine, tmp_path: Path, database_path: Path, backend: str
) -> None:
    write(tmp_path, "001_a.txt", " date 2024-01-01\nTitle\nBody.")
    write(tmp_path, "manifest.json", '{"files": 1}')
    if backend == "sqlite":
        (tmp_path / "archive.db-journal").write_bytes(b"")  # the database's own: left out
        assert database_path.parent == tmp_path
    summary = run_import(engine, tmp_path)
    assert summary.counts == {**dict.fromkeys(SEED_COUNTS, 0), "imported": 1, "skipped": 1}
    with Session(engine) as session:
        item = session.scalars(select(ImportItem).where(ImportItem.outcome == "skipped")).one()
        assert (item.path, item.reason, item.size, item.sha256, item.document_id) == (
            f"{tmp_path}/manifest.json",
            "not_an_article",
            None,
            None,
            None,
        )
        assert item.message == (
            "a .json file is not an article - import it with --all-files or --include '*.json'"
        )
        run = session.get(ImportRun, summary.run_id)
        assert run is not None and (run.imported, run.rejected, run.skipped) == (1, 0, 1)


@pytest.mark.sqlite
def test_the_log_is_folded_back_once_a_long_reader_lets_go(
    engine: Engine, database_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    from archive.ingest import importer

    monkeypatch.setattr(importer, "JOURNAL_SIZE_LIMIT", 64 * 1024)
    for number in range(240):
        body = " ".join(f"word{number}x{index}" for index in range(150))
        write(tmp_path / "in", f"{number:03}.txt", f" date 2024-01-01\nStory {number}\n{body}.")
    log = Path(f"{database_path}-wal")
    reader: list[sqlite3.Connection] = []
    sizes: dict[int, int] = {}

    def on_file(outcome: object) -> None:
        seen = len(sizes) + 1
        if seen == 10:  # a reader holds its snapshot while 140 files are stored
            reader.append(sqlite3.connect(database_path, isolation_level=None))
            reader[0].execute("BEGIN")
            reader[0].execute("SELECT count(*) FROM documents").fetchone()
        if seen == 150:
            reader[0].execute("COMMIT")
            reader[0].close()
        sizes[seen] = log.stat().st_size

    import_files(
        engine,
        iter_input_files([str(tmp_path / "in")]),
        ImportOptions(batch_size=20, workers=0),
        on_file=on_file,
    )
    held = max(sizes[seen] for seen in range(10, 150))
    assert held > 4 * 64 * 1024  # the reader kept the log from being folded back
    assert sizes[240] < held / 2  # after it let go, a checkpoint between batches did
