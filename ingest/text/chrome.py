"""Web chrome: the lines a saved or copied web page carries that are not the
story — navigation, location lines, share widgets, font-size controls, image
placeholders, page tools, repost and copyright notices, comment forms,
counters. The parser leaves them out of every article and counts them
(``sources.chrome_lines``); they stay in the source file.

Each vocabulary is a module-level tuple, matched on folded text (simplified,
half-width), so 【關閉本頁】 and 【关闭本页】 are read alike. A line is chrome
when it is one of these shapes as a whole, never because it holds a word:
a story may well say 分享 or 评论.
"""

from __future__ import annotations

import re
from functools import cache

from ingest.text.bylines import CREDIT_ROLES, ROLES
from ingest.text.dates import find_date
from ingest.text.fold import CJK, fold
from ingest.text.surnames import name_shaped

# Lines made only of these words (spaces, |, brackets between) are chrome:
# "• 上一篇 • 下一篇", "关闭本页 打印本页 收藏", "分享到: 微信 微博 QQ空间".
NAVIGATION = (
    "上一篇",
    "下一篇",
    "上一页",
    "下一页",
    "返回",
    "返回首页",
    "回首页",
    "返回顶部",
    "返回列表",
    "首页",
    "点击查看全文",
    "查看全文",
    "阅读全文",
    "展开全文",
    "没有了",
    "更多",
    # A breadcrumb's last step on a line of its own, under the headline:
    # "当前位置:宏观频道首页 > 数据 >" / headline / "正文" (caijing, session 24).
    "正文",
    # A photo gallery's own pager: "共4张  上一组  下一组  【返回图集】" (session 25;
    # the count is read with the counts, ``GALLERY_SIZE_RE``).
    "上一组",
    "下一组",
    "上一张",
    "下一张",
    "返回图集",
    "打开app",
    "下载app",
    "客户端",
    # The digital edition's own navigation: "版面导航", "往期回顾", "【返回目录】".
    "版面导航",
    "标题导航",
    "往期回顾",
    "往期",
    "返回目录",
    # Its pager between pages of the paper: "上一版  下一版" (session 22),
    # with the page's PDF: "上一版  下一版  PDF下载", "本版PDF" (session 23).
    "上一版",
    "下一版",
    "pdf下载",
    "下载pdf",
    "本版pdf",
    "pdf版",
    "本版标题导航",
    "本版标题",
    "本版导航",
    "本版目录",
    "本期目录",
    "点击查看原文",
    "查看原文",
    # A gallery's own: "上一张  下一张  【返回图集】"; a list's pager: "上一页 1 2 下一页 尾页".
    "上一张",
    "下一张",
    "返回图集",
    "尾页",
    "末页",
    # A self-media post's foot: "阅读原文".
    "阅读原文",
    # A long story's pager: "1   2   下一页   余下全文" (the rest on one page).
    "余下全文",
    # A portal's header tools: "搜索  网站地图 设置首页", "搜索" alone.
    "搜索",
    "站内搜索",
    "网站地图",
    "设置首页",
    "设为首页",
    "联系我们",
    "关于我们",
    # A portal's links to its other editions: "移动版 客户端 微信" (chinanews).
    "移动版",
    "手机版",
    "触屏版",
    # A portal's header links: "腾讯网首页 / 网站导航 / 邮箱 / 登录微博" (qq, 2012)
    "网站导航",
    "邮箱",
)
SHARE = (
    "分享到",
    "分享",
    "微信",
    "微博",
    "新浪微博",
    "腾讯微博",
    "腾讯qq",
    "qq空间",
    "qzone",
    "qq好友",
    "qq",
    "易信",  # NetEase's messenger, between 分享到 and 微信 on 163
    "朋友圈",
    "微信朋友圈",
    "豆瓣",
    "人人网",
    "复制链接",
    "扫一扫",
    "二维码",  # the share widget's QR-code tab, alone on its line
    "手机看",
    "手机看新闻",  # sohu 2016's phone widget (the eleventh held-out set)
    "手机扫码",
    "转发",
    # The share bar's WeChat tab, "微信扫一扫:分享" (chinanews), and a WeChat
    # post's foot: "分享 收藏 点赞 在看" (session 22).
    "微信扫一扫",
    "点赞",
    "在看",
    "写留言",
)
# A WeChat post's furniture, each a line of its own: the collection the post
# is filed in ("收录于合集" over "#株洲新闻 128个"), the preview's notice, the
# reader's prompts at the foot.
WECHAT = (
    "收录于合集",
    "收录于话题",
    "预览时标签不可点",
    "微信扫一扫关注该公众号",
    "继续滑动看下一个",
    "向上滑动看下一个",
    "轻触阅读原文",
)
# A video player's furniture: its loading notice and its clock, "视频加载中...",
# "00:00 / 02:15"; a list's "加载中..." (session 22).
PLAYER_RE = re.compile(r"^(?:视频)?(?:正在)?加载中[.。…]*$|^\d{1,2}:\d{2}\s*/\s*\d{1,2}:\d{2}$")
# An entry of a portal's rolling news list, its time and channel before the
# title: "(2020-08-16 22:26:38)[社会] 某地暴雨…" (a list page, no story).
LIST_ENTRY_RE = re.compile(
    r"^\(\d{4}-\d{2}-\d{2}(?:\s+\d{2}:\d{2}(?::\d{2})?)?\)\s*\[[^\[\]]{1,6}\]"
)
# A search box's tabs, the web first: "网页  新闻" (sohu), "网页 新闻 图片 视频".
SEARCH_TABS_RE = re.compile(r"^网页(?:\s+(?:新闻|图片|视频|音乐|地图|知道|贴吧|博客|问答))+$")
WECHAT_COLLECTION_RE = re.compile(r"^#[^#\s]{1,20}\s*\d+个$")
# "字号: 大 中 小", "默认 超大"; "标准" (the usual size) on a line of its own
# under a portal's date line read as a bare author's name.
FONT_SIZE = (
    "字号", "字体", "调整字体", "大", "中", "小", "默认", "标准", "超大", "a+", "a-",
    # the two buttons named (南方网, session 24): "字号减小 字号增大"; and
    # 人民网's "大字号 小字号" (the eighth held-out set)
    "字号减小", "字号增大", "字号放大", "字号缩小", "字体放大", "字体缩小",
    "大字号", "中字号", "小字号",
    # the three buttons run together: "大中小" (sohu), "小中大"
    "大中小", "小中大",
    # a digital edition's zoom buttons: "放大  缩小  默认  |  打印本页" (session 25)
    "放大", "缩小", "还原",
)  # fmt: skip
PAGE_TOOLS = (
    "关闭本页",
    "关闭窗口",
    "关闭",
    "×",  # a dialog's close button (sina's sign-in box)
    "打印本页",
    "打印",
    # A foreign broadcaster's tool bar, one button a line: "转寄朋友" / "打印文稿";
    # a portal's "打印文章".
    "打印文稿",
    "打印文章",
    # Taiwan's and Hong Kong's word for printing, which folding to simplified
    # characters leaves as it is: "【列印】 【關閉】" (session 24).
    "列印",
    "列印本页",
    "转寄朋友",
    "收藏",
    "收藏本页",
    "加入收藏",
    "推荐给好友",
    "复制网址",
    "纠错",
    "我要纠错",
    "举报",
    "反馈",  # "举报/反馈" under an aggregator's post
    "不感兴趣",  # a recommendation feed's own button under each teaser
    "我要反馈",
    "关注",  # an account's follow button: "关注" alone on its line
    # A dialog's buttons: "取消   确认".
    "取消",
    "确认",
    # What the bookmark button says once pressed: "已收藏!", "收藏成功  查看我的收藏".
    "已收藏",
    "收藏成功",
    "查看我的收藏",
    # A self-media post's tip jar: "微信扫一扫赞赏作者   赞赏".
    "赞赏",
    # A portal's tool bar: "缩小字体  放大字体  收藏  微博  微信  分享  20,536".
    "缩小字体",
    "放大字体",
    "收藏本文",
    "知道了",  # a dialog's one button
    # A government portal's accessibility and elder-care modes: "无障碍浏览" (shanxi).
    "无障碍浏览",
    # the same, shorter or glued to the elder-care mode's button: "无障碍", "无障碍浏览进入
    # 关怀版" (中国网, 163; the ninth held-out set, session 25)
    "无障碍",
    "关怀版",
    "进入关怀版",
    "无障碍浏览进入关怀版",
    "无障碍阅读",
    "长者模式",
    "关怀版",
)
# Where a photo stood: "【查看原图】", "【资料图】", "[图片]".
PLACEHOLDERS = ("查看原图", "资料图", "点击查看大图", "点击看大图", "图片", "组图", "视频")
COMMENTS = (
    "发表评论",
    "网友评论",
    "我要评论",
    # the comment box's field label: "评论内容：" (a MetInfo site, the eleventh held-out set)
    "评论内容",
    "评论",
    "查看评论",
    "登录",
    "注册",
    "匿名发表",
    "提交",
    # Under each reader's comment: "查看回复 8 举报", "回复 踩0 赞54 收藏",
    # "| 回复"; the widget's own tabs "最热 最早 最新", "全部楼层".
    "回复",
    "查看回复",
    "发表",
    "马上发表",
    "最热",
    "最早",
    "最新",
    "全部楼层",
)
# A portal's sign-in and account menu, its words spaced or run together:
# "个人中心帐号设置意见反馈退出", "新用户注册忘记密码", "登录快速注册没有账号?",
# "邮箱登录", "退出" alone (seen on baijiahao, gamersky, hexun, cmse, people).
ACCOUNT = (
    "个人中心",
    "帐号设置",
    "账号设置",
    "意见反馈",
    "退出",
    "退出登录",
    "登录",
    "注册",
    "新用户注册",
    "快速注册",
    "立即注册",
    "免费注册",
    "免注册",
    "忘记密码",
    "找回密码",
    "没有账号",
    "没有帐号",
    "邮箱登录",
    "手机登录",
    "快速登录",
    "记住我",
    # The sign-in form's checkbox: "下次自动登录", "记住登录状态".
    "下次自动登录",
    "自动登录",
    "记住登录状态",
    "记住密码",
    # A sign-in box's labels and checkbox, its inputs gone: "账号：" / "密码：
    # 十天内免登录 忘记密码？" (a portal's top bar), "用户名： 密码： 记住密码".
    "账号:",
    "帐号:",
    "用户名:",
    "密码:",
    "十天内免登录",
    # a self-media platform's button for writers: "申请入驻" (网易号)
    "申请入驻",
)
# A ranking's period tabs: "一天 三天 一周", "24小时 本周 本月" — two or more:
# one alone ("一天") may head a story's section.
PERIOD_TABS = (
    "一天",
    "三天",
    "一周",
    "一月",
    "24小时",
    "48小时",
    "本周",
    "本月",
    "日榜",
    "周榜",
    "月榜",
)
WORD_RULES = (
    ("navigation", NAVIGATION),
    ("share", SHARE),
    ("font size", FONT_SIZE),
    ("page tools", PAGE_TOOLS),
    ("navigation", WECHAT),
    ("image placeholder", PLACEHOLDERS),
    ("comments", COMMENTS),
)
# Lines that open with these are chrome whatever follows: "上一篇:…",
# "当前位置:首页 > 新闻 > 正文", "本文链接:http://…", "特别声明:…".
PREFIXES = (
    # a government site's pager names its items 条: "上一条：关于举办…的通知" (session 25's
    # second fixtures)
    ("navigation", ("上一篇:", "下一篇:", "上一篇 ", "下一篇 ", "上一条:", "下一条:")),
    ("location", ("当前位置", "所在位置", "您的位置", "你的位置", "您现在的位置", "位置:")),
    ("share", ("分享到:", "分享:", "分享至")),
    ("font size", ("字号:", "字体:", "字号 ", "[字号", "【字号")),
    (
        "notice",
        ("声明:", "特别声明", "免责声明", "版权声明", "本文链接", "原文链接", "版权所有"),
    ),
    (
        "comments",
        (
            "网友评论",
            "发表评论",
            "文明上网",
            "评论:",
            # A comment form's fields and its sign-in line: "昵称:", "验证码:",
            # "登录后才能评论", "查看全部评论 >>".
            "昵称:",
            "验证码:",
            "登录后",
            "请登录",
            "查看全部评论",
            "查看更多评论",
        ),
    ),
    # "扫一扫在手机打开当前页", "扫码阅读手机版": the phone-version widget.
    ("share", ("扫一扫", "扫码")),
    # A self-media post's foot: "点击关注 炎陵那些事", "喜欢此内容的人还喜欢".
    (
        "navigation",
        ("点击关注", "长按关注", "点击蓝字", "点击上方蓝字", "喜欢此内容的人", "推荐阅读"),
    ),
    # A portal's search bar with its hot words: "热门搜索:   转型   综改   旅游" (shanxi).
    ("navigation", ("热门搜索", "热搜词")),
    # A site's footer: "主办:株洲市荷塘区人民政府办公室  湘ICP备05001234号".
    # "制作单位:新华网股份有限公司  版权所有:…" (新华网, session 24).
    ("footer", ("主办:", "主办单位:", "承办:", "协办:", "技术支持:", "网站标识码", "制作单位:")),
)
# Short unpunctuated lines only: a sentence may open with 扫码 or 推荐阅读 and go on.
MAX_PREFIX_ONLY = {
    "扫一扫": 24,
    "扫码": 24,
    "推荐阅读": 12,
    "登录后": 16,
    "请登录": 16,
    "热门搜索": 40,
    "热搜词": 40,
}
# Counters: "阅读量:1024", "浏览次数:56", "点击数 12", "阅读 3.2万".
COUNTER_RE = re.compile(
    r"^(?:阅读量|阅读数|阅读|浏览次数|浏览量|浏览|点击数|点击量|点击|访问量|点赞|评论数)"
    # the count in brackets: "阅读 (1.1万)" (搜狐号, session 25)
    r"\s*[:]?\s*(?:[\d.]+\s*[万次]?|\(\s*[\d.]+\s*[万次]?\s*\))$"
)
# A platform's link back under a post: "返回搜狐,查看更多" (搜狐号, session 25),
# "返回网易首页,查看更多资讯".
BACK_TO_SITE_RE = re.compile(r"^返回[^\s,。]{1,8}[,\s]+查看更多(?:资讯|内容|精彩内容)?$")
# A portal's calendar with its words: "今天是：2024年05月07日 星期二" (session 25's review).
TODAY_RE = re.compile(r"^今天是\s*:?\s*\d{4}年\d{1,2}月\d{1,2}日\s*(?:星期[一二三四五六日天])?$")
# A comment box's count of what the reader typed: "已输入0字", "还可以输入140字".
TYPED_COUNT_RE = re.compile(r"^(?:已输入|还可以?输入|还能输入|可输入)\s*\d+\s*字$")
# A count printed beside a page tool, its label an icon or a word: "踩0",
# "赞54", "8", "+1踩0", "20,536" (thousands marked).
TOOL_COUNT_RE = re.compile(r"^(?:\+?\d{1,3}(?:,\d{3})+|\+?\d+|[踩赞顶]\(?\d+\)?)+$")
# When a reader's comment (or a listed story) went out, alone or after the
# reader's name: "13小时前", "刚刚", "笑笑 6天前" — a story dates itself.
# "昨天" alone under a post's headline (readhub), "前天 18:20" under a comment.
TIME_AGO_RE = re.compile(
    # the source may be glued to it: "某某网9小时前" (a portal's top-news list)
    r"^(?:\S{1,20}?\s*)?(?:刚刚|昨天|前天|\d{1,2}\s*(?:秒|分钟|小时|天)前)(?:\s*\d{1,2}:\d{2})?$"
)
# A listed story's line of source and counts: "某某晚报 ⋅ 26评论 ⋅ 相关",
# "株洲日报 · 12评论" — one part a count of comments or reads.
TEASER_COUNTS_RE = re.compile(r"^\d+(?:\.\d+)?万?(?:评论|条评论|阅读|次阅读|赞)$")
MAX_TEASER_COUNTS_LINE = 40
# How many photos a gallery holds, beside its pager: "共4张".
GALLERY_SIZE_RE = re.compile(r"^共\d{1,3}张$")
# A gallery's count over its teaser in a list, "9图": no photo stood there.
GALLERY_COUNT_RE = re.compile(r"^\d{1,3}图$")
# A line of separators alone: "|", "丨 |" (the links between them were icons);
# a comma alone, left between a related link's date and its topic tag once
# each stood on a line of its own (a broadcaster's list: "2012年12月6日" / "," /
# "香港"), or a dot between two menu entries ("·").
SEPARATORS_RE = re.compile(r"^[|丨,、·•\s]+$")
# Image placeholders: "图片1.jpg", "IMG_2031.JPG", "打开凤凰新闻,查看更多高清图片",
# "打开APP查看精彩图片", "[图片]".
PLACEHOLDER_RE = re.compile(
    r"^(?:\S{1,40}\.(?:jpe?g|png|gif|webp|bmp)|打开[^。]{0,20}查看[^。]{0,8}图片|图片\d{0,3}|图\d{1,3})$",
    re.IGNORECASE,
)
# "本文为红网原创文章,转载请注明出处", "未经授权不得转载", "转载请注明来源".
# "株洲日报社版权所有 未经授权不得转载": the owner's name may stand before it, a space between.
# "腾讯公司 版权所有", "Copyright © 2019 SITE All rights reserved.": a footer's
# owner before or after; "本文仅代表作者个人观点。": an opinion column's disclaimer.
# A browser notice at the foot of a page: "如欲取得最佳浏览效果，请使用最新的…浏览器"
# (a broadcaster's Chinese site), "为获得最佳浏览效果，建议使用IE9以上版本".
NOTICE_RE = re.compile(
    # "图片来源:东方IC 版权作品 请勿转载" (fenghuang, second held-out set; session 24)
    r"^(?:本文[为系]\S{0,30}原创|[^。,]{0,20}转载请|[^。,]{0,20}未经\S{0,10}授权"
    r"|[^。]{0,30}(?:请勿|禁止|严禁|谢绝)转载[。!]?$"
    r"|\S{0,20}\s?版权所有|copyright|©|本文仅?代表作者|[^。,]{0,10}最佳浏览效果"
    # a platform's note of the account it carries: "本文来自网易号“株洲晚报”",
    # "本文来自百家号作者:某某" (session 23)
    r"|本文来自\S{0,4}号"
    # the platform's notice in English under a self-media post: "Notice: The
    # content above … is uploaded and posted by a user of NetEase Hao, …" (163)
    r"|notice:\s*the content above"
    # a footer's line of who runs the site, ending in its rights: "共青团中央主办 中国青年报主管
    # 中青网新媒体科技(北京)有限公司版权所有" (中国青年网)
    r"|[^。,;!?]{0,60}版权所有$"
    # the browser a portal is best seen in: "(建议使用1024×768分辨率IE8.0以上版本浏览器)"
    # (福建省人民政府, the eleventh held-out set)
    r"|\(?建议使用\S{0,40}浏览器\)?$"
    # a portal's note on what it reposts: "本网转载此文出于传递更多信息之目的,
    # 版权归原作者所有。" (session 25), "…如有侵权请联系删除,版权归原作者所有"
    r"|[^。,]{0,20}转载\S{0,4}出于传递更多信息之目的"
    # (with the repost or takedown it is about: "馆方表示,展出作品版权归原作者所有。" is a
    # story's sentence; session 25's review)
    r"|[^。]{0,40}(?:转载|侵权|来源于网络)[^。]{0,40}版权归原作者所有[。!]?$"
    # "版权归原作者所有,向原创致敬" (潇湘晨报's repost, the thirteenth held-out set)
    r"|版权归原作者所有\s*[,!]?\s*向原创致敬)"
)
# A site's footer naming who runs it: "新湖南 湖南日报社主办", "主办单位:某某县
# 融媒体中心" — a short line, no sentence (session 23).
# Not "主办单位:…": an event story's info box prints it beside 承办单位 (the
# session's review).
RUN_BY_RE = re.compile(
    r"^[^,。;!?由]{0,12}\s*[^,。;!?由\s]{2,16}(?:社|中心|网|台|办公室|人民政府|集团)主办$"
)
# A site's registration numbers, wherever on the line: "湘ICP备05001234号", "湘公网安备 43020…号";
# its licences by number and its reporting lines: "信息网络传播视听节目许可证:0105123",
# "互联网新闻信息服务许可证10120170007号", "违法和不良信息举报电话:…", "网络110报警服务"
# (中国网, 中国青年网: the ninth held-out set, session 25).
REGISTRATION_RE = re.compile(r"icp[备证]|公网安备")
# (only on a line with no sentence in it: "…共核发取水许可证15件,…" and "市网信办开通违法
# 和不良信息举报专线,…" are story text; session 25's review)
LICENCE_RE = re.compile(r"许可证\s*:?\s*(?:[a-z\d(京]|[^\s,。]{1,4}\d)|不良信息举报|网络110报警")
# "已有0条评论,共0人参与", "已有12人参与": the count, never "已有300余户…".
COMMENT_COUNT_RE = re.compile(
    r"^已有\s*\d+\s*(?:条评论|人(?:参与|评论|围观))"
    # a comment link with its count: "我来说两句(0)" (sohu), "我要评论(3)"
    # ("我来说两句(人参与)": its count left to the page's script, sohu 2016)
    r"|^(?:我来说两句|我要评论|发表评论|查看评论)\s*\((?:\d+|\d*\s*人参与)\)$"
    # readers and comments counted under the date line: "5人参与2评论" (凤凰网's
    # column, the ninth held-out set; session 25). Under the story, "9条评论|52人参与"
    # and "跟贴1918参与59625" head the comments (``opens_furniture``).
    r"|^\d+\s*人参与\s*\|?\s*\d+\s*条?评论$"
)
# A comment form's rule line: "请遵守互联网相关政策法规,文明上网,理性发言".
# "请自觉遵守互联网相关的政策法规,共同营造…的跟评互动环境。" (guancha): the
# laws named, then the comments they govern — a story's "遵守交通法规" names none.
COMMENT_RULE_RE = re.compile(
    r"^\S{0,24}(?:文明上网|理性发言)"
    # who may comment: "人民网强国社区注册用户可以发表评论。"
    r"|^\S{0,16}(?:注册用户|会员|网友)(?:才)?(?:可以|可)发表评论"
    r"|^\S{0,6}遵守[^。]{0,24}(?:法规|法律)[^。]{0,40}(?:评论|跟评|跟帖|发言|留言)"
)
# A comment widget's dialogs and its keyboard hint: "是否确认删除本条评论?",
# "正文已结束,您可以按alt+4进行评论" (qq).
COMMENT_DIALOG_RE = re.compile(
    r"^(?:是否|确定|确认|您确定)[^。]{0,6}删除[^。]{0,8}(?:评论|回复|留言|跟帖)吗?\??$"
    r"|^正文已结束|^[^。]{0,20}按\s*alt\s*\+\s*\d"
)
# A sign-in dialog's QR-code steps: "扫描成功!", "点击手机上的确认即可登录" (sina).
# "使用QQ登录", "使用第三方登录": the dialog's other ways in. A prompt with
# its sign-in button far to its right: "把你最喜欢的栏目添加到这里来哦    马上登录"
# (thepaper's column picker).
LOGIN_STEP_RE = re.compile(
    r"^(?:扫描|扫码)成功!?$|^[^。,]{0,12}手机[^。,]{0,8}确认[^。,]{0,4}登录$|^使?用\S{1,6}登录$"
    r"|^[^。]{1,24}\s{2,}(?:马上|立即|点击)登录$"
)
# A QR code's prompt, speaking to the reader: "扫描下方二维码解锁更多技能",
# "更多猛料!欢迎扫描左方二维码关注…官方微信", "扫一扫,用手机看新闻!",
# "长按二维码向我转账", "微信扫一扫赞赏作者"; "用微信扫描还可以" over the
# share widget's "分享至好友和朋友圈" (the instruction and nothing else). Not
# a story's "扫码乘车 手机支付更方便" or "市民扫码关注…": the prompt names
# where the code is, or what scanning it does for the reader.
QR_PROMPT_RE = re.compile(
    r"(?:扫描|扫一扫|扫码|长按)[^。]{0,8}?"
    r"(?:[上下左右][方侧边面]的?二维码|二维码(?:向|关注|赞赏|打赏|转账|解锁|下载)"
    r"|用手机看|手机(?:浏览|阅读|打开)|赞赏|打赏|转账)"
    r"|^用(?:微信|qq|微博|手机)(?:扫描|扫一扫|扫码)(?:还?可以|即可)?(?:分享)?(?:二维码)?$"
)
# A photo's caption may show the scene ("居民扫描二维码关注社区公众号(王小川 摄)"):
# a credit at its end makes it one.
_CREDIT_END_RE = re.compile(r"(?:摄|供图)\)?$")
MAX_QR_PROMPT = 60
# An app's promotion in brackets under the story: "(本文来自SITE,更多原创资讯请
# 下载“SITE”APP)" (thepaper).
APP_PROMO_RE = re.compile(
    r"^[(【\[][^()【】\[\]]{0,40}(?:下载|关注)[^()【】\[\]]{0,16}"
    r"(?:app|客户端|公众号|微信|微博)[)】\]]$"
)
# A mobile page's prompt to read on in the app: "打开APP阅读更多精彩内容",
# "打开APP,查看全文", "下载客户端看更多", "在APP内打开" (session 22).
APP_READ_ON_RE = re.compile(
    r"^(?:在)?(?:打开|下载|前往|去)?(?:app|客户端)(?:内打开|[,\s]*(?:阅读|查看|看|浏览)"
    r"(?:更多|全文|完整|原文)[^,。!?]{0,8})$"
    # the app named, the layout's space before the bid (session 23): "打开时刻
    # 新闻 阅读更多精彩", "下载新湖南客户端 看湖南每日新闻", "打开网易新闻 查看精彩图片"
    r"|^(?:打开|下载)[^\s,。!?]{2,10}\s+(?:阅读|查看|看|浏览)[^\s,。!?]{0,6}"
    r"(?:更多|精彩|全文|原文|新闻|资讯)[^\s,。!?]{0,4}$"
    # the app named, then any slogan (session 24): "下载华声客户端,湖南新闻早知道";
    # an app box's name over its slogans: "华声新闻客户端:"
    # (a quoted app is a story's: "下载“株洲通”app 办事不用跑腿"; so is a how-to)
    r"|^(?:打开|下载)[^\s,。!?“”\"]{0,8}(?:客户端|app)(?:[\s,!]+[^,。?]{2,12})?$"
    r"|^(?!.*(?:下载|怎样|如何|怎么))[^\s,。!?“”\"]{2,10}(?:客户端|app):$"
)
# A gallery's bid to turn its page: "点击图片进入下一页", "点击查看下一张".
GALLERY_PAGER_RE = re.compile(r"^点击(?:图片|大图)?(?:进入|查看|浏览)?(?:上|下)一(?:页|张|图)$")
# A site's header with its app's download button at the end, the layout's
# spaces between: "财富热线:400-6533-789   APP下载" (xds). A story's info box
# may print a hotline, never a download button after it.
DOWNLOAD_BUTTONS = ("app下载", "下载app", "客户端下载", "下载客户端")
MAX_DOWNLOAD_HEADER_WORDS = 3
# A link button in brackets inside a promotion: "…评选火热进行中!【点击投票】"
# (sina, run into the story's first paragraph); "【点击报名】", "【点击进入】".
# A link to more of the site, the channel named after it: "更多精彩资讯请点击
# 网易股票" (163, the fifth held-out set; session 24), "更多内容请关注 株洲发布".
CALL_TO_ACTION_RE = re.compile(
    r"【点击[^【】]{1,6}】"
    # a section's link: "资讯新闻(点击进入)" (华声在线, the thirteenth held-out set)
    r"|^[^\s,。]{2,8}\(点击进入\)$"
    r"|^更多(?:精彩)?(?:资讯|内容|新闻|信息|报道)?(?:请点击|请关注|请访问|敬请关注)\s*[^\s。,!?]{2,12}$"
)
# The promotion is a line or two of a banner (79 characters on sina); a long
# paragraph that links a button stays the story's.
MAX_CALL_TO_ACTION_LINE = 90
# A report button with its object: "举报文章问题", "投诉该内容".
REPORT_RE = re.compile(r"^(?:举报|投诉)(?:该|此|本|这篇)?(?:文章|内容|评论|帖子)(?:问题)?$")
# A location line (breadcrumbs): "首页 > 新闻中心 > 株洲新闻 > 正文".
# "人民网 >> 湖南频道 >> 市州" doubles the sign.
# An arrow is a step too: "首页 → 理论新闻" (chinanews).
BREADCRUMB_RE = re.compile(r"^[^>»→]{1,16}(?:\s*(?:[>»]{1,2}|→)\s*[^>»→]{1,16}){1,8}$")
# A platform's column of accounts is a site's name too: "澎湃号·政务 > 株洲发布"
# (session 24), "百家号·财经 > …".
PLATFORM_COLUMN_RE = re.compile(r"^[^\s\d]{1,6}号\s*·\s*[^\s\d]{1,6}$")
# One step is enough from the home page: "首页 > 荷塘新闻".
HOME = ("首页", "网站首页", "主页", "home")
# A digital edition's page list and the page in hand: "第A03版:综合·城区",
# "【第A04版:县域】", "当前版:08版", "2023年第A02版要闻" — a page number and
# at most a section name, never a sentence.
EDITION_PAGE_RE = re.compile(
    r"^(?:\d{4}年)?(?:第[a-z]?\d{1,3}版|当前版:?\s*[a-z]?\d{1,3}版)[:\s]*\S{0,8}$"
    # an entry of the list of pages by its code alone: "A01:要闻" (session 25)
    # (a paper's sections run A to H: "S21：长株高速" is a road; session 25's review)
    f"|^[a-h]\\d{{2}}\\s*:\\s*[{CJK}·]{{1,6}}$"
    # and by its code and 版: "当前：A04版 县区" (株洲晚报; session 25's second fixtures)
    f"|^[a-h]\\d{{2}}版[:\\s]*[{CJK}·]{{0,6}}$"
)
# The edition's lists of its pages and of a page's stories (session 23):
# "第A01版  第A02版  第A03版  第A04版", "本版共3篇  第1篇  第2篇  第3篇".
EDITION_ROW_RE = re.compile(
    r"^(?:第[a-z]?\d{1,3}版(?:\s+第[a-z]?\d{1,3}版)+"
    r"|本版共\s*\d{1,2}\s*篇(?:\s+第\d{1,2}篇)*|第\d{1,2}篇(?:\s+第\d{1,2}篇)+)$"
)
# A site's masthead on a line of its own: "株洲日报数字报", "株洲新闻网",
# "荷塘区人民政府门户网站", "今日株洲APP", "头条号株洲生活圈", "时刻新闻客户端扫码下载";
# or a row of them: "株洲新闻网 | 株洲日报 | 株洲晚报 | 往期回顾".
SITE_SUFFIXES = (
    "数字报",
    "数字报刊",
    "数字版",
    "数字报刊平台",
    "新闻网",
    "门户网站",
    "政府网",
    "在线",
    "客户端",
    "app",
    "日报",
    "晚报",
    "扫码下载",
    "人民政府",  # a government site's masthead: "天元区人民政府"
    "频道",
    # a county media centre's app: "渌口融媒" over "打开APP 阅读更多精彩内容"
    # (session 25); "醴陵融媒", "攸县融媒"
    "融媒",
)
MEDIA_CENTRE_APP = "融媒"
MAX_MEDIA_APP_NAME = 6
MAX_MOTTO_SIDE = 8
# A site's name beside its motto may be any name of news: "湖南本地新闻".
LOOSE_SITE_SUFFIXES = (*SITE_SUFFIXES, "新闻", "资讯", "网")
MAX_SITE_NAME = 16
# Dashes too, around a widget's word: "—分享—" (an em or en dash; "-" is half
# of the font-size buttons "A-").
_SPLIT_RE = re.compile(r"[\s|丨/•·【】\[\]()<>:—–]+")
MAX_CHROME_LINE = 120
# word → its rule, the first vocabulary listing it winning
_WORD_RULE = {w: rule for rule, words in reversed(WORD_RULES) for w in words}
# The words a count may stand beside (not a font size's "大 5", a story's).
_COUNTED = {*NAVIGATION, *PAGE_TOOLS, *COMMENTS, *SHARE}


