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
regular expressions; no word segmentation. A numeral is read as cn2an reads
it (two-thousand-six 两千六 → 2600, 一百二 → 120, 1万600 → 10600, 三点一四, 壹拾,
一万零一): the pattern finds the numeral, cn2an gives its value. A numeral that
cannot be read (or whose value overflows a float) keeps its figure with value
None, never a wrong number.

Every pattern is linear in the text: runs of numeral characters are matched
possessively from the run's first character only (a lookbehind refuses a start
inside a run), so no pattern is retried from every position of a long run.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from functools import lru_cache

from cn2an import cn2an

from ingest.model import Figure
from ingest.text.fold import fold
from ingest.work import charge, cut, sentence_window

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
    # Sets of machines: 年产能10万台套.
    "台套": "",
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
    # Seats of guests (仅邀请80席嘉宾), teams (两队), trading days printed with
    # no 个 (十余交易日); kept from the words they start: 席位, 队员, 队伍.
    "席": "位卷地间话次子",
    "队": "员长伍列形友旗部",
    # Stops of a line (沿环线坐四站); 站式, 站点, 站长 are words.
    "站": "式点台长岗内外前后上",
    "交易日": "",
    "年": "级代纪龄",
    "天": "然气空津地下",
    "辆": "",
    "座": "谈",
    "种": "植类子",
    "场": "所地景馆",
    "例": "",
    "篇": "",
    "批": "准示复评",
    # Counters real pages print (集成电路4176亿块, 两艘军舰, 八只, 销售1万多单,
    # 29.9亿股, 4晚5天), each kept from the words it starts: 块状, 只是, 单位,
    # 股东, 晚上.
    "块": "状钱",
    "艘": "",
    "只": "是有能要好不会见得可在需",
    "单": "位元价独身日项笔次体品车线曲调人间打据",
    "股": "份东票市权价民本息金指",
    "晚": "上会餐报饭间点年期霞安宴",
    # Counters of the held-out pages (session 20: 五款手机, 两类芯片, 16本书,
    # 六口人, 12届, 两根细线, 几十片纸, 十几笔融资, 三周), each kept from
    # the words it starts: 款项, 类似, 本地, 口岸, 届时, 根据, 片区, 笔记, 周年.
    "款": "项式待",
    "类": "似型别",
    "本": "地次身人届年月来土市省科期轮领着质部金钱院",
    "口": "岸罩号径味头气音感语述试碑腔才子红吻",
    # 十六届人大, 十九届四中全会 number a session (an ordinal), not a count.
    "届": "时满人全中党政代委省市区县一二三四五六七八九",
    "根": "据本源治除基",
    "片": "区面刻段子名",
    "笔": "记者试画直墨迹名",
    "周": "年岁边末围期刊报日一二三四五六天转到全知密长游",
    # 两起爆炸, 十起典型案例, and after Arabic digits 6起案件, 发生事故10起 (the
    # held-out pages of session 21); but 月租800起。 and 首付10万起, say "from"
    # (FROM_OR_COUNT).
    "起": "步来飞跑诉草始点价码初身床居源因义色伏落重见售租订拍卖付跳算购",
    # Counters of the second held-out pages (session 21): 9批次 (batches of
    # approvals), 500万标准箱 (containers, TEU), 两箱 (boxes); 批 alone stays
    # 批. Kept from the words they start: 次日, 箱子, 箱体.
    "批次": "",
    "标准箱": "",
    "箱": "子体包式底",
    # Flights and trains counted by the trip (session 23's sixth held-out set:
    # 航班取消23架次, 专列106列), kept from 列车, 列入, 列为.
    "架次": "",
    "列": "车入为出席举队表明岛国强",
    # Livestock counted by their own counters (session 23's fifth held-out
    # set: 家禽5.5亿羽; 投放鱼苗100万尾, 马200匹), kept from the words they
    # start: 羽毛, 羽绒, 尾声, 尾巴, 匹配.
    "羽": "毛绒球翼",
    "尾": "声巴部款气数号随端矿灯货盘期",
    "匹": "配敌夫",
    # Characters of a text and episodes of a series (session 24's seventh
    # held-out set: 数百万字, 140字, 四十集), kept from 十字路口, 八字, 字号,
    # 集团, 集中, 集体, 红十字会; and from the names of slogans: 十六字方针, 八字诀.
    "字": "路架形街号母幕型头句一体样条方诀令经还会",
    "集": "团中体市结合镇资成聚会",
    # Courses and guns (the ninth held-out set, session 25: 开8门课), kept from the
    # words it starts: 门口, 门诊, 门票, 门户, 门店 …
    "门": "口诊票户类派槛前外内店面市禁卫牌框峡",
    # Index points, only after Arabic digits over an hour (POINTS): 3700点.
    "点": "钟半整",
    # Wind and earthquake scales (风力5级, 8到10级大风, 4.6级地震), only where
    # the words around say so (SCALES): 三级医院 and 二级建造师 name a grade.
    "级": "别差",
}
# A count, or "from" a price: 两起爆炸, 6起案件 and 事故10起。 count; 月租800起。,
# 团购价99起 and 首付10万起 are prices "from": with 万/亿, or with a word of
# price just before (PRICE_WORDS), or right after 从/自 (自2021起施行), it is no
# count.
FROM_OR_COUNT = ("起",)
PRICE_WORDS = "价租付售费薪"
PRICE_WINDOW = 4
FROM_WORDS = "从自"
# A number glued to a word for people counts people: 近5000居民, 10万居民.
# The word says what is counted, so such a figure gets no measure.
PERSON_NOUNS = ("居民", "市民", "村民", "群众", "员工", "职工")
# Units printed in a form other than their base unit: (base unit, factor,
# characters that may not follow).
CURRENCIES = ("美元", "欧元", "港元", "日元", "英镑")
MONEY = ("元", *CURRENCIES)
CONVERTED_UNITS: dict[str, tuple[str, float, str]] = {
    # 名 and 位 count people: 在编公办教师2004名, 15位民主评议人员.
    "名": ("人", 1.0, "额单称字义片誉牌"),
    "位": ("人", 1.0, "一于置列数"),
    # (not a hotline named for them: "拨打上海12345市民服务热线", the ninth held-out set)
    # (服 only: "全市近10万市民热情参与" counts people; session 25's review)
    **{noun: ("人", 1.0, "服卡") for noun in PERSON_NOUNS},
    # 成 is tenths: 九成以上事項 → 90 %; 三五成群 is an idiom.
    "成": ("%", 10.0, "员本功为果立长熟绩交都就效型群"),
    "%": ("%", 1.0, ""),
    # A change of a percentage is in points, its own unit: 提高5个百分点.
    "个百分点": ("个百分点", 1.0, ""),
    "百分点": ("个百分点", 1.0, ""),
    # Basis points, the unit of a rate cut: 降息25个基点.
    "个基点": ("基点", 1.0, ""),
    "基点": ("基点", 1.0, ""),
    "个月": ("月", 1.0, ""),
    # 65周岁 (full years of age), 七周年 (an anniversary): ages and years.
    "周岁": ("岁", 1.0, ""),
    "周年": ("年", 1.0, ""),
    "个小时": ("小时", 1.0, ""),
    # 一个多小时, 3个多月 (approximate) and 一个半小时 (1.5): 多 and 半 stand
    # between the counter and the unit (MORE_UNITS, HALF_UNITS).
    "个多月": ("月", 1.0, ""),
    "个多小时": ("小时", 1.0, ""),
    "个半月": ("月", 1.0, ""),
    "个半小时": ("小时", 1.0, ""),
    "小时": ("小时", 1.0, ""),
    # 两日 is two days (两 writes no date), like 十余日 and 20多日; 3日 and 二十日
    # are dates (DAYS_COUNTED_WITH).
    "日": ("天", 1.0, "报期均常前后子本益内"),
    # 两年半 is 2.5 years, 三天半 3.5 days (HALF_UNITS), not 近两年半数 (half of)
    # nor 一年半载 (a year or so, an idiom).
    "年半": ("年", 1.0, "数载年月天个岁小"),
    "天半": ("天", 1.0, "数天夜个小"),
    "分钟": ("分钟", 1.0, ""),
    "秒钟": ("秒", 1.0, ""),
    "秒": ("秒", 1.0, "杀懂表针"),
    # Temperatures (降温6～12℃, 零下5.2℃), pixels (1200万像素), gross tonnage of
    # ships (22.5万总吨), storage in bytes (64GB), inches of a screen (6.1英寸).
    "℃": ("℃", 1.0, ""),
    "摄氏度": ("℃", 1.0, ""),
    "像素": ("像素", 1.0, ""),
    "总吨": ("总吨", 1.0, ""),
    "KB": ("字节", 1e3, "A-Za-z"),
    "MB": ("字节", 1e6, "A-Za-z"),
    "GB": ("字节", 1e9, "A-Za-z"),
    "TB": ("字节", 1e12, "A-Za-z"),
    "英寸": ("米", 0.0254, ""),
    # Imperial measures in foreign news (the tenth held-out set, session 25: 距拉斯
    # 韦加斯大道以北25英里, 占地49英亩), and square kilometres written 平方千米.
    "英尺": ("米", 0.3048, ""),
    "英里": ("米", 1609.344, ""),
    "英亩": ("平方米", 4046.8564224, ""),
    "平方公里": ("平方米", 1e6, ""),
    "平方千米": ("平方米", 1e6, ""),
    "平方米": ("平方米", 1.0, ""),
    "平米": ("平方米", 1.0, ""),
    "㎡": ("平方米", 1.0, ""),
    "立方米": ("立方米", 1.0, ""),
    "公顷": ("平方米", 1e4, ""),
    # 亩 stays 亩: in 平方米 it would be an unround 666.67 per 亩 (总佔地面積為650畝).
    "亩": ("亩", 1.0, ""),
    "公里": ("米", 1e3, ""),
    "千米": ("米", 1e3, ""),
    # A sea mile: 超过1200海里 is 2,222,400 米 (session 24's seventh held-out set).
    "海里": ("米", 1852.0, ""),
    "km": ("米", 1e3, "A-Za-z"),
    "米": ("米", 1.0, "饭粉面"),
    "厘米": ("米", 1e-2, ""),
    "公分": ("米", 1e-2, ""),
    "毫米": ("米", 1e-3, ""),
    # Chips are made at 7纳米; a hair is some 70微米 thick.
    "微米": ("米", 1e-6, ""),
    "纳米": ("米", 1e-9, ""),
    "公斤": ("克", 1e3, ""),
    "千克": ("克", 1e3, ""),
    "克": ("克", 1.0, "服隆拉"),
    "吨": ("克", 1e6, ""),
    # The market weight of farm news: 亩产可达2000斤, 每斤售价10元 (a 斤 is
    # half a kilogram); not 千斤顶 (a jack).
    "斤": ("克", 500.0, "顶"),
    "kg": ("克", 1e3, "A-Za-z"),
    # Power and energy (装机容量99.13万千瓦, 5GW, 发电量12亿千瓦时), in 瓦 and 瓦时.
    "瓦": ("瓦", 1.0, "片解房斯罐砾"),
    "W": ("瓦", 1.0, "A-Za-z"),
    "千瓦": ("瓦", 1e3, ""),
    "兆瓦": ("瓦", 1e6, ""),
    "吉瓦": ("瓦", 1e9, ""),
    "kW": ("瓦", 1e3, "A-Za-z"),
    "KW": ("瓦", 1e3, "A-Za-z"),
    "MW": ("瓦", 1e6, "A-Za-z"),
    "GW": ("瓦", 1e9, "A-Za-z"),
    "千瓦时": ("瓦时", 1e3, ""),
    "兆瓦时": ("瓦时", 1e6, ""),
    "kWh": ("瓦时", 1e3, "A-Za-z"),
    "MWh": ("瓦时", 1e6, "A-Za-z"),
    "GWh": ("瓦时", 1e9, "A-Za-z"),
    "千伏": ("伏", 1e3, ""),
    "kV": ("伏", 1e3, "A-Za-z"),
    # Money in other currencies keeps its currency: 7000万美元 is no 元.
    **{money: (money, 1.0, "") for money in CURRENCIES},
    # The dollar spoken (10.8亿美金) and the yuan named after the number (600亿人民币).
    "美金": ("美元", 1.0, ""),
    "人民币": ("元", 1.0, ""),
    # Cents of a dollar: 9美分 is 0.09 美元.
    "美分": ("美元", 0.01, ""),
    # 圆 is 元 in capital-numeral amounts (壹佰壹拾壹圆整), not 圆满 or 圆梦.
    "圆": ("元", 1.0, "满梦形桌周心润"),
    # Spoken money: 10块钱 is 10 元, 2毛钱 0.2 元, 1分钱 0.01 元 (块 alone counts
    # pieces, and 分 alone is a score or a minute: only with 钱 is it money).
    "块钱": ("元", 1.0, ""),
    "毛钱": ("元", 0.1, ""),
    "分钱": ("元", 0.01, ""),
}
UNITS: dict[str, tuple[str, float]] = {
    **{word: (word, 1.0) for word in COUNTERS},
    **{word: (base, factor) for word, (base, factor, _) in CONVERTED_UNITS.items()},
}
NOT_FOLLOWED_BY: dict[str, str] = {
    **COUNTERS,
    **{word: chars for word, (_, _, chars) in CONVERTED_UNITS.items()},
}
# The "per" half of a rate: 200—800元/月; after money also written with 每
# (a sharing power bank's 8元每小时 is 8 元/小时, as 5元/小时 is).
PER_UNITS = ("月", "年", "天", "人", "次", "平方米", "小时", "股", "吨")
PER_WORD = "每"
# 一个多小时 is more than an hour; 一个半小时 an hour and a half.
MORE_UNITS = ("个多月", "个多小时")
HALF_UNITS = ("个半月", "个半小时", "年半", "天半")
# 日 counts days only after a numeral no date is written in (两日)
# or with 余/多 (十余日, 20多日); 3日 and 二十日 name a day of the month.
DAYS = "日"
DAYS_COUNTED_WITH = "两"
# Index points: 失守3700点, 5178.19点, 4000点-5000点 (the held-out pages of
# session 21); an hour is 24 at most (上午9点 is masked as a clock time), so
# 点 counts points only after Arabic digits over 24 or with a decimal, never
# after a Chinese numeral (三点 is three o'clock, or three points of a speech).
POINTS = "点"
LAST_HOUR = 24
# A height said the spoken way: 一米四, 1米75 (1.4 米, 1.75 米): tenths after 米.
TENTHS_AFTER = "米"
# A distance after 时速/每小时 is a speed: 设计时速80公里 is 80 公里/小时, never
# 80,000 米; so is 80公里/小时 as printed.
SPEED = "公里/小时"
DISTANCES = ("公里", "千米", "km")
SPEED_BEFORE_RE = re.compile(r"(?:时速|每小时)[^\d,。;!?、]{0,4}$")
SPEED_WINDOW = 8
# Money after 每 and a unit a few characters before it is a price per that
# unit, as 8元每小时 is: 收购价每公斤1.8元 is 1.8 元/公斤 (fifth held-out set),
# 每亩补贴200元 200 元/亩, 每人可领取补贴500元 500 元/人 (six characters between:
# session 24's review). Not after two 每 (每人每月补助500元: per what?),
# nor across a clause or another number (每公斤涨价,全年增收300元).
PRICED_PER = (*PER_UNITS, "公斤", "千克", "斤", "克", "亩", "立方米", "户", "人次", "度", "升")
PRICED_PER_BEFORE_RE = re.compile(
    # (每升 may be "each rise": 职称每升一级加薪300元)
    rf"(?<!每)(?<!每.)(?<!每..)每(?P<per>{'|'.join(sorted(PRICED_PER, key=len, reverse=True))})"
    r"(?<!升(?=[一级职]))"
    r"[^\d,。;!?、每]{0,6}$"
)
PRICED_PER_WINDOW = 12
# The words that make 级 a scale, before the number (风力, 阵风, 震级, 里氏) or
# right after 级 (地震, 余震, 大风, 阵风, 台风): 阵风8级 and 发生4.6级地震 are
# scales, 三级医院, 四级联动 and 一级保护 grades.
SCALE = "级"
SCALE_BEFORE_RE = re.compile(r"(?:风力|阵风|震级|里氏|风)[^\d,。;!?、]{0,3}$")
SCALE_AFTER_RE = re.compile(r"(?:左右)?(?:的)?(?:[强余]?地震|余震|[大阵强]风|台风|风)")
SCALE_WINDOW = 6

