"""Any encoding and form of a page file reads as the same text and the same rows.

Every fixture is a seed re-encoded at test time: the seeds in each encoding
they can be written in, in traditional script (OpenCC's s2tw, whose
characters Big5 has), with CRLF or CR line ends, with full-width or ASCII
punctuation.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from functools import cache
from pathlib import Path

import opencc
import pytest
from conftest import SEED_NAMES, seed_text

from ingest.parse.document import parse_document
from ingest.pipeline import build_rows, ingest_paths, read_source
from ingest.store.rows import Rows
from ingest.store.write import open_archive
from ingest.text.blocks import normalize_newlines
from ingest.text.decode import MIN_ORDINARY, DecodeError, decode_bytes, read_as
from ingest.text.fold import fold

TRADITIONAL_SEED = "001_3b9533060c5babcc.txt"
BOM = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff", "utf-8-sig": b""}


@cache
def traditional(name: str) -> str:
    """The seed in traditional script: 001 as printed, the others through s2tw."""
    text = seed_text(name)
    return text if name == TRADITIONAL_SEED else opencc.OpenCC("s2tw").convert(text)


def encoded(text: str, encoding: str, bom: bool = True) -> bytes:
    """*text* in *encoding*; UTF-16 with its byte order mark unless *bom* is false."""
    return (BOM.get(encoding, b"") if bom else b"") + text.encode(encoding)


def big5_of(name: str) -> tuple[str, bytes]:
    """The traditional seed in Big5, or Big5-HKSCS where plain Big5 lacks a
    character: seed 001 prints "丨" (錦繡瀟湘·十大文旅地標丨株洲醴陵), which
    only the Hong Kong extension has."""
    text = traditional(name)
    try:
        return "big5", text.encode("big5")
    except UnicodeEncodeError:
        return "big5hkscs", text.encode("big5hkscs")


def test_only_the_traditional_seed_needs_big5_hkscs_for_one_character() -> None:
    missing = {
        name: {ch for ch in traditional(name) if not ch.encode("big5", "ignore")}
        for name in SEED_NAMES
    }
    assert missing == {name: {"丨"} if name == TRADITIONAL_SEED else set() for name in SEED_NAMES}
    assert [big5_of(name)[0] for name in SEED_NAMES].count("big5hkscs") == 1


@pytest.mark.parametrize("name", SEED_NAMES)
@pytest.mark.parametrize(
    ("encoding", "bom", "recorded"),
    [
        ("utf-8", False, "utf-8"),
        ("utf-8-sig", True, "utf-8-sig"),
        ("gb18030", False, "gb18030"),
        ("gbk", False, "gb18030"),  # GB18030 is a superset of GBK (001's "•" is not in GBK)
        ("utf-16-le", True, "utf-16-le"),
        ("utf-16-be", True, "utf-16-be"),
        ("utf-16-le", False, "utf-16-le"),
        ("utf-16-be", False, "utf-16-be"),
    ],
)
def test_every_seed_round_trips_through_every_encoding(
    name: str, encoding: str, bom: bool, recorded: str
) -> None:
    text = seed_text(name)
    if encoding == "gbk" and name == TRADITIONAL_SEED:
        assert {ch for ch in text if not ch.encode("gbk", "ignore")} == {"•"}
        text = text.replace("•", "·")
    decoded = decode_bytes(encoded(text, encoding, bom))
    assert (decoded.text, decoded.encoding, decoded.warnings) == (text, recorded, [])


@pytest.mark.parametrize("name", SEED_NAMES)
@pytest.mark.parametrize("encoding", ["big5", "gb18030", "utf-16-le"])
def test_traditional_seeds_round_trip_through_big5_and_gb18030(name: str, encoding: str) -> None:
    if encoding == "big5":
        recorded, data = big5_of(name)
    else:
        recorded, data = encoding, encoded(traditional(name), encoding)
    decoded = decode_bytes(data)
    assert (decoded.text, decoded.encoding) == (traditional(name), recorded)


@pytest.mark.parametrize("name", SEED_NAMES)
@pytest.mark.parametrize("chars", [20, 60])
def test_a_few_lines_are_enough_to_tell_gb18030_from_big5(name: str, chars: int) -> None:
    simplified = "".join(seed_text(name).split())[:chars]  # no white space: all Chinese
    assert decode_bytes(simplified.encode("gb18030")).text == simplified
    codec, _ = big5_of(name)
    trad = "".join(traditional(name).split())[:chars]
    assert decode_bytes(trad.encode(codec)).text == trad


@pytest.mark.parametrize("name", SEED_NAMES)
def test_a_wrong_legacy_reading_never_passes_for_text(name: str) -> None:
    """GB18030 and Big5 accept most of each other's bytes; what is read the
    wrong way round must not look like text (it would be mojibake)."""
    _, big5 = big5_of(name)
    gb = seed_text(name).encode("gb18030")
    for data, codec in [(gb, "big5"), (gb, "big5hkscs"), (big5, "gb18030")]:
        reading = read_as(data, codec, codec, len(data) // 1000)
        assert reading is None or reading.ordinary < MIN_ORDINARY, (codec, reading.ordinary)


def test_line_ends_are_normalized_so_crlf_and_cr_files_read_like_lf() -> None:
    text = seed_text("004_4b5a9efb3dca083f.txt")
    for line_end in ("\r\n", "\r"):
        assert decode_bytes(text.replace("\n", line_end).encode("gb18030")).text == text


# --- Same rows in every form -------------------------------------------------

FULL_WIDTH = {c: chr(ord(c) + 0xFEE0) for c in ",:;()!?"}
ASCII = {v: k for k, v in FULL_WIDTH.items()}


def forms(name: str) -> dict[str, tuple[str, bytes]]:
    """Each form of a seed: (its text as printed, its bytes). Several
    differences are combined in one form to keep the suite short."""
    simplified, trad = seed_text(name), traditional(name)
    big5_codec, _ = big5_of(name)
    wide = simplified.translate(str.maketrans(FULL_WIDTH)).replace("\n", "\r\n")
    narrow = simplified.translate(str.maketrans(ASCII)).replace("\n", "\r")
    return {
        "big5 traditional crlf": (trad, trad.replace("\n", "\r\n").encode(big5_codec)),
        "gb18030 traditional": (trad, trad.encode("gb18030")),
        "gb18030 full-width crlf": (wide, wide.encode("gb18030")),
        "utf-16-be no bom, ascii punctuation, cr": (narrow, narrow.encode("utf-16-be")),
        "utf-16-le bom": (simplified, encoded(simplified, "utf-16-le")),
        "utf-8-sig": (simplified, encoded(simplified, "utf-8-sig")),
    }


COMPARED = ("pages", "articles", "sections", "captions", "mentions", "figures", "places")


def folded_rows(path: Path) -> dict[str, object]:
    """The pages, articles, captions, people and figures a file yields, every
    string folded to simplified half-width, under one recorded file name (ids
    are hashes of it)."""
    source = dataclasses.replace(read_source(path), path="page.txt", name="page.txt")
    rows: Rows = build_rows(source, parse_document(source.text))

    def fold_value(value: object) -> object:
        return fold(value) if isinstance(value, str) else value

    # A mention's id hashes its role as printed (記者 or 记者), so it is the
    # value that differs between the scripts; the person and article do not.
    tables = {
        t: [
            {k: fold_value(v) for k, v in row.items() if (t, k) != ("mentions", "id")}
            for row in rows.tables.get(t, [])
        ]
        for t in COMPARED
    }
    return {**tables, "people": sorted(rows.people.values())}


@pytest.mark.parametrize("name", SEED_NAMES)
def test_a_file_in_any_form_yields_the_rows_of_its_utf8_simplified_twin(
    name: str, tmp_path: Path
) -> None:
    for form, (printed, data) in forms(name).items():
        twin = tmp_path / "twin.txt"
        twin.write_text(fold(printed), encoding="utf-8")
        variant = tmp_path / "variant.txt"
        variant.write_bytes(data)
        expected = folded_rows(twin)
        assert expected["articles"], form
        assert folded_rows(variant) == expected, form


def test_sources_record_the_detected_encoding(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    name = "002_4e8a31d454a890d3.txt"
    for form, (_, data) in forms(name).items():
        (inputs / f"{form}.txt").write_bytes(data)
    db = open_archive(tmp_path / "a.db")
    assert {o.status for o in ingest_paths(db, [inputs])} == {"ingested"}
    db.close()
    conn = sqlite3.connect(tmp_path / "a.db")
    recorded = dict(conn.execute("SELECT name, encoding FROM sources"))
    assert recorded == {
        "big5 traditional crlf.txt": "big5",
        "gb18030 traditional.txt": "gb18030",
        "gb18030 full-width crlf.txt": "gb18030",
        "utf-16-be no bom, ascii punctuation, cr.txt": "utf-16-be",
        "utf-16-le bom.txt": "utf-16-le",
        "utf-8-sig.txt": "utf-8-sig",
    }
    scripts = dict(conn.execute("SELECT name, script FROM sources"))
    assert scripts["gb18030 traditional.txt"] == "traditional"
    assert scripts["utf-8-sig.txt"] == "simplified"
    titles = {r[0] for r in conn.execute("SELECT title FROM articles")}
    assert {"向着幸福出发", "向著幸福出發"} <= titles  # s2tw prints 着 as 著


# --- Damage ------------------------------------------------------------------


def damaged(data: bytes, every: int) -> bytes:
    """*data* with one byte in *every* overwritten by 0xFF, which no
    supported encoding can start a character with."""
    out = bytearray(data)
    for i in range(every // 2, len(out), every):
        out[i] = 0xFF
    return bytes(out)


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "big5"])
def test_a_few_bad_bytes_are_replaced_and_reported_with_their_line(encoding: str) -> None:
    text = traditional("003_83df26c1926cabee.txt")
    lines = text.split("\n")
    damaged_line = next(n for n in range(11, len(lines)) if lines[n].strip())
    data = bytearray(text.encode(encoding))
    data[len("\n".join(lines[:damaged_line]).encode(encoding)) + 1] = 0xFF  # its first byte
    decoded = decode_bytes(bytes(data))
    assert decoded.encoding == encoding
    assert "\ufffd" in decoded.text.split("\n")[damaged_line]
    (warning,) = decoded.warnings
    assert "undecodable byte" in warning
    assert f"replaced at line {damaged_line + 1} ({encoding})" in warning
    assert decoded.text.split("\n")[:damaged_line] == lines[:damaged_line]
    assert decoded.text.split("\n")[damaged_line + 1 :] == lines[damaged_line + 1 :]


def test_more_than_one_bad_byte_in_a_thousand_is_an_error() -> None:
    data = seed_text("003_83df26c1926cabee.txt").encode("utf-8")
    with pytest.raises(DecodeError, match="undecodable"):
        decode_bytes(damaged(data, 300))


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b" \r\n\t\n  \n", "only white space"),
        ("\u3000\n".encode("utf-16-le"), "only white space"),
        ("Café crème, naïve façade. ".encode("latin-1") * 40, "not valid UTF-8, GB18030, Big5"),
        (
            seed_text("000_b5f0e8590f224456.txt").encode("utf-8").decode("latin-1").encode("utf-8"),
            "does not read as Chinese text",
        ),  # mojibake already: UTF-8 read as Latin-1
        (bytes(range(256)) * 40, "binary data"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image, not a text file"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "a JPEG image, not a text file"),
    ],
)
def test_what_is_not_text_is_an_error_saying_why(data: bytes, reason: str) -> None:
    with pytest.raises(DecodeError, match=reason):
        decode_bytes(data)


def test_decoded_text_keeps_the_lines_of_the_file() -> None:
    text = seed_text("001_3b9533060c5babcc.txt")
    decoded = decode_bytes(encoded(text.replace("\n", "\r\n"), "utf-16-le"))
    assert decoded.text.count("\n") == normalize_newlines(text).count("\n")


def two_encodings(name: str, legacy: str, lines: set[int]) -> bytes:
    """Seed *name* in *legacy*, but for *lines* (numbered from 1) in UTF-8:
    a line pasted in from a web page."""
    return b"\n".join(
        line.encode("utf-8" if n in lines else legacy)
        for n, line in enumerate(seed_text(name).split("\n"), 1)
    )


@pytest.mark.parametrize("name", SEED_NAMES)
def test_a_legacy_file_with_a_utf8_line_reads_each_line_in_its_own_encoding(name: str) -> None:
    """Once stored as mojibake (a heading 鏍床甯傚ぉ… for 株洲市天…) with no
    warning: GB18030 reads UTF-8's bytes without one bad byte."""
    lines = seed_text(name).split("\n")
    chinese = [n for n, line in enumerate(lines, 1) if not line.isascii()]
    pasted = {chinese[1], chinese[-1]}
    decoded = decode_bytes(two_encodings(name, "gb18030", pasted))
    assert decoded.text == seed_text(name)
    assert decoded.encoding == "gb18030"
    first, last = sorted(pasted)
    assert decoded.warnings == [
        f"lines in two encodings: 2 lines read as utf-8 (lines {first}, {last}), "
        "the rest as gb18030"
    ]


