"""The --map file: URLs (and optionally dates) for files whose header has none.

CSV with a header row, or JSON Lines with one object per line; the columns
are ``file`` and ``url``, and optionally ``date``. ``file`` is matched against
the imported file's name, or its path as given.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

from archive.dates import PartialDate, parse_partial_date
from archive.errors import InvalidDate, InvalidURL, MapFileError
from archive.urls import canonical_url


@dataclass(frozen=True)
class MapEntry:
    """What a --map file says about one file."""

    url: str | None
    published: PartialDate | None


UrlMap = dict[str, MapEntry]


def load_url_map(path: Path) -> UrlMap:
    """Read a CSV or JSONL map file. Raises :class:`MapFileError` naming the bad line."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise MapFileError(f"cannot read the map file {path}: {error.strerror}") from None
    except UnicodeDecodeError:
        raise MapFileError(f"the map file {path} is not UTF-8 text") from None
    if path.suffix.lower() in (".jsonl", ".ndjson", ".json") or text.lstrip().startswith("{"):
        rows = _jsonl_rows(path, text)
    else:
        rows = _csv_rows(path, text)
    url_map: UrlMap = {}
    for line_number, row in rows:
        name, entry = _entry(path, line_number, row)
        url_map[name] = entry
    return url_map


def lookup(url_map: UrlMap, path: str, name: str) -> MapEntry | None:
    """The entry for a file: by its path as given, else by its file name."""
    return url_map.get(path) or url_map.get(name)


def _csv_rows(path: Path, text: str) -> list[tuple[int, dict[str, str]]]:
    reader = csv.DictReader(text.splitlines())
    columns = {name.strip().lower() for name in reader.fieldnames or ()}
    if not {"file", "url"} <= columns:
        raise MapFileError(
            f"{path} line 1 must name the columns file and url (and optionally date), "
            f"not {', '.join(sorted(columns)) or 'nothing'}"
        )
    return [
        (reader.line_num, {key.strip().lower(): (value or "") for key, value in row.items() if key})
        for row in reader
    ]


def _jsonl_rows(path: Path, text: str) -> list[tuple[int, dict[str, str]]]:
    rows = []
    for line_number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise MapFileError(f"{path} line {line_number} is not JSON: {error.msg}") from None
        if not isinstance(row, dict):
            raise MapFileError(f"{path} line {line_number} must be a JSON object")
        rows.append(
            (line_number, {str(key).lower(): str(value or "") for key, value in row.items()})
        )
    return rows


def _entry(path: Path, line_number: int, row: dict[str, str]) -> tuple[str, MapEntry]:
    name = row.get("file", "").strip()
    if not name:
        raise MapFileError(f"{path} line {line_number} has no file name")
    url = row.get("url", "").strip() or None
    if url is not None:
        try:
            canonical_url(url)
        except InvalidURL as error:
            raise MapFileError(f"{path} line {line_number}: {error}") from None
    date_text = row.get("date", "").strip()
    try:
        published = parse_partial_date(date_text) if date_text else None
    except InvalidDate as error:
        raise MapFileError(f"{path} line {line_number}: {error}") from None
    return name, MapEntry(url, published)
