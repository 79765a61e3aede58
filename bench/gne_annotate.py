"""Annotate the GNE pages by hand, and re-check an annotation.

    python -m bench.gne_annotate --list
    python -m bench.gne_annotate --show sina/1.html   # --archive: what the archive read
    python -m bench.gne_annotate --annotation bench/annotations/gne_heldout.yaml --list
    python -m bench.gne_annotate --set sina/1.html --title "…" --date 2019-11-25 \\
        --time 18:57 --publication "…" --name 张三 --name 李四 --captions yes \\
        --note "headline printed twice"

``--show`` prints the page's text as a user copies it (numbered lines); for
an annotated page it then prints each annotated field: dates and times in
clear, and for a text field the value the annotation holds read back from
the page itself (the stretch of the page's text whose key is the annotated
one), and with ``--archive`` beside it what the archive read. A page not yet
annotated shows its text only, and an annotated one shows the archive's
reading only when asked: a held-out set is annotated blind, and its
annotator checks a page read back without seeing the archive (session 24: a
helper checking an annotation had seen it). ``--set`` writes a page's
annotation: the text values are stored only as keys (``gne_eval.value_key``),
so the file in the repository holds no text of the pages. A note says in
our own words what is odd about a page.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import yaml

from bench.gne_eval import (
    ANNOTATION,
    find_corpus,
    load_annotation,
    page_text,
    read_page,
    value_key,
)
from ingest.text.fold import name_key

# The longest stretch of a line searched for an annotated value: a long
# headline printed on one line.
LONGEST_VALUE = 120


def recover(keys: set[str], text: str) -> dict[str, str]:
    """The stretches of *text* (within one line, spaces ignored) whose key is
    one of *keys*: how an annotation is read back from the page."""
    found: dict[str, str] = {}
    for line in text.split("\n"):
        squeezed = name_key(line)
        for i in range(len(squeezed)):
            for j in range(i + 1, min(len(squeezed), i + LONGEST_VALUE) + 1):
                key = value_key(squeezed[i:j])
                if key in keys and key not in found:
                    found[key] = squeezed[i:j]
    # a headline printed over several lines: the lines joined
    joined = name_key(text.replace("\n", ""))
    for key in keys - set(found):
        for i in range(len(joined)):
            for j in range(i + 1, min(len(joined), i + LONGEST_VALUE) + 1):
                if value_key(joined[i:j]) == key:
                    found[key] = joined[i:j]
                    break
            if key in found:
                break
    return found


def numbered_lines(text: str) -> list[str]:
    """A page's non-blank lines, stripped and numbered from 0."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    return [f"{n}: {line}" for n, line in enumerate(lines)]


def page_lines(path: Path) -> str:
    """The text a user copies from the page, numbered: all --show prints of a
    page not yet annotated."""
    return "\n".join(numbered_lines(page_text(path)))


def show(page: str, entry: dict[str, Any], path: Path, archive: bool = False) -> str:
    """A page's text and its annotation read back; with *archive*, beside
    each field what the archive read."""
    text = page_text(path)
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    out = numbered_lines(text)
    keys = {entry["title"], *(entry.get("names") or [])}
    keys |= {entry["publication"]} if entry.get("publication") else set()
    clear = recover(keys, "\n".join(lines))

    def shown(key: str | None) -> str:
        return "(none)" if key is None else clear.get(key, "(not in the page's text!)")

    fields = {
        "title": shown(entry["title"]),
        "date": entry.get("date"),
        "time": entry.get("time"),
        "publication": shown(entry.get("publication")),
        "names": [shown(k) for k in entry.get("names") or []],
        "captions": bool(entry.get("captions")),
    }
    if not archive:
        out += ["", f"== {page}: annotated"]
        out += [f"{name}: {value}" for name, value in fields.items()]
    else:
        read = read_page(path, text)
        publications = [p.publication for p in read.document.pages] if read.document else []
        found = {
            "title": read.titles,
            "date": sorted(read.values("date")),
            "time": sorted(read.values("time")),
            "publication": publications,
            "names": read.names(),
            "captions": read.captions(),
        }
        out += ["", f"== {page}: annotated | the archive read"]
        out += [f"{name}: {value} | {found[name]}" for name, value in fields.items()]
        if read.rejected:
            out.append(f"rejected: {read.rejected}")
    if entry.get("note"):
        out.append(f"note: {entry['note']}")
    return "\n".join(out)


def entry_from(args: argparse.Namespace) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "title": value_key(args.title),
        "date": args.date,
        "time": args.time,
        "publication": value_key(args.publication) if args.publication else None,
        "names": [value_key(n) for n in args.name],
        "captions": args.captions == "yes",
    }
    if args.note:
        entry["note"] = args.note
    return entry


def save(annotation: dict[str, dict[str, Any]], path: Path = ANNOTATION) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    head = (
        "# Hand annotation of saved pages (a corpora folder's html/gne; the GNE\n"
        "# pages of ../shared/corpora unless the set says otherwise), keyed by\n"
        "# path. Text values are sha256 of the folded text without whitespace\n"
        "# (bench.gne_eval.value_key); dates and times in clear. Written and read\n"
        "# back with python -m bench.gne_annotate; scored by python -m bench.gne_eval.\n"
    )
    body = yaml.safe_dump(
        dict(sorted(annotation.items())), allow_unicode=True, sort_keys=False, width=1000
    )
    path.write_text(head + body, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", help="the corpora folder (default ../shared/corpora)")
    parser.add_argument("--list", action="store_true", help="the pages and whether annotated")
    parser.add_argument(
        "--show", metavar="PAGE", help="a page's text, and its annotation once annotated"
    )
    parser.add_argument(
        "--archive",
        action="store_true",
        help="with --show on an annotated page: what the archive read, beside each field",
    )
    parser.add_argument("--set", metavar="PAGE", help="write a page's annotation")
    parser.add_argument("--title")
    parser.add_argument("--date", help="ISO date as printed, if printed")
    parser.add_argument("--time", help="HH:MM or HH:MM:SS as printed, if printed")
    parser.add_argument("--publication", help="the site or paper the page names as source")
    parser.add_argument("--name", action="append", default=[], help="a newsroom name printed")
    parser.add_argument("--captions", choices=("yes", "no"), default="no")
    parser.add_argument("--note", help="what is odd about the page, in your own words")
    parser.add_argument(
        "--annotation",
        type=Path,
        default=ANNOTATION,
        help="the annotation read and written (default bench/annotations/gne.yaml;"
        " a held-out set is kept in a file of its own)",
    )
    args = parser.parse_args(argv)
    annotation = load_annotation(args.annotation) if args.annotation.exists() else {}
    if args.set:
        if not args.title:
            parser.error("--set needs --title")
        annotation[args.set] = entry_from(args)
        save(annotation, args.annotation)
        return 0
    corpus = find_corpus(args.corpus)
    if corpus is None:
        print("bench.gne_annotate: the GNE pages (../shared/corpora/html/gne) are not here.")
        return 0
    if args.list:
        for path in sorted(corpus.rglob("*.htm*")):
            page = str(path.relative_to(corpus))
            print(f"{'*' if page in annotation else ' '} {page}")
    elif args.show:
        if args.show in annotation:
            print(show(args.show, annotation[args.show], corpus / args.show, args.archive))
        else:
            # blind: a page not yet annotated shows its text only, not what
            # the archive read, so that the annotation is written unseen
            print(page_lines(corpus / args.show))
    return 0


if __name__ == "__main__":
    sys.exit(main())
