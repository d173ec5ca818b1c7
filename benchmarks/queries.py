"""Time the archive's queries against the same queries in raw SQL, in-process and as commands.

    python -m benchmarks.queries ARCHIVE_DB BASELINE_DB [--runs 20] [--cli-runs 20]

Both databases hold the same corpus (``benchmarks.imports --keep`` leaves them
side by side). In-process, each archive query (the library functions that the
command line calls) is timed against the query written by hand in SQL on the
baseline's database. Through the command line, each ``archive`` command is
timed against ``sqlite-utils query`` running equivalent SQL on the archive's
own file. Every query runs once to warm up, then ``--runs`` times; the tables
give p50 and p95 in milliseconds and the ratios archive / raw.

The words come from the corpus generator's vocabulary: its most common
English word (in about 70% of documents), a word in about 0.2% of documents,
and a phrase of its two most common words.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from archive import Filters, count_by_period, count_documents, open_database, search_documents
from archive.dates import parse_partial_date
from archive.search.grammar import parse_query
from benchmarks.corpus import Writer


@dataclass
class Timing:
    p50: float
    p95: float


def timed(function: Callable[[], object], runs: int) -> Timing:
    function()  # warm up: pages in the cache, statements compiled
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    ordered = sorted(samples)
    return Timing(statistics.median(ordered), ordered[min(len(ordered) - 1, int(0.95 * runs))])


def pick_words(baseline: sqlite3.Connection) -> dict[str, str]:
    """A common word, a rare one and a common phrase, from the generator's vocabulary."""
    english = Writer(1).words["en"]
    total = baseline.execute("SELECT max(id) FROM docs").fetchone()[0]
    # Shares fall with the Zipf rank: search the ranks for the first word in <= 0.2%.
    low, high = 0, len(english) - 1
    while low < high:
        middle = (low + high) // 2
        count = baseline.execute(
            "SELECT count(*) FROM docs_fts WHERE docs_fts MATCH ?", (f'"{english[middle]}"',)
        ).fetchone()[0]
        low, high = (low, middle) if count <= total * 0.002 else (middle + 1, high)
    return {"common": english[0], "rare": english[low], "phrase": f"{english[0]} {english[1]}"}


