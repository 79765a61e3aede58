"""Precision and recall per field on the web page fixtures.

    python -m bench.web_eval              # the table, plain text
    python -m bench.web_eval --markdown   # the table for docs/PARSING.md
    python -m bench.web_eval --details    # and what was missed or spurious

The fixtures (tests/fixtures/web/) are ingested by the real pipeline into a
temporary archive; what the archive holds is read back with SQL and scored
against the hand annotation (tests/annotations/web/pages.yaml). Every value
is compared folded (simplified script, half-width) and without spaces, so a
traditional page and its simplified twin score alike.

Articles are paired with the annotated stories of their file by folded title,
then the rest in order, so a wrong title still lets the story's date, byline
and captions be scored. A found value that pairs with no story counts against
precision. ``tests/test_web_pages.py`` pins floors on these scores.
"""

from __future__ import annotations

import argparse
import re
import sqlite3
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ingest.pipeline import Outcome, ingest_paths
from ingest.store.archive import Archive
from ingest.text.captions import strip_mark
from ingest.text.decode import decode_bytes
from ingest.text.fold import fold, name_key

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "web"
ANNOTATION = ROOT / "tests" / "annotations" / "web" / "pages.yaml"

# A chrome line shorter than this is only "in an article" when a whole line of
# it equals the chrome line: 株洲日报 (a masthead) is also a word of any body.
CHROME_SUBSTRING_MIN = 6
# What a line of required text is cut at before each piece is looked up in the
# articles: punctuation and brackets (folded to half-width), so a byline taken
# out of a paragraph (株洲日报讯(…)) and the body after it are both found.
PIECES = re.compile(r"[\s,.;:!?()\[\]<>“”‘’\"'、。《》【】/|·…—]+")
CAPTION_MARKS = "▲△■●"


FIELDS = (
    "title",
    "kicker",
    "subtitle",
    "date",
    "time",
    "publication",
    "byline names",
    "byline roles",
    "byline organizations",
    "editors",
    "captions",
    "caption credits",
)
RATES = ("article count", "file kept", "bad input rejected", "chrome kept out", "text kept")


def norm(text: str | None) -> str:
    """Folded, without spaces: how every value is compared."""
    return re.sub(r"\s+", "", fold(text)) if text else ""


def caption_norm(text: str) -> str:
    # Brackets count: stripping them hid a caption stored with its opening
    # bracket left on ("(清水塘科创园一角。", fixed in session 20).
    return norm(text).strip(CAPTION_MARKS)


@dataclass
class FieldScore:
    name: str
    gold: set[tuple] = field(default_factory=set)
    found: set[tuple] = field(default_factory=set)

    @property
    def hits(self) -> int:
        return len(self.gold & self.found)

    @property
    def precision(self) -> float:
        return self.hits / len(self.found) if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.hits / len(self.gold) if self.gold else 1.0


@dataclass
class Rate:
    """A share of files or lines or characters that came out right."""

    name: str
    good: float = 0
    total: float = 0
    failures: list[str] = field(default_factory=list)

    @property
    def value(self) -> float:
        return self.good / self.total if self.total else 1.0


@dataclass
class Report:
    fields: dict[str, FieldScore]
    rates: dict[str, Rate]
    commit: str = ""

    def table(self, markdown: bool = False) -> str:
        rows = [
            (
                f.name,
                str(len(f.gold)),
                str(len(f.found)),
                str(f.hits),
                f"{f.precision:.2f}",
                f"{f.recall:.2f}",
            )
            for f in self.fields.values()
        ]
        rows += [
            (r.name, f"{r.total:g}", "", f"{r.good:g}", "", f"{r.value:.2f}")
            for r in self.rates.values()
        ]
        head = ("field", "annotated", "found", "right", "precision", "recall / share")
        if markdown:
            lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
            lines += ["| " + " | ".join(r) + " |" for r in rows]
            return "\n".join(lines)
        widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
        return "\n".join(
            "  ".join(
                c.ljust(w) if i == 0 else c.rjust(w)
                for i, (c, w) in enumerate(zip(r, widths, strict=True))
            )
            for r in [head, *rows]
        )

    def details(self) -> str:
        out = []
        for f in self.fields.values():
            for kind, items in (("missed", f.gold - f.found), ("spurious", f.found - f.gold)):
                out += [f"{f.name} {kind}: {item}" for item in sorted(items, key=str)]
        for r in self.rates.values():
            out += [f"{r.name} failed: {item}" for item in r.failures]
        return "\n".join(out)