def _longest_first(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


@cache
def _first_chars(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w[0] for w in words)


_SHARE_WORDS = _longest_first(SHARE)
_ACCOUNT_WORDS = _longest_first(ACCOUNT)
_PERIOD_WORDS = _longest_first(PERIOD_TABS)


# A line spaced letter by letter, as a footer's layout prints it: "人 民 网 股
# 份 有 限 公 司 版 权 所 有 ,未 经 书 面 授 权 禁 止 使 用" (人民网, session 24).
_LETTER_SPACED_RE = re.compile(r"^(?:\S ){6,}\S")
_LETTER_SPACE_RE = re.compile(r"(?<=\S) (?=\S)")
# A widget's loading notice: "若长时间无响应,请刷新本页面" (光明网's poll).
RELOAD_RE = re.compile(r"^[^。]{0,12}请?刷新(?:本)?(?:页面|网页)[。!]?$")


def chrome_rule(text: str) -> str | None:
    """The rule that makes *text* a line of web chrome, or None."""
    t = fold(text).strip().lower()
    if _LETTER_SPACED_RE.match(t):
        t = _LETTER_SPACE_RE.sub("", t)
    if RELOAD_RE.match(t):
        return "page tools"
    # A date alone is the page's date line, never a row of numbers ("2024 05/09
    # 22:27:02" had been read as a menu of six words).
    if t[:1].isdigit() and (stamp := find_date(t)) and stamp.start == 0 and stamp.end == len(t):
        return None
    # A page's layout spaces a widget's words far apart ("上一页", seventy
    # spaces, "1/3", sixty more, "下一页" on wechat): they are no text.
    # (spaced_len is never more than len: a line that short needs no count.)
    if not t or (len(t) > MAX_CHROME_LINE and spaced_len(t) > MAX_CHROME_LINE):
        return None
    if PLACEHOLDER_RE.match(t.strip("[]【】()")):
        return "image placeholder"
    if COUNTER_RE.match(t) or COMMENT_COUNT_RE.match(t) or GALLERY_COUNT_RE.match(t):
        return "counter"
    if TYPED_COUNT_RE.match(t):
        return "counter"
    if TIME_AGO_RE.match(t) or SEPARATORS_RE.match(t):
        return "comments"
    if is_teaser_counts(t):
        return "counter"
    if is_breadcrumb(t):
        return "location"
    if NOTICE_RE.match(t):
        return "notice"
    if REGISTRATION_RE.search(t) or RUN_BY_RE.match(t):
        return "footer"
    if LICENCE_RE.search(t) and not re.search("[。,;!?]", t):
        return "footer"
    if COMMENT_RULE_RE.match(t) or COMMENT_DIALOG_RE.match(t):
        return "comments"
    if LOGIN_STEP_RE.match(t) or is_word_row(t, _ACCOUNT_WORDS, 1):
        return "account"
    if is_qr_prompt(t) or APP_PROMO_RE.match(t) or APP_READ_ON_RE.match(t):
        return "share"
    if is_download_header(t):
        return "share"
    if CALL_TO_ACTION_RE.search(t) and spaced_len(t) <= MAX_CALL_TO_ACTION_LINE:
        return "navigation"
    if BACK_TO_SITE_RE.match(t):
        return "navigation"
    if TODAY_RE.match(t):
        return "page tools"
    if REPORT_RE.match(t):
        return "page tools"
    if is_word_row(t, _PERIOD_WORDS, 2):
        return "navigation"
    if is_edition_page(t) or EDITION_ROW_RE.match(t) or WECHAT_COLLECTION_RE.match(t):
        return "navigation"
    if SEARCH_TABS_RE.match(t):
        return "navigation"
    if GALLERY_PAGER_RE.match(t):
        return "navigation"
    if PLAYER_RE.match(t):
        return "page tools"
    if LIST_ENTRY_RE.match(t):
        return "navigation"
    head = t.lstrip("【[")
    for rule, prefixes in PREFIXES:
        if not head.startswith(prefixes):
            continue  # one call for the rule's prefixes, not one for each
        for prefix in prefixes:
            if head.startswith(prefix) and is_prefix_line(head, prefix):
                return rule
    words = [w for w in _SPLIT_RE.split(t) if w]
    # A button's word may close with the "!" its state prints: "已收藏!".
    bare = [w for w in _SPLIT_RE.split(t.rstrip("!")) if w]
    if bare and all(w in _WORD_RULE for w in bare):
        return _WORD_RULE[bare[0]]
    # A list's pager: "上一页 1 2 3 4 5 下一页 尾页"; a comment's tools with
    # their counts: "查看回复 8 举报", "回复 踩0 赞54 收藏", "584 | 收藏".
    counted = [w for w in words if not (TOOL_COUNT_RE.match(w) or GALLERY_SIZE_RE.match(w))]
    if counted and len(counted) < len(words) and all(w in _COUNTED for w in counted):
        return _WORD_RULE[counted[0]]
    if words and all(TOOL_COUNT_RE.match(w) for w in words) and "|" in t:
        return "counter"  # "0 |", "| +1踩0": the labels were icons
    if is_word_row(t, _SHARE_WORDS, 2):
        return "share"
    # Not a date line whose date the split cut into numbers: "荷塘发布  2024/05/06
    # 14:32" is six short words (session 25).
    if (
        (is_menu(words) or is_menu_row(t) or is_dashed_menu(t))
        and not is_credit_row(words)
        and find_date(t) is None
    ):
        return "navigation"
    if is_masthead(t, words):
        return "masthead"
    return None


def is_download_header(t: str) -> bool:
    """A few words spaced by the layout, the last an app's download button."""
    words = re.split(r"\s{2,}", t.strip())
    return 1 < len(words) <= MAX_DOWNLOAD_HEADER_WORDS and words[-1] in DOWNLOAD_BUTTONS


def spaced_len(t: str) -> int:
    """The length of *t*, a run of spaces counting as one: a page's layout
    puts dozens between a widget's words."""
    return len(_SPACES_RE.sub(" ", t))


_SPACES_RE = re.compile(r"\s+")


def is_teaser_counts(t: str) -> bool:
    # "时政      中国经济网 ⋅  93评论 ⋅  2分钟前": the column, far to the left.
    parts = [p.strip() for p in re.split(r"[⋅·•]", t)]
    return (
        len(parts) >= 2
        and spaced_len(t) <= MAX_TEASER_COUNTS_LINE
        and any(TEASER_COUNTS_RE.match(p) for p in parts)
    )


def is_word_row(t: str, words: tuple[str, ...], minimum: int) -> bool:
    """A widget's words printed with nothing or spaces between them, at
    least *minimum* of them and nothing else (*words* longest first): share
    buttons "新浪微博微信qq空间" (two or more: "微信" alone may be a story's
    subheading), an account menu "新用户注册忘记密码", "登录快速注册没有账号?"
    (its closing "?" the link's own), period tabs "一天 三天 一周"."""
    # Most lines start with no word of the row (a line's first character
    # after its spaces is the row's first word's): refused before the spaces
    # are taken out and the words tried (0.41 of 33 s for the 1k bench corpus
    # under cProfile, session 25). A line of spaces and "?" is no row either.
    if t.lstrip()[:1] not in _first_chars(words):
        return False
    t = re.sub(r"\s+", "", t).rstrip("?")
    count = 0
    while t:
        word = next((w for w in words if t.startswith(w)), None)
        if word is None:
            return False
        t, count = t[len(word) :], count + 1
    return count >= minimum


# A prompt to follow an account by its code may close with "。" as a sentence
# does: "扫描左侧二维码即可添加某某商业易信公众号，更多资讯。" (a portal's side
# column), "扫描下方二维码，关注株洲日报微信公众号。".
ACCOUNT_PROMPT_RE = re.compile(r"二维码[^。]{0,12}(?:添加|关注)[^。]{0,16}(?:公众号|微信号)")


def is_qr_prompt(t: str) -> bool:
    """``QR_PROMPT_RE`` on a short line that is no sentence of the story
    (a story's sentence ends in "。", unless it bids to follow an account)."""
    return (
        spaced_len(t) <= MAX_QR_PROMPT
        and (not t.endswith("。") or bool(ACCOUNT_PROMPT_RE.search(t)))
        and not _CREDIT_END_RE.search(t)
        and bool(QR_PROMPT_RE.search(t))
    )


def is_prefix_line(t: str, prefix: str) -> bool:
    """A line under a prefix that a sentence may also open with (扫码点餐、…)
    is chrome only when short and unpunctuated: "扫码阅读手机版"."""
    if prefix not in MAX_PREFIX_ONLY:
        return True
    # The colon after a heading is no sentence's ("推荐阅读相关主题:", csdn), and
    # a search bar spaces its words across the page ("热门搜索:   转型   综改").
    rest = t[len(prefix) :].strip(":")
    return spaced_len(t) <= MAX_PREFIX_ONLY[prefix] and not re.search(PUNCTUATION, rest)


def is_breadcrumb(t: str) -> bool:
    """ "首页 > 新闻中心 > 正文", "人民网 >> 湖南频道 >> 市州", "首页 > 荷塘新闻"."""
    if not BREADCRUMB_RE.match(t):
        return False
    steps = t.count(">") + t.count("»") + t.count("→")
    # one step from the site's own name: "株洲新闻网 > 要闻", "株洲新聞網 > 新聞中心"
    first = re.split(r"\s*(?:[>»]{1,2}|→)\s*", t, maxsplit=1)[0].strip()
    site = (
        is_site_name(first) or loose_site_name(first) or PLATFORM_COLUMN_RE.match(first) is not None
    )
    return t.endswith("正文") or steps >= 2 or t.startswith(HOME) or site


def is_edition_page(t: str) -> bool:
    """A page of the digital edition, perhaps after the list's own name:
    "第A03版:综合·城区", "版面导航  第A01版:要闻" (seen on 株洲日报数字报)."""
    t = t.strip("【[]】")
    # ("当前：A04版 县区", a 株洲晚报 page's own line: session 25's second fixtures)
    for word in ("版面导航", "当前版面", "当前:"):
        if t.startswith(word):
            t = t[len(word) :].lstrip(" :")
    return bool(EDITION_PAGE_RE.match(t.strip("【[]】")))


def is_masthead(t: str, words: list[str]) -> bool:
    """A site's name on a line of its own, or a row of them; its words may be
    spaced apart ("今日株洲 APP", "头条号 株洲生活圈"); or a site's name and
    its motto ("资讯汇 - 湖南本地新闻")."""
    # A site's name ending in a colon opens a quote in the text ("据阿根廷经济新闻网:").
    if t.endswith(":") or not words:
        return False
    if any(map(is_site_name, words)) and all(is_site_name(w) or w in _WORD_RULE for w in words):
        return True
    # Not "2020-12-12 華聲在線": a date line naming its publication (seed 001); nor a
    # byline with its source, "株洲日报记者 王林 来源:株洲日报" (a field, a role).
    if (
        " " in t
        and is_site_name(t.replace(" ", ""))
        and not re.search(r"\d|" + PUNCTUATION, t)
        and not any(role in t for role in ROLES)
    ):
        return True
    # Both sides short: "山西品牌丝路行(南美站)正式启动 - 山西省人民政府门户网站"
    # (a saved page's title bar, seen on the GNE pages) is a headline and a site.
    parts = [p.strip() for p in re.split(r"\s+[-—_]+\s+", t)]
    return (
        len(parts) == 2
        and all(0 < len(p) <= MAX_SITE_NAME and not re.search(PUNCTUATION, p) for p in parts)
        and any(p.endswith(LOOSE_SITE_SUFFIXES) for p in parts)
        and min(map(len, parts)) <= MAX_MOTTO_SIDE
    )


_PAPER_RE = re.compile(r"^\s*(?P<paper>[^\s|丨/•·]{2,10}?(?:日报|晚报))(?:社)?\s*(?:数字|$)")


def masthead_paper(text: str) -> str | None:
    """The newspaper a digital edition's masthead names: 株洲日报 of
    "株洲日报数字报", "株洲晚报数字报刊平台", "株洲日报 数字报", "株洲日报"
    — the paper that 本报 means on its pages. None for any other masthead."""
    if chrome_rule(text) != "masthead":
        return None
    m = _PAPER_RE.match(text)
    return m.group("paper") if m else None


# A site's own account named after it: "国务院客户端小程序", "株洲日报微信公众号".
ACCOUNT_KINDS = ("小程序", "微信公众号", "公众号", "官方微博", "官方微信")


def loose_site_name(word: str) -> bool:
    """A site's name by a looser ending: "1905电影网", "株洲新闻"."""
    return len(word) <= MAX_SITE_NAME and word.endswith(LOOSE_SITE_SUFFIXES)


def is_site_name(word: str) -> bool:
    for kind in ACCOUNT_KINDS:
        if word.endswith(kind) and len(word) > len(kind):
            return is_site_name(word[: -len(kind)])
    # a county app's name is short: "渌口融媒", not the headline "打造全国一流县级融媒"
    if word.endswith(MEDIA_CENTRE_APP) and len(word) > MAX_MEDIA_APP_NAME:
        return False
    return len(word) <= MAX_SITE_NAME and (
        word.endswith(SITE_SUFFIXES) or word.startswith("头条号")
    )


# A site's menu as a row: "红网首页 | 株洲频道 | 时刻新闻", "关于我们 | 联系我们 | 网站地图".
MIN_ROW_ITEMS = 3
MAX_ROW_ITEM = 8
PUNCTUATION = r"[,。;:!?、“”]"


def is_menu_row(t: str) -> bool:
    items = [w.strip() for w in re.split(r"[|丨]", t)]
    return (
        len(items) >= MIN_ROW_ITEMS
        and all(0 < item_width(w) <= MAX_ROW_ITEM for w in items)
        and not re.search(PUNCTUATION, t)
    )


def is_credit_row(words: list[str]) -> bool:
    """A row of credits, each craft before its name: "图文 | 李沁  视频 | 欧阳明
    剪辑 | 欧阳明" (学习强国, session 24) is a byline, no menu: crafts and names
    take turns. A menu's "视频 | 高清 | 直播 | 专题" has one craft, then words."""
    crafts, names = words[::2], words[1::2]
    return (
        len(words) >= 4
        and all(w in CREDIT_ROLES or w in ROLES for w in crafts)
        and all(w not in CREDIT_ROLES and name_shaped(w) for w in names)
    )


def item_width(item: str) -> int:
    """A menu entry's length, a Latin word counting as one character: a
    portal's footer prints "关于腾讯 | About Tencent | 服务协议 | 隐私政策"."""
    return len(re.sub(r"[a-z]+", "a", item.replace(" ", "")))


# A site's menu copied as one line: "黄金 信托 理财 互金 众筹 P2P 行情", a Latin
# word counting as one character ("… 侨网 经纬 English 图片 …", chinanews).
MENU_WORDS = 6
MAX_MENU_WORD = 4


def is_dashed_menu(t: str) -> bool:
    """A menu whose entries a dash joins: "新闻-体育-S-娱乐-V-财经-IT-汽车-房产" (sohu);
    a footer's longer entries, a dash and a space after each: "南方报业传媒集团
    简介- 网站简介- 广告服务- 招标投标- …" (南方网, session 24)."""
    if t.count("-") >= MENU_WORDS - 1 and is_menu([w for w in re.split(r"[\s-]+", t) if w]):
        return True
    items = [w.strip() for w in re.split(r"-\s+", t)]
    return (
        len(items) >= MENU_WORDS
        and all(0 < item_width(w) <= MAX_FOOTER_ENTRY for w in items)
        and not re.search(PUNCTUATION, t)
        and any(w.endswith(FOOTER_ENTRIES) for w in items)
    )


MAX_FOOTER_ENTRY = 10
# A site's footer links (a row of award names has the same shape).
FOOTER_ENTRIES = (
    "简介",
    "联系我们",
    "关于我们",
    "法律声明",
    "网站地图",
    "友情链接",
    "广告服务",
    "版权声明",
)


def is_menu(words: list[str]) -> bool:
    """Many short words and nothing else — unless they are a byline's or a
    footer's roles and names ("一审 刘一 二审 陈二 三审 张三"); fewer where the
    first is the home page's ("首页 时政 县域 视频"): a headline opens with no 首页."""
    home = bool(words) and words[0] in HOME
    return (
        len(words) >= (MIN_ROW_ITEMS + 1 if home else MENU_WORDS)
        and all(item_width(w) <= MAX_MENU_WORD and w.isalnum() for w in words)
        and not any(w.startswith(ROLES) for w in words)
        # a row of names is a list of people ("张三 李四 王五 …", the winners)
        and not all(name_shaped(w) for w in words)
    )


# A site's menu copied one entry a line ("新闻" / "体育" / "财经" / "房产" …):
# each line alone could be a kicker or a short headline, a run of them is
# not. An entry is short with no sentence punctuation ("报料 注册 登录" with
# its spaces); a bare number ("4060", a counter whose label was an icon)
# stands in such runs too.
MAX_MENU_ITEM = 8
MIN_MENU_RUN = 4


def is_menu_item(text: str) -> bool:
    """A short line with no sentence punctuation and no work's title: a
    story's list of works and their authors, one a line ("一等奖作品:" /
    "《老街》" / "王丽华" / "《山那边》" / "张建国"), is four short lines too,
    and a menu names its site's sections, never a work in 《》."""
    t = re.sub(r"\s+", "", fold(text))
    return (
        0 < len(t) <= MAX_MENU_ITEM
        and not re.search(PUNCTUATION + r"|[.!?…]$", t)
        and not re.search("[《》]", t)
    )


# The heading of a block of page furniture under a story: its comments
# ("热门评论 7条", "全部评论 59条", "评论(191)", "跟贴1199", "12条评论 | 80人参与",
# "最新评论 刷新"), other stories recommended or ranked ("相关推荐", "为您推荐",
# "更多精彩", "点击排行", "阅读排行榜 评论排行榜", "作者最近文章"). Below it,
# the page holds no more of the story.
FURNITURE_HEADINGS = (
    "相关推荐",
    "为您推荐",
    "为你推荐",
    "推荐新闻",
    "猜你喜欢",
    "热门推荐",
    "精彩推荐",
    "今日推荐",
    "更多精彩",
    "精彩图片",
    "热点新闻",
    "热新闻",
    "热门新闻",
    "热门文章",
    "点击排行",
    "排行榜",
    "阅读排行榜",
    "评论排行榜",
    "大家都在看",
    "作者最近文章",
    # baijiahao's author box: "作者最新文章" over the author's other posts.
    "作者最新文章",
    "跟贴",
    "热门跟贴",
    "查看更多跟贴",
    "去跟贴广场看看",
    # a WeChat account's earlier posts under the story: "往期回顾" (session 23);
    # above the story the same word is the digital edition's menu entry
    "往期回顾",
    "往期推荐",
    "往期精彩",
    # 163's box of picks between the story and its closing source line
    "重点推荐",
)
MAX_FURNITURE_HEADING = 30
# "评论", "网友评论", "观察员评论 5条", "评论(191)", "热评论", "6条评论" — the
# widget's own words before it, never a column's ("专家评论" may head a
# section of the story).
_COMMENTS_HEADING_RE = re.compile(
    r"^(?:\d+条)?(?:热门|全部|最新|最热|精彩|网友|读者|观察员|热|新)?(?:评论|跟贴)\(?\d*\)?条?$"
    # 163's self-media channel: "网易跟贴" over "跟贴1918参与59625" (the ninth
    # held-out set; session 25)
    r"|^网易跟贴$|^跟贴\d+参与\d+$"
)
_COUNT_TAIL_RE = re.compile(r"\(?\d+\)?条?$")
# The count before a comments heading, as toutiao prints it: marked in
# thousands and spaced from its word ("4,060 条评论", "7 条评论"); read as
# "4060条评论".
_SPACED_COUNT_RE = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)\s*(?=条)")
# A recommendation box's heading with its count: "为您推荐了10篇文章"
# (toutiao), "为你推荐 8 条新闻".
_RECOMMENDED_COUNT_RE = re.compile(r"^为[您你]推荐了?\s*\d+\s*[篇条](?:文章|新闻|内容)?$")
# A reader's comment opens with its writer, where the site places them and
# when: "往事随风[网易山东省德州市手机网友]2019-09-07 17:51:44",
# "网易浙江省杭州网友ip:112.17.*.*2019-09-07 20:11:41" (163). A story that
# quotes a reader names them in a sentence ("网友“小河边”说…"), not in
# brackets before a timestamp.
_COMMENTER_RE = re.compile(
    r"网友[\]】)]?\s*(?:ip:[\d.*]+)?\s*\d{4}-\d{1,2}-\d{1,2}\s*\d{1,2}:\d{2}(?::\d{2})?$"
)
MAX_COMMENTER_LINE = 60