MULTIPLIERS = {"万": 1e4, "亿": 1e8}
# 十个亿, 两个亿: the spoken 亿 with a counter is 十亿 (not 两个亿万富翁).
SPOKEN_HUNDRED_MILLION = "个(?=亿(?!万))"
CN_DIGITS = {
    "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
CAPITAL_DIGITS = "壹贰叁肆伍陆柒捌玖"
# Characters that make a numeral with the digits (廿 = 二十, as cn2an reads it).
# 百 and 千 are numeral characters except where they start a unit (千瓦, 千米,
# 百分之, 百分点); 点 is a decimal point only before a digit (三点一四).
NUMERAL_CHARS = "".join(CN_DIGITS) + CAPITAL_DIGITS + "十拾佰仟廿" + "".join(MULTIPLIERS)
# A Chinese digit never goes on from Arabic digits: in 3200、3100、3000三个关口
# the run 3000 ends where a run 三个 (3 个) starts (the continuing characters
# refuse it; a run's first character may be one); the powers go on (3千, 1万600).
DIGIT_CHARS = "".join(CN_DIGITS) + CAPITAL_DIGITS
DIGIT = r"\d"
# Digits go on after 万/亿 (1万600 is 10600) but not after a decimal's: in
# "1.7亿65周岁及以上人口" the run 1.7亿 ends where the age 65周岁 starts.
# A decimal of one to three places before its multiplier, each a pattern of
# fixed width for a lookbehind.
_DECIMAL_MULTIPLIERS = [rf"\.{DIGIT * k}[{''.join(MULTIPLIERS)}]" for k in (1, 2, 3)]
_AFTER_DECIMAL_MULTIPLIER = "".join(f"(?<!{p})" for p in _DECIMAL_MULTIPLIERS)
_DECIMAL_MULTIPLIER_BEFORE = "|".join(f"(?<={p})" for p in _DECIMAL_MULTIPLIERS)
NUMERAL_CHAR = (
    rf"{_AFTER_DECIMAL_MULTIPLIER}\d|(?<!\d)[{DIGIT_CHARS}]|[十拾佰仟廿{''.join(MULTIPLIERS)}]"
    rf"|百(?!分之|分点)|千(?![瓦米克伏]|分之)"
    rf"|点(?=[\d〇零一二两三四五六七八九])|\.(?=\d)"
)
# A run of numeral characters, taken whole (possessive: linear on any input);
# Arabic thousands separators (12,500人) are part of it.
# (Its first digit is any digit: the run after a decimal's 亿 starts a numeral.)
NUMERAL = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})++(?!\d)|\d|[{DIGIT_CHARS}]|{NUMERAL_CHAR})(?:{NUMERAL_CHAR})*+"
)
# Words that end in 一 (唯一, 统一, 逐一, 划一, 单一): their 一 starts no numeral,
# and the numeral after them starts after it: 唯一一所中学 is no 11 所, 统一一万套
# is 10,000 套 (a start inside a run is otherwise refused).
WORDS_ENDING_IN_ONE = "唯统逐划单"
# Not inside a run, nor after its decimal point (巡诊点212个 has no decimal).
# Arabic digits after a letter belong to a code (L54片, A13); a Chinese numeral
# after one does not (带动GDP一百美元).
NUMERAL_START = (
    rf"(?!(?<=[{WORDS_ENDING_IN_ONE}])一)"
    rf"(?:(?<![\d.{NUMERAL_CHARS}百千])|(?<=[{WORDS_ENDING_IN_ONE}]一)"
    rf"|(?<=\d)(?=[{DIGIT_CHARS}])|(?:{_DECIMAL_MULTIPLIER_BEFORE})(?=\d))"
    rf"(?<![\d{NUMERAL_CHARS}百千]点)(?<!\d,)"
    rf"(?:(?<![A-Za-z])(?=\d)|(?=[{NUMERAL_CHARS}百千]))"
)
# Longer numerals are not given to cn2an: no real quantity is printed with
# more than a few dozen characters, and its value would not fit a float.
MAX_NUMERAL = 40

