from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from archive.errors import FileRejected
from archive.ingest.decode import decode, encoding_name, normalize_newlines

RUSSIAN = (
    " date 2022-11-02\nВо Владивостоке открыли новый пешеходный мост\n"
    "Новый пешеходный мост через Первую Речку открыли во Владивостоке в среду. "
    "Строительство заняло полтора года и обошлось городу в 380 миллионов рублей.\n"
)
GERMAN = (
    " date 2023-03-15\nHafen meldet Rekordumschlag\n"
    "Der Oberbürgermeister äußerte sich zufrieden über die Zahlen für das Jahr. "
    "Die Größe des Hafens wächst weiter, sagte er am Mittwoch in Duisburg.\n"
)


def test_utf8() -> None:
    assert decode(GERMAN.encode()).text == GERMAN
    assert decode(GERMAN.encode()).encoding == "utf-8"


def test_utf8_with_bom() -> None:
    decoded = decode(codecs.BOM_UTF8 + GERMAN.encode())
    assert (decoded.text, decoded.encoding) == (GERMAN, "utf-8-sig")


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_line_endings(newline: str) -> None:
    assert decode(GERMAN.replace("\n", newline).encode()).text == GERMAN


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r"])
def test_legacy_cyrillic(encoding: str) -> None:
    decoded = decode(RUSSIAN.encode(encoding))
    assert (decoded.text, decoded.encoding) == (RUSSIAN, encoding)


def test_latin1() -> None:
    decoded = decode(GERMAN.encode("latin-1"))
    assert decoded.text == GERMAN
    assert decoded.encoding == encoding_name(decoded.encoding)


@pytest.mark.parametrize(
    ("detected", "shown"),
    [("koi8_r", "koi8-r"), ("utf_8", "utf-8"), ("cp1251", "cp1251"), ("ISO8859_5", "iso8859-5"),
     ("mac_cyrillic", "mac-cyrillic"), ("utf-8-sig", "utf-8-sig")],
)  # fmt: skip
def test_encodings_are_named_with_hyphens(detected: str, shown: str) -> None:
    assert encoding_name(detected) == shown
    assert codecs.lookup(shown).name == codecs.lookup(detected).name


def test_utf16_with_bom() -> None:
    assert decode(GERMAN.encode("utf-16")).text == GERMAN


def test_a_few_invalid_utf8_bytes_are_replaced_and_counted() -> None:
    data = GERMAN.encode().replace(b"Mittwoch", b"Mitt\xffwoch")
    decoded = decode(data)
    assert decoded.encoding == "utf-8"
    assert decoded.replaced == 1
    assert "Mitt\ufffdwoch" in decoded.text


@pytest.mark.parametrize(
    ("data", "reason", "message"),
    [
        (b"", "empty", "the file is empty"),
        (b"  \n\r\n\t", "empty", "the file is blank"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary",
         "the file is binary (its first bytes are a known file type)"),
        (b" date 2024-01-01\nTitle\x00\x00body", "binary",
         "the file is binary (it contains NUL bytes)"),
        (bytes(range(1, 32)) * 20, "binary", "the file is binary (too many control characters)"),
    ],
)  # fmt: skip
def test_rejections(data: bytes, reason: str, message: str) -> None:
    with pytest.raises(FileRejected) as caught:
        decode(data)
    assert (caught.value.reason, caught.value.message) == (reason, message)


@given(st.binary(max_size=2000))
def test_any_bytes_decode_or_give_a_reason(data: bytes) -> None:
    try:
        decoded = decode(data)
    except FileRejected as rejected:
        assert rejected.reason in {"empty", "binary", "undecodable"}
    else:
        assert "\r" not in decoded.text
        assert decoded.encoding == encoding_name(decoded.encoding)
        codecs.lookup(decoded.encoding)


@given(st.text())
def test_utf8_text_round_trips(text: str) -> None:
    data = text.encode("utf-8", errors="surrogatepass")
    try:
        decoded = decode(data)
    except FileRejected:
        return
    if decoded.encoding.startswith("utf-8") and not decoded.replaced:
        assert decoded.text == normalize_newlines(text.removeprefix("\ufeff"))
