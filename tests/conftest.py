"""Shared fixtures: the real seed files, parsed and ingested into a real
SQLite archive, and a real Datasette serving it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from datasette.app import Datasette

from ingest.model import Article, Document
from ingest.parse.document import parse_document
from ingest.pipeline import ingest_paths
from ingest.store.write import open_archive

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_NAMES = sorted(p.name for p in SEEDS.glob("*.txt"))


def seed_text(name: str) -> str:
    return (SEEDS / name).read_text(encoding="utf-8")


def web_page(*lines: str) -> str:
    """A web copy as a user saves it: *lines*, a blank line between each."""
    return "\n\n".join(lines) + "\n"


def only_article(*lines: str) -> Article:
    """The one article of a web copy of *lines* (``web_page``)."""
    (article,) = parse_document(web_page(*lines)).articles
    return article


def article_text(article: Article) -> str:
    """Everything an article holds as text: kicker, title, subtitle, byline,
    body, section headings and captions."""
    parts = [article.kicker or "", article.title, article.subtitle or "", article.byline or ""]
    parts += [article.body, *(s.heading for s in article.sections)]
    parts += [c.text for c in article.captions]
    return "\n".join(parts)


def all_text(document: Document) -> str:
    """The text of every article of *document*."""
    return "\n".join(article_text(a) for a in document.articles)


def column_menu(*columns: tuple[str, str]) -> list[str]:
    """A portal's menu of columns, each column's name over its motto."""
    return [line for column in columns for line in column]


def seed_document(prefix: str) -> Document:
    """The parsed seed whose file name starts with *prefix* ("000" … "004")."""
    (name,) = [n for n in SEED_NAMES if n.startswith(prefix)]
    return parse_document(seed_text(name))


def article_titled(document: Document, title: str) -> Article:
    (article,) = [a for a in document.articles if a.title == title]
    return article


@pytest.fixture(scope="session")
def archive_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """zhuzhou.db built from seeds/ by the real pipeline."""
    path = tmp_path_factory.mktemp("archive") / "zhuzhou.db"
    db = open_archive(path)
    outcomes = ingest_paths(db, [SEEDS])
    db.close()
    assert [o.status for o in outcomes] == ["ingested"] * len(SEED_NAMES)
    return path


@pytest.fixture(scope="session")
def metadata() -> dict:
    return yaml.safe_load((ROOT / "metadata.yml").read_text(encoding="utf-8"))


@pytest.fixture
def datasette(archive_path: Path, metadata: dict) -> Datasette:
    return Datasette([str(archive_path)], metadata=metadata)