# 一 + counter is the indefinite article (一项荣誉, 一件事, 提前一年), and 二
# before a counter is an ordinal (二次捐献, 二胎): a count of two is written 两.
# 零 alone begins 零件 and 零部件; a capital digit alone is a word (陆续 is no
# six, 队伍 no five). Such a numeral of one character counts only after a word
# that totals (全市共有一人, 仅有一年, 合计拾人; not 仅仅一年前, a time).
LONE_WORDS = set("一二零〇" + CAPITAL_DIGITS + "拾")
TOTAL_BEFORE_RE = re.compile(r"(?:(?<!公)共有?|共计|合计|总计|累计|仅有|只有)$")
# A round 百 or 千 with no digit before it is an idiom (千家万户, 百尺竿头,
# 微信連通千萬家) unless an approximation marker says it is a count: 近千家,
# 逾千户, 上百员工, 百余人, 数十倍.
ROUND_STARTS = ("百", "佰", "千", "仟", "万", "亿")
# Two neighbouring digits are a rough range: 四五千元 → 4000–5000, 七八十人,
# 十五六岁, 一两个, 三五天 (but 一二三 is 123, read digit by digit).
PAIRS = {(a, a + 1) for a in range(1, 9)} | {(3, 5)}

# Approximation markers before the number, longest first, each with the
# characters that may not precede it: 签约103928人 is no "约 103928", 附近 no "近".
APPROX_BEFORE: dict[str, str] = {
    "不少于": "",
    "不低于": "",
    # At most and below, like 不到 and 不足 (the third held-out pages: 不超过1.5亿股,
    # 低于30%); 不超过 is matched before 超过, which would leave its 不 out.
    "不超过": "",
    "未超过": "",
    "低于": "",
    "近乎": "",
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
    # At least and more than, like 不少于 and 超过: 至少3人, 起码2元, 不止几十块,
    # 超过了700人.
    "至少": "",
    "起码": "",
    "不止": "",
    "超过了": "",
    # Almost: 差不多十个亿, 差不多3000人.
    "差不多": "",
}
# 上 before a round number: 上百员工, 上千人 (not 以上, 线上, 马上 …).
APPROX_UP = r"(?<![以线网马向往路会身晚早楼地台桌山街手天心加之北南东西])上(?=[百千万亿])"
# 3万余人, 10多部, 300余万元, 十来个, 十几个
APPROX_WITHIN = r"余|多|(?<=[十百千])[来几]"
# 数十倍, 数万名, 几百人: several tens, thousands …, read as the round number
# (10, 10000), approximate. 人数十分 is no 数十 (the words that end in 数).
VAGUE = r"(?<![人多少半无总次户件个倍指系分参函变基位度天年票字岁数])[数几](?=[十百千万亿])"
# 百分之三十五 is 35 %, 千分之五 5 ‰.
PER_CENT = {"百分之": "%", "千分之": "‰"}
# Any other fraction is a share with no unit: 三分之二 → 0.666…, 四分之一 → 0.25.
FRACTION = "[一二两三四五六七八九十]{1,3}分之"
# Capital-numeral money: 玖仟陆佰陆拾伍圆壹角捌分, 壹拾壹元整.
MONEY_TAIL = (
    rf"(?<=[元圆])(?:[{''.join(CN_DIGITS)}{CAPITAL_DIGITS}\d]角"
    rf"(?:[{''.join(CN_DIGITS)}{CAPITAL_DIGITS}\d]分)?|[整正](?![\u4e00-\u9fff]))"
)
APPROX_AFTER = (
    "以上",
    "以下",
    "及以上",
    "及以下",
    "左右",
    "不到",
    # within, read as 不超过: 5分钟之内, 1小时内, 两个月以内 (the held-out sets' reading
    # since the fifth; taken in session 25), not 内部, 内容, 内心 …
    "以内",
    "之内",
    # (内 after a span of time or way only: 5名内科医生, 3名内蒙古籍游客 are no "within")
    "(?<=[时天月年周日秒钟里])内(?![部容心涵地存外])",
)  # 20%以上, 1分鐘不到, 三次及以上
# 近5年来 / 近三年来: 近 before "N年来" means "the past N years", not "nearly";
# so does 近 before a span of time that opens its clause or follows 在/于:
# "近两年,马云将…", "其股价在近三个交易日有所企稳" — after a verb it is
# "nearly" ("持续了近一个月").
RECENT_MARKER = "近"
RECENT_FOLLOWER = "来"
RECENT_AFTER = ',。;:、(“"在于'
RECENT_SPANS = ("年", "月", "天", "周", "小时")
TRADING_DAYS = "交易日"
RANGE_SEPARATORS = "-—–~至到"
# A range's dash may have a space on either side: 1.35- 2.7%.
RANGE_SEPARATOR = f"[ \u3000]?[{RANGE_SEPARATORS}][ \u3000]?"

