"""Time the archive's queries on an existing database, in-process.

    python -m benchmarks.query_times archive.db [--runs 20]

Each query runs ``--runs`` times after one warm-up run; the table gives the
median (p50) and 95th percentile (p95) in milliseconds, and the number of rows
or the count returned. Word queries pick, from the index itself, a word that
is in about 0.2% of documents and one that is in most of them.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from archive import Filters, open_database, parse_partial_date
from archive.queries import count_documents, search_documents
from archive.query import parse_query
from archive.stats import count_by_period


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def words_by_frequency(session: Session) -> tuple[str, str, int]:
    """A rare word (in about 0.2% of documents), a common one (in the most), and the total."""
    session.execute(text("CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocabulary "
                         "USING fts5vocab(main, documents_fts, row)"))  # fmt: skip
    total = session.execute(text("SELECT count(*) FROM documents")).scalar_one()
    common = session.execute(
        text("SELECT term FROM temp.vocabulary ORDER BY doc DESC LIMIT 1")
    ).scalar_one()
    rare = session.execute(
        text("SELECT term FROM temp.vocabulary WHERE doc >= :n ORDER BY doc LIMIT 1"),
        {"n": max(1, total // 500)},
    ).scalar_one()
    return rare, common, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database")
    parser.add_argument("--runs", type=int, default=20)
    arguments = parser.parse_args()
    engine = open_database(f"sqlite:///{arguments.database}")
    with Session(engine) as session:
        rare, common, total = words_by_frequency(session)
        latest = session.execute(text("SELECT max(published) FROM documents")).scalar_one()
        year = parse_partial_date(latest[:4])
        source = session.execute(
            text("SELECT domain FROM sources ORDER BY id LIMIT 1")
        ).scalar_one_or_none()
        sources = (source,) if source else ()
        month = parse_partial_date(latest[:7])
        queries: dict[str, Callable[[], Any]] = {
            "date range, first 20": lambda: search_documents(
                session, Filters(date_from=month, date_to=month)
            ),
            "source + date range, first 20": lambda: search_documents(
                session, Filters(date_from=year, date_to=year, sources=sources)
            ),
            "count, one source, one year": lambda: count_documents(
                session, Filters(date_from=year, date_to=year, sources=sources)
            ),
            "stats by month, everything": lambda: len(count_by_period(session, Filters()).rows),
            f"text, rare word '{rare}', top 20": lambda: search_documents(
                session, Filters(text=parse_query(rare))
            ),
            f"text, common word '{common}', top 20": lambda: search_documents(
                session, Filters(text=parse_query(common))
            ),
            f"text, common word '{common}', newest 20": lambda: search_documents(
                session, Filters(text=parse_query(common)), sort="newest"
            ),
            f"phrase '{common} {rare}', top 20": lambda: search_documents(
                session, Filters(text=parse_query(f'"{common} {rare}"'))
            ),
        }
        print(f"{arguments.database}: {total:,} documents, {arguments.runs} runs each\n")
        print(f"{'query':<48} {'p50 ms':>9} {'p95 ms':>9} {'result':>8}")
        for name, run in queries.items():
            result = run()
            samples = []
            for _ in range(arguments.runs):
                started = time.perf_counter()
                run()
                samples.append((time.perf_counter() - started) * 1000)
            size = result if isinstance(result, int) else len(result)
            print(
                f"{name:<48} {statistics.median(samples):>9.1f} "
                f"{percentile(samples, 0.95):>9.1f} {size:>8}"
            )


if __name__ == "__main__":
    main()