def opens_comments(text: str) -> bool:
    """A heading of the readers' comments ("网友评论", "热门评论 7条")."""
    # Folding keeps the length: a long line is told without it (every line of
    # a page is asked, ``drop_furniture_tail``).
    if len(text.strip()) > MAX_FURNITURE_HEADING:
        return False
    t = fold(text).strip().lower()
    return bool(t) and bool(_COMMENTS_HEADING_RE.match(heading_word(t)))


def heading_word(t: str) -> str:
    """A heading's first word, before its tools or counts ("热门评论 7条",
    "相关推荐 | 更多")."""
    return re.split(r"\s*[|丨]\s*|\s+", t.strip("【[]】"))[0]


def opens_furniture(text: str) -> bool:
    """A heading that opens the comments or other stories' list under a
    story (what follows it on the line is its tools or counts), or the
    first comment's writer-and-time line, which opens the comments where
    the page prints no heading over them."""
    t = fold(text).strip().lower()
    if len(t) <= MAX_COMMENTER_LINE and _COMMENTER_RE.search(t):
        return True
    if not t or len(t) > MAX_FURNITURE_HEADING:
        return False
    t = _SPACED_COUNT_RE.sub(lambda m: m.group(1).replace(",", ""), t)
    if _RECOMMENDED_COUNT_RE.match(t):
        return True
    head = heading_word(t)
    return bool(_COMMENTS_HEADING_RE.match(head)) or _COUNT_TAIL_RE.sub("", head) in (
        FURNITURE_HEADINGS
    )