# The numeral of a relative time (十五年前, 两百年后).
RELATIVE_NUMERAL = "〇零一二两三四五六七八九十百千"
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
    # Clock times: 11月19日9時30分, 上午8時, and the 4点半课堂 named after one;
    # a web page's 15:14:21 or 今天 11:35 (not 11:35天, a count of days).
    r"(?:[01]?\d|2[0-4])[时点](?:\d{1,2}分|半)?",
    r"(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?",
    # A time ago says when, like a date: a news list's 15小时前, 20年前腾飞 (not
    # 前往, 前来: 步行30分钟前往 is a duration). A time later measures what
    # elapsed (13分钟后, the reply came) and stays a figure.
    rf"(?<![\d{RELATIVE_NUMERAL}])[\d{RELATIVE_NUMERAL}]++(?:多|余)?"
    r"(?:秒钟?|分钟|个?小时|天|周|星期|个月|年|个世纪)(?:多|余)?前(?![往来进行列夕])",
    # 前三季度 names a period, like a date; so does 今年前4个月 (the year's first
    # four months; not 目前6个月免签 nor 提前6个月, spans of time).
    r"前?[一二三四\d]季度",
    r"(?<=年)前[\d一二三四五六七八九十]{1,2}个月",
    # Ordinals: 第三次, 第80位, 第一, 第二年.
    r"第[\d〇零一二两三四五六七八九十百千]+",
    # Rankings: 全面小康指數前100名, 位列54位, 排名第97名; 前三届 names which
    # sessions or classes (宏志班的前三届学生), like 前三季度.
    r"前[\d一二三四五六七八九十百]+(?=名|位|强|届)",
    r"(?:位列|排名|名列|排在)第?[\d一二三四五六七八九十百]+",
    # Session numbers: 十六届人大三次会议.
    # (From a run's first character only, and possessively: linear.)
    r"(?<![\d一二三四五六七八九十])[\d一二三四五六七八九十]++次(?=会议|全会|党代会|代表大会)",
    # and the session's own number before it: 全国政协十四届一次会议, 十九届四中全会
    # (gov.cn, session 23's sixth held-out set)
    r"(?<![\d一二三四五六七八九十])[\d一二三四五六七八九十]++届(?=[\d一二三四五六七八九十]+中?(?:次|全会))",
    # Idioms with a numeral and a counter: 她四处求医 (everywhere), 判若两人
    # (a changed man), 两头在外 (both ends abroad: raw materials and markets),
    # 十年一剑 (a decade to forge a sword),
    # (a changed man), 这两天 (these days); 三次产业 names the three sectors
    # of an economy (三次产业结构), not three times.
    r"四处|判若两人|(?<=这)两天|三次产业|两头在外|十年一剑",
    # Years in Chinese digits: 二〇一九年.
    r"[〇零一二三四五六七八九]{4}年",
    # Idioms of many: 成百上千, 成千上万, 千千万万.
    r"成[百千]上[千万]|千千万万",
    # Names of school stages, not quantities: 九年义务教育, 十二年一贯制,
    # 五年制高职, 学前三年 (毛入园率).
    r"[一二两三四五六七八九十\d]{1,3}年(?:制|一贯制|义务教育)",
    r"学前[一二两三]年",
    # Book and document titles: 《舊城提質三年行動計劃(2017—2019)》. A title
    # holds no 《, so a line of 100,000 《 is not scanned to its end from
    # each one (quadratic); of nested titles the inner one is masked.
    r"《[^《》\n]*》",
    # Addresses: 杏花园1栋105室, 小區B棟2單元. Taken from the start of a run of
    # letters and digits only, and possessively: a line of a million letters
    # is scanned once, not once from every letter.
    r"(?<![A-Za-z\d])[A-Za-z\d]++栋\d++(?:单元|室|号)",
)
# Every pattern above starts with one of these characters; the mask checks
# this first, which is what keeps the scan fast. Keep them in step.
NOT_FIGURES_FIRST_CHARS = r"\dA-Za-z〇零一二两三四五六七八九十百千正腊前第成学《位排名判"
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
    """A number with its multiplier and 余/多: 3万余, 300余万, 两百余, 56.03万,
    负十, 百分之三十五, 数十."""
    per_cent = "|".join(PER_CENT) + f"|(?<![\\d{NUMERAL_CHARS}]){FRACTION}"
    # A minus sign stands after a word (共有-10.1万), never after a number or
    # a unit, where a dash is a range (8%-10%, matched whole before it); 零下
    # is below zero (零下5.2℃, 零下4到零下1℃).
    return (
        f"(?P<{tag}_sign>负|零下|(?<![\\dA-Za-z.%)])-)?(?P<{tag}_pct>{per_cent})?(?P<{tag}_vague>{VAGUE})?"
        f"{NUMERAL_START}(?P<{tag}>{NUMERAL})(?P<{tag}_a1>{APPROX_WITHIN})?"
        f"(?P<{tag}_mult>(?:{SPOKEN_HUNDRED_MILLION})?[{''.join(MULTIPLIERS)}]++)?"
        f"(?P<{tag}_a2>{APPROX_WITHIN})?"
    )


