"""Fold text to one comparable form: simplified script, half-width ASCII.

Text is always *stored* as printed; these functions are used wherever text is
compared, searched or deduplicated (劉震 in the traditional seed and 刘震 in the
simplified ones are one person).

The fold is character for character (``len(fold(s)) == len(s)``), so an offset
found in the folded text points at the same character in the printed text.
It uses OpenCC's own traditional→simplified character table (TSCharacters),
taking the first candidate where OpenCC lists several.
"""

from __future__ import annotations

import re
import sys
from functools import cache, lru_cache
from pathlib import Path

import numpy as np
import opencc

from ingest.work import charge

# The supplementary planes too: folding 王頔 gives 王𬱖 (U+2C9D6, Extension E;
# the eighth held-out set's editor, session 24).
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
CJK_RE = re.compile(f"[{CJK}]")


def opencc_character_table() -> dict[str, str]:
    """OpenCC's traditional→simplified single-character mapping."""
    path = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        source, _, targets = line.partition("\t")
        target = targets.split(" ")[0]
        if len(source) == 1 and len(target) == 1 and source != target:
            table[source] = target
    return table


@cache
def fold_table() -> dict[int, str]:
    table = {ord(k): v for k, v in opencc_character_table().items()}
    # Full-width ASCII (，：；１２３ＡＢＣ) and the ideographic space fold to ASCII,
    # so "：" and ":" compare equal; the seeds mix both.
    for code in range(0xFF01, 0xFF5F):
        table[code] = chr(code - 0xFEE0)
    table[0x3000] = " "
    return table


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Simplified, half-width form of *text*, the same length as *text*."""
    charge(len(text))
    return text.translate(fold_table())


# The ranges of CJK, as code points, for detect_script.
_CJK_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3134F))


@cache
def _folds() -> np.ndarray:
    """Whether ``fold`` changes each code point: a CJK character folds when
    it is in the table (no entry maps a character to itself)."""
    folds = np.zeros(sys.maxunicode + 1, dtype=bool)
    folds[list(fold_table())] = True
    return folds


def detect_script(text: str) -> str:
    """``"traditional"`` when a noticeable share of the Chinese characters fold."""
    # Counted in numpy over the code points: a list of every Chinese
    # character and a fold() call for each (filling fold's cache with single
    # characters) was 0.68 of 33 s of the 1k bench corpus under cProfile
    # (session 25). The same two counts.
    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    cjk = np.zeros(len(points), dtype=bool)
    for low, high in _CJK_RANGES:
        cjk |= (points >= low) & (points <= high)
    total = int(np.count_nonzero(cjk))
    if not total:
        return "simplified"
    changed = int(np.count_nonzero(_folds()[points[cjk]]))
    return "traditional" if changed / total > 0.05 else "simplified"


def name_key(name: str) -> str:
    """The archive-wide identity of a printed name or title: folded, without
    spaces ("戴 鵬" and "戴鹏" are one person)."""
    return "".join(fold(name).split())
