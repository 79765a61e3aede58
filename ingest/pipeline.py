"""The one path of the data: read → decode → parse → extract → save.

``ingest_items`` (over ``expand_paths``, which the CLI calls first to count
the files) and ``ingest_paths`` never stop at a bad file: each file's outcome
(ingested, unchanged, rejected with a reason) is reported and the good files
are saved, one transaction each. Where they are saved is the
caller's choice of *target* (``store.archive.Archive`` for a file updated safely,
``store.archive.Direct`` or a plain ``Database`` for an open database).
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
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
        super().__init__(f"{path}: {reason}")
        self.path = os.fspath(path)
        self.reason = reason

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str]]:
        return InputError, (self.path, self.reason)  # to and from worker processes


@dataclass
class Outcome:
    path: str  # as given (or found below a directory given)
    status: str  # "ingested" | "unchanged" | "rejected"
    reason: str | None = None  # for a rejected path: "PATH: why"
    counts: dict[str, int] = field(default_factory=dict)
    people: frozenset[int] = frozenset()  # ids of the people the file names
    chars: int = 0
    work: int = 0  # steps of parsing and extraction (ingest/work.py)
    warnings: list[str] = field(default_factory=list)


def record_path(path: Path) -> str:
    """The path as recorded in ``sources.path``: relative to the working
    directory when the file is below it, so a checkout anywhere records the
    same paths (and row ids)."""
    resolved = path.resolve()
    try:
        return resolved.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return resolved.as_posix()


def expand_paths(paths: Iterable[Path]) -> Iterator[Path | InputError]:
    """Files as given, and the text files below each directory, sorted."""
    for path in paths:
        if path.is_dir():
            files = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES
            )
            if not files:
                yield InputError(path, f"no text files ({', '.join(TEXT_SUFFIXES)}) in directory")
            yield from files
        elif path.is_file():
            yield path
        elif path.exists():
            yield InputError(path, "not a regular file")
        else:
            yield InputError(path, "no such file or directory")


def read_source(path: Path, max_bytes: int = MAX_BYTES) -> Source:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(
                path, f"too large ({size / 1e6:.3g} MB; the limit is {max_bytes / 1e6:.3g} MB)"
            )
        data = path.read_bytes()
    except OSError as e:
        raise InputError(path, f"cannot read: {e.strerror}") from e
    try:
        decoded = decode_bytes(data)
    except DecodeError as e:
        raise InputError(path, str(e)) from e
    return Source(
        path=record_path(path),
        name=path.name,
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
            return Prepared(Outcome(os.fspath(path), "unchanged", chars=len(source.text)))
        # A budget of work in proportion to the file's size (ingest/work.py).
        with budget(len(source.text)) as spent:
            document, provenance = apply_given(parse_source(path, source), given, path.name)
            rows = build_rows(source, document, provenance)
    except TooMuchWork as e:
        return Prepared(Outcome(os.fspath(path), "rejected", reason=f"{path}: {e}", work=e.steps))
    except InputError as e:
        return Prepared(Outcome(e.path, "rejected", reason=str(e)))
    outcome = Outcome(
        os.fspath(path),
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


def prepared_in_order(tasks: Iterable[Task], jobs: int) -> Iterator[Prepared]:
    """``prepare_file`` over *tasks*, in *jobs* processes, results in order.

    At most two files per worker are in flight, so a fast reader never piles
    up a large archive's rows in memory while the writer catches up.
    """
    if jobs <= 1:
        yield from map(prepare_file, tasks)
        return
    warm_up()  # load the dictionaries once, before the workers fork and share them
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=die_with_parent) as pool:
        pending: deque[Future[Prepared]] = deque()
        for task in tasks:
            pending.append(pool.submit(prepare_file, task))
            if len(pending) >= 2 * jobs:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


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