def load_annotation(path: Path = ANNOTATION) -> dict[str, dict[str, Any]]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def build_archive(fixtures: Path, db_path: Path) -> list[Outcome]:
    """The fixtures ingested by the real pipeline, as a user's run would."""
    with Archive(db_path) as archive:
        return ingest_paths(archive, [fixtures])


def read_archive(db_path: Path) -> dict[str, list[dict[str, Any]]]:
    """Each file's articles, in order, with what the archive says of them."""
    conn = sqlite3.connect(db_path)
    conn.row_factory = sqlite3.Row
    columns = {r["name"] for r in conn.execute("PRAGMA table_info(articles)")}
    page_columns = {r["name"] for r in conn.execute("PRAGMA table_info(pages)")}
    # The time of day has a column of its own (articles.time or pages.time)
    # once the parser reads it; until then every printed time is missed.
    time_column = "a.time" if "time" in columns else "p.time" if "time" in page_columns else "NULL"
    files: dict[str, list[dict[str, Any]]] = {}
    articles = conn.execute(
        f"SELECT a.*, {time_column} AS time_of_day, s.name AS file FROM articles a "
        "JOIN sources s ON s.id = a.source_id JOIN pages p ON p.id = a.page_id "
        "ORDER BY s.name, a.ordinal"
    )
    for row in articles:
        article = dict(row)
        aid = row["id"]
        article["mentions"] = [
            dict(m)
            for m in conn.execute(
                "SELECT m.kind, m.role, m.organization, m.name_printed FROM mentions m "
                "WHERE m.article_id = ? AND m.kind IN ('byline', 'credit')",
                [aid],
            )
        ]
        article["captions"] = [
            dict(c)
            for c in conn.execute("SELECT text, credit FROM captions WHERE article_id = ?", [aid])
        ]
        article["sections"] = [
            dict(s)
            for s in conn.execute("SELECT heading, label FROM sections WHERE article_id = ?", [aid])
        ]
        files.setdefault(row["file"], []).append(article)
    editors = conn.execute(
        "SELECT s.name AS file, m.name_printed, m.role FROM mentions m "
        "JOIN sources s ON s.id = m.source_id WHERE m.kind = 'editor'"
    )
    for row in editors:
        files.setdefault(row["file"], [])
        files[row["file"]].append({"editor": (row["name_printed"], row["role"])})
    conn.close()
    return files


def pair(stories: list[dict], articles: list[dict]) -> list[tuple[int | str, dict]]:
    """Each found article with the index of its annotated story, or an
    ``extra:N`` key when there is none: by folded title first, then in order."""
    free = list(range(len(stories)))
    keys: list[int | str | None] = [None] * len(articles)
    for n, article in enumerate(articles):
        match = [i for i in free if norm(stories[i]["title"]) == norm(article["title"])]
        if match:
            keys[n] = match[0]
            free.remove(match[0])
    for n in range(len(articles)):
        if keys[n] is None:
            keys[n] = free.pop(0) if free else f"extra:{n}"
    return [(k, a) for k, a in zip(keys, articles, strict=True) if k is not None]


def article_units(article: dict) -> list[str]:
    """Every piece of an article's stored text, one line each, normalised."""
    texts = [article["title"], article["kicker"], article["subtitle"], article["byline"]]
    texts += (article["body"] or "").split("\n")
    texts += [s["heading"] for s in article["sections"]] + [s["label"] for s in article["sections"]]
    texts += [c["text"] for c in article["captions"]] + [c["credit"] for c in article["captions"]]
    return [u for u in map(norm, texts) if u]


def file_text(path: Path) -> str:
    return decode_bytes(path.read_bytes()).text


def add_story_fields(
    fields: dict[str, FieldScore], file: str, key: int | str, story: dict, gold: bool
) -> None:
    """The values of one story (gold) or one found article, keyed by story."""
    side = "gold" if gold else "found"

    def put(name: str, *values: Iterable[tuple]) -> None:
        getattr(fields[name], side).update(*values)

    for name in ("title", "kicker", "subtitle", "publication"):
        if story.get(name):
            put(name, [(file, key, norm(story[name]))])
    if story.get("date"):
        put("date", [(file, key, story["date"])])
    if story.get("time"):
        put("time", [(file, key, story["time"][:5])])
    people = story.get("byline", [])
    put("byline names", [(file, key, name_key(p["name"])) for p in people])
    put("byline roles", [(file, key, name_key(p["name"]), norm(p["role"])) for p in people])
    put(
        "byline organizations",
        [
            (file, key, name_key(p["name"]), norm(p["organization"]))
            for p in people
            if p["organization"]
        ],
    )
    put("captions", [(file, key, caption_norm(c["text"])) for c in story.get("captions", [])])
    photographers = story.get("photographers")
    if photographers is None:  # annotated: each caption names its photographers
        photographers = [n for c in story.get("captions", []) for n in c["photographers"]]
    put("caption credits", [(file, key, name_key(n)) for n in photographers])


