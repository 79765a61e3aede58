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
from functools import cache, lru_cache
from pathlib import Path

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


def detect_script(text: str) -> str:
    """``"traditional"`` when a noticeable share of the Chinese characters fold."""
    cjk = CJK_RE.findall(text)
    if not cjk:
        return "simplified"
    changed = sum(1 for ch in cjk if fold(ch) != ch)
    return "traditional" if changed / len(cjk) > 0.05 else "simplified"


def name_key(name: str) -> str:
    """The archive-wide identity of a printed name or title: folded, without
    spaces ("戴 鵬" and "戴鹏" are one person)."""
    return "".join(fold(name).split())
