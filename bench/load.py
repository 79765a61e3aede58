"""Concurrent clients against a real Datasette serving the archive.

    python -m bench.load                          # 50 clients, 2,000 requests, the seeds
    python -m bench.load --clients 50 --articles 2000 --requests 4000

Starts ``datasette serve`` on 127.0.0.1 with the options `make serve` uses
(``explorer.serve.serving``), then N clients each send requests one after
another, drawn from a fixed mix: full-text searches (HTML and JSON), facets,
article and caption row pages, people sorted by articles, and CSV exports.
The run stops after ``--requests`` requests in all or ``--seconds`` seconds,
whichever comes first. It reports requests per second, p50 and p95 latency,
and the errors (any status other than 200, or a failed request).

The archive is a fresh build of the seeds, or with ``--articles N`` of the
synthetic corpus (bench/corpus.py), or ``--db FILE``.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sqlite3
import statistics
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from bench.corpus import write_corpus
from explorer.serve import serving
from ingest.pipeline import ingest_paths
from ingest.store.write import open_archive

ROOT = Path(__file__).resolve().parent.parent
WORDS = ("老旧小区", "医疗", "株洲", "刘震", "天元区", "民生", "干部", "幸福")


@dataclass
class Tally:
    latencies: dict[str, list[float]] = field(default_factory=dict)  # by kind of request
    errors: Counter[str] = field(default_factory=Counter)


def request_mix(db: Path) -> list[tuple[str, str]]:
    """(kind, path) pairs the clients draw from, built from the archive's rows."""
    conn = sqlite3.connect(db)
    articles = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY random() LIMIT 20")]
    captions = [r[0] for r in conn.execute("SELECT id FROM captions ORDER BY random() LIMIT 10")]
    conn.close()
    mix = [("search", f"/zhuzhou/articles?_search={w}") for w in WORDS]
    mix += [("search json", f"/zhuzhou/articles.json?_search={w}&_shape=array") for w in WORDS]
    mix += [
        ("facet", "/zhuzhou/mentions?_facet=role&_facet=kind"),
        ("facet", "/zhuzhou/figures?_facet=unit"),
        ("people", "/zhuzhou/people?_sort_desc=articles"),
        # each table's default page: its metadata sort order and default facets
        *(("table", f"/zhuzhou/{t}") for t in ("articles", "mentions", "places", "keywords")),
        ("table", "/zhuzhou/figures?unit=%E5%85%83"),
        ("csv", "/zhuzhou/captions.csv?_size=max"),
        ("csv", "/zhuzhou/articles.csv?_size=100"),
    ]
    mix += [("row", f"/zhuzhou/articles/{i}") for i in articles]
    mix += [("row", f"/zhuzhou/captions/{i}") for i in captions]
    return mix


async def client(
    http: httpx.AsyncClient,
    mix: list[tuple[str, str]],
    rng: random.Random,
    budget: list[int],
    deadline: float,
    tally: Tally,
) -> None:
    while budget[0] > 0 and time.monotonic() < deadline:
        budget[0] -= 1
        kind, path = rng.choice(mix)
        started = time.monotonic()
        try:
            response = await http.get(path)
            if response.status_code != 200:
                tally.errors[f"{response.status_code} {kind}"] += 1
        except httpx.HTTPError as e:
            tally.errors[f"{type(e).__name__} {kind}"] += 1
        tally.latencies.setdefault(kind, []).append(1000 * (time.monotonic() - started))


async def load(
    url: str, mix: list[tuple[str, str]], args: argparse.Namespace
) -> tuple[Tally, float]:
    tally = Tally()
    budget = [args.requests]
    limits = httpx.Limits(max_connections=args.clients)
    async with httpx.AsyncClient(base_url=url, timeout=args.timeout, limits=limits) as http:
        started = time.monotonic()
        deadline = started + args.seconds
        await asyncio.gather(
            *(
                client(http, mix, random.Random(n), budget, deadline, tally)
                for n in range(args.clients)
            )
        )
    return tally, time.monotonic() - started


def build(directory: Path, articles: int) -> Path:
    db_path = directory / "zhuzhou.db"
    inputs = [ROOT / "seeds"]
    if articles:
        inputs = write_corpus(articles, directory / "corpus")
    db = open_archive(db_path)
    ingest_paths(db, inputs)
    db.close()
    return db_path


def percentile(values: list[float], p: float) -> float:
    return statistics.quantiles(values, n=100)[int(p) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=2000, help="in all")
    parser.add_argument("--seconds", type=float, default=120, help="at most")
    parser.add_argument("--timeout", type=float, default=30, help="per request")
    parser.add_argument("--articles", type=int, default=0, help="synthetic corpus size")
    parser.add_argument("--db", type=Path, help="serve this archive instead")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        db = args.db or build(Path(work), args.articles)
        articles = sqlite3.connect(db).execute("SELECT count(*) FROM articles").fetchone()[0]
        with serving(db) as url:
            tally, seconds = asyncio.run(load(url, request_mix(db), args))
    ms = sorted(x for kind in tally.latencies.values() for x in kind)
    print(
        f"{args.clients} clients, {len(ms)} requests in {seconds:.1f} s on {articles} articles: "
        f"{len(ms) / seconds:.1f} requests/s, p50 {percentile(ms, 50):.0f} ms, "
        f"p95 {percentile(ms, 95):.0f} ms, max {ms[-1]:.0f} ms, "
        f"{sum(tally.errors.values())} errors {dict(tally.errors)}"
    )
    for kind, values in sorted(tally.latencies.items()):
        p95 = percentile(values, 95) if len(values) > 1 else values[0]
        median = statistics.median(values)
        print(f"  {kind}: {len(values)} requests, p50 {median:.0f} ms, p95 {p95:.0f} ms")


if __name__ == "__main__":
    main()
