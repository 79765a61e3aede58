"""The one path of the data: read → decode → parse → extract → save.

``ingest_items`` (over ``expand_paths``, which the CLI calls first to count
the files) and ``ingest_paths`` never stop at a bad file: each file's outcome
(ingested, unchanged, rejected with a reason) is reported and the good files
are saved, one transaction each. Where they are saved is the
caller's choice of *target* (``store.archive.Archive`` for a file updated safely,
``store.archive.Direct`` or a plain ``Database`` for an open database).
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import gc
import multiprocessing
import os
import signal
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Protocol

from sqlite_utils import Database

from ingest.extract.article import extract_document, warm_up
from ingest.manifest import NOTHING_GIVEN, Given, apply_given
from ingest.model import Document, Provenance, Source
from ingest.parse.document import parse_document
from ingest.store.archive import Direct
from ingest.store.ids import fingerprint
from ingest.store.rows import Rows, source_rows
from ingest.text.decode import DecodeError, decode_bytes
from ingest.text.fold import fold
from ingest.work import TooMuchWork, budget

TEXT_SUFFIXES = (".txt", ".md", ".text")
COUNTED = ("pages", "articles", "sections", "captions", "figures", "mentions")
# A day's paper is a few hundred kilobytes; a file far larger is most likely
# not a page file, and would take minutes and gigabytes to parse.
MAX_BYTES = 16_000_000
PR_SET_PDEATHSIG = 1  # linux/prctl.h


class Target(Protocol):
    def recorded_sha256(self, path: str) -> str | None: ...

    def save(self, rows: Rows) -> None: ...


class InputError(Exception):
    """A path that cannot be ingested, and why."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{shown(path)}: {reason}")
        self.path = os.fspath(path)
        self.reason = reason

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str]]:
        return type(self), (self.path, self.reason)  # to and from worker processes


class Skipped(InputError):
    """A path not ingested on purpose: a file inside a folder that is not a
    text file, or one already in this run. Counted in the summary and named
    with ``--verbose``; *warn* ones (a link leading out of its folder, a file
    given twice) are always named, as warnings."""

    warn = False


class Unsafe(Skipped):
    warn = True


@dataclass
class Outcome:
    path: str  # as given (or found below a directory given), as ``shown``
    status: str  # "ingested" | "unchanged" | "rejected" | "skipped"
    reason: str | None = None  # for a rejected or skipped path: "PATH: why"
    counts: dict[str, int] = field(default_factory=dict)
    people: frozenset[int] = frozenset()  # ids of the people the file names
    chars: int = 0
    work: int = 0  # steps of parsing and extraction (ingest/work.py)
    warnings: list[str] = field(default_factory=list)


