"""Bad input: one line on stderr per bad file, naming it and the reason; the
good files of the same run are ingested; the exit status says whether
anything was rejected."""

from __future__ import annotations

import fcntl
import os
import pty
import random
import re
import sqlite3
import struct
import subprocess
import sys
import termios
import zlib
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS, seed_text
from test_archive import run_cli

from ingest import pipeline
from ingest.model import Document
from ingest.parse import parse_document
from ingest.save import Archive, open_archive

GOOD = ("003_83df26c1926cabee.txt", "004_4b5a9efb3dca083f.txt")
TITLE_003 = "株洲高新区:以奋斗之姿推动经济高质量发展"
TITLE_004 = "天元区68支干部工作队进小区 从“心”出发 服务群众“零距离”"


def png() -> bytes:
    """A real 1×1 PNG: signature, IHDR, IDAT, IEND."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return len(data).to_bytes(4, "big") + body + zlib.crc32(body).to_bytes(4, "big")

    header = (1).to_bytes(4, "big") * 2 + bytes((8, 2, 0, 0, 0))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
        + chunk(b"IEND", b"")
    )


def jpeg() -> bytes:
    """A JPEG's start of image and JFIF header, then entropy-coded-like bytes."""
    app0 = b"\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    return b"\xff\xd8" + app0 + random.Random(1).randbytes(4000) + b"\xff\xd9"


def copy_good(directory: Path) -> None:
    for name in GOOD:
        (directory / name).write_bytes((SEEDS / name).read_bytes())


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error: ")]


def archive_titles(db: Path) -> set[str]:
    return {r[0] for r in sqlite3.connect(db).execute("SELECT title FROM articles")}


