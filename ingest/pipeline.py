"""The one path of the data: read → decode → parse → extract → save.

``ingest_paths`` is what the CLI calls; it never stops at a bad file: each
file's outcome (ingested, unchanged, rejected with a reason) is reported and
the good files are saved, one transaction each.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from .decode import DecodeError, decode_bytes
from .model import Source
from .parse import parse_document
from .save import recorded_sha256, save_source

TEXT_SUFFIXES = (".txt", ".md", ".text")
COUNTED = ("pages", "articles", "sections", "captions", "figures", "mentions")


class InputError(Exception):
    """A path that cannot be ingested; the message names it and says why."""


@dataclass
class Outcome:
    path: str
    status: str  # "ingested" | "unchanged" | "rejected"
    reason: str | None = None
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


def expand_paths(paths: list[Path]) -> Iterator[Path | InputError]:
    """Files as given, and the text files below each directory, sorted."""
    for path in paths:
        if path.is_dir():
            files = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES
            )
            if not files:
                yield InputError(f"{path}: no text files ({', '.join(TEXT_SUFFIXES)}) in directory")
            yield from files
        elif path.is_file():
            yield path
        elif path.exists():
            yield InputError(f"{path}: not a regular file")
        else:
            yield InputError(f"{path}: no such file or directory")


def read_source(path: Path) -> Source:
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(f"{path}: cannot read: {e.strerror}") from e
    try:
        decoded = decode_bytes(data)
    except DecodeError as e:
        raise InputError(f"{path}: {e}") from e
    return Source(
        path=record_path(path),
        name=path.name,
        sha256=decoded.sha256,
        encoding=decoded.encoding,
        text=decoded.text,
        size=len(data),
    )


def ingest_file(db: Database, path: Path, force: bool = False) -> Outcome:
    source = read_source(path)
    if not force and recorded_sha256(db, source.path) == source.sha256:
        return Outcome(source.path, "unchanged", chars=len(source.text))
    document = parse_document(source.text)
    if not document.articles:
        raise InputError(f"{path}: no article found in the text")
    rows = save_source(db, source, document)
    counts = {t: rows.count(t) for t in COUNTED}
    return Outcome(
        source.path,
        "ingested",
        counts=counts,
        people=len(rows.people),
        chars=len(source.text),
        warnings=source.warnings,
    )


def ingest_paths(
    db: Database,
    paths: list[Path],
    force: bool = False,
    on_outcome: Callable[[Outcome], None] = lambda o: None,
) -> list[Outcome]:
    outcomes = []
    for item in expand_paths(paths):
        if isinstance(item, InputError):
            outcome = Outcome(str(item).split(":")[0], "rejected", reason=str(item))
        else:
            try:
                outcome = ingest_file(db, item, force)
            except InputError as e:
                outcome = Outcome(os.fspath(item), "rejected", reason=str(e))
        outcomes.append(outcome)
        on_outcome(outcome)
    return outcomes
