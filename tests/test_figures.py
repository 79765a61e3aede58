"""Figures (quantities) in article text: what is read, how it is normalized,
what is not a figure, and a quality gate against a hand annotation of the
seeds (tests/annotations/figures.yaml)."""

from __future__ import annotations

import math
import sqlite3
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import opencc
import pytest
import yaml
from datasette.app import Datasette

from bench.gne_figures import load_annotation as load_figures_annotation
from bench.gne_figures import main as gne_figures_main
from ingest.extract.figures import find_figures
from ingest.model import Article, Figure
from ingest.parse.document import parse_document
from ingest.pipeline import ingest_paths
from ingest.store.write import open_archive
from ingest.text.fold import fold

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
ANNOTATION = Path(__file__).resolve().parent / "annotations" / "figures.yaml"
FIRST_HELD_OUT = ROOT / "bench" / "annotations" / "gne_figures_heldout.yaml"
SECOND_HELD_OUT = ROOT / "bench" / "annotations" / "gne_figures_heldout2.yaml"

# Floors pinned at what the extractor reaches on the seeds, rounded down to
# 0.01 (measured: precision 1.00, recall 1.00, F1 1.00; 236 figures in 18
# articles). The annotation was written by hand before the extractor ran, but
# the extractor was then tuned on these same seeds (one false positive,
# 她四处求医, was fixed after the first run), so this is a development-set
# score. Lower a floor only with a reason written here.
PRECISION_FLOOR = 1.00
RECALL_FLOOR = 1.00
F1_FLOOR = 1.00
# approx agreement on matched figures (measured 234/236): the annotation marks
# what the reader is told, and two markers sit away from their number:
# 超过44万元和26万元 (26万元), 不少于本辖区…总家庭户数的10%.
APPROX_FLOOR = 0.99


def only(text: str) -> Figure:
    (figure,) = find_figures(text)
    return figure


def raws(text: str) -> list[str]:
    return [f.raw for f in find_figures(text)]


# --- numbers and units ----------------------------------------------------


def test_yi_multiplier_gives_base_unit_value() -> None:
    figure = only("该区财政累计投入民生支出80亿元,占地方财政支出")
    assert (figure.raw, figure.value, figure.unit, figure.unit_raw) == (
        "80亿元",
        8_000_000_000.0,
        "元",
        "亿元",
    )


def test_wan_multiplier_gives_base_unit_value_in_traditional_text() -> None:
    figure = only("擁有註冊志願者56.03萬人,")
    assert (figure.value, figure.unit, figure.unit_raw) == (560_300.0, "人", "萬人")


def test_multiplier_without_a_unit_keeps_the_value_and_no_unit() -> None:
    # The money is yuan, but 元 is not printed.
    found = find_figures("分别投入450万、500万和550万对92个老旧小区进行改造")
    assert [(f.raw, f.value, f.unit) for f in found] == [
        ("450万", 4_500_000.0, ""),
        ("500万", 5_000_000.0, ""),
        ("550万", 5_500_000.0, ""),
        ("92个", 92.0, "个"),
    ]


@pytest.mark.parametrize(
    ("text", "raw", "value", "unit"),
    [
        ("其中园丁小区有两台。", "两台", 2.0, "台"),
        ("小区闲置了十余年的沿街门面", "十余年", 10.0, "年"),
        ("小企业有两百余家,安全生产形势十分严峻。", "两百余家", 200.0, "家"),
        ("這三個平臺三位一體", "三個", 3.0, "个"),
        ("九成以上事項辦理「最多跑一次」", "九成以上", 90.0, "%"),
        ("此次培训为期两天,", "两天", 2.0, "天"),
    ],
)
def test_chinese_numerals_are_read(text: str, raw: str, value: float, unit: str) -> None:
    figure = only(text)
    assert (figure.raw, figure.value, figure.unit) == (raw, value, unit)


def test_decimals_and_percentages_keep_their_value() -> None:
    found = find_figures("本科及以上学历占86.30%。签约率为31.2%,签约率63.12%。")
    assert [(f.raw, f.value, f.unit) for f in found] == [
        ("86.30%", 86.3, "%"),
        ("31.2%", 31.2, "%"),
        ("63.12%", 63.12, "%"),
    ]


@pytest.mark.parametrize(
    ("text", "raw", "value", "unit"),
    [
        ("由株洲高新区(天元区)2758名机关干部", "2758名", 2758.0, "人"),
        ("15位民主评议人员", "15位", 15.0, "人"),
        ("白石港河干流在学林街道长约15公里,", "约15公里", 15_000.0, "米"),
        ("比第一个宝宝足足重了1千克。", "1千克", 1_000.0, "克"),
        ("2公分以下的胆囊结石", "2公分以下", 0.02, "米"),
        ("将单星生产周期从6至12个月缩短", "6至12个月", 6.0, "月"),
        ("住着2600余人,", "2600余人", 2600.0, "人"),
        ("全市四區受理申請批准加裝120臺,", "120臺", 120.0, "台"),
        ("總佔地面積為650畝,", "650畝", 650.0, "亩"),
        # Compound units keep their unit (issue 14): 千 starts the unit, not the number.
        ("新能源装机达到62.5万千瓦,", "62.5万千瓦", 625_000_000.0, "瓦"),
        ("全年发电量12亿千瓦时。", "12亿千瓦时", 1.2e12, "瓦时"),
        ("储能电站规模3GW,", "3GW", 3e9, "瓦"),
        ("出口额1800万美元,", "1800万美元", 1.8e7, "美元"),
        ("新建厂房4.6万平方米,", "4.6万平方米", 46_000.0, "平方米"),
        ("年处理垃圾30万吨,", "30万吨", 3e11, "克"),
        ("新建220千伏变电站,", "220千伏", 220_000.0, "伏"),
    ],
)
def test_units_are_given_in_their_base_form(text: str, raw: str, value: float, unit: str) -> None:
    figure = only(text)
    assert (figure.raw, figure.unit) == (raw, unit)
    assert math.isclose(figure.value, value)


def test_number_glued_to_a_word_for_people_counts_people() -> None:
    figure = only("该项目建成后,将辐射周边10万居民,")
    assert (figure.raw, figure.value, figure.unit, figure.measure) == (
        "10万居民",
        100_000.0,
        "人",
        None,
    )


def test_range_keeps_both_ends() -> None:
    text = (
        "给交流教师增发200—800元/月的交流补贴。生产效率比改造前提高8%-10%,"
        "将单星生产周期从6至12个月缩短至2至4个月。一般贴压后2天至3天即开始排石。"
    )
    assert [(f.raw, f.value, f.value_high, f.unit) for f in find_figures(text)] == [
        ("200—800元/月", 200.0, 800.0, "元/月"),
        ("8%-10%", 8.0, 10.0, "%"),
        ("6至12个月", 6.0, 12.0, "月"),
        ("2至4个月", 2.0, 4.0, "月"),
        ("2天至3天", 2.0, 3.0, "天"),
    ]


def test_single_figures_have_no_high_end() -> None:
    assert only("幼儿园96所,").value_high is None


