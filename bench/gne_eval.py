"""Precision and recall on saved pages nobody here wrote: the GNE pages.

    python -m bench.gne_eval              # the table, plain text
    python -m bench.gne_eval --markdown   # the table for docs/PARSING.md
    python -m bench.gne_eval --details    # and, page by page, what went wrong
    python -m bench.gne_eval --annotation bench/annotations/gne_heldout.yaml

The 62 pages of ``../shared/corpora/html/gne`` (saved pages of Chinese news
sites, see ``../shared/corpora/README.md``) are not part of the project and
never committed; only our hand annotation of them is
(``bench/annotations/gne.yaml``, the pages the rules were written on; the
six never read for a rule are ``gne_heldout.yaml``, scored with
``--annotation``): dates and times in clear (they are facts),
and every text value (headline, publication, names) as the sha256 of its
folded text without whitespace, so the annotation holds no text of the pages
(``bench/gne_annotate.py`` shows a page and its annotation to anyone who has
the corpus).

Each page is turned into the text a user copies from it (``bench.coverage``:
every block element a line, scripts and styles dropped), saved as a .txt in
a temporary folder and read as ``python -m ingest`` reads a file: decode
(``read_source``), parse (``parse_source``: ``parse_document`` and the
rejection of a file with no article), then what the user gave
(``apply_given``: here nothing, so only a date in the file name could add
one). Per page, each field's found values are a set (every article's title;
every page's date, time, publication; every contributor, editor and
photographer name) scored against the annotated ones:

- title: precision over every article the page became, recall over pages;
- date, time (HH:MM), publication: precision over the values found;
- names: bylines, 作者, editors and photo credits, by folded name;
- captions: whether the page has photo captions, page by page.

Chrome in the articles: the pages carry no chrome annotation, so a line of
an article's text is flagged when it is site furniture by any sign: the
same line stands on another page of the corpus (a page template; pages saved
twice are not compared; the page's own annotated headline is exempt, since
other pages of its site list it as a teaser), or it is a page tool, counter, share or copyright
line by ``FURNITURE`` below, a date or time alone (``BARE_DATE``; not one
under its signer, ``signature_dates``), a reader's comment row
(``COMMENT_ROW``), or a line the page prints more often than its articles
hold it (``REPEATED_MIN``). ``--details`` lists them per page.

When the corpus is absent (a fresh clone) the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bench.coverage import html_text
from ingest.manifest import NOTHING_GIVEN, apply_given
from ingest.model import Document
from ingest.pipeline import InputError, parse_source, read_source
from ingest.text.fold import fold, name_key

ROOT = Path(__file__).resolve().parent.parent
ANNOTATION = ROOT / "bench" / "annotations" / "gne.yaml"
# ../shared/corpora beside the repository; a worktree under wt/ sits one
# level deeper. ZHUZHOU_CORPORA names another place.
CORPUS_PLACES = (ROOT.parent / "shared" / "corpora", ROOT.parent.parent / "shared" / "corpora")
GNE = Path("html") / "gne"

FIELDS = ("title", "date", "time", "publication", "names", "captions")
TEXT_FIELDS = ("title", "publication")

# Furniture a chrome rule would have to know, as real pages print it: share
# and page tools, counters, comment and report buttons, QR-code prompts,
# copyright and disclaimer lines, "related / recommended" headings.
FURNITURE = re.compile(
    r"分享到|分享至|扫一扫|扫描|二维码|收藏|举报|评论|跟帖|点赞|打印|关闭|字号|字体|"
    r"阅读数|浏览|点击数|参与|登录|注册|下载|客户端|APP|关注|订阅|"
    r"版权|Copyright|©|ICP|免责声明|声明:|转载|未经授权|"
    r"相关阅读|相关新闻|相关推荐|推荐阅读|为您推荐|热门|精彩图片|上一篇|下一篇|上一页|下一页|"
    r"返回|首页|正文|当前位置|所在位置"
)
# A body sentence may name one of these words ("记者在评论区看到……"):
# furniture is short, a sentence is not.
FURNITURE_MAX = 30
# Signs the template and FURNITURE miss (session 20, sixth pass): a list's
# tag standing as a line of its own, a date or time alone ("12-2718:40",
# "09月07日": the page's own date is read as metadata, never kept as text);
# a reader's comment opened by its writer and time
# ("NAME[网易…网友]2019-09-07 17:51:44") or closed by its reply row
# ("回复 ⋅ 12条回复 1375").
BARE_DATE = re.compile(r"^(?:\d{4}[-./年])?\d{1,2}[-./月]\d{1,2}日?(?:\d{1,2}:\d{2}(?::\d{2})?)?$")
SIGNER = re.compile(r"^[^。!?,;:]{2,30}$")
COMMENT_ROW = re.compile(r"网友[\]】)]?(?:ip:[\d.*]+)?\d{4}-\d{1,2}-\d{1,2}|^回复⋅?\d+条回复")
# A line of the article that the page prints more often than its articles
# hold it: a teaser that stands in a list the parser dropped and again in
# the article (163 shows a comment in its hot and its latest list). A
# story's own repeated lines (sina/3 asks each expert the same five
# questions; a caption under a photo and its enlarged view) are held as
# often as printed; the page's own headline (title bar and headline) is
# exempt.
REPEATED_MIN = 8


def value_key(text: str) -> str:
    """How a text value is annotated: sha256 of the folded text without
    whitespace (simplified script, half-width; for a name, its
    ``fold.name_key``), hex."""
    return hashlib.sha256(name_key(text).encode("utf-8")).hexdigest()


def find_corpus(given: str | None = None) -> Path | None:
    """The folder of the GNE pages, or None when it is not on this machine."""
    if given:
        places = [Path(given)]
    elif env := os.environ.get("ZHUZHOU_CORPORA"):
        places = [Path(env)]
    else:
        places = list(CORPUS_PLACES)
    for place in places:
        if (place / GNE).is_dir():
            return place / GNE
        if place.name == "gne" and place.is_dir():
            return place
    return None


def corpus_arguments(
    doc: str,
    script: str,
    argv: list[str] | None,
    details: str,
    markdown: bool = True,
    annotation: Path | None = None,
    more: Callable[[argparse.ArgumentParser], object] | None = None,
) -> tuple[argparse.Namespace, Path] | None:
    """A GNE benchmark's arguments and the corpus it reads; None, said, when
    the corpus is not on this machine (a fresh clone). With *annotation* the
    script takes ``--annotation FILE`` (default *annotation*): which hand
    annotation it scores, the development set or a held-out one. *more* adds a
    benchmark's own arguments to the parser."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    if more:
        more(parser)
    if markdown:
        parser.add_argument("--markdown", action="store_true", help="a markdown table")
    parser.add_argument("--details", action="store_true", help=details)
    parser.add_argument("--corpus", help="the corpora folder (default ../shared/corpora)")
    if annotation is not None:
        parser.add_argument(
            "--annotation",
            type=Path,
            default=annotation,
            help=f"the annotation scored (default {annotation.relative_to(ROOT)})",
        )
    args = parser.parse_args(argv)
    corpus = find_corpus(args.corpus)
    if corpus is None:
        print(f"{script}: the GNE pages (../shared/corpora/html/gne) are not here; skipped.")
        return None
    return args, corpus


