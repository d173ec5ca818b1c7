"""Time the pages of ``archive serve`` on an archive, in-process through Datasette's client.

    python -m benchmarks.pages ARCHIVE.db [--runs 5] [--word WORD]

Each page is fetched ``--runs`` times after one warm-up; the median is
reported, with its ratio to Datasette's own home page fetched alongside (the
baseline: the same server, doing the least). No network: the requests go
straight to the ASGI application, so the figures are the server's work alone.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from pathlib import Path
from typing import Any

from archive.web.app import make_datasette


def pages(name: str, word: str, article: int, source: str) -> list[str]:
    """The pages a reader opens, in the order one would."""
    return [
        "/",
        f"/{name}",
        f"/{name}/articles",
        f"/{name}/articles?_search={word}",
        f"/{name}/articles?source={source}",
        f"/{name}/search?q={word}",
        f"/{name}/search?q={word}*+OR+{word[:3]}*",
        f"/{name}/search?q=%22{word}%22&from=2020&to=2024-06",
        f"/{name}/latest",
        f"/{name}/source_timeline?source={source}",
        f"/{name}/flagged_dates",
        f"/{name}/duplicates",
        f"/{name}/documents",
        f"/-/article/{article}",
        f"/-/article/{article}/original",
        "/-/chart",
        "/-/chart?by=day",
    ]


async def time_pages(site: Any, paths: list[str], runs: int) -> dict[str, list[float]]:
    baseline = "/-/versions.json"
    times: dict[str, list[float]] = {path: [] for path in [baseline, *paths]}
    for path in times:  # warm-up: caches, connections, the Public Suffix List
        response = await site.client.get(path)
        assert response.status_code == 200, (path, response.status_code)
    for _ in range(runs):
        for path in paths:
            for measured in (baseline, path):  # alternated, so noise hits both alike
                started = time.perf_counter()
                await site.client.get(measured)
                times[measured].append(time.perf_counter() - started)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("archive", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--word", default="council", help="A word to search for.")
    arguments = parser.parse_args()
    import sqlite3

    with sqlite3.connect(arguments.archive) as connection:
        count, article = connection.execute("SELECT count(*), max(id) FROM documents").fetchone()
        (source,) = connection.execute(
            "SELECT domain FROM sources JOIN documents ON source_id = sources.id "
            "GROUP BY domain ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()
    site = make_datasette(arguments.archive, allow_sql=True)
    paths = pages(arguments.archive.stem, arguments.word, article, source)
    times = asyncio.run(time_pages(site, paths, arguments.runs))
    base = statistics.median(times.pop("/-/versions.json"))
    print(f"{count:,} articles; median of {arguments.runs} runs; baseline /-/versions.json "
          f"{base * 1000:.1f} ms")  # fmt: skip
    print("| page | median ms | slowest ms | × baseline |")
    print("| --- | ---: | ---: | ---: |")
    for path, seconds in times.items():
        median = statistics.median(seconds)
        print(
            f"| `{path}` | {median * 1000:.0f} | {max(seconds) * 1000:.0f} | {median / base:.0f} |"
        )


if __name__ == "__main__":
    main()