# --- approximations -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "raw"),
    [
        ("3万余人,这是在天元区注册志愿者的数量。", "3万余人"),
        ("已加装了10多部电梯。", "10多部"),
        ("常住人口籤約數近128萬人,", "近128萬人"),
        ("入群人數超過172萬,", "超過172萬"),
        ("逾千户棚户区居民出棚上楼", "逾千户"),
        ("近千家企业代表共谋产业上下游协同", "近千家"),
        ("胎儿体重约为3400克,", "约为3400克"),
        ("共获得超1700万元的政策兑现", "超1700万元"),
        ("年均增幅都在20%以上,", "20%以上"),
        ("排出2颗10毫米左右的石头", "10毫米左右"),
        ("1分鐘不到,社區主任就「冒泡」回應了。", "1分鐘不到"),
        ("人均用地不少於0.25平方米的標準", "不少於0.25平方米"),
    ],
)
def test_approximation_markers_make_a_figure_approximate(text: str, raw: str) -> None:
    figure = [f for f in find_figures(text) if f.raw == raw]
    assert len(figure) == 1 and figure[0].approx


def test_exact_figures_are_not_approximate() -> None:
    assert not only("在校学生45819人。").approx


def test_near_before_years_since_means_recent_not_nearly() -> None:
    # 近5年来 is "in the past five years", not "in nearly five years".
    for text, raw in (("近5年来,该区财政", "5年"), ("近三年来,芦淞区着力", "三年")):
        figure = only(text)
        assert (figure.raw, figure.approx) == (raw, False)


def test_yue_inside_qianyue_is_not_an_approximation() -> None:
    figure = only("已完成常住人口家庭医生签约103928人,")
    assert (figure.raw, figure.approx) == ("103928人", False)


# --- what is not a figure -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "2019年9月20日 星期五 电话:22527655",
        "9月10日上午,天元区园丁小区举行了加装电梯开工仪式",
        "11月19日9時30分,株洲市牛形山長者照護之家活動室裡音樂準時響起",
        "11月21日18時,天色已經黑透。",
        "《老齡事業發展和養老體系建設規劃(2018—2020年)》",
        "2017年,該市開始實施(2017—2019),今年9月,市住建局",
        "稳居2023年先进制造业百强园区,入围2023年度全国科技创新百强区",
        "二月,项目招引“揭榜挂帅”率先开跑。五月,株洲高新区完成体制机制改革",
        "9月8日至9日,我省举行首届正常分娩接产技能大赛",
        "2022年10月,该院通过市、省、中国红十字会总会三级联动",
        "不少于本辖区2022年底总家庭户数的",
        "从今年5月份开始,去年6月30日,9月初,",
        "2020-12-12 華聲在線",
    ],
)
def test_dates_are_not_figures(text: str) -> None:
    assert find_figures(text) == []


def test_a_period_named_like_a_date_is_not_a_figure() -> None:
    # 前三季度 names the period the growth is for; 1-11月 likewise.
    assert raws("前三季度,天元区地区生产总值增长7%,1-11月固定资产投资增长10.2%,") == [
        "7%",
        "10.2%",
    ]


def test_phone_numbers_are_not_figures() -> None:
    assert find_figures("电话:22527655") == []


@pytest.mark.parametrize(
    "text",
    [
        "這是株洲市自2015年榮獲、2017年蟬聯全國文明城市以來,第三次摘得桂冠。",
        "株洲市名列第80位。",
        "学校规模、学生人数均为株洲市城区第一。",
        "连续第二年选派",
        "随着市十六届人大三次会议的胜利闭幕",
        "尤其是党的十八大以来,党的二十大报告指出",
        "荣获高端装备制造产业小微组二等奖,新一代信息技术产业小微组三等奖",
        "实现同一捐献者二次捐献",
        "群众在家门口享受三级医院优质资源",
        "建立市、區(縣、市)、街道(鄉鎮)、社區(村)4級醫療服務體系",
        "位列全面小康推进工作前十强县之首",
        # From seed 001's related links, which the extractor was not tuned on.
        "株洲上榜2019中國地級市全面小康指數前100名,位列54位。",
        "株洲市首次登上外貿百強榜單,排名第97名。",
    ],
)
def test_ordinals_and_rankings_are_not_figures(text: str) -> None:
    assert find_figures(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "在嵩山路街道尚格社区雷锋广场“365雷锋驿站”",
        "“3140智慧人社”在全省推广",
        "12349為老服務熱線",
        "聯合轄區內機關企事業單位等力量的「1+4+N」小區黨建模式",
        "小湖塘社区开办的“4点半课堂”",
        "大岭社区探索的“520”服务平台",
        "首届“厂BA”篮球锦标赛火热开赛",
        "此次培训班精心设计了“六个一”课程",
        "這三位一體",
        "該市開始實施《舊城提質三年行動計劃(2017—2019)》",
        "全面推進「民生100工程」",
        "新注册“三类500强”企业",
    ],
)
def test_numbers_inside_names_are_not_figures(text: str) -> None:
    assert find_figures(text) == []


def test_a_slogan_can_still_hold_a_figure() -> None:
    # The name 365雷锋驿站 is no figure, but the slogan's 365天 is one.
    assert raws("“365天,天天学雷锋,将公益变成一种常态。”") == ["365天"]


@pytest.mark.parametrize(
    "text",
    [
        "1 抓项目强产业 高质量发展加速跑",
        "一是孕妇及家属有阴道分娩意愿;二是医疗机构有抢救条件;三是子宫无其他手术疤痕",
    ],
)
def test_list_labels_are_not_figures(text: str) -> None:
    assert find_figures(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "提前一年完成“改薄消危”计划",
        "不足一年,芦淞就用这样一张闪光的成绩单",
        "全方位打通文明实践到达群众的“最后一公里”",
    ],
)
def test_the_indefinite_yi_is_not_a_count(text: str) -> None:
    assert find_figures(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "让中医药文化走进千家万户",
        "孩子們三五成群的忙起來",
        "往昔已展千重锦,明朝更进百尺竿。",
        "微信連通千萬家",
        "这些年,她四处求医,可效果不佳。",
        "高壓168、低壓90,高啦!",
    ],
)
def test_idioms_vague_amounts_and_bare_numbers_are_not_figures(text: str) -> None:
    assert find_figures(text) == []


@pytest.mark.parametrize("text", ["杏花园1栋105室张国家首先完成施工", "住在小區B棟2單元的雷順"])
def test_addresses_are_not_figures(text: str) -> None:
    assert find_figures(text) == []


# --- what is counted, and where -------------------------------------------


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("近5年来,该区财政累计投入民生支出80亿元,", "民生支出"),
        ("已完成常住人口家庭医生签约103928人,签约率为31.2%,", "签约率"),
        ("前三季度,天元区地区生产总值增长7%,", "天元区地区生产总值"),
        ("占地方财政支出的69%,", "地方财政支出"),
        ("在校学生45819人。", "在校学生"),
        ("其中公办39所,", "公办"),
        ("入群人數超過172萬,", "入群人數"),
    ],
)
def test_measure_is_the_words_that_name_the_figure(text: str, measure: str) -> None:
    assert find_figures(text)[-1].measure == measure


@pytest.mark.parametrize(
    "text",
    ["共将加装6台。", "在11个小区安装了22台电梯", "看到受益的两栋业主", "先後有45人榮登"],
)
def test_measure_is_none_when_it_cannot_be_told(text: str) -> None:
    assert all(f.measure is None for f in find_figures(text))


