"""What the lists and comments under a web story look like when no heading
or footer the earlier passes knew marks them (issue 13, session 20, sixth
pass): a feed printed three lines an item, teasers paired with their outlet
or date, comment boxes with a spaced count, a reader's comment opened by its
writer and time, and a post with no full stops over its site's list. Every
page here is written for the project in the forms real pages take, never
copied."""

from __future__ import annotations

from conftest import all_text, article_text
from conftest import web_page as page

from ingest.parse.document import parse_document
from ingest.text.chrome import opens_furniture

STORY = (
    "荷塘区老旧厂房变身文创街区",
    "2024-04-12 09:30 来源:株洲新闻网",
    "昨天上午,荷塘区一处闲置多年的老纺织厂房改造完成,二十多家文创小店和咖啡馆陆续开门迎客。",
    "街区负责人介绍,改造保留了厂房的红砖墙和老行车,周末还将举办手作市集和露天电影。",
    "附近居民周阿姨说,以前这里晚上黑灯瞎火,现在成了饭后散步的好去处。",
)

# sina's feed: each item a headline, its summary, a time — the next item's
# headline long enough to read as a paragraph, so the time line over it read
# as a story's date line and kept the rest of the page in the article.
FEED = (
    "醴陵烟花厂转型做起夜游生意?",
    "记者走访发现,醴陵多家烟花企业今年把目光投向了夜间文旅,一场烟花秀能带火一条街的餐饮和住宿。",
    "2024-04-12 21:05:11",
    "株洲两条公交线路下月起调整走向,新建小区门口的公交站会不会被取消?",
    "为方便新建小区居民出行,市公交公司将对两条线路的走向和站点进行调整,这样调整方便吗?",
    "2024-04-12 21:05:11",
    "炎陵黄桃今年提早半个月上市",
    "受春季气温偏高影响,炎陵黄桃的成熟期比往年提前,果农们已经开始联系电商平台和物流企业。",
    "2024-04-12 21:05:11",
)


def test_a_feed_of_headline_summary_and_time_opens_no_story() -> None:
    text = page(*STORY, "责任编辑:罗晓", "最新评论", *FEED)
    document = parse_document(text)
    (article,) = document.articles
    held = article_text(article)
    assert "夜间文旅" not in held and "公交线路" not in held and "提早半个月" not in held
    assert "饭后散步的好去处" in article.body
    assert document.chrome_lines >= len(FEED)


def test_a_feed_of_two_lines_an_item_is_still_a_teaser_list() -> None:
    # The second form, the one the earlier rule was written for: a headline
    # over its date, here with the comments heading above the pairs.
    pairs = (
        "醴陵烟花厂转型做起夜游生意?",
        "2024-04-11",
        "株洲两条公交线路下月起调整",
        "2024-04-10",
    )
    text = page(*STORY, "责任编辑:罗晓", "热门评论", *pairs)
    held = all_text(parse_document(text))
    assert "夜游生意" not in held and "饭后散步的好去处" in held


def test_a_story_strung_under_another_keeps_its_one_date_line() -> None:
    # One headline over its summary over a time is a second story, not a feed:
    # its date line opens it, and the comments heading above stays a heading
    # between stories (issue 11).
    second = (
        "株洲两条公交线路下月起调整走向",
        "2024-04-12 21:05:11",
        "为方便新建小区居民出行,市公交公司将对两条线路的走向和站点进行调整,方案正在征求市民意见。",
    )
    document = parse_document(page(*STORY, "责任编辑:罗晓", *second))
    assert "征求市民意见" in all_text(document)


# An aggregator's story prints no 来源 or 编辑 line: no footer ends it.
PLAIN = (STORY[0], *STORY[2:])