def share(baseline: sqlite3.Connection, match: str) -> float:
    total = baseline.execute("SELECT count(*) FROM docs").fetchone()[0]
    found = baseline.execute(
        "SELECT count(*) FROM docs_fts WHERE docs_fts MATCH ?", (match,)
    ).fetchone()[0]
    return float(found) / float(total)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("archive", type=Path)
    parser.add_argument("baseline", type=Path)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--cli-runs", type=int, default=20)
    parser.add_argument("--json", type=Path, help="also write the results here as JSON")
    arguments = parser.parse_args()

    baseline = sqlite3.connect(arguments.baseline)
    baseline.execute("PRAGMA cache_size = -65536")
    words = pick_words(baseline)
    common, rare, phrase = words["common"], words["rare"], words["phrase"]
    shares = {
        name: share(baseline, f'"{word}"') for name, word in words.items() if name != "phrase"
    }
    print(f"words: {words}; shares of documents: {shares}", flush=True)
    source = "daily.com"
    year, month = "2020", "2020-03"
    engine = open_database(f"sqlite:///{arguments.archive}")
    session = Session(engine)
    month_range: dict[str, Any] = {
        "date_from": parse_partial_date(month),
        "date_to": parse_partial_date(month),
    }
    year_range: dict[str, Any] = {
        "date_from": parse_partial_date(year),
        "date_to": parse_partial_date(year),
    }
    snippet = "snippet(docs_fts, -1, '[', ']', '…', 24)"
    ranked = (
        f"SELECT docs.id, published, source, docs.title, {snippet} FROM docs_fts "
        "JOIN docs ON docs.id = docs_fts.rowid WHERE docs_fts MATCH ? "
        "ORDER BY bm25(docs_fts, 10.0, 1.0) LIMIT 20"
    )

    def raw(sql: str, *parameters: object) -> Callable[[], object]:
        return lambda: baseline.execute(sql, parameters).fetchall()

    def archive(
        filters: dict[str, Any], *, text: str | None = None, **options: Any
    ) -> Callable[[], object]:
        query = Filters(**filters, text=parse_query(text) if text else None)
        return lambda: search_documents(session, query, **options)

    cases: list[tuple[str, Callable[[], object], Callable[[], object]]] = [
        (
            "date range, first 20",
            archive(month_range, sort="newest"),
            raw(
                "SELECT id, published, source, title FROM docs WHERE published "
                "BETWEEN ? AND ? ORDER BY published DESC LIMIT 20",
                f"{month}-01",
                f"{month}-31",
            ),
        ),
        (
            "source + date range, first 20",
            archive({**month_range, "sources": (source,)}, sort="newest"),
            raw(
                "SELECT id, published, source, title FROM docs WHERE source = ? AND published "
                "BETWEEN ? AND ? ORDER BY published DESC LIMIT 20",
                source,
                f"{month}-01",
                f"{month}-31",
            ),
        ),
        (
            "count, one source, one year",
            lambda: count_documents(session, Filters(**year_range, sources=(source,))),
            raw(
                "SELECT count(*) FROM docs WHERE source = ? AND published BETWEEN ? AND ?",
                source,
                f"{year}-01-01",
                f"{year}-12-31",
            ),
        ),
        (
            "counts by month and source, everything",
            lambda: count_by_period(session, Filters(), by="month"),
            raw("SELECT substr(published, 1, 7), source, count(*) FROM docs GROUP BY 1, 2"),
        ),
        (
            f"FTS top 20 by relevance, rare word ({shares['rare']:.2%})",
            archive({}, text=rare),
            raw(ranked, f'"{rare}"'),
        ),
        (
            f"FTS top 20 by relevance, common word ({shares['common']:.0%})",
            archive({}, text=common),
            raw(ranked, f'"{common}"'),
        ),
        (
            "  the same, ranking every match (--exact)",
            archive({}, text=common, exact=True),
            raw(ranked, f'"{common}"'),
        ),
        (
            "FTS newest 20, common word",
            archive({}, text=common, sort="newest"),
            raw(
                "SELECT id, published, source, title FROM docs WHERE id IN "
                "(SELECT rowid FROM docs_fts WHERE docs_fts MATCH ?) "
                "ORDER BY published DESC LIMIT 20",
                f'"{common}"',
            ),
        ),
        (
            "FTS phrase of two common words, top 20",
            archive({}, text=f'"{phrase}"'),
            raw(ranked, f'"{phrase}"'),
        ),
    ]
    results: dict[str, Any] = {"words": words, "shares": shares, "in_process": [], "cli": []}
    print(f"\nIn-process, {arguments.runs} runs (ms):")
    print(f"{'query':58} {'archive p50':>11} {'p95':>8} {'raw p50':>9} {'p95':>8} {'ratio':>6}")
    for name, ours, theirs in cases:
        mine, other = timed(ours, arguments.runs), timed(theirs, arguments.runs)
        ratio = mine.p50 / other.p50
        print(
            f"{name:58} {mine.p50:11.1f} {mine.p95:8.1f} {other.p50:9.1f} {other.p95:8.1f} "
            f"{ratio:6.2f}",
            flush=True,
        )
        results["in_process"].append(
            {"query": name, "archive": vars(mine), "raw": vars(other), "ratio": ratio}
        )
    session.close()

    database = str(arguments.archive)
    sqlite_utils = shutil.which("sqlite-utils")
    fts_sql = (
        "SELECT documents.id, published, documents.title FROM documents_fts JOIN documents "
        "ON documents.id = documents_fts.rowid WHERE documents_fts MATCH :q "
        "ORDER BY bm25(documents_fts, 10.0, 1.0) LIMIT 20"
    )
    source_id = f"(SELECT id FROM sources WHERE domain = '{source}')"
    commands: list[tuple[str, list[str], str, dict[str, str]]] = [
        (
            "date range, first 20",
            ["search", "--from", month, "--to", month, "--format", "json"],
            "SELECT id, published, title FROM documents WHERE published BETWEEN :a AND :b "
            "ORDER BY published DESC LIMIT 20",
            {"a": f"{month}-01", "b": f"{month}-31"},
        ),
        (
            "source + date range, first 20",
            ["search", "--source", source, "--from", month, "--to", month, "--format", "json"],
            f"SELECT id, published, title FROM documents WHERE source_id = {source_id} AND "
            "published BETWEEN :a AND :b ORDER BY published DESC LIMIT 20",
            {"a": f"{month}-01", "b": f"{month}-31"},
        ),
        (
            "--count, one source, one year",
            ["search", "--source", source, "--from", year, "--to", year, "--count"],
            f"SELECT count(*) FROM documents WHERE source_id = {source_id} AND "
            "published BETWEEN :a AND :b",
            {"a": f"{year}-01-01", "b": f"{year}-12-31"},
        ),
        (
            "stats --by month, everything",
            ["stats", "--by", "month", "--format", "json"],
            "SELECT substr(published, 1, 7), source_id, count(*) FROM documents GROUP BY 1, 2",
            {},
        ),
        ("FTS rare word, top 20", ["search", rare, "--format", "json"], fts_sql, {"q": rare}),
        (
            "FTS common word, top 20",
            ["search", common, "--format", "json"],
            fts_sql,
            {"q": common},
        ),
        (
            "FTS common word, newest 20",
            ["search", common, "--sort", "newest", "--format", "json"],
            "SELECT id, published, title FROM documents WHERE id IN (SELECT rowid FROM "
            "documents_fts WHERE documents_fts MATCH :q) ORDER BY published DESC LIMIT 20",
            {"q": common},
        ),
        (
            "FTS phrase, top 20",
            ["search", f'"{phrase}"', "--format", "json"],
            fts_sql,
            {"q": f'"{phrase}"'},
        ),
    ]
    if sqlite_utils is None:
        print("\nsqlite-utils is not installed: the command-line comparison is skipped.")
    else:
        print(f"\nCommand line, {arguments.cli_runs} runs (ms), wall time of each process:")
        print(f"{'command':34} {'archive p50':>11} {'p95':>8} {'sqlite-utils p50':>16} {'p95':>8}")
        for name, argv, sql, parameters in commands:
            ours_cmd = [sys.executable, "-m", "archive", "--db", database, *argv]
            theirs_cmd = [sqlite_utils, "query", database, sql]
            for key, value in parameters.items():
                theirs_cmd += ["-p", key, value]
            mine = timed(partial(_run, ours_cmd), arguments.cli_runs)
            other = timed(partial(_run, theirs_cmd), arguments.cli_runs)
            ratio = mine.p50 / other.p50
            print(
                f"{name:34} {mine.p50:11.0f} {mine.p95:8.0f} {other.p50:16.0f} {other.p95:8.0f}"
                f"  ratio {ratio:.2f}",
                flush=True,
            )
            results["cli"].append(
                {"query": name, "archive": vars(mine), "sqlite_utils": vars(other), "ratio": ratio}
            )
    if arguments.json:
        arguments.json.write_text(json.dumps(results, indent=2) + "\n")


def _run(command: list[str]) -> None:
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)


if __name__ == "__main__":
    main()
