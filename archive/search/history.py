"""Every text an article has had, oldest first, and what changed between two of them.

The earlier texts are the rows of ``document_versions``; the current one is the
``documents`` row. Versions are numbered from 1, the oldest, to the current one.
Each version's file is the first import of its original bytes.

Functions take a Connection or a Session and never commit.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Table, select

from archive.dates import format_partial_date
from archive.errors import DocumentNotFound, InvalidOption
from archive.search.documents import document_condition
from archive.search.filters import connection_of
from archive.store.tables import document_versions, documents, import_items

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

HISTORY_FIELDS = (
    "version",
    "current",
    "stored_at",
    "file",
    "text_sha256",
    "published",
    "word_count",
    "added",
    "removed",
    "title",
)
"""The fields of each version in ``archive history``'s JSON, JSON Lines and CSV, in order."""


@dataclass(frozen=True)
class Version:
    """One text of an article, with what it changed from the one before."""

    document_id: int
    number: int
    """1 for the oldest; the highest is the current text."""
    current: bool
    stored_at: dt.datetime
    """When this text was first stored."""
    file: str | None
    """The file this text was first imported from; None where the import log lost it."""
    text_sha256: str
    published: str
    """As written: ``2024-06-12``, ``2024-06`` or ``2024``."""
    title: str
    body: str
    word_count: int
    added: int | None
    """Words added since the previous version; None for the first."""
    removed: int | None
    """Words removed since the previous version; None for the first."""

    def as_dict(self) -> dict[str, Any]:
        """The record that ``archive history`` writes, its fields in order."""
        return {
            "version": self.number,
            "current": self.current,
            "stored_at": self.stored_at.isoformat(),
            "file": self.file,
            "text_sha256": self.text_sha256,
            "published": self.published,
            "word_count": self.word_count,
            "added": self.added,
            "removed": self.removed,
            "title": self.title,
        }


def get_history(connection: Connection | Session, reference: str | int) -> list[Version]:
    """Every text of the document with this id or URL, oldest first, the current one last."""
    connection = connection_of(connection)
    condition, missing = document_condition(reference)
    current = connection.execute(
        select(*_text_columns(documents), documents.c.id, documents.c.updated_at).where(condition)
    ).one_or_none()
    if current is None:
        raise DocumentNotFound(missing)
    earlier = connection.execute(
        select(*_text_columns(document_versions), document_versions.c.created_at)
        .where(document_versions.c.document_id == current.id)
        .order_by(document_versions.c.id)
    ).all()
    texts = [(row, row.created_at) for row in earlier] + [(current, current.updated_at)]
    files = _first_files(connection, current.id, {row.original_sha256 for row, _ in texts})
    versions: list[Version] = []
    for number, (row, stored_at) in enumerate(texts, start=1):
        added: int | None = None
        removed: int | None = None
        if versions:
            added, removed = count_changes(_words(versions[-1]), _words_of(row.title, row.body))
        versions.append(
            Version(
                document_id=current.id,
                number=number,
                current=number == len(texts),
                stored_at=stored_at,
                file=files.get(row.original_sha256),
                text_sha256=row.text_sha256,
                published=format_partial_date(row.published, row.date_precision),
                title=row.title,
                body=row.body,
                word_count=row.word_count,
                added=added,
                removed=removed,
            )
        )
    return versions


def get_version(connection: Connection | Session, reference: str | int, number: int) -> Version:
    """Version ``number`` (1 for the oldest) of the document with this id or URL."""
    versions = get_history(connection, reference)
    return versions[check_version(number, len(versions), reference) - 1]


def get_version_original(
    connection: Connection | Session, reference: str | int, number: int
) -> bytes:
    """The exact bytes of the file that version ``number`` of the document came from."""
    # Loaded here, not above: archive.store.documents is the writing side, with the ORM models.
    from archive.store.documents import original_bytes

    version = get_version(connection, reference, number)
    table = documents if version.current else document_versions
    key = table.c.id if version.current else table.c.document_id
    row = (
        connection_of(connection)
        .execute(
            select(table.c.original, table.c.original_codec)
            .where(key == version.document_id)
            .order_by(table.c.id)
            .offset(0 if version.current else version.number - 1)
            .limit(1)
        )
        .one()
    )
    return original_bytes(row.original, row.original_codec)


def check_version(number: int, count: int, reference: str | int) -> int:
    """``number`` when the document has such a version; else raise :class:`InvalidOption`."""
    if not 1 <= number <= count:
        choice = "it has only version 1" if count == 1 else f"choose from 1 to {count}"
        raise InvalidOption(f"document {reference} has no version {number} - {choice}")
    return number


def _text_columns(table: Table) -> list[Any]:
    return [
        table.c[name]
        for name in (
            "title",
            "body",
            "word_count",
            "text_sha256",
            "original_sha256",
            "published",
            "date_precision",
        )
    ]


