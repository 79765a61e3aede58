"""Runaway inputs: does each pathological shape cost time and memory in
proportion to its size?

For every shape (those of the robustness attack, issue 11, and others of the
same kind) and for a baseline of normal news text (the seeds' paragraphs
repeated), ``pipeline.prepare_file`` runs on a file of each size in a fresh
process: the time, the peak of traced memory (tracemalloc, a second run), and
the guard's work count (``ingest.work``). The per-character cost at each size
is normalised to the smallest size; a shape is linear when it stays within
about 1.5x from the smallest size to the largest.

    python -m bench.runaway                     # 50, 200, 800 KB
    python -m bench.runaway --sizes 10 20 40 --timeout 60 --shapes ascii_line
    python -m bench.runaway --code /tmp/old     # another checkout's ingest/

Every figure is measured in the same run as the baseline, on the same
machine; only the ratios are meant to be compared.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEAD = "# 一篇文章\n\n株洲日报全媒体记者/谭昕吾\n\n"


def fill(unit: Callable[[int], str], size: int, sep: str = "") -> str:
    """HEAD, then units joined by *sep* until the text holds *size* bytes of UTF-8."""
    parts, n, i = [HEAD], len(HEAD.encode()), 0
    while n < size:
        part = unit(i) + sep
        parts.append(part)
        n += len(part.encode())
        i += 1
    return "".join(parts)


def baseline(size: int) -> str:
    """The seeds' paragraphs, in their articles, repeated: normal news text."""
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in seeds]
    return fill(lambda i: texts[i % len(texts)], size, "\n\n")


_rng = random.Random(11)
_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_WORDS = "株洲天元芦淞荷塘石峰渌口醴陵攸县茶陵炎陵城区社区街道居民干部工作服务群众发展建设"

SHAPES: dict[str, Callable[[int], str]] = {
    # The attack's shapes.
    "ascii_line": lambda size: fill(lambda i: _LETTERS[i * 7 % 52], size),
    "two_char_words": lambda size: fill(
        lambda i: _WORDS[i % 40] + _WORDS[(i * 7 + 3) % 40], size, " "
    ),
    "open_paragraph": lambda size: fill(lambda i: f"这一行没有句末标点第{i}行,", size, "\n"),
    "open_titles": lambda size: fill(lambda i: "《", size),
    "official_said": lambda size: fill(lambda i: "区长王建国表示,", size),
    "headlines": lambda size: fill(lambda i: f"# 标题{i}", size, "\n\n"),
    # Shapes of the same kind.
    "digit_line": lambda size: fill(lambda i: str(i % 10), size),
    "enumeration_commas": lambda size: fill(lambda i: "、", size),
    "middle_dots": lambda size: fill(lambda i: "·", size),
    "fullwidth_spaces": lambda size: fill(lambda i: "株\u3000" if i % 50 == 0 else "\u3000", size),
    "open_brackets": lambda size: fill(lambda i: "(", size),
    "nested_quotes": lambda size: fill(lambda i: "“他说", size),
    "closing_marks": lambda size: fill(lambda i: "”", size),
    "figures_line": lambda size: fill(lambda i: f"{i % 97}个", size),
    "name_list": lambda size: fill(lambda i: "王" + _WORDS[i % 40] + "、", size),
    "many_names": lambda size: fill(
        lambda i: f"区长王{_WORDS[i % 40]}{_WORDS[i // 40 % 40]}表示,", size
    ),
    "places_line": lambda size: fill(lambda i: "天元区", size),
    "headline_run": lambda size: (
        fill(lambda i: f"标题{i}", size, "\n") + "\n\n记者/谭昕吾\n\n正文。"
    ),
    "captions": lambda size: fill(lambda i: f"照片{i}。谭昕吾 摄", size, "\n\n\n"),
}


def measure(code: Path, shape: str, size: int, timeout: float) -> dict[str, float | None]:
    """Time, peak traced memory and work of prepare_file on one file, in a child."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{shape}.txt"
        text = baseline(size) if shape == "baseline" else SHAPES[shape](size)
        path.write_text(text, encoding="utf-8")
        # -P: the checkout's ingest/ comes first, not the working directory's.
        env = {**os.environ, "PYTHONPATH": f"{code}{os.pathsep}{ROOT}"}
        try:
            out = subprocess.run(
                [sys.executable, "-P", "-m", "bench.runaway", "--child", str(path)],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
                timeout=timeout,
                check=True,
            ).stdout
        except subprocess.TimeoutExpired:
            return {"seconds": None, "peak_mb": None, "steps": None, "status": "timeout"}
        except subprocess.CalledProcessError as e:
            return {"seconds": None, "peak_mb": None, "steps": None, "status": e.stderr[-200:]}
    return json.loads(out)


def child(path: Path) -> None:
    """Run in a fresh process: a warm-up, a timed run, a traced run."""
    import time
    import tracemalloc

    from ingest import pipeline

    task = pipeline.Task(path, None, True, pipeline.MAX_BYTES)
    pipeline.prepare_file(
        pipeline.Task(ROOT / "seeds" / "000_b5f0e8590f224456.txt", None, True, 10**9)
    )
    started = time.perf_counter()
    prepared = pipeline.prepare_file(task)
    seconds = time.perf_counter() - started
    steps = getattr(prepared.outcome, "work", None)  # None: a checkout before the guard
    tracemalloc.start()
    pipeline.prepare_file(task)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    status = prepared.outcome.reason or prepared.outcome.status
    print(json.dumps({"seconds": seconds, "peak_mb": peak / 1e6, "steps": steps, "status": status}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[50, 200, 800], help="in KB")
    ap.add_argument("--shapes", nargs="+", default=list(SHAPES))
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds per run")
    ap.add_argument("--code", type=Path, default=ROOT, help="the checkout whose ingest/ runs")
    ap.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child)
        return
    sizes = [kb * 1000 for kb in args.sizes]
    base = {size: measure(args.code, "baseline", size, args.timeout) for size in sizes}
    print(
        f"{'shape':<20}" + "".join(f"{kb:>8} KB s   MB  x/char" for kb in args.sizes) + "  verdict"
    )
    for shape in ["baseline", *args.shapes]:
        results = (
            base
            if shape == "baseline"
            else {size: measure(args.code, shape, size, args.timeout) for size in sizes}
        )
        cells, costs = [], []
        for size in sizes:
            r = results[size]
            if r["seconds"] is None:
                cells.append(f"{'> ' + str(int(args.timeout)) + ' s':>12} {'':>5} {'':>6}")
                costs.append(None)
                continue
            cost = r["seconds"] / size
            costs.append(cost)
            b = base[size]["seconds"]
            rel = f"{r['seconds'] / b:5.1f}x" if b else ""
            cells.append(f"{r['seconds']:9.2f} s {r['peak_mb']:5.0f} {rel:>6}")
        first, last = costs[0], costs[-1]
        if first is None or last is None:
            verdict = "super-linear (timeout)"
        else:
            growth = last / first
            verdict = f"{'linear' if growth <= 1.5 else 'SUPER-LINEAR'} ({growth:.2f}x per char)"
        status = {str(results[s]["status"])[:60] for s in sizes}
        print(f"{shape:<20}" + "".join(cells) + f"  {verdict}  {'; '.join(sorted(status))}")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
