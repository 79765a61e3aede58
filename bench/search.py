"""Search benchmark: the zh tokenizer against a LIKE scan, FTS5 trigram and
one token per character, on synthetic archives of 1k, 10k and 100k articles.

Not a test. It prints the tables of docs/SEARCH.md and writes them, with the
raw numbers, to bench/out/:

    .venv/bin/python -m bench.search                         # 1k, 10k, 100k
    .venv/bin/python -m bench.search --sizes 1000,10000 --reps 3

The corpus is deterministic: the seeds' parsed paragraphs in both scripts
(OpenCC s2t / t2s), drawn at random into ~2,000-character articles, one in five
in traditional script. Each article opens with a synthetic reporter's name,
drawn from a pool of size/5 names, so rare terms exist at every size.

Designs, one database file each, all holding the same ``articles`` table:

  zh       FTS5, tokenize=zh (zhfts/_zhtok.c): bigrams + colocated characters
  unigram  FTS5 unicode61 over folded text with every Chinese character spaced
           apart: one token per character (queries become phrases of characters)
  trigram  FTS5 trigram over folded text (the generous case: text and queries
           pre-folded, so script is not what it misses)
  like     ``LIKE '%q%'`` over a folded copy of title and body: the truth

Latency is measured twice: in SQL (``count(*)`` of the matches, the work every
search does) and end to end through a real ``datasette serve`` on 127.0.0.1
(the table page's ``?_search=`` JSON: first page, match count, and the sort
order and facets metadata.yml gives ``articles``). Files are read from the page
cache (warm). --keep leaves the databases in bench/out/search-N/.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import quote

import httpx
import opencc
import yaml
from datasette.utils import escape_fts

from explorer.plugin import prepare_connection
from explorer.serve import SETTINGS
from ingest.parse.document import parse_document
from ingest.store.schema import FTS_RANK, spec
from ingest.text.fold import fold

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
DESIGNS = ("zh", "unigram", "trigram", "like")
TARGET_CHARS = 2000
TRADITIONAL_SHARE = 0.2
ARTICLES_PER_NAME = 5
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建文斌宇浩凯健俊帆帅旭"
DISTRICTS = ("天元区", "芦淞区", "荷塘区", "石峰区", "渌口区", "醴陵市", "攸县", "茶陵县", "炎陵县")
RARE_NAME = 123  # index of the reporter used as the rare query; < 1000 // ARTICLES_PER_NAME


def reporter(k: int) -> str:
    """The k-th synthetic name: a bijection for k < 20 * 40 * 40."""
    return SURNAMES[k % 20] + GIVEN[(k // 20) % 40] + GIVEN[(k // 800) % 40]


S2T = opencc.OpenCC("s2t")
T2S = opencc.OpenCC("t2s")

# (what it exercises, query as a user types it)
QUERIES: list[tuple[str, str]] = [
    ("common, 2 chars", "株洲"),
    ("common, 2 chars", "发展"),
    ("common, 1 char", "的"),
    ("1 char", "湘"),
    ("2 chars", "医疗"),
    ("2 chars", "电梯"),
    ("4 chars", "老旧小区"),
    ("4 chars", "家庭医生"),
    ("cross-boundary", "旧小区"),
    ("cross-boundary", "医生签约"),
    ("rejoined column break", "6台新加装的电梯"),
    ("long phrase", "实现了物业全覆盖"),
    ("traditional query", "醫療"),
    ("traditional query", "劉天健"),
    ("traditional query", "發展"),
    ("simplified finds traditional", "刘天健"),
    ("Latin", "VBAC"),
    ("digits + Chinese", "2019年"),
    ("Latin + Chinese", "厂BA"),
    ("rare name", reporter(RARE_NAME)),
    ("rare name, traditional", S2T.convert(reporter(RARE_NAME))),
    ("no hits", "北京大学"),
]


# ---------------------------------------------------------------- corpus


@dataclass
class Pool:
    """Paragraphs and titles of one script, as printed, folded and spaced."""

    paragraphs: list[str]
    titles: list[str]
    byline: str  # template for the reporter line

    def variants(self, texts: list[str]) -> dict[str, list[str]]:
        folded = [fold(t) for t in texts]
        return {"printed": texts, "folded": folded, "spaced": [spaced(t) for t in folded]}


_NON_ASCII = re.compile(r"([^\x00-\x7f])")


def spaced(folded: str) -> str:
    """Folded text with every non-ASCII character a word of its own, for unicode61."""
    return _NON_ASCII.sub(r" \1 ", folded)


def seed_pools() -> tuple[Pool, Pool]:
    simplified: list[str] = []
    traditional: list[str] = []
    titles: list[str] = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        document = parse_document(path.read_text(encoding="utf-8"))
        for article in document.articles:
            titles.append(article.title)
            titles.extend(s.heading for s in article.sections)
            for p in article.paragraphs:
                is_traditional = fold(p.text) != p.text and T2S.convert(p.text) != p.text
                simplified.append(T2S.convert(p.text) if is_traditional else p.text)
                traditional.append(p.text if is_traditional else S2T.convert(p.text))
    return (
        Pool(simplified, [T2S.convert(t) for t in titles], "记者{}报道"),
        Pool(traditional, [S2T.convert(t) for t in titles], "記者{}報導"),
    )


@dataclass
class Plan:
    """What each article is made of: enough to rebuild any text variant."""

    traditional: list[bool] = field(default_factory=list)
    title: list[int] = field(default_factory=list)
    name: list[int] = field(default_factory=list)
    paragraphs: list[list[int]] = field(default_factory=list)
    districts: list[list[str]] = field(default_factory=list)


def plan_corpus(n: int, pools: tuple[Pool, Pool]) -> Plan:
    rng = random.Random(20240601)
    plan = Plan()
    lengths = [len(p) for p in pools[0].paragraphs]
    names = max(1, n // ARTICLES_PER_NAME)
    for _ in range(n):
        plan.traditional.append(rng.random() < TRADITIONAL_SHARE)
        plan.title.append(rng.randrange(len(pools[0].titles)))
        plan.name.append(rng.randrange(names))
        picked: list[int] = []
        total = 0
        while total < TARGET_CHARS:
            i = rng.randrange(len(lengths))
            picked.append(i)
            total += lengths[i]
        plan.paragraphs.append(picked)
        plan.districts.append(sorted(rng.sample(DISTRICTS, rng.randint(0, 2))))
    return plan


def article_texts(
    plan: Plan, pools: tuple[Pool, Pool], variant: str
) -> Iterator[tuple[int, str, str]]:
    """(id, title, body) of every article in one variant: printed, folded or spaced."""
    tables = []
    for pool in pools:
        paragraphs = pool.variants(pool.paragraphs)[variant]
        titles = pool.variants(pool.titles)[variant]
        tables.append((paragraphs, titles, pool))
    convert = {"printed": str, "folded": fold, "spaced": lambda t: spaced(fold(t))}[variant]
    for i, trad in enumerate(plan.traditional):
        paragraphs, titles, pool = tables[trad]
        name = reporter(plan.name[i])
        byline = convert(pool.byline.format(S2T.convert(name) if trad else name))
        body = "\n\n".join([byline, *(paragraphs[j] for j in plan.paragraphs[i])])
        yield i + 1, titles[plan.title[i]], body


# ---------------------------------------------------------------- databases


def connect(path: Path) -> sqlite3.Connection:
    """A connection set up as Datasette's are (tokenizer, mmap), tuned for bulk writes."""
    conn = sqlite3.connect(path, isolation_level=None)
    prepare_connection(conn, "zhuzhou")
    conn.execute("PRAGMA query_only = 0")  # served read-only; built here
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -262144")  # 256 MiB while building
    return conn