# Lines told by the lines beside them (``chrome_rules``):
#
# - a pager printed one entry a line: "上一页" / "1" / "2" / "下一页" (guancha's
#   comment list). A lone number is no chrome by itself — a story numbers its
#   parts ("1" over "AMUNDI副首席投资官…" on sina, "3" over a column's third
#   point on huanqiu) — only numbers counting up one line after another, with
#   the pager's own word directly above or below them;
# - a tool's count whose label was an icon: "0" directly over "收藏成功  查看我的收藏"
#   (under a tool only a 0, "分享到:" over "0" on 163: a story's first part
#   number "1" may stand under the share buttons, over its own paragraph);
# - the signed-in reader's name over the account menu: "登录NAME" over
#   "个人中心帐号设置意见反馈退出" (baijiahao), "欢迎您,NAME" over "个人中心 退出".
PAGER_WORDS = ("上一页", "下一页", "尾页", "末页", "上一张", "下一张")
_LONE_NUMBER_RE = re.compile(r"^\d{1,3}$")
COUNTED_RULES = ("page tools", "share", "comments", "account")
_SIGNED_IN_RE = re.compile(r"^(?:登录|欢迎您?|您好)[,:]?\s*\S{1,20}$")


def chrome_rules(texts: list[str]) -> list[str | None]:
    """The chrome rule of each of *texts* (a file's non-blank lines in
    order): its own (``chrome_rule``), or the one the lines beside it give."""
    rules = [chrome_rule(x) for x in texts]
    numbered_titles_under_contents(texts, rules)
    # each line folded once for the passes that read the lines around it
    heads = [fold(t).strip() for t in texts]
    hosts_of_an_event(heads, rules)
    if len(texts) > 1 and rules[0] is None and rules[1] in MENU_RULES and is_short_name(texts[0]):
        rules[0] = "masthead"
    for n in range(1, len(texts)):
        # The app's slogan under its download button: "下载客户端" over "独家
        # 抢先看" (ifeng), over "新闻早知道" — read as the page's source.
        if (
            rules[n] is None
            and heads[n - 1].lower() in DOWNLOAD_BUTTONS
            and is_short_name(texts[n])
        ):
            rules[n] = "share"
    slogans_in_an_app_box(heads, rules)
    dated_teasers_under_a_heading(heads, rules)
    search_box_words(heads, rules)
    contacts_in_a_footer(heads, rules)
    numbers = [lone_number(x) for x in texts]
    n = 0
    while n < len(texts):
        below = rules[n + 1] if n + 1 < len(rules) else None
        above = rules[n - 1] if n else None
        if numbers[n] is None:
            if rules[n] is None and below == "account" and is_signed_in(texts[n]):
                rules[n] = "account"
            elif rules[n] is None and is_menu_over_its_entries(texts, n):
                rules[n] = "navigation"
            n += 1
            continue
        end = n
        while end + 1 < len(texts) and numbers[end + 1] == (numbers[end] or 0) + 1:
            end += 1
        around = [texts[i] for i in (n - 1, end + 1) if 0 <= i < len(texts)]
        if any(fold(t).strip() in PAGER_WORDS for t in around):
            rules[n : end + 1] = ["navigation"] * (end + 1 - n)
        elif n == end and (below in COUNTED_RULES or (numbers[n] == 0 and above in COUNTED_RULES)):
            rules[n] = "counter"
        n = end + 1
    return rules