def _first_files(connection: Connection, document_id: int, hashes: set[str]) -> dict[str, str]:
    """The first file imported with each of these original hashes, for this document."""
    rows = connection.execute(
        select(import_items.c.sha256, import_items.c.path)
        .where(import_items.c.document_id == document_id, import_items.c.sha256.in_(hashes))
        .order_by(import_items.c.id)
    )
    found: dict[str, str] = {}
    for sha256, path in rows:
        found.setdefault(sha256, path)
    return found


# What changed: words compared in order, paragraph by paragraph.

_WORD = re.compile(r"\S+")


def _words_of(title: str, body: str) -> list[str]:
    return _WORD.findall(f"{title}\n{body}")


def _words(version: Version) -> list[str]:
    return _words_of(version.title, version.body)


def count_changes(old: Sequence[str], new: Sequence[str]) -> tuple[int, int]:
    """Words added and removed from ``old`` to ``new``; a changed word counts in both."""
    added = removed = 0
    for tag, old_start, old_end, new_start, new_end in _opcodes(old, new):
        if tag != "equal":
            removed += old_end - old_start
            added += new_end - new_start
    return added, removed


def _opcodes(old: Sequence[str], new: Sequence[str]) -> list[tuple[str, int, int, int, int]]:
    return list(SequenceMatcher(None, old, new, autojunk=False).get_opcodes())


@dataclass(frozen=True)
class DiffLine:
    """One paragraph of a diff: kept (`` ``), removed (``-``) or added (``+``)."""

    mark: str
    pieces: tuple[tuple[bool, str], ...]
    """The paragraph's text in pieces, each marked True where its words changed."""

    @property
    def text(self) -> str:
        return "".join(text for _, text in self.pieces)


GAP = DiffLine(" ", ((False, "…"),))
"""Where unchanged paragraphs are left out."""


def diff_versions(old: Version, new: Version, *, context: int = 1) -> list[DiffLine]:
    """The paragraphs of ``old`` and ``new`` (title first) that differ, word by word, with
    ``context`` unchanged paragraphs around each change (the title at least) and
    :data:`GAP` for the rest."""
    before = [old.title, *_paragraphs(old.body)]
    after = [new.title, *_paragraphs(new.body)]
    lines: list[DiffLine] = []
    opcodes = _opcodes(before, after)
    if all(tag == "equal" for tag, *_ in opcodes):
        return lines
    for index, (tag, old_start, old_end, new_start, new_end) in enumerate(opcodes):
        if tag == "equal":
            kept = before[old_start:old_end]
            head = kept[:context]
            tail = kept[-context:] if index < len(opcodes) - 1 and context else []
            if len(head) + len(tail) >= len(kept):
                lines += [_kept(text) for text in kept]
            else:
                lines += [_kept(text) for text in head] + [GAP] + [_kept(text) for text in tail]
        else:
            lines += _changed(before[old_start:old_end], after[new_start:new_end])
    return lines


def _paragraphs(body: str) -> list[str]:
    return [line for line in body.splitlines() if line.strip()]


def _kept(text: str) -> DiffLine:
    return DiffLine(" ", ((False, text),))


def _changed(old: list[str], new: list[str]) -> Iterator[DiffLine]:
    """Removed and added paragraphs; where one paragraph was edited into another, the
    words that changed."""
    i = j = 0
    while i < len(old) or j < len(new):
        if i < len(old) and j < len(new) and _similar(old[i], new[j]):
            removed, added = _word_pieces(old[i], new[j])
            yield DiffLine("-", removed)
            yield DiffLine("+", added)
            i, j = i + 1, j + 1
        elif j < len(new) and (
            i >= len(old) or any(_similar(old[i], later) for later in new[j + 1 :])
        ):
            yield DiffLine("+", ((True, new[j]),))
            j += 1
        else:
            yield DiffLine("-", ((True, old[i]),))
            i += 1


def _similar(old: str, new: str) -> bool:
    """Whether ``new`` reads as an edit of ``old``: half their words or more in common."""
    return SequenceMatcher(None, old.split(), new.split(), autojunk=False).ratio() >= 0.5


def _word_pieces(
    old: str, new: str
) -> tuple[tuple[tuple[bool, str], ...], tuple[tuple[bool, str], ...]]:
    """Both paragraphs in pieces, the words that differ marked True."""
    old_words, new_words = old.split(" "), new.split(" ")
    removed: list[tuple[bool, str]] = []
    added: list[tuple[bool, str]] = []
    for tag, old_start, old_end, new_start, new_end in _opcodes(old_words, new_words):
        changed = tag != "equal"
        if old_end > old_start:
            removed.append((changed, " ".join(old_words[old_start:old_end])))
        if new_end > new_start:
            added.append((changed, " ".join(new_words[new_start:new_end])))
    return _spaced(removed), _spaced(added)


def _spaced(pieces: list[tuple[bool, str]]) -> tuple[tuple[bool, str], ...]:
    """The pieces with the spaces between them put back, outside any marked piece."""
    spaced: list[tuple[bool, str]] = []
    for changed, text in pieces:
        if spaced:
            spaced.append((False, " "))
        spaced.append((changed, text))
    return tuple(spaced)
