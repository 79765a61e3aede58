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
one page: ``_size=max`` for up to 1,000.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from datasette.utils.asgi import Response

BOM = "\ufeff"
# Excel's General format shows at most 11 digits (then 1.33117E+14) and keeps
# 15 (then rounds): an id, 12 to 16 digits, is written as text.
EXCEL_DIGITS = 11


def excel_cell(value: object) -> object:
    """*value* as Excel should read it: a long integer as text."""
    if isinstance(value, int) and len(str(abs(value))) > EXCEL_DIGITS:
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
