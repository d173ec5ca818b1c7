"""Record what every command prints, to check that a change of code left behaviour alone.

    python -m benchmarks.outputs record WORK OUT.json [-n 2000]
    python -m benchmarks.outputs compare WORK OLD.json [-n 2000]

Imports ``seeds/`` and a synthetic corpus of N articles into fresh archives
under WORK, runs every command with its formats, sorts and filters, and
saves each one's exit status, stdout and stderr. ``compare`` runs the same
commands again and lists every command whose output differs. Times and the
work folder's path are replaced by placeholders, so two runs of the same code
give the same file; use the same WORK for both, since a longer path widens
the tables that show it.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:[+-]\d\d:\d\d|Z)?")
_SECONDS = re.compile(r"\b\d+(?:\.\d+)? ?(?:s|ms|seconds)\b")

QUERIES = [
    [],
    ["ultimatum"],
    ['"foreign minister"'],
    ["lavrov OR harbour"],
    ["title:harbour"],
    ["minist*", "--sort", "newest"],
    ["the", "--sort", "oldest", "--limit", "5"],
    ["--from", "2024-06", "--to", "2024-06"],
    ["--source", "unknown"],
    ["--source", "sputnikglobe.com", "--lang", "en"],
    ["nosuchwordanywhere"],
]
"""Searches run on every archive, in every format."""


def commands(archive: Path, inputs: Path, count: int) -> list[list[str]]:
    """Every command to run against ``archive``, in order; the first imports ``inputs``."""
    database = ["--db", str(archive)]
    run = [
        [*database, "import", str(inputs), "--workers", "0"],
        [*database, "import", str(inputs), "--json", "--workers", "0"],
        [*database, "import", "--rejected"],
        [*database, "import", "--rejected", "1", "--json"],
        [*database, "import", "--skipped"],
    ]
    for query in QUERIES:
        for output_format in ("table", "json", "jsonl", "csv", "ids"):
            run.append([*database, "search", *query, "--format", output_format])
        run.append([*database, "search", *query, "--count"])
    for document_id in range(1, min(count, 40) + 1):
        run.append([*database, "show", str(document_id)])
        run.append([*database, "show", str(document_id), "--format", "json"])
    for output_format in ("table", "json", "jsonl", "csv"):
        run.append([*database, "sources", "--format", output_format])
        for by in ("day", "week", "month", "year"):
            run.append([*database, "stats", "--by", by, "--format", output_format])
        run.append([*database, "stats", "--total", "--from", "2024", "--format", output_format])
        run.append([*database, "stats", "minister", "--format", output_format])
    for output_format in ("jsonl", "csv"):
        run.append([*database, "export", "-", "--format", output_format])
        run.append([*database, "export", "-", "ultimatum", "--format", output_format])
    run += [[*database, "db", "current"], [*database, "db", "check"]]
    for command in ("", "import", "search", "show", "sources", "stats", "export", "db"):
        run.append([*command.split(), "--help"])
    return run


def record(work: Path, size: int) -> dict[str, dict[str, object]]:
    """Run every command on fresh archives of seeds/ and a corpus; their outputs by command."""
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    corpus = work / "corpus"
    subprocess.run(
        [sys.executable, "-m", "benchmarks.corpus", str(corpus), "-n", str(size)],
        check=True,
        capture_output=True,
    )
    results: dict[str, dict[str, object]] = {}
    for name, inputs, count in (("seeds", ROOT / "seeds", 31), ("corpus", corpus, size)):
        archive = work / f"{name}.db"
        for command in commands(archive, inputs, count):
            done = subprocess.run(
                [sys.executable, "-m", "archive", *command],
                capture_output=True,
                text=True,
                env={"COLUMNS": "160", "PATH": "/usr/bin:/bin", "HOME": str(work)},
                cwd=work,
            )
            key = " ".join(command).replace(str(work), "WORK").replace(str(ROOT), "ROOT")
            results[key] = {
                "exit": done.returncode,
                "stdout": _normal(done.stdout, work),
                "stderr": _normal(done.stderr, work),
            }
    return results


def _normal(text: str, work: Path) -> str:
    text = text.replace(str(work), "WORK").replace(str(ROOT), "ROOT")
    return _SECONDS.sub("N s", _TIMESTAMP.sub("TIME", text))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["record", "compare"])
    parser.add_argument("work", type=Path, help="a scratch folder, emptied first")
    parser.add_argument("outputs", type=Path, help="the recorded outputs (JSON)")
    parser.add_argument("-n", type=int, default=2000, help="articles in the synthetic corpus")
    arguments = parser.parse_args()
    results = record(arguments.work, arguments.n)
    if arguments.action == "record":
        arguments.outputs.write_text(json.dumps(results, ensure_ascii=False, indent=1))
        print(f"recorded {len(results)} commands in {arguments.outputs}")
        return
    recorded = json.loads(arguments.outputs.read_text())
    differ = [
        key for key in recorded.keys() | results.keys() if recorded.get(key) != results.get(key)
    ]
    for key in sorted(differ):
        print(f"differs: archive {key}")
    print(f"{len(results) - len(differ)} of {len(results)} commands give the same output")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
