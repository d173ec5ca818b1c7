"""Reading .zip, .tar, .tar.gz and .tgz files in place, member by member, never unpacking to disk.

A member whose path is absolute or climbs out with ``..`` (with ``/`` or
``\\`` between its parts), a link or a device is refused with a reason; a
hidden member (``.DS_Store``, ``__MACOSX/``) is skipped unread. Caps on
members and on uncompressed bytes stop a compression bomb: what comes before
the cap is read, the rest is recorded as not read. Members that the import's
filters leave out are yielded unread, marked as skipped; they count against
the cap on members, not on bytes.
"""

from __future__ import annotations

import stat
import tarfile
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from archive.escapes import escape_controls
from archive.limits import MAX_BYTES, MAX_MEMBERS

ARCHIVE_SUFFIXES = (".zip", ".tar", ".tar.gz", ".tgz")


@dataclass(frozen=True)
class ArchiveMember:
    """One member of an archive, readable while the walk is at it."""

    archive: str
    """The archive's path, as shown."""
    member: str
    size: int
    read: Callable[[int], bytes]
    """Reads at most that many bytes of the member."""
    problem: tuple[str, str] | None = None
    """Why it cannot be read: a reason code and a message."""
    skipped: tuple[str, str] | None = None
    """Why it is left out unread, by its name or path: a reason code and a message."""

    @property
    def name(self) -> str:
        return PurePosixPath(self.member).name

    def __str__(self) -> str:
        """How the member is named in the import log and on screen: control characters escaped."""
        return f"{self.archive}!{escape_controls(self.member)}"


def is_archive(path: Path) -> bool:
    """True for a file whose name says it is a zip or tar archive."""
    return path.name.lower().endswith(ARCHIVE_SUFFIXES)


Skip = Callable[[str], tuple[str, str] | None]
"""Given a member's path, why to leave it out (a reason code and a message), or None to read it."""


def iter_members(
    path: Path,
    shown: str,
    *,
    max_members: int = MAX_MEMBERS,
    max_bytes: int = MAX_BYTES,
    skip: Skip | None = None,
) -> Iterator[ArchiveMember]:
    """The archive's file members in the archive's order; unreadable archives give one problem.

    A safe member for which ``skip`` gives a reason is yielded with ``skipped`` set.
    """
    budget = _Budget(max_members, max_bytes)
    try:
        if path.name.lower().endswith(".zip"):
            yield from _zip_members(path, shown, budget, skip)
        else:
            yield from _tar_members(path, shown, budget, skip)
    except (OSError, zipfile.BadZipFile, tarfile.TarError, EOFError) as error:
        yield _refused(shown, "", "unreadable", f"the archive cannot be read: {error}")


class _Budget:
    def __init__(self, members: int, size: int) -> None:
        self.members, self.bytes = members, size

    def spend(self, size: int) -> str | None:
        """None while within the caps, else what was exceeded."""
        self.members -= 1
        self.bytes -= size
        if self.members < 0:
            return "it has more members than the limit"
        if self.bytes < 0:
            return "its members hold more uncompressed bytes than the limit"
        return None


def _nothing(limit: int) -> bytes:
    return b""


def _refused(shown: str, member: str, reason: str, message: str) -> ArchiveMember:
    return ArchiveMember(shown, member, 0, _nothing, (reason, message))


def _refusal(
    shown: str, member: str, problem: str | None, size: int, budget: _Budget
) -> ArchiveMember | None:
    """The member refused as unsafe, or as past a cap (then nothing after it is read)."""
    if problem is not None:
        return _refused(shown, member, "unsafe_member", f"refused: {problem}")
    exceeded = budget.spend(size)
    if exceeded:
        return _refused(
            shown, member, "archive_limit", f"not read, nor any member after it: {exceeded}"
        )
    return None


def _unsafe(name: str) -> str | None:
    """Why a member's path is unsafe to name, with / or \\ between its parts; None if safe."""
    path = PurePosixPath(name.replace("\\", "/"))
    if path.is_absolute() or (len(name) > 1 and name[1] == ":"):
        return "an absolute member path"
    if ".." in path.parts:
        return "a member path that climbs out with .."
    return None


def _hidden(name: str) -> bool:
    parts = PurePosixPath(name.replace("\\", "/")).parts
    return any(part.startswith(".") or part == "__MACOSX" for part in parts)


HIDDEN = (
    "hidden",
    "a hidden member (a name starting with a dot, or __MACOSX) is not an article",
)
"""Why a hidden member is skipped: a Mac's resource forks, .DS_Store, version control."""


@dataclass(frozen=True)
class _Entry:
    """A file member as the zip or tar reader sees it, before any check."""

    name: str
    size: int
    kind_problem: str | None
    """A link, device or other member that is not a plain file."""
    read: Callable[[int], bytes]


def _members(
    entries: Iterator[_Entry], shown: str, budget: _Budget, skip: Skip | None
) -> Iterator[ArchiveMember]:
    """Check each entry in turn: unsafe, hidden, skipped by name, past a cap, or readable."""
    for entry in entries:
        problem = _unsafe(entry.name) or entry.kind_problem
        skipped: tuple[str, str] | None = None
        if problem is None:
            skipped = HIDDEN if _hidden(entry.name) else skip(entry.name) if skip else None
        size = 0 if skipped else entry.size  # a skipped member is not read
        refusal = _refusal(shown, entry.name, problem, size, budget)
        if refusal is not None:
            yield refusal
            if refusal.problem and refusal.problem[0] == "archive_limit":
                return
        elif skipped is not None:
            yield ArchiveMember(shown, entry.name, entry.size, _nothing, skipped=skipped)
        else:
            yield ArchiveMember(shown, entry.name, entry.size, entry.read)


def _zip_members(
    path: Path, shown: str, budget: _Budget, skip: Skip | None
) -> Iterator[ArchiveMember]:
    with zipfile.ZipFile(path) as archive:

        def entries() -> Iterator[_Entry]:
            for info in archive.infolist():
                if info.is_dir():
                    continue
                link = stat.S_ISLNK(info.external_attr >> 16)

                def read(limit: int, info: zipfile.ZipInfo = info) -> bytes:
                    with archive.open(info) as member:
                        return member.read(limit)

                yield _Entry(
                    info.filename, info.file_size, "a symlink member" if link else None, read
                )

        yield from _members(entries(), shown, budget, skip)


def _tar_members(
    path: Path, shown: str, budget: _Budget, skip: Skip | None
) -> Iterator[ArchiveMember]:
    with tarfile.open(path, mode="r:*") as archive:

        def entries() -> Iterator[_Entry]:
            for info in archive:
                if info.isdir():
                    continue
                problem = None
                if info.issym() or info.islnk():
                    problem = "a link member"
                elif not info.isfile():
                    problem = "a device, pipe or other special member"

                def read(limit: int, info: tarfile.TarInfo = info) -> bytes:
                    member = archive.extractfile(info)
                    return member.read(limit) if member is not None else b""

                yield _Entry(info.name, info.size, problem, read)

        yield from _members(entries(), shown, budget, skip)
