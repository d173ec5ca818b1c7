"""Time ``archive import`` against the baseline loader on the same corpus.

    python -m benchmarks.imports CORPUS [--runs 3] [--work DIR] [--json OUT]

Runs the baseline (``benchmarks.baseline``) and ``archive import`` one after
the other, ``--runs`` times each, alternating, each into a new database, and
then re-imports the unchanged corpus into the archive's last database, with
and without ``--verify``. With ``--one-worker``, one more import runs with
``--workers 1``, to show how the import scales with cores (the default is
one worker per core). Reports median wall time, the ratio
archive/baseline, documents per second, peak memory and database size
against the input's bytes.

Peak memory is given two ways: the largest single process (the OS's max RSS,
from ``getrusage``) and the largest sum over the whole process tree (the
writer and its workers), sampled every 50 ms from ``/proc``. The tree's sum
is given in RSS, which counts the pages that forked workers share with the
writer once in each, and in PSS, which shares them out.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass
class Run:
    """One timed command."""

    name: str
    seconds: float
    max_rss_mb: float
    """The largest resident size of any one process of the run."""
    tree_rss_mb: float
    """The largest resident size of the whole process tree at one time (sampled)."""
    tree_pss_mb: float = 0.0
    """The same in proportional set size: shared pages counted once over the tree."""


def input_bytes(corpus: Path) -> tuple[int, int]:
    """The number of files under ``corpus`` and their total size."""
    files = size = 0
    for folder, _, names in os.walk(corpus):
        for name in names:
            files += 1
            size += os.lstat(os.path.join(folder, name)).st_size
    return files, size


def _tree_rss_kb(pid: int, measure: Callable[[int], int] | None = None) -> int:
    """Resident kB of ``pid`` and all its descendants, read from /proc."""
    measure = measure or _rss_kb
    total = 0
    pending = [pid]
    while pending:
        current = pending.pop()
        total += measure(current)
        try:
            with open(f"/proc/{current}/task/{current}/children") as children:
                pending.extend(int(child) for child in children.read().split())
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total


# Runs a command and prints the largest resident size of any process in its tree:
# a fresh process, so that RUSAGE_CHILDREN holds only that command's processes.
_MAX_RSS = (
    "import resource, subprocess, sys\n"
    "code = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
    "sys.exit(code)"
)


def timed(name: str, command: list[str]) -> Run:
    """Run ``command`` and measure its wall time and memory."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", _MAX_RSS, *command],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    peak = peak_pss = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak, peak_pss
        while not done.is_set():
            # The wrapper's own few MB are left out: only its children count.
            peak = max(peak, _tree_rss_kb(process.pid) - _rss_kb(process.pid))
            peak_pss = max(peak_pss, _tree_rss_kb(process.pid, _pss_kb) - _pss_kb(process.pid))
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, stderr = process.communicate()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    lines = stderr.decode().strip().splitlines()
    if process.returncode not in (0, 3):  # 3: some files rejected, the rest stored
        sys.exit(f"{name} failed ({process.returncode}): {stderr.decode()[-2000:]}")
    return Run(name, seconds, int(lines[-1]) / 1024, peak / 1024, peak_pss / 1024)


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except FileNotFoundError:
        pass
    return 0


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        pass
    return 0


def database_size(path: Path) -> int:
    return sum(
        os.path.getsize(f"{path}{suffix}")
        for suffix in ("", "-wal")
        if os.path.exists(f"{path}{suffix}")
    )


def originals_size(path: Path) -> int:
    """Bytes of stored originals (compressed) in the archive's database."""
    connection = sqlite3.connect(path)
    total = connection.execute(
        "SELECT (SELECT coalesce(sum(length(original)), 0) FROM documents)"
        " + (SELECT coalesce(sum(length(original)), 0) FROM document_versions)"
    ).fetchone()[0]
    connection.close()
    return int(total)