# The digital edition's list of a page's headlines under its name, numbered
# from 1: "本版标题导航" / "1  神农城音乐喷泉夜场开放" / "2  一座老水塔变身社区
# “共享书房”" (株洲晚报); "本期目录" / "1. …" — links, not the story's lines.
CONTENTS_WORDS = ("导航", "目录", "本版标题")
_NUMBERED_TITLE_RE = re.compile(r"^(?P<n>\d{1,2})(?:\s+|[.、]\s*)\S.{1,40}$")


# A site's or app's name alone on the file's first line, its menu or its
# location right under it (session 23): "红网时刻" over "首页 | 时刻头条 | 株洲",
# "学习强国" over "首页 > 湖南学习平台 > 市州动态", "新湖南" over "首页 > 市州 >
# 株洲" — names no list of site endings knows; a headline is not that short
# over a menu.
MENU_RULES = ("navigation", "location")
MAX_SHORT_NAME = 8
_SHORT_NAME_RE = re.compile(f"^[{CJK}a-z]{{2,{MAX_SHORT_NAME}}}$")


# Who holds an event, in the story's info box: "活动时间:6月1日" / "活动地点:
# 神农公园" / "主办单位:株洲市文旅广电局" / "承办单位:…" — the story's text,
# though a site's footer prints "主办:…" in the same words (PREFIXES). The
# box's other labels tell them apart: a footer has no time or place of an
# event (a contest notice: "比赛时间:" / "主办:"; an exhibition: "展期:").
HOST_PREFIXES = ("主办", "承办", "协办", "指导单位", "支持单位")
# A bare "时间:" is no such label: a web page's date line prints it.
EVENT_LABEL_RE = re.compile(
    r"^(?:(?:活动|比赛|赛事|展览|演出|报名|开幕|举办|参赛|参展|会议|培训|讲座|论坛|考试|招聘)"
    r"(?:时间|地点|日期|主题|对象|方式|内容)|展期)\s*:"
)
EVENT_BOX_REACH = 3


