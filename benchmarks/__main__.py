"""Run the whole benchmark suite for one corpus size, and write docs/benchmarks.md.

    python -m benchmarks WORK [-n 100000] [--runs 3] [--query-runs 20]

Writes the corpus to WORK/corpus-N (kept, and reused once it is complete),
runs the import benchmark (archive and baseline alternating ``--runs``
times, and below a million articles one more import with one worker), the
query benchmark on the last two databases, the start-up benchmark on the
archive, and the per-article cost of each stage on the first 5,000 files. It
saves the results as WORK/import-N.json, queries-N.json, startup-N.json and
stages-N.json. Finally it writes docs/benchmarks.md from every result in WORK.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from benchmarks.report import write_report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("work", type=Path, help="folder for corpora, databases and results")
    parser.add_argument("-n", type=int, default=100_000, help="articles in the corpus")
    parser.add_argument("--runs", type=int, default=3, help="imports of each loader")
    parser.add_argument("--query-runs", type=int, default=20, help="runs of each query")
    arguments = parser.parse_args()
    work: Path = arguments.work
    work.mkdir(parents=True, exist_ok=True)
    size = arguments.n
    corpus = work / f"corpus-{size}"
    done = work / f"corpus-{size}.complete"
    python = [sys.executable, "-m"]
    if not done.exists():
        subprocess.run([*python, "benchmarks.corpus", str(corpus), "-n", str(size)], check=True)
        done.touch()
    databases = work / f"databases-{size}"
    subprocess.run(
        [*python, "benchmarks.imports", str(corpus), "--runs", str(arguments.runs),
         "--work", str(databases), "--keep", "--json", str(work / f"import-{size}.json"),
         *(["--one-worker"] if size < 1_000_000 else [])],
        check=True,
    )  # fmt: skip
    subprocess.run(
        [*python, "benchmarks.queries", str(databases / "archive.db"),
         str(databases / "baseline.db"), "--runs", str(arguments.query_runs),
         "--cli-runs", str(arguments.query_runs), "--json", str(work / f"queries-{size}.json")],
        check=True,
    )  # fmt: skip
    subprocess.run(
        [*python, "benchmarks.startup", str(databases / "archive.db"),
         "--runs", str(arguments.query_runs), "--json", str(work / f"startup-{size}.json")],
        check=True,
    )  # fmt: skip
    subprocess.run(
        [*python, "benchmarks.stages", str(corpus), "-n", "5000",
         "--json", str(work / f"stages-{size}.json")],
        check=True,
    )  # fmt: skip
    report = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md"
    write_report(work, report)
    print(f"wrote {report}")


if __name__ == "__main__":
    main()
