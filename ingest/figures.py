"""Every quantity in a piece of article text, as structured rows.

``find_figures`` reads Arabic and Chinese numerals with their unit or counter
(80亿元, 3万余人, 两台, 十余年, 31.2%, 200—800元/月) and normalizes each one: a
value in a base unit (80亿元 → 8000000000 元), the high end of a range, whether
the number is approximate (余, 多, 近, 超过, 以上 …) and, when the words just
before it say so, what it counts (民生支出80亿元 → 民生支出).

Dates, clock times, ordinals and rankings, numbers inside names, titles and
addresses are not figures: they are masked out before figures are matched.

Matching is done on the folded text (simplified script, half-width; see
``fold``), which has the same length as the text, so ``raw``, ``sentence`` and
``measure`` are sliced from the text as printed. Everything is precompiled
regular expressions; no word segmentation.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from .fold import fold
from .model import Figure
from .work import charge, cut, sentence_window

# Counters whose base unit is the counter itself (simplified script), each
# with the characters that may not follow it because there the counter is the
# first character of another word: 支出, 项目, 部门, 家庭, 人民.
COUNTERS: dict[str, str] = {
    "人次": "",
    "人": "民员口",
    "元": "素旦宵老首",
    # 六个一 (a course of six "one"s) and 三位一体 are set phrases, not counts.
    "个": "一体性别案",
    "家": "庭长属乡",
    "所": "有在以属谓",
    "台": "阶风湾账",
    "部": "门分署长",
    "栋": "",
    "层": "次级面",
    "套": "餐",
    "户": "口籍型外",
    "件": "",
    "条": "件例款约",
    "张": "",
    "支": "出持付援部",
    "项": "目",
    "头": "条部脑",
    "处": "理置于长罚",
    "颗": "",
    "间": "隔断接",
    "份": "额",
    "次": "",
    "倍": "",
    "岁": "",
    "年": "级代纪龄",
    "天": "然气空津地下",
    "辆": "",
    "座": "谈",
    "种": "植类子",
    "场": "所地景馆",
    "例": "",
    "篇": "",
    "批": "准示复评",
}
# A number glued to a word for people counts people: 近5000居民, 10万居民.
# The word says what is counted, so such a figure gets no measure.
PERSON_NOUNS = ("居民", "市民", "村民", "群众")
# Units printed in a form other than their base unit: (base unit, factor,
# characters that may not follow).
CONVERTED_UNITS: dict[str, tuple[str, float, str]] = {
    # 名 and 位 count people: 在编公办教师2004名, 15位民主评议人员.
    "名": ("人", 1.0, "额单称字义片誉牌"),
    "位": ("人", 1.0, "一于置列数"),
    **{noun: ("人", 1.0, "") for noun in PERSON_NOUNS},
    # 成 is tenths: 九成以上事項 → 90 %.
    "成": ("%", 10.0, "员本功为果立长熟绩交都就效型"),
    "%": ("%", 1.0, ""),
    "个月": ("月", 1.0, ""),
    "个小时": ("小时", 1.0, ""),
    "小时": ("小时", 1.0, ""),
    "分钟": ("分钟", 1.0, ""),
    "平方公里": ("平方米", 1e6, ""),
    "平方米": ("平方米", 1.0, ""),
    "公顷": ("平方米", 1e4, ""),
    # 亩 stays 亩: in 平方米 it would be an unround 666.67 per 亩 (总佔地面積為650畝).
    "亩": ("亩", 1.0, ""),
    "公里": ("米", 1e3, ""),
    "千米": ("米", 1e3, ""),
    "米": ("米", 1.0, "饭粉面"),
    "厘米": ("米", 1e-2, ""),
    "公分": ("米", 1e-2, ""),
    "毫米": ("米", 1e-3, ""),
    "公斤": ("克", 1e3, ""),
    "千克": ("克", 1e3, ""),
    "克": ("克", 1.0, "服隆拉"),
    "吨": ("克", 1e6, ""),
}
UNITS: dict[str, tuple[str, float]] = {
    **{word: (word, 1.0) for word in COUNTERS},
    **{word: (base, factor) for word, (base, factor, _) in CONVERTED_UNITS.items()},
}
NOT_FOLLOWED_BY: dict[str, str] = {
    **COUNTERS,
    **{word: chars for word, (_, _, chars) in CONVERTED_UNITS.items()},
}
# The "per" half of a rate: 200—800元/月.
PER_UNITS = ("月", "年", "天", "人", "次", "平方米")

MULTIPLIERS = {"万": 1e4, "亿": 1e8}
CN_DIGITS = {
    "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
CN_POWERS = {"十": 10, "百": 100, "千": 1000}
CN_NUMERAL_CHARS = "".join(CN_DIGITS) + "".join(CN_POWERS) + "".join(MULTIPLIERS)

# 一 + counter is the indefinite article (一项荣誉, 一件事, 提前一年), and 二
# before a counter is an ordinal (二次捐献, 二胎): a count of two is written 两.
NOT_COUNTS = {"一", "二"}
# A round 百 or 千 with no digit before it is an idiom (千家万户, 百尺竿头,
# 微信連通千萬家) unless an approximation marker says it is a count: 近千家,
# 逾千户.
ROUND_STARTS = ("百", "千")

# Approximation markers before the number, longest first, each with the
# characters that may not precede it: 签约103928人 is no "约 103928", 附近 no "近".
APPROX_BEFORE: dict[str, str] = {
    "不少于": "",
    "不低于": "",
    "超过": "",
    "约为": "签预节制公契条合特",
    "将近": "",
    "接近": "",
    "大约": "",
    "不足": "",
    "不到": "",
    "近": "附最",
    "约": "签预节制公契条合特",
    "逾": "",
    "超": "",
}
APPROX_WITHIN = ("余", "多")  # 3万余人, 10多部, 300余万元
APPROX_AFTER = ("以上", "以下", "左右", "不到")  # 20%以上, 1分鐘不到
# 近5年来 / 近三年来: 近 before "N年来" means "the past N years", not "nearly".
RECENT_MARKER = "近"
RECENT_FOLLOWER = "来"
RANGE_SEPARATORS = "-—–~至到"

# A year, as opposed to another four-digit number (1000多个, 2000余平方米).
YEAR = r"(?:1[89]|20)\d\d"
# Spans that look like quantities but are not, masked before matching.
NOT_FIGURES = (
    # Years and year ranges: 2019年, 2023年度, 2022年底, 2018—2020年, (2017—2019),
    # and the ISO date of a web repost (2020-12-12).
    rf"{YEAR}(?:\s*[-—–~至到]\s*\d{{2,4}})?\s*年(?:度|底|初|末|代)?",
    rf"{YEAR}[-—–]\d{{1,4}}(?:-\d{{1,2}})?",
    # Months and days: 9月10日, 1-11月, 5月份, 9月初, 9月8日至9日, 二月, 正月.
    r"\d{1,2}(?:[-—–~至到]\d{1,2})?月(?:份|底|初|末|[上中下]旬)?"
    r"(?:\d{1,2}日(?:[-—–~至到]\d{1,2}日)?)?",
    r"\d{1,2}日",
    r"(?:[一二三四五六七八九十]{1,3}|正|腊)月(?:份|底|初|末)?",
    # Clock times: 11月19日9時30分, 上午8時, and the 4点半课堂 named after one.
    r"\d{1,2}[时点](?:\d{1,2}分|半)?",
    # 前三季度 names a period, like a date.
    r"前?[一二三四\d]季度",
    # Ordinals: 第三次, 第80位, 第一, 第二年.
    r"第[\d〇零一二两三四五六七八九十百千]+",
    # Rankings: 全面小康指數前100名, 位列54位, 排名第97名.
    r"前[\d一二三四五六七八九十百]+(?=名|位|强)",
    r"(?:位列|排名|名列|排在)第?[\d一二三四五六七八九十百]+",
    # Session numbers: 十六届人大三次会议.
    r"[\d一二三四五六七八九十]+次(?=会议|全会|党代会|代表大会)",
    # Idioms with a numeral and a counter: 她四处求医 (everywhere).
    r"四处",
    # Vague amounts: 數萬名幹部, 数十倍.
    r"[数几][十百千万亿]+",
    # Book and document titles: 《舊城提質三年行動計劃(2017—2019)》. A title
    # holds no 《, so a line of 100,000 《 is not scanned to its end from
    # each one (quadratic); of nested titles the inner one is masked.
    r"《[^《》\n]*》",
    # Addresses: 杏花园1栋105室, 小區B棟2單元. Only from the start of a run of
    # letters and digits: from every position of a 1 MB line of letters the
    # run was scanned to its end (quadratic, > 300 s).
    r"(?<![A-Za-z\d])[A-Za-z\d]+栋\d+(?:单元|室|号)",
)
# Every pattern above starts with one of these characters; the mask checks
# this first, which is what keeps the scan fast. Keep them in step.
NOT_FIGURES_FIRST_CHARS = r"\dA-Za-z一二三四五六七八九十正腊前第数几《位排名"
MASK = "_"

SENTENCE_END_RE = re.compile(r"[。!?;…\n]+[”’\"」』]*")

# Measure: what a figure counts, from the words just before it, given only
# when the figure closes its clause and in three frames where those words can
# be told to name it:
# - a linking verb joins them to the number: 签约率为31.2%, 地区生产总值增长7%,
#   安全隐患排查率达100% (the words before the verb);
# - a share: 占地方财政支出的69% (the words before 的);
# - the clause is just words and the figure: "幼儿园96所,", "累计投入民生支出80亿元,"
#   (the words after the last verb or function word: 民生支出).
# Elsewhere the words before a number are mostly a verb of the sentence
# ("共将加装6台", "看到受益的两栋业主"), so no measure is given.
MEASURE_WINDOW = 24
MEASURE_MAX = 10
MEASURE_LINKS = (
    "约为", "达到", "都在", "为期", "仅有", "分别", "增长", "提高", "提升", "降低",
    "下降", "增加", "减少", "缩短", "累计", "原有", "共有", "还有", "已有", "都有",
    "为", "达", "是", "占", "共", "有",
)  # fmt: skip
MEASURE_SHARE = "的"
# Verbs and function words after which the measure starts, each with the
# characters that may not precede it: 共 in 公共 or 总共 is no verb.
MEASURE_STOPS: dict[str, str] = {
    **dict.fromkeys(
        ("投入", "完成", "组建", "设置", "开展", "引进", "建立", "建成", "收集", "走访",
         "发布", "吸引", "确保", "实现", "加装", "安装", "获得", "提高", "降低",
         "提升", "拥有", "现有", "原有", "共有", "还有", "已有", "都有", "其中", "累计"),
        "",
    ),
    "已": "",
    "共": "公总",
    "的": "目",
    "了": "为除",
    "和": "温平缓",
    "等": "平同相",
    "由": "自理",
    "占": "",
    "对": "",
    "且": "并而",
    "并": "合兼",
}  # fmt: skip
# Leading words that date or place the clause rather than name the measure:
# "1-11月固定资产投资增长10.2%" → 固定资产投资.
MEASURE_LEADS = ("目前", "今年", "去年", "过去", "全区", "全市", "该区", "年底", "月份", "月")
# What may follow a figure that closes its clause ("民办2所。", "企业4家,").
CLAUSE_AFTER = ",。;:!?、()\n等…"


def _alternation(words: dict[str, str], *, before: bool = False) -> str:
    """Regex alternation of *words*, longest first, each guarded by its
    characters that may not follow it (or, with *before*, precede it)."""
    parts = []
    for word in sorted(words, key=len, reverse=True):
        chars = words[word]
        if not chars:
            parts.append(re.escape(word))
        elif before:
            parts.append(f"(?<![{chars}]){re.escape(word)}")
        else:
            parts.append(f"{re.escape(word)}(?![{chars}])")
    return "|".join(parts)


def _quantity(tag: str) -> str:
    """A number with its multiplier and 余/多: 3万余, 300余万, 两百余, 56.03万."""
    digit = "[一二两三四五六七八九]"
    chinese = (
        f"(?<![{CN_NUMERAL_CHARS}])(?=[一二两三四五六七八九十百千])"
        f"(?:{digit}?千)?(?:零?{digit}?百)?(?:零?{digit}?十)?(?:零?{digit})?"
    )
    arabic = r"(?<![A-Za-z\d.])\d+(?:\.\d+)?"
    within = "|".join(APPROX_WITHIN)
    return (
        f"(?P<{tag}>{arabic}|{chinese})(?P<{tag}_a1>{within})?"
        f"(?P<{tag}_mult>[{''.join(MULTIPLIERS)}]+)?(?P<{tag}_a2>{within})?"
    )


def _figure_pattern() -> re.Pattern[str]:
    units = _alternation(NOT_FOLLOWED_BY)
    per = "|".join(PER_UNITS)
    first_chars = "".join(sorted({w[0] for w in APPROX_BEFORE})) + r"\d一二两三四五六七八九十百千"
    return re.compile(
        # Most characters can start no figure; checking that first is what
        # keeps the scan fast.
        f"(?=[{first_chars}])"
        f"(?P<pre>{_alternation(APPROX_BEFORE, before=True)})?"
        f"{_quantity('lo')}"
        f"(?:(?:{units})?[{RANGE_SEPARATORS}]{_quantity('hi')})?"
        # A unit, or else a multiplier with no unit printed (投入450万).
        f"(?:(?P<unit>(?:{units})(?:/(?:{per}))?)|(?<=[{''.join(MULTIPLIERS)}]))"
        f"(?P<suf>{'|'.join(APPROX_AFTER)})?"
    )


FIGURE_RE = _figure_pattern()
NOT_FIGURES_RE = re.compile(
    f"(?=[{NOT_FIGURES_FIRST_CHARS}])(?<![\\d.])(?:"
    + "|".join(f"(?:{p})" for p in NOT_FIGURES)
    + ")"
)
CJK_TAIL_RE = re.compile(r"[\u4e00-\u9fff]+$")
MEASURE_LINKS_RE = re.compile(f"(?:{'|'.join(MEASURE_LINKS)}|比[^比]{{0,4}})+$")
MEASURE_STOPS_RE = re.compile(_alternation(MEASURE_STOPS, before=True))
MEASURE_LEADS_RE = re.compile(f"(?:{'|'.join(MEASURE_LEADS)})+")


def find_figures(text: str) -> list[Figure]:
    """Every quantity in *text*, in order."""
    charge(len(text))
    folded = fold(text)
    masked = NOT_FIGURES_RE.sub(lambda m: MASK * len(m.group()), folded)
    sentence_ends = [m.end() for m in SENTENCE_END_RE.finditer(folded)]
    figures = []
    for match in FIGURE_RE.finditer(masked):
        if _is_count(match):
            figures.append(_figure(match, text, folded, sentence_ends))
    return figures


def _is_count(match: re.Match[str]) -> bool:
    numeral = match.group("lo")
    if match.group("hi") is None and numeral in NOT_COUNTS:
        return False
    return match.group("pre") is not None or not numeral.startswith(ROUND_STARTS)


def _figure(match: re.Match[str], text: str, folded: str, sentence_ends: list[int]) -> Figure:
    start, end = match.start(), match.end()
    pre = match.group("pre")
    if pre == RECENT_MARKER and folded.startswith(RECENT_FOLLOWER, end):
        start, pre = match.start("lo"), None
    unit_printed = match.group("unit") or ""
    base, factor = _base_unit(unit_printed)
    # A multiplier printed once covers both ends of a range: 3-5万元.
    multiplier = _multiplier(match.group("lo_mult") or match.group("hi_mult"))
    value = _number(match.group("lo")) * multiplier * factor
    value_high = None
    if match.group("hi") is not None:
        high_multiplier = _multiplier(match.group("hi_mult") or match.group("lo_mult"))
        value_high = _number(match.group("hi")) * high_multiplier * factor
    number_end = match.end("hi") if match.group("hi") is not None else match.end("lo")
    unit_end = match.start("suf") if match.group("suf") else end
    approx = bool(pre or match.group("suf")) or any(
        match.group(g) for g in ("lo_a1", "lo_a2", "hi_a1", "hi_a2")
    )
    return Figure(
        raw=text[start:end],
        value=value,
        unit=base,
        unit_raw=text[number_end:unit_end],
        approx=approx,
        sentence=_sentence(text, sentence_ends, start),
        start=start,
        end=end,
        value_high=value_high,
        measure=_measure(text, folded, start, end, base, unit_printed),
    )


def _base_unit(printed: str) -> tuple[str, float]:
    """(base unit, factor) of a unit as matched (folded, without 万/亿):
    公里 → (米, 1000); 名 → (人, 1); 元/月 → (元/月, 1); no unit → ("", 1)."""
    if not printed:
        return "", 1.0
    word, slash, per = printed.partition("/")
    base, factor = UNITS[word]
    return base + slash + per, factor


def _multiplier(printed: str | None) -> float:
    factor = 1.0
    for ch in printed or "":
        factor *= MULTIPLIERS[ch]
    return factor


def _number(numeral: str) -> float:
    if numeral[0].isdigit():
        return float(numeral)
    return float(_chinese_number(numeral))


def _chinese_number(numeral: str) -> int:
    """十 → 10, 十五 → 15, 两百 → 200, 一千零五十 → 1050 (below 万)."""
    total, digit = 0, 0
    for ch in numeral:
        if ch in CN_POWERS:
            total += (digit or 1) * CN_POWERS[ch]
            digit = 0
        else:
            digit = CN_DIGITS[ch]
    return total + digit


def _sentence(text: str, sentence_ends: list[int], start: int) -> str:
    """The sentence around *start*, within its ``sentence_window``."""
    floor, ceiling = sentence_window(start, len(text))
    i = bisect_right(sentence_ends, start)
    begin = max(sentence_ends[i - 1] if i else 0, floor)
    finish = min(sentence_ends[i] if i < len(sentence_ends) else len(text), ceiling)
    return cut(text, begin, finish)


def _measure(
    text: str, folded: str, start: int, end: int, unit: str, unit_printed: str
) -> str | None:
    """What the figure at *start*–*end* counts, from the words just before it."""
    if unit_printed in PERSON_NOUNS or not _closes_clause(folded, end):
        return None
    window = max(0, start - MEASURE_WINDOW)
    tail = CJK_TAIL_RE.search(folded, window, start)
    if tail is None:
        return None
    phrase = tail.group()
    stop = len(phrase)
    if link := MEASURE_LINKS_RE.search(phrase):
        stop = link.start()
    elif unit == "%" and phrase.endswith(MEASURE_SHARE):
        stop -= len(MEASURE_SHARE)
    elif not _opens_clause(folded, tail.start(), window):
        return None
    begin = 0
    for word in MEASURE_STOPS_RE.finditer(phrase, 0, stop):
        begin = word.end()
    if lead := MEASURE_LEADS_RE.match(phrase, begin, stop):
        begin = lead.end()
    if not 2 <= stop - begin <= MEASURE_MAX:
        return None
    return text[tail.start() + begin : tail.start() + stop]


def _closes_clause(folded: str, end: int) -> bool:
    """Whether the figure ending at *end* closes its clause: "民办2所。", not
    "园丁小区有4栋楼" (the count of a noun that follows)."""
    return end == len(folded) or folded[end] in CLAUSE_AFTER


def _opens_clause(folded: str, words_start: int, window: int) -> bool:
    """Whether the words before a figure open their clause: "其中公办39所", not
    "4栋楼8个单元" (words after another number) or a clause cut by the window."""
    if words_start == 0:
        return True
    return words_start > window and not folded[words_start - 1].isalnum()
