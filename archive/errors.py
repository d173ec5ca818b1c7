"""Every exception the archive library raises on purpose.

Library code raises these; only the CLI turns them into ``Error: ...`` lines.
"""

from __future__ import annotations


class ArchiveError(Exception):
    """Base class of every error the archive reports to its user."""


class InvalidDate(ArchiveError, ValueError):
    """A date that is not YYYY, YYYY-MM or YYYY-MM-DD on the calendar."""


class InvalidURL(ArchiveError, ValueError):
    """A URL that is not an absolute http(s) address."""


class InvalidDomain(ArchiveError, ValueError):
    """A source that is not a domain name."""


class InvalidOption(ArchiveError, ValueError):
    """An option value that the archive cannot use."""


class MapFileError(ArchiveError):
    """A --map file that cannot be read or has a bad row."""


class InputPathError(ArchiveError):
    """An import path that does not exist or matches nothing."""


class DatabaseNotFound(ArchiveError):
    """The database file does not exist yet."""


class DatabaseError(ArchiveError):
    """The database cannot be opened or is not an archive database."""


class DatabaseReadOnly(ArchiveError):
    """The database can be read but not written: a read-only file, folder or mount."""


class SchemaTooOld(DatabaseError):
    """The database needs 'archive db upgrade' before this version can use it."""


class SchemaTooNew(DatabaseError):
    """The database was written by a newer version of the archive."""


class DocumentNotFound(ArchiveError):
    """No document with that id or URL."""


class ImportRunNotFound(ArchiveError):
    """No import run with that number."""


class FileRejected(ArchiveError):
    """An input file that cannot be stored; ``reason`` is a short code."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message


class InvalidQuery(ArchiveError, ValueError):
    """A search query with nothing to search for, or too much."""


class ExportError(ArchiveError):
    """An export target that cannot be written safely."""


class WorkerFailed(ArchiveError):
    """A worker process that prepares files died (killed, or out of memory)."""


class MissingExtra(ArchiveError):
    """A command that needs an optional part of the install that is not there."""