def test_raw_sentence_and_offsets_are_as_printed() -> None:
    text = "今年初以來,株洲市各級幹部收集群眾訴求3.4萬餘件,已解決3.3萬餘件,解決率99.2%。下一句。"
    figures = find_figures(text)
    assert [f.raw for f in figures] == ["3.4萬餘件", "3.3萬餘件", "99.2%"]
    for f in figures:
        assert text[f.start : f.end] == f.raw
        assert f.sentence == text[: text.index("。") + 1]
    assert figures[0].unit_raw == "萬餘件"


def test_sentence_ends_after_closing_quote() -> None:
    text = "「現在沒有聲音了,非常感謝。」13分鐘後,居民再次在群裡發言。"
    assert only(text).sentence == "13分鐘後,居民再次在群裡發言。"


# --- scripts and widths ---------------------------------------------------


def test_traditional_text_gives_same_figures() -> None:
    for prefix in ("000", "002", "003", "004"):
        simplified = seed_text(prefix)
        traditional = opencc.OpenCC("s2t").convert(simplified)
        assert traditional != simplified and len(traditional) == len(simplified)
        assert comparable(find_figures(traditional)) == comparable(find_figures(simplified))


def test_fullwidth_punctuation_gives_same_figures() -> None:
    wide = str.maketrans("0123456789.%,:;()-~", "０１２３４５６７８９．％，：；（）－～")
    for prefix in ("000", "002", "003", "004"):
        text = seed_text(prefix)
        assert comparable(find_figures(text.translate(wide))) == comparable(find_figures(text))


def test_seed_001_gives_the_same_figures_as_its_folded_text() -> None:
    text = seed_text("001")
    found = find_figures(text)
    assert len(found) > 50
    assert comparable(found) == comparable(find_figures(fold(text)))


def comparable(found: list[Figure]) -> list[tuple]:
    """A figure with its printed parts folded, to compare across scripts."""
    return [
        (fold(f.raw), f.value, f.value_high, f.unit, f.approx, fold(f.measure or ""), f.start)
        for f in found
    ]


# --- quality gate ---------------------------------------------------------

ArticleKey = tuple[str, str]  # (seed file name, folded title)
FigureKey = tuple[ArticleKey, str, str]  # (article, raw as printed, unit)


@dataclass
class Score:
    precision: float
    recall: float
    f1: float
    missed: list[tuple[FigureKey, float]]
    spurious: list[tuple[FigureKey, float]]
    matched: list[tuple[dict, Figure]]


def score_figures(
    annotation: dict[ArticleKey, list[dict]], extracted: dict[ArticleKey, list[Figure]]
) -> Score:
    """Precision, recall and F1 of *extracted* against *annotation*. A found
    figure matches a gold one of the same article with the same raw (as
    printed) and unit and a value within 1e-6 relative; each gold figure is
    matched at most once, so a figure printed twice must be found twice."""
    unmatched = {a: list(figures) for a, figures in extracted.items()}
    matched, missed = [], []
    for article, gold in annotation.items():
        candidates = unmatched.setdefault(article, [])
        for g in gold:
            hit = next((f for f in candidates if _same_figure(g, f)), None)
            if hit is None:
                missed.append(((article, g["raw"], g["unit"]), float(g["value"])))
            else:
                candidates.remove(hit)
                matched.append((g, hit))
    spurious = [((a, f.raw, f.unit), f.value) for a, fs in unmatched.items() for f in fs]
    found = len(matched) + len(spurious)
    gold_count = len(matched) + len(missed)
    precision = len(matched) / found if found else 1.0
    recall = len(matched) / gold_count if gold_count else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(precision, recall, f1, missed, spurious, matched)


def _same_figure(gold: dict, figure: Figure) -> bool:
    return (
        gold["raw"] == figure.raw
        and gold["unit"] == figure.unit
        and math.isclose(float(gold["value"]), figure.value, rel_tol=1e-6)
    )


def test_score_figures_matches_article_raw_unit_and_value() -> None:
    article = ("004", "t")
    annotation = {
        article: [
            {"raw": "75名", "value": 75, "unit": "人"},
            {"raw": "75名", "value": 75, "unit": "人"},
            {"raw": "两天", "value": 2, "unit": "天"},
        ]
    }
    found = [Figure("75名", 75.0, "人", "名", False, "", 0, 3)]
    wrong_unit = Figure("两天", 2.0, "日", "天", False, "", 5, 7)
    score = score_figures(annotation, {article: [*found, wrong_unit]})
    assert (score.precision, score.recall) == (0.5, 1 / 3)
    assert score.missed == [((article, "75名", "人"), 75.0), ((article, "两天", "天"), 2.0)]
    assert score.spurious == [((article, "两天", "日"), 2.0)]
    other = score_figures(annotation, {("003", "t"): found})
    assert other.spurious == [((("003", "t"), "75名", "人"), 75.0)]


def test_figures_found_in_the_seeds_meet_the_floors() -> None:
    annotation, extracted = annotation_and_extracted()
    score = score_figures(annotation, extracted)
    assert score.precision >= PRECISION_FLOOR, score.spurious
    assert score.recall >= RECALL_FLOOR, score.missed
    assert score.f1 >= F1_FLOOR


def test_approx_flags_of_the_seed_figures_meet_the_floor() -> None:
    annotation, extracted = annotation_and_extracted()
    matched = score_figures(annotation, extracted).matched
    agree = sum(g["approx"] == f.approx for g, f in matched)
    assert agree / len(matched) >= APPROX_FLOOR


def test_ranges_of_the_seed_figures_keep_their_high_end() -> None:
    annotation, extracted = annotation_and_extracted()
    for gold, figure in score_figures(annotation, extracted).matched:
        assert figure.value_high == gold.get("high"), gold["raw"]


def test_the_annotation_covers_every_parsed_article() -> None:
    annotation, extracted = annotation_and_extracted()
    assert set(annotation) == set(extracted)


def test_every_annotated_figure_is_printed_in_its_article() -> None:
    # Guards the annotation itself: a typo in a raw would count as a miss.
    annotation, _ = annotation_and_extracted()
    texts = {
        (seed, fold(article.title)): "\n".join(article_pieces(article))
        for seed in {seed for seed, _ in annotation}
        for article in parse_document((SEEDS / seed).read_text(encoding="utf-8")).articles
    }
    for article, figures in annotation.items():
        printed = Counter(g["raw"] for g in figures)
        for raw, times in printed.items():
            assert texts[article].count(raw) >= times, (article, raw)


# --- seeds ----------------------------------------------------------------


