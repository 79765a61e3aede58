"""Register the ``zh`` FTS5 tokenizer (zhfts/_zhtok.c) on a sqlite3 connection.

Every connection that reads or writes a full-text table of the archive needs
this first: ``save.open_archive`` calls it, and so does the Datasette plugin's
``prepare_connection``. Without it SQLite says "no such tokenizer: zh".

FTS5 hands out its registration interface (``fts5_api``) only through SQL:
``SELECT fts5(?1)`` with a pointer bound by ``sqlite3_bind_pointer``, which
Python's sqlite3 module cannot do, and this Python is built without
``enable_load_extension``. So the four C calls are made with ctypes, on the
connection's own ``sqlite3*`` handle and through the very library that
``_sqlite3`` is linked to (a second copy of SQLite must never touch the handle).
"""

from __future__ import annotations

import _sqlite3
import ctypes
import sqlite3

from zhfts import _zhtok

TOKENIZER = "zh"

# Looking symbols up through _sqlite3's own handle resolves them in the
# libsqlite3 it was linked against (Debian's 3.40.1 here).
_lib = ctypes.CDLL(_sqlite3.__file__)
_lib.sqlite3_prepare_v2.argtypes = [
    ctypes.c_void_p,
    ctypes.c_char_p,
    ctypes.c_int,
    ctypes.POINTER(ctypes.c_void_p),
    ctypes.c_void_p,
]
_lib.sqlite3_bind_pointer.argtypes = [
    ctypes.c_void_p,
    ctypes.c_int,
    ctypes.c_void_p,
    ctypes.c_char_p,
    ctypes.c_void_p,
]
_lib.sqlite3_step.argtypes = [ctypes.c_void_p]
_lib.sqlite3_finalize.argtypes = [ctypes.c_void_p]
_lib.sqlite3_errmsg.argtypes = [ctypes.c_void_p]
_lib.sqlite3_errmsg.restype = ctypes.c_char_p

# SQLite keeps this pointer-type name, not a copy, until the statement ends.
_FTS5_API_PTR = ctypes.c_char_p(b"fts5_api_ptr")


def connection_handle(conn: sqlite3.Connection) -> int:
    """The ``sqlite3*`` of *conn*.

    CPython's connection object starts with ``PyObject_HEAD`` then ``sqlite3 *db``
    (Modules/_sqlite/connection.h, 3.8 through 3.13); the sqlitefts package
    relies on the same layout.
    """
    if not isinstance(conn, sqlite3.Connection):
        raise TypeError(f"expected sqlite3.Connection, got {type(conn).__name__}")
    handle = ctypes.c_void_p.from_address(id(conn) + object.__basicsize__).value
    if not handle:
        raise sqlite3.ProgrammingError("Cannot operate on a closed database.")
    return handle


def _fts5_api(handle: int) -> int:
    stmt = ctypes.c_void_p()
    if _lib.sqlite3_prepare_v2(handle, b"SELECT fts5(?1)", -1, ctypes.byref(stmt), None):
        raise sqlite3.OperationalError(_lib.sqlite3_errmsg(handle).decode())
    api = ctypes.c_void_p()
    try:
        _lib.sqlite3_bind_pointer(stmt, 1, ctypes.byref(api), _FTS5_API_PTR, None)
        _lib.sqlite3_step(stmt)
    finally:
        _lib.sqlite3_finalize(stmt)
    if not api.value:
        raise sqlite3.OperationalError("this SQLite has no FTS5")
    return api.value


def register_tokenizer(conn: sqlite3.Connection) -> None:
    """Make the ``zh`` tokenizer available on *conn*; a no-op if it already is."""
    _zhtok.register(_fts5_api(connection_handle(conn)), TOKENIZER)
