"""The one path of the data: read → decode → parse → extract → save.

``ingest_items`` (over ``expand_paths``, which the CLI calls first to count
the files) and ``ingest_paths`` never stop at a bad file: each file's outcome
(ingested, unchanged, rejected with a reason) is reported and the good files
are saved, one transaction each. Where they are saved is the
caller's choice of *target* (``save.Archive`` for a file updated safely,
``save.Direct`` or a plain ``Database`` for an open database).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from sqlite_utils import Database

from .decode import DecodeError, decode_bytes
from .model import Document, Source
from .parse import parse_document
from .save import Direct, Rows

TEXT_SUFFIXES = (".txt", ".md", ".text")
COUNTED = ("pages", "articles", "sections", "captions", "figures", "mentions")
# A day's paper is a few hundred kilobytes; a file far larger is most likely
# not a page file, and would take minutes and gigabytes to parse.
MAX_BYTES = 16_000_000


class Target(Protocol):
    def recorded_sha256(self, path: str) -> str | None: ...

    def save(self, source: Source, document: Document) -> Rows: ...


class InputError(Exception):
    """A path that cannot be ingested, and why."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = os.fspath(path)


@dataclass
class Outcome:
    path: str  # as given (or found below a directory given)
    status: str  # "ingested" | "unchanged" | "rejected"
    reason: str | None = None  # for a rejected path: "PATH: why"
    counts: dict[str, int] = field(default_factory=dict)
    people: int = 0
    chars: int = 0
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
    except Exception as e:  # a parser bug must not cost the run its other files
        raise InputError(path, f"could not be parsed ({type(e).__name__}: {e})") from e
    if not document.articles:
        raise InputError(path, "no article found in the text")
    return document


def ingest_file(
    target: Target, path: Path, force: bool = False, max_bytes: int = MAX_BYTES
) -> Outcome:
    source = read_source(path, max_bytes)
    if not force and target.recorded_sha256(source.path) == source.sha256:
        return Outcome(os.fspath(path), "unchanged", chars=len(source.text))
    rows = target.save(source, parse_source(path, source))
    return Outcome(
        os.fspath(path),
        "ingested",
        counts={t: rows.count(t) for t in COUNTED},
        people=len(rows.people),
        chars=len(source.text),
        warnings=source.warnings,
    )


def ingest_items(
    target: Target | Database,
    items: Iterable[Path | InputError],
    force: bool = False,
    on_outcome: Callable[[Outcome], None] = lambda o: None,
    max_bytes: int = MAX_BYTES,
) -> list[Outcome]:
    """Ingest each file of ``expand_paths``; its errors are reported in turn."""
    if isinstance(target, Database):
        target = Direct(target)
    outcomes = []
    for item in items:
        try:
            if isinstance(item, InputError):
                raise item
            outcome = ingest_file(target, item, force, max_bytes)
        except InputError as e:
            outcome = Outcome(e.path, "rejected", reason=str(e))
        outcomes.append(outcome)
        on_outcome(outcome)
    return outcomes


def ingest_paths(
    target: Target | Database,
    paths: Iterable[Path],
    force: bool = False,
    on_outcome: Callable[[Outcome], None] = lambda o: None,
    max_bytes: int = MAX_BYTES,
) -> list[Outcome]:
    """Ingest files and directories (every text file below them)."""
    return ingest_items(target, expand_paths(paths), force, on_outcome, max_bytes)
