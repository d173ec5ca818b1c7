"""Bytes to text: the first step of every import.

Pure functions, no I/O. UTF-8 (with or without a BOM) is tried first; legacy
encodings such as cp1251, koi8-r and Latin-1 are detected with
charset-normalizer. Line endings become ``\\n``. Encodings are named in
lower case with hyphens (``koi8-r``, ``utf-8``, ``cp1251``), a spelling that
Python's codecs also accept.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from archive.errors import FileRejected

_BINARY_SIGNATURES = (
    b"\x89PNG",
    b"\xff\xd8\xff",  # JPEG
    b"GIF8",
    b"%PDF",
    b"PK\x03\x04",  # zip, docx, epub
    b"\x1f\x8b",  # gzip
    b"BZh",
    b"\xfd7zXZ",
    b"7z\xbc\xaf",
    b"\x7fELF",
    b"SQLite format 3\x00",
    b"RIFF",
    b"OggS",
    b"ID3",
)
LEGACY_ENCODINGS = (
    "cp1251", "koi8_r", "koi8_u", "cp866", "mac_cyrillic", "iso8859_5",
    "cp1252", "latin_1", "cp1250", "iso8859_2", "cp1256", "gb18030", "big5",
)  # fmt: skip
"""Encodings tried first for files that are not UTF-8: those of the languages
collections hold (Russian, Ukrainian, Bulgarian, Western and Central European,
Arabic, Chinese). Without this hint, short Cyrillic texts in koi8-r are taken
for Japanese."""
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")
_NOT_CONTROLS = bytes(byte for byte in range(256) if byte >= 32 or byte in _TEXT_CONTROLS)
"""Every byte but the control characters that text does not contain: deleted to count those."""
_MAX_CONTROL_SHARE = 0.05


@dataclass(frozen=True)
class DecodedText:
    """Text decoded from a file, with what was needed to decode it."""

    text: str
    encoding: str
    replaced: int = 0
    """How many invalid byte sequences became U+FFFD."""


def decode(data: bytes) -> DecodedText:
    """Decode the bytes of one article file.

    Raises :class:`FileRejected` with reason ``empty``, ``binary`` or
    ``undecodable``.
    """
    if not data.strip():
        raise FileRejected("empty", "the file is empty" if not data else "the file is blank")
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom) and not data.startswith(codecs.BOM_UTF32_LE):
            try:
                return DecodedText(normalize_newlines(data.decode(encoding)), encoding)
            except UnicodeDecodeError:
                break
    _reject_binary(data)
    if data.startswith(codecs.BOM_UTF8):
        decoded = _decode_utf8(data[len(codecs.BOM_UTF8) :], "utf-8-sig")
    else:
        decoded = _decode_utf8(data, "utf-8")
    if decoded is None:
        decoded = _detect(data)
    return decoded


def encoding_name(name: str) -> str:
    """An encoding as it is stored and shown: ``koi8-r`` for Python's ``koi8_r``."""
    return name.strip().lower().replace("_", "-")


def normalize_newlines(text: str) -> str:
    """Turn CRLF and lone CR line endings into LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _reject_binary(data: bytes) -> None:
    if data.startswith(_BINARY_SIGNATURES):
        raise FileRejected("binary", "the file is binary (its first bytes are a known file type)")
    if b"\x00" in data:
        raise FileRejected("binary", "the file is binary (it contains NUL bytes)")
    sample = data[:65536]
    controls = len(sample.translate(None, _NOT_CONTROLS))
    if controls > len(sample) * _MAX_CONTROL_SHARE:
        raise FileRejected("binary", "the file is binary (too many control characters)")


def _decode_utf8(data: bytes, encoding: str) -> DecodedText | None:
    """UTF-8, or UTF-8 with a few damaged bytes; None when it is another encoding."""
    try:
        return DecodedText(normalize_newlines(data.decode("utf-8")), encoding)
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    replaced = text.count("\ufffd") - data.count("\ufffd".encode())
    intact = sum(1 for char in text if char > "\x7f" and char != "\ufffd")
    # A legacy-encoded file decodes to almost nothing but U+FFFD; a UTF-8 file
    # with a few damaged bytes keeps most of its non-ASCII characters.
    if intact >= 2 * replaced:
        return DecodedText(normalize_newlines(text), encoding, replaced)
    return None


def _detect(data: bytes) -> DecodedText:
    # Loaded on first use: commands that only read the archive import this module for
    # encoding_name and need no detector.
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)).best() or from_bytes(data).best()
    if best is None:
        raise FileRejected("undecodable", "the file's encoding could not be determined")
    return DecodedText(normalize_newlines(str(best)), encoding_name(best.encoding))
