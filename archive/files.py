"""Writing files whole or not at all: a temporary file renamed into place."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from archive.errors import ExportError


@contextmanager
def atomic_path(path: Path, force: bool) -> Iterator[Path]:
    """A temporary path that replaces ``path`` once the block has written it completely.

    Refuses a symlink at ``path`` (it is never written through), and an
    existing file unless ``force``. The temporary file is created empty,
    readable by its owner only, in the same folder.
    """
    if path.is_symlink():
        raise ExportError(f"{path} is a symlink; it is never written through - name another file")
    if path.exists() and not force:
        raise ExportError(f"{path} exists - use --force to replace it")
    if path.exists() and not path.is_file():
        raise ExportError(f"{path} is not a regular file")
    folder = path.parent
    if not folder.is_dir():
        raise ExportError(f"cannot write {path}: the folder {folder} does not exist")
    handle, name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


@contextmanager
def atomic_output(path: Path, force: bool) -> Iterator[BinaryIO]:
    """A binary file that replaces ``path`` only once it is completely written (see atomic_path)."""
    with atomic_path(path, force) as temporary, open(temporary, "wb") as stream:
        yield stream
        stream.flush()
        os.fsync(stream.fileno())
