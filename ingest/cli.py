"""``python -m ingest PATH... --db FILE``: thin glue over ``pipeline`` and
``store.archive.Archive``."""

from __future__ import annotations

import math
import os
import sqlite3
import sys
import time
from pathlib import Path

import click
from tqdm import tqdm

from ingest.manifest import Given, ManifestError, find_manifests, parse_date
from ingest.pipeline import COUNTED, MAX_BYTES, Outcome, Skipped, expand_paths, ingest_items
from ingest.store.archive import Archive, ArchiveBusy, ArchiveLinked

EXAMPLE = """
\b
Example:
  python -m ingest seeds/ --db zhuzhou.db
  python -m ingest new-pages/2024-01-05.txt --db zhuzhou.db --quiet
  python -m ingest saved/ --manifest saved/known.csv

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


def run_options(date: str | None, publication: str | None, url: str | None) -> Given:
    """What ``--date``, ``--publication`` and ``--url`` give every file of the run."""
    iso = parse_date(date) if date else None
    if date and iso is None:
        raise click.BadParameter(
            f"{date!r} is not a date (give it as YYYY-MM-DD)", param_hint="--date"
        )
    values = {"date": iso, "publication": publication or None, "url": url or None}
    origin = tuple((f, "option") for f, v in values.items() if v)
    return Given(**values, origin=origin)


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
    hidden=True,
    help="Accepted for old scripts: writing in place is the default now.",
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
@click.option("--date", "given_date", metavar="DATE", help="The date of every file (YYYY-MM-DD).")
@click.option("--publication", metavar="NAME", help="The publication of every file.")
@click.option("--url", metavar="URL", help="The address every file was saved from.")
@click.option(
    "--manifest",
    "manifests",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A CSV (path,url,date,publication,page) of what is known of the files; "
    "a sources.csv beside the files is read without it.",
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
    given_date: str | None,
    publication: str | None,
    url: str | None,
    manifests: tuple[Path, ...],
    quiet: bool,
    verbose: bool,
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
    options = run_options(given_date, publication, url)
    try:
        manifest = find_manifests(paths, manifests)
    except ManifestError as e:
        click.echo(f"error: {e}", err=True)
        sys.exit(2)
    items = list(expand_paths(paths))
    files = sum(not isinstance(i, Skipped) for i in items)
    progress = Progress(files, not quiet and sys.stderr.isatty(), verbose)
    try:
        with Archive(db_path) as archive:
            outcomes = ingest_items(
                archive,
                items,
                force,
                progress.report,
                int(max_size * 1e6),
                jobs,
                lambda path: options.over(manifest.get(path.resolve(), Given())),
            )
    except (ArchiveBusy, ArchiveLinked, sqlite3.Error, OSError) as e:
        progress.close()
        click.echo(f"error: {db_path}: {e}; files saved before it are kept", err=True)
        sys.exit(3)
    progress.close()
    if not quiet:
        click.echo(summary_line(outcomes, time.monotonic() - started))
    sys.exit(1 if any(o.status == "rejected" for o in outcomes) else 0)
