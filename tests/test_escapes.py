"""Nothing from the data reaches the terminal as a control character."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from archive.escapes import escape_controls, escape_lines
from tests.conftest import invoke, write

HOSTILE_TITLE = "\x1b]0;pwned\x07\x1b[2J\x1b[31mEVIL \u202eevil\u202c"


def test_control_characters_are_written_as_escapes() -> None:
    assert escape_controls(HOSTILE_TITLE) == (
        "\\x1b]0;pwned\\x07\\x1b[2J\\x1b[31mEVIL \\u202eevil\\u202c"
    )
    assert escape_controls("Grüße, Київ, 北京 — «ok» \u200d") == "Grüße, Київ, 北京 — «ok» \u200d"
    assert escape_controls("a\r\nb\x9bc\x7f") == "a\\r\\nb\\x9bc\\x7f"
    assert escape_lines("one\x1b[2J\ntwo") == "one\\x1b[2J\ntwo"


@given(st.text())
def test_escaped_text_has_no_control_character(text: str) -> None:
    shown = escape_controls(text)
    assert not any(
        ord(char) < 0x20 or 0x7F <= ord(char) <= 0x9F or char in "\u2028\u2029\u202e"
        for char in shown
    )
    assert escape_controls(text) == text or "\\" in shown


def imported_hostile(cli: CliRunner, tmp_path: Path) -> None:
    write(
        tmp_path / "in",
        "a.txt",
        f" date 2024-01-01 \x1b[5mLABEL\n{HOSTILE_TITLE}\nBody \x1b[2J with \x07 bells.\n",
    )
    assert invoke(cli, "import", str(tmp_path / "in")).exit_code == 0


def test_tables_and_show_escape_what_the_data_holds(cli: CliRunner, tmp_path: Path) -> None:
    imported_hostile(cli, tmp_path)
    for args in (["search"], ["search", "body"], ["show", "1"], ["sources"], ["export", "-"]):
        result = invoke(cli, *args)
        assert result.exit_code == 0, result.output
        if args[0] != "export":  # records carry the stored text exactly, in JSON's escapes
            assert not any(ord(char) < 0x20 and char != "\n" for char in result.output), args
            assert "\u202e" not in result.output
    shown = invoke(cli, "show", "1").output
    assert "EVIL \\u202eevil\\u202c" in shown and "label:     \\x1b[5mLABEL" in shown
    assert "Body \\x1b[2J with \\x07 bells." in shown
    # The stored text is what the file said, control characters and all.
    assert invoke(cli, "show", "1", "--format", "original").stdout_bytes.count(b"\x1b") == 5


def test_error_lines_escape_the_arguments_they_name(cli: CliRunner) -> None:
    result = invoke(cli, "import", "nope\r\n\x1b[2Jx")
    assert (result.exit_code, result.output) == (
        2,
        "Error: nope\\r\\n\\x1b[2Jx matches no files - check the pattern\n",
    )
    result = invoke(cli, "show", "12\x1b[2J")
    assert "\x1b" not in result.output and result.output.startswith("Error: ")
