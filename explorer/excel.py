"""A CSV that Excel opens as it is (issue 15, point 7): ``.excel`` on any
table, row or query (``/zhuzhou/articles.excel?_size=max``).

Datasette's ``.csv`` is UTF-8 without a byte-order mark: Excel on a Chinese
Windows reads it as GBK and shows mojibake. This output is the same CSV with
a BOM, so Excel reads it as UTF-8, and with every integer of more than 11
digits written as the text formula ``="4397495627163258"``: Excel keeps 15
significant digits and showed that id as 4397495627163250, a row that does not
exist, and shows any integer past 11 digits as 1.33117E+14. The ids stay 16
digits (``ids.stable_id``: 52 bits, exact in JavaScript and in every URL
already cited); only this output writes them as text. It holds the rows of
one page (``_size=max`` for up to 1,000); with ``_stream=on``, as Datasette's
CSV offers it, every row: ``stream_excel`` serves Datasette's own streamed
CSV of the same URL, its ids written as text on the way out.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Awaitable, Callable, MutableMapping, Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, quote

from datasette.utils.asgi import Response

if TYPE_CHECKING:
    from explorer.folding import ASGIApp

BOM = "\ufeff"
# Excel's General format shows at most 11 digits (then 1.33117E+14) and keeps
# 15 (then rounds): an id, 12 to 16 digits, is written as text.
EXCEL_DIGITS = 11
# A CSV field, quoted ("" inside a quote is a quote) or not, and what ends it.
CSV_FIELD = re.compile(r'("(?:[^"]|"")*"|[^",\r\n]*)(,|\r\n|\n)')


def is_long_integer(text: str) -> bool:
    """Whether *text* is an integer Excel would round or show as 1.33117E+14."""
    digits = text.removeprefix("-")
    return digits.isdigit() and len(digits) > EXCEL_DIGITS


def excel_cell(value: object) -> object:
    """*value* as Excel should read it: a long integer as text."""
    if isinstance(value, int) and is_long_integer(str(value)):
        return f'="{value}"'
    return value


def excel_csv(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)  # \r\n line ends, as Excel writes them
    writer.writerow(columns)
    for row in rows:
        writer.writerow([excel_cell(v) for v in row])
    return BOM + out.getvalue()


def render_excel(
    columns: Sequence[str], rows: Sequence[Sequence[Any]], table: str | None, query_name: str | None
) -> Response:
    name = table or query_name or "query"
    return Response(
        excel_csv(columns, rows),
        content_type="text/csv; charset=utf-8",
        headers={"content-disposition": f'attachment; filename="{name}.csv"'},
    )


class ExcelStream:
    """Datasette's streamed CSV, chunk by chunk, as ``excel_csv`` writes it:
    a BOM first, integers past 11 digits as text. A field is rewritten once
    the character that ends it has arrived, so a field cut by a chunk's end
    (a body of many lines, a UTF-8 character in two) waits for the next one
    and the output is the same however the stream is cut."""

    def __init__(self) -> None:
        self.decoder = codecs.getincrementaldecoder("utf-8")()
        self.pending = ""  # the start of a field not yet ended
        self.started = False

    def feed(self, data: bytes, final: bool = False) -> bytes:
        text = self.pending + self.decoder.decode(data, final)
        out, at = [] if self.started else [BOM], 0
        self.started = True
        while match := CSV_FIELD.match(text, at):
            field = match[1]
            if is_long_integer(field):  # excel_cell's ="…", quoted as csv.writer quotes it
                field = '"' + f'="{field}"'.replace('"', '""') + '"'
            out.append(field)
            out.append(match[2])
            at = match.end()
        if final:
            out.append(text[at:])
            at = len(text)
        self.pending = text[at:]
        return "".join(out).encode("utf-8")


def stream_excel(app: ASGIApp) -> ASGIApp:
    """*app* answering ``X.excel?_stream=on`` with Datasette's streamed
    ``X.csv?_stream=on`` written for Excel (``ExcelStream``)."""

    async def streamed(
        scope: MutableMapping[str, Any],
        receive: Callable[[], Awaitable[Any]],
        send: Callable[[Any], Awaitable[None]],
    ) -> None:
        path = scope.get("path", "") if scope["type"] == "http" else ""
        query = dict(parse_qsl(scope.get("query_string", b"").decode("utf-8", "replace")))
        if not path.endswith(".excel") or query.get("_stream") not in ("on", "1"):
            await app(scope, receive, send)
            return
        csv_path = path.removesuffix(".excel") + ".csv"
        raw_path = scope.get("raw_path") or quote(path).encode()
        raw_path = raw_path.removesuffix(b".excel") + b".csv"
        name = csv_path.rsplit("/", 1)[-1]
        stream = ExcelStream()
        ok = False  # an error page passes as Datasette wrote it

        async def send_excel(message: dict[str, Any]) -> None:
            nonlocal ok
            if message["type"] == "http.response.start" and message["status"] == 200:
                ok = True
                headers = [
                    (k, v)
                    for k, v in message.get("headers", [])
                    if k.lower() not in (b"content-type", b"content-disposition")
                ]
                headers += [
                    (b"content-type", b"text/csv; charset=utf-8"),
                    (b"content-disposition", f'attachment; filename="{name}"'.encode()),
                ]
                message = {**message, "headers": headers}
            elif message["type"] == "http.response.body" and ok:
                more = message.get("more_body", False)
                message = {**message, "body": stream.feed(message.get("body", b""), not more)}
            await send(message)

        await app({**scope, "path": csv_path, "raw_path": raw_path}, receive, send_excel)

    return streamed