def seed_text(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def article_pieces(article: Article) -> Iterator[str]:
    """Article text: kicker, title, subtitle, section headings, paragraphs and
    photo captions (the parser has already taken bylines, credits, page
    furniture and seed 001's 相關焦點 block out). Section headings print
    figures too: "B 民生支出占财政总支出70%以上"."""
    yield from (t for t in (article.kicker, article.title, article.subtitle) if t)
    yield from (s.heading for s in article.sections)
    yield from (p.text for p in article.paragraphs)
    yield from (c.text for c in article.captions)


def article_figures(article: Article) -> list[Figure]:
    return [f for piece in article_pieces(article) for f in find_figures(piece)]


@cache
def annotation_and_extracted() -> tuple[
    dict[ArticleKey, list[dict]], dict[ArticleKey, list[Figure]]
]:
    raw = yaml.safe_load(ANNOTATION.read_text(encoding="utf-8"))
    annotation = {
        (seed, fold(title)): figures or []
        for seed, articles in raw.items()
        for title, figures in articles.items()
    }
    extracted = {}
    for seed in raw:
        for article in parse_document((SEEDS / seed).read_text(encoding="utf-8")).articles:
            extracted[(seed, fold(article.title))] = article_figures(article)
    return annotation, extracted


# --- numerals as cn2an reads them (issue 14) --------------------------------


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        ("那年村里常住两千六人。", "两千六人", 2600.0),
        ("合作社社员一百二人,", "一百二人", 120.0),
        ("报名者达十二万三千四百五十六人。", "十二万三千四百五十六人", 123456.0),
        ("活动吸引1万600人参与。", "1万600人", 10600.0),
        ("新城区入住三万五人,", "三万五人", 35000.0),
        ("该镇一万零一户完成改厕。", "一万零一户", 10001.0),
        ("新增车位设在负二层,", "负二层", -2.0),
        ("捐款壹拾壹元整,", "壹拾壹元整", 11.0),
        ("凭证金额为玖仟陆佰陆拾伍圆壹角捌分。", "玖仟陆佰陆拾伍圆壹角捌分", 9665.18),
        ("管线总长三点一四公里", "三点一四公里", 3140.0),
        ("廿二人参加", "廿二人", 22.0),
    ],
)
def test_numerals_are_read_as_cn2an_reads_them(text: str, raw: str, value: float) -> None:
    figure = next(f for f in find_figures(text) if f.raw == raw)
    assert math.isclose(figure.value, value)


def test_a_compound_of_arabic_and_chinese_numerals_is_one_figure() -> None:
    assert [(f.raw, f.value) for f in find_figures("园区新增就业3万5000人。")] == [
        ("3万5000人", 35000.0)
    ]


def test_per_cent_written_out_is_a_percentage() -> None:
    found = find_figures("优良天数占比达百分之九十二点五,较上年提高百分之三。")
    assert [(f.raw, f.value, f.unit) for f in found] == [
        ("百分之九十二点五", 92.5, "%"),
        ("百分之三", 3.0, "%"),
    ]


def test_percentage_points_are_their_own_unit() -> None:
    figure = only("城镇化率较去年提升0.8个百分点,")
    assert (figure.value, figure.unit, figure.unit_raw) == (0.8, "个百分点", "个百分点")


def test_a_lone_one_counts_after_a_word_that_totals() -> None:
    assert [(f.raw, f.value) for f in find_figures("事故共有一人受轻伤。")] == [("一人", 1.0)]
    assert find_figures("提前一年完成任务,零部件供应充足。") == []


# --- units ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        ("这条快速路设计时速80公里,", "80公里", 80.0),
        ("列车最高时速可达160公里。", "160公里", 160.0),
        ("限速60公里/小时。", "60公里/小时", 60.0),
    ],
)
def test_a_distance_per_hour_is_a_speed(text: str, raw: str, value: float) -> None:
    figure = only(text)
    assert (figure.raw, figure.value, figure.unit) == (raw, value, "公里/小时")


def test_a_distance_without_time_stays_a_distance() -> None:
    assert only("全长80公里,").unit == "米"


# --- units and counters of real pages (issue 14, bench/gne_figures.py) ------


@pytest.mark.parametrize(
    ("text", "raw", "value", "high"),
    [
        ("受冷空气影响,醴陵明天将降温8～10℃。", "8～10℃", 8.0, 10.0),
        ("今晨炎陵山区最低气温零下3.5℃。", "零下3.5℃", -3.5, None),
        ("夜间气温在零下2到零下1℃之间。", "零下2到零下1℃", -2.0, -1.0),
        ("茶陵午后气温回升到18℃,", "18℃", 18.0, None),
    ],
)
def test_temperatures_are_in_degrees_and_below_zero_is_negative(
    text: str, raw: str, value: float, high: float | None
) -> None:
    figure = only(text)
    assert (figure.raw, figure.value, figure.value_high, figure.unit) == (raw, value, high, "℃")


@pytest.mark.parametrize(
    ("text", "raw", "value", "unit"),
    [
        ("消防车出警只用了45秒。", "45秒", 45.0, "秒"),
        ("比赛只剩下30秒钟,", "30秒钟", 30.0, "秒"),
        ("新款平板配备2000万像素的镜头,", "2000万像素", 2e7, "像素"),
        ("平板的机身存储有512GB,", "512GB", 512e9, "字节"),
        ("另一款的内存为8MB。", "8MB", 8e6, "字节"),
        ("学校新装的屏幕有86英寸,", "86英寸", 86 * 0.0254, "米"),
        ("这款充电头支持65W快充。", "65W", 65.0, "瓦"),
        ("新建的码头可停靠15万总吨的邮轮。", "15万总吨", 150000.0, "总吨"),
        ("车间每月生产电路板3万块,", "3万块", 30000.0, "块"),
        ("港口新到两艘货轮。", "两艘", 2.0, "艘"),
        ("村民家里养了六只羊。", "六只", 6.0, "只"),
        ("这家网店当天卖出2000多单。", "2000多单", 2000.0, "单"),
        ("该公司回购了1200万股。", "1200万股", 1.2e7, "股"),
        ("旅行团安排3晚4天的行程。", "3晚", 3.0, "晚"),
    ],
)
def test_units_and_counters_of_real_pages_are_read(
    text: str, raw: str, value: float, unit: str
) -> None:
    figure = find_figures(text)[0]
    assert (figure.raw, figure.unit) == (raw, unit)
    assert figure.value == pytest.approx(value)


@pytest.mark.parametrize(
    "text",
    [
        "只是他没有来。",
        "这块地只有3亩,",  # 3亩, not 只 + a count
        "两单位联合发文。",
        "他是公司的股东,",
        "这两晚上都下雨。",  # 晚上 is evening
        "这是我们一块努力的结果。",
        "他秒懂了老师的意思。",
    ],
)
def test_words_that_start_with_a_new_counter_are_not_counts(text: str) -> None:
    assert not {f.unit for f in find_figures(text)} & {"块", "只", "单", "股", "晚", "秒"}


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        ("全县三分之二的村已通公交。", "三分之二", 2 / 3),
        ("约有四分之一的学生选择住校,", "四分之一", 0.25),
        ("他把十分之一的收入捐给了学校。", "十分之一", 0.1),
    ],
)
def test_a_fraction_is_a_share_with_no_unit(text: str, raw: str, value: float) -> None:
    figure = only(text)
    assert (figure.raw, figure.unit) == (raw, "")
    assert figure.value == pytest.approx(value)


def test_a_one_per_cent_share_is_a_figure() -> None:
    assert (only("只有百分之一的样本不合格。").value, only("百分之一").unit) == (1.0, "%")


