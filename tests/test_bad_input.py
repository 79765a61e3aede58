"""Bad input: one line on stderr per bad file, naming it and the reason; the
good files of the same run are ingested; the exit status says whether
anything was rejected."""

from __future__ import annotations

import fcntl
import os
import pty
import random
import re
import signal
import sqlite3
import struct
import subprocess
import sys
import termios
import threading
import zlib
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS, seed_text
from test_archive import run_cli

from ingest import pipeline
from ingest.model import Document
from ingest.parse.document import parse_document
from ingest.store.archive import Archive
from ingest.store.write import open_archive

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


def source_paths(db: Path) -> list[str]:
    return sorted(r[0] for r in sqlite3.connect(db).execute("SELECT path FROM sources"))


def test_a_link_inside_a_folder_is_followed_only_to_a_file_below_it(tmp_path: Path) -> None:
    """A link to a file outside the folder (as to /etc/shadow, read as root
    and published with its absolute path) is skipped with a warning; one to a
    file below the folder is read, once."""
    pages, outside = tmp_path / "pages", tmp_path / "private"
    pages.mkdir()
    outside.mkdir()
    copy_good(pages)
    (outside / "secret.txt").write_bytes((SEEDS / GOOD[0]).read_bytes().replace(b"2019", b"2020"))
    (pages / "leak.txt").symlink_to(outside / "secret.txt")
    (pages / "sub").mkdir()
    (pages / "sub" / "again.txt").symlink_to(pages / GOOD[1])
    result = run_cli("pages", "--db", "a.db", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        f"warning: pages/leak.txt: a symbolic link to {outside / 'secret.txt'}, outside {pages}"
    ]
    assert source_paths(tmp_path / "a.db") == [f"pages/{name}" for name in GOOD]
    assert "(2 ingested, 0 unchanged, 0 rejected; 2 skipped)" in result.stdout


