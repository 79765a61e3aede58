"""Figures on cn2an's own test numerals, before and after, and the figures
step's cost against jieba.cut in the same run.

The numerals are read at run time from the installed cn2an package (its
``cn2an_test`` module: the strict, normal and smart sets), never copied into
the repository. Each is printed with a unit: ``全市共有{X}人。``, or, for a
numeral that carries its own money unit (壹拾壹元整), ``这笔款项共计{X}。``.
A numeral is read right when the sentence gives exactly one figure, with the
unit (人 or 元) and cn2an's value.

"Before" is ``ingest/figures.py`` as it was at the base commit (read with
``git show``), loaded as a module next to the current one.

    .venv/bin/python -m bench.figures [--base 357c2c7] [--repeat 5]
"""

from __future__ import annotations

import argparse
import importlib.util
import math
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import jieba
from cn2an.cn2an_test import Cn2anTest

from ingest.extract.figures import find_figures
from ingest.model import Figure

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
MONEY_ENDS = ("元", "圆", "角", "分", "整", "正")
FindFigures = Callable[[str], list[Figure]]


def cn2an_sets() -> dict[str, dict[str, float]]:
    """cn2an's strict, normal and smart test numerals with their values, each
    set without the numerals of the sets it includes."""
    case = Cn2anTest()
    case.setUp()  # merges strict into normal into smart
    strict = dict(case.strict_data_dict)
    normal = {k: v for k, v in case.normal_data_dict.items() if k not in strict}
    smart = {k: v for k, v in case.smart_data_dict.items() if k not in case.normal_data_dict}
    return {"strict": strict, "normal": normal, "smart": smart}


def sentence_for(numeral: str) -> tuple[str, str]:
    """The sentence a numeral is printed in and the unit it must be read with."""
    if numeral.endswith(MONEY_ENDS):
        return f"这笔款项共计{numeral}。", "元"
    return f"全市共有{numeral}人。", "人"


def read_right(find: FindFigures, numeral: str, value: float) -> bool:
    text, unit = sentence_for(numeral)
    found = find(text)
    return (
        len(found) == 1
        and found[0].unit == unit
        and found[0].value is not None
        and math.isclose(found[0].value, value, rel_tol=1e-9, abs_tol=1e-12)
    )


def score(find: FindFigures) -> dict[str, tuple[int, int]]:
    return {
        name: (sum(read_right(find, k, v) for k, v in cases.items()), len(cases))
        for name, cases in cn2an_sets().items()
    }


def base_module(commit: str) -> ModuleType:
    """``ingest/figures.py`` at *commit*, as the module ``ingest.figures_base``."""
    source = subprocess.run(
        ["git", "show", f"{commit}:ingest/figures.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    # fold moved to ingest/text/ since (99fb568): import it from where it is now.
    source = source.replace("from .fold import", "from ingest.text.fold import")
    spec = importlib.util.spec_from_loader("ingest.figures_base", loader=None)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    module.__package__ = "ingest"
    sys.modules[spec.name] = module
    exec(compile(source, f"{commit}:ingest/figures.py", "exec"), module.__dict__)
    return module


def seconds_per_kchar(run: Callable[[str], object], texts: list[str], repeat: int) -> float:
    """Best of *repeat* passes over *texts*, in seconds per 1,000 characters."""
    chars = sum(map(len, texts))
    best = math.inf
    for _ in range(repeat):
        start = time.perf_counter()
        for text in texts:
            run(text)
        best = min(best, time.perf_counter() - start)
    return best / chars * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="357c2c7", help="commit of the 'before' figures.py")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    before = base_module(args.base).find_figures
    print("cn2an test numerals read right (printed with a unit)")
    print("| set | numerals | before | after |")
    print("|---|---:|---:|---:|")
    scores = {"before": score(before), "after": score(find_figures)}
    for name in scores["after"]:
        (b, total), (a, _) = scores["before"][name], scores["after"][name]
        print(f"| {name} | {total} | {b} | {a} |")
    totals = {k: [sum(x) for x in zip(*v.values(), strict=True)] for k, v in scores.items()}
    print(f"| all | {totals['after'][1]} | {totals['before'][0]} | {totals['after'][0]} |")

    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    jieba.initialize()

    def cut(text: str) -> list[str]:
        return list(jieba.cut(text))

    costs = {
        "jieba.cut": seconds_per_kchar(cut, texts, args.repeat),
        "figures before": seconds_per_kchar(before, texts, args.repeat),
        "figures after": seconds_per_kchar(find_figures, texts, args.repeat),
    }
    print(f"\ncost per 1,000 characters over the seeds ({sum(map(len, texts))} chars)")
    print("| step | ms / 1,000 chars | × jieba.cut |")
    print("|---|---:|---:|")
    for name, cost in costs.items():
        print(f"| {name} | {cost * 1000:.3f} | {cost / costs['jieba.cut']:.2f} |")


if __name__ == "__main__":
    main()