def test_a_utf8_file_with_lines_in_gb18030_or_big5_reads_each_line_in_its_own_encoding() -> None:
    name = SEED_NAMES[2]
    text = seed_text(name)
    lines = text.split("\n")
    chinese = [n for n, line in enumerate(lines, 1) if not line.isascii()]
    legacy = set(chinese[3:6])
    data = two_encodings(name, "utf-8", set())
    mixed = b"\n".join(
        line.encode("gb18030") if n in legacy else line.encode() for n, line in enumerate(lines, 1)
    )
    assert decode_bytes(data).warnings == []
    decoded = decode_bytes(mixed)
    assert decoded.text == text and decoded.encoding == "utf-8"
    listed = ", ".join(map(str, sorted(legacy)))
    assert decoded.warnings == [
        f"lines in two encodings: 3 lines read as gb18030 (lines {listed}), the rest as utf-8"
    ]
    big5_line = traditional(name).split("\n")[chinese[4] - 1]
    lines[chinese[4] - 1] = big5_line
    with_big5 = b"\n".join(
        line.encode("big5") if n == chinese[4] else line.encode() for n, line in enumerate(lines, 1)
    )
    decoded = decode_bytes(with_big5)
    assert decoded.text.split("\n")[chinese[4] - 1] == big5_line
    assert decoded.warnings == [
        f"lines in two encodings: 1 line read as big5 (line {chinese[4]}), the rest as utf-8"
    ]


def test_nul_and_control_characters_are_removed_with_a_warning_naming_their_lines() -> None:
    """Nothing a page prints: a NUL (cuts C strings), an escape, a form feed,
    \\x1e (str.splitlines takes it for a line end, shifting every line number)."""
    text = seed_text(SEED_NAMES[0])
    lines = text.split("\n")
    dirty = list(lines)
    dirty[4] = "\x00" + dirty[4]
    dirty[6] = dirty[6][:3] + "\x1b\x1e" + dirty[6][3:]
    dirty[8] = dirty[8] + "\x0c"
    for encoding in ("utf-8", "gb18030"):
        decoded = decode_bytes("\n".join(dirty).encode(encoding))
        assert decoded.text == text
        assert decoded.warnings == [
            "4 control characters (U+0000, U+000C, U+001B, U+001E) removed at lines 5, 7, 9"
        ]
    tabs = decode_bytes(("\t" + text).encode())
    assert tabs.text == "\t" + text and tabs.warnings == []