def test_every_file_skipped_in_a_folder_is_counted_and_named_with_verbose(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    copy_good(pages)
    os.mkfifo(pages / "pipe.txt")
    (pages / "loop.txt").symlink_to(pages / "loop.txt")
    (pages / "gone.txt").symlink_to(tmp_path / "nothing")
    (pages / "folder.txt").mkdir()
    (pages / "photo.jpg").write_bytes(jpeg())
    (pages / "up").symlink_to(pages)  # a link to a directory would loop
    quiet = run_cli("pages", "--db", "a.db", cwd=tmp_path)
    assert quiet.returncode == 0 and quiet.stderr == ""
    assert "2 files (2 ingested, 0 unchanged, 0 rejected; 6 skipped)" in quiet.stdout
    result = run_cli("pages", "--db", "a.db", "--verbose", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stderr.splitlines() == [
        "skipped: pages/folder.txt: a directory with a text file's name (its files are read)",
        "skipped: pages/gone.txt: a broken link (no such file or directory)",
        "skipped: pages/loop.txt: a symbolic link loop",
        "skipped: pages/photo.jpg: not a text file name (.txt, .md, .text)",
        "skipped: pages/pipe.txt: a FIFO, not a regular file",
        "skipped: pages/up: a symbolic link to a directory (not followed)",
    ]
    assert "(0 ingested, 2 unchanged, 0 rejected; 6 skipped)" in result.stdout


def test_the_same_file_reached_twice_is_ingested_once(tmp_path: Path) -> None:
    """Given twice, given directly beside its folder, or under a second name
    (a hard link): one file, read once."""
    pages = tmp_path / "pages"
    pages.mkdir()
    copy_good(pages)
    os.link(pages / GOOD[1], pages / "copy.txt")
    result = run_cli(
        f"pages/{GOOD[0]}", f"pages/{GOOD[0]}", "pages", "--db", "a.db", "-v", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        f"warning: pages/{GOOD[0]}: given twice, already in this run",
        f"skipped: pages/{GOOD[0]}: given twice, already in this run",
        f"skipped: pages/copy.txt: the same file as pages/{GOOD[1]}, already in this run",
    ]
    assert "2 files (2 ingested, 0 unchanged, 0 rejected; 3 skipped)" in result.stdout
    assert source_paths(tmp_path / "a.db") == [f"pages/{name}" for name in GOOD]


def test_a_file_swapped_for_a_fifo_after_listing_is_an_error_not_a_hang(tmp_path: Path) -> None:
    copy_good(tmp_path)
    items = list(pipeline.expand_paths([tmp_path]))
    (tmp_path / GOOD[0]).unlink()
    os.mkfifo(tmp_path / GOOD[0])  # no writer: an open for reading would wait forever
    outcomes: list[pipeline.Outcome] = []

    def ingest() -> None:  # in a thread of its own, which has its own connection
        outcomes.extend(pipeline.ingest_items(open_archive(tmp_path / "a.db"), items))

    run = threading.Thread(target=ingest, daemon=True)
    run.start()
    run.join(timeout=60)
    assert not run.is_alive(), "the run hangs on the FIFO"
    assert [(o.status, o.reason) for o in outcomes] == [
        ("rejected", f"{tmp_path / GOOD[0]}: not a regular file (a FIFO)"),
        ("ingested", None),
    ]


def test_a_file_name_that_is_not_utf8_is_recorded_with_its_bytes_escaped(tmp_path: Path) -> None:
    """A Latin-1 name from an old disk used to abort the whole run."""
    name = b"caf\xe9.txt"
    (tmp_path / os.fsdecode(name)).write_bytes((SEEDS / GOOD[0]).read_bytes())
    copy_good(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "ingest", name, GOOD[1], "--db", "a.db"],
        cwd=tmp_path,
        capture_output=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    conn = sqlite3.connect(tmp_path / "a.db")
    assert sorted(conn.execute("SELECT path, name FROM sources")) == [
        (GOOD[1], GOOD[1]),
        ("caf\\xe9.txt", "caf\\xe9.txt"),
    ]


def test_a_file_name_longer_than_the_system_allows_is_a_named_error(tmp_path: Path) -> None:
    copy_good(tmp_path)
    long = "页" * 100 + ".txt"  # 304 bytes; ext4 allows 255
    result = run_cli(long, GOOD[0], "--db", "a.db", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"error: {long}: cannot read: File name too long"]
    assert TITLE_003 in archive_titles(tmp_path / "a.db")


@pytest.mark.parametrize("size", ["nan", "inf", "-1", "0"])
def test_max_size_must_be_a_finite_size_above_0(tmp_path: Path, size: str) -> None:
    copy_good(tmp_path)
    result = run_cli(GOOD[0], "--max-size", size, "--db", "a.db", cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert f"Invalid value for '--max-size': {float(size)} is not a size in MB above 0" in (
        result.stderr
    )
    assert not (tmp_path / "a.db").exists()


def test_an_unreadable_file_is_a_named_error_and_the_good_file_beside_it_lands(
    tmp_path: Path,
) -> None:
    """chmod 000 stops no root, so the run drops the capabilities that let
    root read any file (setpriv), and the file is really unreadable."""
    copy_good(tmp_path)
    (tmp_path / GOOD[0]).chmod(0)
    command = [sys.executable, "-m", "ingest", GOOD[0], GOOD[1], "--db", "a.db"]
    if os.geteuid() == 0:
        caps = "-dac_override,-dac_read_search"
        command = ["setpriv", f"--inh-caps={caps}", f"--bounding-set={caps}", "--", *command]
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, env=env)
    assert result.returncode == 1, result.stderr
    assert error_lines(result.stderr) == [f"error: {GOOD[0]}: cannot read: Permission denied"]
    assert archive_titles(tmp_path / "a.db") >= {TITLE_004}
    assert TITLE_003 not in archive_titles(tmp_path / "a.db")


def busy_children(pid: int) -> list[int]:
    """The processes whose parent is *pid* that are running now, and have
    run for 20 ms or more (from /proc, as ps reads it): a worker reading a
    file, not one waiting for its next or just forked."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:  # it ended meanwhile
                continue
            state, parent, cpu_ticks = fields[0], int(fields[1]), int(fields[11]) + int(fields[12])
            if parent == pid and state == "R" and cpu_ticks * 1000 >= 20 * os.sysconf("SC_CLK_TCK"):
                found.append(int(entry.name))
    return found


def test_a_worker_killed_mid_run_costs_only_its_file_and_the_run_goes_on(tmp_path: Path) -> None:
    """A real worker process of a real run is sent SIGKILL, as the kernel's
    out-of-memory killer would: its file gets a named error, every other file
    lands (the run used to end with BrokenProcessPool, saving nothing)."""
    pages = tmp_path / "pages"
    pages.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    names = []
    for n in range(24):  # enough work that the workers are busy when one is killed
        seed = seeds[n % len(seeds)]
        names.append(f"{n:02d}_{seed.name}")
        (pages / names[-1]).write_bytes(seed.read_bytes() + f"\n第{n}份\n".encode())
    run = subprocess.Popen(
        [sys.executable, "-m", "ingest", "pages", "--db", "a.db", "--jobs", "2"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    killed = None
    while killed is None and run.poll() is None:
        workers = busy_children(run.pid)
        if workers:
            killed = workers[0]
            os.kill(killed, signal.SIGKILL)
    stdout, stderr = run.communicate(timeout=300)
    assert killed is not None, "the run ended before a worker was seen"
    assert run.returncode == 1, stderr
    (error,) = error_lines(stderr)
    match = re.fullmatch(r"error: pages/(.+): the worker reading it died \(signal 9\)", error)
    assert match, stderr
    assert "24 files (23 ingested, 0 unchanged, 1 rejected)" in stdout
    assert source_paths(tmp_path / "a.db") == sorted(
        f"pages/{name}" for name in names if name != match[1]
    )


def test_a_gb18030_file_with_a_utf8_line_is_stored_as_printed_with_a_warning(
    tmp_path: Path,
) -> None:
    lines = seed_text(GOOD[0]).split("\n")
    title_line = lines.index(TITLE_003.split(":")[0] + ":") + 1
    data = b"\n".join(
        line.encode("utf-8" if n == title_line else "gb18030") for n, line in enumerate(lines, 1)
    )
    (tmp_path / "pasted.txt").write_bytes(data)
    result = run_cli("pasted.txt", "--db", "a.db", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        f"warning: pasted.txt: lines in two encodings: 1 line read as utf-8 (line {title_line}), "
        "the rest as gb18030"
    ]
    assert TITLE_003 in archive_titles(tmp_path / "a.db")
    conn = sqlite3.connect(tmp_path / "a.db")
    ((encoding, recorded),) = conn.execute("SELECT encoding, warnings FROM sources")
    assert encoding == "gb18030" and recorded == result.stderr.strip().split(": ", 2)[2]


def test_the_readme_web_copy_messages_are_what_the_command_says(tmp_path: Path) -> None:
    # the README's Ingest section quotes these two lines for a user's folder
    # of web copies: a menu page rejected, a page with no headline kept
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    pages = tmp_path / "pages"
    pages.mkdir()
    menu = "首页\n新闻中心\n株洲要闻\n县市区\n上一篇\n下一篇\n返回顶部\n关闭本页 打印本页\n"
    menu += "字号:【大 中 小】\n分享到:微信 微博\n"
    (pages / "menu.txt").write_text(menu, encoding="utf-8")
    (pages / "x.txt").write_text(
        "9月12日上午,芦淞区建宁街道组织志愿者走进小区,为居民免费磨刀、修伞、量血压,"
        "一直忙到中午才收摊,前来排队的居民络绎不绝。\n",
        encoding="utf-8",
    )
    result = run_cli("pages", "--db", "a.db", cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 2, result.stderr
    for line in lines:
        assert f"`{line}`" in readme, line
    with sqlite3.connect(tmp_path / "a.db") as conn:
        rows = conn.execute("SELECT title_derived FROM articles").fetchall()
    assert rows == [(1,)]
