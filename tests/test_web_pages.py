"""Web pages as users save or copy them: related-link blocks, chrome, metadata
lines, dates, bylines, headlines and captions. Every example here is written
for the project in the forms real pages take, never copied from a site."""

from __future__ import annotations

from ingest.parse import parse_document


def story(title: str, byline: str, *paragraphs: str) -> str:
    return "\n\n".join([title, byline, *paragraphs])


def test_stories_after_a_related_news_heading_are_articles_not_links() -> None:
    # A long page file: one story, a 相关阅读 line, then hundreds of stories
    # each with its own headline and byline. None of them is a teaser.
    first = story(
        "荷塘区新建三座口袋公园",
        "株洲日报全媒体记者/王小川 通讯员/李青",
        "今年以来,荷塘区利用边角地新建三座口袋公园,周边居民多了休闲去处。",
    )
    others = [
        story(
            f"第{n}个社区开通便民服务站",
            "株洲日报全媒体记者/赵明亮",
            f"记者从芦淞区获悉,第{n}个社区便民服务站本周正式开放,居民办事不出小区。",
        )
        for n in range(1, 301)
    ]
    text = "\n\n".join([first, "相关阅读", *others])
    document = parse_document(text)
    assert len(document.articles) == 301
    assert document.related_links == []
    assert document.articles[-1].title == "第300个社区开通便民服务站"


def test_a_teaser_block_after_the_heading_is_related_links() -> None:
    text = "\n\n".join(
        [
            story(
                "醴陵瓷器走进国际展会",
                "株洲日报全媒体记者/孙一鸣",
                "日前,十余家醴陵陶瓷企业带着新品参加国际展会,现场签下多笔订单。",
            ),
            "【相关新闻】",
            "醴陵举办陶瓷文化周 2023-05-12",
            "株洲产釉下五彩瓷亮相博览会 2023-04-30",
            "陶瓷谷新添两家工作室 2023-04-02",
        ]
    )
    document = parse_document(text)
    (article,) = document.articles
    assert [link.title for link in document.related_links] == [
        "醴陵举办陶瓷文化周",
        "株洲产釉下五彩瓷亮相博览会",
        "陶瓷谷新添两家工作室",
    ]
    assert "陶瓷文化周" not in article.body


def test_a_second_story_under_related_news_with_its_own_byline_is_split() -> None:
    text = "\n\n".join(
        [
            story(
                "攸县开通两条城乡公交",
                "记者/陈小雨",
                "本月起,攸县新开两条城乡公交线路,沿线三个乡镇的村民进城更方便了。",
            ),
            "相关新闻",
            story(
                "茶陵公交实现村村通",
                "株洲日报全媒体记者/刘一凡 通讯员/周敏",
                "截至目前,茶陵县所有行政村都通了公交,最远的山村到县城只需一个小时。",
            ),
        ]
    )
    document = parse_document(text)
    assert [a.title for a in document.articles] == ["攸县开通两条城乡公交", "茶陵公交实现村村通"]
    assert [c.name for c in document.articles[1].contributors] == ["刘一凡", "周敏"]
    assert "相关新闻" not in document.articles[0].body
    assert document.related_links == []


def test_teasers_then_a_story_keep_the_story() -> None:
    text = "\n\n".join(
        [
            story(
                "石峰区老旧小区加装电梯",
                "株洲日报全媒体记者/谭小文",
                "今年石峰区计划为老旧小区加装电梯四十台,目前已完工十二台。",
            ),
            "延伸阅读:",
            "• 天元区加装电梯经验分享\n• 加装电梯补贴怎么申请",
            story(
                "芦淞区试点楼道微改造",
                "通讯员/许佳",
                "芦淞区选取五个小区试点楼道微改造,粉刷墙面、更换照明,花钱少见效快。",
            ),
        ]
    )
    document = parse_document(text)
    assert [a.title for a in document.articles] == [
        "石峰区老旧小区加装电梯",
        "芦淞区试点楼道微改造",
    ]
    assert [link.title for link in document.related_links] == [
        "天元区加装电梯经验分享",
        "加装电梯补贴怎么申请",
    ]
