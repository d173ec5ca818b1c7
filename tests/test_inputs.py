from __future__ import annotations

import io
import tarfile
import zipfile
from pathlib import Path

import pytest

from archive.errors import InputPathError, InvalidOption
from archive.ingest.archives import ArchiveMember
from archive.ingest.inputs import (
    FileFilter,
    SkippedFile,
    check_input_paths,
    count_input_files,
    display_path,
    iter_input_files,
)
from tests.conftest import SEEDS, write

NOT_AN_ARTICLE = "not_an_article"


def shown(found: Path | ArchiveMember | SkippedFile, root: Path) -> str:
    """A yielded file as ``path`` or ``path skipped:reason``, relative to ``root``."""
    if isinstance(found, SkippedFile):
        return f"{shown(found.file, root)} skipped:{found.reason}"
    if isinstance(found, ArchiveMember):
        return str(found).removeprefix(f"{root}/")
    return str(found.relative_to(root))


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


@pytest.mark.parametrize(
    ("pattern", "path", "matches"),
    [
        ("*.txt", "a.txt", True),
        ("*.txt", "2024/06/a.txt", True),  # no /: the file name, at any depth
        ("*.txt", "a.txt.json", False),
        ("manifest.json", "x/manifest.json", True),
        ("?.txt", "ab.txt", False),
        ("[ab].txt", "b.txt", True),
        ("[!ab].txt", "c.txt", True),
        ("[!ab].txt", "a.txt", False),
        ("[]x].txt", "].txt", True),  # a ] first in the set is itself
        ("[^x].txt", "^.txt", True),  # only ! negates, as in the shell's globs
        ("a[!x]b/*", "a/b/c", False),  # no set matches /
        ("*.TXT", "a.txt", False),  # case-sensitive, like the shell
        ("2024/*.txt", "2024/a.txt", True),  # with /: the path below the folder
        ("2024/*.txt", "2024/06/a.txt", False),  # * stops at /
        ("2024/*.txt", "old/2024/a.txt", False),  # anchored at the top
        ("2024/**/*.txt", "2024/a.txt", True),  # ** is any number of folders, none too
        ("2024/**/*.txt", "2024/06/30/a.txt", True),
        ("**/drafts/*", "drafts/a.txt", True),
        ("**/drafts/*", "x/y/drafts/a.txt", True),
        ("drafts/**", "drafts/x/a.txt", True),
        ("drafts/", "drafts/x/a.txt", True),  # a trailing / is everything under the folder
        ("drafts/", "drafts.txt", False),
        ("a+b(1).txt", "a+b(1).txt", True),  # other characters are themselves
    ],
)
def test_pattern_matching(pattern: str, path: str, matches: bool) -> None:
    reason = FileFilter(exclude=(pattern,)).skip_reason(path, named=True)
    assert (reason is not None) == matches


def test_exclude_wins_include_replaces_the_name_rule() -> None:
    rules = FileFilter(include=("*.txt", "*.json"), exclude=("draft*",))
    assert rules.skip_reason("a.txt") is None
    assert rules.skip_reason("manifest.json") is None  # an --include picks it
    assert rules.skip_reason("draft.txt") == ("excluded", "matches --exclude 'draft*'")
    assert rules.skip_reason("a.md") == (
        "not_included",
        "matches no --include pattern ('*.txt', '*.json')",
    )


def test_names_that_are_not_articles() -> None:
    default = FileFilter()
    for name in ("manifest.json", "urls.CSV", "index.html", "logo.jpg", "x/README.md"):
        reason = default.skip_reason(name)
        assert reason is not None and reason[0] == NOT_AN_ARTICLE, name
    assert default.skip_reason("index.html") == (
        NOT_AN_ARTICLE,
        "a .html file is not an article - import it with --all-files or --include '*.html'",
    )
    for name in ("001_9f3c.txt", "001_9f3c", "story.text", "2024.06.24", "a.gz", ".json"):
        assert default.skip_reason(name) is None, name
    assert default.skip_reason("manifest.json", named=True) is None
    assert FileFilter(all_files=True).skip_reason("manifest.json") is None


def test_an_empty_pattern_is_refused() -> None:
    with pytest.raises(InvalidOption, match="--include '' matches nothing"):
        FileFilter(include=("",))
    with pytest.raises(InvalidOption, match="--exclude '/' matches nothing"):
        FileFilter(exclude=("/",))


def test_walks_yield_what_they_skip_with_the_reason(tmp_path: Path) -> None:
    for name in ("001_a.txt", "002_b", "manifest.json", "urls.csv", "index.html",
                 "img/image.jpg", "2024/003_c.txt", "2024/drafts/004_d.txt"):  # fmt: skip
        write(tmp_path / "crawl", name, "x")
    crawl = tmp_path / "crawl"
    found = [shown(path, crawl) for path in iter_input_files([str(crawl)])]
    assert found == [
        "001_a.txt",
        "002_b",
        "2024/003_c.txt",
        "2024/drafts/004_d.txt",
        "img/image.jpg skipped:not_an_article",
        "index.html skipped:not_an_article",
        "manifest.json skipped:not_an_article",
        "urls.csv skipped:not_an_article",
    ]
    rules = FileFilter(include=("2024/**", "*.csv"), exclude=("drafts/", "2024/drafts/"))
    found = [shown(path, crawl) for path in iter_input_files([str(crawl)], filters=rules)]
    assert found == [
        "001_a.txt skipped:not_included",
        "002_b skipped:not_included",
        "2024/003_c.txt",
        "2024/drafts/004_d.txt skipped:excluded",
        "img/image.jpg skipped:not_included",
        "index.html skipped:not_included",
        "manifest.json skipped:not_included",
        "urls.csv",
    ]
    everything = [
        shown(path, crawl)
        for path in iter_input_files([str(crawl)], filters=FileFilter(all_files=True))
    ]
    assert not any("skipped" in path for path in everything) and len(everything) == 8


