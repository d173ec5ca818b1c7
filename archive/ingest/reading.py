"""Reading one input file's bytes: a file on disk or an archive member, within the size cap.

A file that cannot be read safely (missing, a device, a symlink not to be
followed, too large) raises :class:`FileRejected` with its reason.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from archive.errors import FileRejected
from archive.ingest.archives import ArchiveMember
from archive.ingest.inputs import display_path
from archive.limits import MAX_FILE_SIZE


def regular_file_stat(path: Path, follow_symlinks: bool) -> os.stat_result | None:
    """The file's size and times, taken before reading it; None unless a regular file."""
    try:
        info = os.stat(path) if follow_symlinks else os.lstat(path)
    except OSError:
        return None
    return info if stat.S_ISREG(info.st_mode) else None


def read_file(path: Path, max_size: int = MAX_FILE_SIZE, *, follow_symlinks: bool = False) -> bytes:
    """The bytes of a regular file no larger than ``max_size``; :class:`FileRejected` otherwise."""
    if not follow_symlinks and os.path.islink(path):
        target = os.readlink(path)
        raise FileRejected(
            "symlink",
            f"a symlink to {display_path(target)}; not followed without --follow-symlinks",
        )
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise FileRejected("unreadable", "a symlink whose target does not exist") from None
        raise FileRejected("unreadable", "the file does not exist") from None
    except OSError as error:
        raise FileRejected("unreadable", f"cannot read the file: {error.strerror}") from None
    if stat.S_ISDIR(info.st_mode):
        raise FileRejected("not_a_file", "a folder that could not be read")
    if not stat.S_ISREG(info.st_mode):
        raise FileRejected("not_a_file", "not a regular file (a device, pipe or socket)")
    if info.st_size > max_size:
        raise FileRejected(
            "too_large", f"the file has {info.st_size:,} bytes, more than the limit of {max_size:,}"
        )
    try:
        # O_NOFOLLOW: a file swapped for a symlink after the check above is not read either.
        flags = os.O_RDONLY | (0 if follow_symlinks else getattr(os, "O_NOFOLLOW", 0))
        with open(os.open(path, flags), "rb") as handle:
            data = handle.read(max_size + 1)
    except OSError as error:
        raise FileRejected("unreadable", f"cannot read the file: {error.strerror}") from None
    if len(data) > max_size:
        raise FileRejected("too_large", f"the file grew past the limit of {max_size:,} bytes")
    return data


def read_member(member: ArchiveMember, max_size: int = MAX_FILE_SIZE) -> bytes:
    """The bytes of an archive member up to ``max_size``; :class:`FileRejected` otherwise."""
    if member.problem is not None:
        raise FileRejected(*member.problem)
    if member.size > max_size:
        raise FileRejected(
            "too_large",
            f"the member has {member.size:,} bytes, more than the limit of {max_size:,}",
        )
    data = member.read(max_size + 1)
    if len(data) > max_size:
        raise FileRejected(
            "too_large", f"the member holds more than the limit of {max_size:,} bytes"
        )
    return data


def base_name(shown: str) -> str:
    """The file name in a stored path: after the last / (or ! of an archive member)."""
    return shown.replace("!", "/").rsplit("/", 1)[-1] if "!" in shown else Path(shown).name