def load_annotation(path: Path = ANNOTATION) -> dict[str, dict[str, Any]]:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def page_text(path: Path) -> str:
    """The text a user copies from a saved page (bench.coverage)."""
    return html_text(path.read_text(encoding="utf-8", errors="replace"))


@dataclass
class Read:
    """What the archive read of one page: its fields as found, or why the
    file was rejected."""

    document: Document | None
    rejected: str | None = None

    @property
    def titles(self) -> list[str]:
        return [a.title for a in self.document.articles] if self.document else []

    def values(self, name: str) -> set[str]:
        """The found values of field *name*, as scored (keys for text)."""
        doc = self.document
        if doc is None:
            return set()
        if name == "title":
            return {value_key(t) for t in self.titles}
        if name == "date":
            return {p.date for p in doc.pages if p.date}
        if name == "time":
            return {p.time[:5] for p in doc.pages if p.time}
        if name == "publication":
            return {value_key(p.publication) for p in doc.pages if p.publication}
        if name == "names":
            return {value_key(n) for n in self.names()}
        if name == "captions":
            return {"yes"} if self.captions() else set()
        raise ValueError(name)

    def names(self) -> list[str]:
        """Every newsroom name read: bylines and 作者, editors, photo credits."""
        doc = self.document
        if doc is None:
            return []
        people = [c for p in doc.pages for c in p.editors]
        for a in doc.articles:
            people += a.contributors + a.editors
            people += [ph for c in a.captions for ph in c.photographers]
        people += [ph for p in doc.pages for c in p.captions for ph in c.photographers]
        return [c.name for c in people]

    def captions(self) -> list[str]:
        doc = self.document
        if doc is None:
            return []
        # A credit alone ("图片来源:某报记者 王小川 摄") is no caption: the
        # annotation asks whether the page prints words under its photos.
        found = [c.text for a in doc.articles for c in a.captions]
        return [t for t in found + [c.text for p in doc.pages for c in p.captions] if t]


