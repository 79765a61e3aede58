"""SIGKILL the ingest at random moments: the archive must stay whole.

    python -m bench.kill                  # 50 kills in each mode
    python -m bench.kill --kills 10 --mode copy

The archive starts as a build of the five seeds. The run under test changes
one seed (002) and adds more files (the seeds again, under new names, in
GB18030, Big5 and UTF-16), so it both replaces and adds rows. Each kill copies the starting
archive, starts ``python -m ingest`` on it, sends SIGKILL at a random moment
of its work (between the end of Python's start-up and the end of an
uninterrupted run) and then checks the archive:

* ``PRAGMA integrity_check`` is ok, no foreign key is broken, and the full-text
  indexes pass FTS5's own integrity check;
* every table's rows are one of the states the run may leave: in the default
  (copy) mode the archive before the run, byte for byte, or after it; with
  ``--in-place``, the state after any whole number of files;
* a second, uninterrupted run then brings it to the state after the run.

tests/test_atomic.py runs a handful of these kills; this script runs many.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import opencc

from ingest.pipeline import ingest_paths
from ingest.store.schema import TABLES
from ingest.store.write import open_archive
from zhfts import register_tokenizer

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CHANGED = "002_4e8a31d454a890d3.txt"
ENCODINGS = ("gb18030", "big5hkscs", "utf-16")  # Big5-HKSCS: seed 001 prints 丨
MODES = {"copy": (), "in-place": ("--in-place",)}


def fingerprint(path: Path) -> str:
    """A hash of every row of every table, in a stable order."""
    conn = sqlite3.connect(path)
    digest = hashlib.sha256()
    for table in TABLES:
        for row in conn.execute(f"SELECT * FROM [{table.name}] ORDER BY id"):
            digest.update(repr(row).encode())
    conn.close()
    return digest.hexdigest()


def problems(path: Path) -> list[str]:
    """What is wrong with the archive at *path* as SQLite sees it (opening it
    read-write, as the next ingest would: that rolls back or replays a journal
    an in-place run left)."""
    conn = sqlite3.connect(path)
    register_tokenizer(conn)
    found = [r[0] for r in conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
    found += [f"foreign key: {r}" for r in conn.execute("PRAGMA foreign_key_check")]
    for table in TABLES:
        if table.fts:
            fts = f"[{table.name}_fts]"
            try:
                conn.execute(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')")
            except sqlite3.DatabaseError as e:
                found.append(f"{table.name}_fts: {e}")
    conn.close()
    return found


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass
class Scenario:
    """The inputs, the starting archive and every state a run may leave."""

    work: Path
    added: int = 9  # files the run adds
    before: Path = field(init=False)
    states: list[str] = field(default_factory=list)  # fingerprints, in ingest order
    startup_seconds: float = 0.0  # before the run reads its first file
    run_seconds: float = 0.0

    def __post_init__(self) -> None:
        with contextlib.chdir(self.work):  # paths are recorded relative to it, as the CLI's are
            self.prepare(Path("seeds"), Path("more"))
        started = time.monotonic()
        subprocess.run([sys.executable, "-m", "ingest", "--version"], capture_output=True)
        self.startup_seconds = time.monotonic() - started
        started = time.monotonic()
        self.run(self.work / "timed.db", ()).wait()
        self.run_seconds = time.monotonic() - started

    def delay(self, rng: random.Random) -> float:
        """A moment during the run's work: past Python's start-up and imports."""
        return rng.uniform(self.startup_seconds, self.run_seconds)

    def prepare(self, seeds: Path, more: Path) -> None:
        shutil.copytree(SEEDS, seeds)
        self.before = self.work / "before.db"
        db = open_archive(self.before)
        ingest_paths(db, [seeds])
        db.close()
        changed = seeds / CHANGED
        changed.chmod(0o644)
        changed.write_text(changed.read_text("utf-8").replace("种农夜色", "株洲夜色"), "utf-8")
        more.mkdir()
        s2tw = opencc.OpenCC("s2tw")  # Big5 has the traditional characters only
        seeds_in_turn = sorted(SEEDS.glob("*.txt")) * self.added
        for n, seed in enumerate(seeds_in_turn[: self.added]):
            encoding = ENCODINGS[n % len(ENCODINGS)]
            text = seed.read_text("utf-8")
            text = s2tw.convert(text) if encoding == "big5hkscs" else text
            (more / f"{n:02d}-{encoding}.txt").write_text(text, encoding)
        # The states an in-place run passes through: one more file each time.
        reference = self.work / "reference.db"
        shutil.copy(self.before, reference)
        db = open_archive(reference)
        self.states = [fingerprint(self.before)]
        for item in [changed, *sorted(more.iterdir())]:
            ingest_paths(db, [item])
            self.states.append(fingerprint(reference))
        db.close()

    def run(self, target: Path, options: tuple[str, ...]) -> subprocess.Popen:
        shutil.copy(self.before, target)
        return subprocess.Popen(
            [sys.executable, "-m", "ingest", "seeds", "more", "--db", target.name, "-q", *options],
            cwd=self.work,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )


def committed(scenario: Scenario, target: Path) -> int:
    """How many of the run's files the archive at *target* holds, as a
    reader sees it now (-1 for a state the run may not leave)."""
    try:
        state = fingerprint(target)
    except sqlite3.Error:  # a moment when a reader cannot open it
        return -1
    return scenario.states.index(state) if state in scenario.states else -1


def wait_for_commits(scenario: Scenario, target: Path, process: subprocess.Popen, n: int) -> int:
    """Poll, as a reader would, until *n* files are committed (or the run ends)."""
    deadline = time.monotonic() + 120
    while process.poll() is None and time.monotonic() < deadline:
        seen = committed(scenario, target)
        if seen >= n:
            return seen
        time.sleep(0.01)
    return committed(scenario, target)


def kill_once(
    scenario: Scenario, mode: str, delay: float = 0.0, after_commits: int | None = None
) -> str:
    """Kill a run after *delay* seconds, or once a reader has seen
    *after_commits* of its files committed; return where the archive landed
    ("before", "after", "file N of M", or "finished" if the run was faster),
    raising AssertionError if it is not whole or lost a file committed before
    the kill."""
    target = scenario.work / f"kill-{mode}.db"
    for leftover in scenario.work.glob(f"{target.name}*"):
        leftover.unlink()
    process = scenario.run(target, MODES[mode])
    seen = 0
    if after_commits is None:
        time.sleep(delay)
    else:
        seen = wait_for_commits(scenario, target, process, after_commits)
    process.send_signal(signal.SIGKILL)
    finished = process.wait() == 0
    abandoned = bool(list(scenario.work.glob(f"{target.name}.tmp-*")))
    wrong = problems(target)
    assert not wrong, wrong
    state = fingerprint(target)
    # Both modes write in place now (--in-place is the default's alias).
    allowed = scenario.states
    assert state in allowed, f"{mode}: rows match no state the run may leave"
    index = scenario.states.index(state)
    assert index >= seen, f"{mode}: {seen} files were committed before the kill, {index} kept"
    rerun = subprocess.run(
        [sys.executable, "-m", "ingest", "seeds", "more", "--db", target.name, "-q", *MODES[mode]],
        cwd=scenario.work,
        capture_output=True,
        text=True,
    )
    assert rerun.returncode == 0, rerun.stderr
    assert fingerprint(target) == scenario.states[-1]
    assert not list(scenario.work.glob(f"{target.name}.tmp-*")), "a stale copy was left"
    if finished:
        return "finished"
    last = len(scenario.states) - 1
    if index == 0 and abandoned:
        return "before (copy abandoned)"
    return {0: "before", last: "after"}.get(index, f"file {index} of {last}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kills", type=int, default=50, help="kills per mode")
    parser.add_argument("--mode", choices=[*MODES, "both"], default="both")
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as work:
        scenario = Scenario(Path(work))
        print(
            f"an uninterrupted run takes {scenario.run_seconds:.2f} s, "
            f"{scenario.startup_seconds:.2f} s of it start-up",
            flush=True,
        )
        for mode in MODES if args.mode == "both" else [args.mode]:
            landed: Counter[str] = Counter()
            started = time.monotonic()
            for _ in range(args.kills):
                landed[kill_once(scenario, mode, scenario.delay(rng))] += 1
            print(
                f"{mode}: {args.kills} kills, all whole ({time.monotonic() - started:.0f} s); "
                f"landed: {dict(sorted(landed.items()))}",
                flush=True,
            )


if __name__ == "__main__":
    main()
