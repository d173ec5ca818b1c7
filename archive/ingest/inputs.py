"""Which files an import reads: files, folders, globs and lists on stdin.

Every argument is expanded in sorted path order; arguments keep the order
they were given in. Folder walks skip hidden names (``.git``, ``.DS_Store``)
and do not enter symlinked folders inside them.

A :class:`FileFilter` chooses among the files: ``--include`` and
``--exclude`` patterns, and the default rule that leaves out files whose
names say they are not articles (``manifest.json``, ``logo.png``). A file
left out is still yielded, as a :class:`SkippedFile` with its reason, so that
the import records it.
"""

from __future__ import annotations

import glob
import os
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import TextIO

from archive.errors import InputPathError, InvalidOption
from archive.escapes import escape_controls
from archive.ingest.archives import ArchiveMember, is_archive, iter_members
from archive.limits import MAX_BYTES, MAX_MEMBERS

STDIN = "-"
_GLOB_CHARACTERS = frozenset("*?[")

NOT_ARTICLE_SUFFIXES = frozenset(
    """
    .json .jsonl .ndjson .csv .tsv .xml .yaml .yml .toml .ini .cfg .log .md .rst
    .html .htm .xhtml .css .js .mjs .map .woff .woff2 .ttf .otf .eot
    .jpg .jpeg .png .gif .webp .svg .ico .bmp .tif .tiff .avif .heic
    .mp3 .mp4 .m4a .wav .ogg .webm .mov .avi
    .pdf .doc .docx .xls .xlsx .ppt .pptx .odt .ods .epub
    .db .sqlite .sqlite3 .py .pyc .sh .exe .dll .so
    """.split()
)
"""File name endings (compared in lower case) that say a file is not an article text.

Article files are usually ``NNN_<hex>.txt``, but crawls also write them with
no ending or with others, so this lists what is plainly something else rather
than what an article is. Compressed files (``.gz``, ``.7z``) are not listed:
they may hold articles, and are rejected as binary, which says so.
"""


@dataclass(frozen=True)
class SkippedFile:
    """A file that the filters leave out: recorded as skipped with a reason, never read."""

    file: Path | ArchiveMember
    reason: str
    """``excluded``, ``not_included``, ``not_an_article`` or ``hidden`` (an archive member)."""
    message: str


InputFile = Path | ArchiveMember | SkippedFile
"""A file on disk, a member of a zip or tar archive, or a file left out unread."""


@dataclass(frozen=True)
class FileFilter:
    """Which files an import reads, by their names and paths.

    A pattern without ``/`` is matched against the file name; one with ``/``
    against the file's path below the folder being walked, or the member's
    path inside its zip or tar archive, or, for a file named on the command
    line or on stdin, the path as given. ``*`` and ``?`` never match ``/``;
    ``**`` as a whole path part matches any number of folders; ``[abc]`` is
    one character of a set. A pattern ending in ``/`` matches everything
    under that folder. Matching is case-sensitive.

    A file that matches an ``exclude`` is skipped. Otherwise, when there are
    ``include`` patterns, a file is read if it matches one of them and
    skipped if it matches none. Without ``include`` patterns a file found in
    a folder or archive is skipped when its name ends in one of
    :data:`NOT_ARTICLE_SUFFIXES`, unless ``all_files``; a file named on the
    command line or on stdin is read. A zip or tar found in a folder is only
    subject to ``exclude``: its members are filtered one by one.
    """

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    all_files: bool = False
    """Read files whose names say they are not articles, too."""

    def __post_init__(self) -> None:
        for option, patterns in (("--include", self.include), ("--exclude", self.exclude)):
            for pattern in patterns:
                if not pattern.strip("/"):
                    raise InvalidOption(
                        f"{option} {pattern!r} matches nothing - give a pattern such as '*.txt'"
                    )

    def skip_reason(self, path: str, *, named: bool = False) -> tuple[str, str] | None:
        """None to read the file at ``path``, else why it is skipped: a reason code and a message.

        ``named``: the file was named on the command line or on stdin, not found in a folder.
        """
        excluded = self.excluded(path)
        if excluded is not None:
            return excluded
        if self.include:
            if any(_matches(pattern, path) for pattern in self.include):
                return None
            return "not_included", f"matches no --include pattern ({_listed(self.include)})"
        if named or self.all_files:
            return None
        suffix = _suffix(path)
        if suffix in NOT_ARTICLE_SUFFIXES:
            written = path[len(path) - len(suffix) :]  # as the name has it: .JPG
            return (
                "not_an_article",
                f"a {suffix} file is not an article - import it with --all-files "
                f"or --include '*{written}'",
            )
        return None

    def excluded(self, path: str) -> tuple[str, str] | None:
        """Why ``path`` is skipped when it matches an ``exclude`` pattern, else None."""
        for pattern in self.exclude:
            if _matches(pattern, path):
                return "excluded", f"matches --exclude {pattern!r}"
        return None


