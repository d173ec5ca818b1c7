"""Zip and tar files are read in place; unsafe members and bombs are refused, the rest imports."""

from __future__ import annotations

import io
import stat
import tarfile
import zipfile
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from archive.ingest.importer import ImportOptions, import_files
from archive.ingest.inputs import iter_input_files
from archive.store.models import ImportItem
from tests.conftest import SEEDS, invoke

ARTICLE = b" date 2024-01-0%d\nTitle %d\nBody of article %d."


def items(engine: Engine) -> dict[str, tuple[str, str | None]]:
    with Session(engine) as session:
        rows = session.execute(select(ImportItem.path, ImportItem.outcome, ImportItem.reason))
        return {path: (outcome, reason) for path, outcome, reason in rows}


def test_zip_and_tar_members_are_imported_in_place(engine: Engine, tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "crawl.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("outlet/a.txt", ARTICLE % (1, 1, 1))
        archive.writestr("outlet/b.txt", ARTICLE % (2, 2, 2))
        archive.writestr("__MACOSX/._a.txt", b"junk")
    for suffix, mode in ((".tar", "w"), (".tar.gz", "w:gz"), (".tgz", "w:gz")):
        with tarfile.open(tmp_path / f"crawl{suffix}", mode) as archive:
            data = ARTICLE % (3, 3, 3) if suffix == ".tar" else ARTICLE % (4, 4, len(suffix))
            info = tarfile.TarInfo(f"inner/{suffix[1:]}.txt")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    summary = import_files(engine, iter_input_files([str(tmp_path)]), ImportOptions())
    assert summary.counts["imported"] == 5
    assert items(engine) == {
        f"{tmp_path}/crawl.zip!outlet/a.txt": ("imported", None),
        f"{tmp_path}/crawl.zip!outlet/b.txt": ("imported", None),
        f"{tmp_path}/crawl.tar!inner/tar.txt": ("imported", None),
        f"{tmp_path}/crawl.tar.gz!inner/tar.gz.txt": ("imported", None),
        f"{tmp_path}/crawl.tgz!inner/tgz.txt": ("imported", None),
        f"{tmp_path}/crawl.zip!__MACOSX/._a.txt": ("skipped", "hidden"),
    }
    assert not (tmp_path / "outlet").exists() and not (tmp_path / "inner").exists()


def test_unsafe_members_are_refused_and_the_rest_imports(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "evil.tar"
    with tarfile.open(path, "w") as archive:
        members = [
            ("../escape.txt", tarfile.REGTYPE),
            ("/etc/abs.txt", tarfile.REGTYPE),
            ("link.txt", tarfile.SYMTYPE),
            ("hard.txt", tarfile.LNKTYPE),
            ("dev.txt", tarfile.CHRTYPE),
            ("good.txt", tarfile.REGTYPE),
        ]
        for name, kind in members:
            info = tarfile.TarInfo(name)
            info.type = kind
            data = ARTICLE % (5, 5, 5) if kind == tarfile.REGTYPE else b""
            info.size = len(data)
            if kind in (tarfile.SYMTYPE, tarfile.LNKTYPE):
                info.linkname = "/etc/passwd"
            archive.addfile(info, io.BytesIO(data) if data else None)
    zipped = tmp_path / "evil.zip"
    with zipfile.ZipFile(zipped, "w") as archive:
        link = zipfile.ZipInfo("link.txt")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, "/etc/passwd")
        archive.writestr("../../up.txt", ARTICLE % (6, 6, 6))
        archive.writestr("..\\..\\winevil.txt", ARTICLE % (7, 7, 7))
        archive.writestr("C:\\Windows\\evil.txt", ARTICLE % (8, 8, 8))
        archive.writestr(".DS_Store", b"junk")
    import_files(engine, iter_input_files([str(path), str(zipped)]), ImportOptions())
    assert items(engine) == {
        f"{path}!../escape.txt": ("rejected", "unsafe_member"),
        f"{path}!/etc/abs.txt": ("rejected", "unsafe_member"),
        f"{path}!link.txt": ("rejected", "unsafe_member"),
        f"{path}!hard.txt": ("rejected", "unsafe_member"),
        f"{path}!dev.txt": ("rejected", "unsafe_member"),
        f"{path}!good.txt": ("imported", None),
        f"{zipped}!link.txt": ("rejected", "unsafe_member"),
        f"{zipped}!../../up.txt": ("rejected", "unsafe_member"),
        f"{zipped}!..\\..\\winevil.txt": ("rejected", "unsafe_member"),
        f"{zipped}!C:\\Windows\\evil.txt": ("rejected", "unsafe_member"),
        f"{zipped}!.DS_Store": ("skipped", "hidden"),
    }


def test_compression_bombs_stop_at_the_caps(engine: Engine, tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        for number in range(1, 4):
            archive.writestr(f"{number}.txt", ARTICLE % (number, number, number))
        archive.writestr("huge.txt", b" date 2024-01-09\nHuge\n" + b"a" * 50_000_000)
        archive.writestr("after.txt", ARTICLE % (8, 8, 8))
    assert bomb.stat().st_size < 200_000
    summary = import_files(
        engine, iter_input_files([str(bomb)], max_archive_bytes=1_000), ImportOptions()
    )
    assert summary.counts == {"imported": 3, "updated": 0, "unchanged": 0, "duplicate": 0,
                              "rejected": 1, "skipped": 0}  # fmt: skip
    assert items(engine)[f"{bomb}!huge.txt"] == ("rejected", "archive_limit")
    counted = import_files(
        engine, iter_input_files([str(bomb)], max_archive_members=2), ImportOptions()
    )
    assert counted.counts["rejected"] == 1 and counted.total == 3
    sized = import_files(engine, iter_input_files([str(bomb)]), ImportOptions(max_size=10_000))
    assert (sized.counts["rejected"], sized.counts["imported"]) == (1, 1)  # huge.txt; after.txt


def test_a_damaged_archive_is_one_rejected_item(engine: Engine, tmp_path: Path) -> None:
    broken = tmp_path / "broken.tgz"
    broken.write_bytes(b"\x1f\x8b\x08\x00not really gzip")
    summary = import_files(engine, iter_input_files([str(broken)]), ImportOptions())
    assert summary.counts["rejected"] == 1
    [(outcome, reason)] = items(engine).values()
    assert (outcome, reason) == ("rejected", "unreadable")


def test_reimporting_an_archive_is_unchanged(cli: CliRunner, tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "seeds.zip", "w") as archive:
        for path in sorted(SEEDS.iterdir()):
            archive.write(path, path.name)
    first = invoke(cli, "import", str(tmp_path / "seeds.zip"))
    assert first.output.startswith("Import run 1: 28 imported, 1 updated, 0 unchanged")
    again = invoke(cli, "import", str(tmp_path / "seeds.zip"), "--json")
    assert '"unchanged": 31' in again.output
    folder = invoke(cli, "import", str(SEEDS), "--json")
    assert '"unchanged": 31' in folder.output


def test_member_names_with_control_characters_are_stored_and_shown_escaped(
    engine: Engine, tmp_path: Path, cli: CliRunner
) -> None:
    zipped = tmp_path / "names.zip"
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.writestr("evil\x1b[31m\n.txt", ARTICLE % (1, 1, 1))
        archive.writestr("bad\x07\r.txt", b"")
    result = invoke(cli, "import", str(zipped))
    assert result.exit_code == 3
    assert items(engine) == {
        f"{zipped}!evil\\x1b[31m\\n.txt": ("imported", None),
        f"{zipped}!bad\\x07\\r.txt": ("rejected", "empty"),
    }
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert f"rejected {zipped}!bad\\x07\\r.txt: empty" in result.output
    listed = invoke(cli, "import", "--rejected")
    assert "bad\\x07\\r.txt" in listed.output and "\x07" not in listed.output
