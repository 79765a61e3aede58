"""Bounds on what one SQL statement can build or spend inside one function call,
set on every connection Datasette opens (``plugin.prepare_connection``).

Datasette's ``sql_time_limit_ms`` is a progress handler: SQLite calls it
between virtual-machine instructions, so it cannot stop one long call of a
built-in function. An attack on the served archive (issue 11) found two ways
through it:

* ``select zeroblob(1e9)``: a value of 1 GB (SQLite's default length limit),
  which Datasette then renders, grew the server to 23 GB. ``LENGTH_LIMIT``
  makes SQLite refuse any string or blob longer than the largest value the
  archive stores ("string or blob too big").
* ``length(printf('%.*c', 1e9, 'x'))`` ran 6-15 s inside one call, and three
  of them held every SQL thread. With the length limit SQLite stops writing
  at the limit but still counts the precision down one character at a time
  (1.8 s for 1e9 in SQLite 3.40). ``instr``, ``replace`` and the two-argument
  ``trim``/``ltrim``/``rtrim`` compare every position of the text with every
  character of the second argument: ``instr`` of a 30,000-character needle in
  a 60 MB text ran 34 s, ``trim`` with a 10,000-character set over 10 MB more
  than 100 s.

So those functions are replaced on each connection by ones that do the same in
time linear in their arguments: Python's ``str.find``/``str.replace`` (its
two-way search) and a character class for ``trim``; ``printf`` returns NULL,
as SQLite's does, for a width or precision past the length limit, without
counting it down. Every other call is handed to SQLite's own function on a
private in-memory connection, so results are SQLite's to the byte.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Callable

# The largest value the archive stores is a source file's text: the ingest
# refuses files over 16 MB (pipeline.MAX_BYTES), which decode to at most 24 MB
# of UTF-8 (two-byte GB18030 characters become three bytes). 64 MB leaves room
# and still stops a query from building values of a gigabyte.
LENGTH_LIMIT = 64_000_000

Value = str | bytes | int | float | None

_builtin = threading.local()


def builtin(name: str, *args: Value) -> Value:
    """SQLite's own *name*(*args*), on this thread's private connection."""
    conn = getattr(_builtin, "conn", None)
    if conn is None:
        conn = _builtin.conn = sqlite3.connect(":memory:", check_same_thread=False)
        conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, LENGTH_LIMIT)
    marks = ", ".join("?" * len(args))
    return conn.execute(f"select {name}({marks})", args).fetchone()[0]


def _texts(args: tuple[Value, ...]) -> tuple[str, ...] | tuple[bytes, ...] | None:
    """The arguments as all text or all blobs, the two cases SQLite's
    functions loop over; None for anything else (a number, NULL, a mix), which
    is short or cheap and goes to SQLite's own function."""
    if all(isinstance(a, str) for a in args) or all(isinstance(a, bytes) for a in args):
        return args  # type: ignore[return-value]
    return None


def instr(haystack: Value, needle: Value) -> Value:
    texts = _texts((haystack, needle))
    if texts is None:
        return builtin("instr", haystack, needle)
    return texts[0].find(texts[1]) + 1  # type: ignore[arg-type]


def replace(text: Value, old: Value, new: Value) -> Value:
    # SQLite's replace() reads blobs as text and returns text; only two texts
    # and a text to put in are done here.
    if not (isinstance(text, str) and isinstance(old, str) and isinstance(new, str)):
        return builtin("replace", text, old, new)
    return text if old == "" else text.replace(old, new)


def _trimmer(name: str) -> Callable[[Value, Value], Value]:
    def trim(text: Value, characters: Value) -> Value:
        if not (isinstance(text, str) and isinstance(characters, str)) or not characters:
            return builtin(name, text, characters)
        # A character class matches each character in constant time, however
        # many characters the set holds.
        run = re.compile("[" + "".join(map(re.escape, sorted(set(characters)))) + "]*")
        start = run.match(text).end() if name != "rtrim" else 0
        end = len(text)
        if name != "ltrim":
            end -= run.match(text[::-1]).end()
        return text[start:end] if start < end else ""

    return trim


# A conversion of SQLite's printf: flags, width, precision (digits or *), type.
_CONVERSION = re.compile(r"%([-+ #!0,]*)(\*|\d*)(?:\.(\*|\d*))?(l{0,2})([a-zA-Z%])")


def _sizes(form: str, args: tuple[Value, ...]) -> list[int]:
    """Every width and precision *form* asks for, ``*`` taking the next argument."""
    sizes, taken = [], 0
    for match in _CONVERSION.finditer(form):
        for size in match.group(2, 3):
            if size == "*":
                value = args[taken] if taken < len(args) else 0
                taken += 1
                try:
                    sizes.append(abs(int(value or 0)))
                except (TypeError, ValueError):
                    sizes.append(0)
            elif size:
                sizes.append(int(size))
        if match.group(5) != "%":
            taken += 1
    return sizes


def _printer(name: str) -> Callable[..., Value]:
    def printf(*args: Value) -> Value:
        if (
            args
            and isinstance(args[0], str)
            and any(size > LENGTH_LIMIT for size in _sizes(args[0], args[1:]))
        ):
            return None  # what SQLite answers for a result past the limit
        return builtin(name, *args)

    return printf


def guard_connection(conn: sqlite3.Connection) -> None:
    """Set the length limit on *conn* and replace the functions above."""
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, LENGTH_LIMIT)
    conn.create_function("instr", 2, instr, deterministic=True)
    conn.create_function("replace", 3, replace, deterministic=True)
    for name in ("trim", "ltrim", "rtrim"):
        conn.create_function(name, 2, _trimmer(name), deterministic=True)
    for name in ("printf", "format"):
        conn.create_function(name, -1, _printer(name), deterministic=True)