def hosts_of_an_event(heads: list[str], rules: list[str | None]) -> None:
    """Give back to the text the 主办/承办 lines of an event's info box: a
    run of them with an event's time, place or theme label within
    ``EVENT_BOX_REACH`` lines (``EVENT_LABEL_RE``). *heads*: the lines folded."""
    hosts = [h.startswith(HOST_PREFIXES) for h in heads]
    for n, host in enumerate(hosts):
        if not (host and rules[n] == "footer"):
            continue
        lo, hi = n, n
        while lo > 0 and hosts[lo - 1]:
            lo -= 1
        while hi + 1 < len(hosts) and hosts[hi + 1]:
            hi += 1
        near = range(max(0, lo - EVENT_BOX_REACH), min(len(heads), hi + 1 + EVENT_BOX_REACH))
        if any(EVENT_LABEL_RE.match(heads[i]) and rules[i] is None for i in near):
            rules[n] = None


# A search box's placeholder or suggested words under its button, the site's
# header going on below: "搜索" / "那一夜,我给你开过车" / "1905电影网" / menu
# (1905电影网, session 24) — taken for the story's kicker.
SEARCH_BUTTONS = ("搜索", "搜一搜", "站内搜索")
# What stands under a site's header: its name or menu, not a story's tools
# (a headline under the search button stands over "字号 大 中 小").
HEADER_RULES = ("navigation", "location", "masthead")
MAX_SEARCH_WORDS = 16


