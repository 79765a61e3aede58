"""Dates and times of day in the forms pages print them.

- print pages: "2019年9月20日 星期五";
- web pages: "2012年06月25日 08:47:00", "2021年06月03日20:09", "2019-07-22",
  a time with its zone, "2012年12月10日, 格林尼治标准时间10:41",
  "2023-07-24 15:13", "2025-07-04 11:27:48", "2019.09.20", "2019/09/20",
  and day.month.year with the year last, "06.02.2015 17:21" (6 February);
  a two-digit year with its time, "21-06-03 20:09"; a day run into its time,
  "2020-05-0614:22";
- file names: "20230920", "2023-09-20", "2023年9月20日".

All are matched on folded text (half-width digits, 發布 → 发布). A regex, not
python-dateutil: dateutil's parser reads neither 年月日 nor the Chinese
weekday, would need the date cut out of the line first (which is what the
regex does), and guesses month-first on "06.02.2015"; the only check left
to do, a real calendar day, is ``datetime.date``'s.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

_TIME = r"(?P<time>\d{1,2}:\d{2}(?::\d{2})?)"
# A time of day may name its zone, after a comma: a foreign broadcaster's
# Chinese page prints "2012年12月10日, 格林尼治标准时间10:41"; a mainland
# page "2020年3月1日 北京时间 08:30". The time is kept as printed.
_ZONE = r"(?:北京时间|格林尼治标准时间|格林尼治时间|格林威治时间)"
# A day ends at a non-digit, or runs straight into the time of day: saved
# pages join the spans of date and time with no space ("2020-05-0614:22").
_DAY_END = r"(?:(?!\d)|(?=\d{1,2}:\d{2}))"
# A site's name may be glued to its date, told by its last word: "TNW中文站
# 2016年10月14日07:17" (a portal's partner), "某某日报2023-04-18"; any other
# word glued to a date is a section's name or a sentence's ("要闻2023-…").
GLUED_SITE_ENDS = "站网报社台"
# A time with seconds may run into a site's name that opens with digits, told
# by the name's last word: "2021-01-20 04:29:4439健康网" (39健康网, session 24).
_SECONDS_INTO_SITE = rf"(?<=:\d\d:\d\d)(?=\d+[^\s\d]{{0,6}}[{GLUED_SITE_ENDS}])"
# A two-digit year (self-media pages: "发布时间:21-06-03 20:09") is only read
# with a time of day after it: a bare "21-06-03" may be a code or a score —
# unless it is the whole value of a date's field ("日期：24-05-06", a district
# site's date line, session 25: ``short_year``).
SHORT_YEAR_CENTURY = 2000
LAST_CENTURY_FROM = 50
# Every date starts with a digit: the lookahead turns a position down with one
# test instead of trying the five forms (a line searched 4x as fast; find_date
# was 0.54 of 33 s of the 1k bench corpus under cProfile, session 25).
DATE_RE = re.compile(
    r"(?=\d)(?<!\d)(?P<date>"
    r"(?P<y1>\d{4})\s*年\s*(?P<m1>\d{1,2})\s*月\s*(?P<d1>\d{1,2})\s*日"
    rf"|(?P<y2>\d{{4}})(?P<sep>[-./])(?P<m2>\d{{1,2}})(?P=sep)(?P<d2>\d{{1,2}}){_DAY_END}"
    r"|(?P<d3>\d{1,2})\.(?P<m3>\d{1,2})\.(?P<y3>\d{4})(?!\d)"
    rf"|(?P<y4>\d{{2}})-(?P<m4>\d{{1,2}})-(?P<d4>\d{{1,2}}){_DAY_END}"
    # the year over its box of month and day, saved on one line: "2024 05/09
    # 22:27:02" (新华网, the eighth held-out set; session 24)
    r"|(?P<y5>(?:19|20)\d{2})\s+(?P<m5>\d{2})/(?P<d5>\d{2})(?!\d)"
    r")"
    rf"(?:\s*(?:,?\s*{_ZONE}\s*)?{_TIME}(?:(?!\d)|{_SECONDS_INTO_SITE}))?"
)


@dataclass(frozen=True)
class Stamp:
    date: str  # ISO 8601
    time: str | None  # HH:MM or HH:MM:SS as printed, zero-padded
    start: int  # offsets of the match in the text searched
    end: int


def _stamp(m: re.Match[str], short_year: bool = False) -> Stamp | None:
    for k in "12345":
        if m.group(f"y{k}"):
            y, mo, d = (int(m.group(f"{p}{k}")) for p in "ymd")
            break
    if k == "4":
        if not (m.group("time") or short_year):
            return None
        # "更新时间：99-12-31" is 1999 (session 25's review)
        y += SHORT_YEAR_CENTURY if y < LAST_CENTURY_FROM else SHORT_YEAR_CENTURY - 100
    try:
        day = datetime.date(y, mo, d)
    except ValueError:
        return None
    time = m.group("time")
    if time:
        parts = [int(p) for p in time.split(":")]
        if parts[0] > 23 or any(p > 59 for p in parts[1:]):
            time = None
        else:
            time = ":".join(f"{p:02d}" for p in parts)
    return Stamp(day.isoformat(), time, m.start(), m.end() if time else m.end("date"))


def find_date(folded: str, short_year: bool = False) -> Stamp | None:
    """The first real calendar date (and its time of day) in *folded* text;
    a two-digit year with no time too, when *short_year*."""
    for m in DATE_RE.finditer(folded):
        if (stamp := _stamp(m, short_year)) is not None:
            return stamp
    return None
