"""The documentation stays true: the Python examples run, the CLI reference is current.

docs/python-api.md: every ```python block runs, in order, in one Python prompt,
and prints exactly its ``# -> `` lines. docs/cli.md: its cog blocks, run again,
write what the file already holds.
"""

from __future__ import annotations

import code
import contextlib
import io
import re
import shutil
from pathlib import Path
from typing import Any

from cogapp import Cog
from sqlalchemy import Engine

import archive
from tests.conftest import ROOT, SEEDS

PYTHON_API = ROOT / "docs" / "python-api.md"
CLI_REFERENCE = ROOT / "docs" / "cli.md"
REGENERATE = "cog -r docs/cli.md"
"""The command that brings docs/cli.md up to date, run from the repository's root."""
COG_CHECK_FAILED = 5
"""cog's exit status when ``--check`` finds that a file would change."""
OUTPUT_MARK = "# ->"
"""Starts a comment line that shows one line that the example prints."""


def python_examples(text: str) -> list[tuple[int, str]]:
    """The ```python blocks of a Markdown text, each with the line its code starts on."""
    return [
        (text.count("\n", 0, match.start(1)) + 1, match.group(1))
        for match in re.finditer(r"^```python\n(.*?)^```$", text, flags=re.DOTALL | re.MULTILINE)
    ]


def stated_output(example: str) -> list[str]:
    """The lines that an example says it prints: its ``# -> `` comments, in order."""
    return [
        line.strip().removeprefix(OUTPUT_MARK).removeprefix(" ")
        for line in example.splitlines()
        if line.strip().startswith(OUTPUT_MARK)
    ]


class Prompt(code.InteractiveConsole):
    """Python's interactive prompt, as a user pastes examples into it, stopping at an error."""

    def showtraceback(self) -> None:
        raise  # the exception being handled, from the example's code

    def showsyntaxerror(self, *args: Any, **kwargs: Any) -> None:
        raise


def test_python_api_examples_print_what_they_say(tmp_path: Path) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    examples = python_examples(PYTHON_API.read_text(encoding="utf-8"))
    assert len(examples) > 10
    prompt = Prompt(filename="<docs/python-api.md>")
    try:
        for start, example in examples:
            printed = io.StringIO()
            with contextlib.redirect_stdout(printed):
                # A paste ends with Enter, which runs a last compound statement.
                for number, line in enumerate([*example.splitlines(), ""], start):
                    try:
                        prompt.push(line)
                    except Exception as error:
                        raise AssertionError(
                            f"docs/python-api.md: the statement that ends on line {number} "
                            f"raised {error!r}"
                        ) from error
            assert printed.getvalue().splitlines() == stated_output(example), (
                f"docs/python-api.md: the example on line {start} printed other lines "
                f"than its '{OUTPUT_MARK}' comments say"
            )
    finally:
        for value in prompt.locals.values():
            if isinstance(value, Engine):
                value.dispose()


def test_python_api_names_the_package_exports() -> None:
    text = PYTHON_API.read_text(encoding="utf-8")
    section = text.split("## What to import\n", 1)[1].split("\n## ", 1)[0]
    names = re.findall(r"`(\w+)`", section)[1:]  # after `archive` itself
    assert len(names) > 10
    assert [name for name in names if name not in archive.__all__] == [], section


def test_cli_reference_is_current() -> None:
    printed = io.StringIO()
    # cog writes its messages where stdout and stderr point when it is made.
    with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
        status = Cog().main(["cog", "--check", str(CLI_REFERENCE)])
    assert status != COG_CHECK_FAILED, (
        f"docs/cli.md does not match the commands' --help - run '{REGENERATE}' "
        "from the repository's root and commit the result"
    )
    assert status == 0, f"the cog code in docs/cli.md failed:\n{printed.getvalue()}"


def test_cli_reference_says_how_to_regenerate_it() -> None:
    assert f"`{REGENERATE}`" in CLI_REFERENCE.read_text(encoding="utf-8")
