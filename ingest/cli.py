"""``python -m ingest PATH... --db FILE``: thin glue over ``pipeline`` and ``save.Archive``."""

from __future__ import annotations

import math
import os
import sqlite3
import sys
import time
from pathlib import Path

import click
from tqdm import tqdm

from .pipeline import COUNTED, MAX_BYTES, Outcome, Skipped, expand_paths, ingest_items
from .save import Archive, ArchiveBusy

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
    skipped = sum(o.status == "skipped" for o in outcomes)
    # Files skipped inside folders (and files given twice) are not "files" of
    # the run, but each is counted, so none is passed over unseen.
    also = f"; {skipped} skipped" if skipped else ""
    totals = {t: sum(o.counts.get(t, 0) for o in ingested) for t in COUNTED}
    # Distinct across the files: one person named in two files is one person,
    # as in the people table.
    people = len(frozenset().union(*(o.people for o in ingested)))
    return (
        f"{len(outcomes) - skipped} files ({len(ingested)} ingested, {unchanged} unchanged, "
        f"{rejected} rejected{also}): {totals['pages']} pages, {totals['articles']} articles, "
        f"{totals['sections']} sections, {totals['captions']} captions, {people} people, "
        f"{totals['figures']} figures in {seconds:.2f} s"
    )


def megabytes(ctx: click.Context, param: click.Parameter, value: float) -> float:
    """``--max-size``: a size in MB, finite and above 0 (nan, inf and -1
    would reject every file, or none, or fail on the conversion to bytes)."""
    if not (math.isfinite(value) and value > 0):
        raise click.BadParameter(f"{value} is not a size in MB above 0 (e.g. 16 or 0.5)")
    return value


class Progress:
    """Two bars on stderr, files and characters, shown only on a terminal;
    each error and warning is one line written above them (``tqdm.write``
    clears and redraws the bars, so the lines are never garbled)."""

    def __init__(self, files: int, show: bool, verbose: bool = False) -> None:
        self.verbose = verbose
        common = {"disable": not show, "file": sys.stderr}
        self.files = tqdm(total=files, desc="ingest", unit=" files", **common)
        self.chars = tqdm(unit=" chars", unit_scale=True, position=1, **common)

    def report(self, outcome: Outcome) -> None:
        if outcome.status == "skipped":
            if self.verbose and not outcome.warnings:
                tqdm.write(f"skipped: {outcome.reason}", file=sys.stderr)
        else:
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
# readable=False: an unreadable file is the pipeline's one-line error, and
# the files beside it are still ingested (click would stop the whole run).
@click.argument("paths", nargs=-1, required=True, type=click.Path(readable=False, path_type=Path))
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
    help="Write into the archive itself (one transaction per file) instead of a copy "
    "that replaces it at the end: for archives too large to copy. A Datasette "
    "serving the archive must then run without -i.",
)
@click.option(
    "--max-size",
    type=float,
    callback=megabytes,
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
@click.option(
    "-v",
    "--verbose",
    is_flag=True,
    help="Name each file skipped inside a folder (not a text file name, a FIFO, a link "
    "loop, a file already in the run …); the summary counts them either way.",
)
@click.version_option(package_name="zhuzhou-news-archive")
def main(
    paths: tuple[Path, ...],
    db_path: Path,
    force: bool,
    in_place: bool,
    max_size: float,
    jobs: int,
    quiet: bool,
    verbose: bool,
) -> None:
    """Ingest news page text files (and directories of them) into the archive.

    Unchanged files (same sha256) are skipped; a changed file replaces only its
    own rows. A file that cannot be read gets a one-line error naming it and the
    reason, and the other files are still ingested. The archive is updated in a
    copy that replaces it when the run is complete, so an interrupted run leaves
    it as it was.
    """
    started = time.monotonic()
    items = list(expand_paths(paths))
    files = sum(not isinstance(i, Skipped) for i in items)
    progress = Progress(files, not quiet and sys.stderr.isatty(), verbose)
    try:
        with Archive(db_path, in_place=in_place) as archive:
            outcomes = ingest_items(
                archive, items, force, progress.report, int(max_size * 1e6), jobs
            )
    except (ArchiveBusy, sqlite3.Error, OSError) as e:
        progress.close()
        kept = "files saved before it are kept" if in_place else "the archive is unchanged"
        click.echo(f"error: {db_path}: {e}; {kept}", err=True)
        sys.exit(3)
    progress.close()
    if not quiet:
        click.echo(summary_line(outcomes, time.monotonic() - started))
    sys.exit(1 if any(o.status == "rejected" for o in outcomes) else 0)
