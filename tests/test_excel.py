"""The Excel download (explorer/excel.py): one page as a renderer, every row streamed."""

from __future__ import annotations

import codecs
import csv
import io

from bs4 import BeautifulSoup
from datasette.app import Datasette

from explorer.excel import ExcelStream, excel_csv

COLUMNS = ["id", "title", "body", "count"]
ROWS = [
    [4397495627163258, "株洲,发展", '他说:"好。"\n第二行', 7],
    [-1234567890123, "", "", 123456789012],
    [12345678901, "0012345678901234 in text", "多行\r\n正文，含逗号", 0],
]


def streamed(data: bytes, cuts: list[int]) -> bytes:
    stream = ExcelStream()
    pieces = [data[a:b] for a, b in zip([0, *cuts], [*cuts, len(data)], strict=True)]
    return b"".join(stream.feed(p, final=i == len(pieces) - 1) for i, p in enumerate(pieces))


def test_a_streamed_csv_reads_as_the_one_page_excel_output_however_it_is_cut() -> None:
    plain = io.StringIO()
    csv.writer(plain).writerows([COLUMNS, *ROWS])
    data = plain.getvalue().encode("utf-8")
    expected = excel_csv(COLUMNS, ROWS).encode("utf-8")
    # Every cut, through a quoted line break, a "" and the bytes of one character.
    for cut in range(1, len(data)):
        assert streamed(data, [cut]) == expected, cut
    assert streamed(data, list(range(1, len(data)))) == expected


async def test_excel_with_stream_on_gives_every_row_with_ids_as_text(
    datasette: Datasette,
) -> None:
    count = (await datasette.client.get("/zhuzhou/mentions.json?_size=1")).json()
    total = count["filtered_table_rows_count"]
    page = await datasette.client.get("/zhuzhou/mentions.excel?_size=10")
    assert len(list(csv.reader(io.StringIO(page.text)))) == 1 + 10
    response = await datasette.client.get("/zhuzhou/mentions.excel?_stream=on")
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"] == 'attachment; filename="mentions.csv"'
    assert response.content.startswith(codecs.BOM_UTF8)
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    ids = await datasette.client.get("/zhuzhou/mentions.json?_shape=array&_col=id&_size=max")
    assert len(rows) == total > 10
    assert [r["id"] for r in rows] == [f'="{m["id"]}"' for m in ids.json()]


async def test_the_table_page_offers_the_excel_export(datasette: Datasette) -> None:
    page = await datasette.client.get("/zhuzhou/mentions?_size=10")  # more than a page
    form = BeautifulSoup(page.text, "html.parser").select_one("form[action$='.csv']")
    assert form.select_one("button[formaction]")["formaction"] == "/zhuzhou/mentions.excel"
    assert form.select_one("input[name=_stream]") is not None


async def test_an_error_page_is_not_rewritten_as_a_csv(datasette: Datasette) -> None:
    response = await datasette.client.get("/zhuzhou/no_such_table.excel?_stream=on")
    assert response.status_code == 404
    assert not response.content.startswith(codecs.BOM_UTF8)
    assert "找不到" in response.text
