"""Help that reads well: whole command summaries, plain metavars, --version and completion."""

from __future__ import annotations

import re
from importlib.metadata import version

import pytest
import typer
from typer.testing import CliRunner

from archive.cli import app
from tests.conftest import invoke

PYTHON_TYPE = re.compile(r"<(str|int|float|bool|path|list\[.*?\]|[a-z_]+ range)>")
"""Typer's way of showing a parameter's Python type, which means nothing to a user."""


def all_commands() -> list[list[str]]:
    found: list[list[str]] = []

    def walk(command: object, path: list[str]) -> None:
        found.append(path)
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, [*path, name])

    walk(typer.main.get_command(app), [])
    return found


def section(help_text: str, title: str) -> list[str]:
    """The lines of one section of a help text, such as ``Commands:``."""
    if f"\n{title}:\n" not in help_text:
        return []
    return help_text.split(f"\n{title}:\n", 1)[1].split("\n\n", 1)[0].splitlines()


@pytest.mark.parametrize("path", all_commands(), ids=lambda path: " ".join(path) or "archive")
def test_help_lists_whole_summaries_and_plain_metavars(cli: CliRunner, path: list[str]) -> None:
    result = invoke(cli, *path, "--help")
    assert result.exit_code == 0
    for line in section(result.output, "Commands"):
        assert not line.rstrip().endswith(("...", "…")), line
    assert PYTHON_TYPE.search(result.output) is None, result.output


def test_arguments_show_their_metavars(cli: CliRunner) -> None:
    listed = section(invoke(cli, "import", "--help").output, "Arguments")
    assert listed[0].split()[0] == "PATH..."


def test_version(cli: CliRunner) -> None:
    result = invoke(cli, "--version")
    assert (result.exit_code, result.output) == (0, f"archive {version('news-archive')}\n")


def test_completion_script_and_completions(cli: CliRunner) -> None:
    script = invoke(cli, "--show-completion", "bash")
    assert script.exit_code == 0
    assert "_ARCHIVE_COMPLETE=complete_bash" in script.output
    completed = cli.invoke(
        app,
        [],
        prog_name="archive",
        env={
            "_ARCHIVE_COMPLETE": "complete_bash",
            "COMP_WORDS": "archive db re",
            "COMP_CWORD": "2",
        },
    )
    assert (completed.exit_code, completed.output.split()) == (
        0,
        ["reindex", "reclean", "recluster"],
    )