def document_count(path: Path, table: str) -> int:
    connection = sqlite3.connect(path)
    count = connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    connection.close()
    return int(count)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--work", type=Path, help="folder for baseline.db and archive.db (default: a new temp)"
    )
    parser.add_argument("--json", type=Path, help="also write the results here as JSON")
    parser.add_argument("--keep", action="store_true", help="keep the last databases")
    parser.add_argument(
        "--one-worker", action="store_true", help="also time one import with --workers 1"
    )
    arguments = parser.parse_args()
    if arguments.work is not None:
        arguments.work.mkdir(parents=True, exist_ok=True)
        work = arguments.work
    else:
        work = Path(tempfile.mkdtemp(prefix="import-bench-"))
    files, size = input_bytes(arguments.corpus)
    print(f"corpus: {files:,} files, {size / 1e6:,.0f} MB; {os.cpu_count()} cores", flush=True)

    baseline_runs: list[Run] = []
    archive_runs: list[Run] = []
    baseline_db = work / "baseline.db"
    archive_db = work / "archive.db"
    for number in range(1, arguments.runs + 1):
        for path in (baseline_db, archive_db):
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        baseline = [sys.executable, "-m", "benchmarks.baseline", str(arguments.corpus)]
        baseline_runs.append(timed("baseline", [*baseline, str(baseline_db)]))
        archive = [sys.executable, "-m", "archive", "--db", str(archive_db), "import"]
        archive_runs.append(timed("archive", [*archive, str(arguments.corpus)]))
        print(
            f"run {number}: baseline {baseline_runs[-1].seconds:.1f} s, "
            f"archive {archive_runs[-1].seconds:.1f} s",
            flush=True,
        )
    one_worker = None
    if arguments.one_worker:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{archive_db}{suffix}").unlink(missing_ok=True)
        one_worker = timed("one worker", [*archive, "--workers", "1", str(arguments.corpus)])
        print(f"archive with one worker: {one_worker.seconds:.1f} s", flush=True)
    reimport = timed("re-import", [*archive, str(arguments.corpus)])
    verify = timed("re-import --verify", [*archive, "--verify", str(arguments.corpus)])

    baseline_median = statistics.median(run.seconds for run in baseline_runs)
    archive_median = statistics.median(run.seconds for run in archive_runs)
    documents = document_count(archive_db, "documents")
    archive_size = database_size(archive_db)
    originals = originals_size(archive_db)
    results = {
        "files": files,
        "input_bytes": size,
        "cores": os.cpu_count(),
        "one_worker_docs_per_s": files / one_worker.seconds if one_worker else None,
        "baseline": [asdict(run) for run in baseline_runs],
        "archive": [asdict(run) for run in archive_runs],
        "baseline_median_s": baseline_median,
        "archive_median_s": archive_median,
        "ratio": archive_median / baseline_median,
        "archive_docs_per_s": files / archive_median,
        "baseline_docs_per_s": files / baseline_median,
        "documents": documents,
        "reimport_s": reimport.seconds,
        "reimport_ratio": reimport.seconds / archive_median,
        "verify_s": verify.seconds,
        "verify_ratio": verify.seconds / archive_median,
        "archive_max_rss_mb": max(run.max_rss_mb for run in archive_runs),
        "archive_tree_rss_mb": max(run.tree_rss_mb for run in archive_runs),
        "archive_tree_pss_mb": max(run.tree_pss_mb for run in archive_runs),
        "baseline_max_rss_mb": max(run.max_rss_mb for run in baseline_runs),
        "archive_db_bytes": archive_size,
        "archive_db_ratio": archive_size / size,
        "archive_db_without_originals_ratio": (archive_size - originals) / size,
        "baseline_db_bytes": database_size(baseline_db),
        "baseline_db_ratio": database_size(baseline_db) / size,
    }
    print(json.dumps(results, indent=2))
    if arguments.json:
        arguments.json.write_text(json.dumps(results, indent=2) + "\n")
    if not arguments.keep:
        for path in (baseline_db, archive_db):
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        if arguments.work is None:
            shutil.rmtree(work)


if __name__ == "__main__":
    main()