def _figure_pattern(*, ranges: bool = True) -> re.Pattern[str]:
    """The pattern of one figure; without *ranges*, of a single number only."""
    units = _alternation(NOT_FOLLOWED_BY)
    # Without ranges the high end's groups stay, behind an empty lookahead that
    # never matches, so that both patterns' matches are read alike.
    never = "" if ranges else "(?!)"
    high_end = f"(?:{never}(?P<lo_unit>{units})?{RANGE_SEPARATOR}{_quantity('hi')})?"
    per = "|".join(PER_UNITS)
    first_chars = (
        "".join(sorted({w[0] for w in APPROX_BEFORE})) + r"上负\-\d数几" + NUMERAL_CHARS + "百千"
    )
    return re.compile(
        # Most characters can start no figure; checking that first is what
        # keeps the scan fast.
        f"(?=[{first_chars}])"
        f"(?P<pre>{_alternation(APPROX_BEFORE, before=True)}|{APPROX_UP})?"
        f"{_quantity('lo')}"
        f"{high_end}"
        # A unit, or else (checked after the match) a multiplier with no unit
        # printed (投入450万) or 百分之.
        f"(?P<unit>(?:{units})(?:/(?:{per})|(?<=[元圆钱]){PER_WORD}(?:{per}))?)?"
        f"(?P<tenths>(?<={TENTHS_AFTER})(?:\\d{{1,2}}|[一二三四五六七八九])"
        f"(?![\\d.{NUMERAL_CHARS}百千]|{units}))?"
        f"(?P<money>{MONEY_TAIL})?"
        f"(?P<suf>{'|'.join(APPROX_AFTER)})?"
    )


