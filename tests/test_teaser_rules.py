"""Lists of other stories on web pages (issue 13, session 20): headline runs
under the story's 编辑/来源 line, dated teasers printed two lines each, and a
portal's menu of columns whose mottos close with 。. Every page here is
written for the project in the forms real pages take, never copied."""

from __future__ import annotations

from conftest import all_text, article_text, column_menu
from conftest import web_page as page

from ingest.parse.document import parse_document
from ingest.text.teasers import is_listed

STORY = (
    "石峰区老旧小区加装电梯开工",
    "来源:株洲新闻网 作者:周晓岚",
    "本周一,石峰区清水塘街道三个老旧小区的加装电梯工程同时开工,预计年底前投入使用。",
    "街道工作人员介绍,加装电梯的费用由政府补贴和居民分摊,低层住户也签了同意书。",
    "家住六楼的刘奶奶说,等电梯装好了,下楼买菜、看病就方便多了。",
)

# Other stories' headlines as a site's "most read" box prints them, some
# with their counts on the same line, under the story's 责任编辑 line. Some
# close with ! or ? or hold a 、, so they read as paragraphs, not headlines,
# and no run of five headlines stands among them.
MOST_READ = (
    "荷塘区新添一座口袋公园评论 12   赞 30",
    "渌口区早稻开镰、农机手连夜抢收",
    "攸县一座百年老桥完成加固!",
    "炎陵黄桃今年为何格外甜?评论 41   赞 17",
    "醴陵瓷谷周末办起陶艺、茶艺市集",
    "株洲西站新增两趟直达高铁,你坐过吗?",
)


def test_a_run_of_other_headlines_under_the_editor_line_is_chrome() -> None:
    text = page(*STORY, "责任编辑:谭思雨", *MOST_READ)
    document = parse_document(text)
    (article,) = document.articles
    held = article_text(article)
    assert "口袋公园" not in held and "直达高铁" not in held and "评论 41" not in held
    assert "下楼买菜、看病就方便多了" in article.body
    assert document.chrome_lines >= len(MOST_READ)


def test_a_ranked_list_under_an_editor_tag_is_chrome_and_related_links_stay() -> None:
    # A second shape the rule was not written for: a 【编辑:…】 tag, a
    # 相关阅读 block of dated teasers, then a column's ranked list, its rank
    # run into each headline ("1…", "2…") and a gap before some lines.
    ranked = [
        "热点推荐",
        "1天元区新开一家社区书屋!",
        "2芦淞服饰城夜市开张 摊主忙到凌晨",
        "3株洲入选全国文明城市提名、候选名单",
        "4神农湖的荷花开了,快去看!",
        "5高新区引进一家新能源电池企业",
    ]
    text = page(
        *STORY,
        "【编辑:陈一鸣】",
        "相关阅读",
        "石峰区完成第一批电梯加装 2024-05-12",
        "清水塘街道办起长者食堂 2024-04-30",
        *ranked,
    )
    document = parse_document(text)
    held = all_text(document)
    assert "社区书屋" not in held and "新能源电池" not in held and "热点推荐" not in held
    assert [link.title for link in document.related_links] == [
        "石峰区完成第一批电梯加装",
        "清水塘街道办起长者食堂",
    ]
    assert "刘奶奶" in held


def test_short_lines_of_a_post_above_its_editor_line_stay() -> None:
    # A post that closes on short unpunctuated lines before its footer: they
    # are the story's, however list-like.
    closing = [
        "电梯施工会有些噪音!",
        "但几个月的不便",
        "换来的是以后的方便!",
        "请邻居们互相体谅",
        "也请大家注意安全!",
    ]
    (article,) = parse_document(page(*STORY, *closing, "责任编辑:谭思雨")).articles
    for line in closing:
        assert line in article_text(article)


def test_a_second_story_under_the_footer_keeps_its_text() -> None:
    # Under the first story's footer, a file strings on another story with
    # its own byline: its short lines are not a list, the byline is the last
    # opener and no footer closes the file.
    second = page(
        "株洲一中迎来建校一百二十周年",
        "株洲日报全媒体记者/彭立新",
        "校庆当天",
        "老校友从各地赶回!",
        "在老樟树下合影",
        "操场上唱起了老校歌!",
        "一位八十多岁的校友说,学校变了样,樟树还是当年那几棵。",
    )
    document = parse_document(page(*STORY, "责任编辑:谭思雨", second))
    assert "老樟树下合影" in all_text(document)
    assert "老校歌" in all_text(document)


def test_a_print_pages_desk_line_opens_a_page_and_its_short_lines_stay() -> None:
    # A print page's header (date line, then its desk line) is the last line
    # that opens a story, but it opens a page: the page's forecast table,
    # short lines each, is the page's text.
    forecast = [
        "株洲市区:晴转多云、18~26℃",
        "醴陵市:多云、19~27℃",
        "攸县:小雨转阴、17~24℃",
        "茶陵县:阴、17~23℃",
        "炎陵县:小雨、16~22℃",
    ]
    text = page(
        *STORY,
        "2024年6月3日 星期一",
        "责任编辑:刘青 美术编辑:王芳 校对:李红",
        "本周天气",
        *forecast,
    )
    held = all_text(parse_document(text))
    for line in forecast:
        assert line in held


def test_photo_captions_under_the_footer_stay_captions() -> None:
    # A gallery printed under the text: each caption carries its credit.
    captions = [
        "施工队在吊装电梯井架 刘一凡摄",
        "居民在公示栏前查看方案 刘一凡摄",
        "新电梯的样板间 刘一凡摄",
        "街道干部上门征求意见 刘一凡摄",
        "工人在加固楼道墙体 刘一凡摄",
    ]
    (article,) = parse_document(page(*STORY, "责任编辑:谭思雨", *captions)).articles
    assert len(article.captions) == len(captions)


