"""``python -m ingest PATH... --db FILE``: thin glue over ``pipeline``."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click
from tqdm import tqdm

from .pipeline import COUNTED, Outcome, ingest_paths
from .save import open_archive

EXAMPLE = """
\b
Example:
  python -m ingest seeds/ --db zhuzhou.db
  python -m ingest new-pages/2024-01-05.txt --db zhuzhou.db --quiet
"""


def summary_line(outcomes: list[Outcome], seconds: float) -> str:
    ingested = [o for o in outcomes if o.status == "ingested"]
    unchanged = sum(o.status == "unchanged" for o in outcomes)
    rejected = sum(o.status == "rejected" for o in outcomes)
    totals = {t: sum(o.counts.get(t, 0) for o in ingested) for t in COUNTED}
    people = sum(o.people for o in ingested)
    return (
        f"{len(outcomes)} files ({len(ingested)} ingested, {unchanged} unchanged, "
        f"{rejected} rejected): {totals['pages']} pages, {totals['articles']} articles, "
        f"{totals['sections']} sections, {totals['captions']} captions, {people} people, "
        f"{totals['figures']} figures in {seconds:.2f} s"
    )


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
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary; errors only.")
@click.version_option()
def main(paths: tuple[Path, ...], db_path: Path, force: bool, quiet: bool) -> None:
    """Ingest news page text files (and directories of them) into the archive.

    Unchanged files (same sha256) are skipped; a changed file replaces only its
    own rows. A file that cannot be read gets a one-line error naming it and the
    reason, the other files are still ingested, and the exit status is 1.
    """
    started = time.monotonic()
    db = open_archive(db_path)
    bar = tqdm(
        desc="ingest", unit=" files", disable=quiet or not sys.stderr.isatty(), file=sys.stderr
    )

    def report(outcome: Outcome) -> None:
        bar.update(1)
        if outcome.status == "rejected":
            bar.write(f"error: {outcome.reason}", file=sys.stderr)
        for warning in outcome.warnings:
            bar.write(f"warning: {outcome.path}: {warning}", file=sys.stderr)

    outcomes = ingest_paths(db, list(paths), force=force, on_outcome=report)
    bar.close()
    db.close()
    if not quiet:
        click.echo(summary_line(outcomes, time.monotonic() - started))
    if any(o.status == "rejected" for o in outcomes):
        sys.exit(1)