ARTICLE_COLUMNS = {
    "id": "INTEGER PRIMARY KEY",
    "page_id": "INTEGER",
    "date": "TEXT",
    "year": "INTEGER",
    "month": "TEXT",
    "publication": "TEXT",
    "districts": "TEXT",
    "district": "TEXT",
    "title": "TEXT",
    "body": "TEXT",
    # The archive's full-text key (schema.py); equal to id here, as ids are dense.
    "fts_rowid": "INTEGER UNIQUE",
}


def build_base(path: Path, plan: Plan, pools: tuple[Pool, Pool]) -> float:
    """The ``articles`` table every design shares: the archive's columns that its
    table page sorts and facets by (metadata.yml), with the archive's indexes."""
    path.unlink(missing_ok=True)
    conn = connect(path)
    columns = ", ".join(f"{name} {kind}" for name, kind in ARTICLE_COLUMNS.items())
    conn.execute(f"CREATE TABLE articles ({columns})")
    start = time.perf_counter()
    epoch = date(2015, 1, 1)

    def row(i: int, title: str, body: str) -> tuple:
        day = epoch + timedelta(days=(i // 6) % 3650)
        publication = "华声在线" if plan.traditional[i - 1] else "株洲日报"
        named = plan.districts[i - 1]
        districts = json.dumps(named, ensure_ascii=False)
        return (
            i,
            i // 6 + 1,
            day.isoformat(),
            day.year,
            day.isoformat()[:7],
            publication,
            districts,
            named[0] if named else None,
            title,
            body,
            i,
        )

    conn.execute("BEGIN")
    conn.executemany(
        f"INSERT INTO articles VALUES ({', '.join('?' * len(ARTICLE_COLUMNS))})",
        (row(*texts) for texts in article_texts(plan, pools, "printed")),
    )
    for columns in spec("articles").indexes:
        if set(columns) <= set(ARTICLE_COLUMNS):
            conn.execute(f"CREATE INDEX idx_{'_'.join(columns)} ON articles ({', '.join(columns)})")
    conn.execute("COMMIT")
    conn.close()
    return time.perf_counter() - start


def build_design(design: str, base: Path, out: Path, plan: Plan, pools: tuple[Pool, Pool]) -> float:
    """Copy the base archive and add one design's index; returns the build time."""
    path = out / f"{design}.db"
    shutil.copyfile(base, path)
    conn = connect(path)
    start = time.perf_counter()
    conn.execute("BEGIN")
    if design == "zh":
        conn.execute(
            # body first, as the archive's index (schema.py: the smaller index)
            'CREATE VIRTUAL TABLE articles_fts USING fts5(body, title, content="articles",'
            ' content_rowid="fts_rowid", tokenize="zh")'
        )
        conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")
        conn.execute(
            "INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', ?)",
            [FTS_RANK["articles"]],
        )
        conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('optimize')")
    elif design == "like":
        conn.execute("CREATE TABLE folded (id INTEGER PRIMARY KEY, title TEXT, body TEXT)")
        conn.executemany(
            "INSERT INTO folded VALUES (?, ?, ?)", article_texts(plan, pools, "folded")
        )
    else:
        # Contentless: the index is all these designs add to the archive.
        table, tokenize, variant = {
            "unigram": ("articles_uni", "unicode61", "spaced"),
            "trigram": ("articles_tri", "trigram", "folded"),
        }[design]
        conn.execute(
            f"CREATE VIRTUAL TABLE {table} USING fts5(body, title, content='',"
            f" tokenize='{tokenize}')"
        )
        conn.executemany(
            f"INSERT INTO {table}(rowid, title, body) VALUES (?, ?, ?)",
            article_texts(plan, pools, variant),
        )
        conn.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def like_pattern(q: str) -> str:
    return f"%{fold(q)}%"


# How each design finds the articles matching q: (SQL, parameter).
SQL_MATCH: dict[str, Callable[[str], tuple[str, str]]] = {
    "zh": lambda q: ("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", phrase(q)),
    "unigram": lambda q: (
        "SELECT rowid FROM articles_uni WHERE articles_uni MATCH ?",
        phrase(spaced(fold(q)).strip()),
    ),
    "trigram": lambda q: (
        "SELECT rowid FROM articles_tri WHERE articles_tri MATCH ?",
        phrase(fold(q)),
    ),
    "like": lambda q: (
        "SELECT id FROM folded WHERE title LIKE ?1 OR body LIKE ?1",
        like_pattern(q),
    ),
}


def http_path(design: str, q: str) -> str:
    """The table page a user of that design would open, as JSON (with its count)."""
    if design == "zh":
        return f"/zh/articles.json?_search={quote(q)}"
    if design == "unigram":
        return "/unigram/articles.json?_fts_table=articles_uni&_searchmode=raw&_search=" + quote(
            phrase(spaced(fold(q)).strip())
        )
    if design == "trigram":
        return f"/trigram/articles.json?_fts_table=articles_tri&_search={quote(fold(q))}"
    pattern = like_pattern(q)
    where = (
        f"rowid in (select id from folded where title like '{pattern}' or body like '{pattern}')"
    )
    return f"/like/articles.json?_where={quote(where)}"


# ---------------------------------------------------------------- measuring


def timed(fn: Callable[[], object], reps: int) -> tuple[list[float], object]:
    """Milliseconds of each of *reps* calls after one warm-up call, and its result."""
    result = fn()
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return times, result


def summary(samples: list[float]) -> tuple[float, float]:
    """Median and 95th percentile (NaN when every request failed: see Errors)."""
    if not samples:
        return float("nan"), float("nan")
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95


@dataclass
class Result:
    design: str
    build_s: float = 0.0
    size_mb: float = 0.0
    sql: dict[str, list[float]] = field(default_factory=dict)
    http: dict[str, list[float]] = field(default_factory=dict)
    found: dict[str, int] = field(default_factory=dict)
    recall: dict[str, float] = field(default_factory=dict)
    extra: dict[str, int] = field(default_factory=dict)
    http_count_ok: dict[str, bool] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


def measure_sql(out: Path, results: dict[str, Result], reps: int) -> dict[str, set[int]]:
    truth: dict[str, set[int]] = {}
    like = connect(out / "like.db")
    for _, q in QUERIES:
        sql, arg = SQL_MATCH["like"](q)
        truth[q] = {r[0] for r in like.execute(sql, [arg])}
    like.close()
    for design, result in results.items():
        conn = connect(out / f"{design}.db")
        for _, q in QUERIES:
            sql, arg = SQL_MATCH[design](q)
            count_sql = f"SELECT count(*) FROM ({sql})"
            result.sql[q], _ = timed(
                lambda c=conn, s=count_sql, a=arg: c.execute(s, [a]).fetchone(), reps
            )
            found = {r[0] for r in conn.execute(sql, [arg])}
            result.found[q] = len(found)
            result.recall[q] = len(found & truth[q]) / len(truth[q]) if truth[q] else 1.0
            result.extra[q] = len(found - truth[q])
        conn.close()
    return truth


def ranked_sql(metadata: dict) -> str:
    return metadata["databases"]["zh"]["queries"]["search"]["sql"]


def measure_ranked_sql(out: Path, metadata: dict, reps: int) -> dict[str, list[float]]:
    """The canned ranked search (bm25 order + snippet, first page)."""
    conn = connect(out / "zh.db")
    conn.create_function("escape_fts", 1, escape_fts)  # as Datasette registers it
    sql = ranked_sql(metadata)
    times = {}
    for _, q in QUERIES:
        times[q], _ = timed(lambda q=q: conn.execute(sql, {"q": q}).fetchall(), reps)
    conn.close()
    return times


def bench_metadata() -> dict:
    """The articles table's settings (facets, sort order) and the canned search
    query, as the real archive's metadata.yml has them."""
    real = yaml.safe_load((ROOT / "metadata.yml").read_text(encoding="utf-8"))
    archive = real["databases"]["zhuzhou"]
    articles = archive["tables"]["articles"]
    databases: dict = {d: {"tables": {"articles": articles}} for d in DESIGNS}
    databases["zh"]["queries"] = {"search": archive["queries"]["search"]}
    return {"databases": databases}


def write_metadata(out: Path) -> dict:
    """bench_metadata() as out/metadata.json, where Server reads it; returns it."""
    metadata = bench_metadata()
    (out / "metadata.json").write_text(json.dumps(metadata, ensure_ascii=False), encoding="utf-8")
    return metadata


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """``datasette serve`` of the design databases, stopped on exit."""

    def __init__(self, out: Path, designs: tuple[str, ...], settings: dict[str, str]) -> None:
        self.port = free_port()
        metadata = out / "metadata.json"
        args = [str(VENV_BIN / "datasette"), "serve", "-m", str(metadata)]
        for design in designs:
            args += ["-i", str(out / f"{design}.db")]
        args += ["-h", "127.0.0.1", "-p", str(self.port)]
        for key, value in settings.items():
            args += ["--setting", key, value]
        self.process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self.client = httpx.Client(base_url=f"http://127.0.0.1:{self.port}", timeout=600)

    def __enter__(self) -> Server:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                self.client.get("/-/versions.json")
                return self
            except httpx.TransportError:
                time.sleep(0.2)
        raise RuntimeError(f"datasette did not start: {self.process.stderr}")

    def __exit__(self, *exc: object) -> None:
        self.client.close()
        self.process.terminate()
        self.process.wait(timeout=30)

    def get(self, path: str) -> dict:
        response = self.client.get(path)
        if response.status_code != 200:
            raise RuntimeError(f"{response.status_code} {path}: {response.text[:200]}")
        return response.json()


LEAN = "&_nofacet=1&_sort=id"


def measure_http(
    server: Server,
    design: str,
    truth: dict[str, set[int]],
    result: Result,
    reps: int,
    extra: str = "",
) -> None:
    for _, q in QUERIES:
        path = http_path(design, q) + extra
        try:
            result.http[q], data = timed(lambda p=path: server.get(p), reps)
        except RuntimeError as error:
            result.errors.append(str(error))
            continue
        result.http_count_ok[q] = data["filtered_table_rows_count"] == len(truth[q])


def measure_canned_http(server: Server, reps: int) -> dict[str, list[float]]:
    return {
        q: timed(lambda q=q: server.get(f"/zh/search.json?_shape=array&q={quote(q)}"), reps)[0]
        for _, q in QUERIES
    }


# ---------------------------------------------------------------- report


def ms(x: float) -> str:
    return f"{x:,.1f}" if x < 100 else f"{x:,.0f}"


def all_samples(per_query: dict[str, list[float]]) -> list[float]:
    return [t for times in per_query.values() for t in times]


def report_size(n: int, run: dict) -> str:
    results: dict[str, Result] = run["results"]
    like_sql = summary(all_samples(results["like"].sql))
    like_http = summary(all_samples(results["like"].http))
    lines = [
        f"### {n:,} articles ({run['chars'] / 1e6:,.1f}M characters; base table"
        f" {run['base_mb']:,.0f} MB, loaded in {run['base_s']:.1f} s)",
        "",
        "| design | build s | db MB (index) | SQL median ms | SQL p95 ms | SQL p95 vs LIKE |"
        " Datasette median ms | Datasette p95 ms | Datasette p95 vs LIKE | recall |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for design, r in results.items():
        sql_med, sql_p95 = summary(all_samples(r.sql))
        complete = sum(1 for v in r.recall.values() if v == 1.0)
        mean_recall = statistics.mean(r.recall.values())
        if r.http:
            http_med, http_p95 = summary(all_samples(r.http))
            http_cells = f"{ms(http_med)} | {ms(http_p95)} | {like_http[1] / http_p95:,.1f}×"
        else:
            http_cells = "– | – | –"
        lines.append(
            f"| {design} | {r.build_s:,.1f} | {r.size_mb:,.0f} ({r.size_mb - run['base_mb']:,.0f})"
            f" | {ms(sql_med)} | {ms(sql_p95)} | {like_sql[1] / sql_p95:,.1f}× | {http_cells}"
            f" | {mean_recall:.0%} ({complete}/{len(r.recall)} queries complete) |"
        )
    for label, key in (
        ("zh ranked (canned query)", "ranked"),
        ("zh, Datasette defaults", "defaults"),
    ):
        if key in run:
            med, p95 = summary(all_samples(run[key]))
            lines.append(
                f"| {label} | | | | | | {ms(med)} | {ms(p95)} | {like_http[1] / p95:,.1f}× | |"
            )
    if "lean_like" in run:
        like_lean = summary(all_samples(run["lean_like"]))[1]
        for design in ("zh", "like"):
            med, p95 = summary(all_samples(run[f"lean_{design}"]))
            lines.append(
                f"| {design} page with `{LEAN[1:]}` | | | | | | {ms(med)} | {ms(p95)}"
                f" | {like_lean / p95:,.1f}× (vs like, same page) | |"
            )
    if "ranked_sql" in run:
        med, p95 = summary(all_samples(run["ranked_sql"]))
        lines.append(
            "| zh ranked, SQL (the canned query: bm25, 50 rows with snippets) | | |"
            f" {ms(med)} | {ms(p95)} | {like_sql[1] / p95:,.1f}× | | | | |"
        )
    errors = [e for r in results.values() for e in r.errors]
    if errors:
        lines += ["", "Errors:", *(f"- {e}" for e in errors)]
    return "\n".join(lines)


def report_queries(n: int, run: dict) -> str:
    results: dict[str, Result] = run["results"]
    head = (
        " | ".join(f"{d} SQL" for d in results) + " | " + " | ".join(f"{d} page" for d in results)
    )
    lines = [
        f"#### Per query at {n:,} articles (median ms; recall when below 100%)",
        "",
        f"| kind | query | hits | {head} |",
        "| --- | --- | ---: |" + " ---: |" * (2 * len(results)),
    ]
    for kind, q in QUERIES:
        cells = []
        for mode in ("sql", "http"):
            for r in results.values():
                times = getattr(r, mode).get(q)
                cell = ms(statistics.median(times)) if times else "–"
                if mode == "sql" and r.recall[q] < 1.0:
                    cell += f" ({r.recall[q]:.0%})"
                cells.append(cell)
        lines.append(f"| {kind} | {q} | {run['hits'][q]:,} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def run_size(n: int, out: Path, pools: tuple[Pool, Pool], reps: int) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    print(f"== {n:,} articles", file=sys.stderr)
    plan = plan_corpus(n, pools)
    base = out / "base.db"
    run: dict = {"base_s": build_base(base, plan, pools)}
    run["base_mb"] = base.stat().st_size / 1e6
    run["chars"] = sum(len(t) + len(b) for _, t, b in article_texts(plan, pools, "printed"))
    results = {d: Result(d) for d in DESIGNS}
    for design, result in results.items():
        result.build_s = build_design(design, base, out, plan, pools)
        result.size_mb = (out / f"{design}.db").stat().st_size / 1e6
        print(f"   built {design} in {result.build_s:.1f} s", file=sys.stderr)
    base.unlink()
    metadata = write_metadata(out)

    truth = measure_sql(out, results, reps)
    run["hits"] = {q: len(ids) for q, ids in truth.items()}
    run["ranked_sql"] = measure_ranked_sql(out, metadata, reps)
    print("   measured SQL", file=sys.stderr)
    # Every design on one server with the recommended settings, except that the
    # time limit is raised so the LIKE baseline finishes and can be timed.
    with Server(out, DESIGNS, {**SETTINGS, "sql_time_limit_ms": "600000"}) as server:
        for design, result in results.items():
            measure_http(server, design, truth, result, reps)
            print(f"   measured {design} through Datasette", file=sys.stderr)
        # The same page without the table's facets and date order: what the
        # search costs apart from what metadata.yml asks the page to do with it.
        for design in ("zh", "like"):
            lean = Result(design)
            measure_http(server, design, truth, lean, reps, LEAN)
            run[f"lean_{design}"] = lean.http
    # The zh design as `make serve` runs it: the default 1000 ms limit must hold.
    with Server(out, ("zh",), SETTINGS) as server:
        check = Result("zh")
        measure_http(server, "zh", truth, check, 1)
        results["zh"].errors += check.errors
        run["ranked"] = measure_canned_http(server, reps)
    # And with Datasette's defaults, to show what facet suggestions cost.
    with Server(out, ("zh",), {}) as server:
        defaults = Result("zh")
        measure_http(server, "zh", truth, defaults, reps)
        run["defaults"] = defaults.http
    run["results"] = results
    return run


def main() -> int:
    parser = argparse.ArgumentParser(description="Chinese full-text search benchmark")
    parser.add_argument(
        "--sizes", default="1000,10000,100000", help="article counts, comma-separated"
    )
    parser.add_argument("--reps", type=int, default=3, help="timed repetitions of each query")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    parser.add_argument("--keep", action="store_true", help="keep the databases")
    args = parser.parse_args()
    pools = seed_pools()
    sections = []
    for n in (int(s) for s in args.sizes.split(",")):
        started = time.perf_counter()
        directory = args.out / f"search-{n}"
        run = run_size(n, directory, pools, args.reps)
        sections += [report_size(n, run), "", report_queries(n, run), ""]
        (args.out / f"search-{n}.json").write_text(
            json.dumps(
                {**run, "results": {d: vars(r) for d, r in run["results"].items()}},
                ensure_ascii=False,
                indent=1,
            ),
            encoding="utf-8",
        )
        if not args.keep:
            shutil.rmtree(directory)
        print(f"   {n:,} articles took {time.perf_counter() - started:,.0f} s", file=sys.stderr)
        print("\n".join(sections[-4:]), flush=True)
    (args.out / "search-results.md").write_text("\n".join(sections), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
