"""What the user knows about a file: the options of a run and manifests.

A digital-edition page prints no date (its date is in the address or the file
name, ``zzrb_20230920_A03.txt``), and a saved repost does not say which site
it came from; the user often knows both. They say so with ``--date``,
``--publication`` and ``--url`` for a run, or in a manifest: a CSV with a
header naming some of ``path,url,date,publication,page``, one row per file,
paths relative to the manifest's folder. A ``sources.csv`` beside the files is
read without asking; ``--manifest FILE`` names one kept elsewhere.

Precedence (docs/PARSING.md, "What the user gives"): what the user gives
explicitly — an option of the run, then the file's manifest row — wins over
what the text prints, which wins over a date in the file name. The given
values override the pages' own on every page of the file; ``sources`` records
the values given (``given``) and where the date and publication came from
(``date_from``, ``publication_from``: option, manifest, text or filename).

Pure but for reading the manifests: no database here.
"""

from __future__ import annotations

import csv
import datetime
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from ingest.model import Document, Provenance

MANIFEST_NAME = "sources.csv"
GIVEN_FIELDS = ("url", "date", "publication", "page")
COLUMNS = ("path", *GIVEN_FIELDS)
# Dates the file names of saved pages carry: 20230920, 2023-09-20, 2023_09_20,
# 2023.9.20, 2023年9月20日; a run of digits longer than eight is an id, not a date.
NAME_DATES = (
    re.compile(r"(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)"),
    re.compile(r"(?<!\d)(\d{4})([-_./])(\d{1,2})\2(\d{1,2})(?!\d)"),
    re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日"),
)
# A year outside this range in a file name is a number, not a date: the
# archive's papers start in the 1950s.
YEARS = range(1949, 2100)


class ManifestError(Exception):
    """A manifest that cannot be used; the message names the file and line."""


@dataclass(frozen=True)
class Given:
    """The values the user gave for one file, and where each came from."""

    url: str | None = None
    date: str | None = None  # ISO 8601
    publication: str | None = None
    page: str | None = None
    origin: tuple[tuple[str, str], ...] = ()  # (field, "option" | "manifest")

    def origin_of(self, name: str) -> str | None:
        return dict(self.origin).get(name)

    def over(self, other: Given) -> Given:
        """These values, and *other*'s where these have none."""
        values = {f: getattr(self, f) or getattr(other, f) for f in GIVEN_FIELDS}
        origin = {**dict(other.origin), **dict(self.origin)}
        return Given(**values, origin=tuple(sorted((f, o) for f, o in origin.items() if values[f])))

    def to_json(self) -> str | None:
        """The values as stored in ``sources.given`` (None when nothing is given)."""
        values = {f: getattr(self, f) for f in GIVEN_FIELDS if getattr(self, f)}
        return json.dumps(values, ensure_ascii=False, sort_keys=True) if values else None


NOTHING_GIVEN = Given()


def iso_date(year: str, month: str, day: str) -> str | None:
    try:
        date = datetime.date(int(year), int(month), int(day))
    except ValueError:
        return None
    return date.isoformat() if date.year in YEARS else None


def parse_date(text: str) -> str | None:
    """A date as a user writes it (2023-09-20, 2023/9/20, 20230920,
    2023年9月20日), in ISO 8601; None when *text* is no such date."""
    text = text.strip()
    for pattern in NAME_DATES:
        m = pattern.fullmatch(text)
        if m:
            parts = [g for g in m.groups() if g.isdigit()]
            return iso_date(*parts)
    return None


def date_in_name(name: str) -> str | None:
    """The first real date in a file name, in ISO 8601."""
    for pattern in NAME_DATES:
        for m in pattern.finditer(name):
            parts = [g for g in m.groups() if g.isdigit()]
            date = iso_date(*parts)
            if date:
                return date
    return None


def read_manifest(path: Path) -> dict[Path, Given]:
    """The rows of one manifest, by the resolved path of the file each names."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
    except (OSError, UnicodeDecodeError) as e:
        raise ManifestError(f"{path}: cannot read the manifest: {e}") from e
    if not rows:
        raise ManifestError(f"{path}:1: empty manifest (a header is needed: {','.join(COLUMNS)})")
    header = [c.strip().lower() for c in rows[0]]
    for column in header:
        if column not in COLUMNS:
            raise ManifestError(
                f"{path}:1: unknown column '{column}' (the columns are {', '.join(COLUMNS)})"
            )
    if "path" not in header:
        raise ManifestError(f"{path}:1: no path column")
    entries: dict[Path, Given] = {}
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            raise ManifestError(f"{path}:{line}: {len(row)} values for {len(header)} columns")
        values = {c: v.strip() or None for c, v in zip(header, row, strict=False)}
        name = values.pop("path")
        if not name:
            raise ManifestError(f"{path}:{line}: no path")
        file = (path.parent / name).resolve()
        if not file.is_file():
            raise ManifestError(f"{path}:{line}: no such file: {name}")
        if file in entries:
            raise ManifestError(f"{path}:{line}: {name} is listed twice")
        if values.get("date"):
            date = parse_date(values["date"])
            if date is None:
                raise ManifestError(
                    f"{path}:{line}: bad date '{values['date']}' (give it as YYYY-MM-DD)"
                )
            values["date"] = date
        given = {f: values.get(f) for f in GIVEN_FIELDS}
        origin = tuple((f, "manifest") for f in GIVEN_FIELDS if given[f])
        entries[file] = Given(**given, origin=origin)
    return entries


def find_manifests(paths: Iterable[Path], named: Iterable[Path]) -> dict[Path, Given]:
    """Every manifest row for a run: the ``sources.csv`` files beside the
    files and below the directories given, then the manifests *named*, whose
    rows win where two manifests name one file."""
    found: list[Path] = []
    for path in paths:
        try:
            if path.is_dir():
                found += sorted(path.rglob(MANIFEST_NAME))
            elif (path.parent / MANIFEST_NAME).is_file():
                found.append(path.parent / MANIFEST_NAME)
        except OSError:
            continue  # a path that cannot be looked at (a name too long): the run names it
    entries: dict[Path, Given] = {}
    for manifest in dict.fromkeys([*found, *named]):
        entries.update(read_manifest(manifest))
    return entries


def apply_given(document: Document, given: Given, name: str) -> tuple[Document, Provenance]:
    """*document* with the values the user gave on every page (they override
    what the text prints), a date from the file *name* when neither gives one,
    and a page title from the ``page`` given where a page prints none."""
    pages = document.pages
    if given.date:
        # A printed time of day belongs to the printed date: a repost that
        # prints "2023-07-24 15:13" given --date 2023-07-25 did not appear at
        # 15:13 on the 25th, so the time goes with the date it was printed for.
        pages = [
            replace(p, date=given.date, time=p.time if p.date == given.date else None)
            for p in pages
        ]
        date_from = given.origin_of("date")
    elif any(p.date for p in pages):
        date_from = "text"
    elif date := date_in_name(name):
        pages = [replace(p, date=date) for p in pages]
        date_from = "filename"
    else:
        date_from = None
    if given.publication:
        pages = [replace(p, publication=given.publication) for p in pages]
        publication_from = given.origin_of("publication")
    else:
        publication_from = "text" if any(p.publication for p in pages) else None
    if given.page:
        pages = [p if p.title else replace(p, title=given.page) for p in pages]
    provenance = Provenance(given.url, given.page, given.to_json(), date_from, publication_from)
    return replace(document, pages=pages), provenance