# readhub's coverage box: the outlets' headlines, each over the outlet's name.
COVERAGE = (
    "媒体报道",
    "独家:荷塘文创街区首批商户名单出炉,咖啡馆占了一半",
    "潇湘科技",
    "老纺织厂房如今成了年轻人的打卡地,你去过吗?",
    "星城观察",
    "文创街区开街,周末手作市集和露天电影等你来",
    "潇湘科技",
)


def test_teasers_paired_with_their_outlet_under_the_story_are_chrome() -> None:
    document = parse_document(page(*PLAIN, *COVERAGE))
    held = all_text(document)
    assert "首批商户名单" not in held and "打卡地" not in held and "星城观察" not in held
    assert "饭后散步的好去处" in held
    assert document.chrome_lines >= 6


def test_teasers_paired_with_their_time_are_chrome() -> None:
    # baijiahao's author box prints the time with month, day and hour run
    # together ("04-1118:40"); the box's heading here is one no rule knows.
    latest = (
        "这位作者的其他文章",
        "渌口区早稻开镰,农机手连夜抢收忙",
        "04-1118:40",
        "攸县百年老桥完成加固,重新通行了!",
        "04-1017:52",
    )
    held = all_text(parse_document(page(*PLAIN, *latest)))
    assert "连夜抢收" not in held and "04-1118:40" not in held and "老桥" not in held
    assert "饭后散步的好去处" in held


def test_a_notice_signed_with_its_body_and_date_stays() -> None:
    # One pair of that look — the issuing body over the date — is a notice's
    # signature, not a list: a list is two pairs or more.
    signed = (
        "请各商户于本月底前到街区管理办公室登记,逾期未登记的将不能参加首届手作市集。",
        "荷塘区文创街区管理委员会",
        "2024年4月12日",
    )
    held = all_text(parse_document(page(*PLAIN, *signed)))
    assert "管理委员会" in held


def test_a_subhead_over_its_paragraph_stays() -> None:
    parts = (
        "红砖墙里的新生意",
        "一位咖啡店老板说,开业第一个周末的客流超出了预期,周边写字楼的年轻人是主要客人。",
        "老行车成了网红背景",
        "厂房里保留下来的老行车被刷成了亮黄色,不少市民专门赶来拍照留念,街区管理方说会定期检修维护。",
    )
    held = all_text(parse_document(page(*PLAIN, *parts)))
    assert "红砖墙里的新生意" in held and "老行车成了网红背景" in held


def test_a_comments_count_marked_in_thousands_heads_the_comments() -> None:
    assert opens_furniture("4,060 条评论") and opens_furniture("7 条评论")
    assert opens_furniture("为您推荐了10篇文章")
    comments = (
        "1,208 条评论",
        "这个街区我去过,周末人太多了,建议多设几个停车位。",
        "回复 ⋅ 12条回复   356",
    )
    held = all_text(parse_document(page(*STORY, *comments)))
    assert "停车位" not in held and "饭后散步的好去处" in held


def test_a_sentence_counting_comments_stays() -> None:
    assert not opens_furniture("方案公示期间共收到1,208条评论意见,大多支持改造。")
    assert not opens_furniture("专家评论")


def test_a_readers_writer_and_time_line_opens_the_comments() -> None:
    assert opens_furniture("湘江边的鱼[某某网湖南省株洲市手机网友]2024-04-12 10:20:11")
    assert opens_furniture("某某网湖南省长沙市网友ip:113.24.*.*2024-04-12 11:02:45")
    comments = (
        "湘江边的鱼[某某网湖南省株洲市手机网友]2024-04-12 10:20:11",
        "厂房改得不错,就是晚上停车太难了",
        "+1顶35",
        "某某网湖南省长沙市网友ip:113.24.*.*2024-04-12 11:02:45",
        "希望多保留一些老物件,别都改成奶茶店。",
    )
    held = all_text(parse_document(page(*STORY, "责任编辑:罗晓", *comments)))
    assert "停车太难" not in held and "奶茶店" not in held and "饭后散步的好去处" in held


