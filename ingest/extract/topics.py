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
正/面临; a keyword list does not notice). The dictionary is looked up for
every position of an article at once, in numpy (``_longest_words_at``), so
Python only takes the greedy steps: the whole keyword step costs about a
quarter of ``jieba.cut`` per character (docs/BENCHMARKS.md, session 20).

jieba's IDF table comes from general text, where 工作, 服务 and 群众 are
rare enough to score; in local news they are on every page. Those words are
in ``data/stopwords.txt``, tuned on the seeds; places are in the ``places``
table and left out here too, so 株洲 or 天元区 do not top every list.
"""

from __future__ import annotations

import heapq
import re
import sys
from collections import Counter
from functools import cache
from importlib.resources import files
from pathlib import Path

import numpy as np

from ingest.extract.places import SPELLINGS
from ingest.model import Keyword
from ingest.text.fold import CJK, fold
from ingest.work import charge

STOPWORDS_FILE = Path(__file__).parent / "data" / "stopwords.txt"
TOP_K = 8
# Keywords are words of two to four Chinese characters: single characters
# are mostly particles, and numbers are in ``figures``.
MAX_WORD = 4
# Far wider than the 0.0001 that rounding to 4 places can close between two
# weights: ``keywords`` rounds only the words within it of the top_k-th.
ROUNDING_MARGIN = 0.001
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


def words(text: str) -> list[str]:
    """The dictionary words of *text* (folded), by bidirectional maximum
    matching over each run of Chinese characters: forward and backward,
    whichever cuts the run into fewer pieces, then fewer single characters;
    backward on a tie, as it errs less in Chinese (forward alone reads
    民政工作人员 as 民/政工/作人/员)."""
    forward, backward = _longest_words_at(text)
    out: list[str] = []
    for run in _RUN_RE.finditer(text):
        start, end = run.span()
        # Each direction's pieces, as the lengths of its words in order.
        ahead: list[int] = []
        add = ahead.append
        i = start
        while i < end:
            step = forward[i]
            add(step)
            i += step
        behind: list[int] = []
        add = behind.append
        i = end
        while i > start:
            step = backward[i]
            add(step)
            i -= step
        behind.reverse()
        if len(ahead) < len(behind) or (
            len(ahead) == len(behind) and ahead.count(1) < behind.count(1)
        ):
            chosen = ahead
        else:
            chosen = behind
        for length in chosen:
            if length > 1:
                out.append(text[start : start + length])
            start += length
    return out


def _longest_words_at(text: str) -> tuple[list[int], list[int]]:
    """For each position of *text*, the length of the longest dictionary
    word starting there, and of the longest ending there (1 where none):
    what greedy matching reads at each step. All word lengths at once in
    numpy: each stretch of two to four characters is one integer key (the
    characters' numbers in the dictionary, 16 bits each), looked up in the
    sorted keys of the dictionary's words of that length. A character in no
    dictionary word is 0, so a stretch holding one (or a character outside
    a run) is no word, and no word reaches past its run."""
    index, keys = word_keys()
    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    chars = np.concatenate((index[points], np.zeros(MAX_WORD, dtype=np.uint16)))
    chars = chars.astype(np.uint64)
    n = len(points)
    forward = np.ones(n + 1, dtype=np.int64)
    backward = np.ones(n + 1, dtype=np.int64)
    key = chars[:n].copy()
    whole = key != 0  # every character of the stretch is in some word
    for length in range(2, MAX_WORD + 1):
        last = chars[length - 1 : n + length - 1]
        key |= last << np.uint64(16 * (length - 1))
        whole &= last != 0
        # Only stretches that can be words, in key order: sorted needles
        # make the binary searches 2.6 times as fast (they read the table
        # in order).
        where = np.flatnonzero(whole)
        where = where[np.argsort(key[where])]
        known = keys[length]
        at = np.searchsorted(known, key[where]).clip(max=len(known) - 1)
        found = where[known[at] == key[where]]
        # Longer words come later and win, both ways.
        forward[found] = length
        backward[found + length] = length
    return forward.tolist(), backward.tolist()


@cache
def word_keys() -> tuple[np.ndarray, dict[int, np.ndarray]]:
    """Each character's number (1, 2, …) by code point, 0 for a character
    in no word; and the sorted keys of the dictionary's words of each
    length (``_longest_words_at``). Only words all of Chinese characters:
    no other is ever looked up, so no other character has a number."""
    chinese = [w for w in idf_table() if _RUN_RE.fullmatch(w)]
    chars = sorted({c for word in chinese for c in word})
    index = np.zeros(sys.maxunicode + 1, dtype=np.uint16)
    index[[ord(c) for c in chars]] = np.arange(1, len(chars) + 1)
    keys = {}
    for length in range(2, MAX_WORD + 1):
        same = "".join(w for w in chinese if len(w) == length)
        points = np.frombuffer(same.encode("utf-32-le"), dtype=np.uint32)
        numbers = index[points].astype(np.uint64).reshape(-1, length)
        shifts = np.arange(length, dtype=np.uint64) * np.uint64(16)
        keys[length] = np.unique(np.bitwise_or.reduce(numbers << shifts, axis=1))
    return index, keys


def keywords(text: str, top_k: int = TOP_K) -> list[Keyword]:
    """The *top_k* keywords of *text*, strongest first (ties by the word)."""
    charge(len(text))
    skip = stopwords()
    counts = Counter([w for w in words(fold(text)) if w not in skip])
    total = sum(counts.values())
    idf = idf_table()
    weights = [(w, n / total * idf[w]) for w, n in counts.items()]
    if len(weights) > top_k:
        # Only words near the top_k-th weight can be among the top_k once
        # rounded (rounding to 4 places never moves a weight by more than
        # 0.00005, nor reorders two): the others are not rounded and sorted
        # (a third of the keyword step, session 20; 431,062 rounds for the
        # 1k bench corpus, session 25). The same top_k, ties by the word.
        floor = heapq.nlargest(top_k, [x for _, x in weights])[-1] - ROUNDING_MARGIN
        weights = [(w, x) for w, x in weights if x >= floor]
    # Only the top_k become Keywords: an article has hundreds of words.
    best = heapq.nsmallest(top_k, ((-round(x, 4), w) for w, x in weights))
    return [Keyword(w, -weight) for weight, w in best]
