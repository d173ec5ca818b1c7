"""The baseline: a minimal hand-written loader with the standard library's sqlite3.

    python -m benchmarks.baseline CORPUS DB

It reads every file, splits the header line, inserts all rows with
``executemany`` in one transaction and builds an FTS5 index with ``rebuild``
at the end. No cleaning, no deduplication, no originals, and every file
decoded as UTF-8 with replacement characters. It is what the archive is
measured against, and it lives here only.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

SCHEMA = """
CREATE TABLE docs (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,
    published TEXT,
    source TEXT,
    url TEXT,
    title TEXT,
    body TEXT
);
CREATE INDEX docs_published ON docs (published);
CREATE INDEX docs_source_published ON docs (source, published);
CREATE VIRTUAL TABLE docs_fts USING fts5 (title, body, content='docs', content_rowid='id');
"""


def iter_files(corpus: Path) -> Iterator[str]:
    for folder, names, files in os.walk(corpus):
        names.sort()
        for name in sorted(files):
            yield os.path.join(folder, name)


def rows(corpus: Path) -> Iterator[tuple[str, str | None, str | None, str | None, str, str]]:
    for path in iter_files(corpus):
        with open(path, "rb") as handle:
            text = handle.read().decode("utf-8", errors="replace")
        header, _, rest = text.partition("\n")
        parts = header.split(maxsplit=2)
        published = parts[1] if len(parts) > 1 and parts[0] == "date" else None
        remainder = parts[2] if len(parts) > 2 else ""
        url = source = None
        if remainder.startswith(("http://", "https://")):
            url = remainder
            source = urlsplit(url).hostname
            title, _, body = rest.partition("\n")
        elif remainder:
            title, body = remainder, rest
        else:
            title, _, body = rest.partition("\n")
        yield path, published, source, url, title, body


def load(corpus: Path, database: Path) -> int:
    """Load every file under ``corpus`` into a new database; return the row count."""
    connection = sqlite3.connect(database)
    connection.executescript(SCHEMA)
    with connection:
        connection.executemany(
            "INSERT INTO docs (path, published, source, url, title, body) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            rows(corpus),
        )
        connection.execute("INSERT INTO docs_fts (docs_fts) VALUES ('rebuild')")
    count: int = connection.execute("SELECT count(*) FROM docs").fetchone()[0]
    connection.close()
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("database", type=Path)
    arguments = parser.parse_args()
    started = time.perf_counter()
    count = load(arguments.corpus, arguments.database)
    print(f"{count:,} rows in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
