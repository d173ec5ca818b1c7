"""Which files an import reads: files, folders, globs and lists on stdin.

Every argument is expanded in sorted path order; arguments keep the order
they were given in. Folder walks skip hidden names (``.git``, ``.DS_Store``)
and do not enter symlinked folders inside them.
"""

from __future__ import annotations

import glob
import os
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from archive.archives import ArchiveMember, is_archive, iter_members
from archive.errors import InputPathError
from archive.limits import MAX_BYTES, MAX_MEMBERS

InputFile = Path | ArchiveMember
"""A file on disk, or a member of a zip or tar archive."""

STDIN = "-"
_GLOB_CHARACTERS = frozenset("*?[")


def display_path(path: Path | str) -> str:
    """The path as text that can be stored and printed on one line.

    Bytes that are not UTF-8 show as ``\\xff``; newlines and other control
    characters as ``\\n``, ``\\x1b``.
    """
    text = os.fsencode(path).decode("utf-8", errors="backslashreplace")
    if text.isprintable():
        return text
    return "".join(
        char if char.isprintable() else char.encode("unicode_escape").decode("ascii")
        for char in text
    )


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
    open_archives: bool = True
    seen: set[tuple[int, int]] = field(default_factory=set)


def iter_input_files(
    arguments: Sequence[str],
    stdin: TextIO | None = None,
    *,
    follow_symlinks: bool = False,
    max_archive_members: int = MAX_MEMBERS,
    max_archive_bytes: int = MAX_BYTES,
) -> Iterator[InputFile]:
    """Yield every file the arguments name, one at a time, without listing them all first.

    Zip and tar archives yield their members instead (see :mod:`archive.archives`).
    Symlinks inside folders are yielded as they are (the importer does not
    follow them) unless ``follow_symlinks``, when symlinked folders are walked
    too, each real folder once, so that a loop ends.
    """
    walk = _Walk(follow_symlinks, max_archive_members, max_archive_bytes)
    for argument in arguments:
        if argument == STDIN:
            if stdin is not None:
                for path in _paths_from_lines(stdin):
                    yield from _expand(path, walk)
        elif os.path.lexists(argument):
            yield from _expand(Path(argument), walk)
        else:
            for match in sorted(glob.glob(argument, recursive=True)):
                yield from _expand(Path(match), walk)


def count_input_files(arguments: Sequence[str], *, follow_symlinks: bool = False) -> int | None:
    """How many files importing ``arguments`` will read, for a progress bar.

    None when only reading them would tell: paths on stdin, or a tar archive,
    whose members cannot be counted without decompressing it.
    """
    if STDIN in arguments:
        return None
    walk = _Walk(follow_symlinks, MAX_MEMBERS, MAX_BYTES, open_archives=False)
    count = 0
    for argument in arguments:
        matches = [argument] if os.path.lexists(argument) else sorted(glob.glob(argument))
        for match in matches:
            for path in _expand(Path(match), walk):
                if not isinstance(path, Path) or not is_archive(path):
                    count += 1
                elif path.name.lower().endswith(".zip") and zipfile.is_zipfile(path):
                    with zipfile.ZipFile(path) as archive:
                        count += sum(not info.is_dir() for info in archive.infolist())
                else:
                    return None
    return count


def _paths_from_lines(lines: Iterable[str]) -> Iterator[Path]:
    for line in lines:
        name = line.rstrip("\r\n")
        if name.strip():
            yield Path(name)


def _expand(path: Path, walk: _Walk) -> Iterator[InputFile]:
    # A folder named on the command line is walked even when it is a symlink.
    if path.is_dir():
        yield from _walk(path, walk)
    else:
        yield from _file(path, walk)


def _file(path: Path, walk: _Walk) -> Iterator[InputFile]:
    if (
        walk.open_archives
        and is_archive(path)
        and path.is_file()
        and (walk.follow_symlinks or not path.is_symlink())
    ):
        yield from iter_members(
            path,
            display_path(path),
            max_members=walk.max_archive_members,
            max_bytes=walk.max_archive_bytes,
        )
    else:
        yield path


def _walk(folder: Path, walk: _Walk) -> Iterator[InputFile]:
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
        if entry.is_dir(follow_symlinks=walk.follow_symlinks):
            yield from _walk(path, walk)
        else:
            yield from _file(path, walk)  # the importer records what is not a regular file