FIGURE_RE = _figure_pattern()
SINGLE_FIGURE_RE = _figure_pattern(ranges=False)
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
    position = 0
    while match := FIGURE_RE.search(masked, position):
        if _ends_apart(match):
            match = SINGLE_FIGURE_RE.match(masked, match.start())
            assert match is not None  # the range's low end matches alone
        position = match.end()
        if _is_count(match, folded):
            figures.append(_figure(match, text, folded, sentence_ends))
    return figures


def _ends_apart(match: re.Match[str]) -> bool:
    """Whether a range's two ends print units of two kinds, so that they are
    two figures: 净利润下降12.5个百分点至3.4亿元 fell by points *to* an amount
    (a range's ends share their unit: 3元到5元, 8%-10%, 2毛钱到10块钱)."""
    low_unit, unit = match.group("lo_unit"), match.group("unit")
    if not (low_unit and unit and match.group("hi")):
        return False
    return _base_unit(low_unit)[0] != _base_unit(unit)[0].partition("/")[0]


def _is_count(match: re.Match[str], folded: str) -> bool:
    numeral = match.group("lo")
    # A unit, 百分之 or another fraction, or a multiplier with no unit printed (投入450万).
    has_unit = match.group("unit") or match.group("lo_pct")
    if not has_unit and _printed_multiplier(match, "hi" if match.group("hi") else "lo") is None:
        return False
    # A compound amount that starts with 一 is no indefinite article: 一个半小时
    # (1.5), 一米四 (1.4). (With a marker it still is: 不足一年, 一个多月.)
    measured = match.group("tenths") or (match.group("unit") or "").startswith(HALF_UNITS)
    lone = not (match.group("hi") or match.group("lo_sign") or match.group("lo_pct") or measured)
    if lone and numeral in LONE_WORDS:
        start = match.start()
        if not TOTAL_BEFORE_RE.search(folded, max(0, start - 3), start):
            return False
    unit = match.group("unit")
    if unit in FROM_OR_COUNT and (
        _printed_multiplier(match, "lo") is not None
        or (numeral.isascii() and _says_from(folded, match.start()))
    ):
        return False
    if unit == DAYS and not (
        numeral == DAYS_COUNTED_WITH
        or match.group("lo_vague")
        or match.group("lo_a1")
        or match.group("lo_a2")
    ):
        return False
    if POINTS in (unit, match.group("lo_unit")) and not _points(numeral):
        return False
    if unit == SCALE and not _is_scale(match, folded):
        return False
    rough = match.group("pre") or match.group("lo_vague") or match.group("lo_a1")
    if not rough and numeral.startswith(ROUND_STARTS):
        return False
    return not _names_a_thing(match, folded)