def shown(path: Path | str) -> str:
    """*path* as text that can be printed and stored. A name that is not
    UTF-8 (a Latin-1 or GBK file name from an old disk: os.fsdecode gives it
    lone surrogates, which neither SQLite nor a UTF-8 terminal accepts) keeps
    its odd bytes as ``\\xNN`` escapes, so it is still told apart and named."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def record_path(path: Path) -> str:
    """The path as recorded in ``sources.path``: relative to the working
    directory when the file is below it, so a checkout anywhere records the
    same paths (and row ids)."""
    resolved = path.resolve()
    try:
        return shown(resolved.relative_to(Path.cwd().resolve()).as_posix())
    except ValueError:
        return shown(resolved.as_posix())


def kind(mode: int) -> str:
    """What a file that is not a regular one is, for a message."""
    kinds = (
        (stat.S_ISDIR, "a directory"),
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
    )
    return next((what for test, what in kinds if test(mode)), "not a regular file")


def cannot(e: OSError) -> str:
    if e.errno == errno.ENOENT:
        return "no such file or directory"
    return f"cannot read: {e.strerror}"


def below(directory: Path, real_root: str) -> Iterator[Path | InputError]:
    """The text files below *directory*, sorted; every other entry is a
    ``Skipped`` naming why. Symbolic links are followed only when they lead
    to a file below the folder given (*real_root*, resolved): a link to
    /etc/shadow in a folder of pages must not publish it. Links to directories
    are not descended (their files, when below the folder, are read where
    they are; a link to an ancestor would loop)."""
    try:
        entries = sorted(os.scandir(directory), key=lambda e: os.fsencode(e.name))
    except OSError as e:
        yield InputError(directory, cannot(e))
        return
    for entry in entries:
        path = directory / entry.name
        try:
            st = os.stat(path)
        except OSError as e:
            loop = e.errno == errno.ELOOP
            yield Skipped(path, "a symbolic link loop" if loop else f"a broken link ({cannot(e)})")
            continue
        if entry.is_symlink():
            target = os.path.realpath(path)
            if not Path(target).is_relative_to(real_root):
                outside = f"outside {shown(real_root)}"
                yield Unsafe(path, f"a symbolic link to {shown(target)}, {outside}")
                continue
            if stat.S_ISDIR(st.st_mode):
                yield Skipped(path, "a symbolic link to a directory (not followed)")
                continue
        if stat.S_ISDIR(st.st_mode):
            if path.suffix.lower() in TEXT_SUFFIXES:
                yield Skipped(path, "a directory with a text file's name (its files are read)")
            yield from below(path, real_root)
        elif not stat.S_ISREG(st.st_mode):
            yield Skipped(path, f"{kind(st.st_mode)}, not a regular file")
        elif path.suffix.lower() not in TEXT_SUFFIXES:
            yield Skipped(path, f"not a text file name ({', '.join(TEXT_SUFFIXES)})")
        else:
            yield path


def expand_paths(paths: Iterable[Path]) -> Iterator[Path | InputError]:
    """Files as given, and the text files below each directory, sorted; each
    file once, however it was reached (given twice, or directly and in its
    folder, or through a link or a hard link)."""
    seen: dict[tuple[int, int], Path] = {}
    for path in paths:
        try:
            st = os.stat(path)
        except OSError as e:
            yield InputError(path, cannot(e))
            continue
        if stat.S_ISDIR(st.st_mode):
            found = list(below(path, os.path.realpath(path)))
            if not any(isinstance(f, Path) for f in found):
                yield InputError(path, f"no text files ({', '.join(TEXT_SUFFIXES)}) in directory")
        elif stat.S_ISREG(st.st_mode):
            found = [path]
        else:
            yield InputError(path, f"not a regular file ({kind(st.st_mode)})")
            continue
        for item in found:
            yield once(item, seen, Unsafe if item is path else Skipped)  # given directly: say so


def once(
    path: Path | InputError, seen: dict[tuple[int, int], Path], skip: type[Skipped]
) -> Path | InputError:
    """*path*, or a *skip* when the file it names is one of *seen*."""
    if not isinstance(path, Path):
        return path
    try:
        st = os.stat(path)
    except OSError as e:  # gone since it was listed
        return InputError(path, cannot(e))
    key = (st.st_dev, st.st_ino)
    if key in seen:
        first = shown(seen[key])
        twice = "given twice" if first == shown(path) else f"the same file as {first}"
        return skip(path, f"{twice}, already in this run")
    seen[key] = path
    return path


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The bytes of *path*, if it is a regular file of at most *max_bytes*.

    Opened without blocking and checked on the open file: a file swapped for a
    FIFO or a device after the folder was listed would otherwise hang the run
    (or read a device forever)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as e:
        raise InputError(path, cannot(e)) from e
    with open(fd, "rb") as f:
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                raise InputError(path, f"not a regular file ({kind(st.st_mode)})")
            size = st.st_size
            if size <= max_bytes:
                data = f.read(max_bytes + 1)
                size = len(data)  # it may have grown since
        except OSError as e:
            raise InputError(path, cannot(e)) from e
    if size > max_bytes:
        raise InputError(
            path, f"too large ({size / 1e6:.3g} MB; the limit is {max_bytes / 1e6:.3g} MB)"
        )
    return data


def read_source(path: Path, max_bytes: int = MAX_BYTES) -> Source:
    data = read_bytes(path, max_bytes)
    try:
        decoded = decode_bytes(data)
    except DecodeError as e:
        raise InputError(path, str(e)) from e
    return Source(
        path=record_path(path),
        name=shown(path.name),
        sha256=decoded.sha256,
        encoding=decoded.encoding,
        text=decoded.text,
        size=len(data),
        warnings=decoded.warnings,
    )


def parse_source(path: Path, source: Source) -> Document:
    try:
        document = parse_document(source.text)
    except TooMuchWork:
        raise
    except Exception as e:  # a parser bug must not cost the run its other files
        raise InputError(path, f"could not be parsed ({type(e).__name__}: {e})") from e
    if not document.articles:
        chrome = (
            f" (only web chrome: {document.chrome_lines} lines)" if document.chrome_lines else ""
        )
        raise InputError(path, f"no article found in the text{chrome}")
    source.warnings.extend(document.warnings)
    return document


def build_rows(source: Source, document: Document, provenance: Provenance | None = None) -> Rows:
    """Extract each article of *document* (one call each), then build the
    file's rows from the document and what was found: the data's one path."""
    return source_rows(source, document, extract_document(document), provenance)


@dataclass(frozen=True)
class Task:
    """One file to prepare, with what the archive has recorded of it."""

    path: Path
    recorded_sha256: str | None
    force: bool
    max_bytes: int
    error: InputError | None = None  # a path that was rejected before reading
    given: Given = NOTHING_GIVEN  # what the user gave for it (manifest.py)


@dataclass
class Prepared:
    outcome: Outcome
    rows: Rows | None = None  # None when there is nothing to write


def prepare_file(task: Task) -> Prepared:
    """Read, decode, parse and extract one file: all the work but the write.

    Pure of the archive (it is handed the recorded sha256), so it runs in a
    worker process while the main process writes the previous file's rows.
    """
    path = task.path
    # fold() remembers the lines it folded so parse and extraction fold each
    # once; what it remembers of one file is no use for the next.
    fold.cache_clear()
    try:
        if task.error is not None:
            raise task.error
        source = read_source(path, task.max_bytes)
        given = task.given
        if not task.force and task.recorded_sha256 == fingerprint(source.sha256, given.to_json()):
            return Prepared(Outcome(shown(path), "unchanged", chars=len(source.text)))
        # A budget of work in proportion to the file's size (ingest/work.py).
        with budget(len(source.text)) as spent:
            document, provenance = apply_given(parse_source(path, source), given, path.name)
            rows = build_rows(source, document, provenance)
    except TooMuchWork as e:
        return Prepared(
            Outcome(shown(path), "rejected", reason=f"{shown(path)}: {e}", work=e.steps)
        )
    except Skipped as e:
        warnings = [e.reason] if e.warn else []
        return Prepared(Outcome(shown(e.path), "skipped", reason=str(e), warnings=warnings))
    except InputError as e:
        return Prepared(Outcome(shown(e.path), "rejected", reason=str(e)))
    outcome = Outcome(
        shown(path),
        "ingested",
        counts={t: rows.count(t) for t in COUNTED},
        people=frozenset(rows.people),
        chars=len(source.text),
        warnings=source.warnings,
        work=spent.steps,
    )
    return Prepared(outcome, rows)


def die_with_parent() -> None:
    """A worker is killed when the run that forked it dies (Linux), so an
    interrupted run leaves no orphan burning a core."""
    if sys.platform == "linux":
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


def work(conn: Connection) -> None:
    """A worker: prepare each task it is sent, until it is sent None."""
    die_with_parent()
    while (task := conn.recv()) is not None:
        conn.send(prepare_file(task))


@dataclass
class Worker:
    process: BaseProcess
    conn: Connection
    job: tuple[int, Task] | None = None  # the task it was handed, by its number

    @classmethod
    def start(cls, context: BaseContext) -> Worker:
        conn, child = context.Pipe()
        process = context.Process(target=work, args=(child,), daemon=True)
        process.start()
        child.close()  # the worker's end: when it dies, ours reads EOF
        return cls(process, conn)

    def died(self) -> Prepared:
        """The outcome of the task of a worker that died on it."""
        assert self.job is not None
        self.process.join()
        code = self.process.exitcode or 0
        how = f"signal {-code}" if code < 0 else f"exit status {code}"
        error = InputError(self.job[1].path, f"the worker reading it died ({how})")
        return Prepared(Outcome(shown(error.path), "rejected", reason=str(error)))

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.conn.send(None)
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


def prepared_in_order(tasks: Iterable[Task], jobs: int) -> Iterator[Prepared]:
    """``prepare_file`` over *tasks*, in *jobs* processes, results in order.

    At most two files per worker are in flight, so a fast reader never piles
    up a large archive's rows in memory while the writer catches up. Each
    worker holds one task at a time, so a worker that dies (SIGKILL, the
    kernel's out-of-memory killer) costs the run exactly that file, reported
    as an error, and is replaced by a new one for the rest. (A
    ProcessPoolExecutor breaks whole on one death, failing every file in
    flight, and does not say which one the dead worker held.)
    """
    if jobs <= 1:
        yield from map(prepare_file, tasks)
        return
    warm_up()  # load the dictionaries once, before the workers fork and share them
    # What is loaded so far lives as long as the run: frozen, the collector
    # leaves it out of every full collection, in each worker (0.71 of 22.5 s of
    # a worker's CPU on the 1k bench corpus went to walking it, 0.04 frozen)
    # and here, and does not write to it, so the workers' copies stay shared.
    # Thawed at the end, for a caller that runs on (the tests).
    gc.freeze()
    context = multiprocessing.get_context("fork")
    todo = enumerate(tasks)
    workers = [Worker.start(context) for _ in range(jobs)]
    done: dict[int, Prepared] = {}
    handed = yielded = 0
    more = True

    def hand_out() -> None:
        nonlocal handed, more
        for i, worker in enumerate(workers):
            if more and worker.job is None and handed - yielded < 2 * jobs:
                if not worker.process.is_alive():  # died idle: it held no file
                    worker.stop()
                    worker = workers[i] = Worker.start(context)
                job = next(todo, None)
                more = job is not None
                if job is not None:
                    worker.job = job
                    handed += 1
                    with contextlib.suppress(OSError):  # dead: seen by wait below
                        worker.conn.send(job[1])

    try:
        while True:
            hand_out()
            busy = [w for w in workers if w.job is not None]
            if not busy:
                break
            wait([w.conn for w in busy])  # readable on a result, or on EOF when it died
            for i, worker in enumerate(workers):
                if worker.job is None or not worker.conn.poll():
                    continue
                try:
                    done[worker.job[0]] = worker.conn.recv()
                    worker.job = None
                except (EOFError, OSError):
                    done[worker.job[0]] = worker.died()
                    worker.conn.close()
                    workers[i] = Worker.start(context)
            # A worker back with its file gets the next one before this
            # process writes: handed out after the write, each worker stood
            # idle for the write of every file (1.3-1.5 s of a worker's
            # 22 s on the 1k bench corpus, session 25).
            hand_out()
            while yielded in done:
                yield done.pop(yielded)
                yielded += 1
    finally:
        for worker in workers:
            worker.stop()
        gc.unfreeze()


def ingest_items(
    target: Target | Database,
    items: Iterable[Path | InputError],
    force: bool = False,
    on_outcome: Callable[[Outcome], None] = lambda o: None,
    max_bytes: int = MAX_BYTES,
    jobs: int = 1,
    given_for: Callable[[Path], Given] = lambda path: NOTHING_GIVEN,
) -> list[Outcome]:
    """Ingest each file of ``expand_paths``; its errors are reported in turn.
    *given_for* says what the user gave for a file (options, manifest).

    With *jobs* > 1, files are read, parsed and extracted in that many worker
    processes; this process writes them, in order, one transaction each.
    """
    if isinstance(target, Database):
        target = Direct(target)

    def tasks() -> Iterator[Task]:
        for item in items:
            if isinstance(item, InputError):
                yield Task(Path(item.path), None, force, max_bytes, error=item)
            else:
                recorded = target.recorded_sha256(record_path(item))
                yield Task(item, recorded, force, max_bytes, given=given_for(item))

    outcomes = []
    for prepared in prepared_in_order(tasks(), jobs):
        if prepared.rows is not None:
            target.save(prepared.rows)
        outcomes.append(prepared.outcome)
        on_outcome(prepared.outcome)
    return outcomes


def ingest_paths(
    target: Target | Database,
    paths: Iterable[Path],
    force: bool = False,
    on_outcome: Callable[[Outcome], None] = lambda o: None,
    max_bytes: int = MAX_BYTES,
    jobs: int = 1,
) -> list[Outcome]:
    """Ingest files and directories (every text file below them)."""
    return ingest_items(target, expand_paths(paths), force, on_outcome, max_bytes, jobs)