def _listed(patterns: Sequence[str]) -> str:
    return ", ".join(repr(pattern) for pattern in patterns)


def _suffix(path: str) -> str:
    name = path.rsplit("/", 1)[-1]
    return PurePosixPath(name).suffix.lower() if "." in name.strip(".") else ""


def _matches(pattern: str, path: str) -> bool:
    if "/" not in pattern:
        path = path.rsplit("/", 1)[-1]
    elif "/" not in pattern[:-1]:
        pattern = "**/" + pattern  # "drafts/": a folder of that name at any depth
    return _compile(pattern).match(path) is not None


@lru_cache(maxsize=256)
def _compile(pattern: str) -> re.Pattern[str]:
    """The regular expression for a glob pattern (see :class:`FileFilter`)."""
    if pattern.endswith("/"):
        pattern += "**"
    parts = pattern.split("/")
    regex: list[str] = []
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        if part == "**":
            # Any number of whole folders: "a/**/b" matches a/b and a/x/y/b.
            regex.append(".*" if last else "(?:[^/]*/)*")
            continue
        regex.append(_translate_part(part))
        if not last:
            regex.append("/")
    return re.compile("".join(regex) + r"\Z", re.DOTALL)


def _translate_part(part: str) -> str:
    """One path part of a glob: ``*``, ``?`` and ``[...]`` as in the shell."""
    regex: list[str] = []
    index = 0
    while index < len(part):
        char = part[index]
        index += 1
        if char == "*":
            while index < len(part) and part[index] == "*":
                index += 1
            regex.append("[^/]*")
        elif char == "?":
            regex.append("[^/]")
        elif char == "[":
            end = index + (1 if part[index : index + 1] == "!" else 0)
            end += 1 if part[end : end + 1] == "]" else 0
            end = part.find("]", end)
            if end < 0:
                regex.append(re.escape(char))
                continue
            members = part[index:end]
            index = end + 1
            negated = members.startswith("!")
            members = members.removeprefix("!")
            for special in "\\[]^":
                members = members.replace(special, "\\" + special)
            regex.append(f"[^/{members}]" if negated else f"[{members}]")
        else:
            regex.append(re.escape(char))
    return "".join(regex)


def display_path(path: Path | str) -> str:
    """The path as text that can be stored and printed on one line.

    Bytes that are not UTF-8 show as ``\\xff``; newlines and other control
    characters as ``\\n``, ``\\x1b``.
    """
    return escape_controls(os.fsencode(path).decode("utf-8", errors="backslashreplace"))


def check_input_paths(arguments: Sequence[str]) -> None:
    """Raise :class:`InputPathError` for an argument that names nothing."""
    for argument in arguments:
        if argument == STDIN or os.path.lexists(argument):
            continue
        if _GLOB_CHARACTERS & set(argument):
            if not glob.glob(argument, recursive=True):
                raise InputPathError(f"{argument} matches no files - check the pattern")
            continue
        raise InputPathError(f"{argument} does not exist - check the path")


@dataclass(frozen=True)
class _Walk:
    follow_symlinks: bool
    max_archive_members: int
    max_archive_bytes: int
    filters: FileFilter
    open_archives: bool = True
    seen: set[tuple[int, int]] = field(default_factory=set)


def iter_input_files(
    arguments: Sequence[str],
    stdin: TextIO | None = None,
    *,
    follow_symlinks: bool = False,
    max_archive_members: int = MAX_MEMBERS,
    max_archive_bytes: int = MAX_BYTES,
    filters: FileFilter | None = None,
) -> Iterator[InputFile]:
    """Yield every file the arguments name, one at a time, without listing them all first.

    Zip and tar archives yield their members instead (see :mod:`archive.ingest.archives`).
    Symlinks inside folders are yielded as they are (the importer does not
    follow them) unless ``follow_symlinks``, when symlinked folders are walked
    too, each real folder once, so that a loop ends. Files that ``filters``
    (by default ``FileFilter()``) leave out are yielded as :class:`SkippedFile`.
    """
    walk = _Walk(follow_symlinks, max_archive_members, max_archive_bytes, filters or FileFilter())
    for argument in arguments:
        for path, named in _named_paths(argument, stdin):
            yield from _expand(path, walk, named)


