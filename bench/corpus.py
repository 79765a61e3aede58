"""A deterministic synthetic corpus built from the seeds, for benchmarks.

Paragraphs of the seed articles are reshuffled into new articles of about
2,000 characters, twenty to a file (a day's paper: a page header, then each
article with a headline and a byline, some with a photo caption). One file in
four is converted to traditional script with OpenCC's character table, so both
scripts are represented. The same (size, seed) always gives the same files.

    python -m bench.corpus 1000 /tmp/corpus-1k
"""

from __future__ import annotations

import random
import sys
from dataclasses import dataclass
from pathlib import Path

import opencc

from ingest.parse.document import parse_document

ROOT = Path(__file__).resolve().parent.parent
ARTICLE_CHARS = 2000
PER_FILE = 20
REPORTERS = ("谭昕吾", "李逸峰", "刘琼", "杨如", "旷昆红", "杨凌凌")
CORRESPONDENTS = ("张弥郁", "唐赛", "顾言心", "谷月英", "宗倩", "罗雄武")
PAGES = ("综合·城区", "生活·周刊", "要闻", "经济·产业")


@dataclass
class Pool:
    titles: list[str]
    paragraphs: list[str]
    captions: list[str]


def seed_pool() -> Pool:
    titles, paragraphs, captions = [], [], []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        for article in parse_document(path.read_text(encoding="utf-8")).articles:
            titles.append(article.title)
            paragraphs.extend(p.text for p in article.paragraphs)
            captions.extend(f"{c.text}{c.credit}" if c.credit else c.text for c in article.captions)
    return Pool(titles, paragraphs, captions)


def to_traditional_table() -> dict[int, str]:
    """Simplified → traditional, character by character (OpenCC STCharacters)."""

    path = Path(opencc.__file__).parent / "dictionary" / "STCharacters.txt"
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        source, _, targets = line.partition("\t")
        target = targets.split(" ")[0]
        if len(source) == 1 and len(target) == 1:
            table[ord(source)] = target
    return table


def article_text(rng: random.Random, pool: Pool, number: int) -> str:
    title = f"{rng.choice(pool.titles)} {number}"
    byline = f"株洲日报全媒体记者/{rng.choice(REPORTERS)} 通讯员/{rng.choice(CORRESPONDENTS)}"
    parts = [f"# {title}", byline]
    size = 0
    while size < ARTICLE_CHARS:
        paragraph = rng.choice(pool.paragraphs)
        parts.append(paragraph)
        size += len(paragraph)
    if rng.random() < 0.3:
        parts.insert(rng.randrange(3, len(parts)), "\n\n" + rng.choice(pool.captions))
    return "\n\n".join(parts)


def file_text(rng: random.Random, pool: Pool, first: int, count: int, day: int) -> str:
    year, month, date = 2000 + day // 336, day // 28 % 12 + 1, day % 28 + 1
    header = (
        f"## {rng.choice(PAGES)}\n\n{year}年{month}月{date}日 星期一\n"
        f"责任编辑:{rng.choice(REPORTERS)} 美术编辑:{rng.choice(CORRESPONDENTS)}"
    )
    articles = [article_text(rng, pool, first + i) for i in range(count)]
    return "\n\n".join([header, *articles]) + "\n"


def write_corpus(n_articles: int, out: Path, seed: int = 2024) -> list[Path]:
    """Write *n_articles* in files of twenty under *out*; return the files."""
    rng = random.Random(seed)
    pool = seed_pool()
    traditional = to_traditional_table()
    out.mkdir(parents=True, exist_ok=True)
    files = []
    for day, first in enumerate(range(0, n_articles, PER_FILE)):
        text = file_text(rng, pool, first + 1, min(PER_FILE, n_articles - first), day)
        if day % 4 == 3:
            text = text.translate(traditional)
        path = out / f"day-{day:06d}.txt"
        path.write_text(text, encoding="utf-8")
        files.append(path)
    return files


if __name__ == "__main__":
    files = write_corpus(int(sys.argv[1]), Path(sys.argv[2]))
    chars = sum(len(p.read_text(encoding="utf-8")) for p in files)
    print(f"{len(files)} files, {chars} characters in {sys.argv[2]}")
