"""Whether a change to the name recogniser's inference leaves the people
found unchanged: every mention (name, role, organization, offsets, lines) and
every byline name refused as no person, article by article, on a fixed sample.

    python -m bench.names_check --save /tmp/before.json     # on the old code
    python -m bench.names_check --against /tmp/before.json  # on the new code

The sample: the seeds, the saved web pages of tests/fixtures/web, and the
first 2,000 sentences of People's Daily's dev set (../shared/corpora/ner), as
articles of 15 sentences, twenty articles to a document. Each document goes
through ``extract_document``, the ingest's own path. The saved file holds
names from the public test set: keep it out of the repository.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from bench.ner import DEV_SETS, GROUP, read_bio
from ingest.extract.article import extract_document
from ingest.model import Article, Document, Page, Paragraph
from ingest.pipeline import parse_source, read_source

ROOT = Path(__file__).resolve().parent.parent
SENTENCES = 2000
PER_DOCUMENT = 20


def sample() -> dict[str, Document]:
    documents = {
        str(path.relative_to(ROOT)): parse_source(path, read_source(path))
        for folder in (ROOT / "seeds", ROOT / "tests" / "fixtures" / "web")
        for path in sorted(folder.iterdir())
    }
    path, separator = DEV_SETS["People's Daily dev"]
    sentences = [s.text for s in read_bio(path, separator)[:SENTENCES]]
    articles = [
        Article(
            title="",
            line_start=k,
            paragraphs=[Paragraph(s, k + i, k + i) for i, s in enumerate(sentences[k : k + GROUP])],
        )
        for k in range(0, len(sentences), GROUP)
    ]
    for k in range(0, len(articles), PER_DOCUMENT):
        documents[f"peoples_daily.dev#{k}"] = Document(
            [Page(0, articles=articles[k : k + PER_DOCUMENT])]
        )
    return documents


def found(documents: dict[str, Document]) -> dict[str, list[list[str]]]:
    """Each article's mentions and refused byline names, as comparable strings."""
    return {
        f"{name}#{n}": sorted(
            [repr(m) for m in f.mentions] + [f"no person: {k}" for k in f.not_people]
        )
        for name, document in documents.items()
        for n, f in enumerate(extract_document(document))
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path)
    group.add_argument("--against", type=Path)
    args = parser.parse_args()
    now = found(sample())
    if args.save:
        args.save.write_text(json.dumps(now, ensure_ascii=False, indent=0), encoding="utf-8")
        print(f"{len(now)} articles, {sum(map(len, now.values()))} items saved")
        return
    before = json.loads(args.against.read_text(encoding="utf-8"))
    changed = 0
    for key in sorted(before.keys() | now.keys()):
        gone = set(before.get(key, [])) - set(now.get(key, []))
        new = set(now.get(key, [])) - set(before.get(key, []))
        for item in sorted(gone):
            print(f"- {key}: {item}")
        for item in sorted(new):
            print(f"+ {key}: {item}")
        changed += bool(gone or new)
    items = sum(map(len, now.values()))
    print(f"{len(now)} articles, {items} items; {changed} articles changed")


if __name__ == "__main__":
    main()
