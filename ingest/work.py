"""What one file may cost: a budget of work in proportion to its size, and
the bounds that keep each pass linear on runaway inputs.

A *step* is a character that a pass of the parser or of an extractor reads,
or a line that a loop over lines visits. ``prepare_file`` gives each file a
budget of ``STEPS_PER_CHAR`` steps per character (plus ``STEPS_FLOOR``); the
passes ``charge`` what they read, and a file that exceeds its budget stops
with ``TooMuchWork``, which the pipeline reports as a rejected file while
the run goes on. Work is counted, not timed, so the verdict does not depend
on the machine's load. Normal news text costs about 20 steps a character
(see docs/ROBUSTNESS.md, "Runaway inputs").
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache

STEPS_PER_CHAR = 200
STEPS_FLOOR = 200_000
# How far a hit's sentence reaches on either side of it, at least: a line of
# 10,000 "区长王建国表示," has no sentence end, and each of its mentions
# kept the whole line as its sentence (quadratic memory). The seeds' longest
# sentence is 167 characters, so no real sentence is cut.
SENTENCE_REACH = 250


class TooMuchWork(Exception):
    """A file that costs more work than its size allows: a runaway input."""

    def __init__(self, steps: int, chars: int) -> None:
        super().__init__(
            f"too much work for its size ({steps:,} steps for {chars:,} characters): "
            "a runaway input, rejected"
        )
        self.steps = steps
        self.chars = chars


@dataclass
class Budget:
    chars: int
    limit: int | None  # None: count only
    steps: int = 0


_current: ContextVar[Budget | None] = ContextVar("work_budget", default=None)


def charge(steps: int) -> None:
    """Count *steps* of work against the current file's budget, if any."""
    budget = _current.get()
    if budget is None:
        return
    budget.steps += steps
    if budget.limit is not None and budget.steps > budget.limit:
        raise TooMuchWork(budget.steps, budget.chars)


def sentence_window(at: int, length: int) -> tuple[int, int]:
    """Where the sentence of a hit at *at* (in a text of *length*) may begin
    and end: the block of ``SENTENCE_REACH`` characters holding it and one
    block either side, so the hits of one long sentence share a window (and,
    through ``cut``, one string: a line of 100,000 "1个" holds 50,000 figures)."""
    block = at // SENTENCE_REACH
    return max(0, (block - 1) * SENTENCE_REACH), min(length, (block + 2) * SENTENCE_REACH)


@lru_cache(maxsize=64)
def cut(text: str, start: int, end: int) -> str:
    """``text[start:end].strip()``, made once for all the hits that share it."""
    charge(end - start)
    return text[start:end].strip()


def limit_for(chars: int) -> int:
    return STEPS_PER_CHAR * chars + STEPS_FLOOR


@contextmanager
def budget(chars: int, limit: int | None = -1) -> Iterator[Budget]:
    """Count the work done inside, for a file of *chars* characters, and
    stop it past *limit* (by default ``limit_for(chars)``; None: no limit)."""
    b = Budget(chars, limit_for(chars) if limit == -1 else limit)
    cut.cache_clear()  # so one file's count never depends on the one before
    token = _current.set(b)
    try:
        yield b
    finally:
        _current.reset(token)