def search_box_words(heads: list[str], rules: list[str | None]) -> None:
    for n in range(1, len(heads) - 1):
        t = heads[n]
        if (
            rules[n] is None
            and (rules[n + 1] in HEADER_RULES or loose_site_name(heads[n + 1]))
            and re.sub(r"\s", "", heads[n - 1]) in SEARCH_BUTTONS
            and len(t) <= MAX_SEARCH_WORDS
            and not re.search("[。!?]$", t)
        ):
            rules[n] = "navigation"


# A site's contact lines among its footer or notices: "ICP备案号:湘ICP备…" over
# "联系电话:0731-23456789" (a city government's site), "声明:…" over
# "报料热线:0731-28000000" (澎湃号), session 24. A notice's own "咨询电话:…"
# in its text has no footer beside it.
# "违法和不良信息举报电话:020-…" under a footer's menu (南方网).
CONTACT_RE = re.compile(
    rf"^(?:[{CJK}]{{0,10}}(?:电话|热线|邮箱|传真|地址|邮编)|e-?mail)\s*:", re.IGNORECASE
)
FOOTER_RULES = ("footer", "notice")


def contacts_in_a_footer(heads: list[str], rules: list[str | None]) -> None:
    """A footer's menu counts above a contact line only: "返回顶部" under a
    notice's "联系电话:…" is the page's tool, the notice's line its text."""
    contact = [rules[n] is None and bool(CONTACT_RE.match(h)) for n, h in enumerate(heads)]
    for n in range(len(heads)):
        if contact[n] and n > 0 and rules[n - 1] in (*FOOTER_RULES, "navigation"):
            rules[n] = "footer"
    for n in range(len(heads) - 2, -1, -1):
        if contact[n] and rules[n] is None and rules[n + 1] in FOOTER_RULES:
            rules[n] = "footer"


