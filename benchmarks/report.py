"""Write docs/benchmarks.md from the results that ``python -m benchmarks`` saved.

    python -m benchmarks.report WORK [docs/benchmarks.md]

Every ``import-N.json``, ``queries-N.json``, ``startup-N.json`` and
``stages-N.json`` in WORK becomes a section; the targets are checked against
the figures. What follows the line
``<!-- notes -->`` in an existing report is kept as it is.
"""

from __future__ import annotations

import json
import os
import platform
import sqlite3
import sys
from pathlib import Path
from typing import Any

NOTES_MARK = "<!-- notes -->"


def _machine() -> str:
    memory = "unknown"
    model = platform.processor() or "unknown"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 1024**2:.0f} GiB"
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{os.cpu_count()} cores ({model}), {memory} of memory, {platform.system()}; "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}"
    )


def _sizes(work: Path) -> list[int]:
    return sorted(int(path.stem.split("-")[1]) for path in work.glob("import-*.json"))


def _mark(met: bool) -> str:
    return "met" if met else "**not met**"


def _seconds(runs: list[dict[str, Any]]) -> str:
    return ", ".join(f"{run['seconds']:.1f}" for run in runs)


def _import_section(size: int, data: dict[str, Any]) -> list[str]:
    input_mb = data["input_bytes"] / 1e6
    runs = len(data["archive"])
    lines = [
        f"### Import, {size:,} articles ({input_mb:,.0f} MB, {data['files']:,} files, "
        f"{runs} run{'s' if runs > 1 else ''} of each, alternating)",
        "",
        "| loader | median wall | files/s | peak RSS, largest process | peak RSS, process tree "
        "| database / input |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
        f"| baseline (stdlib sqlite3) | {data['baseline_median_s']:.1f} s "
        f"| {data['baseline_docs_per_s']:,.0f} | {data['baseline_max_rss_mb']:.0f} MB "
        f"| {max(run['tree_rss_mb'] for run in data['baseline']):.0f} MB "
        f"| {data['baseline_db_ratio']:.2f} |",
        f"| `archive import` | {data['archive_median_s']:.1f} s "
        f"| {data['archive_docs_per_s']:,.0f} "
        f"| {data['archive_max_rss_mb']:.0f} MB | {data['archive_tree_rss_mb']:.0f} MB "
        f"| {data['archive_db_ratio']:.2f} ({data['archive_db_without_originals_ratio']:.2f} "
        "without originals) |",
        "",
        f"- archive / baseline: **{data['ratio']:.2f}**",
        *(
            [
                f"- files/s with {data['cores']} workers (the default, one per core): "
                f"{data['archive_docs_per_s']:,.0f}; with 1 worker: "
                f"{data['one_worker_docs_per_s']:,.0f}"
            ]
            if data.get("one_worker_docs_per_s")
            else []
        ),
        f"- each run (s): baseline {_seconds(data['baseline'])}; "
        f"archive {_seconds(data['archive'])}",
        f"- re-import of the unchanged corpus: {data['reimport_s']:.1f} s, "
        f"**{data['reimport_ratio']:.2f}** of the first import; with `--verify`: "
        f"{data['verify_s']:.1f} s ({data['verify_ratio']:.2f})",
        f"- archive: {data['documents']:,} documents stored; database "
        f"{data['archive_db_bytes'] / 1e9:.2f} GB; baseline "
        f"{data['baseline_db_bytes'] / 1e9:.2f} GB",
        "",
    ]
    return lines


