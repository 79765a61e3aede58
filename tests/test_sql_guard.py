"""No SQL sent to the served archive can build a value past the length limit
or run for long inside one function call, and the functions replaced to make
it so answer exactly as SQLite's own (``ingest.sql_guard``)."""

from __future__ import annotations

import sqlite3
import time
from concurrent.futures import ThreadPoolExecutor
from itertools import product
from pathlib import Path

import httpx
import pytest
from datasette.app import Datasette

from explorer.serve import SETTINGS, serving
from explorer.sql_guard import LENGTH_LIMIT, guard_connection

SAMPLES = ["", "a", "abcabc", "株洲株洲市", " x ", "ab%_", b"", b"abc", b"\x00b\x01", 3, 2.5, None]


@pytest.fixture
def guarded() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    guard_connection(conn)
    return conn


def answer(conn: sqlite3.Connection, sql: str, args: object) -> object:
    """The row, or that SQLite refused (text that is not UTF-8 cannot be read back)."""
    try:
        return conn.execute(sql, args).fetchone()
    except sqlite3.Error:
        return "error"


def test_the_replaced_functions_answer_as_sqlites_own(guarded: sqlite3.Connection) -> None:
    plain = sqlite3.connect(":memory:")
    calls = [("instr", 2), ("replace", 3), ("trim", 2), ("ltrim", 2), ("rtrim", 2)]
    checked = 0
    for name, arity in calls:
        for args in product(SAMPLES, repeat=arity):
            sql = f"select {name}({', '.join('?' * arity)})"
            assert answer(guarded, sql, args) == answer(plain, sql, args), (name, args)
            checked += 1
    for form, args in [
        ("%d|%5.2f|%s|%-4s|%q|%%|%c", (42, 3.14159, "株洲", "x", "it's", "z")),
        ("%.*c|%*d", (3, "y", 6, 7)),
        ("%,d %!.3g %x", (1234567, 0.5, 255)),
    ]:
        sql = f"select printf(?{', ?' * len(args)}), format(?{', ?' * len(args)})"
        both = [form, *args, form, *args]
        assert guarded.execute(sql, both).fetchone() == plain.execute(sql, both).fetchone()
    assert checked == len(SAMPLES) ** 2 * 4 + len(SAMPLES) ** 3


def test_trim_with_many_characters_trims_only_those(guarded: sqlite3.Connection) -> None:
    characters = "".join(chr(0x4E00 + i) for i in range(50)) + "]^-\\"
    text = characters[::-1] + "株洲" + characters
    for name, expected in [("trim", "株洲"), ("ltrim", "株洲" + characters), ("rtrim", text[:-54])]:
        assert guarded.execute(f"select {name}(?, ?)", [text, characters]).fetchone() == (expected,)


@pytest.mark.parametrize(
    "sql",
    [
        "select zeroblob(1e9)",
        "select length(zeroblob(1e8))",
        "select randomblob(1e8)",
        f"select length(replace(printf('%.*c', {LENGTH_LIMIT // 2 + 1}, 'x'), 'x', 'xx'))",
        f"select length(hex(printf('%.*c', {LENGTH_LIMIT // 2 + 1}, 'x')))",
    ],
)
def test_no_value_grows_past_the_length_limit(guarded: sqlite3.Connection, sql: str) -> None:
    with pytest.raises(sqlite3.DataError, match="string or blob too big"):
        guarded.execute(sql).fetchall()


def test_values_as_long_as_a_whole_source_text_are_allowed(guarded: sqlite3.Connection) -> None:
    # The ingest accepts files up to 16 MB; as UTF-8 they may take 24 MB.
    (row,) = guarded.execute("select length(printf('%.*c', 8000000, '株'))")
    assert row == (8_000_000,)  # 24 MB


def seconds(conn: sqlite3.Connection, sql: str, args: tuple = ()) -> tuple[object, float]:
    started = time.perf_counter()
    (row,) = conn.execute(sql, args).fetchall()
    return row, time.perf_counter() - started


