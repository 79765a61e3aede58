"""Runaway inputs: every pathological shape costs work and memory in
proportion to its size, and a file that costs more than its size allows is
rejected with a named error while the files beside it land.

Work is counted by ``ingest.work`` (steps: characters the passes read, lines
the loops visit), never timed."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest
from conftest import SEEDS

from bench.corpus import write_corpus
from bench.runaway import SHAPES
from ingest import pipeline, work
from ingest.extract.figures import NOT_FIGURES_RE, find_figures
from ingest.extract.people import ROOM_THEN_NAME_RE, find_people
from ingest.extract.places import find_places
from ingest.store.write import open_archive
from ingest.text.fold import fold
from ingest.text.lines import ends_sentence


def prepared(path: Path) -> pipeline.Outcome:
    return pipeline.prepare_file(pipeline.Task(path, None, True, pipeline.MAX_BYTES)).outcome


def shape_file(tmp_path: Path, shape: str, size: int) -> Path:
    path = tmp_path / f"{shape}-{size}.txt"
    path.write_text(SHAPES[shape](size), encoding="utf-8")
    return path


def steps_per_char(tmp_path: Path, shape: str, size: int) -> float:
    outcome = prepared(shape_file(tmp_path, shape, size))
    assert outcome.status == "ingested", outcome.reason
    return outcome.work / outcome.chars


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_each_runaway_shape_costs_the_same_work_per_character_at_four_times_the_size(
    tmp_path: Path, shape: str
) -> None:
    small = steps_per_char(tmp_path, shape, 20_000)
    large = steps_per_char(tmp_path, shape, 80_000)
    assert large <= 1.5 * small
    assert large < work.STEPS_PER_CHAR / 5


@pytest.mark.parametrize(
    "shape", ["open_paragraph", "official_said", "figures_line", "places_line", "headline_run"]
)
def test_memory_of_a_runaway_shape_grows_with_its_size_not_its_square(
    tmp_path: Path, shape: str
) -> None:
    """Paragraph lines joined with += and folded at every prefix, and a whole
    line kept as the sentence of each of its hits, made memory quadratic."""
    peaks = []
    for size in (20_000, 80_000):
        path = shape_file(tmp_path, shape, size)
        tracemalloc.start()
        outcome = prepared(path)
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
        assert outcome.status == "ingested"
    assert peaks[1] < 6 * peaks[0]  # four times the size; quadratic would be sixteen


def test_hits_in_one_long_sentence_share_its_window() -> None:
    """A line of "区长王建国表示," with no sentence end: each mention's
    sentence is cut to a window, and the mentions of one window share it."""
    line = "区长王建国表示," * 2_000
    mentions = find_people(line)
    assert len(mentions) == 2_000
    assert max(len(m.sentence) for m in mentions) <= 3 * work.SENTENCE_REACH
    assert len({id(m.sentence) for m in mentions}) < len(mentions) / 10
    figures = find_figures("3个" * 5_000)
    assert (
        len(figures) == 5_000 and max(len(f.sentence) for f in figures) <= 3 * work.SENTENCE_REACH
    )
    places = find_places("天元区" * 5_000)
    assert len(places) == 5_000 and max(len(p.sentence) for p in places) <= 3 * work.SENTENCE_REACH


def test_a_short_sentence_is_kept_whole() -> None:
    text = "去年," * 100 + "区长王建国表示,全区新建学校12所。" + "今年," * 100
    (mention,) = find_people(text)
    assert mention.sentence.endswith("区长王建国表示,全区新建学校12所。")
    (figure,) = find_figures(text)
    assert figure.sentence == mention.sentence


def test_address_and_room_numbers_are_read_only_from_the_start_of_a_number() -> None:
    """From inside a run of letters or digits the patterns no longer start,
    which is what made a 1 MB line of letters (or digits) quadratic."""
    assert NOT_FIGURES_RE.match("B12栋3单元", 0) is not None
    assert NOT_FIGURES_RE.match("aB12栋3单元", 1) is None
    assert ROOM_THEN_NAME_RE.search("杏花园1栋105室张国家") is not None
    assert ROOM_THEN_NAME_RE.match("105室张国家", 1) is None


def test_a_title_mark_never_spans_another() -> None:
    assert NOT_FIGURES_RE.match("《三年行动计划》", 0) is not None
    assert NOT_FIGURES_RE.match("《《三年行动计划》", 0) is None
    assert find_figures("《《《建设3所学校》") == []


def test_ends_sentence_of_a_line_of_closing_marks_follows_the_line_before() -> None:
    assert ends_sentence("”" * 100_000, after=True)
    assert not ends_sentence("”" * 100_000)
    assert ends_sentence("他说:“好。”")
    assert not ends_sentence("他说:“好”")


def test_folding_every_prefix_of_a_paragraph_is_stopped_by_the_budget() -> None:
    """The paragraph join of before: each line folded the paragraph so far."""
    paragraph = "这一行没有句末标点" * 20_000
    with pytest.raises(work.TooMuchWork) as stopped, work.budget(len(paragraph)):
        for end in range(0, len(paragraph), 9):
            fold(paragraph[:end])
    assert stopped.value.steps <= work.limit_for(len(paragraph)) + len(paragraph)
    assert "too much work for its size" in str(stopped.value)


def test_the_seeds_and_the_synthetic_corpus_use_under_a_fifth_of_their_budget(
    tmp_path: Path,
) -> None:
    files = sorted(SEEDS.glob("*.txt")) + write_corpus(100, tmp_path / "corpus")
    for path in files:
        outcome = prepared(path)
        assert outcome.status == "ingested"
        assert 0 < outcome.work < work.limit_for(outcome.chars) / 5
        assert outcome.work < work.STEPS_PER_CHAR / 5 * outcome.chars


def test_a_runaway_file_is_rejected_with_a_named_error_and_the_good_file_beside_it_lands(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every shape is linear now, so a budget of one step per character (and
    the fixed floor) stands in for a shape still super-linear: 200 KB of
    two-character words costs 7 a character, a seed stays under the floor."""
    monkeypatch.setattr(work, "STEPS_PER_CHAR", 1)
    folder = tmp_path / "in"
    folder.mkdir()
    good = folder / "good.txt"
    good.write_text((SEEDS / "003_83df26c1926cabee.txt").read_text(encoding="utf-8"))
    bad = folder / "words.txt"
    bad.write_text(SHAPES["two_char_words"](200_000), encoding="utf-8")
    db = open_archive(tmp_path / "a.db")
    outcomes = {Path(o.path).name: o for o in pipeline.ingest_paths(db, [folder])}
    assert outcomes["good.txt"].status == "ingested"
    rejected = outcomes["words.txt"]
    assert rejected.status == "rejected"
    assert rejected.reason.startswith(f"{bad}: too much work for its size (")
    assert rejected.reason.endswith("characters): a runaway input, rejected")
    titles = [r["title"] for r in db["articles"].rows]
    assert "株洲高新区:以奋斗之姿推动经济高质量发展" in titles
    assert db["sources"].count == 1