def count_input_files(
    arguments: Sequence[str], *, follow_symlinks: bool = False, filters: FileFilter | None = None
) -> int | None:
    """How many files importing ``arguments`` will read or skip, for a progress bar.

    None when only reading them would tell: paths on stdin, or a tar archive,
    whose members cannot be counted without decompressing it.
    """
    if STDIN in arguments:
        return None
    walk = _Walk(
        follow_symlinks, MAX_MEMBERS, MAX_BYTES, filters or FileFilter(), open_archives=False
    )
    count = 0
    for argument in arguments:
        for match, named in _named_paths(argument, None):
            for path in _expand(match, walk, named):
                if not isinstance(path, Path) or not is_archive(path):
                    count += 1
                elif path.name.lower().endswith(".zip") and zipfile.is_zipfile(path):
                    with zipfile.ZipFile(path) as archive:
                        count += sum(not info.is_dir() for info in archive.infolist())
                else:
                    return None
    return count


def _named_paths(argument: str, stdin: TextIO | None) -> Iterator[tuple[Path, bool]]:
    """The paths an argument names, and whether each is named as a file to read whatever its name.

    Itself, or the lines on stdin, are named; a glob's matches are found, like a
    folder's files, unless the glob asks for their ending (``crawl/*.json``).
    A match inside a folder that the glob also matched is left to that folder's walk.
    """
    if argument == STDIN:
        if stdin is not None:
            for path in _paths_from_lines(stdin):
                yield path, True
    elif os.path.lexists(argument):
        yield Path(argument), True
    else:
        asked = argument.rsplit("/", 1)[-1].lower()
        folders: list[str] = []
        for match in sorted(glob.glob(argument, recursive=True)):
            if any(match.startswith(folder) for folder in folders[-1:]):
                continue  # sorted: a folder's matches follow it
            if os.path.isdir(match):
                folders.append(match.rstrip("/") + "/")
            suffix = _suffix(match)
            yield Path(match), bool(suffix) and suffix in asked


def _paths_from_lines(lines: Iterable[str]) -> Iterator[Path]:
    for line in lines:
        name = line.rstrip("\r\n")
        if name.strip():
            yield Path(name)


def _expand(path: Path, walk: _Walk, named: bool) -> Iterator[InputFile]:
    """A folder is walked; a file is read unless the filters say no (see :class:`FileFilter`)."""
    # A folder named on the command line is walked even when it is a symlink.
    if path.is_dir():
        yield from _walk(path, "", walk)
        return
    shown = path.as_posix()
    if _opens(path, walk):
        skip = walk.filters.excluded(shown)
    else:
        skip = walk.filters.skip_reason(shown, named=named)
    if skip is not None:
        yield SkippedFile(path, *skip)
    else:
        yield from _file(path, walk)


def _opens(path: Path, walk: _Walk) -> bool:
    """True for a zip or tar that is read member by member."""
    return is_archive(path) and path.is_file() and (walk.follow_symlinks or not path.is_symlink())


def _file(path: Path, walk: _Walk) -> Iterator[InputFile]:
    if not (walk.open_archives and _opens(path, walk)):
        yield path
        return
    for member in iter_members(
        path,
        display_path(path),
        max_members=walk.max_archive_members,
        max_bytes=walk.max_archive_bytes,
        skip=walk.filters.skip_reason,
    ):
        yield member if member.skipped is None else SkippedFile(member, *member.skipped)


def _walk(folder: Path, below: str, walk: _Walk) -> Iterator[InputFile]:
    """The files in ``folder``, whose path below the named folder is ``below``."""
    try:
        info = folder.stat()
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError:
        yield folder  # recorded as unreadable by the importer
        return
    if (info.st_dev, info.st_ino) in walk.seen:
        return  # a symlink loop, or a folder reached twice
    walk.seen.add((info.st_dev, info.st_ino))
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = folder / entry.name
        relative = below + entry.name
        if _is_folder(entry, walk.follow_symlinks):
            yield from _walk(path, relative + "/", walk)
            continue
        if _opens(path, walk):
            skip = walk.filters.excluded(relative)
        else:
            skip = walk.filters.skip_reason(relative)
        if skip is not None:
            yield SkippedFile(path, *skip)
        else:
            yield from _file(path, walk)  # the importer records what is not a regular file


def _is_folder(entry: os.DirEntry[str], follow_symlinks: bool) -> bool:
    """True for a folder to walk; a symlink loop or a vanished entry is a file to record."""
    try:
        return entry.is_dir(follow_symlinks=follow_symlinks)
    except OSError:
        return False  # the importer records it as unreadable, with the reason