# Each runaway call, with SQLite's own function and with the guarded one, in
# the same run: the guarded one must take a small part of the time.
LONG_CALLS = {
    # SQLite stops writing at the length limit but counts the precision down.
    "printf": ("select length(printf('%.*c', 1e8, 'x'))", (), (None,)),
    "instr": ("select instr(?, ?)", ("a" * 2_000_000, "a" * 30_000 + "b"), (0,)),
    "replace": (
        "select length(replace(?, ?, 'x'))",
        ("a" * 2_000_000, "a" * 30_000 + "b"),
        (2_000_000,),
    ),
    # Each "a" is found at the end of the set: 5,000 comparisons a character.
    "trim": ("select trim(?, ?)", ("a" * 50_000 + "c", "b" * 5_000 + "a"), ("c",)),
}


@pytest.mark.parametrize("name", LONG_CALLS)
def test_a_long_function_call_answers_in_a_fraction_of_sqlites_time(
    guarded: sqlite3.Connection, name: str
) -> None:
    sql, args, expected = LONG_CALLS[name]
    limited = sqlite3.connect(":memory:")  # SQLite's own functions, with the length limit
    limited.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, LENGTH_LIMIT)
    plain_row, plain = seconds(limited, sql, args)
    row, took = seconds(guarded, sql, args)
    assert row == plain_row == expected
    assert took < plain / 10, (took, plain)


def test_instr_replace_and_trim_of_long_texts_answer(guarded: sqlite3.Connection) -> None:
    text = "a" * 20_000_000
    needle = "a" * 30_000 + "b"
    assert guarded.execute("select instr(?, ?)", [text + needle, needle]).fetchone() == (
        len(text) + 1,
    )
    assert guarded.execute("select printf('%.1000000000c', 'x')").fetchone() == (None,)
    assert guarded.execute("select format('%.*c', 2e9, 'x')").fetchone() == (None,)


async def test_every_datasette_connection_is_guarded(datasette: Datasette) -> None:
    response = await datasette.client.get(
        "/zhuzhou.json", params={"sql": "select length(zeroblob(1e8))"}
    )
    assert response.status_code == 400
    assert "string or blob too big" in response.json()["error"]
    response = await datasette.client.get(
        "/zhuzhou.json", params={"sql": "select printf('%.*c', 1e9, 'x') as x", "_shape": "array"}
    )
    assert response.json() == [{"x": None}]


RUNAWAYS = {
    "a gigabyte blob": "select zeroblob(1e9)",
    "a printf counting a billion down": "select length(printf('%.*c', 1e9, 'x'))",
    "an instr of a long needle in 20 MB": (
        "select instr(printf('%.*c', 2e7, 'a'), printf('%.*c', 30000, 'a') || 'b')"
    ),
}


def test_a_select_answers_within_the_time_limit_while_three_runaways_run(
    archive_path: Path,
) -> None:
    limit = int(SETTINGS["sql_time_limit_ms"]) / 1000
    with serving(archive_path) as url, ThreadPoolExecutor(len(RUNAWAYS) * 3) as pool:
        for name, sql in RUNAWAYS.items():
            runaways = [
                pool.submit(httpx.get, f"{url}/zhuzhou.json", params={"sql": sql}, timeout=120)
                for _ in range(3)
            ]
            time.sleep(0.05)
            started = time.monotonic()
            response = httpx.get(f"{url}/zhuzhou.json?sql=select+1&_shape=array", timeout=120)
            waited = time.monotonic() - started
            assert response.json() == [{"1": 1}]
            assert waited < limit, (name, waited)
            answers = [r.result() for r in runaways]
            assert all(r.status_code in (200, 400) for r in answers), name
        response = httpx.get(f"{url}/zhuzhou.json", params={"sql": RUNAWAYS["a gigabyte blob"]})
        assert response.status_code == 400
        assert "string or blob too big" in response.json()["error"]
        assert httpx.get(f"{url}/zhuzhou/articles.json?_size=1").status_code == 200