@pytest.mark.parametrize(
    "text",
    [
        "3小时前",  # a news list's time of posting
        "株洲日报 40分钟前",
        "这座桥二十年前就建成了。",
        "两天前他还在工地上。",
        "今天 09:45新闻",  # a clock time, not 45 days
        "更新于 2020-05-06 18:30:12",
    ],
)
def test_times_ago_and_clock_times_are_not_figures(text: str) -> None:
    assert raws(text) == []


def test_a_duration_before_a_verb_of_going_and_a_time_later_stay_figures() -> None:
    assert raws("从小区步行15分钟前往地铁站。") == ["15分钟"]
    assert raws("10分钟后,抢修队就到了现场。") == ["10分钟"]


def test_a_chinese_numeral_after_latin_letters_is_a_figure() -> None:
    assert raws("每投入一元可带动GDP五元。") == ["五元"]
    assert raws("他拿过MVP三次,") == ["三次"]
    assert raws("采用L32片装的包装。") == []  # Arabic digits after a letter: a code


def test_nearly_written_jin_hu_is_approximate() -> None:
    figure = only("全镇农户近乎100%用上了自来水。")
    assert (figure.raw, figure.approx) == ("近乎100%", True)


@pytest.mark.parametrize(
    ("text", "left"),
    [
        ("转岗以后,他判若两人。", []),
        ("这两天株洲气温回升,", []),
        ("全市三次产业结构调整为6:40:54。", []),
        ("我们只在株洲住了两天。", ["两天"]),
        ("他三次获得表彰。", ["三次"]),
    ],
)
def test_idioms_of_real_pages_are_not_figures(text: str, left: list[str]) -> None:
    assert raws(text) == left


# --- the held-out pages (session 20) ---------------------------------------
# Each fix of a failure the held-out GNE pages showed, on our own sentences:
# the first example is in the style of the page, the second one it was not
# written for.


@pytest.mark.parametrize(
    ("text", "raw", "value", "unit"),
    [
        ("商场新上架了五款电饭煲,", "五款", 5.0, "款"),
        ("今年推出的3款新车都是电动的。", "3款", 3.0, "款"),
        ("展会上的产品分为两类,", "两类", 2.0, "类"),
        ("全市的公园被分成4类管理。", "4类", 4.0, "类"),
        ("她一年读了30本书。", "30本", 30.0, "本"),
        ("一家六口人住在老屋里。", "六口", 6.0, "口"),
        ("村里新打了5口井。", "5口", 5.0, "口"),
        ("学校已办了8届艺术节,", "8届", 8.0, "届"),
        ("工人换了三根电线杆。", "三根", 3.0, "根"),
        ("窗台上落了几十片树叶,", "几十片", 10.0, "片"),
        ("公司完成了四笔贷款,", "四笔", 4.0, "笔"),
        ("工期缩短了两周。", "两周", 2.0, "周"),
        ("全年共发生两起火灾,", "两起", 2.0, "起"),
        ("法院通报了十起典型案件。", "十起", 10.0, "起"),
    ],
)
def test_counters_of_the_held_out_pages_are_read(
    text: str, raw: str, value: float, unit: str
) -> None:
    figure = find_figures(text)[0]
    assert (figure.raw, figure.value, figure.unit) == (raw, value, unit)


@pytest.mark.parametrize(
    "text",
    [
        "他们两口子都在株洲上班。",  # 口子 is a couple
        "庆祝建厂三周年,",  # an anniversary
        "两片区的居民都来了。",  # 片区 is a district
        "首付10万起,",  # 起 after an Arabic number says "from"
        "月租800起。",
        "随着市十六届人大三次会议的闭幕,",  # a session's number
        "宏志班的前三届学生回到了学校。",  # which classes, not how many
    ],
)
def test_words_that_start_with_the_new_counters_are_not_counts(text: str) -> None:
    assert not {f.unit for f in find_figures(text)} & {"口", "周", "片", "起", "届"}


@pytest.mark.parametrize(
    ("text", "raw", "value", "unit"),
    [
        ("新芯片采用5纳米工艺,", "5纳米", 5e-9, "米"),
        ("这种纤维只有20微米粗。", "20微米", 2e-5, "米"),
        ("山顶夜里只有八摄氏度,", "八摄氏度", 8.0, "℃"),
        ("央行宣布降息25个基点。", "25个基点", 25.0, "基点"),
        ("利率上调了10基点,", "10基点", 10.0, "基点"),
        ("一碗面只要5块钱。", "5块钱", 5.0, "元"),
        ("一支铅笔卖8毛钱,", "8毛钱", 0.8, "元"),
        ("扫码1分钱就能骑车。", "1分钱", 0.01, "元"),
    ],
)
def test_units_of_the_held_out_pages_are_in_their_base_unit(
    text: str, raw: str, value: float, unit: str
) -> None:
    figure = only(text)
    assert (figure.raw, figure.unit) == (raw, unit)
    assert figure.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("新芯片采用7纳米工艺,", 7e-9),  # 7 × 1e-9 is 7.000000000000001e-09 in binary
        ("线宽只有3纳米。", 3e-9),
        ("项目总投资4.35亿元,", 435_000_000.0),  # 4.35 × 1e8 is 434999999.99999994
        ("伤口长0.7厘米,", 0.007),
    ],
)
def test_a_scaled_value_is_stored_as_printed_not_with_float_noise(text: str, value: float) -> None:
    assert only(text).value == value


@pytest.mark.parametrize(
    ("text", "raw", "value", "unit"),
    [
        ("商场的充电宝10元每小时,", "10元每小时", 10.0, "元/小时"),
        ("这套房子的租金是3000元每月。", "3000元每月", 3000.0, "元/月"),
    ],
)
def test_money_per_hour_written_with_mei_is_a_rate(
    text: str, raw: str, value: float, unit: str
) -> None:
    figure = only(text)
    assert (figure.raw, figure.value, figure.unit) == (raw, value, unit)


def test_a_count_before_mei_is_no_rate() -> None:
    assert [(f.raw, f.unit) for f in find_figures("工作两天每天8小时。")] == [
        ("两天", "天"),
        ("8小时", "小时"),
    ]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # written for: a purchase price per kilogram (fifth held-out set)
        ("土豆的收购价每公斤1.8元,", "元/公斤"),
        # not written for: a subsidy per mu, a price per square metre, per share in dollars
        ("种粮大户每亩补贴200元。", "元/亩"),
        ("新楼盘每平方米售价8000元左右。", "元/平方米"),
        ("收购报价为每股9.5美元。", "美元/股"),
    ],
)
def test_money_after_mei_and_a_unit_is_a_price_per_that_unit(text: str, unit: str) -> None:
    assert only(text).unit == unit


@pytest.mark.parametrize(
    "text",
    [
        "困难老人每人每月补助500元。",  # two 每: per person and per month
        "菜价每公斤上涨,全年增收300元。",  # another clause
    ],
)
def test_money_far_from_mei_or_after_two_mei_stays_in_yuan(text: str) -> None:
    assert only(text).unit == "元"


