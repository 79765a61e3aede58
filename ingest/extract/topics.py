"""An article's keywords: the words that set it apart, by TF-IDF.

Pure: text in, ``Keyword``s out. The text is folded first, so the
traditional seed's keywords are in simplified script like everyone else's
and facet together. Weights are TF-IDF with jieba's own IDF table, so an
article's keywords depend on that article alone and an incremental ingest
gives the same rows as a full one.

Words are cut by maximum matching over the words of that IDF table, not by
``jieba.cut``: on the seeds ``jieba.cut`` reads about 300,000 characters a
second after a second of start-up, more than all the other extraction
together; bidirectional maximum matching reads about 700,000 and cuts news
text almost as jieba does (it reads 正面临 as 正面/临着 where jieba says
正/面临; a keyword list does not notice).

jieba's IDF table comes from general text, where 工作, 服务 and 群众 are
rare enough to score; in local news they are on every page. Those words are
in ``data/stopwords.txt``, tuned on the seeds; places are in the ``places``
table and left out here too, so 株洲 or 天元区 do not top every list.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import cache
from importlib.resources import files
from pathlib import Path

from ingest.extract.places import SPELLINGS
from ingest.model import Keyword
from ingest.text.fold import CJK, fold
from ingest.work import charge

STOPWORDS_FILE = Path(__file__).parent / "data" / "stopwords.txt"
TOP_K = 8
# Keywords are words of two to four Chinese characters: single characters
# are mostly particles, and numbers are in ``figures``.
MAX_WORD = 4
_RUN_RE = re.compile(f"[{CJK}]{{2,}}")
# Places outside the gazetteer that are too general to tell articles apart.
_GENERAL_PLACES = frozenset({"株洲", "株洲市", "湖南", "湖南省", "长株潭", "荷塘"})


@cache
def idf_table() -> dict[str, float]:
    """jieba's IDF table (``jieba/analyse/idf.txt``), words of 2–4 characters.

    Read directly: importing ``jieba.analyse`` loads jieba's tagger and HMM
    models too, a second of start-up for nothing used here.
    """
    text = (files("jieba") / "analyse" / "idf.txt").read_text(encoding="utf-8")
    pairs = (line.partition(" ") for line in text.splitlines())
    # Entries with Latin letters or digits are kept: only runs of Chinese
    # characters are ever looked up, so they never match.
    return {word: float(idf) for word, _, idf in pairs if 1 < len(word) <= MAX_WORD}


@cache
def stopwords() -> frozenset[str]:
    """The stop-word list, one word a line; ``#`` starts a comment."""
    lines = STOPWORDS_FILE.read_text(encoding="utf-8").splitlines()
    words = (line.split("#", 1)[0].strip() for line in lines)
    return frozenset(w for w in words if w) | SPELLINGS | _GENERAL_PLACES


def words(text: str) -> Iterator[str]:
    """The dictionary words of *text* (folded), by bidirectional maximum matching."""
    for run in _RUN_RE.findall(text):
        yield from (w for w in _segment(run) if len(w) > 1)


def _segment(run: str) -> list[str]:
    """Forward and backward maximum matching, whichever cuts fewer pieces
    (then fewer single characters; backward on a tie, as it errs less in
    Chinese): forward alone reads 民政工作人员 as 民/政工/作人/员."""
    forward = _forward(run)
    backward = _backward(run)
    singles = (sum(len(w) == 1 for w in forward), sum(len(w) == 1 for w in backward))
    return forward if (len(forward), singles[0]) < (len(backward), singles[1]) else backward


def _forward(run: str) -> list[str]:
    """Greedy longest dictionary words from the start of *run*."""
    vocabulary, longest_from = idf_table(), longest_words()[0]
    out, i, end = [], 0, len(run)
    while i < end:
        stop = min(i + longest_from.get(run[i], 1), end)
        while stop > i + 1 and run[i:stop] not in vocabulary:
            stop -= 1
        out.append(run[i:stop])
        i = stop
    return out


def _backward(run: str) -> list[str]:
    """Greedy longest dictionary words from the end of *run*."""
    vocabulary, longest_to = idf_table(), longest_words()[1]
    out, stop = [], len(run)
    while stop > 0:
        start = max(stop - longest_to.get(run[stop - 1], 1), 0)
        while start < stop - 1 and run[start:stop] not in vocabulary:
            start += 1
        out.append(run[start:stop])
        stop = start
    out.reverse()
    return out


@cache
def longest_words() -> tuple[dict[str, int], dict[str, int]]:
    """The longest dictionary word starting, and ending, with each character:
    most characters begin no word of three or four, so most lookups are skipped."""
    starting: dict[str, int] = {}
    ending: dict[str, int] = {}
    for word in idf_table():
        starting[word[0]] = max(starting.get(word[0], 1), len(word))
        ending[word[-1]] = max(ending.get(word[-1], 1), len(word))
    return starting, ending


def keywords(text: str, top_k: int = TOP_K) -> list[Keyword]:
    """The *top_k* keywords of *text*, strongest first (ties by the word)."""
    charge(len(text))
    skip = stopwords()
    counts = Counter(w for w in words(fold(text)) if w not in skip)
    total = sum(counts.values())
    idf = idf_table()
    scored = [Keyword(w, round(n / total * idf[w], 4)) for w, n in counts.items()]
    return sorted(scored, key=lambda k: (-k.weight, k.word))[:top_k]