def _says_from(folded: str, start: int) -> bool:
    """Whether the N起 at *start* says "from": 月租800起, 自2021起 (not 发生事故10起)."""
    before = folded[max(0, start - PRICE_WINDOW) : start]
    return any(ch in PRICE_WORDS for ch in before) or before[-1:] in tuple(FROM_WORDS)


def _is_scale(match: re.Match[str], folded: str) -> bool:
    """Whether the N级 of *match* is a wind or earthquake scale (SCALE_BEFORE_RE,
    SCALE_AFTER_RE), not a grade."""
    start = match.start()
    before = folded[max(0, start - SCALE_WINDOW) : start]
    return bool(SCALE_BEFORE_RE.search(before) or SCALE_AFTER_RE.match(folded, match.end()))


def _points(numeral: str) -> bool:
    """Whether *numeral* before 点 counts index points: Arabic digits (with
    万/亿) over an hour, or with a decimal (3700点, 5178.19点; not 9点)."""
    digits = numeral.replace(",", "").rstrip("".join(MULTIPLIERS))
    if not digits.isascii() or not digits:
        return False
    return "." in digits or digits != numeral or float(digits) > LAST_HOUR


# Quotation marks around a name: “三个高地”, “两个年”活动, “15分钟生活圈”.
OPEN_QUOTES = "“‘「『\"'"
# A name may hold digits: “三类500强”企业 (a class of the 500 largest firms).
QUOTED_NAME_RE = re.compile(r"[\u4e00-\u9fff\d]{1,6}[”’」』\"']")


def _names_a_thing(match: re.Match[str], folded: str) -> bool:
    """Whether the figure opens a short quoted name, which is no quantity:
    打造“三个高地”, 开展“两个年”活动. A quotation that is the figure alone
    (压缩至“1天”) or a longer saying (“365天,天天学雷锋”) keeps its figure."""
    start = match.start()
    return (
        start > 0
        and folded[start - 1] in OPEN_QUOTES
        and QUOTED_NAME_RE.match(folded, match.end()) is not None
    )


def _figure(match: re.Match[str], text: str, folded: str, sentence_ends: list[int]) -> Figure:
    start, end = match.start(), match.end()
    pre = match.group("pre")
    unit_printed = match.group("unit") or ""
    base, factor = _base_unit(unit_printed)
    if pre == RECENT_MARKER and _the_last(folded, start, end, base):
        start, pre = match.start("lo_sign") if match.group("lo_sign") else match.start("lo"), None
    if unit_printed.partition("/")[0] in DISTANCES:
        before = folded[max(0, start - SPEED_WINDOW) : start]
        if unit_printed.endswith("/小时") or SPEED_BEFORE_RE.search(before):
            base, factor = SPEED, 1.0
    elif base in MONEY and "/" not in base:
        before = folded[max(0, start - PRICED_PER_WINDOW) : start]
        if per := PRICED_PER_BEFORE_RE.search(before):
            base = f"{base}/{per.group('per')}"
    value, value_high = _amount(match, "lo")
    unit_word = unit_printed.partition("/")[0]
    if unit_word in HALF_UNITS:
        value = None if value is None else value + 0.5
    if tenths := match.group("tenths"):
        value = _with_tenths(value, tenths)
    if pct := match.group("lo_pct"):
        base = PER_CENT.get(pct, "")
        if pct not in PER_CENT:  # 三分之二: the numerator over the denominator
            value = _fraction(value, _read(pct.removesuffix("分之"))[0])
    rough_range = value_high is not None  # 四五千元
    if match.group("hi") is not None:
        value_high, _ = _amount(match, "hi")
        # A multiplier printed once covers both ends of a range: 3-5万元.
        lo_mult, hi_mult = _printed_multiplier(match, "lo"), _printed_multiplier(match, "hi")
        if lo_mult is None and hi_mult is not None:
            value = _scaled(value, hi_mult)
        if hi_mult is None and lo_mult is not None:
            value_high = _scaled(value_high, lo_mult)
    value, value_high = (
        _scaled(value, _low_factor(match, base, factor)),
        _scaled(value_high, factor),
    )
    if money := match.group("money"):
        value = _money(match.group("lo"), money, value)
    part = "hi" if match.group("hi") is not None else "lo"
    number = match.group(part)
    number_end = match.start(part) + len(number.rstrip("".join(MULTIPLIERS)))
    # unit_raw is the unit alone: 米 of 一米四, 元 of 3元左右.
    unit_end = next((match.start(g) for g in ("tenths", "suf") if match.group(g)), end)
    approx = bool(pre or match.group("suf") or match.group("lo_vague")) or any(
        match.group(g) for g in ("lo_a1", "lo_a2", "hi_a1", "hi_a2")
    )
    approx = approx or rough_range or unit_word in MORE_UNITS
    return Figure(
        raw=text[start:end],
        value=value,
        unit=base,
        unit_raw=pct or text[number_end:unit_end],
        approx=approx,
        sentence=_sentence(text, sentence_ends, start),
        start=start,
        end=end,
        value_high=value_high,
        measure=_measure(text, folded, start, end, base, unit_printed),
    )