@pytest.mark.parametrize(
    ("text", "raw", "value", "high", "unit"),
    [
        ("收益率将在1.35- 2.7%之间。", "1.35- 2.7%", 1.35, 2.7, "%"),
        ("每天步行3 - 5公里,", "3 - 5公里", 3000.0, 5000.0, "米"),
        ("票价从5毛钱到2块钱不等,", "5毛钱到2块钱", 0.5, 2.0, "元"),
        ("伤口长3毫米到1厘米,", "3毫米到1厘米", 0.003, 0.01, "米"),
    ],
)
def test_a_range_with_spaces_or_two_units_keeps_both_ends(
    text: str, raw: str, value: float, high: float, unit: str
) -> None:
    figure = only(text)
    assert (figure.raw, figure.unit) == (raw, unit)
    assert (figure.value, figure.value_high) == (pytest.approx(value), pytest.approx(high))


@pytest.mark.parametrize(
    ("text", "raw", "value", "unit", "approx"),
    [
        ("工程用了3个多月。", "3个多月", 3.0, "月", True),
        ("排队等了两个多小时,", "两个多小时", 2.0, "小时", True),
        ("会议开了两个半小时,", "两个半小时", 2.5, "小时", False),
        ("开车要一个半小时。", "一个半小时", 1.5, "小时", False),
        ("他身高一米八。", "一米八", 1.8, "米", False),
        ("新来的中锋身高2米05,", "2米05", 2.05, "米", False),
    ],
)
def test_compound_amounts_are_one_figure(
    text: str, raw: str, value: float, unit: str, approx: bool
) -> None:
    figure = only(text)
    assert (figure.raw, figure.unit, figure.approx) == (raw, unit, approx)
    assert figure.value == pytest.approx(value)


def test_the_unit_as_printed_of_a_spoken_height_is_the_metre_alone() -> None:
    assert only("他身高一米八。").unit_raw == "米"


def test_a_one_with_a_marker_is_still_the_indefinite_one() -> None:
    # The seeds' 不足一年: 一个多月 and 近一个月 are no counts either.
    assert raws("一个多月过去了,近一个月没有消息。") == []


def test_digits_after_metres_that_start_a_count_are_no_decimals() -> None:
    assert [(f.raw, f.value) for f in find_figures("墙高3米5层楼。")] == [
        ("3米", 3.0),
        ("5层", 5.0),
    ]


def test_a_word_that_ends_in_yi_starts_no_numeral() -> None:
    assert raws("这是全县唯一一所高中。") == []
    figure = only("学校统一一万套校服。")
    assert (figure.raw, figure.value, figure.unit) == ("一万套", 10000.0, "套")


@pytest.mark.parametrize(
    ("text", "raw"),
    [
        ("事故造成至少3人受伤。", "至少3人"),
        ("起码两个小时才能到。", "起码两个小时"),
        ("他说取出的不止几十块,", "不止几十块"),
        ("参会人数超过了700人。", "超过了700人"),
        ("三成企业获得三次及以上投资,", "三次及以上"),
    ],
)
def test_at_least_and_more_than_are_approximation_markers(text: str, raw: str) -> None:
    figure = find_figures(text)[-1]
    assert (figure.raw, figure.approx) == (raw, True)


def test_a_quoted_name_may_hold_digits() -> None:
    assert raws("全面启动“五个1000工程”。") == []


# --- the second held-out pages (session 21) --------------------------------
# Each fix of a failure the second held-out pages (163 money pages) showed, on
# our own sentences: the first example in the style of the page, the second
# one it was not written for.


def figure_of(text: str) -> tuple[str, float | None, float | None, str, bool]:
    (figure,) = find_figures(text)
    return (figure.raw, figure.value, figure.value_high, figure.unit, figure.approx)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("去年共查处12起违法案件。", ("12起", 12.0, None, "起", False)),
        ("辖区本月发生3起交通事故,", ("3起", 3.0, None, "起", False)),
        ("今年共发生火灾10起。", ("10起", 10.0, None, "起", False)),
        ("省里分5批次下达了资金。", ("5批次", 5.0, None, "批次", False)),
        ("港口全年完成120万标准箱,", ("120万标准箱", 1.2e6, None, "标准箱", False)),
        ("志愿者送来了30箱矿泉水。", ("30箱", 30.0, None, "箱", False)),
        ("新股发行价定为8.5元/股。", ("8.5元/股", 8.5, None, "元/股", False)),
        ("电煤价格涨到650元/吨。", ("650元/吨", 650.0, None, "元/吨", False)),
        ("全年新增贷款3.6万亿元。", ("3.6万亿元", 3.6e12, None, "元", False)),
        ("地方债务规模约1.25万亿。", ("约1.25万亿", 1.25e12, None, "", True)),
        ("这个项目前后投了两个亿。", ("两个亿", 2e8, None, "", False)),
        ("八个亿的资金已经到位。", ("八个亿", 8e8, None, "", False)),
        ("开幕式差不多3000人到场。", ("差不多3000人", 3000.0, None, "人", True)),
        ("上证指数收于3050.12点。", ("3050.12点", 3050.12, None, "点", False)),
        ("恒生指数全天跌了320点,", ("320点", 320.0, None, "点", False)),
        ("大盘在2800点至3000点之间震荡。", ("2800点至3000点", 2800.0, 3000.0, "点", False)),
        ("他被判处有期徒刑三年半。", ("三年半", 3.5, None, "年", False)),
        ("救援历时一天半,", ("一天半", 1.5, None, "天", False)),
        ("展会为期两日,", ("两日", 2.0, None, "天", False)),
        ("搜救持续了十余日。", ("十余日", 10.0, None, "天", True)),
    ],
)
def test_counters_and_units_of_the_second_held_out_pages_are_read(
    text: str, expected: tuple[str, float | None, float | None, str, bool]
) -> None:
    assert figure_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "团购价99起,",  # 起 after a word of price says "from"
        "房租每月1500起。",
        "新款手机1999起售。",
        "新规自2021起施行。",  # from 2021 on
        "上午10点开会,",  # a clock's hour
        "他提出了三点建议。",  # points of a speech, or three o'clock
        "会议定于本月二十日召开。",  # a day of the month
        "这件事一年半载办不完。",  # a year or so, an idiom
    ],
)
def test_look_alikes_of_the_new_units_are_not_read_as_them(text: str) -> None:
    assert not {f.unit for f in find_figures(text)} & {"起", "点", "天", "年"}


def test_half_of_after_years_is_no_half_year() -> None:
    assert [f.value for f in find_figures("近两年半数企业扭亏。")] == [2.0]


def test_a_spoken_hundred_million_is_not_taken_from_a_word_for_the_rich() -> None:
    assert figure_of("村里出了两个亿万富翁。") == ("两个", 2.0, None, "个", False)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("一路击穿3200、3000两个关口。", ("两个", 2.0, None, "个", False)),
        ("纪念币分为100、200、500三种面额。", ("三种", 3.0, None, "种", False)),
    ],
)
def test_a_chinese_numeral_after_a_list_of_arabic_numbers_is_its_own_numeral(
    text: str, expected: tuple[str, float | None, float | None, str, bool]
) -> None:
    assert figure_of(text) == expected


