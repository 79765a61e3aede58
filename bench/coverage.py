"""How much of each file's text lands in an article (issue 13: at least 98% of
the text that is not web chrome).

Every line is counted by what the parser made of it: chrome lines (``chrome.py``)
and lines read into fields (date lines, editor and metadata lines, bylines on
their own line, related-links teasers) are left out of the count; every other
line's characters count as landed when the line's text is found in one of the
file's articles (title, kicker, subtitle, body, sections, captions).

    python -m bench.coverage seeds [folder …]          # .txt/.md files
    python -m bench.coverage --html ../shared/corpora/html/gne

``--html`` turns saved pages into the text a user would copy (every block
element a line, scripts and styles dropped), in memory only.
"""

from __future__ import annotations

import sys
from html.parser import HTMLParser
from pathlib import Path

from ingest.model import Document
from ingest.parse.document import Kind, classify, parse_document
from ingest.text.blocks import split_blocks
from ingest.text.chrome import chrome_rule
from ingest.text.fold import fold
from ingest.text.teasers import is_marker

READ_INTO_FIELDS = (Kind.DATE, Kind.EDITORS, Kind.META, Kind.BYLINE)
BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "tr", "section", "article", "title"}


class PageText(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in ("script", "style", "noscript"):
            self.skip += 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "noscript") and self.skip:
            self.skip -= 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data.replace("\n", " "))


def html_text(html: str) -> str:
    parser = PageText()
    parser.feed(html)
    return "".join(parser.parts)


def squeeze(text: str) -> str:
    """Folded, without spaces and the brackets a credit loses: "(通讯员/供图)"."""
    return "".join(fold(text).split()).translate(_DROPPED)


_DROPPED = str.maketrans("", "", "()/")


def landed_share(text: str, document: Document) -> tuple[int, int]:
    """(characters that landed in an article, characters of article text)."""
    outputs = []
    for a in document.articles:
        outputs += [a.title, a.kicker or "", a.subtitle or "", a.body]
        outputs += [f"{s.label or ''}{s.heading}" for s in a.sections]
        outputs += [f"{c.text}{c.credit or ''}" for c in a.captions]
    outputs += [f"{c.text}{c.credit or ''}" for p in document.pages for c in p.captions]
    outputs += [p.title or "" for p in document.pages]
    landed = squeeze("\n".join(outputs))
    titles = [squeeze(a.title) for a in document.articles if not a.title_derived]
    teaser_lines = {
        n for link in document.related_links for n in range(link.line_start, link.line_end + 1)
    }
    total = found = 0
    for block in split_blocks(text):
        if chrome_rule(block.text) or is_marker(block.text) or block.line in teaser_lines:
            continue
        line = classify(block)
        if line.kind in READ_INTO_FIELDS:
            continue
        piece = squeeze(line.byline.rest if line.byline is not None else line.text)
        total += len(piece)
        # a saved page's title bar is its headline and the site's name
        bar = any(piece.startswith(t) for t in titles)
        found += len(piece) if piece in landed or bar else 0
    return found, total


def main(argv: list[str]) -> None:
    html = argv[:1] == ["--html"]
    paths = []
    for arg in argv[1:] if html else argv:
        root = Path(arg)
        suffixes = (".html", ".htm") if html else (".txt", ".md")
        paths += (
            sorted(p for p in root.rglob("*") if p.suffix in suffixes) if root.is_dir() else [root]
        )
    worst: list[tuple[float, str]] = []
    lost_files = 0
    for path in paths:
        raw = path.read_text(encoding="utf-8", errors="replace")
        text = html_text(raw) if html else raw
        document = parse_document(text)
        if not document.articles:
            lost_files += 1
            print(f"{path}: no article")
            continue
        found, total = landed_share(text, document)
        worst.append((found / total if total else 1.0, str(path)))
    worst.sort()
    below = [w for w in worst if w[0] < 0.98]
    print(f"{len(paths)} files, {lost_files} without an article, {len(below)} below 98%")
    for share, path in worst[:10]:
        print(f"  {share:.3f} {path}")


if __name__ == "__main__":
    main(sys.argv[1:])
