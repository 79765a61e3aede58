"""The districts, counties, streets and towns of Zhuzhou that a text names.

Pure: text in, ``PlaceHit``s out. Matching is done on the folded text, so the
traditional seed's 蘆淞區 is found as 芦淞区; the hit keeps the name as printed.

The gazetteer is Zhuzhou's county-level units (five districts, one
county-level city, three counties), the development zones that the news
reports as if they were districts (株洲高新区, 株洲经开区, 云龙示范区), and
the streets (街道), towns (镇) and townships (乡) below them. Every entry
names the county-level unit it lies in (``district``), so an article about
学林街道 is also about 石峰区. Short forms are listed only where they are not
also common words: 芦淞 and 天元 stand for their districts, but 建设 (of
建设街道) means "construction" and 新市 (of 新市镇) "new city", so those
streets and towns are found only by their full names.
"""

from __future__ import annotations

import re

from ingest.model import Place, PlaceHit
from ingest.text.fold import fold
from ingest.work import charge, cut, sentence_window

# kind of place: how the archive labels it (the Chinese word it is printed with)
KINDS = {
    "district": "区",
    "city": "县级市",
    "county": "县",
    "zone": "功能区",
    "street": "街道",
    "town": "镇",
    "township": "乡",
}


def _units(kind: str, district: str, *names: str) -> tuple[Place, ...]:
    return tuple(Place(n, kind, district) for n in names)


GAZETTEER: tuple[Place, ...] = (
    # County-level units. 渌口区 was 株洲县 until 2018; older pages print that.
    Place("天元区", "district", "天元区", ("天元",)),
    Place("芦淞区", "district", "芦淞区", ("芦淞",)),
    Place("荷塘区", "district", "荷塘区"),  # 荷塘 alone is also "lotus pond"
    Place("石峰区", "district", "石峰区", ("石峰",)),
    Place("渌口区", "district", "渌口区", ("渌口", "株洲县")),
    Place("醴陵市", "city", "醴陵市", ("醴陵",)),
    Place("攸县", "county", "攸县"),
    Place("茶陵县", "county", "茶陵县", ("茶陵",)),
    Place("炎陵县", "county", "炎陵县", ("炎陵",)),
    # Development zones, reported alongside the districts (株洲高新区 shares
    # its administration with 天元区 but is named on its own).
    Place(
        "株洲高新区", "zone", "株洲高新区", ("高新区", "株洲国家高新区", "株洲高新技术产业开发区")
    ),
    Place("株洲经开区", "zone", "株洲经开区", ("经开区", "株洲经济开发区", "株洲经济技术开发区")),
    Place("云龙示范区", "zone", "云龙示范区"),
    # Streets and towns, by district.
    Place("嵩山路街道", "street", "天元区"),
    Place("泰山路街道", "street", "天元区", ("泰山街道",)),  # seed 001 prints 泰山街道
    Place("栗雨街道", "street", "天元区", ("栗雨",)),
    Place("马家河街道", "street", "天元区", ("马家河",)),
    *_units("town", "天元区", "群丰镇", "雷打石镇", "三门镇"),
    *_units("street", "芦淞区", "建设街道", "贺家土街道", "庆云街道", "建宁街道", "龙泉街道"),
    Place("枫溪街道", "street", "芦淞区", ("枫溪",)),
    Place("白关镇", "town", "芦淞区", ("白关街道", "白关")),
    Place("月塘街道", "street", "荷塘区", ("月塘",)),
    *_units("street", "荷塘区", "茨菇塘街道", "宋家桥街道", "桂花街道", "金山街道", "明照街道"),
    Place("仙庾镇", "town", "荷塘区", ("仙庾",)),
    Place("学林街道", "street", "石峰区", ("学林",)),
    Place("清水塘街道", "street", "石峰区", ("清水塘",)),
    *_units("street", "石峰区", "响石岭街道", "井龙街道", "田心街道", "铜塘湾街道", "龙头铺街道"),
    Place("云田镇", "town", "石峰区"),
    *_units(
        "town", "渌口区", "渌口镇", "南洲镇", "朱亭镇", "淦田镇", "古岳峰镇", "龙潭镇", "龙船镇"
    ),
    Place("南阳桥乡", "township", "渌口区"),
    *_units("street", "醴陵市", "来龙门街道", "阳三石街道", "西山街道", "仙岳山街道", "国瓷街道"),
    *_units(
        "town",
        "醴陵市",
        "白兔潭镇",
        "浦口镇",
        "王仙镇",
        "东富镇",
        "船湾镇",
        "嘉树镇",
        "泗汾镇",
        "沈潭镇",
        "李畋镇",
        "明月镇",
        "均楚镇",
        "石亭镇",
        "茶山镇",
        "枫林镇",
        "孙家湾镇",
        "官庄镇",
    ),
    *_units("street", "攸县", "联星街道", "江桥街道", "春联街道"),
    *_units(
        "town",
        "攸县",
        "网岭镇",
        "皇图岭镇",
        "酒埠江镇",
        "黄丰桥镇",
        "丫江桥镇",
        "宁家坪镇",
        "菜花坪镇",
        "桃水镇",
        "新市镇",
        "鸾山镇",
        "渌田镇",
    ),
    *_units("street", "茶陵县", "思聪街道", "云阳街道", "洣江街道", "下东街道"),
    *_units(
        "town",
        "茶陵县",
        "严塘镇",
        "湖口镇",
        "虎踞镇",
        "腰潞镇",
        "火田镇",
        "枣市镇",
        "高陇镇",
        "秩堂镇",
        "马江镇",
        "平水镇",
        "界首镇",
    ),
    *_units("township", "茶陵县", "舲舫乡", "桃坑乡"),
    *_units("town", "炎陵县", "霞阳镇", "沔渡镇", "十都镇", "水口镇", "鹿原镇"),
    *_units("township", "炎陵县", "垄溪乡", "策源乡", "下村乡", "中村瑶族乡", "船形乡"),
)

_BY_SPELLING: dict[str, Place] = {
    spelling: place for place in GAZETTEER for spelling in (place.name, *place.aliases)
}
# Longest spelling first, so 株洲高新区 wins over 高新区 and 天元区 over 天元.
_PLACE_RE = re.compile("|".join(sorted(map(re.escape, _BY_SPELLING), key=len, reverse=True)))
SPELLINGS = frozenset(_BY_SPELLING)
_SENTENCE_ENDS = "。!?;\n"


def find_places(text: str) -> list[PlaceHit]:
    """Every gazetteer place printed in *text*, in order of appearance."""
    charge(len(text))
    folded = fold(text)
    return [
        PlaceHit(
            _BY_SPELLING[m.group()],
            text[m.start() : m.end()],
            _sentence(text, folded, m.start()),
            m.start(),
            m.end(),
        )
        for m in _PLACE_RE.finditer(folded)
    ]


def _sentence(text: str, folded: str, at: int) -> str:
    """The sentence of *text* around offset *at* (fold keeps offsets), within
    its ``sentence_window``: on a line of 100,000 "天元区" with no sentence
    end, each hit searched the line to both ends and kept it whole
    (quadratic)."""
    floor, ceiling = sentence_window(at, len(folded))
    start = max(folded.rfind(ch, floor, at) for ch in _SENTENCE_ENDS) + 1 or floor
    ends = [i for i in (folded.find(ch, at, ceiling) for ch in _SENTENCE_ENDS) if i != -1]
    end = min(ends) + 1 if ends else ceiling
    return cut(text, start, end)