def test_a_story_quoting_a_reader_keeps_the_quote() -> None:
    quote = (
        "网友“湘江边的鱼”在留言中写道,希望街区多保留一些老物件,2024-04-12 发布后获得上百个点赞。"
    )
    assert not opens_furniture(quote)
    assert "老物件" in all_text(parse_document(page(*STORY, quote)))


# A self-media post whose paragraphs close with no full stop: it has no
# story paragraph, so a heading below its 原创 line had been taken for
# one of its sections and the site's list stayed in it.
POST = (
    "三款国产解谜游戏上架 画风一个比一个怪",
    "原创 湘东游戏 2024-04-12 22:18:34",
    "第一款的主角是一只会说话的茶壶,玩家要帮它在厨房里找回丢失的壶盖",
    "第二款把棋盘搬进了老式筒子楼,每走一步楼里的住户都会换一种表情",
    "第三款最难,关卡全靠声音提示,建议戴上耳机玩",
)


def test_a_post_without_full_stops_ends_at_the_sites_list() -> None:
    recommended = (
        "为您推荐了8篇文章",
        "株洲一家老茶馆开了四十年",
        "醴陵陶瓷博物馆周末免费开放",
    )
    held = all_text(parse_document(page(*POST, *recommended)))
    assert "老茶馆" not in held and "陶瓷博物馆" not in held
    assert "建议戴上耳机玩" in held


def test_a_gallery_ends_at_the_sites_list_under_its_date() -> None:
    gallery = (
        "湘江两岸春日花海",
        "1/6  湘江风光带的樱花进入盛花期,市民沿江赏花拍照",
        "2024-03-20 08:15:02",
        "相关推荐",
        "株洲一家老茶馆开了四十年",
        "醴陵陶瓷博物馆周末免费开放",
    )
    held = all_text(parse_document(page(*gallery)))
    assert "老茶馆" not in held and "樱花" in held


def test_a_heading_above_a_posts_opener_cuts_nothing() -> None:
    # The menu's "热门推荐" above the 原创 line is no list under the post.
    held = all_text(parse_document(page(POST[0], "热门推荐", *POST[1:])))
    assert "建议戴上耳机玩" in held and "老式筒子楼" in held


def test_the_authors_latest_posts_heading_ends_the_story() -> None:
    latest = ("作者最新文章", "株洲一家老茶馆开了四十年", "醴陵陶瓷博物馆周末免费开放")
    held = all_text(parse_document(page(*STORY, *latest)))
    assert "老茶馆" not in held and "饭后散步的好去处" in held


def test_further_reading_set_above_the_closing_source_line_is_teasers() -> None:
    # 163 sets its 延伸阅读 titles right above "本文来源:… 责任编辑:…"; the
    # titles ran on to that line, so only the first was a teaser and the
    # others became the story's sections.
    further = (
        "延伸阅读",
        "醴陵瓷谷周末办起陶艺市集 游客排队体验拉坯",
        "渌口区早稻开镰:农机手连夜抢收",
        "攸县百年老桥完成加固 重新通行",
        "本文来源:株洲日报 责任编辑:罗晓",
    )
    document = parse_document(page(STORY[0], *STORY[2:], *further))
    held = all_text(document)
    assert "早稻开镰" not in held and "百年老桥" not in held and "饭后散步的好去处" in held
    assert any("百年老桥" in link.title for link in document.related_links)


def test_a_story_under_related_news_with_its_source_line_keeps_its_headline_as_text() -> None:
    second = (
        "【相关新闻】",
        "石峰区老旧小区加装电梯开工",
        "来源:株洲日报 作者:周晓岚",
        "本周一,石峰区清水塘街道三个老旧小区的加装电梯工程同时开工,预计年底前投入使用。",
    )
    document = parse_document(page(*STORY, *second))
    assert "加装电梯开工" in all_text(document) and "预计年底前投入使用" in all_text(document)
    assert not any("加装电梯" in link.title for link in document.related_links)
