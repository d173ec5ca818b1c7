"""What an article costs in each stage of an import, measured in-process.

    python -m benchmarks.stages CORPUS [-n 20000] [--json OUT]

Preparing: the first N files of CORPUS (sorted), each stage timed on its
own over all of them, then :func:`archive.ingest.prepare.prepare` whole,
on one core. Writer: the same files imported into a new archive with the
preparing done beforehand, so that what is timed is what the single
writer process does: read and hash each file, store the documents, the
full-text index and the counts, and log every file. Both are reported in
milliseconds per article.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import tempfile
import time
import zlib
from collections.abc import Callable, Generator, Iterable
from pathlib import Path
from typing import Any
from unittest import mock

from archive.ingest import importer
from archive.ingest.clean import clean_article
from archive.ingest.decode import decode
from archive.ingest.inputs import InputFile, display_path
from archive.ingest.metadata import detect_language
from archive.ingest.parse import parse_article
from archive.ingest.prepare import Context, Prepared, Rejection, prepare
from archive.store.engine import open_database


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("-n", type=int, default=20_000, help="files to measure")
    parser.add_argument("--json", type=Path, help="also save the figures here")
    arguments = parser.parse_args()
    files = sorted(path for path in arguments.corpus.rglob("*") if path.is_file())
    files = files[: arguments.n]
    datas = [path.read_bytes() for path in files]
    figures = {"files": len(files), **preparing(files, datas), **writing(files, datas)}
    for name, value in figures.items():
        shown = f"{value:.3f} ms/article" if isinstance(value, float) else value
        print(f"{name:>20}  {shown}")
    if arguments.json:
        arguments.json.write_text(json.dumps(figures, indent=2) + "\n")


def preparing(files: list[Path], datas: list[bytes]) -> dict[str, float]:
    """Milliseconds per article for each stage of preparing, and for all of it."""
    texts = [_or_none(decode, data) for data in datas]
    parsed = [_or_none(parse_article, text.text) if text else None for text in texts]
    articles = [article for article in parsed if article is not None]
    cleaned = [clean_article(article.title, article.body) for article in articles]
    context = Context(today=dt.date.today())
    shas = [hashlib.sha256(data).hexdigest() for data in datas]
    count = len(datas)
    stages: dict[str, Callable[[], object]] = {
        "sha256": lambda: [hashlib.sha256(data).digest() for data in datas],
        "decode": lambda: [_or_none(decode, data) for data in datas],
        "parse": lambda: [_or_none(parse_article, text.text) for text in texts if text],
        "clean": lambda: [clean_article(a.title, a.body) for a in articles],
        "language": lambda: [detect_language(c.title, c.body) for c in cleaned],
        "compress": lambda: [zlib.compress(data) for data in datas],
        "prepare": lambda: [
            prepare(display_path(path), path.name, data, sha, context)
            for path, data, sha in zip(files, datas, shas, strict=True)
        ],
    }
    return {name: _per_article(run, count) for name, run in stages.items()}


def writing(files: list[Path], datas: list[bytes]) -> dict[str, float]:
    """Milliseconds per article that the writer spends, with preparing done beforehand."""
    context = Context(today=dt.date.today())
    prepared: dict[str, Prepared | Rejection] = {}
    for path, data in zip(files, datas, strict=True):
        name = display_path(path)
        prepared[name] = prepare(name, path.name, data, hashlib.sha256(data).hexdigest(), context)

    def already_prepared(
        steps: Iterable[Any], context: Context, workers: int, *, batch: int = 0
    ) -> Generator[Any, None, None]:
        for step in steps:
            if step.data is not None:
                step.result, step.data = prepared[step.name], None
            yield step

    with tempfile.TemporaryDirectory() as folder:
        engine = open_database(f"sqlite:///{folder}/archive.db", create=True)
        inputs: list[InputFile] = list(files)
        with mock.patch.object(importer, "prepare_in_order", already_prepared):
            start = time.perf_counter()
            importer.import_files(engine, inputs, importer.ImportOptions(workers=0))
            seconds = time.perf_counter() - start
        engine.dispose()
    return {"writer": seconds * 1000 / len(files)}


def _per_article(run: Callable[[], object], count: int) -> float:
    start = time.perf_counter()
    run()
    return (time.perf_counter() - start) * 1000 / count


def _or_none(function: Callable[[Any], Any], value: Any) -> Any:
    try:
        return function(value)
    except Exception:
        return None


if __name__ == "__main__":
    main()
