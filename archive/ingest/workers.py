"""Preparing files on other cores, in order, with a bounded number in flight.

The writer reads and hashes each file, hands the new ones to worker processes
in chunks, and takes the results back in input order. At most ``window``
chunks are in flight, so memory stays flat however many files there are.
Small imports never start a process: up to ``START_AFTER`` files are
prepared in the writer itself.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice
from typing import Any, Protocol, TypeVar

from archive.errors import WorkerFailed
from archive.ingest.prepare import Context, Prepared, Rejection, prepare

CHUNK_SIZE = 32
"""Files per task sent to a worker."""

PARENT_CHECK_SECONDS = 0.5
"""How often a worker checks that the writer that started it is still alive."""

START_AFTER = 256
"""Imports of up to this many files are prepared in the writer, without worker processes."""


class Preparable(Protocol):
    """A file on its way: its bytes until prepared, then the result."""

    name: str
    base: str
    sha256: str | None
    data: bytes | None
    result: Any


T = TypeVar("T", bound=Preparable)


def default_workers() -> int:
    """One worker per core but one: the writer, with the full-text index, needs a core too."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, (cores or 1) - 1)


def lookahead(workers: int) -> int:
    """The most files that :func:`prepare_in_order` reads ahead of the one it yields."""
    return max(START_AFTER + 1, (_window(workers) + 2) * CHUNK_SIZE)


def _window(workers: int) -> int:
    return 2 * max(1, workers)


def prepare_in_order(
    steps: Iterable[T], context: Context, workers: int
) -> Generator[T, None, None]:
    """``steps`` in the same order, each with ``data`` prepared into ``result``.

    ``workers`` 0 prepares everything in this process.
    """
    pending: deque[tuple[list[T], Future[list[Prepared | Rejection]] | None]] = deque()
    window = _window(workers)
    chunk: list[T] = []
    # Read ahead first: a small import is prepared here, without starting processes,
    # and a large one entirely in the workers, so that this process stays small.
    steps = iter(steps)
    head = list(islice(steps, START_AFTER + 1))
    large = len(head) > START_AFTER
    pool = _start_pool(workers, context) if workers > 0 and large else None
    try:
        for step in chain(head, steps):
            chunk.append(step)
            if len(chunk) < CHUNK_SIZE:
                continue
            pending.append((chunk, _submit(pool, chunk, context)))
            chunk = []
            while len(pending) > window:
                yield from _collect(*pending.popleft())
        if chunk:
            pending.append((chunk, _submit(pool, chunk, context)))
        while pending:
            yield from _collect(*pending.popleft())
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def _start_pool(workers: int, context: Context) -> ProcessPoolExecutor:
    # Fork where it is safe (Linux): workers start at once with the modules loaded, and
    # a caller's script is not imported again, as spawn would (it needs a __main__ guard).
    # The workers touch none of the writer's connections, locks or threads.
    method = "fork" if sys.platform == "linux" else "spawn"
    return ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context(method),
        initializer=_start_worker,
        initargs=(context,),
    )


def _submit(
    pool: ProcessPoolExecutor | None, chunk: list[T], context: Context
) -> Future[list[Prepared | Rejection]] | None:
    """Send the chunk's unprepared files to a worker; None when there is nothing to send."""
    jobs: list[_Job] = [
        (step.name, step.base, step.data, step.sha256 or "")
        for step in chunk
        if step.data is not None
    ]
    if not jobs:
        return None
    if pool is None:
        done: Future[list[Prepared | Rejection]] = Future()
        done.set_result(_prepare_all(jobs, context))
        return done
    # A worker that died makes the pool refuse new work as well as fail what it held.
    try:
        return pool.submit(_prepare_in_worker, jobs)
    except BrokenProcessPool:
        raise _worker_failed() from None


def _collect(chunk: list[T], future: Future[list[Prepared | Rejection]] | None) -> Iterator[T]:
    try:
        results = iter(future.result()) if future is not None else iter(())
    except BrokenProcessPool:
        raise _worker_failed() from None
    for step in chunk:
        if step.data is not None:
            step.result = next(results)
            step.data = None
        yield step


def _worker_failed() -> WorkerFailed:
    return WorkerFailed(
        "a worker process died (killed, or out of memory); what was imported is saved - "
        "run the same import again, or with --workers 0"
    )


_Job = tuple[str, str, bytes, str]
"""A file to prepare: its name as shown, its file name, its bytes and their sha256."""
_context: Context | None = None


def _start_worker(context: Context) -> None:
    global _context
    _context = context
    # Ctrl-C is the writer's to handle: it finishes the batch, then stops the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A writer that is killed cannot stop its workers: they stop themselves.
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)


def _prepare_in_worker(jobs: list[_Job]) -> list[Prepared | Rejection]:
    assert _context is not None
    return _prepare_all(jobs, _context)


def _prepare_all(jobs: list[_Job], context: Context) -> list[Prepared | Rejection]:
    return [_prepare_one(*job, context) for job in jobs]


def _prepare_one(
    name: str, base: str, data: bytes, sha256: str, context: Context
) -> Prepared | Rejection:
    try:
        return prepare(name, base, data, sha256, context)
    except Exception as error:  # a bug must not stop an import of a million files
        return Rejection(
            "internal_error",
            f"archive failed on this file ({type(error).__name__}: {error}); "
            "please report it with the file",
        )
