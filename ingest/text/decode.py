"""Bytes → text, with the encoding recorded. Pure: no file system access.

Page files arrive as UTF-8 (with or without a byte order mark), as GB18030/GBK
or Big5 from older systems, or as UTF-16 from Windows tools (with a byte order
mark, or without one: then told by its NUL bytes, since every ASCII character
and line end has one). Each possible reading of the bytes is tried and the one
that reads as ordinary Chinese news text wins (``choose``); docs/ROBUSTNESS.md
has the measurements behind this (and why not charset-normalizer).

Nothing is ever silently turned into mojibake. A reading is accepted only when
at least ``MIN_ORDINARY`` of its characters are ordinary (``ordinary_share``)
and at most one byte in ``MAX_DAMAGE`` cannot be decoded; those few bytes are
replaced by U+FFFD and reported, with their line numbers, in
``Decoded.warnings``. Anything else is a ``DecodeError`` whose message says
why. Line ends are normalized to LF, so a CRLF or CR file gives the same text
(and line numbers) as its LF twin.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache

from ingest.text.blocks import normalize_newlines

# Byte order marks: (mark, recorded name, codec for the bytes after it).
BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig", "utf-8"),
    (b"\xff\xfe", "utf-16-le", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be", "utf-16-be"),
)
# Readings tried without a byte order mark. GB18030 (a superset of GBK and
# GB2312) and Big5 accept most of each other's bytes, so they are told apart by
# ``ordinary_share``; Big5-HKSCS is Big5 plus the characters Hong Kong added
# (seed 001's "丨" is one), kept only when plain Big5 cannot read the bytes.
LEGACY = ("gb18030", "big5", "big5hkscs")
UTF16 = ("utf-16-le", "utf-16-be")
# Formats a mistaken .txt file most often is, told by their first bytes.
SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx document)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an Office 97–2003 document"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
# The correct reading of every seed, in every encoding it can be written in,
# has at least 99.7 % ordinary characters; a wrong one at most 68 % (100
# characters of GB18030 read as Big5-HKSCS), most far less.
MIN_ORDINARY = 0.9
MAX_DAMAGE = 1000  # at most one undecodable byte in this many
SAMPLE_WINDOWS = 8  # ordinary_share looks at this many windows of a long text
WINDOW = 16_384
SHOWN_LINES = 5  # line numbers listed in a damage warning


class DecodeError(ValueError):
    """A file that is not text in a supported encoding; the message says why."""


@dataclass
class Decoded:
    text: str  # line ends normalized to LF
    encoding: str  # utf-8, utf-8-sig, gb18030, big5, big5hkscs, utf-16-le, utf-16-be
    sha256: str  # of the bytes
    warnings: list[str] = field(default_factory=list)


@dataclass
class Reading:
    """The bytes read in one encoding, undecodable bytes replaced by U+FFFD."""

    encoding: str
    text: str
    bad_bytes: int
    replaced: int  # U+FFFD characters put in, one per undecodable run
    lines: list[int]  # the lines of the first few of them
    ordinary: float


def _decodable_range(codec: str, leads: range, trails: list[int]) -> set[str]:
    chars: set[str] = set()
    for lead in leads:
        for trail in trails:  # an unassigned pair decodes to nothing
            chars.update(bytes((lead, trail)).decode(codec, "ignore"))
    return chars


@cache
def ordinary_characters() -> frozenset[str]:
    """Characters that make up nearly all of Chinese news text in either script.

    The ideographs are GB2312's level-1 set (the 3,755 most used simplified
    characters, rows B0–D7) and Big5's 常用字 (5,401 frequent traditional ones,
    A440–C67E); the rest is printable ASCII and the punctuation, full-width
    forms and symbols newspapers print. A wrong reading turns text into rare
    ideographs, kana, Bopomofo, box drawing or private-use characters instead.
    """
    chars = _decodable_range("gb2312", range(0xB0, 0xD8), list(range(0xA1, 0xFF)))
    chars |= _decodable_range("big5", range(0xA4, 0xC7), [*range(0x40, 0x7F), *range(0xA1, 0xFF)])
    spans = (
        (0x21, 0x7E),  # printable ASCII
        (0xB7, 0xB7),  # middle dot: 株洲发展成就巡礼·高新区篇
        (0x2010, 0x2027),  # dashes, curly quotes, ellipsis, bullets
        (0x2030, 0x2030),  # per mille
        (0x2103, 0x2103),  # degree Celsius
        (0x2160, 0x216B),  # Roman numerals
        (0x2460, 0x2473),  # circled numbers
        (0x3000, 0x303F),  # CJK punctuation
        (0xFF01, 0xFF65),  # full-width forms, half-width CJK punctuation
        (0xFFE0, 0xFFE5),  # full-width currency signs
    )
    for low, high in spans:
        chars.update(chr(c) for c in range(low, high + 1))
    return frozenset(chars)


@cache
def _ordinary_deleted() -> dict[int, None]:
    """A ``str.translate`` table deleting the ordinary characters."""
    return {ord(ch): None for ch in ordinary_characters() if len(ch) == 1}


def sample(text: str) -> str:
    """*text*, or evenly spaced windows of it when it is long: the encoding
    is the same throughout a file, so a sample tells it as well."""
    if len(text) <= SAMPLE_WINDOWS * WINDOW:
        return text
    step = len(text) // SAMPLE_WINDOWS
    return "".join(text[i * step : i * step + WINDOW] for i in range(SAMPLE_WINDOWS))


def ordinary_share(text: str) -> float:
    """Share of the non-white-space characters that are ordinary (1.0 when
    there are none: white space is not evidence against a reading)."""
    visible = "".join(sample(text).split())
    if not visible:
        return 1.0
    # Counted by what deleting them leaves (one C pass, not a generator step
    # per character: 0.28 of 33 s for the 1k bench corpus under cProfile,
    # session 25); the same count.
    others = visible.translate(_ordinary_deleted())
    return (len(visible) - len(others)) / len(visible)


@dataclass
class _Damage:
    """The undecodable runs met by one ``read_as``, kept by the error handler."""

    limit: int
    bad: int = 0
    runs: list[int] = field(default_factory=list)  # byte offsets where each run starts


class _TooDamaged(Exception):
    pass


_DAMAGE: ContextVar[_Damage] = ContextVar("_DAMAGE")


def _replace_counting(error: UnicodeDecodeError) -> tuple[str, int]:
    """A codec error handler: U+FFFD for each undecodable run, counted; more
    than the limit aborts the decoding."""
    damage = _DAMAGE.get()
    damage.bad += error.end - error.start
    if damage.bad > damage.limit:
        raise _TooDamaged
    damage.runs.append(error.start)
    return "\ufffd", error.end


# A registered handler runs inside the codec's own loop: one pass over the
# bytes however many errors (catching UnicodeDecodeError and resuming would
# copy the rest of the input into every exception).
codecs.register_error("ingest-replace-counting", _replace_counting)


def read_as(data: bytes, encoding: str, codec: str, limit: int) -> Reading | None:
    """*data* decoded with *codec*, each undecodable run replaced by U+FFFD;
    None as soon as more than *limit* bytes are undecodable (a wrong codec
    meets its limit within the first few hundred bytes)."""
    damage = _Damage(limit)
    token = _DAMAGE.set(damage)
    try:
        text = data.decode(codec, "ingest-replace-counting")
    except _TooDamaged:
        return None
    finally:
        _DAMAGE.reset(token)
    lines = [line_of(data[:start], codec) for start in damage.runs[:SHOWN_LINES]]
    return Reading(encoding, text, damage.bad, len(damage.runs), lines, ordinary_share(text))


def readings(data: bytes, limit: int) -> list[Reading]:
    """Every acceptable-looking reading of *data* (none over the damage limit)."""
    for bom, encoding, codec in BOMS:
        if data.startswith(bom):
            found = [read_as(data[len(bom) :], encoding, codec, limit)]
            break
    else:
        utf8 = read_as(data, "utf-8", "utf-8", limit)
        if utf8 and not utf8.bad_bytes and utf8.ordinary >= MIN_ORDINARY:
            return [utf8]  # valid UTF-8 that reads as text: by far the common case
        others = (*LEGACY, *(UTF16 if b"\x00" in data else ()))
        found = [utf8, *(read_as(data, codec, codec, limit) for codec in others)]
    return [r for r in found if r is not None]


def choose(found: list[Reading]) -> Reading | None:
    """The reading with the fewest undecodable bytes, then the most ordinary
    text, among those that read as text at all; ties keep the earlier
    encoding (Big5 before Big5-HKSCS)."""
    good = [r for r in found if r.ordinary >= MIN_ORDINARY]
    return min(good, key=lambda r: (r.bad_bytes, -r.ordinary), default=None)


def line_of(before: bytes, codec: str) -> int:
    """The line that the bytes after *before* stand on (CR, LF and CRLF each end one)."""
    return normalize_newlines(before.decode(codec, "replace")).count("\n") + 1


def damage_warning(reading: Reading) -> str:
    lines = sorted(set(reading.lines))
    listed = ", ".join(map(str, lines))
    more = "…" if reading.replaced > len(reading.lines) else ""
    plural = "s" if reading.bad_bytes != 1 else ""
    return (
        f"{reading.bad_bytes} undecodable byte{plural} replaced at "
        f"line{'s' if len(lines) > 1 else ''} {listed}{more} ({reading.encoding})"
    )


def rejection(data: bytes, found: list[Reading]) -> str:
    """Why no reading was accepted."""
    controls = sum(data.count(bytes((b,))) for b in (*range(0x00, 0x09), *range(0x0E, 0x20)))
    if found:
        best = max(found, key=lambda r: r.ordinary)
        if controls and best.ordinary < MIN_ORDINARY / 2:
            return f"binary data ({controls} control bytes), not a text file"
        return (
            f"does not read as Chinese text in any supported encoding "
            f"(best: {best.encoding}, {best.ordinary:.0%} ordinary characters)"
        )
    if controls:
        return f"binary data ({controls} control bytes), not a text file"
    return (
        "not valid UTF-8, GB18030, Big5 or UTF-16 text "
        f"(more than 1 byte in {MAX_DAMAGE} undecodable in each)"
    )


def by_line(data: bytes, codec: str, other: str) -> tuple[Reading, list[int]]:
    """*data* read one line at a time: in *codec*, but a line that reads as
    ordinary text in *other* (strictly, without a bad byte) and better than
    in *codec* is read in *other*; returns the reading and those lines.

    A GB18030 page file with one line pasted in from a UTF-8 web page reads
    as GB18030 throughout without a single bad byte (UTF-8's bytes pair up
    into GB18030 characters), and that line becomes mojibake: 株洲市天元区…
    turns into 鏍床甯傚ぉ鍏冨尯…. None of these codecs puts a CR or LF byte
    inside a character, so a line decodes alone as it does in the whole.
    """
    texts, moved, damaged = [], [], []
    bad = replaced = 0
    for number, raw in enumerate(data.splitlines(keepends=True), 1):
        reading = read_as(raw, codec, codec, len(raw))
        assert reading is not None  # the limit is every byte of the line
        if not raw.isascii():
            alt = read_as(raw, other, other, 0)
            if alt and alt.ordinary >= MIN_ORDINARY and alt.ordinary > reading.ordinary:
                reading = alt
                moved.append(number)
        texts.append(reading.text)
        bad += reading.bad_bytes
        replaced += reading.replaced
        if reading.replaced and len(damaged) < SHOWN_LINES:
            damaged.append(number)
    text = "".join(texts)
    return Reading(codec, text, bad, replaced, damaged, ordinary_share(text)), moved


def mixed(data: bytes, best: Reading | None, limit: int) -> tuple[Reading, list[int], str] | None:
    """A line-by-line reading of a file whose lines are in two encodings
    (UTF-8 and a legacy one), when it reads better than *best*: as
    (reading, the lines in the second encoding, that encoding)."""
    if best is not None and best.encoding in LEGACY:
        pairs = [(best.encoding, "utf-8")]  # UTF-8 lines in a legacy file
    elif best is None or (best.encoding == "utf-8" and best.bad_bytes):
        pairs = [("utf-8", legacy) for legacy in LEGACY]  # legacy lines in a UTF-8 file
    else:
        return None  # clean UTF-8, or a byte order mark that said what the file is
    found = []
    for codec, other in pairs:
        reading, moved = by_line(data, codec, other)
        if moved and reading.bad_bytes <= limit and reading.ordinary >= MIN_ORDINARY:
            found.append((reading, moved, other))
    if best is not None and best.encoding in LEGACY:
        return found[0] if found else None
    fewer = [f for f in found if best is None or f[0].bad_bytes < best.bad_bytes]
    return min(fewer, key=lambda f: (f[0].bad_bytes, -f[0].ordinary), default=None)


def mixed_warning(codec: str, moved: list[int], other: str) -> str:
    listed = ", ".join(map(str, moved[:SHOWN_LINES])) + ("…" if len(moved) > SHOWN_LINES else "")
    count = f"{len(moved)} line{'s' if len(moved) > 1 else ''}"
    where = f"line{'s' if len(moved) > 1 else ''} {listed}"
    return f"lines in two encodings: {count} read as {other} ({where}), the rest as {codec}"


# C0 and C1 control characters but tab and line feed (carriage returns are
# gone by then: normalize_newlines). A NUL, an escape or a form feed is
# nothing a page prints; the parser and str.splitlines would take \x1c–\x1e
# and \x85 for line ends, and a NUL cuts C strings short. They are removed,
# and the lines that had them named in a warning.
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def strip_controls(text: str) -> tuple[str, str | None]:
    """*text* without control characters, and a warning naming where they were."""
    found = [m.start() for m in CONTROLS.finditer(text)]
    if not found:
        return text, None
    codes = sorted({f"U+{ord(text[i]):04X}" for i in found})
    lines = sorted({text.count("\n", 0, i) + 1 for i in found[:1000]})
    listed = ", ".join(map(str, lines[:SHOWN_LINES])) + ("…" if len(lines) > SHOWN_LINES else "")
    plural = "s" if len(found) > 1 else ""
    warning = (
        f"{len(found)} control character{plural} ({', '.join(codes[:SHOWN_LINES])}) "
        f"removed at line{'s' if len(lines) > 1 else ''} {listed}"
    )
    return CONTROLS.sub("", text), warning


def decode_bytes(data: bytes) -> Decoded:
    digest = hashlib.sha256(data).hexdigest()
    if not data:
        raise DecodeError("empty file")
    for magic, what in SIGNATURES:
        if data.startswith(magic):
            raise DecodeError(f"{what}, not a text file")
    limit = len(data) // MAX_DAMAGE
    found = readings(data, limit)
    best = choose(found)
    warnings = []
    if two := mixed(data, best, limit):
        best, moved, other = two
        warnings.append(mixed_warning(best.encoding, moved, other))
    if best is None:
        raise DecodeError(rejection(data, found))
    if best.bad_bytes:
        warnings.insert(0, damage_warning(best))
    text, controls = strip_controls(normalize_newlines(best.text))
    if not text.strip():
        raise DecodeError("only white space")
    if controls:
        warnings.append(controls)
    return Decoded(text, best.encoding, digest, warnings)
