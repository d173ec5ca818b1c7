from __future__ import annotations

import io
import tarfile
import zipfile
from pathlib import Path

import pytest

from archive.errors import InputPathError
from archive.inputs import check_input_paths, count_input_files, display_path, iter_input_files
from tests.conftest import SEEDS, write


def test_folders_are_walked_in_sorted_order_without_hidden_names(tmp_path: Path) -> None:
    for name in ("b/2.txt", "a/1.txt", "a/.hidden.txt", ".git/config", "c.txt"):
        write(tmp_path, name, "x")
    assert [str(path.relative_to(tmp_path)) for path in iter_input_files([str(tmp_path)])] == [
        "a/1.txt",
        "b/2.txt",
        "c.txt",
    ]


def test_globs_and_stdin(tmp_path: Path) -> None:
    first = write(tmp_path, "one.txt", "x")
    write(tmp_path, "two.md", "x")
    assert list(iter_input_files([str(tmp_path / "*.txt")])) == [first]
    assert list(iter_input_files(["-"], io.StringIO(f"{first}\n\n"))) == [first]


def test_counting_for_the_progress_bar(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "a.zip", "w") as archive:
        archive.writestr("x/1.txt", "x")
        archive.writestr("x/2.txt", "x")
    assert count_input_files([str(SEEDS), str(tmp_path / "a.zip")]) == 31 + 2
    with tarfile.open(tmp_path / "b.tgz", "w:gz") as archive:
        info = tarfile.TarInfo("1.txt")
        archive.addfile(info, io.BytesIO(b""))
    assert count_input_files([str(tmp_path)]) is None  # a tar would have to be read to count
    assert count_input_files(["-"]) is None


def test_missing_paths_are_usage_errors(tmp_path: Path) -> None:
    with pytest.raises(InputPathError, match="does not exist - check the path"):
        check_input_paths([str(tmp_path / "missing")])
    with pytest.raises(InputPathError, match="matches no files - check the pattern"):
        check_input_paths([str(tmp_path / "*.none")])


def test_display_path_escapes_what_cannot_be_shown() -> None:
    assert display_path(b"/data/bad\xff\nname.txt") == "/data/bad\\xff\\nname.txt"
    assert display_path("/data/ok é.txt") == "/data/ok é.txt"
