"""Bytes → text, leniently and honestly: what could not be decoded as UTF-8 is reported."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

_BINARY_SNIFF = 8192
_CONTROL_BYTES = frozenset(range(0, 32)) - {9, 10, 12, 13}


def _legacy_fallback(exc: UnicodeError) -> tuple[str, int]:
    """Decode the bytes UTF-8 rejects as Windows-1252 (Latin-1 where cp1252 has a hole)."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    chunk = exc.object[exc.start : exc.end]
    chars = []
    for byte in chunk:
        try:
            chars.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            chars.append(bytes([byte]).decode("latin-1"))
    return "".join(chars), exc.end


codecs.register_error("etl-legacy", _legacy_fallback)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # utf-8, utf-8-sig, utf-16, utf-8+cp1252, binary, empty
    n_invalid_bytes: int = 0
    truncated: bool = False  # the invalid bytes are an unfinished character at the very end

    @property
    def is_binary(self) -> bool:
        return self.encoding == "binary"


def looks_binary(data: bytes) -> bool:
    """NUL bytes, or a high share of control bytes, in the first 8 KiB."""
    head = data[:_BINARY_SNIFF]
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b in _CONTROL_BYTES)
    return controls / len(head) > 0.10


def decode_bytes(data: bytes) -> Decoded:
    """Decode a file's bytes.

    UTF-8 is the contract (offsets are into the UTF-8 decoded text, BOM included, line ends
    untouched). UTF-16 with a BOM is decoded as such. Bytes that are not valid UTF-8 are read
    as Windows-1252, one character per byte, so offsets stay aligned with a UTF-8 decode that
    replaces each bad byte, and ``n_invalid_bytes`` says how many there were.
    """
    if not data:
        return Decoded("", "empty")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return Decoded(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError:
            return Decoded("", "binary")
    if looks_binary(data):
        return Decoded("", "binary")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("utf-8", errors="etl-legacy")
        valid = data.decode("utf-8", errors="ignore").encode("utf-8")
        n_invalid = len(data) - len(valid)
        return Decoded(text, "utf-8+cp1252", n_invalid, _cut_short(data, n_invalid))
    encoding = "utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8"
    return Decoded(text, encoding)


def _cut_short(data: bytes, n_invalid: int) -> bool:
    """Are the only invalid bytes the start of a multi-byte character at the end of the data
    (a file cut short mid-character)?"""
    if n_invalid > 3:
        return False
    head, tail = data[:-n_invalid], data[-n_invalid:]
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return False
    try:
        tail.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.reason == "unexpected end of data"
    return False
