"""Text that is safe to print: control characters written as escapes.

A crawled title, a file or member name, a label or an argument can hold
escape sequences (``\\x1b]0;title\\x07``, ``\\x1b[2J``) that a terminal would
obey: set its title, clear the screen, hide text. Everything the archive
prints in a table, in ``show`` or in a message goes through
:func:`escape_controls`; stored texts stay as they are, and the machine
formats (JSON, CSV) carry them exactly.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f"  # C0 and C1 control characters, DEL
    "\u2028\u2029"  # line and paragraph separators
    "\u202a-\u202e\u2066-\u2069"  # bidirectional embeddings, overrides and isolates
    "\ud800-\udfff]"  # lone surrogates: bytes that were not UTF-8
)


def escape_controls(text: str) -> str:
    """``text`` with each control character as a Python escape: ``\\x1b``, ``\\n``, ``\\u202e``."""
    if text.isprintable():
        return text
    return _UNSAFE.sub(_escape, text)


def escape_lines(text: str) -> str:
    """Like :func:`escape_controls`, but keeping the newlines between lines."""
    return "\n".join(escape_controls(line) for line in text.split("\n"))


def _escape(match: re.Match[str]) -> str:
    char = match.group(0)
    if 0xD800 <= ord(char) <= 0xDFFF:
        return f"\\x{ord(char) - 0xDC00:02x}" if ord(char) >= 0xDC80 else f"\\u{ord(char):04x}"
    return char.encode("unicode_escape").decode("ascii")