def read_page(path: Path, text: str | None = None) -> Read:
    """The archive's own reading of a saved page, as ``python -m ingest``
    would read its copied text from a file named after the page."""
    text = page_text(path) if text is None else text
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / (path.stem + ".txt")
        copy.write_text(text, encoding="utf-8")
        try:
            source = read_source(copy)
            document = parse_source(copy, source)
        except InputError as e:
            return Read(None, rejected=str(e).replace(str(copy), path.name))
    document, _ = apply_given(document, NOTHING_GIVEN, copy.name)
    return Read(document)


def gold_values(entry: dict[str, Any], name: str) -> set[str]:
    """The annotated values of field *name* (keys for text), as scored."""
    if name == "title":
        return {entry["title"]}
    if name in ("date", "publication"):
        return {str(entry[name])} if entry.get(name) else set()
    if name == "time":
        return {str(entry["time"])[:5]} if entry.get("time") else set()
    if name == "names":
        return set(entry.get("names") or [])
    if name == "captions":
        return {"yes"} if entry.get("captions") else set()
    raise ValueError(name)


@dataclass
class Score:
    name: str
    gold: int = 0
    found: int = 0
    hits: int = 0
    title_pages: int = 0  # for the title: pages whose headline is an article's
    title_right: int = 0

    @property
    def precision(self) -> float:
        return self.hits / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        if self.name == "title":
            return self.title_right / self.title_pages if self.title_pages else 1.0
        return self.hits / self.gold if self.gold else 1.0

    def add(self, gold: set[str], found: set[str]) -> None:
        self.gold += len(gold)
        self.found += len(found)
        self.hits += len(gold & found)


@dataclass
class PageResult:
    page: str
    read: Read
    misses: dict[str, tuple[set[str], set[str]]] = field(default_factory=dict)
    chrome: list[str] = field(default_factory=list)


@dataclass
class Report:
    scores: dict[str, Score]
    pages: list[PageResult]

    @property
    def rejected(self) -> list[PageResult]:
        return [p for p in self.pages if p.read.rejected]

    def table(self, markdown: bool = False) -> str:
        head = ("field", "annotated", "found", "right", "precision", "recall")
        rows = [
            (
                s.name,
                str(s.gold),
                str(s.found),
                str(s.hits),
                f"{s.precision:.2f}",
                f"{s.recall:.2f}",
            )
            for s in self.scores.values()
        ]
        chrome = sum(len(p.chrome) for p in self.pages)
        lines_out = [
            f"{len(self.pages)} pages annotated; files rejected or lost: {len(self.rejected)};"
            f" chrome lines in article text: {chrome}"
            f" (on {sum(1 for p in self.pages if p.chrome)} pages)"
        ]
        if markdown:
            lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
            lines += ["| " + " | ".join(r) + " |" for r in rows]
            return "\n".join([*lines, "", *lines_out])
        widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
        table = [
            "  ".join(
                c.ljust(w) if i == 0 else c.rjust(w)
                for i, (c, w) in enumerate(zip(r, widths, strict=True))
            )
            for r in [head, *rows]
        ]
        return "\n".join(table + lines_out)

    def details(self) -> str:
        out = []
        for p in self.pages:
            notes = []
            if p.read.rejected:
                notes.append(f"  rejected: {p.read.rejected}")
            for name, (missed, spurious) in p.misses.items():
                if name == "captions":
                    notes.append(
                        f"  captions: annotated {bool(missed or not spurious)};"
                        f" found {p.read.captions()[:3]}"
                    )
                elif name in TEXT_FIELDS or name == "names":
                    # found values are shown in clear: they are the archive's output
                    shown = sorted(spurious_text(p.read, name, spurious))
                    notes.append(f"  {name}: {len(missed)} missed; found instead {shown}")
                else:
                    notes.append(f"  {name}: missed {sorted(missed)}; found {sorted(spurious)}")
            notes += [f"  chrome in article: {line}" for line in p.chrome]
            if notes:
                out += [p.page, *notes]
        return "\n".join(out)


def spurious_text(read: Read, name: str, keys: set[str]) -> Iterable[str]:
    """The archive's own values behind the spurious *keys* of field *name*."""
    if read.document is None:
        return []
    if name == "title":
        values = read.titles
    elif name == "publication":
        values = [p.publication or "" for p in read.document.pages]
    else:
        values = read.names()
    return {v for v in values if value_key(v) in keys}


