"""The package's layout shows its pipeline: layers that import only downwards, small modules."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "archive"

LAYERS = [
    # Shared values and helpers, used everywhere.
    {"errors", "dates", "urls", "escapes", "limits", "files", "version"},
    # The pure steps, each knowing nothing of the others but shared values.
    {
        "ingest.decode",
        "ingest.sentences",
        "ingest.metadata",
        "ingest.mapping",
        "ingest.archives",
        "ingest.minhash",
        "search.grammar",
    },  # fmt: skip
    {"ingest.parse", "ingest.clean", "ingest.enrich", "ingest.inputs"},
    # Their coordinator, and reading files.
    {"ingest.prepare", "ingest.reading", "ingest.workers"},
    # The database: tables, full-text search and the backends that hold it, a new schema,
    # engines, the ORM models on the tables, writing.
    {"store.tables", "search.fulltext.base", "search.fulltext"},
    {"search.fulltext.sqlite", "search.fulltext.postgresql", "backends.base", "backends.ddl"},
    {"backends", "backends.sqlite", "backends.postgresql"},
    {"store.schema", "store.engine"},
    {"store.models"},
    {"store.documents", "store.runs", "store.clusters", "ingest.known"},
    {"store.matching"},
    # What uses the database: importing, upkeep, and the read side.
    {"ingest.importer", "store.maintenance", "store.transfer", "search.filters"},
    {"search.articles", "search.sources"},
    {"search.documents", "search.stats", "search.export"},
    {"search.history", "search.duplicates", "search.plots"},
    # The browser front end (the web extra): Datasette's metadata, pages and plugin.
    {"web.metadata", "web.pages"},
    {"web.plugin"},
    {"web.app", "web"},
    # The command line, then the package's own front door.
    {"cli.formats.base"},
    {
        "cli.formats.table",
        "cli.formats.json",
        "cli.formats.jsonl",
        "cli.formats.csv",
        "cli.formats.ids",
        "cli.formats",
    },  # fmt: skip
    {"cli.app", "cli.output", "cli.options"},
    {
        "cli.browsing",
        "cli.database",
        "cli.exporting",
        "cli.history",
        "cli.importing",
        "cli.reports",
        "cli.serving",
    },  # fmt: skip
    {"cli.duplicates"},
    {"cli", "__main__", ""},
]
"""Every module of the package, lowest layer first ("" is archive/__init__.py)."""

PACKAGES = {"ingest", "store", "search", "web"}
"""Packages whose __init__ only says what it owns (cli's assembles the commands)."""

MAX_LINES = 400


def modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        name = ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
        found[name.removesuffix(".__init__").removesuffix("__init__")] = path
    return found


def imported(path: Path, name: str) -> set[str]:
    """The package's modules that ``path`` imports, at its top or inside functions."""
    found = set()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom):
            if node.level:  # from .app import app
                base = package.split(".") if package else []
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, node.module or ""]).strip(".")
            elif node.module and node.module.startswith("archive"):
                target = node.module.removeprefix("archive").lstrip(".")
            else:
                continue
            for alias in node.names:  # from archive.ingest import workers
                joined = f"{target}.{alias.name}".strip(".")
                found.add(joined if joined in modules() else target)
        elif isinstance(node, ast.Import):
            found |= {
                alias.name.removeprefix("archive").lstrip(".")
                for alias in node.names
                if alias.name.startswith("archive")
            }
    return {module for module in found if module in modules() and module != name}


def layer_of(name: str) -> int:
    for number, layer in enumerate(LAYERS):
        if name in layer:
            return number
    if name.startswith("migrations"):
        return -1
    raise AssertionError(f"archive/{name} is in no layer of tests/test_layout.py")


def test_every_module_has_a_layer_and_imports_only_downwards() -> None:
    wrong = []
    for name, path in modules().items():
        if name.startswith("migrations"):
            continue
        for target in imported(path, name):
            if name in PACKAGES:
                wrong.append(f"{name} (a package's __init__) imports {target}")
            elif layer_of(target) > layer_of(name):
                wrong.append(f"{name} (layer {layer_of(name)}) imports {target} (layer "
                             f"{layer_of(target)})")  # fmt: skip
    assert wrong == []


def test_the_import_graph_has_no_cycles() -> None:
    graph = {
        name: imported(path, name)
        for name, path in modules().items()
        if not name.startswith("migrations")
    }
    done: set[str] = set()

    def visit(name: str, trail: tuple[str, ...]) -> None:
        assert name not in trail, " -> ".join([*trail, name])
        if name in done:
            return
        for target in graph[name]:
            visit(target, (*trail, name))
        done.add(name)

    for name in graph:
        visit(name, ())


def test_no_module_is_over_400_lines() -> None:
    long = {
        str(path.relative_to(ROOT)): lines
        for path in PACKAGE.rglob("*.py")
        if (lines := len(path.read_text().splitlines())) > MAX_LINES
    }
    assert long == {}


def test_every_package_says_what_it_owns() -> None:
    for package in PACKAGES:
        docstring = ast.get_docstring(ast.parse((PACKAGE / package / "__init__.py").read_text()))
        assert docstring and docstring.split("\n")[0].endswith("."), package
