"""Figures on real pages: the figures extraction scored on 15 GNE pages.

    python -m bench.gne_figures              # the table
    python -m bench.gne_figures --details    # and, page by page, what went wrong
    python -m bench.gne_figures --annotation bench/annotations/gne_figures_heldout.yaml
    python -m bench.gne_figures --corpus /work/scratch/corpus3 \
        --annotation bench/annotations/gne_figures_heldout2.yaml

The pages (``../shared/corpora/html/gne``, see ``../shared/corpora/README.md``)
are not part of the project; only our hand annotation of their figures is
(``bench/annotations/gne_figures.yaml``: per page, every figure's raw span
with its expected value, high end, unit and approx; its guideline is at the
top of the file). Each page is read as ``bench.gne_eval`` reads it (the text a
user copies, decoded and parsed as ``python -m ingest`` does) and its figures
are those ``ingest.extract.article`` finds in every piece of every article.
``--annotation`` scores another annotation in the same format the same way:
``gne_figures_heldout.yaml`` holds 10 other pages, annotated before the
archive's figures on them were seen (the unseen check; the 15 were the pages
the rules were mended on); ``gne_figures_heldout2.yaml`` holds 8 pages of
another site's saved copies, kept wherever ``--corpus`` says (a folder holding
``html/gne/``), annotated the same way in session 21.

A found figure is right when raw, value, high end, unit and approx all match
an annotated one (each annotated figure matched once): precision = right /
found, recall = right / annotated.

When the corpus is absent (a fresh clone) the script says so and exits 0.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bench.gne_eval import ROOT, corpus_arguments, read_page
from ingest.extract.article import find_figures_in_article, pieces
from ingest.model import Figure

ANNOTATION = ROOT / "bench" / "annotations" / "gne_figures.yaml"

# The fields of a figure that are judged, as (raw, value, high, unit, approx).
Key = tuple[str, float | None, float | None, str, bool]


def load_annotation(path: Path = ANNOTATION) -> dict[str, list[dict[str, Any]]]:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def gold_key(entry: dict[str, Any]) -> Key:
    value, high = entry.get("value"), entry.get("high")
    return (
        str(entry["raw"]),
        None if value is None else float(value),
        None if high is None else float(high),
        str(entry.get("unit") or ""),
        bool(entry.get("approx", False)),
    )


def found_key(f: Figure) -> Key:
    return (f.raw, f.value, f.value_high, f.unit, f.approx)


def same_number(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-4, abs_tol=1e-9)


def same(a: Key, b: Key) -> bool:
    return a[0] == b[0] and same_number(a[1], b[1]) and same_number(a[2], b[2]) and a[3:] == b[3:]


@dataclass
class PageScore:
    page: str
    gold: int
    found: int
    right: int
    wrong: list[Key]  # found, matching no annotated figure
    missed: list[Key]  # annotated, matched by no found figure
    # annotated figures whose raw the articles' text still prints: the
    # annotation counted the page furniture the parser used to leave in the
    # articles (a related headline's "售价6999元起"), which the chrome rules
    # now keep out; recall over these is the extraction's own
    in_articles: int = 0


def score_page(page: str, gold: Sequence[Key], found: Sequence[Key], text: str = "") -> PageScore:
    left = list(gold)
    wrong = []
    for key in found:
        hit = next((i for i, g in enumerate(left) if same(g, key)), None)
        if hit is None:
            wrong.append(key)
        else:
            del left[hit]
    in_articles = sum(1 for g in gold if g[0] in text)
    return PageScore(page, len(gold), len(found), len(found) - len(wrong), wrong, left, in_articles)


def page_figures(path: Path) -> tuple[list[Key], str]:
    """The figures the archive finds on a page, and the text of its articles."""
    read = read_page(path)
    if read.document is None:
        return [], ""
    articles = read.document.articles
    figures = [found_key(f.item) for article in articles for f in find_figures_in_article(article)]
    return figures, "\n".join(piece.text for article in articles for piece in pieces(article))


def evaluate(corpus: Path, annotation: dict[str, list[dict[str, Any]]]) -> list[PageScore]:
    return [
        score_page(page, [gold_key(e) for e in entries or []], *page_figures(corpus / page))
        for page, entries in annotation.items()
    ]


def show(key: Key) -> str:
    raw, value, high, unit, approx = key
    span = f"{value:g}" if value is not None else "?"
    if high is not None:
        span += f"–{high:g}"
    return f"{raw} ({span} {unit or '-'}{', approx' if approx else ''})"


def table(scores: list[PageScore]) -> str:
    gold = sum(s.gold for s in scores)
    found = sum(s.found for s in scores)
    right = sum(s.right for s in scores)
    precision = right / found if found else 1.0
    recall = right / gold if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    in_articles = sum(s.in_articles for s in scores)
    kept = right / in_articles if in_articles else 1.0
    return (
        f"pages {len(scores)}  annotated {gold}  found {found}  right {right}  "
        f"precision {precision:.2f}  recall {recall:.2f}  F1 {f1:.2f}\n"
        f"annotated figures the articles still print: {in_articles}, recall over them {kept:.2f}"
    )


def details(scores: list[PageScore]) -> str:
    out = []
    for s in scores:
        if not (s.wrong or s.missed):
            continue
        out.append(f"{s.page}: {s.right}/{s.found} right, {s.gold} annotated")
        out += [f"  wrong:  {show(k)}" for k in s.wrong]
        out += [f"  missed: {show(k)}" for k in s.missed]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    given = corpus_arguments(
        __doc__,
        "bench.gne_figures",
        argv,
        "page by page, what went wrong",
        markdown=False,
        annotation=ANNOTATION,
    )
    if given is None:
        return 0
    args, corpus = given
    annotation = load_annotation(args.annotation)
    # The second held-out set's pages are kept outside the shared corpora: say
    # which folder to name rather than fail on the first missing file.
    missing = [page for page in annotation if not (corpus / page).is_file()]
    if missing:
        print(
            f"bench.gne_figures: {len(missing)} annotated pages are not in {corpus} "
            f"({missing[0]} …); give --corpus the folder that holds them."
        )
        return 2
    scores = evaluate(corpus, annotation)
    print(table(scores))
    if args.details:
        print()
        print(details(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
