"""Commands load only what they use: help loads no SQLAlchemy, and reading loads no ORM.

Each command runs in a fresh Python, which lists the modules it loaded as it exits.
These tests check which modules, never how long: the speed itself is measured by
``python -m benchmarks.startup``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import Engine

from tests.conftest import ROOT

RUN_AND_LIST_MODULES = """
import atexit, json, sys

def list_modules(listing):
    with open(listing, "w") as stream:
        json.dump(sorted(sys.modules), stream)

atexit.register(list_modules, sys.argv[1])
sys.argv = ["archive", *sys.argv[2:]]
from archive.cli import main
main()
"""

NEVER_FOR_READING = (
    "sqlalchemy.orm",
    "alembic",
    "archive.ingest",
    "archive.store.models",
    "archive.store.documents",
    "archive.store.maintenance",
    "archive.store.runs",
)
"""Packages and modules that no command that only reads needs (with their submodules)."""


def loaded_modules(tmp_path: Path, *args: str) -> set[str]:
    """The modules that ``archive ARGS`` loaded, after checking that it succeeded."""
    listing = tmp_path / "modules.json"
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", RUN_AND_LIST_MODULES, str(listing), *args],
        capture_output=True,
        env=environment,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout
    return set(json.loads(listing.read_text()))


def under(modules: set[str], *packages: str) -> list[str]:
    """The modules that are one of ``packages`` or inside one."""
    return sorted(
        name for name in modules if any(name == p or name.startswith(f"{p}.") for p in packages)
    )


@pytest.mark.parametrize("args", [["--help"], ["search", "--help"], ["db", "--help"]])
def test_help_loads_no_sqlalchemy_and_no_library_code(tmp_path: Path, args: list[str]) -> None:
    modules = loaded_modules(tmp_path, *args)
    assert under(modules, "sqlalchemy", "alembic", "rich", "archive.ingest", "archive.store") == []


@pytest.mark.parametrize(
    "args",
    [
        ["search", "lavrov", "--format", "json"],
        ["search", "--from", "2024-06", "--format", "jsonl"],
        ["search", "ultimatum", "--count"],
        ["show", "1"],
        ["show", "1", "--format", "json"],
        ["sources", "--format", "csv"],
        ["stats", "--by", "year", "--format", "json"],
        ["export", "-", "--format", "jsonl"],
    ],
    ids=" ".join,
)
def test_reading_loads_sqlalchemy_core_only(
    seeded: Engine, tmp_path: Path, args: list[str]
) -> None:
    modules = loaded_modules(tmp_path, *args)
    assert "sqlalchemy" in modules
    assert under(modules, *NEVER_FOR_READING) == []
    assert under(modules, "rich") == []  # no table printed


@pytest.mark.parametrize("args", [["search", "lavrov"], ["sources"], ["stats"]], ids=" ".join)
def test_a_table_loads_rich_and_still_no_orm(
    seeded: Engine, tmp_path: Path, args: list[str]
) -> None:
    modules = loaded_modules(tmp_path, *args)
    assert "rich.table" in modules
    assert under(modules, *NEVER_FOR_READING) == []