def test_the_second_held_out_annotation_keeps_raw_spans_of_pages_no_other_set_holds() -> None:
    second = load_figures_annotation(SECOND_HELD_OUT)
    earlier = set(load_figures_annotation()) | set(load_figures_annotation(FIRST_HELD_OUT))
    assert len(second) == 8 and not set(second) & earlier
    for page, entries in second.items():
        for entry in entries:
            assert set(entry) <= {"raw", "value", "high", "unit", "approx"}, (page, entry)
            assert len(entry["raw"]) <= 16, (page, entry)


def test_the_figures_benchmark_names_the_folder_when_annotated_pages_are_absent(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "html" / "gne").mkdir(parents=True)
    argv = ["--corpus", str(tmp_path), "--annotation", str(SECOND_HELD_OUT)]
    assert gne_figures_main(argv) == 2
    assert "163/38.html" in capsys.readouterr().out


# --- approximate forms ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "raw", "value", "high"),
    [
        ("每月能多挣四五千元。", "四五千元", 4000.0, 5000.0),
        ("现场来了七八十人,", "七八十人", 70.0, 80.0),
        ("队员多是十五六岁的少年", "十五六岁", 15.0, 16.0),
        ("一般三五天就能办好", "三五天", 3.0, 5.0),
    ],
)
def test_neighbouring_digits_are_a_rough_range(
    text: str, raw: str, value: float, high: float
) -> None:
    figure = only(text)
    assert (figure.raw, figure.value, figure.value_high, figure.approx) == (
        raw,
        value,
        high,
        True,
    )


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        ("带动上百员工就业", "上百员工", 100.0),
        ("吸引上千人观看", "上千人", 1000.0),
        ("百余家企业参展", "百余家", 100.0),
        ("数十家商户入驻", "数十家", 10.0),
        ("几百名志愿者", "几百名", 100.0),
        ("近万人次参观", "近万人次", 10000.0),
        ("十几个村", "十几个", 10.0),
    ],
)
def test_round_and_vague_amounts_are_approximate(text: str, raw: str, value: float) -> None:
    figure = only(text)
    assert (figure.raw, figure.value, figure.approx) == (raw, value, True)


@pytest.mark.parametrize(
    "text",
    [
        "全力打造“三个高地”,",
        "深入开展“两个年”活动",
        "全面落实“四个全面”",
        "九年义务教育巩固率稳定",
        "推进十二年一贯制学校建设",
        "学前三年毛入园率",
        "开设五年制高职班",
        "对群众反映的问题一一落实",
        "一律不得收费,大家一起努力,意见高度一致",
        "成千上万的市民涌上街头,成百上千人",
    ],
)
def test_names_of_things_and_numeral_adverbs_are_not_figures(text: str) -> None:
    assert find_figures(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # written for: a fall in points to an amount
        ("净利润同比下降12.5个百分点至3.4亿元。", [("12.5个百分点", 12.5), ("3.4亿元", 3.4e8)]),
        # not written for: a rise in points to a rate, a span in months to a year
        ("占比提高2个百分点至31%。", [("2个百分点", 2.0), ("31%", 31.0)]),
        ("工期为3个月至1年。", [("3个月", 3.0), ("1年", 1.0)]),
    ],
)
def test_a_range_whose_ends_print_units_of_two_kinds_is_two_figures(
    text: str, expected: list[tuple[str, float]]
) -> None:
    assert [(f.raw, f.value) for f in find_figures(text)] == expected


@pytest.mark.parametrize(
    ("text", "raw", "value", "high"),
    [
        ("价格在每斤3元到5元之间。", "3元到5元", 3.0, 5.0),
        ("一趟只要2毛钱到10块钱。", "2毛钱到10块钱", 0.2, 10.0),
        ("震源深度5公里至10千米。", "5公里至10千米", 5000.0, 10000.0),
    ],
)
def test_a_range_whose_ends_share_a_unit_stays_one_figure(
    text: str, raw: str, value: float, high: float
) -> None:
    figure = only(text)
    assert (figure.raw, figure.value, figure.value_high) == (raw, value, high)


@pytest.mark.parametrize(
    ("text", "raw", "value", "high"),
    [
        # written for: a wind force in a forecast, an earthquake's magnitude
        ("部分地区有8到10级大风。", "8到10级", 8.0, 10.0),
        ("当地发生4.6级地震。", "4.6级", 4.6, None),
        # not written for: the scale named before the number
        ("沿江风力可达6-7级,", "6-7级", 6.0, 7.0),
        ("阵风9级。", "9级", 9.0, None),
    ],
)
def test_wind_and_earthquake_scales_are_figures_in_ji(
    text: str, raw: str, value: float, high: float | None
) -> None:
    figure = only(text)
    assert (figure.raw, figure.value, figure.value_high, figure.unit) == (raw, value, high, "级")


@pytest.mark.parametrize(
    ("text", "raw", "value", "unit"),
    [
        # written for: a farm page's yield per mu
        ("亩产可达2000斤。", "2000斤", 1_000_000.0, "克"),
        # not written for: a Chinese numeral, a factory's sets of machines
        ("买了三斤苹果", "三斤", 1500.0, "克"),
        ("年产能达到10万台套。", "10万台套", 100_000.0, "台套"),
    ],
)
def test_market_weights_and_sets_of_machines_are_units(
    text: str, raw: str, value: float, unit: str
) -> None:
    figure = only(text)
    assert (figure.raw, figure.value, figure.unit) == (raw, value, unit)


def test_a_jack_and_an_idiom_in_jin_are_no_figures() -> None:
    assert find_figures("用千斤顶把车顶起,四两拨千斤") == []


@pytest.mark.parametrize(
    "text", ["全市有三级医院12家。", "建立四级联动机制", "列为一级保护文物", "二级建造师30人"]
)
def test_a_grade_in_ji_is_no_figure(text: str) -> None:
    assert all(f.unit != "级" for f in find_figures(text))


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        # written for: a plan's ceiling and a rate's floor (third held-out pages)
        ("计划增持股份不超过1.5亿股。", "不超过1.5亿股", 1.5e8),
        ("收益率低于30%。", "低于30%", 30.0),
        # not written for: other units
        ("每户补贴不超过2000元。", "不超过2000元", 2000.0),
        ("气温低于零下5℃。", "低于零下5℃", -5.0),
    ],
)
def test_at_most_and_below_are_approximation_markers(text: str, raw: str, value: float) -> None:
    figure = only(text)
    assert (figure.raw, figure.value, figure.approx) == (raw, value, True)


@pytest.mark.parametrize(
    ("text", "raw", "approx"),
    [
        # written for: 近 opening its clause or after 在, "the last"
        ("近两年,公司将精力放在战略上。", "两年", False),
        ("其股价在近三个交易日有所企稳。", "三个", False),
        # not written for: the past five years with 来, a span after a verb
        ("近5年来,全市新建学校40所。", "5年", False),
        ("工程已持续近两年。", "近两年", True),
        ("投入资金近3亿元。", "近3亿元", True),
    ],
)
def test_jin_before_a_span_of_time_says_the_last_where_it_opens_the_clause(
    text: str, raw: str, approx: bool
) -> None:
    figure = find_figures(text)[0]
    assert (figure.raw, figure.approx) == (raw, approx)


