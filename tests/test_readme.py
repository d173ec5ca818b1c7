"""The README's promises: its commands run, its SQL works, every command has help."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import typer
from sqlalchemy import Engine
from typer.testing import CliRunner

from archive.cli import app
from tests.conftest import ROOT, SEED_TITLE, SEEDS, invoke, sql

README = (ROOT / "README.md").read_text()


def code_blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.DOTALL)


def quickstart_commands() -> list[str]:
    section = README.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", section, re.DOTALL)]


def test_quickstart_has_exactly_two_commands() -> None:
    commands = quickstart_commands()
    assert len(commands) == 2
    assert all("\n" not in command for command in commands)
    assert commands[0].startswith("pip install . && archive import seeds/")


def test_ci_runs_exactly_the_readme_test_command() -> None:
    test_command = quickstart_commands()[1]
    ci_lines = (ROOT / ".ci" / "run").read_text().splitlines()
    assert ci_lines[-1] == test_command


@pytest.mark.skipif(shutil.which("archive") is None, reason="the archive command is not installed")
def test_quickstart_archive_commands_run(tmp_path: Path) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    archive_part = quickstart_commands()[0].split(" && ", 1)[1]
    environment = {key: value for key, value in os.environ.items() if key != "ARCHIVE_DB"}
    result = subprocess.run(
        archive_part, shell=True, cwd=tmp_path, env=environment, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert SEED_TITLE in result.stdout
    assert (tmp_path / "archive.db").exists()


POSTGRESQL_SEARCH = """
SELECT id, title FROM documents
WHERE to_tsvector('archive_words', title || ' ' || body)
      @@ phraseto_tsquery('archive_words', 'foreign minister')
ORDER BY id LIMIT 10
"""
"""The full-text example of the README as PostgreSQL writes it (README, "PostgreSQL")."""


def test_readme_sql_examples(seeded: Engine, database_url: str, backend: str) -> None:
    examples = code_blocks("sql")
    assert len(examples) == 6
    if backend == "postgresql":  # FTS5's MATCH is SQLite's own; the rest is plain SQL
        examples[4] = POSTGRESQL_SEARCH
    results = [sql(database_url, example) for example in examples]
    assert results[0] == [("2024-06-24", SEED_TITLE)]
    assert results[1] == [("2024-01", 1), ("2024-02", 1), ("2024-03", 1), ("2024-06", 3),
                          ("2024-08", 1), ("2025-01", 2)]  # fmt: skip
    assert results[2][:2] == [("(unknown)", 10, "2019-11-04", "2024-06-03"),
                              ("dailyledger.com", 2, "2019-08-20", "2024-01-17")]  # fmt: skip
    assert [row[:3] for row in results[3]] == [
        (2, "Council approves £4.2m repairs to the harbour wall",
         "Council approves £4.2m repairs to the harbour wall"),
    ]  # fmt: skip
    assert results[4] == [(1, SEED_TITLE)]
    assert [(Path(row[0]).name, row[1]) for row in results[5]] == [
        ("003_7dc7248a113ff3ca.txt", "duplicate"),
        ("025_fc054e7457b73393.txt", "duplicate"),
    ]


def all_commands() -> list[list[str]]:
    group = typer.main.get_command(app)
    found = []

    def walk(command: object, path: list[str]) -> None:
        found.append(path)
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, [*path, name])

    walk(group, [])
    return found


@pytest.mark.parametrize("path", all_commands(), ids=lambda path: " ".join(path) or "archive")
def test_every_command_has_help(cli: CliRunner, path: list[str]) -> None:
    result = invoke(cli, *path, "--help")
    assert result.exit_code == 0
    description = result.output.split("\n\n")[1].strip()
    assert len(description) > 20, result.output


def test_every_command_is_in_the_readme() -> None:
    for path in all_commands()[1:]:
        assert f"archive {' '.join(path)}" in README, path