def _the_last(folded: str, start: int, end: int, base: str) -> bool:
    """Whether the 近 that opens the figure at *start* says "the last" (近5年来,
    近两年 opening its clause, 在近三个交易日), not "nearly"."""
    if folded.startswith(RECENT_FOLLOWER, end):
        return True
    span = base in RECENT_SPANS or folded.startswith(TRADING_DAYS, end)
    return span and (start == 0 or folded[start - 1] in RECENT_AFTER)


def _low_factor(match: re.Match[str], base: str, factor: float) -> float:
    """The factor of a range's low end: its own unit's where it prints one in
    the same base unit (2毛钱到10块钱 is 0.2 to 10 元), else the range's."""
    if low_unit := match.group("lo_unit"):
        low_base, own = _base_unit(low_unit)
        if low_base == base.partition("/")[0]:
            return own
    return factor


def _with_tenths(value: float | None, tenths: str) -> float | None:
    """一米四 → 1.4, 1米75 → 1.75: the digits after 米 are its decimals."""
    digits = tenths if tenths.isascii() else str(CN_DIGITS[tenths])
    return None if value is None else value + int(digits) / 10 ** len(digits)


def _printed_multiplier(match: re.Match[str], part: str) -> float | None:
    """The 万/亿 printed with one numeral of the match (3万, 300余万), or None."""
    numeral = match.group(part)
    tail = numeral[len(numeral.rstrip("".join(MULTIPLIERS))) :] + (
        match.group(f"{part}_mult") or ""
    )
    return _multiplier(tail) if tail else None


def _amount(match: re.Match[str], part: str) -> tuple[float | None, float | None]:
    """(value, high end) of one numeral of the match, signed; the high end is
    given only by a rough range (四五千 → 4000, 5000)."""
    low, high = _read(match.group(part))
    explicit = _multiplier(match.group(f"{part}_mult"))  # 300余万
    low, high = _scaled(low, explicit), _scaled(high, explicit)
    if match.group(f"{part}_sign"):
        low, high = _negated(low), _negated(high)
    return low, high


def _fraction(numerator: float | None, denominator: float | None) -> float | None:
    if numerator is None or not denominator:
        return None
    return numerator / denominator


def _negated(value: float | None) -> float | None:
    return None if value is None else -value


def _scaled(value: float | None, factor: float) -> float | None:
    """*value* × *factor*, or None when that is no finite number (40 × 亿).

    Rounded to 15 significant digits, all a double holds exactly: 7纳米 is
    7 × 1e-9, which binary floating point makes 7.000000000000001e-09, and a
    reader filtering on value = 7e-09 would miss it."""
    if value is None:
        return None
    result = value * factor
    return float(f"{result:.15g}") if math.isfinite(result) else None


def _money(numeral: str, tail: str, value: float | None) -> float | None:
    """玖仟陆佰陆拾伍圆壹角捌分 → 9665.18; 壹拾壹元整 → 11."""
    if tail in ("整", "正"):
        return value
    return _cn2an(numeral + "元" + tail)


@lru_cache(maxsize=4096)
def _read(numeral: str) -> tuple[float | None, float | None]:
    """(value, high end) of a numeral as printed (folded): 两千六 → (2600, None),
    四五千 → (4000, 5000); (None, None) when it cannot be read."""
    numeral = numeral.replace(",", "")
    if len(numeral) > MAX_NUMERAL:
        return None, None
    if numeral.startswith(("百", "佰", "千", "仟", "万", "亿")):
        numeral = "一" + numeral  # 百余人, 上千人, 近万人, 数十万
    for i in range(len(numeral) - 1):
        pair = (CN_DIGITS.get(numeral[i]), CN_DIGITS.get(numeral[i + 1]))
        if pair in PAIRS and not _digit_at(numeral, i - 1) and not _digit_at(numeral, i + 2):
            return _cn2an(numeral[: i + 1] + numeral[i + 2 :]), _cn2an(
                numeral[:i] + numeral[i + 1 :]
            )
    return _cn2an(numeral), None


def _digit_at(numeral: str, i: int) -> bool:
    return 0 <= i < len(numeral) and (numeral[i] in CN_DIGITS or numeral[i] in CAPITAL_DIGITS)


def _cn2an(numeral: str) -> float | None:
    digits = numeral.rstrip("".join(MULTIPLIERS))
    if numeral.isascii():
        value = float(numeral)  # the common case, without cn2an's checks
    elif digits.isascii() and digits:
        # 17.37万亿, which cn2an refuses (a decimal before two multipliers),
        # is 17.37 × 万 × 亿; so is 1.5万亿.
        value = float(digits) * _multiplier(numeral[len(digits) :])
    else:
        try:
            value = float(cn2an(numeral, "smart"))
        except (ValueError, KeyError, IndexError, OverflowError):
            return None  # 十一十二, 亿亿: not a numeral cn2an reads
    return value if math.isfinite(value) else None


def _base_unit(printed: str) -> tuple[str, float]:
    """(base unit, factor) of a unit as matched (folded, without 万/亿):
    公里 → (米, 1000); 名 → (人, 1); 元/月 → (元/月, 1); no unit → ("", 1)."""
    if not printed:
        return "", 1.0
    word, slash, per = printed.replace(PER_WORD, "/").partition("/")
    base, factor = UNITS[word]
    return base + slash + per, factor


def _multiplier(printed: str | None) -> float:
    factor = 1.0
    for ch in printed or "":
        factor *= MULTIPLIERS.get(ch, 1.0)  # the 个 of 十个亿 multiplies nothing
    return factor


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