@pytest.mark.parametrize(
    ("text", "raw", "value", "unit"),
    [
        ("还有1.7亿65周岁及以上人口。", "65周岁及以上", 65.0, "岁"),
        ("庆祝建厂七周年。", "七周年", 7.0, "年"),
        ("股价下跌9美分。", "9美分", 0.09, "美元"),
        ("仅邀请80席嘉宾。", "80席", 80.0, "席"),
        ("决赛在两队之间进行。", "两队", 2.0, "队"),
        ("短短十余交易日,指数下跌三成。", "十余交易日", 10.0, "交易日"),
    ],
)
def test_ages_anniversaries_cents_seats_teams_and_trading_days_are_units(
    text: str, raw: str, value: float, unit: str
) -> None:
    figure = next(f for f in find_figures(text) if f.raw == raw)
    assert (figure.value, figure.unit) == (pytest.approx(value), unit)


def test_digits_after_a_decimals_multiplier_start_a_figure_of_their_own() -> None:
    # The shape: "1.7亿65周岁及以上人口" had been one unreadable numeral, 1.7亿65;
    # 1万600 stays one compound (cn2an reads it 10600).
    assert [(f.raw, f.value) for f in find_figures("还有1.7亿65周岁及以上人口。")] == [
        ("1.7亿", 1.7e8),
        ("65周岁及以上", 65.0),
    ]
    assert [(f.raw, f.value) for f in find_figures("全市共有1万600人。")] == [("1万600人", 10600.0)]


@pytest.mark.parametrize("text", ["今年前4个月,国有企业营业收入下降。", "经济运行两头在外。"])
def test_the_years_first_months_and_an_idiom_of_two_ends_are_no_figures(text: str) -> None:
    assert find_figures(text) == []


def test_a_span_before_qian_that_is_no_calendar_stays_a_figure() -> None:
    text = "从目前6个月免签延长,提前3个月完成。"
    assert [f.raw for f in find_figures(text)] == ["6个月", "3个月"]


@pytest.mark.parametrize(
    ("text", "raw", "value", "unit", "approx"),
    [
        # the fourth held-out pages: a ceiling not passed, stops of a line
        ("新股申购未超过3个。", "未超过3个", 3.0, "个", True),
        ("沿环线坐四站就到。", "四站", 4.0, "站", False),
        # not written for: another count of stops
        ("地铁坐两站,再步行五分钟。", "两站", 2.0, "站", False),
    ],
)
def test_not_passed_is_a_marker_and_stops_are_counted(
    text: str, raw: str, value: float, unit: str, approx: bool
) -> None:
    figure = find_figures(text)[0]
    assert (figure.raw, figure.value, figure.unit, figure.approx) == (raw, value, unit, approx)


@pytest.mark.parametrize("text", ["提供一站式服务。", "十年一剑,终成大器。", "站长说站点已更新。"])
def test_a_one_stop_service_and_a_decades_sword_are_no_figures(text: str) -> None:
    assert find_figures(text) == []


def test_a_quoted_figure_alone_is_still_a_figure() -> None:
    assert raws("办理时限压缩至“1天”。") == ["1天"]


# --- values that cannot be read --------------------------------------------


def test_an_unreadable_numeral_keeps_its_figure_with_no_value() -> None:
    figure = only("到场十一十二人。")
    assert (figure.raw, figure.value, figure.sentence) == ("十一十二人", None, "到场十一十二人。")


@pytest.mark.parametrize("numeral", ["4" + "亿" * 40, "9" * 400])
def test_an_overflowing_value_is_none_not_inf(numeral: str) -> None:
    figure = only(f"合计{numeral}元。")
    assert figure.value is None and figure.raw == f"{numeral}元"


def test_a_long_run_of_numerals_and_letters_is_read_in_linear_time() -> None:
    # Not a timing test: 200,000 characters would take minutes with a pattern
    # retried from every position of the run.
    assert find_figures("a" * 200_000 + "1栋2室") == []
    assert find_figures("一" * 200_000)[:1] == []


# --- quality gate on news sentences written for it ----------------------------

NEWS_ANNOTATION = Path(__file__).resolve().parent / "annotations" / "figures_news.yaml"
# Share of the annotated figures read right (raw, value, high end, unit and
# approx all as annotated), and share of the found figures that are right, on
# 33 sentences written in the style of Zhuzhou reports (measured 58/59 = 0.98
# both: 1200万尾 loses its counter 尾 and is read as 1200万). Target of issue
# 14: 0.97.
NEWS_FLOOR = 0.97


def test_figures_in_news_style_sentences_meet_the_floor() -> None:
    items = yaml.safe_load(NEWS_ANNOTATION.read_text(encoding="utf-8"))
    assert len(items) >= 30
    right = found = annotated = 0
    for item in items:
        gold = [
            (g["raw"], float(g["value"]), g.get("high"), g["unit"], g["approx"])
            for g in item["figures"]
        ]
        annotated += len(gold)
        for f in find_figures(item["text"]):
            found += 1
            key = (f.raw, f.value, f.value_high, f.unit, f.approx)
            if key in gold:
                gold.remove(key)
                right += 1
    assert right / annotated >= NEWS_FLOOR, (right, annotated)
    assert right / found >= NEWS_FLOOR, (right, found)


async def test_an_overflowing_figure_is_stored_empty_and_its_article_page_answers(
    tmp_path: Path,
) -> None:
    # The real pipeline, archive and Datasette: a page once broke on an inf value.
    source = tmp_path / "pages"
    source.mkdir()
    (path,) = SEEDS.glob("000_*.txt")
    text = path.read_text(encoding="utf-8").replace("80亿元", "80" + "亿" * 40 + "元", 1)
    (source / path.name).write_text(text, encoding="utf-8")
    db_path = tmp_path / "a.db"
    db = open_archive(db_path)
    ingest_paths(db, [source])
    db.close()
    conn = sqlite3.connect(db_path)
    ((article, value, sentence),) = conn.execute(
        "SELECT article_id, value, sentence FROM figures_with_sentence WHERE raw LIKE '80亿亿%'"
    )
    conn.close()
    assert value is None and "民生支出" in sentence
    ds = Datasette([str(db_path)])
    response = await ds.client.get(f"/a/articles/{article}")
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("text", "raw", "value", "unit"),
    [
        # written for: an essay's characters and episodes, a platform's voyage
        # (seventh held-out set)
        ("网上连载逾千万字。", "逾千万字", 1e7, "字"),
        ("这部剧共四十集。", "四十集", 40.0, "集"),
        ("航行超过1200海里。", "超过1200海里", 2222400.0, "米"),
        # not written for: a report's length, a series, a ferry's run
        ("报告全文约3000字。", "约3000字", 3000.0, "字"),
        ("纪录片共分6集,", "6集", 6.0, "集"),
        ("渡轮每天往返80海里。", "80海里", 148160.0, "米"),
    ],
)
def test_characters_episodes_and_sea_miles_are_counted(
    text: str, raw: str, value: float, unit: str
) -> None:
    figure = only(text)
    assert (figure.raw, figure.value, figure.unit) == (raw, value, unit)


@pytest.mark.parametrize(
    "text",
    ["路过十字路口时,", "中国红十字会总会", "坚持十六字方针。", "八字还没一撇。", "三集团合并。"],
)
def test_words_that_start_with_a_numeral_and_zi_or_ji_are_no_count(text: str) -> None:
    assert find_figures(text) == []
