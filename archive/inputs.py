"""Which files an import reads: files, folders, globs and lists on stdin.

Every argument is expanded in sorted path order; arguments keep the order
they were given in. Folder walks skip hidden names (``.git``, ``.DS_Store``)
and do not enter symlinked folders inside them.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TextIO

from archive.errors import InputPathError

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


def iter_input_files(
    arguments: Sequence[str], stdin: TextIO | None = None, *, follow_symlinks: bool = False
) -> Iterator[Path]:
    """Yield every file the arguments name, one at a time, without listing them all first.

    Symlinks inside folders are yielded as they are (the importer does not
    follow them) unless ``follow_symlinks``, when symlinked folders are walked
    too, each real folder once, so that a loop ends.
    """
    seen: set[tuple[int, int]] = set()
    for argument in arguments:
        if argument == STDIN:
            if stdin is not None:
                yield from _paths_from_lines(stdin)
        elif os.path.lexists(argument):
            yield from _expand(Path(argument), follow_symlinks, seen)
        else:
            for match in sorted(glob.glob(argument, recursive=True)):
                yield from _expand(Path(match), follow_symlinks, seen)


def _paths_from_lines(lines: Iterable[str]) -> Iterator[Path]:
    for line in lines:
        name = line.rstrip("\r\n")
        if name.strip():
            yield Path(name)


def _expand(path: Path, follow_symlinks: bool, seen: set[tuple[int, int]]) -> Iterator[Path]:
    # A folder named on the command line is walked even when it is a symlink.
    if path.is_dir():
        yield from _walk(path, follow_symlinks, seen)
    else:
        yield path


def _walk(folder: Path, follow_symlinks: bool, seen: set[tuple[int, int]]) -> Iterator[Path]:
    try:
        info = folder.stat()
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError:
        yield folder  # recorded as unreadable by the importer
        return
    if (info.st_dev, info.st_ino) in seen:
        return  # a symlink loop, or a folder reached twice
    seen.add((info.st_dev, info.st_ino))
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = folder / entry.name
        if entry.is_dir(follow_symlinks=follow_symlinks):
            yield from _walk(path, follow_symlinks, seen)
        else:
            yield path  # the importer records what is not a regular file
