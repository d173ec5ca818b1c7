"""Time how fast the read commands start, against ``sqlite-utils query DB "select 1"``.

    python -m benchmarks.startup ARCHIVE_DB [--runs 10] [--json OUT]

Each run times every command once, then the baseline, so that a machine that
slows down slows both alike. The table gives each command's median wall time
in milliseconds and its ratio to the baseline's median. The commands print to
nowhere: what is measured is mostly starting Python and importing what the
command needs, since every query here answers in a few milliseconds. Each
run also creates a new archive by importing one seed file into it
(``first import``).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COMMANDS = {
    "--help": ["--help"],
    "search WORD": ["search", "ri", "--limit", "5"],
    "search --from": ["search", "--from", "2024", "--limit", "5"],
    "show 1": ["show", "1"],
    "sources": ["sources"],
    "stats": ["stats", "--by", "year"],
}
"""What follows ``archive --db ARCHIVE_DB`` for each timed command, by the name shown.

``ri`` is among the synthetic corpus's most common words (``benchmarks.corpus``)."""

SEED_FILE = Path(__file__).resolve().parent.parent / "seeds" / "000_d9df1ced53a76c60.txt"
FIRST_IMPORT = "first import"


def wall_time(command: list[str]) -> float:
    """Seconds that ``command`` takes to run to its end, its output thrown away."""
    started = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - started


def measure(database: Path, runs: int) -> dict[str, float]:
    """Median milliseconds of each command and of the baseline (named ``sqlite-utils``)."""
    archive = shutil.which("archive") or sys.exit("archive is not installed")
    sqlite_utils = shutil.which("sqlite-utils") or sys.exit(
        "sqlite-utils is not installed: pip install sqlite-utils"
    )
    timed = {name: [archive, "--db", str(database), *words] for name, words in COMMANDS.items()}
    timed["sqlite-utils"] = [sqlite_utils, "query", str(database), "select 1"]
    for command in timed.values():
        wall_time(command)  # warm up: the files in the page cache
    samples: dict[str, list[float]] = {name: [] for name in [*timed, FIRST_IMPORT]}
    with tempfile.TemporaryDirectory() as folder:

        def first_import(run: int) -> list[str]:
            return [archive, "--db", f"{folder}/new-{run}.db", "import", str(SEED_FILE)]

        wall_time(first_import(-1))
        for run in range(runs):
            for name, command in timed.items():
                samples[name].append(wall_time(command))
            samples[FIRST_IMPORT].append(wall_time(first_import(run)))
    return {name: statistics.median(times) * 1000 for name, times in samples.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database", type=Path, help="an archive database")
    parser.add_argument("--runs", type=int, default=10, help="runs of each command")
    parser.add_argument("--json", type=Path, help="also save the medians here")
    arguments = parser.parse_args()
    medians = measure(arguments.database, arguments.runs)
    baseline = medians["sqlite-utils"]
    print(f"{'command':16} {'p50 ms':>8} {'ratio':>6}")
    for name, median in medians.items():
        print(f"{name:16} {median:8.0f} {median / baseline:6.2f}")
    if arguments.json:
        arguments.json.write_text(json.dumps(medians, indent=2) + "\n")


if __name__ == "__main__":
    main()