def test_named_files_are_read_unless_a_pattern_says_no(tmp_path: Path) -> None:
    manifest = write(tmp_path, "manifest.json", "x")
    article = write(tmp_path, "a.txt", "x")
    assert list(iter_input_files([str(manifest)])) == [manifest]
    assert list(iter_input_files(["-"], io.StringIO(f"{manifest}\n"))) == [manifest]
    # A glob that asks for the ending reads those files; one that does not is a walk.
    assert list(iter_input_files([str(tmp_path / "*.json")])) == [manifest]
    assert [shown(path, tmp_path) for path in iter_input_files([str(tmp_path / "*")])] == [
        "a.txt",
        "manifest.json skipped:not_an_article",
    ]
    rules = FileFilter(exclude=("*.json",))
    assert list(iter_input_files([str(manifest), str(article)], filters=rules)) == [
        SkippedFile(manifest, "excluded", "matches --exclude '*.json'"),
        article,
    ]
    # A named file's path is matched as it was given.
    rules = FileFilter(include=(f"{tmp_path}/a.*",))
    assert [shown(path, tmp_path) for path in iter_input_files([str(tmp_path)], filters=rules)] == [
        "a.txt skipped:not_included",
        "manifest.json skipped:not_included",
    ]
    assert list(iter_input_files([str(article)], filters=rules)) == [article]


def test_a_recursive_glob_yields_each_file_once(tmp_path: Path) -> None:
    write(tmp_path / "zz", "a.txt", "x")
    write(tmp_path / "zz" / "sub", "b.txt", "x")
    write(tmp_path / "zz", "manifest.json", "x")
    found = [shown(path, tmp_path) for path in iter_input_files([f"{tmp_path}/zz/**"])]
    assert found == ["zz/a.txt", "zz/manifest.json skipped:not_an_article", "zz/sub/b.txt"]


def test_a_folder_pattern_matches_at_any_depth_and_hints_keep_the_case(tmp_path: Path) -> None:
    rules = FileFilter(exclude=("drafts/",))
    assert rules.skip_reason("drafts/a.txt") == ("excluded", "matches --exclude 'drafts/'")
    assert rules.skip_reason("2024/drafts/a.txt") == ("excluded", "matches --exclude 'drafts/'")
    assert rules.skip_reason("2024/drafts.txt") is None
    assert FileFilter().skip_reason("photo.JPG") == (
        "not_an_article",
        "a .jpg file is not an article - import it with --all-files or --include '*.JPG'",
    )


def test_archive_members_are_filtered_by_their_path_inside(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "crawl.zip", "w") as archive:
        archive.writestr("2024/001_a.txt", "x")
        archive.writestr("2024/manifest.json", "x")
        archive.writestr("2023/002_b.txt", "x")
        archive.writestr("cover.jpg", b"x" * 5_000)
    with tarfile.open(tmp_path / "crawl.tar", "w") as archive:
        for name in ("2024/003_c.txt", "index.html"):
            archive.addfile(tarfile.TarInfo(name), io.BytesIO(b""))
    found = [shown(path, tmp_path) for path in iter_input_files([str(tmp_path)])]
    assert found == [
        "crawl.tar!2024/003_c.txt",
        "crawl.tar!index.html skipped:not_an_article",
        "crawl.zip!2024/001_a.txt",
        "crawl.zip!2024/manifest.json skipped:not_an_article",
        "crawl.zip!2023/002_b.txt",
        "crawl.zip!cover.jpg skipped:not_an_article",
    ]
    rules = FileFilter(include=("2024/*",), exclude=("*.json", "crawl.tar"))
    found = [shown(path, tmp_path) for path in iter_input_files([str(tmp_path)], filters=rules)]
    assert found == [
        "crawl.tar skipped:excluded",  # --exclude applies to a zip or tar, --include to members
        "crawl.zip!2024/001_a.txt",
        "crawl.zip!2024/manifest.json skipped:excluded",
        "crawl.zip!2023/002_b.txt skipped:not_included",
        "crawl.zip!cover.jpg skipped:not_included",
    ]
    # Skipped members are not read, so their bytes do not count against the cap.
    capped = [
        shown(path, tmp_path)
        for path in iter_input_files([str(tmp_path / "crawl.zip")], max_archive_bytes=100)
    ]
    assert "crawl.zip!cover.jpg skipped:not_an_article" in capped
    assert count_input_files([str(tmp_path)]) is None  # the tar would have to be read
    assert count_input_files([str(tmp_path)], filters=rules) == 1 + 4  # the tar is not