# An app's box at the foot of a page: "华声新闻客户端:" / "看湖南 听湖南" /
# "湖南人自己的新闻客户端" / "扫码下载" (session 24) — its slogan, short and
# unpunctuated, stands between the box's other lines; a story's line does
# not stand between two of them.
MAX_APP_SLOGAN = 12
_SLOGAN_RE = re.compile(rf"^[{CJK}\s]{{2,{MAX_APP_SLOGAN}}}$")


# Under the app's name with its colon, the box's few short lines are its
# slogans whatever stands below: "会赚钱的客户端:" / "网易携手华泰证券" / "推出
# “打新神器”:" / "重点推荐" (163's box under a story, the fifth held-out set).
_APP_NAME_RE = re.compile(r"^[^\s,。!?]{2,10}(?:客户端|app):$")
MAX_BOX_LINES = 3
MAX_BOX_LINE = 16


def names_staff(text: str) -> bool:
    """Whether a short line names a reporter or an editor ("责任编辑 王林",
    "记者 王林 通讯员 李华"): no app's slogan, whatever stands around it."""
    return any(role in text for role in ROLES)


def slogans_in_an_app_box(heads: list[str], rules: list[str | None]) -> None:
    for n in range(1, len(heads) - 1):
        if (
            rules[n] is None
            and rules[n - 1] == "share"
            and rules[n + 1] in ("share", "masthead")
            and _SLOGAN_RE.match(heads[n])
            and not names_staff(heads[n])
        ):
            rules[n] = "share"
    for n, head in enumerate(heads):
        if not _APP_NAME_RE.match(head.lower()):
            continue
        for k in range(n + 1, min(len(heads), n + 1 + MAX_BOX_LINES)):
            t = heads[k]
            if (
                rules[k] is not None
                or len(t) > MAX_BOX_LINE
                or re.search("[。!?]", t)
                or names_staff(t)
            ):
                break
            rules[k] = "share"


def is_short_name(text: str) -> bool:
    return bool(_SHORT_NAME_RE.match(fold(text).strip().lower()))


# Unnumbered, the list is told from the story's own headline lines by the
# headline printed again under it: "本版标题" / "攸县鸾山镇…" / "茶陵县舲舫乡油茶林
# “托管”给合作社" / "炎陵县…" / "茶陵县舲舫乡油茶林“托管”给合作社" / the byline
# (a digital edition's page, session 25).
MAX_LISTED_TITLE = 40


# Other stories listed under a heading above the story, each title ending in its day
# in brackets: "推荐阅读" / "“爱在一中”｜朱雯:…我与我的母校[08-19]" / "博雅育人 | …,…[07-03]"
# (a school's news column, the twelfth held-out set; session 25).
LIST_HEADINGS = ("推荐阅读", "相关阅读", "相关新闻", "热点新闻", "最新文章", "热门文章", "推荐文章")
_DAY_TAIL_RE = re.compile(r"\S[\[(](?:\d{4}-)?\d{2}-\d{2}[\])]$")
MAX_LISTED_LINE = 60


def dated_teasers_under_a_heading(heads: list[str], rules: list[str | None]) -> None:
    """*heads*: the lines folded."""
    for n, head in enumerate(heads):
        if head not in LIST_HEADINGS or rules[n] is None:
            continue
        k = n + 1
        while (
            k < len(heads)
            and rules[k] is None
            and len(heads[k]) <= MAX_LISTED_LINE
            and _DAY_TAIL_RE.search(heads[k])
        ):
            rules[k] = "navigation"
            k += 1


def numbered_titles_under_contents(texts: list[str], rules: list[str | None]) -> None:
    for n, text in enumerate(texts[:-1]):
        if rules[n] != "navigation" or not any(w in text for w in CONTENTS_WORDS):
            continue
        k = n + 1
        while k < len(texts) and rules[k] is None:
            m = _NUMBERED_TITLE_RE.match(fold(texts[k]).strip())
            if m is None or int(m.group("n")) != k - n:
                break
            rules[k] = "navigation"
            k += 1
        if k == n + 1:
            titles_over_their_repeat(texts, rules, n + 1)


def titles_over_their_repeat(texts: list[str], rules: list[str | None], start: int) -> None:
    listed: list[str] = []
    k = start
    while k < len(texts) and rules[k] is None:
        t = fold(texts[k]).strip()
        if t in listed or len(t) > MAX_LISTED_TITLE or re.search("[。;!?]", t):
            break
        listed.append(t)
        k += 1
    if len(listed) >= 2 and k < len(texts) and fold(texts[k]).strip() in listed:
        rules[start:k] = ["navigation"] * (k - start)


def is_menu_over_its_entries(texts: list[str], n: int) -> bool:
    """A row of short words spaced by the layout, each of them a line of its
    own right below: a menu printed as its bar and again as its drop-down
    ("行情   股吧   新闻   外汇   新三板" over "行情" / "股吧" / … on sina's
    finance pages). Five short words are too few for ``is_menu`` (a table's
    header row in a story looks the same); a table's header is not followed
    by its own words one a line."""
    words = re.split(r"\s{2,}", fold(texts[n]).strip())
    if len(words) < MIN_ROW_ITEMS or not all(is_menu_item(w) for w in words):
        return False
    below = {fold(t).strip() for t in texts[n + 1 : n + 1 + len(words) + MENU_ROW_SLACK]}
    return set(words) <= below


# The drop-down may print an entry twice or a heading above its entries.
MENU_ROW_SLACK = 2


def lone_number(text: str) -> int | None:
    """The number a line holds alone, as printed: ``\\d`` and ``int`` read
    full-width digits too, so the line is not folded again (that would double
    the chrome rules' cost on every line)."""
    t = text.strip()
    return int(t) if _LONE_NUMBER_RE.match(t) else None


def is_signed_in(text: str) -> bool:
    return bool(_SIGNED_IN_RE.match(fold(text).strip().lower()))
