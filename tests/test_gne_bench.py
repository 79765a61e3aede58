"""The hand annotation of the GNE pages (bench/annotations/gne.yaml) and the
benchmark that scores the archive on them. The pages themselves are not in
the repository (nor in CI): these tests check the annotation's shape and
that the benchmark steps aside cleanly without them, never a score."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from bench.gne_eval import ANNOTATION, ROOT, find_corpus, load_annotation, value_key
from bench.gne_figures import ANNOTATION as FIGURES_ANNOTATION
from bench.gne_figures import load_annotation as load_figures_annotation
from bench.gne_figures import score_page

KEY = re.compile(r"^[0-9a-f]{64}$")
CJK = re.compile(r"[\u3400-\u9fff]")
NUMERAL = re.compile(r"[\d一二两三四五六七八九十百千万亿]")


HELD_OUT = ROOT / "bench" / "annotations" / "gne_heldout.yaml"
FIGURES_HELD_OUT = ROOT / "bench" / "annotations" / "gne_figures_heldout.yaml"


@pytest.mark.parametrize(("path", "pages"), [(ANNOTATION, 40), (HELD_OUT, 6)])
def test_the_gne_annotation_is_well_formed_and_holds_no_page_text(path: Path, pages: int) -> None:
    annotation = load_annotation(path)
    assert len(annotation) >= pages
    for page, entry in annotation.items():
        assert re.fullmatch(r"[a-z0-9]+/[\w-]+\.html", page), page
        assert set(entry) <= {"title", "date", "time", "publication", "names", "captions", "note"}
        assert KEY.match(entry["title"]), page
        assert entry["publication"] is None or KEY.match(entry["publication"]), page
        assert all(KEY.match(n) for n in entry["names"]), page
        assert len(set(entry["names"])) == len(entry["names"]), page
        assert entry["date"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", entry["date"]), page
        assert entry["time"] is None or re.fullmatch(r"\d{2}:\d{2}(:\d{2})?", entry["time"]), page
        assert entry["time"] is None or entry["date"] is not None, page
        assert isinstance(entry["captions"], bool), page
    # the text values are kept as keys only: no Chinese text outside the notes
    kept = path.read_text(encoding="utf-8")
    assert not [line for line in kept.split("\n") if CJK.search(line) and "note:" not in line]


def test_the_held_out_pages_are_not_the_pages_the_rules_were_written_on() -> None:
    held_out = load_annotation(HELD_OUT)
    assert held_out and not set(held_out) & set(load_annotation())


def test_the_benchmark_scores_the_annotation_it_is_given(tmp_path: Path) -> None:
    # a page of our own words in a corpus folder of its own, and an
    # annotation naming only it: --annotation is what gets scored
    page = tmp_path / "html" / "gne" / "own" / "1.html"
    page.parent.mkdir(parents=True)
    page.write_text(
        "<html><head><title>芦淞区新修一条健身步道</title></head><body>"
        "<h1>芦淞区新修一条健身步道</h1><p>时间：2024-03-02</p>"
        "<p>本周，芦淞区沿河新修的健身步道全线贯通，附近居民清早便来散步，"
        "步道两旁新种了樟树和桂花。</p></body></html>",
        encoding="utf-8",
    )
    given = tmp_path / "own.yaml"
    entry = {"title": value_key("芦淞区新修一条健身步道"), "date": "2024-03-02", "time": None}
    entry |= {"publication": None, "names": [], "captions": False}
    given.write_text(yaml.safe_dump({"own/1.html": entry}), encoding="utf-8")
    result = run("bench.gne_eval", "--corpus", str(tmp_path), "--annotation", str(given))
    assert result.returncode == 0, result.stderr
    assert "1 pages annotated; files rejected or lost: 0" in result.stdout
    title = next(line for line in result.stdout.split("\n") if line.startswith("title"))
    assert title.split()[1:4] == ["1", "1", "1"], result.stdout


def test_a_value_key_ignores_script_width_and_spaces() -> None:
    assert value_key("株洲 日報") == value_key("株洲日报")
    assert value_key("ＡＢ 12") == value_key("AB12")
    assert value_key("株洲日报") != value_key("株洲晚报")


def run(module: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_benchmark_skips_cleanly_without_the_corpus(tmp_path: Path) -> None:
    assert find_corpus(str(tmp_path)) is None
    result = run("bench.gne_eval", "--corpus", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "not here; skipped" in result.stdout
    shown = run("bench.gne_annotate", "--corpus", str(tmp_path), "--show", "sina/1.html")
    assert shown.returncode == 0, shown.stderr
    assert "not here" in shown.stdout


@pytest.mark.parametrize(
    ("path", "pages"),
    [(FIGURES_ANNOTATION, 15), (FIGURES_HELD_OUT, 8)],
)
def test_the_figures_annotation_keeps_only_raw_spans_and_well_formed_figures(
    path: Path, pages: int
) -> None:
    annotation = load_figures_annotation(path)
    assert len(annotation) >= pages
    for page, figures in annotation.items():
        assert re.fullmatch(r"[a-z0-9]+/[\w-]+\.html", page), page
        for f in figures:
            assert set(f) <= {"raw", "value", "high", "unit", "approx"}, (page, f)
            # a raw span is a numeral with its unit (a range: 1.125%至1.625%),
            # never a sentence of the page
            assert len(f["raw"]) <= 16 and NUMERAL.search(f["raw"]), (page, f)
            assert "high" not in f or f["high"] >= f["value"], (page, f)


def test_the_held_out_figure_pages_are_not_the_pages_the_rules_were_mended_on() -> None:
    held_out = load_figures_annotation(FIGURES_HELD_OUT)
    assert not set(held_out) & set(load_figures_annotation())


def test_a_figure_is_right_only_when_every_field_matches() -> None:
    gold = [("3万余人", 30000.0, None, "人", True), ("6～12℃", 6.0, 12.0, "℃", False)]
    found = [("3万余人", 30000.0, None, "人", False), ("6～12℃", 6.0, 12.000001, "℃", False)]
    score = score_page("p.html", gold, found)
    assert (score.found, score.right) == (2, 1)
    assert score.missed == [gold[0]] and score.wrong == [found[0]]


def test_the_figures_benchmark_skips_cleanly_without_the_corpus(tmp_path: Path) -> None:
    result = run("bench.gne_figures", "--corpus", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "not here; skipped" in result.stdout


def test_an_unannotated_page_is_shown_blind(tmp_path: Path) -> None:
    """A held-out page is annotated before the archive reads it: --show on a
    page the annotation file lacks prints its copied text only."""
    gne = tmp_path / "html" / "gne" / "own"
    gne.mkdir(parents=True)
    (gne / "1.html").write_text(
        "<html><body><h1>新区公园开放</h1><p>2026年03月01日 来源：示例日报</p></body></html>",
        encoding="utf-8",
    )
    ann = tmp_path / "set.yaml"
    shown = run(
        "bench.gne_annotate",
        "--corpus",
        str(tmp_path),
        "--annotation",
        str(ann),
        "--show",
        "own/1.html",
    )
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.split("\n")[:2] == ["0: 新区公园开放", "1: 2026年03月01日 来源：示例日报"]
    assert "the archive read" not in shown.stdout and not ann.exists()


def test_an_annotated_page_shows_the_archive_s_reading_only_when_asked(tmp_path: Path) -> None:
    """An annotator checks a page read back without seeing the archive's
    reading (a held-out set stays unseen until the lead scores it)."""
    gne = tmp_path / "html" / "gne" / "own"
    gne.mkdir(parents=True)
    (gne / "1.html").write_text(
        "<html><body><h1>新区公园开放</h1><p>2026年03月01日 来源：示例日报</p>"
        "<p>公园今天起对市民开放，占地三百亩。</p></body></html>",
        encoding="utf-8",
    )
    ann = tmp_path / "set.yaml"
    base = ["bench.gne_annotate", "--corpus", str(tmp_path), "--annotation", str(ann)]
    written = run(*base, "--set", "own/1.html", "--title", "新区公园开放", "--date", "2026-03-01")
    assert written.returncode == 0, written.stderr
    blind = run(*base, "--show", "own/1.html")
    assert "title: 新区公园开放" in blind.stdout
    assert "the archive read" not in blind.stdout
    seen = run(*base, "--show", "own/1.html", "--archive")
    assert "the archive read" in seen.stdout
    assert "date: 2026-03-01 | ['2026-03-01']" in seen.stdout