def test_a_directory_mixing_good_and_bad_files_ingests_the_good_ones(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    copy_good(pages)
    bad = {
        "empty.txt": (b"", "empty file"),
        "blank.txt": (b"\n  \r\n\t\n", "only white space"),
        "binary.txt": (random.Random(2).randbytes(3000), "binary data"),
        "photo.txt": (png(), "a PNG image, not a text file"),
        "scan.txt": (jpeg(), "a JPEG image, not a text file"),
        "latin1.txt": ("Café crème, naïve façade.\n".encode("latin-1") * 30, "not valid UTF-8"),
        "header.txt": ("2019年9月20日 星期五\n责任编辑:尹二荣\n".encode(), "no article found"),
    }
    for name, (data, _) in bad.items():
        (pages / name).write_bytes(data)
    result = run_cli("pages", "missing.txt", "--db", "a.db", cwd=tmp_path)
    assert result.returncode == 1
    expected = {f"pages/{name}": reason for name, (_, reason) in bad.items()}
    expected["missing.txt"] = "no such file or directory"
    errors = error_lines(result.stderr)
    assert len(errors) == len(expected), result.stderr
    for path, reason in expected.items():
        (line,) = [e for e in errors if e.startswith(f"error: {path}: ")]
        assert reason in line
    assert "(2 ingested, 0 unchanged, 8 rejected)" in result.stdout
    assert {TITLE_003, TITLE_004} <= archive_titles(tmp_path / "a.db")
    names = {r[0] for r in sqlite3.connect(tmp_path / "a.db").execute("SELECT name FROM sources")}
    assert names == set(GOOD)


def test_a_few_bad_bytes_are_a_warning_and_the_file_is_still_ingested(tmp_path: Path) -> None:
    text = seed_text(GOOD[0])
    lines = text.split("\n")
    data = bytearray(text.encode("gb18030"))
    data[len("\n".join(lines[:20]).encode("gb18030")) + 1] = 0xFF  # the start of line 21
    (tmp_path / "damaged.txt").write_bytes(bytes(data))
    result = run_cli("damaged.txt", "--db", "a.db", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    (warning,) = result.stderr.splitlines()
    assert re.fullmatch(
        r"warning: damaged.txt: \d undecodable bytes? replaced at line 21 \(gb18030\)", warning
    )
    conn = sqlite3.connect(tmp_path / "a.db")
    ((encoding, recorded),) = conn.execute("SELECT encoding, warnings FROM sources")
    assert encoding == "gb18030" and recorded == warning.split(": ", 2)[2]
    assert TITLE_003 in archive_titles(tmp_path / "a.db")


def test_a_very_large_file_is_rejected_before_it_is_read(tmp_path: Path) -> None:
    """50 MB of page text: refused by its size (the limit is --max-size), so
    the run stays fast and the good file beside it is ingested."""
    block = seed_text(GOOD[0]).encode("utf-8")
    with (tmp_path / "huge.txt").open("wb") as f:
        for _ in range(50_000_000 // len(block) + 1):
            f.write(block)
    copy_good(tmp_path)
    result = run_cli("huge.txt", GOOD[1], "--db", "a.db", cwd=tmp_path)
    assert result.returncode == 1
    assert error_lines(result.stderr) == ["error: huge.txt: too large (50 MB; the limit is 16 MB)"]
    assert TITLE_004 in archive_titles(tmp_path / "a.db")


def test_max_size_sets_the_limit(tmp_path: Path) -> None:
    copy_good(tmp_path)
    result = run_cli(*GOOD, "--max-size", "0.018", "--db", "a.db", cwd=tmp_path)
    assert result.returncode == 1
    assert error_lines(result.stderr) == [
        "error: 004_4b5a9efb3dca083f.txt: too large (0.0183 MB; the limit is 0.018 MB)"
    ]


def test_exit_status_is_0_when_nothing_is_rejected_and_2_on_usage_errors(tmp_path: Path) -> None:
    copy_good(tmp_path)
    assert run_cli(*GOOD, "--db", "a.db", cwd=tmp_path).returncode == 0
    assert run_cli(*GOOD, "--db", "a.db", cwd=tmp_path).returncode == 0  # unchanged
    assert run_cli("--db", "a.db", cwd=tmp_path).returncode == 2  # no path
    assert run_cli(GOOD[0], "--no-such-option", cwd=tmp_path).returncode == 2


def test_exit_status_is_3_when_another_ingest_holds_the_archive(tmp_path: Path) -> None:
    copy_good(tmp_path)
    with Archive(tmp_path / "a.db"):
        result = run_cli(*GOOD, "--db", "a.db", cwd=tmp_path)
    assert result.returncode == 3
    assert error_lines(result.stderr) == [
        "error: a.db: another ingest is updating it; files saved before it are kept"
    ]
    assert not (tmp_path / "a.db").exists()


def test_exit_status_is_3_when_the_archive_is_not_an_sqlite_file(tmp_path: Path) -> None:
    copy_good(tmp_path)
    (tmp_path / "a.db").write_text("not a database", encoding="utf-8")
    result = run_cli(*GOOD, "--db", "a.db", cwd=tmp_path)
    assert result.returncode == 3
    assert error_lines(result.stderr) == [
        "error: a.db: file is not a database; files saved before it are kept"
    ]
    assert (tmp_path / "a.db").read_text(encoding="utf-8") == "not a database"


def on_a_terminal(*args: str, cwd: Path) -> str:
    """What the CLI writes to stderr when stderr is a terminal."""
    controller, terminal = pty.openpty()
    rows_columns = struct.pack("HHHH", 24, 100, 0, 0)
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, rows_columns)  # tqdm sizes its bars by it
    process = subprocess.Popen(
        [sys.executable, "-m", "ingest", *args],
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=terminal,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    os.close(terminal)
    chunks = []
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the terminal closed: the process is done
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=60)
    os.close(controller)
    return b"".join(chunks).decode("utf-8")


def test_on_a_terminal_progress_bars_show_and_errors_stay_whole_lines(tmp_path: Path) -> None:
    copy_good(tmp_path)
    (tmp_path / "photo.txt").write_bytes(png())
    screen = on_a_terminal(GOOD[0], "photo.txt", GOOD[1], "--db", "a.db", cwd=tmp_path)
    assert re.search(r"ingest: 100%\|█+\| 3/3 ", screen), screen
    assert re.search(r"12\.8k chars ", screen), screen  # 003 and 004 have 12,800 characters
    # Bars are redrawn with carriage returns and cursor-up escapes; the error
    # line is written whole between two redraws.
    pieces = re.split(r"\r|\n|\x1b\[A", screen)
    assert "error: photo.txt: a PNG image, not a text file" in pieces, screen


def test_quiet_shows_no_bar_even_on_a_terminal(tmp_path: Path) -> None:
    copy_good(tmp_path)
    (tmp_path / "photo.txt").write_bytes(png())
    screen = on_a_terminal(*GOOD, "photo.txt", "--db", "a.db", "--quiet", cwd=tmp_path)
    assert screen.strip().splitlines() == ["error: photo.txt: a PNG image, not a text file"]


def test_a_file_the_parser_fails_on_is_rejected_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy_good(tmp_path)

    def parse_or_fail(text: str) -> Document:
        if "株洲高新区:" in text:
            raise IndexError("list index out of range")
        return parse_document(text)

    monkeypatch.setattr(pipeline, "parse_document", parse_or_fail)
    outcomes = pipeline.ingest_paths(open_archive(tmp_path / "a.db"), [tmp_path / n for n in GOOD])
    assert [o.status for o in outcomes] == ["rejected", "ingested"]
    assert outcomes[0].reason == (
        f"{tmp_path / GOOD[0]}: could not be parsed (IndexError: list index out of range)"
    )