def norm_line(line: str) -> str:
    """Folded, without spaces (and the byte-order marks a saved page may
    carry mid-text, which split() keeps)."""
    return "".join(fold(line).replace("\ufeff", "").split())


def article_lines(read: Read) -> list[str]:
    """Every line of text the page's articles hold."""
    if read.document is None:
        return []
    out = []
    for a in read.document.articles:
        out += [a.title, a.kicker or "", a.subtitle or "", a.byline or ""]
        out += [line for p in a.paragraphs for line in p.text.split("\n")]
        out += [s.heading for s in a.sections] + [c.text for c in a.captions]
    return [line for line in out if norm_line(line)]


def template_lines(corpus: Path) -> dict[str, set[str]]:
    """Each page's lines that stand on another page of the corpus: a site's
    template. Pages saved twice (the same title bar) are not compared."""
    pages = {str(p.relative_to(corpus)): p for p in sorted(corpus.rglob("*.htm*"))}
    texts = {}
    for name, path in pages.items():
        lines = [norm_line(x) for x in page_text(path).split("\n")]
        texts[name] = [x for x in lines if x]
    seen: dict[str, set[str]] = {}
    for name, lines in texts.items():
        for line in set(lines[1:]):
            seen.setdefault(line, set()).add(lines[0] if lines else name)
    return {name: {x for x in lines[1:] if len(seen[x]) > 1} for name, lines in texts.items()}


def chrome_in_articles(
    read: Read, template: set[str], title: str = "", printed: Counter[str] | None = None
) -> list[str]:
    """The article lines flagged as chrome. The page's own headline, as
    annotated (*title*, its key), is exempt from the template sign: other
    pages of the same site list it among their teasers (163/2, 3, 5), and
    from the repeated sign (*printed*: how often each line stands in the
    page's text, ``page_lines``, against how often the articles hold it)."""
    flagged = []
    lines = article_lines(read)
    held = Counter(map(norm_line, lines))
    signed = signature_dates(read)
    for line in lines:
        n = norm_line(line)
        own = value_key(line) == title
        if (
            (n in template and not own)
            or (len(n) <= FURNITURE_MAX and FURNITURE.search(fold(line)))
            or (BARE_DATE.match(n) and n not in signed)
            or COMMENT_ROW.search(n)
            or (printed and printed[n] > held[n] and len(n) >= REPEATED_MIN and not own)
        ):
            flagged.append(line.strip())
    return flagged


def signature_dates(read: Read) -> set[str]:
    """The dates that close an article under its signer, a short line with no
    sentence end: a letter's "深圳市投资基金同业公会全体会员" / "2015年7月3日"
    (money163/66) is the letter's text, not a page's date alone."""
    if read.document is None:
        return set()
    out = set()
    for a in read.document.articles:
        texts = [p.text for p in a.paragraphs]
        if len(texts) >= 2 and SIGNER.match(norm_line(texts[-2])):
            out.add(norm_line(texts[-1]))
    return out


def page_lines(text: str) -> Counter[str]:
    """How often each line (``norm_line``) stands in a page's text."""
    return Counter(n for n in map(norm_line, text.split("\n")) if n)


def evaluate(corpus: Path, annotation: dict[str, dict[str, Any]]) -> Report:
    scores = {n: Score(n) for n in FIELDS}
    templates = template_lines(corpus)
    pages = []
    for page, entry in annotation.items():
        text = page_text(corpus / page)
        read = read_page(corpus / page, text)
        result = PageResult(page, read)
        for name in FIELDS:
            gold = gold_values(entry, name)
            found = read.values(name)
            scores[name].add(gold, found)
            if name == "title":
                scores[name].title_pages += 1
                scores[name].title_right += bool(gold & found)
            if gold != found:
                result.misses[name] = (gold - found, found - gold)
        template = templates.get(page, set())
        result.chrome = chrome_in_articles(read, template, entry["title"], page_lines(text))
        pages.append(result)
    return Report(scores, pages)


def main(argv: list[str] | None = None) -> int:
    given = corpus_arguments(
        __doc__, "bench.gne_eval", argv, "page by page, what went wrong", annotation=ANNOTATION
    )
    if given is None:
        return 0
    args, corpus = given
    report = evaluate(corpus, load_annotation(args.annotation))
    print(report.table(markdown=args.markdown))
    if args.details:
        print()
        print(report.details())
    return 0


if __name__ == "__main__":
    sys.exit(main())