def found_story(article: dict) -> dict:
    """A found article in the shape of an annotated story."""
    mentions = article["mentions"]
    return {
        "title": article["title"],
        "kicker": article["kicker"],
        "subtitle": article["subtitle"],
        "publication": article["publication"],
        "date": article["date"],
        "time": article["time_of_day"],
        "byline": [
            {"name": m["name_printed"], "role": m["role"], "organization": m["organization"]}
            for m in mentions
            if m["kind"] == "byline"
        ],
        "captions": article["captions"],
        "photographers": [m["name_printed"] for m in mentions if m["kind"] == "credit"],
    }


def score(
    annotation: dict[str, dict[str, Any]],
    found: dict[str, list[dict[str, Any]]],
    outcomes: dict[str, Outcome],
    fixtures: Path,
) -> Report:
    fields = {n: FieldScore(n) for n in FIELDS}
    rates = {n: Rate(n) for n in RATES}
    for file, gold in annotation.items():
        entries = found.get(file, [])
        articles = [e for e in entries if "editor" not in e]
        outcome = outcomes.get(file)
        # Files
        rates["article count"].total += 1
        if len(articles) == gold["articles"]:
            rates["article count"].good += 1
        else:
            rates["article count"].failures.append(
                f"{file}: {len(articles)} for {gold['articles']}"
            )
        if gold["articles"] == 0:
            rates["bad input rejected"].total += 1
            reason = outcome.reason or "" if outcome else ""
            named = any(word in reason for word in gold["rejected"])
            if outcome and outcome.status == "rejected" and named:
                rates["bad input rejected"].good += 1
            else:
                status = outcome.status if outcome else "missing"
                rates["bad input rejected"].failures.append(f"{file}: {status} {reason}")
            continue
        rates["file kept"].total += 1
        if articles:
            rates["file kept"].good += 1
        else:
            rates["file kept"].failures.append(
                f"{file}: {outcome.reason if outcome else 'missing'}"
            )
        # Stories and their fields
        for i, story in enumerate(gold["stories"]):
            add_story_fields(fields, file, i, story, gold=True)
        for key, article in pair(gold["stories"], articles):
            add_story_fields(fields, file, key, found_story(article), gold=False)
        fields["editors"].gold.update(
            (file, name_key(e["name"]), norm(e["role"]))
            for s in gold["stories"]
            for e in s["editors"]
        )
        fields["editors"].found.update(
            (file, name_key(e["editor"][0]), norm(e["editor"][1])) for e in entries if "editor" in e
        )
        # Chrome out of the articles, and the rest of the text in them
        units = [u for a in articles for u in article_units(a)]
        for line in gold["chrome"]:
            c = norm(line)
            rates["chrome kept out"].total += 1
            inside = any(u == c or (len(c) >= CHROME_SUBSTRING_MIN and c in u) for u in units)
            if inside:
                rates["chrome kept out"].failures.append(f"{file}: {line}")
            else:
                rates["chrome kept out"].good += 1
        stored = "\n".join(units)
        furniture = {norm(line) for line in gold["chrome"] + gold["meta"]}
        lost = []
        for line in file_text(fixtures / file).split("\n"):
            if not norm(line) or norm(line) in furniture:
                continue
            # A caption's ▲ points at the photo, and a label names it ("图注:",
            # a gallery's "图1:"): the caption is stored without them.
            for piece in PIECES.split(strip_mark(norm(line))[0]):
                rates["text kept"].total += len(piece)
                if piece in stored:
                    rates["text kept"].good += len(piece)
                elif piece:
                    lost.append(piece)
        if lost:
            rates["text kept"].failures.append(f"{file}: {' / '.join(lost)}")
    return Report(fields, rates)


def evaluate(fixtures: Path = FIXTURES, annotation: Path = ANNOTATION) -> Report:
    """Ingest *fixtures* into a fresh archive and score it against *annotation*."""
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "web.db"
        outcomes = build_archive(fixtures, db_path)
        found = read_archive(db_path)
    by_name = {Path(o.path).name: o for o in outcomes}
    return score(load_annotation(annotation), found, by_name, fixtures)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--markdown", action="store_true", help="a markdown table")
    parser.add_argument("--details", action="store_true", help="list what was missed")
    args = parser.parse_args()
    report = evaluate()
    print(report.table(markdown=args.markdown))
    if args.details:
        print()
        print(report.details())


if __name__ == "__main__":
    main()
