"""Bytes → text, with the encoding recorded. Pure: no file system access.

Legacy files arrive as GB18030/GBK or Big5; a UTF-8 or UTF-16 byte order mark
is honoured. Nothing is ever decoded with replacement characters silently:
bytes that decode under no candidate are an error naming the reason.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# Tried in order when there is no byte order mark. GB18030 accepts almost any
# byte sequence, so Big5 is tried before it and kept only when it reads as
# more ordinary text (see ``plausibility``).
CANDIDATES = ("utf-8", "big5", "gb18030")


class DecodeError(ValueError):
    """A file that is not text in a supported encoding; the message says why."""


@dataclass
class Decoded:
    text: str
    encoding: str
    sha256: str


def plausibility(text: str) -> float:
    """Share of characters that are common in news text: ASCII, the CJK
    Unified block's core, and CJK/full-width punctuation. Mis-decoding Big5 as
    GB18030 (or the reverse) yields rare ideographs and symbols instead."""
    if not text:
        return 0.0
    good = sum(
        1
        for ch in text
        if ch.isascii() or "\u4e00" <= ch <= "\u9fa5" or "\u3000" <= ch <= "\u303f"
        or "\uff00" <= ch <= "\uffef" or ch in "“”‘’…—·•"
    )
    return good / len(text)


def decode_bytes(data: bytes) -> Decoded:
    digest = hashlib.sha256(data).hexdigest()
    if not data.strip():
        raise DecodeError("empty file" if not data else "only white space")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding), encoding, digest)
            except UnicodeDecodeError as e:
                raise DecodeError(f"invalid {encoding} at byte {e.start}") from e
    if b"\x00" in data:
        raise DecodeError("binary data (NUL bytes), not a text file")
    decoded: list[tuple[float, str, str]] = []
    for encoding in CANDIDATES:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "utf-8":
            return Decoded(text, encoding, digest)
        decoded.append((plausibility(text), encoding, text))
    if not decoded:
        raise DecodeError("not valid UTF-8, Big5 or GB18030 text")
    score, encoding, text = max(decoded, key=lambda d: d[0])
    if score < 0.9:
        raise DecodeError(f"does not read as Chinese text in any supported encoding (best: {encoding})")
    return Decoded(text, encoding, digest)
