"""The parser finds each seed's real structure."""

from __future__ import annotations

import pytest
from conftest import article_titled, seed_document

from ingest.parse.document import parse_document

TITLES = {
    "000": ["不忘初心谋福祉 牢记使命勇担当"],
    "001": ["釀造幸福的日子——來自「株洲·中國動力谷」的系列報導之六"],
    "002": ["向着幸福出发"],
    "003": [
        "株洲高新区:以奋斗之姿推动经济高质量发展",
        "筑牢发展底线 铸就平安学林",
        "让中医药文化走进千家万户",
        "民主评议 让低保更“透明”",
        "“老检叨工作室”挂牌成立",
    ],
    "004": [
        "天元区68支干部工作队进小区 从“心”出发 服务群众“零距离”",
        "株洲经开区:“赛德雷特”一项目入围全国双创大赛",
        "石峰区:75名新人职年轻干部集中培训",
        "困难儿童收到“爱心款”新衣",
        "社区清洁齐出动 小区面貌焕新颜",
        "推进长株潭医保事项通办 株洲这样发力",
        "她头胎剖宫产 二胎竟实现顺产",
        "用耳穴疗法也能治疗胆囊结石",
        "我省举办首届正常分娩技能接产大赛 市妇幼保健院捧回一等奖",
        "我市有了非亲缘性造血干细胞采集和移植定点医院",
    ],
}


@pytest.mark.parametrize("prefix", sorted(TITLES))
def test_every_article_of_a_seed_is_found_with_its_title(prefix: str) -> None:
    assert [a.title for a in seed_document(prefix).articles] == TITLES[prefix]


@pytest.mark.parametrize(
    ("prefix", "pages"),
    [
        ("000", [("壮丽70年 奋斗新时代 / 株洲发展成就巡礼·高新区篇", "2019-09-20")]),
        ("001", [(None, "2020-12-12")]),
        ("002", [("壮丽70年 奋斗新时代 / 株洲发展成就巡礼·芦淞篇", "2019-09-27")]),
        ("003", [(None, None), ("综合·城区", None)]),
        ("004", [(None, None), ("生活·周刊", None)]),
    ],
)
def test_page_headers_start_pages_with_title_and_date(prefix: str, pages: list) -> None:
    assert [(p.title, p.date) for p in seed_document(prefix).pages] == pages


def test_page_editors_are_read_with_their_roles() -> None:
    (page,) = seed_document("000").pages
    assert [(e.role, e.name) for e in page.editors] == [
        ("责任编辑", "尹二荣"),
        ("美术编辑", "赵强"),
        ("校对", "马晴春"),
    ]
    second = seed_document("004").pages[1]
    assert [(e.role, e.name) for e in second.editors] == [
        ("责任编辑", "王建设"),
        ("美术编辑", "刘珠昱"),
    ]


def test_web_repost_date_line_gives_date_and_publication() -> None:
    (page,) = seed_document("001").pages
    assert (page.date, page.publication) == ("2020-12-12", "華聲在線")


def test_byline_on_its_own_line_is_split_into_roles_and_names() -> None:
    article = seed_document("003").articles[0]
    assert article.byline == "株洲日报全媒体记者/谭昕吾 通讯员/张弥郁"
    assert [(c.role, c.name) for c in article.contributors] == [
        ("全媒体记者", "谭昕吾"),
        ("通讯员", "张弥郁"),
    ]


def test_inline_byline_at_paragraph_start_is_taken_out_of_the_body() -> None:
    article = article_titled(seed_document("004"), "她头胎剖宫产 二胎竟实现顺产")
    assert article.byline == "株洲日报(全媒体记者/刘琼 通讯员/顾言心 苏文娟)"
    assert [c.name for c in article.contributors] == ["刘琼", "顾言心", "苏文娟"]
    assert article.body.startswith("“没想到我是疤痕子宫,二胎还能顺产。”")
    assert "株洲日报" not in article.body


def test_byline_broken_over_two_lines_is_one_byline() -> None:
    article = article_titled(seed_document("004"), "推进长株潭医保事项通办 株洲这样发力")
    assert [(c.role, c.name) for c in article.contributors] == [
        ("全媒体记者", "刘琼"),
        ("通讯员", "齐云龙"),
    ]


def test_web_repost_bare_name_is_its_byline() -> None:
    article = seed_document("001").articles[0]
    assert article.byline == "戴 鵬"


def test_kicker_and_subtitle_are_told_from_the_title() -> None:
    first = seed_document("003").articles[0]
    assert first.kicker == "向两会报告"
    safety = seed_document("003").articles[1]
    assert safety.kicker == "石峰区学林街道严格落实安全生产责任制——"
    birth = article_titled(seed_document("004"), "她头胎剖宫产 二胎竟实现顺产")
    assert birth.subtitle == "医生:剖宫产后符合条件者可顺产"


