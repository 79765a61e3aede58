"""Split page text into line blocks: the unit the parser classifies.

A block is one non-blank line with its 1-based line number, its markdown
heading level (0 for a plain line) and how many blank lines stand before it.
The blank count matters: a run of two or more blank lines is where a photo
stood on the page (seed 000 prints three before "天元区政务服务中心工作人员热心接待办事群众").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_HEADING_RE = re.compile(r"^(#{1,6})\s+(.*)$")


@dataclass
class Block:
    text: str  # stripped, without the markdown heading marks
    line: int  # 1-based line number in the source file
    blank_before: int  # blank lines directly above (0: continues the line above)
    level: int = 0  # markdown heading level, 0 for a plain line
    # How many runs of web chrome (a photo's placeholder aside) stand above
    # the line in its file (``drop_chrome``): a paragraph does not continue
    # from one run's side to the other's.
    segment: int = 0

    @property
    def is_heading(self) -> bool:
        return self.level > 0


def normalize_newlines(text: str) -> str:
    """CRLF and CR line ends become LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_blocks(text: str) -> list[Block]:
    blocks: list[Block] = []
    blanks = 0
    for number, line in enumerate(normalize_newlines(text).split("\n"), start=1):
        stripped = line.strip()
        if not stripped:
            blanks += 1
            continue
        level = 0
        if m := _HEADING_RE.match(stripped):
            level, stripped = len(m.group(1)), m.group(2).strip()
        # Blank lines at the top of a file stand before nothing on the page.
        blocks.append(Block(stripped, number, blanks if blocks else 0, level))
        blanks = 0
    return blocks
