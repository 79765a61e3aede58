"""``python -m ingest PATH... --db FILE``: thin glue over ``pipeline`` and ``save.Archive``."""

from __future__ import annotations

import os
import sqlite3
import sys
import time
from pathlib import Path

import click
from tqdm import tqdm

from .pipeline import COUNTED, MAX_BYTES, Outcome, expand_paths, ingest_items
from .save import Archive, ArchiveBusy, ArchiveLinked

EXAMPLE = """
\b
Example:
  python -m ingest seeds/ --db zhuzhou.db
  python -m ingest new-pages/2024-01-05.txt --db zhuzhou.db --quiet

\b
Exit status:
  0  every file ingested (or unchanged)
  1  some path rejected; the other files were ingested
  2  usage error
  3  the archive could not be updated (another ingest holds it, disk full …)
"""


def summary_line(outcomes: list[Outcome], seconds: float) -> str:
    ingested = [o for o in outcomes if o.status == "ingested"]
    unchanged = sum(o.status == "unchanged" for o in outcomes)
    rejected = sum(o.status == "rejected" for o in outcomes)
    totals = {t: sum(o.counts.get(t, 0) for o in ingested) for t in COUNTED}
    # Distinct across the files: one person named in two files is one person,
    # as in the people table.
    people = len(frozenset().union(*(o.people for o in ingested)))
    return (
        f"{len(outcomes)} files ({len(ingested)} ingested, {unchanged} unchanged, "
        f"{rejected} rejected): {totals['pages']} pages, {totals['articles']} articles, "
        f"{totals['sections']} sections, {totals['captions']} captions, {people} people, "
        f"{totals['figures']} figures in {seconds:.2f} s"
    )


class Progress:
    """Two bars on stderr, files and characters, shown only on a terminal;
    each error and warning is one line written above them (``tqdm.write``
    clears and redraws the bars, so the lines are never garbled)."""

    def __init__(self, files: int, show: bool) -> None:
        common = {"disable": not show, "file": sys.stderr}
        self.files = tqdm(total=files, desc="ingest", unit=" files", **common)
        self.chars = tqdm(unit=" chars", unit_scale=True, position=1, **common)

    def report(self, outcome: Outcome) -> None:
        self.files.update(1)
        self.chars.update(outcome.chars)
        if outcome.status == "rejected":
            tqdm.write(f"error: {outcome.reason}", file=sys.stderr)
        for warning in outcome.warnings:
            tqdm.write(f"warning: {outcome.path}: {warning}", file=sys.stderr)

    def close(self) -> None:
        self.files.close()
        self.chars.close()


@click.command(epilog=EXAMPLE)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--db",
    "db_path",
    default="zhuzhou.db",
    show_default=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="SQLite archive to create or update.",
)
@click.option("--force", is_flag=True, help="Re-ingest files even when their sha256 is unchanged.")
@click.option(
    "--in-place",
    is_flag=True,
    hidden=True,
    help="Accepted for old scripts: writing in place is the default now.",
)
@click.option(
    "--max-size",
    type=float,
    default=MAX_BYTES / 1e6,
    show_default=True,
    metavar="MB",
    help="Reject files larger than this.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=os.cpu_count() or 1,
    show_default="number of CPUs",
    help="Worker processes that read, parse and extract files (the main process writes).",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary.")
@click.version_option(package_name="zhuzhou-news-archive")
def main(
    paths: tuple[Path, ...],
    db_path: Path,
    force: bool,
    in_place: bool,
    max_size: float,
    jobs: int,
    quiet: bool,
) -> None:
    """Ingest news page text files (and directories of them) into the archive.

    Unchanged files (same sha256) are skipped; a changed file replaces only its
    own rows. A file that cannot be read gets a one-line error naming it and the
    reason, and the other files are still ingested. The archive is updated in
    place, one transaction per file (WAL mode), so an interrupted run keeps
    every file saved before it and a server reading the archive keeps
    answering. --db may be a symlink (its target is updated), not a hard link.
    """
    started = time.monotonic()
    items = list(expand_paths(paths))
    progress = Progress(sum(isinstance(i, Path) for i in items), not quiet and sys.stderr.isatty())
    try:
        with Archive(db_path) as archive:
            outcomes = ingest_items(
                archive, items, force, progress.report, int(max_size * 1e6), jobs
            )
    except (ArchiveBusy, ArchiveLinked, sqlite3.Error, OSError) as e:
        progress.close()
        click.echo(f"error: {db_path}: {e}; files saved before it are kept", err=True)
        sys.exit(3)
    progress.close()
    if not quiet:
        click.echo(summary_line(outcomes, time.monotonic() - started))
    sys.exit(1 if any(o.status == "rejected" for o in outcomes) else 0)