def _queries_section(size: int, data: dict[str, Any]) -> list[str]:
    lines = [
        f"### Queries, {size:,} articles",
        "",
        f"Words: {data['words']}; share of documents: "
        + ", ".join(f"{name} {value:.2%}" for name, value in data["shares"].items()),
        "",
        "In-process: the library call that the command runs, against the same query written "
        "by hand in SQL on the baseline's database (ms).",
        "",
        "| query | archive p50 | p95 | raw SQL p50 | p95 | archive / raw |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in data["in_process"]:
        ours, raw = row["archive"], row["raw"]
        lines.append(
            f"| {row['query'].strip()} | {ours['p50']:.1f} | {ours['p95']:.1f} "
            f"| {raw['p50']:.1f} | {raw['p95']:.1f} | {row['ratio']:.2f} |"
        )
    if data["cli"]:
        lines += [
            "",
            "Command line: wall time of `archive ...` against `sqlite-utils query` running the "
            "same SQL on the archive's file (ms).",
            "",
            "| command | archive p50 | p95 | sqlite-utils p50 | p95 | ratio |",
            "| --- | ---: | ---: | ---: | ---: | ---: |",
        ]
        for row in data["cli"]:
            ours, theirs = row["archive"], row["sqlite_utils"]
            lines.append(
                f"| {row['query']} | {ours['p50']:.0f} | {ours['p95']:.0f} "
                f"| {theirs['p50']:.0f} | {theirs['p95']:.0f} | {row['ratio']:.2f} |"
            )
    lines.append("")
    return lines


def _startup_section(size: int, data: dict[str, float]) -> list[str]:
    baseline = data["sqlite-utils"]
    lines = [
        f"### Start-up, on the {size:,}-article archive",
        "",
        'Wall time of each command, alternated with `sqlite-utils query DB "select 1"` (ms); '
        "`first import` creates a new archive from one seed file.",
        "",
        "| command | p50 | ratio to sqlite-utils |",
        "| --- | ---: | ---: |",
    ]
    for name, median in data.items():
        lines.append(f"| {name} | {median:.0f} | {median / baseline:.2f} |")
    return [*lines, ""]


def _stages_section(size: int, data: dict[str, Any]) -> list[str]:
    lines = [
        f"### Cost per article, first {data['files']:,} files of the {size:,} corpus",
        "",
        "In-process, one core (ms per article): each preparing stage on its own, `prepare` "
        "whole, and the writer with preparing done beforehand.",
        "",
        "| stage | ms/article |",
        "| --- | ---: |",
    ]
    for name, value in data.items():
        if name != "files":
            lines.append(f"| {name} | {value:.3f} |")
    return [*lines, ""]


def _targets(
    imports: dict[int, Any],
    queries: dict[int, Any],
    startups: dict[int, Any],
    stages: dict[int, Any],
) -> list[str]:
    lines = ["## Targets", "", "| target | figure | |", "| --- | --- | --- |"]

    def add(name: str, figure: str, met: bool) -> None:
        lines.append(f"| {name} | {figure} | {_mark(met)} |")

    for size, data in imports.items():
        limit = 1.0 if size < 1_000_000 else 0.6
        add(
            f"import {size:,}: ≤ {limit} × baseline",
            f"{data['ratio']:.2f} ×",
            data["ratio"] <= limit,
        )
        add(
            f"import {size:,}: peak RSS ≤ 200 MB (largest process)",
            f"{data['archive_max_rss_mb']:.0f} MB (tree {data['archive_tree_rss_mb']:.0f} MB)",
            data["archive_max_rss_mb"] <= 200,
        )
        add(
            f"import {size:,}: peak RSS ≤ 350 MB (process tree)",
            f"{data['archive_tree_rss_mb']:.0f} MB"
            + (
                f" (PSS, shared pages counted once: {data['archive_tree_pss_mb']:.0f} MB)"
                if data.get("archive_tree_pss_mb")
                else ""
            ),
            data["archive_tree_rss_mb"] <= 350,
        )
        add(
            f"re-import {size:,}: ≤ 0.3 × first import",
            f"{data['reimport_ratio']:.2f} ×",
            data["reimport_ratio"] <= 0.3,
        )
        add(
            f"database {size:,}: ≤ 2.0 × input with originals",
            f"{data['archive_db_ratio']:.2f} ×",
            data["archive_db_ratio"] <= 2.0,
        )
        add(
            f"database {size:,}: ≤ 1.55 × input without originals",
            f"{data['archive_db_without_originals_ratio']:.2f} × "
            f"(baseline {data['baseline_db_ratio']:.2f} ×)",
            data["archive_db_without_originals_ratio"] <= 1.55,
        )
    for size, data in queries.items():
        for row in data["in_process"]:
            name, p50 = row["query"].strip(), row["archive"]["p50"]
            if name.startswith(("date range", "source + date")):
                add(f"{size:,}: {name} ≤ 5 ms", f"{p50:.1f} ms", p50 <= 5)
            elif name.startswith("count,"):
                add(f"{size:,}: {name} ≤ 10 ms", f"{p50:.1f} ms", p50 <= 10)
            elif name.startswith("counts by month"):
                add(
                    f"{size:,}: stats by month ≤ 0.5 × raw",
                    f"{row['ratio']:.2f} ×",
                    row["ratio"] <= 0.5,
                )
            elif name.startswith("FTS newest"):
                add(f"{size:,}: {name} ≤ 100 ms", f"{p50:.1f} ms", p50 <= 100)
            elif "common word" in name and name.startswith("FTS top 20"):
                add(f"{size:,}: {name} ≤ 300 ms", f"{p50:.1f} ms", p50 <= 300)
            elif name.startswith("FTS"):
                add(
                    f"{size:,}: {name} ≤ 1.2 × raw FTS5",
                    f"{row['ratio']:.2f} ×",
                    row["ratio"] <= 1.2,
                )
        for row in data["cli"]:
            add(
                f"{size:,}: CLI {row['query']} ≤ 1.5 × sqlite-utils",
                f"{row['ratio']:.2f} ×",
                row["ratio"] <= 1.5,
            )
    for size, data in stages.items():
        add(f"{size:,}: writer ≤ 0.3 ms/article", f"{data['writer']:.3f} ms", data["writer"] <= 0.3)
        add(
            f"{size:,}: preparing ≤ 0.3 ms/article, one core",
            f"{data['prepare']:.3f} ms",
            data["prepare"] <= 0.3,
        )
    for size, data in startups.items():
        baseline = data["sqlite-utils"]
        add(
            f"{size:,}: `archive --help` ≤ 250 ms",
            f"{data['--help']:.0f} ms",
            data["--help"] <= 250,
        )
        add(
            f"{size:,}: first import of one file ≤ 600 ms",
            f"{data['first import']:.0f} ms",
            data["first import"] <= 600,
        )
        for name in ("search WORD", "search --from", "show 1", "sources", "stats"):
            ratio = data[name] / baseline
            add(f"{size:,}: `{name}` starts ≤ 1.5 × sqlite-utils", f"{ratio:.2f} ×", ratio <= 1.5)
    lines.append("")
    return lines


def _results(work: Path, kind: str, sizes: list[int]) -> dict[int, Any]:
    return {
        size: json.loads((work / f"{kind}-{size}.json").read_text())
        for size in sizes
        if (work / f"{kind}-{size}.json").exists()
    }


def write_report(work: Path, report: Path) -> None:
    imports = {
        size: json.loads((work / f"import-{size}.json").read_text()) for size in _sizes(work)
    }
    queries = _results(work, "queries", list(imports))
    startups = _results(work, "startup", list(imports))
    stages = _results(work, "stages", list(imports))
    notes = ""
    if report.exists() and NOTES_MARK in report.read_text():
        notes = report.read_text().split(NOTES_MARK, 1)[1]
    lines = [
        "# Benchmarks",
        "",
        f"Measured on {_machine()}.",
        "",
        "Reproduce with `python -m benchmarks WORK -n 100000` and "
        "`python -m benchmarks WORK -n 1000000 --runs 1` (see `benchmarks/README.md`). "
        "The corpus is synthetic (`python -m benchmarks.corpus`); the baseline is "
        "`benchmarks/baseline.py`, a minimal stdlib sqlite3 loader.",
        "",
        "## Results",
        "",
    ]
    for size in imports:
        lines += _import_section(size, imports[size])
        if size in queries:
            lines += _queries_section(size, queries[size])
        if size in startups:
            lines += _startup_section(size, startups[size])
        if size in stages:
            lines += _stages_section(size, stages[size])
    lines += _targets(imports, queries, startups, stages)
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text("\n".join(lines) + "\n" + NOTES_MARK + (notes or "\n"))


def main() -> None:
    work = Path(sys.argv[1])
    report = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("docs/benchmarks.md")
    write_report(work, report)
    print(f"wrote {report}")


if __name__ == "__main__":
    main()