@pytest.mark.parametrize(
    ("prefix", "sections"),
    [
        (
            "000",
            [
                (None, "核心阅读"),
                ("城市提质——", "老旧小区新气象 居民幸福乐开颜"),
                ("教育——", "城市建到哪里 学校就办到哪里"),
                ("公共医疗——", "智慧医疗飞进百姓家 足不出户就能看专家"),
                ("志愿服务——", "文明之花满城开 和谐邻里一家亲"),
            ],
        ),
        (
            "002",
            [
                ("A", "率先全面建成小康社会"),
                ("C", "居民点赞“芦淞温度”"),
                (None, "『3140智慧人社』方便千万家"),
                (None, "『私人订制』解困难老人难题"),
                ("B", "民生支出占财政总支出70%以上"),
            ],
        ),
    ],
)
def test_sections_are_found_in_order_with_their_labels(prefix: str, sections: list) -> None:
    (article,) = seed_document(prefix).articles
    assert [(s.label, s.heading) for s in article.sections] == sections


def test_numbered_plain_subheadings_get_their_number_as_label() -> None:
    article = seed_document("003").articles[0]
    assert [(s.label, s.heading) for s in article.sections] == [
        ("1", "抓项目强产业 高质量发展加速跑"),
        ("2", "澎湃发展动力 用好改革关键一招"),
        ("3", "办好民生实事 以实干留痕幸福印记"),
    ]


def test_markdown_label_heading_pairs_become_one_section() -> None:
    article = article_titled(seed_document("004"), "推进长株潭医保事项通办 株洲这样发力")
    assert [(s.label, s.heading) for s in article.sections] == [
        ("统筹调剂", "筑牢区域医保基金“铁城墙”"),
        ("无缝对接", "实现区域医保服务“无障碍”"),
        ("触网即办", "推动区域医保通办“零距离”"),
    ]


def test_web_repost_plain_subheadings_are_sections() -> None:
    article = seed_document("001").articles[0]
    assert [s.heading for s in article.sections][:2] == [
        "幸福,是一座城市對文明的追求",
        "幸福,是從「指尖」到「心尖」的服務",
    ]
    assert len(article.sections) == 5


@pytest.mark.parametrize(
    ("prefix", "joined"),
    [
        ("000", "剩余6个单元都提出申请,6台新加装的电梯完工后"),
        ("000", "对安全隐患进行排查;小湖塘社区"),
        ("002", "投入资金,逐步改造农村危房近千套等。"),
        ("003", "交出了招商引资的一张优质成绩单。"),
        ("003", "人居环境品质有效改善。"),
        ("004", "她很快将医保顺利转入株洲。"),
        # the photo caption stood between these two halves
        ("004", "王林辉介绍:“盘活这些门面"),
    ],
)
def test_paragraphs_broken_by_columns_are_rejoined(prefix: str, joined: str) -> None:
    assert any(joined in a.body for a in seed_document(prefix).articles)


def test_caption_credit_is_split_from_text() -> None:
    (article,) = seed_document("002").articles
    assert [(c.text, c.credit) for c in article.captions] == [
        ("健康服务暖人心", None),
        ("干净整洁的白关街道", None),
        ("芦淞区两城“生命通道”建成通车。", "康水梅 摄"),
        ("规范整洁的贺家土农贸市集", None),
        ("种农夜色。", "刘精前 摄"),
    ]
    assert [p.name for c in article.captions for p in c.photographers] == ["康水梅", "刘精前"]


@pytest.mark.parametrize(
    ("prefix", "text", "credit"),
    [
        ("003", "长者餐厅开启老年群体的幸福“食”光。", "记者/谭昕吾 摄"),
        ("003", "“厂BA”的举办,让株洲全城为之沸腾。", "通讯员供图"),
        ("004", "9月9日,兴湖家园小区干部工作队组织辖区青少年开展周末公益课堂活动。", "受访者 供图"),
        ("004", "比赛时,市妇幼保健院助产士黄桂平进行现场技能实操。", "通讯员/供图"),
        ("001", "市民在改造後的湘江株洲段河東風光帶休閒。", "劉震 攝"),
        ("001", "株洲夜景。", "本版圖片除署名外均由株洲市委宣傳部提供"),
    ],
)
def test_caption_credit_forms(prefix: str, text: str, credit: str) -> None:
    captions = [(c.text, c.credit) for a in seed_document(prefix).articles for c in a.captions]
    assert (text, credit) in captions


def test_caption_is_never_left_in_the_body() -> None:
    for prefix in ("000", "001", "002", "003", "004"):
        for article in seed_document(prefix).articles:
            for caption in article.captions:
                assert caption.text not in article.body


def test_caption_between_articles_goes_to_the_article_it_shows() -> None:
    document = seed_document("003")
    medicine = article_titled(document, "让中医药文化走进千家万户")
    assert [c.text for c in medicine.captions] == ["医生在为群众进行颈椎推拿。"]


def test_related_links_are_not_article_text() -> None:
    document = seed_document("001")
    assert len(document.related_links) == 20
    assert document.related_links[0].title == "來自株洲·中國動力谷的系列報導⑨:從株洲,走向五洲"
    assert "相關焦點" not in document.articles[0].body
    assert "從株洲,走向五洲" not in document.articles[0].body


def test_crlf_line_ends_parse_the_same() -> None:
    from conftest import seed_text

    text = seed_text("003_83df26c1926cabee.txt")
    crlf = parse_document(text.replace("\n", "\r\n"))
    assert [a.body for a in crlf.articles] == [a.body for a in parse_document(text).articles]
