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
    starts, lengths, _ = _pieces(text)
    return [text[start : start + length] for start, length in zip(starts, lengths, strict=True)]


def _pieces(text: str) -> tuple[list[int], list[int], np.ndarray]:
    """Where the words of ``words`` start and how long they are; and each
    dictionary word's number (``word_table``) by its length and where it
    starts, -1 where none does (``_longest_words_at``)."""
    forward, backward, numbers = _longest_words_at(text)
    starts: list[int] = []
    lengths: list[int] = []
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
                starts.append(start)
                lengths.append(length)
            start += length
    return starts, lengths, numbers


def _longest_words_at(text: str) -> tuple[list[int], list[int], np.ndarray]:
    """For each position of *text*, the length of the longest dictionary
    word starting there, and of the longest ending there (1 where none):
    what greedy matching reads at each step; and the number of the word of
    each length starting at each position (-1 for none). All word lengths at once in
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
    numbers = np.full((MAX_WORD + 1, n + 1), -1, dtype=np.int64)
    first = word_table()[0]
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
        hit = known[at] == key[where]
        found = where[hit]
        numbers[length, found] = first[length] + at[hit]
        # Longer words come later and win, both ways.
        forward[found] = length
        backward[found + length] = length
    return forward.tolist(), backward.tolist(), numbers


def word_keys() -> tuple[np.ndarray, dict[int, np.ndarray]]:
    """Each character's number (1, 2, …) by code point, 0 for a character
    in no word; and the sorted keys of the dictionary's words of each
    length (``_longest_words_at``). Only words all of Chinese characters:
    no other is ever looked up, so no other character has a number."""
    index, keys, *_ = _dictionary()
    return index, keys


def word_table() -> tuple[dict[int, int], np.ndarray, np.ndarray]:
    """The same words numbered in the order of their keys, length after
    length: where each length's numbers start, and each word's IDF and
    whether it is a stop word, by number (``keywords``; ``_word`` spells a
    number)."""
    _, _, first, idf, stop, _ = _dictionary()
    return first, idf, stop


def _word(number: int) -> str:
    """The dictionary word of a number of ``word_table``."""
    _, keys, first, _, _, chars = _dictionary()
    length = max(n for n, start in first.items() if start <= number)
    key = int(keys[length][number - first[length]])
    return "".join(chars[(key >> 16 * k) & 0xFFFF] for k in range(length))


@cache
def _dictionary() -> tuple[
    np.ndarray, dict[int, np.ndarray], dict[int, int], np.ndarray, np.ndarray, list[str]
]:
    idf = idf_table()
    # Only words all of Chinese characters, with their IDF, by length.
    by_length: dict[int, tuple[list[str], list[float]]] = {
        length: ([], []) for length in range(2, MAX_WORD + 1)
    }
    for word, weight in idf.items():
        if _RUN_RE.fullmatch(word):
            same, weights_of = by_length[len(word)]
            same.append(word)
            weights_of.append(weight)
    chars = sorted({c for same, _ in by_length.values() for word in same for c in word})
    index = np.zeros(sys.maxunicode + 1, dtype=np.uint16)
    index[[ord(c) for c in chars]] = np.arange(1, len(chars) + 1)
    skip = stopwords()
    keys = {}
    first: dict[int, int] = {}
    weights, stop = [], []
    for length in range(2, MAX_WORD + 1):
        same, weights_of = by_length[length]
        keys[length], which = np.unique(_keys(same, length, index), return_index=True)
        first[length] = sum(len(k) for k in keys.values()) - len(keys[length])
        weights.append(np.array(weights_of, dtype=np.float64)[which])
        # The stop words of this length among them, found by key.
        stopped = _keys([w for w in skip if len(w) == length and w in idf], length, index)
        flags = np.zeros(len(keys[length]), dtype=bool)
        at = np.searchsorted(keys[length], stopped).clip(max=len(keys[length]) - 1)
        flags[at[keys[length][at] == stopped]] = True
        stop.append(flags)
    return index, keys, first, np.concatenate(weights), np.concatenate(stop), ["", *chars]


def _keys(words: list[str], length: int, index: np.ndarray) -> np.ndarray:
    """Each word's key: its characters' numbers, 16 bits each, first lowest."""
    points = np.frombuffer("".join(words).encode("utf-32-le"), dtype=np.uint32)
    numbers = index[points].astype(np.uint64).reshape(-1, length)
    shifts = np.arange(length, dtype=np.uint64) * np.uint64(16)
    return np.bitwise_or.reduce(numbers << shifts, axis=1)


def keywords(text: str, top_k: int = TOP_K) -> list[Keyword]:
    """The *top_k* keywords of *text*, strongest first (ties by the word)."""
    charge(len(text))
    starts, lengths, numbers = _pieces(fold(text))
    _, idf, stop = word_table()
    # Counted and weighed in numpy by the words' numbers, which the lookups
    # of _longest_words_at give: counting the strings and looking each up in
    # the IDF table's 350,000 words was a third of the keyword step (0.53 →
    # 0.385 s per 400 articles, session 25). n / total * idf in float64 is
    # Python's own float arithmetic: the same weights.
    found = numbers[lengths, starts] if starts else np.zeros(0, dtype=np.int64)
    distinct, counts = np.unique(found[~stop[found]], return_counts=True)
    if not len(distinct):
        return []
    weights = counts / int(counts.sum()) * idf[distinct]
    if len(weights) > top_k:
        # Only words near the top_k-th weight can be among the top_k once
        # rounded (rounding to 4 places never moves a weight by more than
        # 0.00005, nor reorders two): the others are not rounded and sorted
        # (a third of the keyword step, session 20; 431,062 rounds for the
        # 1k bench corpus, session 25). The same top_k, ties by the word.
        near = weights >= np.partition(weights, -top_k)[-top_k] - ROUNDING_MARGIN
        distinct, weights = distinct[near], weights[near]
    # Only the top_k become Keywords: an article has hundreds of words.
    best = heapq.nsmallest(
        top_k,
        (
            (-round(x, 4), _word(k))
            for k, x in zip(distinct.tolist(), weights.tolist(), strict=True)
        ),
    )
    return [Keyword(w, -weight) for weight, w in best]