# A list of other stories printed two lines each — the headline, then its
# date with the column's name — and, under a comments heading, a reader's
# remark: the dates had been read as a story's date line over a paragraph,
# so the comments heading did not end the article.
DATED_LIST = (
    "相关推荐",
    "湘江风光带新添十公里骑行道",
    "2024-06-01 10:20 城建",
    "这所乡村小学的孩子们第一次走进了省城的科技馆,一路上兴奋得睡不着!",
    "2024-06-01 09:05 教育",
    "神农城音乐喷泉恢复夜间开放",
    "2024-05-31 21:40 文旅",
    "热门评论 2条",
    "湘水人家",
    "我们小区也想装电梯,不知道找谁报名,有知道的朋友说一下吗?",
)


def test_dated_teasers_two_lines_each_open_no_story() -> None:
    text = page(*STORY, "责任编辑:谭思雨", *DATED_LIST)
    (article,) = parse_document(text).articles
    held = article_text(article)
    assert "骑行道" not in held and "科技馆" not in held and "找谁报名" not in held
    assert "下楼买菜、看病就方便多了" in held


def test_a_story_with_one_date_line_over_its_text_is_still_a_story() -> None:
    # The rule's second example, the other way: a file that strings on a
    # second story with one date line over its text, under the first one's
    # comments heading — one date, no list — keeps that story.
    second = page(
        "渌口区开通首条城乡定制公交",
        "2024-06-02 08:30",
        "渌口区首条城乡定制公交线路今天开通,沿途串起六个村,村民进城买菜不用再转车了。",
    )
    text = page(*STORY, "热门评论 1条", "湘水人家", "支持!", second)
    held = all_text(parse_document(text))
    assert "沿途串起六个村" in held


# A portal's columns above the story, each with its motto; some mottos close
# with 。, which had broken the menu's run, and the run ends on one, over a
# widget's line rather than the story's head.
COLUMNS = column_menu(
    ("现场", "第一时间,图文直播"),
    ("公益", "记录善举,传递温暖。"),
    ("暖新闻", "身边的好人好事。"),
    ("城事", "读懂一座城的日常"),
    ("旧影", "老照片里的株洲。"),
    ("研究院", "为城市发展出主意。"),
)


def test_a_menu_of_columns_whose_mottos_close_with_a_full_stop_is_chrome() -> None:
    text = page(
        "石峰区老旧小区加装电梯开工_城事_某某新闻",
        *COLUMNS,
        "把常看的栏目拖到这里,下次打开就能找到                马上登录",
        *STORY,
    )
    document = parse_document(text)
    (article,) = document.articles
    held = article_text(article)
    assert "传递温暖" not in held and "老照片里的株洲" not in held
    assert "为城市发展出主意" not in held
    assert article.title == "石峰区老旧小区加装电梯开工"
    assert "低层住户也签了同意书" in article.body


def test_a_menu_run_into_the_headline_keeps_the_headline() -> None:
    # Second example: the same kind of menu, its last motto closing with 。,
    # but the story's kicker and headline right under it: the head stays.
    text = page(
        "酒埠江水库开闸放水 灌区二十万亩稻田喝饱水_某某新闻",
        *COLUMNS,
        "攸县",
        "酒埠江水库开闸放水 灌区二十万亩稻田喝饱水",
        "来源:株洲日报 作者:罗文斌",
        "连日来,攸县酒埠江水库开闸放水,渠道沿线的稻田陆续灌满,农户抓紧时间插秧。",
    )
    (article,) = parse_document(text).articles
    assert article.title == "酒埠江水库开闸放水 灌区二十万亩稻田喝饱水"
    assert "老照片里的株洲" not in article_text(article)


def test_a_menu_ending_on_a_motto_over_the_headline_keeps_no_menu_line() -> None:
    # Second example of kept_tail: another portal's columns, their last motto
    # closing with 。 right over the headline (no widget line between), the
    # byline under the headline: the headline stays, no column or motto does.
    columns = column_menu(
        ("田野", "乡村振兴一线观察"),
        ("百姓", "说说身边事。"),
        ("视点", "一张图看懂政策。"),
        ("文旅", "跟着镜头去旅行"),
        ("健康", "守护一家老小。"),
        ("财经", "看懂钱袋子。"),
    )
    text = page(
        "渌口区万亩油菜花开_某某网",
        *columns,
        "渌口区万亩油菜花开",
        "来源:株洲新闻网 作者:谭思远",
        "这几天,渌口区南洲镇的万亩油菜花竞相开放,吸引了不少市民前来踏青拍照。",
    )
    (article,) = parse_document(text).articles
    held = article_text(article)
    assert article.title == "渌口区万亩油菜花开"
    assert "看懂钱袋子" not in held and "财经" not in held and "视点" not in held


def test_a_listed_line_is_one_headline_or_tagline_with_its_counts_or_date() -> None:
    assert is_listed("炎陵黄桃今年为何格外甜?评论 41   赞 17")
    assert is_listed("醴陵举办陶瓷文化周 2023-05-12")
    assert is_listed("我是一名营养师,夏天吃什么能降血脂,问吧!")
    assert not is_listed("电梯年底前投入使用。居民们都很期待。")
    assert not is_listed("连日来," + "渠道沿线的稻田陆续灌满" * 6)
