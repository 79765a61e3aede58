"""Page text → ``Document``: pages, articles, sections, captions, bylines.

Pure: text in, dataclasses out. The steps, each a function:

1. ``split_blocks``: one block per non-blank line (``blocks.py``);
2. ``classify``: what each block is (date line, editor line, byline, heading,
   headline-like line, caption, paragraph), from the recognisers in ``lines.py``;
3. ``split_related_links``: a web repost's closing teaser block is cut off;
4. ``split_pages``: a page header (titles, date line, 责任编辑 line) starts a page;
5. ``find_article_starts``: a byline, or a markdown ``#`` headline, opens an
   article; the headline-like lines right above it are its kicker and title;
6. ``build_article``: sections, captions and paragraphs, with paragraphs that
   the page's columns broke rejoined.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from enum import Enum
from itertools import pairwise

from ingest.model import (
    Article,
    Caption,
    Contributor,
    Document,
    Page,
    Paragraph,
    RelatedLink,
    Section,
)
from ingest.parse.closing import closing_byline
from ingest.parse.credits import keep_credits_apart
from ingest.text import teasers
from ingest.text.blocks import Block, split_blocks
from ingest.text.bylines import assign_organisation
from ingest.text.captions import PHOTO_ROLE, strip_mark
from ingest.text.chrome import (
    MIN_MENU_RUN,
    chrome_rule,
    chrome_rules,
    is_menu_item,
    is_site_name,
    masthead_paper,
    opens_comments,
    opens_furniture,
)
from ingest.text.dates import find_date
from ingest.text.fold import CJK, CJK_RE, detect_script, fold, name_key
from ingest.text.lines import (
    CLOSERS,
    EDITOR_ROLES,
    LEAD_BOX_HEADINGS,
    Byline,
    ends_sentence,
    is_field_line,
    is_short_caption,
    looks_like_headline,
    parse_byline,
    parse_date_line,
    parse_editors,
    split_credit,
)
from ingest.text.metalines import Metadata, parse_metadata
from ingest.text.surnames import name_shaped
from ingest.work import charge


class Kind(Enum):
    DATE = "date"
    EDITORS = "editors"  # a print page's credit line: 责任编辑:… 美术编辑:…
    META = "metadata"  # a web page's labelled fields: 来源:… 作者:… 编辑:…
    TITLE_BAR = "title bar"  # a saved page's title bar: the headline and the site's name
    BYLINE = "byline"  # a byline on a line of its own
    HEADING = "heading"  # a markdown heading
    HEADLINE = "headline"  # a plain line that reads as a headline
    CAPTION = "caption"
    PARAGRAPH = "paragraph"  # also a paragraph that opens with an inline byline


@dataclass
class Line:
    """A block with what it was recognised as."""

    block: Block
    kind: Kind
    byline: Byline | None = None
    meta: Metadata | None = None
    # A caption told only by its shape ("文明勸導。"), which a column-broken
    # paragraph's tail can share (seed 003: "…人居环境" / "品质有效改善。").
    weak: bool = False
    # The headline the page's title bar repeats (``mark_title_bar``): where
    # the story's headline is, whatever the lines around it read as.
    held: bool = False

    @property
    def text(self) -> str:
        return self.block.text


# A caption standing alone after a photo gap is short: "健康服务暖人心".
MAX_GAP_CAPTION = 40
# A caption with a credit can run longer (seed 004: "9月9日,兴湖家园小区…受访者 供图").
MAX_CREDITED_CAPTION = 150
# A news agency's end mark on a line of its own: a wire story closes "(完)",
# a portal's "【完】" or "-完-". It is the story's text, its last paragraph;
# short and unpunctuated, it would otherwise be read as a subheading.
_END_MARK_RE = re.compile(r"^(?:\(完\)|【完】|[-—]+\s*完\s*[-—]+)$")
# Section labels printed before a subheading: "A 率先全面建成小康社会", "1 抓项目强产业…".
_LABEL_RE = re.compile(r"^([0-9]{1,2}|[A-Za-z]|[一二三四五六七八九十]{1,3})[\s、.．]+(\S.*)$")


def classify(block: Block) -> Line:
    text = block.text
    charge(len(text))
    editors = parse_editors(text, block.line)
    if editors is not None and len(editors) >= 2:
        # The print form names several desk roles (seed 000: 责任编辑 美术编辑
        # 校对); a lone "责任编辑:周敏" is a web page's footer, read as metadata.
        return Line(block, Kind.EDITORS)
    meta = parse_metadata(text)
    if meta is not None:
        return Line(block, Kind.META, meta=meta)
    if (signed := byline_over_source(text, block.line)) is not None:
        return Line(block, Kind.META, byline=signed[0], meta=signed[1])
    if parse_date_line(text):
        return Line(block, Kind.DATE)
    byline = parse_byline(text, block.line)
    if byline is not None:
        return Line(block, Kind.PARAGRAPH if byline.rest else Kind.BYLINE, byline)
    if block.is_heading:
        return Line(block, Kind.HEADING)
    # Length first: the credit pattern, searched on a 300 KB line of
    # space-separated two-character words, took minutes (quadratic).
    if (
        len(text) <= MAX_CREDITED_CAPTION
        and split_credit(text)[1] is not None
        and not _GLUED_CAPTION_RE.search(fold(text).strip())
    ):
        # (a paragraph with a photo's caption run into its end is the paragraph:
        # ``captions_glued_to_paragraphs`` takes the caption out)
        return Line(block, Kind.CAPTION)
    if strip_mark(text)[1]:  # "▲荷塘区新建的口袋公园。"
        return Line(block, Kind.CAPTION)
    # A short line closed by the kind of picture it is: "江边晨练的人群(视频截图)".
    if len(text) <= MAX_GAP_CAPTION and _PHOTO_NOTE_RE.search(fold(text).strip()):
        return Line(block, Kind.CAPTION)
    if block.blank_before >= 2 and len(text) <= MAX_GAP_CAPTION and not ends_with_colon(text):
        return Line(block, Kind.CAPTION)
    if is_short_caption(text):
        return Line(block, Kind.CAPTION, weak=True)
    if looks_like_headline(text) and not _END_MARK_RE.match(fold(text).strip()):
        return Line(block, Kind.HEADLINE)
    return Line(block, Kind.PARAGRAPH)


# A closing byline with the source after it on its line: "中青报·中青网记者 魏其濛
# 来源：中国青年报" (中国青年网, the ninth held-out set; session 25).
_SOURCE_AFTER_BYLINE_RE = re.compile(r"\s+(?=(?:来源|稿源|信息来源)\s*:)")


def byline_over_source(text: str, line: int) -> tuple[Byline, Metadata] | None:
    parts = _SOURCE_AFTER_BYLINE_RE.split(fold(text).strip(), maxsplit=1)
    if len(parts) != 2:
        return None
    head = text.strip()[: len(parts[0])]
    byline, meta = parse_byline(head, line), parse_metadata(text.strip()[len(parts[0]) :])
    if byline is None or byline.rest or meta is None:
        return None
    return byline, meta


def ends_with_colon(text: str) -> bool:
    return fold(text).rstrip().endswith(":")


def merge_byline_continuations(lines: list[Line]) -> list[Line]:
    """Join a byline broken over two lines with no blank line between
    (seed 004: "株洲日报全媒体记者/刘琼" / "通讯员/齐云龙")."""
    merged: list[Line] = []
    for line in lines:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and prev.kind is Kind.BYLINE
            and line.kind is Kind.BYLINE
            and line.block.blank_before == 0
            and prev.byline is not None
            and line.byline is not None
        ):
            joined = Byline(
                f"{prev.byline.printed} {line.byline.printed}",
                prev.byline.contributors + line.byline.contributors,
                "",
                prev.byline.publication or line.byline.publication,
            )
            merged[-1] = Line(prev.block, Kind.BYLINE, joined)
            continue
        merged.append(line)
    return merged


def split_related_links(lines: list[Line]) -> tuple[list[Line], list[Line], int]:
    """(article lines, teaser lines, related-links headings) of a page file.

    A related-links heading (seed 001's 相關焦點, 相关阅读, 【相关新闻】) is
    followed by teasers only where the lines under it have a teaser's shape
    (``teasers.py``); whatever follows the teasers — or the heading itself,
    when a story with its own headline and byline stands under it — is
    article text again (issue 11). The headings are page furniture.
    """
    main: list[Line] = []
    related: list[Line] = []
    headings = 0
    i = 0
    while i < len(lines):
        if not teasers.is_marker(lines[i].text):
            main.append(lines[i])
            i += 1
            continue
        headings += 1
        end = teaser_block_end(lines, i + 1)
        related.extend(lines[i + 1 : end])
        i = end
    return main, related, headings


def teaser_block_end(lines: list[Line], start: int) -> int:
    """Index of the first line after the teasers that begin at *start*."""
    j = start
    while j < len(lines):
        text = lines[j].text
        if teasers.bulleted_title(text) is not None:
            j += 1
            # The teaser's text stands right under its title (seed 001).
            while (
                j < len(lines)
                and lines[j].block.blank_before == 0
                and teasers.bulleted_title(lines[j].text) is None
                and not teasers.is_marker(lines[j].text)
            ):
                j += 1
            continue
        if teasers.dated_title(text) is not None or teasers.is_link(text):
            j += 1
            continue
        k = j
        # A 来源/编辑 line ("本文来源:新华社 责任编辑:李明") is the story's, not a teaser.
        while (
            k < len(lines)
            and lines[k].byline is None
            and lines[k].kind not in STORY_OPENERS
            and teasers.is_short_title(lines[k].text)
        ):
            if teasers.is_teaser_shape(lines[k].text) or teasers.is_marker(lines[k].text):
                break
            k += 1
        if k > j and (
            k == len(lines) or teasers.is_teaser_shape(lines[k].text) or closes_story(lines, k)
        ):
            j = k
            continue
        break
    return j


def closes_story(lines: list[Line], n: int) -> bool:
    """Line *n* is the story's closing 来源/编辑 line, with no more story text
    below it: 163 sets its 延伸阅读 teasers right above "本文来源:新华社
    责任编辑:…", and those short titles are teasers. Where a story's text
    follows the 来源 line, the line under 【相关新闻】 is a second story's
    headline, its own (issue 11)."""
    return is_footer(lines[n]) and not any(is_story_paragraph(li) for li in lines[n + 1 :])


def parse_related_links(lines: list[Line]) -> list[RelatedLink]:
    """Teasers, each a title (bulleted "• 株洲工業旅遊,遊個啥?", dated, or a
    short line) with what is printed under it (teaser text, date, link)."""
    links: list[RelatedLink] = []
    bulleted = False  # under a bulleted title, every line is its teaser text
    for line in lines:
        text, number = line.text, line.block.line
        title = teasers.bulleted_title(text)
        dated = teasers.dated_title(text) if title is None and not bulleted else None
        if title is not None:
            bulleted = True
            links.append(RelatedLink(title, "", number, number))
        elif dated is not None:
            links.append(RelatedLink(dated[0], dated[1], number, number))
        elif links and (bulleted or teasers.is_link(text)):
            last = links[-1]
            last.teaser = f"{last.teaser}\n{text}" if last.teaser else text
            last.line_end = number
        else:
            links.append(RelatedLink(text, "", number, number))
    return links


def split_pages(lines: list[Line]) -> list[tuple[list[Line], list[Line]]]:
    """(header lines, body lines) per page.

    A page header is an editor line (责任编辑:…) with the date line and up to two
    title lines right above it: seed 000 prints "# 壮丽70年 奋斗新时代",
    "## 株洲发展成就巡礼·高新区篇", the date line and the editor line; seed 003's
    second page just "综合·城区" and its editor line. Text before the first
    header is a page without a header.
    """
    starts: list[int] = []
    floor = 0
    opens = page_openers(lines)
    for i in range(len(lines)):
        if not opens[i]:
            continue
        start = i
        if start - 1 >= floor and lines[start - 1].kind is Kind.DATE:
            start -= 1
        titles = 0
        while (
            titles < 2
            and start - 1 >= floor
            and lines[start - 1].kind in (Kind.HEADING, Kind.HEADLINE)
        ):
            start -= 1
            titles += 1
        starts.append(start)
        floor = i + 1
    pages: list[tuple[list[Line], list[Line]]] = []
    if not starts or starts[0] > 0:
        pages.append(([], lines[: starts[0] if starts else len(lines)]))
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        editors_at = next(i for i in range(start, end) if opens[i])
        pages.append((lines[start : editors_at + 1], lines[editors_at + 1 : end]))
    return [(h, b) for h, b in pages if h or b]


def page_openers(lines: list[Line]) -> list[bool]:
    """For each line, whether it opens a page (``opens_page``), told whether
    text stands under it."""
    text_after = [False] * (len(lines) + 1)
    for i in range(len(lines) - 1, -1, -1):
        text_after[i] = text_after[i + 1] or lines[i].kind in (Kind.PARAGRAPH, Kind.BYLINE)
    return [opens_page(lines, i, text_after[i + 1]) for i in range(len(lines))]


# The desk roles of a printed page's credit line that no web story prints
# under its text (seed 000: "责任编辑:尹二荣 美术编辑:赵强 校对:马晴春").
PRINT_ROLES = ("美术编辑", "美编", "校对", "版式", "排版", "组版")


def opens_page(lines: list[Line], i: int, text_follows: bool) -> bool:
    """A print credit line, or a lone editor line right under a date line
    (the printed-page header). An editor line anywhere else is an article's
    metadata: it used to open a page in mid-file and take the text with it."""
    line = lines[i]
    if not is_editor_field(line):
        return False
    if line.kind is Kind.EDITORS:
        # Only with text under it: a web story closes on "编辑:王晓燕 责任编辑:
        # 刘亮" (a national broadcaster's site), its own credits, which had
        # opened an empty page. Under a story's last paragraph a web page's
        # credits ("编辑:倪仕轩 责任编辑:林涛", 南方网, session 24, over the site's
        # footer) open none; a printed page's, with its print roles, do.
        return text_follows and (
            i == 0
            or lines[i - 1].kind is not Kind.PARAGRAPH
            or any(role in line.text for role in PRINT_ROLES)
        )
    if not (i > 0 and lines[i - 1].kind is Kind.DATE):
        return False
    # A notice's signature date under its signer, then the site's editor line
    # and no more text, is no page header (session 24); with a story under
    # it, a page's name over its date is one ("综合·城区" / "2024年9月2日").
    return text_follows or not is_signed_date(lines, i - 1)


def is_signed_date(lines: list[Line], i: int) -> bool:
    """Whether the date line *i* may be a signature's, under its signer: a
    county office's notice closes "攸县城市管理和综合执法局" / "2024年9月2日",
    then the site's "责任编辑:易思"."""
    return i > 0 and lines[i - 1].kind in TITLE_KINDS and is_signature_date(lines[i].text)


@dataclass
class ArticleStart:
    run: list[int]  # indices of the kicker/title/subtitle lines
    byline: int | None  # index of the byline line or inline-byline paragraph
    first: int  # index of the first line that belongs to the article
    body: int  # index of the first content line after title and byline


def title_run(lines: list[Line], end: int, floor: int) -> tuple[list[int], int]:
    """Indices of the headline-like lines right above *end*, and the index of
    the first line belonging to the article.

    Captions and date lines between the headline and the byline are skipped: the
    web repost (seed 001) prints its title, the date, a photo caption, then "戴 鵬".
    A short line ending in a colon joins the run: seed 003's "株洲高新区:" above
    "以奋斗之姿推动经济高质量发展".
    """
    run: list[int] = []
    first = end
    j = end - 1
    while j >= floor:
        charge(1)
        line = lines[j]
        # A web address alone is no headline, whatever its length and gaps
        # make of it: a portal's list of its counties' sites
        # ("http://www.linxian.gov.cn/" over "临　县").
        if line.kind in (Kind.HEADING, Kind.HEADLINE) and not teasers.is_link(line.text):
            run.append(j)
            if line.held:
                # The title bar tells where the headline starts: the lines
                # above it are the site's ("搜索  网站地图 设置首页"), not a kicker.
                first = j
                break
        elif line.kind in (Kind.CAPTION, Kind.DATE, Kind.META) and not run:
            pass
        elif (
            line.kind is Kind.PARAGRAPH
            and run
            and ends_with_colon(line.text)
            and len(line.text) <= 16
        ):
            run.append(j)
        else:
            break
        first = j
        j -= 1
    # Collected bottom up and reversed once (an insert at 0 per line was
    # quadratic on a run of 10,000 headline-like lines).
    run.reverse()
    return run, first


def find_article_starts(lines: list[Line]) -> list[ArticleStart]:
    """A byline (on its own line or opening a paragraph) with headline-like
    lines above it opens an article; so does a markdown ``#`` headline."""
    starts: list[ArticleStart] = []
    floor = 0
    run_ends = title_run_ends(lines)
    last_paragraph = max((k for k, li in enumerate(lines) if li.kind is Kind.PARAGRAPH), default=-1)
    for i, line in enumerate(lines):
        is_byline = line.byline is not None
        is_h1 = line.kind is Kind.HEADING and line.block.level == 1
        if not (is_byline or is_h1):
            continue
        if is_byline:
            run, first = title_run(lines, i, floor)
            # A byline on a line of its own with no paragraph under it is the
            # story's closing byline ("记者 刘畅 通讯员 王芳" under a last line
            # that closes no sentence, "在一家企业,生产线已全部实现数字化"): it
            # opens no second story (it had, that line its headline).
            if not run or (line.kind is Kind.BYLINE and i > last_paragraph):
                continue
            body = i + 1 if line.kind is Kind.BYLINE else i
            starts.append(ArticleStart(run, i, first, body))
            floor = i + 1
        elif not starts or i >= floor:
            # A "#" headline not followed by a byline (seed 000's
            # "# 不忘初心谋福祉 牢记使命勇担当"): check the lines below it
            # do not carry a byline that will claim it.
            below = run_ends[i + 1]
            if below < len(lines) and lines[below].byline is not None:
                continue
            starts.append(ArticleStart([i], None, i, i + 1))
            floor = i + 1
    return starts


def title_run_ends(lines: list[Line]) -> list[int]:
    """For each index, the first index at or after it that is no heading,
    headline or caption (``len(lines)`` past the end), in one pass from the
    end: walking forward from every headline was quadratic on a file of
    10,000 "#" headlines."""
    ends = [len(lines)] * (len(lines) + 1)
    for j in range(len(lines) - 1, -1, -1):
        in_run = lines[j].kind in (Kind.HEADING, Kind.HEADLINE, Kind.CAPTION)
        ends[j] = ends[j + 1] if in_run else j
    return ends


def headline_parts(lines: list[Line], run: list[int]) -> tuple[str | None, str, str | None]:
    """(kicker, title, subtitle) from the headline-like lines of a title run.

    Markdown: the most prominent heading is the title; lines above it are the
    kicker, lines below it the subtitle (seed 004: "## 她头胎剖宫产 二胎竟实现顺产"
    over "医生:剖宫产后符合条件者可顺产"). Plain text: the first line of two or
    more is the kicker (seed 003: "石峰区" over "让中医药文化走进千家万户").
    """
    run = [i for n, i in enumerate(run) if n == 0 or not same_text(lines[run[n - 1]], lines[i])]
    texts = [lines[i].text for i in run]
    # The headline a title bar holds is the title; a line over it its kicker.
    if held := [k for k, i in enumerate(run) if lines[i].held]:
        t = held[0]
        return join_headline(texts[:t]) or None, texts[t], join_headline(texts[t + 1 :]) or None
    levels = [lines[i].block.level for i in run]
    headed = [k for k, level in enumerate(levels) if level > 0]
    if headed:
        t = min(headed, key=lambda k: (levels[k], -k))
        kicker = join_headline(texts[:t]) or None
        subtitle = join_headline(texts[t + 1 :]) or None
        return kicker, texts[t], subtitle
    units = colon_units(texts)
    if len(units) == 1:
        return None, units[0], None
    if is_kicker(units[0], units[1], len(units)):
        # seed 003: "石峰区" over "让中医药文化走进千家万户"; a digital
        # edition: "春耕时节" / headline / "全程机械化率达85%".
        return units[0], units[1], join_headline(units[2:]) or None
    # "芦淞区一菜市场完成提质改造" over "摊位统一编号 肉菜可追溯": a headline
    # and its subtitle, never one headline of both.
    return None, units[0], join_headline(units[1:])


# A kicker over a headline alone is a label, a place or a topic: "天元区", "春耕时节", "石峰区";
# or a lead-in ending in a dash, however long (seed 003:
# "石峰区学林街道严格落实安全生产责任制——" over "筑牢发展底线 铸就平安学林").
MAX_KICKER = 8


# A series' name and number over its instalment's headline (session 23):
# "乡村学校里的新变化③" (湖南日报), "县域经济巡礼之五", "聚焦两会(二)".
_SERIES_NUMBER_RE = re.compile(
    r"(?:[①-⑳]|之[一二三四五六七八九十]{1,3}|\([一二三四五六七八九十\d]{1,3}\))$"
)


def is_kicker(first: str, second: str, lines: int = 2) -> bool:
    """Of three lines or more, a first line shorter than the second is the
    kicker however long (print's 引题 / 主题 / 副题: "奋进新征程 建功新时代" over
    a longer headline and a subtitle); of two, only a label or a series'
    numbered name is."""
    a, b = fold(first).replace(" ", ""), fold(second).replace(" ", "")
    short = len(a) <= MAX_KICKER or lines >= 3 or bool(_SERIES_NUMBER_RE.search(a))
    return a.endswith("—") or (short and len(a) < len(b))


def colon_units(texts: list[str]) -> list[str]:
    """Headline lines with a line ending in a colon joined to the next:
    seed 003's "株洲高新区:" over "以奋斗之姿推动经济高质量发展" is one headline."""
    units: list[str] = []
    joining = False
    for text in texts:
        if joining:
            units[-1] += text
        else:
            units.append(text)
        joining = ends_with_colon(text)
    return units


def join_headline(parts: list[str]) -> str:
    """Headline lines joined: directly after a colon ("株洲高新区:" +
    "以奋斗之姿推动经济高质量发展"), else with a space."""
    # A list joined once, each part judged by its own end: adding to a
    # string and folding every prefix was quadratic on a long title run.
    out: list[str] = []
    for n, part in enumerate(parts):
        if n and not ends_with_colon(parts[n - 1]):
            out.append(" ")
        out.append(part)
    return "".join(out)


def parse_document(text: str) -> Document:
    """Parse one file's text (a date in the file's name is read by
    ``manifest.apply_given``, with what the user gives)."""
    printed = join_split_dates(split_blocks(text))
    blocks, chrome_lines, paper = drop_chrome(printed)
    lines = merge_byline_continuations([classify(b) for b in normalize_gaps(blocks)])
    uncued: set[int] = set()
    # judged on every block the file prints: the gaps of its furniture are the
    # page's markup too (中国网's footer of licences, chrome since session 25,
    # had left too few gap sizes to tell, and the crumb became a caption)
    if markup_spaced(printed):
        photos = {b.line for b in blocks if b.blank_before >= PLACEHOLDER_GAP}
        uncued = uncued_captions(
            lines, photos | under_photo_credits(lines) | lead_photo_captions(lines)
        )
    lines, accounts = drop_account_names(lines)
    lines, menus = drop_menu_runs(lines)
    lines, furniture = drop_furniture_tail(lines)
    lines, closed = drop_after_closing_editor(lines)
    furniture += closed
    lines, listed = drop_story_lists(lines)
    lines, paired = drop_teaser_pairs(lines)
    chrome_lines += accounts + menus + furniture + listed + paired
    read_work_lists(lines)
    read_bare_authors(lines)
    lines = mark_title_bar(lines)
    lines, picks = drop_picks_above_opener(lines)
    lines, header = drop_site_header(lines)
    chrome_lines += picks + header
    read_account_name(lines)
    if is_menu_page(lines, chrome_lines) or is_list_page(lines, chrome_lines):
        lines, chrome_lines = [], chrome_lines + len(lines)
    promote_first_headline(lines)
    promote_exclaimed_headline(lines)
    keep_short_sentences_in_body(lines)
    main, related, headings = split_related_links(lines)
    pages = [build_page(header, body, paper) for header, body in split_pages(main)]
    chrome_lines += drop_captions(pages, uncued)
    pages, repeats = read_repeated_stories(pages)
    document = Document(
        pages=pages,
        related_links=parse_related_links(related),
        script=detect_script(text),
        chrome_lines=chrome_lines + headings,
        warnings=repeats,
    )
    for article in document.articles:
        if article.title_derived:
            document.warnings.append(
                f"no headline found at line {article.line_start}: title derived from the text"
            )
    return document


def read_repeated_stories(pages: list[Page]) -> tuple[list[Page], list[str]]:
    """A story printed again in the same file, the same headline over the same
    text, is one article: a user copying a story from two sites into one file
    (攸县_同篇转载两次: each copy under its own breadcrumb, date line and
    editor) has one story, not two. The copy's people and editors join the
    first's; a page left with nothing is dropped, its editors moved to the
    first copy's page; a warning names the lines. No text is lost: the
    repeat's text is the first's."""
    seen: dict[tuple[str, str], tuple[Page, Article]] = {}
    warnings: list[str] = []
    for page in pages:
        for article in list(page.articles):
            if (twice := printed_twice(article)) is not None:
                # the second copy's headline was read as the first's, printed
                # again (``twin_headline``): its text doubles the article's
                warnings.append(
                    f"the story at line {article.line_start} is printed again from line "
                    f"{article.paragraphs[twice].line_start}: read once"
                )
                del article.paragraphs[twice:]
            key = (name_key(article.title), name_key(article.body))
            if not key[1] or key not in seen:
                seen.setdefault(key, (page, article))
                continue
            first_page, first = seen[key]
            page.articles.remove(article)
            add_missing(first.contributors, article.contributors)
            add_missing(first.editors, article.editors)
            if not page.articles and not page.captions:
                add_missing(first_page.editors, page.editors)
            warnings.append(
                f"the story at line {first.line_start} is printed again at lines "
                f"{article.line_start}-{article.line_end}: read once"
            )
    return [p for p in pages if p.articles or p.captions], warnings


def add_missing(kept: list[Contributor], more: list[Contributor]) -> None:
    """Add to *kept* the people of *more* it does not hold, by name and role."""
    known = {(c.name, c.role) for c in kept}
    kept += [c for c in more if (c.name, c.role) not in known]


def printed_twice(article: Article) -> int | None:
    """Where the article's paragraphs start over, the same text again, if
    they do: the paragraph it starts at."""
    keys = [name_key(p.text) for p in article.paragraphs]
    half = len(keys) // 2
    if half and len(keys) % 2 == 0 and keys[:half] == keys[half:]:
        return half
    return None


# A menu's entry: "株洲新闻", "县市区新闻", "图片新闻".
MAX_MENU_ENTRY = 8


def is_menu_page(lines: list[Line], chrome_lines: int) -> bool:
    """A page of a site's menu: under the site's furniture (at least as many
    lines of it), short entries only — no sentence, byline or date. Its
    entries are chrome too, and the file holds no article (a story's headline
    alone has no furniture counted around it, and stays one)."""
    return (
        bool(lines)
        and chrome_lines >= len(lines)
        and all(
            li.kind is Kind.HEADLINE and len(fold(li.text).strip()) <= MAX_MENU_ENTRY
            for li in lines
        )
    )


def is_list_page(lines: list[Line], chrome_lines: int) -> bool:
    """A page of a site's news list: under the site's furniture, only the
    stories' titles, their sources and ages chrome already — no sentence
    closed by 。, no story paragraph, no byline or 来源 line (a portal's rolling
    news, "(2020-08-16 22:26:38)[社会] 一图读懂…"; a portal's top news, each
    title over "某某网9小时前" and its share count). A story, and a gallery's
    captions, close their sentences with 。."""
    return (
        len(lines) >= MIN_MENU_RUN
        and chrome_lines >= len(lines)
        and not any(li.kind in (Kind.META, Kind.BYLINE, Kind.EDITORS) or li.byline for li in lines)
        and not any("。" in fold(li.text) or is_story_paragraph(li) for li in lines)
    )


# A notice's one-word headline is no author: "讣告" over its text, under the page's
# 发布时间/来源 line (株洲市文联, session 25's second fixtures).
NOTICE_HEADLINES = frozenset(
    {"讣告", "通告", "公告", "通知", "启事", "声明", "公示", "倡议书", "告知书", "喜报", "简讯"}
)
# A bare author line: a name alone, "刘思远" — two to four characters.
_BARE_AUTHOR_RE = re.compile(f"^[{CJK}]{{2,4}}$")


def read_bare_authors(lines: list[Line]) -> None:
    """A name alone on the line between a page's date or 来源 line and its
    first paragraph is the author (an aggregator's "[来源: 株洲晚报]" /
    "刘思远"), as seed 001's "戴 鵬" is; no role is printed, so none is given
    (the web annotation's rule). Anywhere else such a line may be a kicker
    ("天元区") or a subheading — except right under the headline, over the
    first paragraph, where a repost prints its author with nothing between
    ("…服饰文化节开幕" / "陈海波" / "3月1日,…"): there the line is the author
    when it has a name's shape (``surnames.name_shaped``), and stays a
    headline line otherwise. The same under the headline and over the date
    or 来源 line: people.cn's column prints "今日谈：…" / "张志锋" / "2015年03月21日
    08:51 来源：人民网－人民日报" (session 23's sixth held-out set)."""
    first_paragraph = next(
        (n for n, li in enumerate(lines) if li.kind is Kind.PARAGRAPH), len(lines)
    )
    for n in range(1, len(lines) - 1):
        line = lines[n]
        text = fold(line.text).strip()
        above, below = lines[n - 1].kind, lines[n + 1].kind
        under_headline = above is Kind.HEADLINE and opens_story_text(lines, n) and name_shaped(text)
        # a saved page's blank lines can make it a photo's caption by its gap
        over_date = below in (Kind.META, Kind.DATE) and line.kind in (Kind.HEADLINE, Kind.CAPTION)
        if (
            _BARE_AUTHOR_RE.match(text)
            and text not in NOTICE_HEADLINES
            and (
                (
                    line.kind is Kind.HEADLINE
                    and below is Kind.PARAGRAPH
                    and (above in (Kind.META, Kind.DATE) or under_headline)
                )
                or (over_date and under_headline)
            )
        ):
            name = line.text.strip()
            author = Contributor(name=name, role="", line=line.block.line)
            lines[n] = replace(line, kind=Kind.BYLINE, byline=Byline(name, [author], "", None))
        elif (
            over_date
            and above in (Kind.HEADLINE, Kind.CAPTION)
            and n < first_paragraph
            and is_site_name(text)
            and "/" not in text  # "李青/湘东在线": an author and the paper
        ):
            # a site's name there is the source: "故宫,你低调点!…" / "中国新闻网" /
            # "2019年02月20日 02:26:00 来自北京" (凤凰网, the second held-out set)
            meta = Metadata(line.text.strip(), publication=line.text.strip())
            lines[n] = replace(line, kind=Kind.META, meta=meta)


def opens_story_text(lines: list[Line], n: int) -> bool:
    """Whether only headline lines stand above line *n*, up to the file's top,
    a date or 来源 line, or a related-news heading: a story's headline, not a
    subheading within a story ("老街新变化" between two paragraphs), where a
    name-shaped line under it would have cut the story in two."""
    k = n - 1
    while k >= 0 and lines[k].kind is Kind.HEADLINE and not teasers.is_marker(lines[k].text):
        k -= 1
    return k < 0 or lines[k].kind in (Kind.META, Kind.DATE) or teasers.is_marker(lines[k].text)


# What a menu entry may have been read as: never a date, byline or 来源 line.
MENU_KINDS = (Kind.HEADLINE, Kind.HEADING, Kind.CAPTION, Kind.PARAGRAPH)


# A work's title alone on its line, "《春到炎陵》": a story's list of prize-winning
# works or exhibited paintings, each over its author, is no list of other
# stories' headlines (those are sentences, not a title in 《》 alone).
WORK_TITLE_RE = re.compile(r"^《[^《》]+》$")


# A work's author or authors under its title: "王丽华", "李晓峰 周文".
_WORK_AUTHORS_RE = re.compile(f"^[{CJK}·]{{2,4}}(?:(?:\\s+|、)[{CJK}·]{{2,4}}){{0,2}}$")
MIN_WORKS = 2
WORK_KINDS = (Kind.HEADLINE, Kind.CAPTION, Kind.PARAGRAPH)


def read_work_lists(lines: list[Line]) -> None:
    """A story's list of works, each title in 《》 over its author ("二等奖作品:"
    / "《老街》" / "王丽华" / "《山那边》" / "张建国"), two works or more in a row
    under the story's first paragraph: each work is a paragraph of the story,
    its title and author joined as a line broken by the page's columns is
    ("《老街》王丽华"), not a section labelled by the title and headed by the
    author. Each work's two lines get a ``Block.segment`` of their own (as
    lines across chrome do), so the works are not run into one paragraph.
    Above the story's text, a title over a name is a poem's headline and its
    poet, and stays."""
    n = first_story_paragraph(lines) + 1
    while n < len(lines):
        k = n
        while is_work_entry(lines, k):
            k += 2
        if k - n < 2 * MIN_WORKS:
            n += 1
            continue
        for title in range(n, k, 2):
            for m in (title, title + 1):
                block = replace(lines[m].block, segment=-lines[title].block.line)
                lines[m] = replace(lines[m], kind=Kind.PARAGRAPH, block=block, weak=False)
        n = k


def is_work_entry(lines: list[Line], n: int) -> bool:
    """Line *n* is a work's title alone, over its author's name or names."""
    return (
        n + 1 < len(lines)
        and all(li.kind in WORK_KINDS and li.byline is None for li in lines[n : n + 2])
        and WORK_TITLE_RE.match(fold(lines[n].text).strip()) is not None
        and _WORK_AUTHORS_RE.match(fold(lines[n + 1].text).strip()) is not None
    )


def drop_menu_runs(lines: list[Line]) -> tuple[list[Line], int]:
    """Lines in a run of at least ``MIN_MENU_RUN`` menu entries
    (``chrome.is_menu_item``: "要闻" / "县域" / "视频" / "图片" under one
    another, chrome between them not breaking the run), and how many were
    dropped. Four short lines in a row do not stand in a story: its kicker,
    headline and byline are two or three, and a byline is no entry."""
    item = [li.kind in MENU_KINDS and li.byline is None and is_menu_item(li.text) for li in lines]
    drop = runs_of(item, MIN_MENU_RUN)
    # Under the story (after its first paragraph), a list of other stories'
    # headlines (related, recommended, most read), each on its line with no
    # sentence end, menu entries among them: a story prints one headline,
    # never five in a row. Above it they may be the page's own headline,
    # printed twice, with its kicker and subtitle: those stay.
    begun = first_story_paragraph(lines)
    listed = [
        n in drop
        or (
            n > begun
            and li.kind is Kind.HEADLINE
            and len(li.text) <= MAX_LISTED
            and not WORK_TITLE_RE.match(fold(li.text).strip())
        )
        for n, li in enumerate(lines)
    ]
    drop |= runs_of(listed, MIN_HEADLINE_LIST)
    drop |= masthead_menu(lines, begun)
    # A comments heading in such a run stays, so ``drop_furniture_tail`` ends the
    # story there: "相关推荐" / three headlines / "评论 12" / the readers' names and
    # comments (一点资讯, session 25's second fixtures).
    drop -= {n for n in drop if opens_comments(lines[n].text)}
    return [li for n, li in enumerate(lines) if n not in drop], len(drop)


# A portal's menu of columns above the story, each column's name with its
# motto under it ("城市漫步" / "走街串巷,看见城市的肌理" / "体育迷" /
# "赛场内外的故事" …): lines too long for ``is_menu_item`` one in two, so no
# run of entries, and no sentence among them — but for a motto that is one
# short sentence under its column's name (thepaper's "公益湃" / "记录公益发展,
# 共建责任生态。"), which had broken the run. A story's kicker, headline and
# subtitle stand at the end of such a run, right above its byline or text:
# the run's last lines stay, unless the run ends on a motto over a line that
# is none of the story's (``ends_on_motto``: thepaper's "…澎湃方案。" over its
# "把你最喜欢的栏目添加到这里来哦 马上登录"); so does the file's first line, a
# saved page's title bar (its headline, mark_title_bar).
MIN_MASTHEAD_MENU = 12
MAX_MASTHEAD_ENTRY = 24
MASTHEAD_TAIL_KEPT = 3


def masthead_menu(lines: list[Line], begun: int) -> set[int]:
    """Indices of the menu above the story's first paragraph at *begun*."""
    if begun >= len(lines):
        return set()
    entry = [
        0 < n < begun
        and li.kind in MENU_KINDS
        and li.byline is None
        and len(fold(li.text).strip()) <= MAX_MASTHEAD_ENTRY
        and (not ends_sentence(fold(li.text).strip()) or is_motto(lines, n))
        for n, li in enumerate(lines)
    ]
    found: set[int] = set()
    for start, end in runs(entry, MIN_MASTHEAD_MENU):
        found.update(
            range(start, end if ends_on_motto(lines, end) else kept_tail(lines, start, end))
        )
    return found


def kept_tail(lines: list[Line], start: int, end: int) -> int:
    """Where the kept tail of a menu run begins: its last three entries (the
    story's kicker and headline may have run into the menu), but none above a
    motto that closes with 。 short of the run's last line: no kicker or
    headline does. Once the widgets' lines are dropped, a portal's column
    menu ends "研究院 / 为城市发展出主意。" right over the headline; the last
    line may still be the story's one-sentence subtitle."""
    stop = end - MASTHEAD_TAIL_KEPT
    for n in range(max(start, stop), end - 1):
        if closes_with_full_stop(lines[n].text):
            stop = n + 1
    return stop


def ends_on_motto(lines: list[Line], end: int) -> bool:
    """Whether the menu run ending before *end* ends on a column's motto, not
    on a story's head: its last line closes a sentence with 。 (no headline
    does), and the line under it is no headline, date, byline or 来源 line."""
    nxt = lines[end] if end < len(lines) else None
    if nxt is None or nxt.kind in (*TITLE_KINDS, Kind.TITLE_BAR, *STORY_OPENERS):
        return False
    return nxt.byline is None and closes_with_full_stop(lines[end - 1].text)


def is_motto(lines: list[Line], n: int) -> bool:
    """A column's motto: one short sentence right under the column's name."""
    return n > 0 and is_menu_item(lines[n - 1].text) and teasers.is_listed(lines[n].text)


# What opens another story: its byline, its 来源/作者 fields, its date line.
STORY_OPENERS = (Kind.BYLINE, Kind.META, Kind.DATE, Kind.EDITORS)


def opens_story(lines: list[Line], n: int) -> bool:
    """A byline, 来源 or credit line; a date line only over a story's
    paragraph (a teaser may open with a date: "2019年5月7日某某就任…")."""
    line = lines[n]
    if line.kind is Kind.DATE:
        return n + 1 < len(lines) and is_story_paragraph(lines[n + 1])
    return line.kind in STORY_OPENERS or line.byline is not None


def story_openers(lines: list[Line]) -> list[int]:
    """Indices of the lines that open a story (``opens_story``), but for the
    dates of a list of teasers (``teaser_dates``)."""
    dated = teaser_dates(lines)
    return [n for n in range(len(lines)) if n not in dated and opens_story(lines, n)]


def teaser_dates(lines: list[Line]) -> set[int]:
    """The date lines of a list of other stories printed two lines each, the
    headline over its date (guancha's "美国农民警告白宫:…打没了" / "2019-09-09",
    "…" / "2019-09-09 19:28 中国雷人秀"), or three, the headline over its
    summary over its date (sina's feed: "外资潜伏3个月…" / "9月9日消息,…" /
    "2019-09-09 21:38:04"), two such items or more in a row. A story prints
    one date line, not one every other or every third line; read as a
    story's (a date line over the next item's long headline, "科技牛来临?…
    科技股为何这么牛?", opens a story), these dates had kept the comments and
    lists below them in the article."""
    found: set[int] = set()
    for size in (2, 3):
        item = [
            n >= size - 1
            and li.kind is Kind.DATE
            and is_listed_headline(lines[n - size + 1])
            and all(m.kind in MENU_KINDS for m in lines[n - size + 2 : n])
            for n, li in enumerate(lines)
        ]
        found.update(
            n
            for n in range(len(lines))
            if item[n]
            and ((n >= size and item[n - size]) or (n + size < len(lines) and item[n + size]))
        )
    return found


def is_listed_headline(line: Line) -> bool:
    """A line a list of other stories holds (``teasers.is_listed``), no
    byline; a run of spaces the layout put in it ("运营商 5G      手机…") is one."""
    text = " ".join(line.text.split())
    return line.kind in MENU_KINDS and line.byline is None and teasers.is_listed(text)


def drop_furniture_tail(lines: list[Line]) -> tuple[list[Line], int]:
    """The lines above the page's furniture, and how many were below it.

    Under a story's text, a heading that opens the comments or a list of
    other stories ("热门评论 7条", "相关推荐", "为您推荐": ``opens_furniture``)
    ends the article: below it stand readers' names and comments, teasers
    with their sources and counters — never a line of the story. It ends the
    file's text only where nothing below it opens another story (a byline,
    a 来源 line, a date line): a file that strings stories together prints
    such headings between them (issue 11), and those stories stay."""
    begun = first_story_paragraph(lines)
    openers = story_openers(lines)
    if begun == len(lines):
        # A post whose paragraphs close with no full stop, or a gallery of
        # captions, has no story paragraph to begin after: its text begins
        # under its first opener or date line (toutiao's "原创 ACCOUNT DATE",
        # a gallery's "2019-09-08 11:42:03"), and a "相关推荐" or "为您推荐了10篇文章"
        # below that heads the site's list, not a section of the post.
        dates = [n for n, li in enumerate(lines) if li.kind is Kind.DATE]
        begun = min([*openers, *dates], default=len(lines))
    end = len(lines)
    # The story's closing fields may stand under the site's boxes, at the
    # file's foot: 163's "重点推荐" box of headlines, then "本文来源:第一财经日报
    # 责任编辑:NF042" (session 23's fifth held-out set). They open no story,
    # and they stay when the boxes go.
    foot = len(lines)
    while foot > begun + 1 and lines[foot - 1].kind is Kind.META:
        foot -= 1
    for n in range(begun + 1, foot):
        if not opens_furniture(lines[n].text):
            continue
        later = [k for k in openers if n < k < foot]
        # Under a comments heading each reader's name and time reads as a
        # date line ("湘江边的风 2024-03-02 10:21"): no story opens there. A
        # story strung on below prints its date alone ("2024-06-02 08:30").
        if not later or (
            opens_comments(lines[n].text) and all(is_commenter_stamp(lines[k]) for k in later)
        ):
            end = n
            break
    # A comments heading above the end (a file of stories strung together, a
    # comment count over the widget's own lines) is no text either.
    kept = [li for li in lines[:end] if not opens_comments(li.text)]
    if end < foot:
        kept += lines[foot:]
    return kept, len(lines) - len(kept)


def drop_after_closing_editor(lines: list[Line]) -> tuple[list[Line], int]:
    """The lines down to a web story's closing editor line, and how many stood
    below it. A portal closes its story with "责任编辑:董文" (a lone editor
    field, or "编辑:… 责任编辑:…") and prints only its furniture under it:
    related headlines, tag links, its channel's picks with their blurbs —
    sohu's, which had become the story's captions, sections and paragraphs,
    their stars its people. Only where a box's heading stands right under it
    (``MAX_BOX_LEAD``), and nothing is dropped where a story opens below (a
    byline, a 来源 or date line: a file of stories strung together)."""
    begun = first_story_paragraph(lines)
    closing = next((n for n in range(len(lines) - 1, begun, -1) if is_editor_field(lines[n])), None)
    if closing is None:
        return lines, 0
    end = closing + 1
    below = lines[end:]
    # the page's own boxes confirm the story ended there: a related-links or
    # furniture heading among the first lines under it ("相关新闻"); a print
    # page's short lines or a story's captions under its footer stay.
    boxed = any(
        teasers.is_marker(li.text) or opens_furniture(li.text) for li in below[:MAX_BOX_LEAD]
    )
    if not boxed or any(li.byline or li.kind in STORY_OPENERS for li in below):
        return lines, 0
    if prints_follow_up(below):
        return lines, 0
    return lines[:end], len(below)


def prints_follow_up(below: list[Line]) -> bool:
    """Whether the lines under a closing editor line are a box's heading over
    one story printed whole: its headline, then paragraphs only, one of them a
    story's ("相关新闻" / "荷塘区去年建成口袋公园十二座" / "去年,荷塘区共建成
    口袋公园十二座,……惠及居民十万余人。", no byline of its own). A box of
    picks prints dated headlines and columns' names between its blurbs
    ("王牌栏目" over "娱乐大王:文体不分家。…快来测一测吧。", sohu)."""
    box = next((n for n, li in enumerate(below) if teasers.is_marker(li.text)), None)
    if box is None or box + 2 >= len(below) or below[box + 1].kind not in TITLE_KINDS:
        return False
    story = below[box + 2 :]
    return all(li.kind is Kind.PARAGRAPH for li in story) and any(map(is_story_paragraph, story))


# How far under the closing editor line the first box's heading may stand: sohu
# prints two ad lines and its search slogan before "相关新闻".
MAX_BOX_LEAD = 6


def is_editor_field(line: Line) -> bool:
    """A line of editors alone: "责任编辑:董文", "[责任编辑:肖春芳]", "编辑:王晓燕
    责任编辑:刘亮"."""
    if line.kind is Kind.EDITORS:
        return True
    meta = line.meta
    return (
        line.kind is Kind.META
        and meta is not None
        and bool(meta.editors)
        and not (meta.authors or meta.publication or meta.date)
    )


def is_commenter_stamp(line: Line) -> bool:
    """A reader's name before the time of the comment, read as a date line."""
    stamp = find_date(fold(line.text).strip()) if line.kind in _DATED else None
    return stamp is not None and stamp.start > 0


def drop_site_header(lines: list[Line]) -> tuple[list[Line], int]:
    """The lines that are not the site's header between a saved page's title
    bar and the headline it holds, and how many were: links to the site's
    accounts and editions ("中新社新浪法人微博", "English", chinanews), lines
    no menu rule knew, which had become sections of the story. The line right
    above the headline stays where it may be the kicker; a story paragraph
    there keeps them all."""
    bar = next((n for n, li in enumerate(lines) if li.kind is Kind.TITLE_BAR), None)
    headline = next((n for n, li in enumerate(lines) if li.held), None)
    if bar is None or headline is None or headline < bar:
        return lines, 0
    between = range(bar + 1, headline)
    if any(lines[n].kind is Kind.PARAGRAPH or lines[n].byline for n in between):
        return lines, 0
    drop = {
        n
        for n in between
        if lines[n].kind in (Kind.HEADLINE, Kind.HEADING, Kind.CAPTION)
        and not is_lead_box(lines[n])
        and not (n == headline - 1 and is_kicker_shaped(lines[n].text))
    }
    return [li for n, li in enumerate(lines) if n not in drop], len(drop)


def is_kicker_shaped(text: str) -> bool:
    """A kicker over a headline: a place, a column's name or a line of its own
    ("石峰区", "安徽司法行政系统推行领导干部训诫预警" over its headline,
    people.cn), in Chinese, no link or step of a breadcrumb."""
    t = squeeze(text)
    return (
        0 < len(t) <= MAX_LONG_HEADLINE
        and bool(CJK_RE.search(t))
        and not re.search(r"[>»/]|https?:|www\.", t)
        # nor a row of links, the layout's spaces between them ("热点:某某签约  某某
        # 解散  某某夺冠", sohu)
        and not re.search(r"\s{2,}\S+\s{2,}", fold(text))
    )


def drop_picks_above_opener(lines: list[Line]) -> tuple[list[Line], int]:
    """The lines that are not the site's picks printed above the story's
    opener, and how many were.

    A self-media post's page sets its site's box of picks ("热门推荐" and a
    few teasers, ``opens_furniture``) between the headline and the 原创 line
    ("三款国产解谜游戏上架…" / "热门推荐" / … / "原创 湘东游戏 2024-04-12
    22:18"), or above the headline, over the opener. Below the story such a
    heading ends it (``drop_furniture_tail``); above it, it had become the
    story's subtitle or kicker, the teasers with it, counted as no chrome.
    From the heading to the opener, its lines are the box, but for the story's
    headline: the title bar's (*held*), else, when no headline stands above
    the heading, the line right over the opener. Nothing is dropped when a
    story paragraph, a byline or a date stands in the box."""
    dates = [n for n, li in enumerate(lines) if li.kind is Kind.DATE]
    opener = min([*story_openers(lines), *dates], default=len(lines))
    if opener == len(lines):
        return lines, 0
    for n in range(opener):
        if not (lines[n].kind in MENU_KINDS and opens_furniture(lines[n].text)):
            continue
        end = next((k for k in range(n + 1, opener) if lines[k].held), None)
        if end is None:
            headed = any(li.kind in TITLE_KINDS for li in lines[:n])
            end = opener if headed else opener - 1
        box = lines[n:end]
        if (
            box
            and all(li.kind in MENU_KINDS and li.byline is None for li in box)
            and not any(is_story_paragraph(li) for li in box)
        ):
            return [*lines[:n], *lines[end:]], len(box)
        return lines, 0
    return lines, 0


def drop_story_lists(lines: list[Line]) -> tuple[list[Line], int]:
    """The lines that are not a list of other stories under the story's
    footer, and how many were.

    A web story closes with its 编辑/来源 line ("【编辑:…】", "责任编辑:…",
    "本文来源:… 责任编辑:…"), the file's last line that opens a story (a
    byline last may be a second story's, or a photo's credit: no footer).
    Below it a news site prints its lists of other stories — related, most
    read, a column's latest — often with no heading (cjn: "文化社会" /
    "财经健康" over two dozen headlines; guancha: "…撕破脸了评论 55 赞 54").
    There, a run of ``MIN_HEADLINE_LIST`` listed lines or more
    (``is_listed_line``) is furniture: a story prints one headline, not five
    in a row. Above the footer such runs stay (a post's short lines: "道路施工
    会给大家的出行带来不便," / "但短暂的维修换来的是" …); a related-links
    heading and its teasers stay for ``split_related_links``."""
    begun = first_story_paragraph(lines)
    footers = [n for n, li in enumerate(lines) if is_footer(li)]
    footer = max([*story_openers(lines), *footers], default=-1)
    if footer <= begun or not is_footer(lines[footer]):
        return lines, 0
    related: set[int] = set()
    for n in range(footer + 1, len(lines)):
        if teasers.is_marker(lines[n].text) and n not in related:
            related.update(range(n, teaser_block_end(lines, n + 1)))
    listed = [n > footer and n not in related and is_listed_line(li) for n, li in enumerate(lines)]
    drop = runs_of(listed, MIN_HEADLINE_LIST)
    return [li for n, li in enumerate(lines) if n not in drop], len(drop)


def drop_teaser_pairs(lines: list[Line]) -> tuple[list[Line], int]:
    """The lines that are not a list of other stories printed as pairs under
    the story's text, and how many were.

    An aggregator prints each story it lists as its headline over a tag: the
    outlet that ran it (readhub's 媒体报道: "运营商 5G 手机促销手段曝光…" /
    "新浪科技") or when ("中国移动管控要求:…" / "09月06日"; baijiahao's
    "…为何新西兰成明星结婚圣地" / "12-2718:40", the month and day run into
    the time). Two pairs or more in a row under the story's first paragraph
    are furniture (``is_teaser_tag``): a story's own subhead stands over its
    paragraph, not over an outlet's name or a bare date. A date line over
    the story's paragraph is the story's own: qq's header prints the title
    bar's headline after "正在阅读:" over "一键登录", then over the date line
    the story opens under — the page's header, not a list."""
    begun = first_story_paragraph(lines)
    openers = set(story_openers(lines))
    pair = [
        n > begun
        and n not in openers
        and is_listed_headline(lines[n - 1])
        and not closes_with_full_stop(lines[n - 1].text)
        and is_teaser_tag(li, len(squeeze(lines[n - 1].text)))
        for n, li in enumerate(lines)
    ]
    drop: set[int] = set()
    for n in range(len(lines)):
        if pair[n] and ((n >= 2 and pair[n - 2]) or (n + 2 < len(lines) and pair[n + 2])):
            drop.update((n - 1, n))
    return [li for n, li in enumerate(lines) if n not in drop], len(drop)


# A paired teaser's headline: "曝三大运营商不会提供 5G 购机补贴…", at least
# twice as long as its tag — a post's short closing lines pair no headline
# with an outlet ("换来的是以后的方便!" / "请邻居们互相体谅").
MIN_PAIRED_HEADLINE = 10
# The outlet's name under a teaser: "凤凰科技", "新浪科技", "澎湃新闻" — no
# digits or punctuation, longer than a person's name.
_OUTLET_TAG_RE = re.compile(r"^[A-Za-z\u4e00-\u9fff]{4,8}$")
_DATE_TAG_RE = re.compile(
    r"^(?:\d{4}[-./年])?\d{1,2}[-./月]\d{1,2}日?\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?$"
)


def is_teaser_tag(line: Line, headline: int) -> bool:
    """The tag under a paired teaser whose headline is *headline* characters
    long: its date alone (perhaps run into the time, "12-2718:40"), or its
    outlet under a headline at least twice as long."""
    t = squeeze(line.text)
    if line.byline is not None or headline < MIN_PAIRED_HEADLINE:
        return False
    return bool(_DATE_TAG_RE.match(t)) or (bool(_OUTLET_TAG_RE.match(t)) and headline >= 2 * len(t))


def is_footer(line: Line) -> bool:
    """A story's 编辑/来源 line: read as metadata, or an editor's label with
    a name the metadata reader takes for none ("责任编辑:biaoffeng"). Not a
    print page's desk line ("责任编辑:… 美术编辑:… 校对:…"): it opens a page,
    and that page's stories follow it."""
    if line.kind in (Kind.META, Kind.EDITORS):
        return line.kind is Kind.META
    t = fold(line.text).strip().lstrip("【[")
    return any(t.startswith(f"{role}:") for role in DESK_ROLES)


def is_listed_line(line: Line) -> bool:
    """A line of a list of other stories (``teasers.is_listed``) — no byline,
    no photo's caption (a gallery's captions under the footer stay the
    story's), no sentence closed by 。: a headline closes none, and a
    reader's remark or a story's added paragraph under the footer does
    ("这样的食堂多开几家就好了。")."""
    return (
        line.kind in (*MENU_KINDS, Kind.DATE)
        and line.byline is None
        and not (line.kind is Kind.CAPTION and has_photo_cue(line, set()))
        and teasers.is_listed(line.text)
        and not closes_with_full_stop(line.text)
    )


def closes_with_full_stop(text: str) -> bool:
    """ "…共建责任生态。", "…就好了。”" — never a headline's end."""
    return fold(text).rstrip().rstrip(CLOSERS).endswith("。")


MAX_LISTED = 40
MIN_HEADLINE_LIST = 5
# A story's paragraph: a sentence of some length, "…,…。".
MIN_STORY_PARAGRAPH = 30


def first_story_paragraph(lines: list[Line]) -> int:
    """Where the story's text begins: its first paragraph (``len(lines)``
    when there is none)."""
    return next((n for n, li in enumerate(lines) if is_story_paragraph(li)), len(lines))


def is_story_paragraph(line: Line) -> bool:
    text = fold(line.text).strip()
    return line.kind is Kind.PARAGRAPH and len(text) >= MIN_STORY_PARAGRAPH and ends_sentence(text)


def runs(flags: list[bool], least: int) -> list[tuple[int, int]]:
    """The runs of at least *least* consecutive true *flags*, each as (first,
    one past the last)."""
    found: list[tuple[int, int]] = []
    start = 0
    for n in range(len(flags) + 1):
        if n < len(flags) and flags[n]:
            continue
        if n - start >= least:
            found.append((start, n))
        start = n + 1
    return found


def runs_of(flags: list[bool], least: int) -> set[int]:
    """Indices in runs of at least *least* consecutive true *flags*."""
    return {n for start, end in runs(flags, least) for n in range(start, end)}


# A self-media account's name: "炎陵那些事", "湘江边的老周" — short, one word.
MAX_ACCOUNT_NAME = 10
_ORIGINAL_RE = re.compile(r"^原创\s*")
# What an account's name never holds: a space, sentence punctuation, a slash.
_NOT_NAME_RE = re.compile(r"\s|[,。;:!?、“”()/]")
# When a post went out, printed where the account's name may stand: "昨天", "3小时前".
_RELATIVE_TIME_RE = re.compile(r"^(?:昨天|前天|今天|刚刚|\d{1,2}(?:分钟|小时|天)前)$")


def read_account_name(lines: list[Line]) -> None:
    """A saved post prints its headline twice (the title bar, then the page's
    own headline, perhaps after "原创"), and the account's name right under the
    second: "湘江边的老周" over its first paragraph or its date. Where the page
    names no source, that line is the publication (a META line)."""
    if any(
        (li.meta is not None and li.meta.publication)
        or (li.kind is Kind.DATE and (d := parse_date_line(li.text)) and d.publication)
        for li in lines
    ):
        return
    held = next((n for n, li in enumerate(lines) if li.held), None)
    if held is None:
        return
    k = held + 1
    if k < len(lines) and (meta := badge_line(lines[k])) is not None:
        lines[k] = replace(lines[k], kind=Kind.META, meta=meta)
        return
    if k < len(lines) and squeeze(lines[k].text) == "原创":
        k += 1
    if k < len(lines) and (meta := account_line(lines[k])) is not None:
        lines[k] = replace(lines[k], kind=Kind.META, meta=meta)


def badge_line(line: Line) -> Metadata | None:
    """A post's "原创" badge with its writer and account after it, runs of
    spaces between ("原创     老周     湘江边的老周"): the writer is the author,
    the account the publication; the badge alone, or with words, is none."""
    parts = re.split(r"\s{2,}", line.text.strip())
    if (
        len(parts) < 3
        or squeeze(parts[0]) != "原创"
        or line.byline is not None
        or any(len(p) > MAX_ACCOUNT_NAME or _NOT_NAME_RE.search(fold(p)) for p in parts)
    ):
        return None
    return Metadata(line.text.strip(), publication=parts[-1], authors=parts[1:-1])


# An author and the paper the post is taken from, under the headline where a
# portal prints its account's name: "王小川/株洲日报", "石佳/中国青年报".
_AUTHOR_PAPER_RE = re.compile(
    f"^(?P<name>[{CJK}·]{{2,4}})/(?P<paper>[{CJK}]{{1,12}}(?:报|社|网|台|刊|杂志|新闻|在线))$"
)


def account_line(line: Line) -> Metadata | None:
    """The fields of the line under a post's headline: an account's name
    (the publication), or "author/paper" (both), or None."""
    text = line.text.strip()
    if line.byline is None and (m := _AUTHOR_PAPER_RE.match(fold(text))):
        paper = text[m.start("paper") : m.end("paper")]
        return Metadata(text, publication=paper, authors=[text[: m.end("name")]])
    return Metadata(text, publication=text) if is_account_name(line) else None


def squeeze(text: str) -> str:
    """Folded, without spaces."""
    return re.sub(r"\s+", "", fold(text))


def is_account_name(line: Line) -> bool:
    t = fold(line.text).strip()
    return (
        line.kind in (Kind.HEADLINE, Kind.CAPTION, Kind.PARAGRAPH)
        and line.byline is None
        and 2 <= len(t) <= MAX_ACCOUNT_NAME
        and not _NOT_NAME_RE.search(t)
        and chrome_rule(t) is None
        and not _RELATIVE_TIME_RE.match(t)
        # a year or a counter ("2019" of a date printed over lines, "526") is no name
        and not t.isdigit()
    )


def drop_account_names(lines: list[Line]) -> tuple[list[Line], int]:
    """Lines that only repeat the name a date line below them gives as its
    publication: a self-media post prints its account's name ("炎陵那些事")
    over "原创 炎陵那些事 2024-10-02 19:20 湖南"; a headline it is not."""
    drop: set[int] = set()
    for i, line in enumerate(lines):
        if line.kind is not Kind.DATE or (dated := parse_date_line(line.text)) is None:
            continue
        name = fold(dated.publication or "").replace(" ", "")
        for j in range(max(0, i - 2), i):
            if name and fold(lines[j].text).replace(" ", "") == name:
                drop.add(j)
    return [li for n, li in enumerate(lines) if n not in drop], len(drop)


# The photo gap an image placeholder ("图片1.jpg", 【查看原图】) stands for.
PLACEHOLDER_GAP = 99
# A placeholder that is a word alone ("图片", "视频") is also a menu's entry
# (a site's photo channel): its gap is a photo's only where gaps are (not on
# a markup-spaced page, ``markup_spaced``).
WORD_PLACEHOLDER_GAP = 98
_WORD_PLACEHOLDER_RE = re.compile(f"^[{CJK}]{{2,4}}$")
# A photo gap has one size in a file (two blank lines where paragraphs have
# one; four where a post leaves three); gaps of three or more sizes beyond the
# usual one are the markup's, not photos'.
MARKUP_GAP_SIZES = 3
# A caption's own words for its photo: "图为新建的口袋公园。", "资料图:…", "上图:…".
# The kind of picture alone, as a portal captions its poster: "海报" over an
# entertainment story (sina, the fourth held-out set), "剧照", "效果图".
_PHOTO_WORDS_RE = re.compile(
    r"^(?:图为|资料图|[上下左右]?图\s*[::]|图片来源)"
    r"|^(?:海报|剧照|效果图|示意图|设计图|航拍图|资料图片|现场图)$"
)
# or a note in brackets closing it, the kind of picture it is: "…公园里的人群
# (视频截图)", "…老街夜景(资料图)".
_PHOTO_NOTE_RE = re.compile(r"\((?:视频|网络|资料)?(?:截图|图片|照片|图)\)$")


def markup_spaced(blocks: list[Block]) -> bool:
    """Whether the file's blank lines are a saved page's markup: a page's text
    taken block element by block element leaves 3, 5, 7, 11, 15 … blank lines,
    as deep as its nested boxes, so a menu entry under seven blank lines stands
    where a photo's caption would in a copied story."""
    usual, spacing = usual_gap(blocks)
    return len({gap for gap in spacing if gap > usual}) >= MARKUP_GAP_SIZES


def usual_gap(blocks: list[Block]) -> tuple[int, list[int]]:
    """The count of blank lines the file most often leaves between blocks
    (the smallest of equally common ones), and every count it leaves;
    a placeholder's photo gap is none of them."""
    spacing = [b.blank_before for b in blocks[1:] if 0 < b.blank_before < WORD_PLACEHOLDER_GAP]
    usual = min(set(spacing), key=lambda gap: (-spacing.count(gap), gap)) if spacing else 1
    return usual, spacing


def under_photo_credits(lines: list[Line]) -> set[int]:
    """The lines right under a photo's credit on a line of its own
    ("摄影:王小川" over "江边的晨练"): the credit stands for the photo, as a
    placeholder does, and the line under it is its caption."""
    return {
        lines[n + 1].block.line
        for n in range(len(lines) - 1)
        if lines[n].kind is Kind.BYLINE
        and lines[n].byline is not None
        and (people := lines[n].byline.contributors)
        and all(fold(c.role).startswith("摄影") for c in people)
    }


def lead_photo_captions(lines: list[Line]) -> set[int]:
    """The lines of a portal's lead photos: short gap lines between the
    headline's date line and the story's first paragraph, where the photos
    stand ("爱戴领奖" / "爱戴接受采访" under "…2009年11月09日13:48 新浪娱乐",
    sina; one under qq's date line). A menu stands above the headline, and
    the tools under the date line are chrome already."""
    date = next(
        (
            n
            for n, li in enumerate(lines)
            # the headline too stands in a gap here, read as a caption so far
            if li.kind in _DATED and n > 0 and lines[n - 1].kind in (*TITLE_KINDS, Kind.CAPTION)
        ),
        None,
    )
    if date is None:
        return set()
    run: list[Line] = []
    for k in range(date + 1, len(lines)):
        if lines[k].kind in _DATED:
            continue
        if lines[k].kind is not Kind.CAPTION:
            if not is_story_paragraph(lines[k]):
                return set()
            break
        run.append(lines[k])
    # Each names what the headline names ("爱戴…" under "爱戴掀起红盖头…"), in
    # a phrase with no punctuation: the tools and prompts that stand there too
    # ("57人参与11评论", "用微信扫描二维码", "原标题:…", "关注新华网") do not.
    headline = squeeze(lines[date - 1].text)
    if (
        not run
        or len(run) > MAX_LEAD_PHOTOS
        or not all(
            _CAPTION_PHRASE_RE.match(phrase := squeeze(li.text))
            and shares_word(phrase, headline)
            # a document's own title repeating the headline's words heads its text
            # ("中华人民共和国监察法" under "…监察法(全文)") and says nothing new
            and phrase not in headline
            for li in run
        )
    ):
        return set()
    return {li.block.line for li in run}


_CAPTION_PHRASE_RE = re.compile(f"^[{CJK}A-Za-z0-9]{{2,{MAX_GAP_CAPTION}}}$")


def shares_word(text: str, other: str) -> bool:
    """Whether *text* and *other* have two Chinese characters in a row in common."""
    return any(text[k : k + 2] in other for k in range(len(text) - 1) if CJK_RE.match(text[k]))


# A portal's gallery strip over the story shows a few photos, each captioned.
MAX_LEAD_PHOTOS = 4


def uncued_captions(lines: list[Line], photos: set[int]) -> set[int]:
    """On a markup-spaced page (``markup_spaced``) a gap is no photo: a caption
    needs a cue of its own — a credit ("…夜景 刘一凡摄"), a ▲, its own words
    ("图为…"), or an image placeholder above it (*photos*: those lines). A
    sentence ("附近的榨油坊已经开机。") goes back to the body (in place);
    the lines of the others, which stood only in a gap ("财经", "一键登录"),
    are returned: they still bound the headline as captions do,
    and are dropped from the articles once built (``drop_captions``)."""
    cueless = [li.kind is Kind.CAPTION and not has_photo_cue(li, photos) for li in lines]
    for n, line in enumerate(lines):
        if cueless[n] and (line.weak or ends_sentence(fold(line.text).strip())):
            lines[n] = replace(line, kind=Kind.PARAGRAPH, weak=False)
            cueless[n] = False
    inset: set[int] = set()
    for start, end in story_insets(lines):
        inset.update(range(start, end))
        if all(cueless[start:end]) and photo_pair(lines, start, end):
            continue
        for n in range(start, end):
            if cueless[n]:
                lines[n] = replace(lines[n], kind=Kind.HEADLINE)
    return {li.block.line for n, li in enumerate(lines) if cueless[n] and n not in inset}


# A box in the story's text (a shop's products, teasers): three lines or more.
MAX_INSET_LINES = 2
# A section's label alone on its line: "一、", "A", "第一".
MAX_LABEL = 3


def story_insets(lines: list[Line]) -> list[tuple[int, int]]:
    """The runs of gap lines (each as its first index and one past its last)
    that stand, one or two lines, between two paragraphs of the story: there
    they are the story's own words — a post's subhead ("守着老店的第二代" over
    the paragraphs it heads, baijiahao/1's), or a learned society's few words
    under a photo ("年会开幕现场" between the paragraphs on the opening and on
    the keynotes, gsc/1's), which nothing in the copied text tells from a
    subhead, or under two photos in a row ("分组讨论会场" / "野外考察合影",
    ``photo_pair``). Before,
    all were dropped with the page's widgets that stand in gaps around the
    story ("财经", "一键登录"). A box of three lines or more between paragraphs
    (teasers, a shop's products), one under a related-links or recommendation
    heading, or one with a line the page prints elsewhere too (a teaser: 163/5
    heads one with a spaced "延伸" and "推荐", its list below repeats it; a
    subhead is printed once) is still the page's."""
    found: list[tuple[int, int]] = []
    printed = Counter(squeeze(li.text) for li in lines)
    gap = [li.kind is Kind.CAPTION for li in lines]
    for start, end in runs(gap, 1):
        box = lines[start:end]
        if (
            end - start <= MAX_INSET_LINES
            and start > 0
            and end < len(lines)
            and is_story_paragraph(lines[start - 1])
            and is_story_paragraph(lines[end])
            and not any(
                teasers.is_marker(li.text)
                or opens_furniture(li.text)
                or printed[squeeze(li.text)] > 1
                for li in box
            )
        ):
            found.append((start, end))
    return found


def photo_pair(lines: list[Line], start: int, end: int) -> bool:
    """Two gap lines in a row between the story's paragraphs, neither with a
    cue, are two photos' captions ("分组讨论会场" / "野外考察合影"; "颁奖现场"
    / "获奖者合影"): a subhead
    heads text, never another subhead — unless the first is a label
    ("一、", "A", "第一部分:", ``_LABEL_RE``'s, or a line ending in a colon or
    dash), which heads the line under it. One line alone is read as a subhead."""
    if end - start != MAX_INSET_LINES:
        return False
    first = fold(lines[start].text).strip()
    return not (
        len(first) <= MAX_LABEL or first.endswith((":", "—", "-")) or _LABEL_RE.match(first)
    )


def drop_captions(pages: list[Page], drop: set[int]) -> int:
    """Remove the captions that start on the lines *drop*; how many were."""
    dropped = 0
    for page in pages:
        for holder in [page, *page.articles]:
            kept = [c for c in holder.captions if c.line_start not in drop]
            dropped += len(holder.captions) - len(kept)
            holder.captions = kept
    return dropped


def has_photo_cue(line: Line, photos: set[int]) -> bool:
    text = line.text
    return (
        line.block.line in photos
        or strip_mark(text)[1]
        or bool(_PHOTO_WORDS_RE.match(fold(text).strip()))
        or bool(_PHOTO_NOTE_RE.search(fold(text).strip()))
        or (len(text) <= MAX_CREDITED_CAPTION and split_credit(text)[1] is not None)
    )


# A date a page prints over its own lines, year, day and time each in a box:
# "2024" / "03/05" / "09:30".
_YEAR_RE = re.compile(r"^(?:19|20)\d{2}$")
# Month and day padded, as such boxes print them: a score ("3-1") is none.
_MONTH_DAY_RE = re.compile(r"^\d{2}([-/.])\d{2}$")
_CLOCK_RE = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?$")


def join_split_dates(blocks: list[Block]) -> list[Block]:
    """A year alone on its line, the month and day on the next and perhaps
    the time of day on the one after, are one date line ("2024/03/05
    09:30"): apart, they were numbers, taken for menu entries or a caption."""
    out: list[Block] = []
    n = 0
    while n < len(blocks):
        block = blocks[n]
        nxt = blocks[n + 1].text if n + 1 < len(blocks) else ""
        if _YEAR_RE.match(block.text) and (m := _MONTH_DAY_RE.match(fold(nxt))):
            text, n = f"{block.text}{m.group(1)}{nxt}", n + 2
            if n < len(blocks) and _CLOCK_RE.match(fold(blocks[n].text)):
                text, n = f"{text} {blocks[n].text}", n + 1
            out.append(replace(block, text=text))
            continue
        out.append(block)
        n += 1
    return out


def next_plain(rules: list[str | None]) -> list[int | None]:
    """For each block, the first block under it that is no chrome (one pass
    from the end, not a search from each)."""
    out: list[int | None] = [None] * len(rules)
    below = None
    for k in range(len(rules) - 1, -1, -1):
        out[k] = below
        if rules[k] is None:
            below = k
    return out


def drop_chrome(blocks: list[Block]) -> tuple[list[Block], int, str | None]:
    """Blocks that are not web chrome (``chrome.py``), how many were, and the
    newspaper the first masthead names ("株洲日报数字报": 株洲日报).

    An image placeholder leaves a photo gap behind it, so the short line
    under "图片2.jpg" reads as that photo's caption. Any other chrome starts
    a new ``Block.segment``: the lines on its two sides are not one paragraph."""
    kept: list[Block] = []
    dropped = 0
    photo = 0  # the gap the next kept block is given, if any
    between = False  # chrome other than a placeholder stands above the next kept block
    segment = 0
    paper = None
    begun = False  # a kept block above closes a sentence: the story has begun
    rules = chrome_rules([b.text for b in blocks])
    plain_below = next_plain(rules)
    for n, (block, rule) in enumerate(zip(blocks, rules, strict=True)):
        if (
            rule == "comments"
            and not begun
            and n + 1 < len(blocks)
            and names_source(blocks[n + 1].text)
        ):
            # A headline that opens with the widget's words, over the page's
            # 来源 line: "网友评论成了社区治理的金点子" / "2024-04-02 来源:株洲日报"
            # is the story's title; the comments stand under a story, not above
            # its source (a notice over a 来源 line at the story's foot stays chrome).
            rule = None
        begun = begun or (rule is None and "。" in fold(block.text))
        if (
            rule == "masthead"
            and not begun
            and kept
            and (below := plain_below[n]) is not None
            and parse_date_line(blocks[below].text) is not None
        ):
            # A site's name under the headline, over the page's date line, is
            # the source (``read_bare_authors``): "中国新闻网" / "下载客户端" /
            # "2019年02月20日 02:26:00 来自北京" (凤凰网, the second held-out set).
            rule = None
        if rule == "notice" and names_source(block.text):
            # A notice's heading over the page's fields: "版权声明 来源:株洲晚报
            # 时间:2022-03-01 08:00" names the source, read as metadata.
            rule = None
        if rule == "comments" and opens_comments(block.text):
            # "网友评论" heads the readers' comments: kept until the story's
            # end is found under it (``drop_furniture_tail``), then dropped.
            rule = None
        if rule is not None and teasers.is_marker(block.text):
            # "相关阅读  湖南省  生猪  稳产保供" reads as a menu row, its tags
            # after the heading; kept, it heads the teasers under it
            # (``split_related_links``), which are no text of the story either.
            rule = None
        if rule == "navigation" and begun and opens_furniture(block.text):
            # "往期回顾" under a WeChat post heads its earlier posts' titles,
            # kept so the story's end is found there (``drop_furniture_tail``).
            rule = None
        if rule is not None:
            dropped += 1
            if rule == "image placeholder":
                word = bool(_WORD_PLACEHOLDER_RE.match(fold(block.text).strip()))
                photo = max(photo, WORD_PLACEHOLDER_GAP if word else PLACEHOLDER_GAP)
            if rule == "masthead" and paper is None:
                paper = masthead_paper(block.text)
            between = between or rule != "image placeholder"
            continue
        if photo:
            block = replace(block, blank_before=photo)
            photo = 0
        if between:
            segment, between = segment + 1, False
        if segment:
            block = replace(block, segment=segment)
        kept.append(block)
    return kept, dropped, paper


def names_source(text: str) -> bool:
    """Whether *text* is a metadata line naming the story's publication."""
    meta = parse_metadata(text)
    return meta is not None and bool(meta.publication)


def normalize_gaps(blocks: list[Block]) -> list[Block]:
    """A file that puts two blank lines between all its paragraphs (a copied
    self-media post) has no photo gaps in its blank lines: there, only more
    blank lines than it usually leaves, or a placeholder, mark one. Without
    this every short sentence of such a post became a caption."""
    usual, _ = usual_gap(blocks)
    if usual < 2:
        return blocks
    return [
        replace(b, blank_before=min(b.blank_before, 1) if b.blank_before <= usual else 2)
        for b in blocks
    ]


def keep_short_sentences_in_body(lines: list[Line]) -> None:
    """A caption told only by its shape ("文明勸導。", seed 001) stands alone
    between paragraphs, on a page that prints its photos' other captions with
    a cue (a credit, a ▲, a photo gap: seed 001's "…休閒。 劉震 攝"), and
    never closes a story. Elsewhere the shape is a story's short sentence:
    one that follows another such line ("清晨的湘江边格外热闹。" / "晨练的市民
    沿着风光带慢跑。", a dozen taken out of a post's body at a time), one on a
    page with no cued caption ("…的宋代窑址" ending "发掘工作预计持续到今年
    年底。"), one closing the story above the file's end or a related-news
    heading ("…将在雨季前完成主体施工。" under a credited photo)."""
    weak = [line.kind is Kind.CAPTION and line.weak for line in lines]
    cued = any(line.kind is Kind.CAPTION and not line.weak for line in lines)
    for n, line in enumerate(lines):
        if not weak[n]:
            continue
        closing = n + 1 == len(lines) or teasers.is_marker(lines[n + 1].text)
        if not cued or closing or (n > 0 and weak[n - 1]) or (n + 1 < len(lines) and weak[n + 1]):
            lines[n] = replace(line, kind=Kind.PARAGRAPH, weak=False)


# A long headline ("…,…、…" past looks_like_headline's 32 characters) is
# still a headline when it opens the file: it ends no sentence.
MAX_LONG_HEADLINE = 80


def promote_first_headline(lines: list[Line]) -> None:
    """The first line of text, when it reads as a long headline, is one."""
    first = next((n for n, li in enumerate(lines) if li.kind not in (Kind.META, Kind.DATE)), None)
    if first is None or first + 1 >= len(lines):
        return
    line = lines[first]
    t = fold(line.text).strip()
    # A portal's layout leaves blank lines above its headline, which reads as
    # a photo's caption then; over the page's date or 来源 line it is the
    # headline ("停牌、增持、补仓:大小股东达成“护盘”共识" over "2015-07-03 04:09:59
    # 来源:…", money.163).
    # So over a dispatch's byline: "非遗纸雕灯:让传统文化“活”起来" over "华声在线7月6日讯
    # (文/视频 全媒体记者 …)…" (the thirteenth held-out set; session 25).
    dated_headline = (
        line.kind is Kind.CAPTION
        and (lines[first + 1].kind in _DATED or lines[first + 1].byline is not None)
        and split_credit(line.text)[1] is None
        and not strip_mark(line.text)[1]
    )
    if (
        (line.kind is Kind.PARAGRAPH or dated_headline)
        and line.byline is None
        and len(t) <= MAX_LONG_HEADLINE
        and not ends_sentence(t)
        and "。" not in t
        and t[-1] not in ",:;"
    ):
        lines[first] = replace(line, kind=Kind.HEADLINE)


# A headline may close with "!" or "?": "株洲首条跨湘江隧道全线贯通!" (澎湃号),
# "520这天,株洲这场集体婚礼有点不一样!" (WeChat), "炎陵黄桃今年为啥这么
# 甜?" (红网) — read as a sentence, it had stayed in the body, the breadcrumb or
# a credit line taken for the title (session 24). The first line of text
# that is so short and is followed by the page's date, 来源/作者 or 原标题 line,
# or its byline, is the headline; so is it over a name or a site's name alone
# over that date line (session 24's review: "…全线贯通!" / "王林" / the date).
MAX_EXCLAIMED_HEADLINE = 32
_EXCLAIMED_RE = re.compile(r"[!?]+[”’\"」』]*$")


def promote_exclaimed_headline(lines: list[Line]) -> None:
    for n, line in enumerate(lines[:-1]):
        if line.kind in (Kind.CAPTION, Kind.BYLINE, Kind.EDITORS):
            return
        if line.kind is not Kind.PARAGRAPH:
            continue
        t = fold(line.text).strip()
        if (
            line.byline is None
            and len(t) <= MAX_EXCLAIMED_HEADLINE
            and _EXCLAIMED_RE.search(t)
            and not re.search("[。;]", t)
        ):
            if lines[n + 1].kind in _DATED or lines[n + 1].kind is Kind.BYLINE:
                lines[n] = replace(line, kind=Kind.HEADLINE)
            elif over_date_line(lines, n + 1):
                # one short line between it and the date: a bare author ("…全线
                # 贯通!" / "王林" / "2024-05-20 09:30 来源:…") or the site's name,
                # which read_bare_authors reads once the headline is known
                lines[n] = replace(line, kind=Kind.HEADLINE)
                read_bare_authors(lines)
        return


def over_date_line(lines: list[Line], n: int) -> bool:
    """Whether line *n* is a short line alone over the page's date or 来源 line."""
    return (
        n + 1 < len(lines)
        and lines[n].kind in (Kind.HEADLINE, Kind.CAPTION)
        and lines[n + 1].kind in _DATED
    )


# Today's date and weekday in a portal's top bar, above the headline: "2016年04月02日
# 星期六" over the menu, the story's own date line "[省发改委]   2016-04-01   字号：T | T"
# under its headline (福建省人民政府, the eleventh held-out set; session 25). A print
# page's header prints its date so too, and no other date under the headline.
_CALENDAR_RE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日\s*星期[一二三四五六日天]$")


def portal_calendar(lines: list[Line]) -> Line | None:
    """The top bar's date line, where a date line stands under the headline."""
    title = next((n for n, li in enumerate(lines) if li.kind in TITLE_KINDS), None)
    if title is None:
        return None
    above = [li for li in lines[:title] if li.kind is Kind.DATE]
    # a web page's date line, with its time or its source: not a notice's own date
    # under its title ("2024年3月28日", session 25's review)
    below = [
        li
        for li in lines[title + 1 : title + 3]
        if (li.kind is Kind.DATE and (d := parse_date_line(li.text)) and (d.time or d.publication))
        or (li.kind is Kind.META and li.meta is not None and li.meta.date)
    ]
    if len(above) == 1 and below and _CALENDAR_RE.match(fold(above[0].text).strip()):
        return above[0]
    return None


def build_page(header: list[Line], body: list[Line], paper: str | None = None) -> Page:
    """A page; *paper* is the newspaper the file's masthead names, the
    publication of a digital edition's page that prints no 来源."""
    all_lines = header + body
    page = Page(line_start=all_lines[0].block.line, line_end=all_lines[-1].block.line)
    titles = [line.text for line in header if line.kind in (Kind.HEADING, Kind.HEADLINE)]
    page.title = " / ".join(titles) or None
    # A 来源 field names the source even where a name stands beside the date
    # above it: "红网时刻新闻 2024-04-22 16:48:05" over the story and "来源:红网"
    # under it; a WeChat account's "醴陵发布 2023-12-05 18:30" and its
    # "来源:醴陵市融媒体中心" (session 23).
    labelled = next(
        (
            li.meta.publication
            for li in all_lines
            if li.kind is Kind.META and li.meta is not None and li.meta.labelled_source
        ),
        None,
    )
    calendar = portal_calendar(all_lines)
    for line in all_lines:
        if line is calendar:
            continue
        if line.kind is Kind.DATE and page.date is None and (dated := parse_date_line(line.text)):
            page.date, page.time = dated.date, dated.time
            page.publication = page.publication or dated.publication
        if line.kind is Kind.META and line.meta is not None:
            if page.date is None and line.meta.date:
                page.date, page.time = line.meta.date, line.meta.time
            page.publication = page.publication or line.meta.publication
            if line in header:
                page.editors_line = line.text
                page.editors = [Contributor(n, r, line.block.line) for r, n in line.meta.editors]
        if line.kind is Kind.EDITORS:
            page.editors_line = line.text
            page.editors = parse_editors(line.text, line.block.line) or []
    page.publication = labelled or page.publication
    if (heading := digest_heading(body)) is not None:
        # a digest's own title is the page's, not a section of its first report
        page.title = page.title or body[heading].text
        body = body[:heading] + body[heading + 1 :]
    page.articles = build_articles(body)
    if page.publication is None:
        page.publication = next(
            (
                line.byline.publication
                for line in body
                if line.byline is not None and line.byline.publication
            ),
            paper,
        )
    # A reporter whose byline names no newsroom ("本报讯(记者 谭晓彤)",
    # "融媒体记者/邓雅婷 (图/文)") writes for the page's publication.
    for article in page.articles:
        assign_organisation(article.contributors, page.publication, staff=True)
    return page


def digest_heading(lines: list[Line]) -> int | None:
    """The index of a digest page's own title: a headline over the page's date
    or 来源 line with no story under them, then short reports each with its
    byline ("要闻速览" / "2024-01-10 08:00 来源:株洲日报" / "荷塘区:…" / "本报讯
    (记者 …)…"). It had become a section of the first report."""
    # What the starts below would refuse, told first: most pages print a
    # story's text, not a report's headline, under their first date line.
    dated_at = next((m for m in range(1, len(lines)) if lines[m].kind in _DATED), None)
    if dated_at is None or lines[dated_at - 1].kind not in TITLE_KINDS:
        return None
    under = next((li for li in lines[dated_at + 1 :] if li.kind not in _DATED), None)
    if under is None or under.kind is Kind.PARAGRAPH:
        return None
    starts = find_article_starts(lines)
    if not starts:
        return None
    first = starts[0].run[0] if starts[0].run else starts[0].first
    dated = [m for m in range(1, first) if lines[m].kind in _DATED]
    if len(dated) != 1 or any(li.kind is Kind.PARAGRAPH for li in lines[:first]):
        return None
    heading = dated[0] - 1
    above = [li for li in lines[:heading] if li.kind is not Kind.TITLE_BAR]
    return heading if lines[heading].kind in TITLE_KINDS and not above else None


def build_articles(lines: list[Line]) -> list[Article]:
    starts = find_article_starts(lines)
    first = next((i for i, li in enumerate(lines) if li.kind in TITLE_KINDS), None)
    if not starts:
        if first is None:
            if not any(li.kind in (Kind.PARAGRAPH, Kind.CAPTION) for li in lines):
                return []
            # No headline-like line at all (a page of captions, a post copied
            # without its title): one article, its title derived from its text.
            starts = [ArticleStart([], None, 0, 0)]
        else:
            # A page with no byline and no "#" headline is one article under its
            # first heading (seed 002: "### 向着幸福出发"), or under the
            # headline its title bar repeats.
            first = next((i for i, li in enumerate(lines) if li.held), first)
            run = headline_block(lines, twin_headline(lines, first))
            # the held headline's kicker right above it ("安徽司法行政系统推行…"
            # over "安徽司法行政系训诫预警:…", people.cn), not a line of the header
            if (
                lines[first].held
                and first > 0
                and lines[first - 1].kind is Kind.HEADLINE
                and is_kicker_shaped(lines[first - 1].text)
            ):
                run = [first - 1, *run]
            starts = [ArticleStart(run, None, 0, run[-1] + 1)]
    if (story := story_above_bylines(lines, starts[0].first)) is not None:
        starts.insert(0, story)
    # Lines above the first article on the page belong to it: seed 000's lead
    # box "### 核心阅读" stands above "# 不忘初心谋福祉 牢记使命勇担当".
    starts[0].first = 0
    articles = []
    for n, start in enumerate(starts):
        end = starts[n + 1].first if n + 1 < len(starts) else len(lines)
        articles.append(build_article(lines, start, end))
    move_captions_between_articles(articles)
    for article in articles:
        keep_credits_apart(article)
    return articles


def story_above_bylines(lines: list[Line], limit: int) -> ArticleStart | None:
    """The page's own story above the first article a byline opens, where it
    prints no byline itself: a portal's headline over its 来源/作者 line and
    the story's paragraphs, then "【相关新闻】" and a second story with its
    own headline and byline. Without it the first story's text was read into
    the second, and its headline became a section of it."""
    for m in range(1, limit):
        if lines[m].kind not in _DATED:
            continue
        if lines[m - 1].kind not in TITLE_KINDS or not any(
            is_story_paragraph(li) for li in lines[m + 1 : limit]
        ):
            return None
        top = m - 1
        while top > 0 and m - top < MAX_HEADER_TITLES and lines[top - 1].kind in TITLE_KINDS:
            top -= 1
        run = headline_block(lines, twin_headline(lines, top))
        return ArticleStart(run, None, top, run[-1] + 1)
    return None


# At most a kicker and a headline, or a headline printed twice, over the 来源 line.
MAX_HEADER_TITLES = 2


# A saved page's title bar: the headline, a separator, the site's name
# ("…暗伤曝露?_网易财经", "…|香港_新浪新闻", "…--文化--人民网").
_SITE_SUFFIX_RE = re.compile(r"^\s*(?:_|\||-{1,2}|—)")
# or after a space, the site's name, told by its last word (a subtitle after a
# space is no name: "…油茶节 万名游客上山"): "…技能大赛 某某医院", or its
# section's and the site's: "…调研工作 东区办事处_中山网";
_SITE_NAME_RE = re.compile(
    r"^\s+(?:[^\s,。,:;!?]{1,22}(?:网|院|报|台|局|委|办|府|中心|频道|在线|新闻|处|馆|校)"
    r"|[^\s,。,:;!?]{1,16}[_|][^\s,。,:;!?]{2,16})$"
)
# or, glued to the headline, the section's name and the site's: "…跑出“加速度”凤凰网
# 评论_凤凰网" (凤凰网's column, the ninth held-out set; session 25);
_GLUED_SECTION_RE = re.compile(
    r"^[^\s,。,:;!?_|]{1,10}(?:网|频道|评论|新闻|资讯)_[^\s,。,:;!?_|]{2,12}$"
)
# or the site's name first: "明日财经--联合国发布报告…", "株洲新闻网_…".
_SITE_PREFIX_RE = re.compile(r"^[^\s,。,:;!?]{2,16}\s*(?:_|\||-{1,2}|—)\s*$")


def held_text(bar: str, text: str) -> str | None:
    """The headline *text* stands for, where the title bar *bar* repeats it,
    else None: the same words (perhaps in the other script), the title as the
    bar printed it first; with the site's name beside it in the bar, *text*.
    A post's "原创" badge run into the headline is no word of it."""
    for printed in dict.fromkeys([text, _ORIGINAL_RE.sub("", text)]):
        if len(squeeze(printed)) < MIN_HEADLINE:
            return None
        if squeeze(printed) == squeeze(bar):
            return bar
        if bar_holds(bar, printed):
            return printed
        # The bar writes a comma where the headline breaks with a space:
        # "爱戴掀起红盖头,庆东南…(图)_影音娱乐_新浪网" over "爱戴掀起红盖头 庆东南…(图)" (sina).
        if bar_holds(_COMMA_RE.sub(" ", bar), _COMMA_RE.sub(" ", printed)):
            return printed
    return None


_COMMA_RE = re.compile("[,，]")


def bar_holds(bar: str, headline: str) -> bool:
    """Whether the title bar *bar* is *headline* with the site's name beside
    it, spaces aside (a headline broken over lines is joined with one where
    the bar has none, or none where it has one: "…调整2007　年末…")."""
    b, h = squeeze(bar), squeeze(headline)
    folded = fold(bar).strip()
    if h and b.startswith(h):
        rest = after_chars(folded, len(h))
        return any(r.match(rest) for r in (_SITE_SUFFIX_RE, _SITE_NAME_RE, _GLUED_SECTION_RE))
    return bool(h) and b.endswith(h) and bool(_SITE_PREFIX_RE.match(before_chars(folded, len(h))))


def after_chars(text: str, count: int) -> str:
    """*text* after its first *count* characters that are not spaces."""
    seen = 0
    for n, ch in enumerate(text):
        if seen == count:
            return text[n:]
        seen += not ch.isspace()
    return ""


def before_chars(text: str, count: int) -> str:
    """*text* before its last *count* characters that are not spaces."""
    return after_chars(text[::-1], count)[::-1]


MIN_HEADLINE = 6
HEADLINE_LOOKAHEAD = 300
# A title bar is a headline and a site's name: "…_栏目_某某网"; a longer
# first line is text.
MAX_TITLE_BAR = 2 * MAX_LONG_HEADLINE
# A printed headline broken over lines: "全国人民代表大会常务委员会" /
# "关于批准…的决议", as a gazette prints it; its title bar holds it in one.
MAX_HEADLINE_LINES = 3
HELD_KINDS = (Kind.HEADING, Kind.HEADLINE, Kind.CAPTION, Kind.PARAGRAPH)


def mark_title_bar(lines: list[Line]) -> list[Line]:
    """The page's title bar (its first line) and the headline it repeats,
    printed further down before the story's first paragraph, over one line
    or up to three: the bar becomes a TITLE_BAR, the headline one HEADLINE
    line, *held*. A saved page prints its menus, login and search boxes
    between the two ("搜索  网站地图 设置首页" over the headline), and its
    headline in a box of its own that a gap set apart as a caption, so
    without this a menu line, or the bar itself, was taken for the headline."""
    first = next((n for n, li in enumerate(lines) if li.kind not in (Kind.META, Kind.DATE)), None)
    if first is None or len(lines[first].text) > MAX_TITLE_BAR:
        return lines
    bar = lines[first]
    for j in range(first + 1, min(len(lines), first + HEADLINE_LOOKAHEAD)):
        for span in range(1, MAX_HEADLINE_LINES + 1):
            part = lines[j : j + span]
            if len(part) < span or any(li.kind not in HELD_KINDS or li.byline for li in part):
                break
            # lines broken mid-phrase, joined as the bar prints them in one
            text = "".join(li.text.strip() for li in part)
            charge(len(text))
            if len(text) > MAX_TITLE_BAR:
                break
            if (text := held_text(bar.text, text)) is not None:
                text = untagged(lines, j + span, text)
                kind = Kind.HEADING if part[0].kind is Kind.HEADING else Kind.HEADLINE
                block = replace(part[0].block, text=text)
                held = replace(part[0], block=block, kind=kind, held=True, weak=False)
                titled = replace(bar, kind=Kind.TITLE_BAR)
                return [*lines[:first], titled, *lines[first + 1 : j], held, *lines[j + span :]]
        # The story's first paragraph ends the search; a line that holds the
        # whole bar is none ("正在阅读:" and the headline, a breadcrumb), nor
        # is a side box's notice standing alone above the headline ("杂志声明"
        # / "我司杂志提供免费订阅，…保留追究其法律责任的权利。", a trade
        # magazine's; "本站声明" / "本站文章仅供参考，转载请注明出处。"):
        # a story's first paragraph has another under it.
        if (
            is_story_paragraph(lines[j])
            and squeeze(bar.text) not in squeeze(lines[j].text)
            and j + 1 < len(lines)
            and is_story_paragraph(lines[j + 1])
        ):
            break
    return channel_bar(lines, first)


# A channel's title bar names its section and the site, no headline:
# "新闻动态--中国地理学会官网" (a learned society's news), "通知公告_某某市
# 档案馆": the section's name is shorter than any headline, or the page
# prints it on a line of its own, as the last step of its breadcrumb ("首页 -
# 本会新闻动态") or an entry of its menu. The headline then is the line right
# above the page's date line.
_CHANNEL_BAR_RE = re.compile(
    r"^(?P<channel>[^\s,。,:;!?_|\-—]{2,12})\s*(?:_|\||-{1,2}|—)\s*[^\s,。,:;!?_|\-—]{2,16}$"
)
_CRUMB_STEP = r"[>»›\-/]"
_DATED = (Kind.META, Kind.DATE)


def channel_bar(lines: list[Line], first: int) -> list[Line]:
    """The headline under a channel's title bar (``_CHANNEL_BAR_RE``), marked
    as ``mark_title_bar`` marks the one a headline's bar repeats."""
    if (bar := _CHANNEL_BAR_RE.match(fold(lines[first].text).strip())) is None:
        return lines
    channel = bar.group("channel")
    crumb = re.compile(rf"(?:^|{_CRUMB_STEP})\s*{re.escape(channel)}\s*$")
    for n in range(first + 1, min(len(lines), first + HEADLINE_LOOKAHEAD)):
        if lines[n].kind in _DATED:
            return lines
        if len(channel) >= MIN_HEADLINE and not crumb.search(fold(lines[n].text).strip()):
            continue
        date = next((k for k in range(n + 1, len(lines)) if lines[k].kind in _DATED), None)
        if date is None or date == n + 1:
            return lines
        above = lines[date - 1]
        text = fold(above.text).strip()
        if (
            above.kind not in HELD_KINDS
            or above.byline is not None
            or not MIN_HEADLINE <= len(text) <= MAX_LONG_HEADLINE
            or closes_with_full_stop(text)
        ):
            return lines
        held = replace(above, kind=Kind.HEADLINE, held=True, weak=False)
        titled = replace(lines[first], kind=Kind.TITLE_BAR)
        return [*lines[:first], titled, *lines[first + 1 : date - 1], held, *lines[date:]]
    return lines


# A reposter's tag in brackets run into the headline, where the story's
# "原标题:" line prints the headline without it: "[某某化妆品]江门七旬阿婆…"
# over "原标题:江门七旬阿婆…" (a spam site's repost of a city paper's story),
# "【本地资讯】…" over "原标题:…". A column's tag on a page with no such line
# stays the headline's ("【资讯汇总】9月26日盘中重要资讯汇总…").
_HEAD_TAG_RE = re.compile(r"^\s*[\[【][^\]】]{1,20}[\]】]\s*")
_ORIGINAL_TITLE_RE = re.compile(r"^\s*原标题\s*:\s*")


def untagged(lines: list[Line], after: int, text: str) -> str:
    """The headline *text* without its bracketed tag, where a 原标题 line in
    the lines after *after* prints it so."""
    if (tag := _HEAD_TAG_RE.match(fold(text))) is None:
        return text
    rest = text[tag.end() :]
    for line in lines[after : after + HEADLINE_LOOKAHEAD]:
        folded = fold(line.text)
        if (o := _ORIGINAL_TITLE_RE.match(folded)) and squeeze(folded[o.end() :]) == squeeze(rest):
            return rest
    return text


def twin_headline(lines: list[Line], i: int) -> list[int]:
    """A headline and its twin right under it: web pages print the title twice
    (the page's title bar, then the story's), or once in each script."""
    # The twin may stand in a gap, read as a caption: chinanews prints the
    # headline in a sticky bar, then again over its date line.
    if (
        i + 1 < len(lines)
        and lines[i + 1].kind in (*TITLE_KINDS, Kind.CAPTION)
        and same_text(lines[i], lines[i + 1])
    ):
        return [i, i + 1]
    return [i]


def headline_block(lines: list[Line], run: list[int]) -> list[int]:
    """The headline with the plain headline-like lines under it, where the
    page's date or 来源 line closes them: a portal prints "茶陵县虎踞镇茶油
    加工厂投产" / "年加工油茶籽5000吨 带动农户增收" / "来源:…". Without that
    line below them they may be the story's first subheadings."""
    j = run[-1] + 1
    while j < len(lines) and lines[j].kind is Kind.HEADLINE:
        j += 1
    if j > run[-1] + 1 and j < len(lines) and lines[j].kind in (Kind.META, Kind.DATE):
        return [*run, *range(run[-1] + 1, j)]
    return run


def same_text(a: Line, b: Line) -> bool:
    return fold(a.text).replace(" ", "") == fold(b.text).replace(" ", "")


# A derived title: the text's first clause, at most this long.
MAX_DERIVED_TITLE = 24


def derived_title(article: Article) -> str:
    """The first clause of an article that prints no headline (its first
    paragraph, else its first caption), marked with … where it is cut."""
    text = article.paragraphs[0].text if article.paragraphs else article.captions[0].text
    clause = re.split(r"[,。;:!?,;:!?]", text.strip(), maxsplit=1)[0].strip() or text.strip()
    return clause if len(clause) <= MAX_DERIVED_TITLE else clause[:MAX_DERIVED_TITLE] + "…"


TITLE_KINDS = (Kind.HEADING, Kind.HEADLINE)


# A gallery's slide counter after its headline, the current slide left blank
# by the saved page: "钢管舞国家队漠河零下33度挑战极寒(   / 7 )" (中国网, the tenth
# held-out set; session 25), "…(3/7)" — the page's furniture, no part of the title.
_SLIDE_COUNTER_RE = re.compile(r"\s*[(（]\s*\d{0,2}\s*/\s*\d{1,2}\s*[)）]$")


def build_article(lines: list[Line], start: ArticleStart, end: int) -> Article:
    kicker, title, subtitle = headline_parts(lines, start.run) if start.run else (None, "", None)
    article = Article(
        title=_SLIDE_COUNTER_RE.sub("", title) or title,
        kicker=kicker,
        subtitle=subtitle,
        line_start=lines[start.first].block.line,
        line_end=lines[end - 1].block.line,
    )
    if start.byline is not None:
        byline = lines[start.byline].byline
        assert byline is not None
        article.byline = byline.printed
        article.contributors = list(byline.contributors)
    in_run = set(start.run)
    content = [
        lines[i]
        for i in range(start.first, end)
        if i not in in_run and (i != start.byline or lines[i].kind is Kind.PARAGRAPH)
    ]
    fill_article(article, content)
    read_closing_bylines(article)
    credit_photos_to_the_byline(article)
    if not start.run:
        article.title, article.title_derived = derived_title(article), True
    return article


# The photographer a byline names ("文/邹晴  图/曾子豪", "撰文/陈二 摄影/李青")
# took the photos whose captions print no credit of their own (session 23);
# so does one credited for words and pictures, "图文 | 李沁" (session 24).
PHOTO_ROLES = ("图", "摄影", "图片", "图文")


def credit_photos_to_the_byline(article: Article) -> None:
    shooters = [c for c in article.contributors if fold(c.role).endswith(PHOTO_ROLES)]
    if not shooters:
        return
    for caption in article.captions:
        if caption.credit is None and not caption.photographers:
            caption.photographers = [replace(c) for c in shooters]


_NOT_TEXT = (Kind.META, Kind.DATE, Kind.EDITORS, Kind.BYLINE, Kind.TITLE_BAR)


def fill_article(article: Article, content: list[Line]) -> None:
    """Sections, captions and rejoined paragraphs of one article."""
    can_join = False
    pending_label: Line | None = None
    # The last paragraph's lines, joined once it is complete, and whether it
    # ends a sentence, judged line by line: 10,000 lines of one paragraph with
    # no sentence end were joined with += and folded whole at every line
    # (632 KB: 110 s and 3.3 GB, quadratic in both).
    parts: list[str] = []
    last_ends = False
    segment = 0  # the last paragraph's (``Block.segment``)
    # The last line of text: what stands below it is fields and dates.
    last_text = max(
        (n for n, li in enumerate(content) if li.kind not in _NOT_TEXT), default=len(content)
    )
    for n, line in enumerate(content):
        kind = line.kind
        if line.byline is not None:
            add_byline(article, line.byline)
        if kind is Kind.META and line.meta is not None:
            read_article_metadata(article, line)
            continue
        if kind is Kind.EDITORS:  # a story's own credit line under its text
            article.editors += parse_editors(line.text, line.block.line) or []
        if (
            kind is Kind.DATE
            and n > last_text
            and article.paragraphs
            and is_signed_date(content, n)
        ):
            # "…执法局" / "2024年9月2日" closing the story, under its signer: the
            # notice's date, not the page's (a list of related links prints such
            # dates between its titles; a page's date under its last sentence)
            kind = Kind.PARAGRAPH
        elif kind in (Kind.DATE, Kind.EDITORS, Kind.BYLINE, Kind.TITLE_BAR):
            continue
        last = article.paragraphs[-1] if article.paragraphs else None
        # Not across web chrome: "网站首页时政国际…" (a menu run together),
        # then the login widget, then the first paragraph (people/1) are no
        # paragraph broken by the page's columns.
        continues = (
            can_join
            and last is not None
            and not last_ends
            and line.block.segment == segment
            and not opens_list_item(parts, line.text)
            and not is_field_line(line.text)
        )
        if kind is Kind.CAPTION and not (line.weak and continues):
            add_caption(article, line)
            continue
        if kind in TITLE_KINDS:
            # A lead box ("### 核心阅读", seed 000) is a section of its own:
            # it neither labels the heading after it nor takes a label.
            lead_box = is_lead_box(line)
            nxt = content[n + 1] if n + 1 < len(content) else None
            if (
                not lead_box
                and pending_label is None
                and nxt is not None
                and nxt.kind in TITLE_KINDS
            ):
                # Two headings in a row: the first labels the second (seed 000:
                # "### 城市提质——" over "## 老旧小区新气象 居民幸福乐开颜").
                pending_label = line
                continue
            label = None if lead_box else pending_label
            article.sections.append(make_section(line, label, len(article.paragraphs)))
            if not lead_box:
                pending_label = None
            can_join = False
            continue
        text = line.byline.rest if line.byline is not None else line.text
        if continues and last is not None:
            # A paragraph broken by the page's columns, perhaps with a photo
            # caption standing in the gap: seed 000 breaks "…6台" / "新加装的电梯
            # 完工后…", seed 004 "…王林辉介绍:" / (caption) / "“盘活这些门面…".
            parts.append(text)
            last_ends = ends_paragraph(text, after=last_ends)
            last.line_end = line.block.line
        else:
            join_parts(last, parts)
            article.paragraphs.append(Paragraph(text, line.block.line, line.block.line))
            parts, last_ends = [text], ends_paragraph(text)
            segment = line.block.segment
        can_join = True
    join_parts(article.paragraphs[-1] if article.paragraphs else None, parts)
    signatures_as_paragraphs(article)
    captions_as_paragraphs(article)
    captions_glued_to_paragraphs(article)


# A photo's caption run into the paragraph before it, the photographer's name after
# it: "…全面提升了全县农产品质量安全水平。图为桂林市平乐县沙子镇渡河村农民在晾晒柿子。黄孝邦"
# (广西新闻网 in a shop's database, the twelfth held-out set; session 25), "…。图为
# 新建的大桥。王林 摄". Only a 图为 sentence last, with a name (and 摄) after it.
_GLUED_CAPTION_RE = re.compile(
    f"(?<=[。!?])(?P<text>图为[^。!?]{{4,80}}。)\\s*"
    f"(?P<credit>(?:(?:摄影)?记者|通讯员)?\\s*(?P<name>[{CJK}]{{2,3}})\\s*摄?)$"
)


def captions_glued_to_paragraphs(article: Article) -> None:
    for paragraph in article.paragraphs:
        m = _GLUED_CAPTION_RE.search(paragraph.text)
        if m is None or not name_shaped(m.group("name")):
            continue
        line = paragraph.line_end
        photographer = Contributor(m.group("name"), PHOTO_ROLE, line)
        caption = Caption(m.group("text"), m.group("credit"), [photographer], line, line)
        article.captions.append(caption)
        paragraph.text = paragraph.text[: m.start()]


# A notice's or a letter's date alone under its signature: "2024年9月2日",
# "二〇二四年九月二日" — the day it was signed, the story's text; the page's
# own date line prints the site's date, often with a time (session 24: a
# county office's notice had lost its signature date).
_SIGNATURE_DATE_RE = re.compile(
    r"^(?:(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*[\d〇零一二三四五六七八九十]{1,2}\s*月"
    r"\s*[\d〇零一二三四五六七八九十]{1,3}\s*日|\d{4}-\d{1,2}-\d{1,2})(?:\s*星期[一二三四五六日天])?$"
)


def is_signature_date(text: str) -> bool:
    return bool(_SIGNATURE_DATE_RE.match(fold(text).strip()))


def signatures_as_paragraphs(article: Article) -> None:
    """A heading-like line under the story's last paragraph heads nothing: it
    is a notice's signature ("特此通告。" / "株洲市公安局交通警察支队石峰大队",
    perhaps over its date), a letter's sender ("荷塘区月塘街道办事处"),
    so it is the story's last paragraph, not a section with no text."""
    count = len(article.paragraphs)
    if count and is_signature_date(article.paragraphs[-1].text):
        count -= 1  # the signature's date, under the signature
    if not count:
        return
    last = article.sections[-1] if article.sections else None
    if (
        last is not None
        and last.paragraph_index == count
        and last.label is not None
        and is_signature_date(last.heading)
    ):
        # the signer read as the label of its date: "株洲市文明办" / "二〇二四年三月一日"
        article.sections.pop()
        article.paragraphs[count:count] = [
            Paragraph(last.label, last.line_start, last.line_start),
            Paragraph(last.heading, last.line_end, last.line_end),
        ]
    while (
        article.sections
        and article.sections[-1].paragraph_index == count
        and article.sections[-1].label is None
    ):
        section = article.sections.pop()
        article.paragraphs.insert(
            count, Paragraph(section.heading, section.line_start, section.line_end)
        )


# Issue 13, point 7: a self-media post puts a photo before every paragraph
# ("图片1.jpg" / "七月的炎陵,漫山遍野的黄桃熟了,…。" / "图片2.jpg" / …), so each
# paragraph stands where a photo's caption does and the post had no body. A
# story with no paragraph at all whose "captions" are all uncredited
# sentences is such a post: they are its paragraphs. A gallery's captions
# carry their credits ("修缮后的茶陵古城墙南门。(谭晓彤 摄)") and stay captions.
MIN_POST_PARAGRAPHS = 2


def captions_as_paragraphs(article: Article) -> None:
    captions = article.captions
    if (
        article.paragraphs
        or article.sections
        or len(captions) < MIN_POST_PARAGRAPHS
        or not all(c.credit is None and ends_sentence(fold(c.text).strip()) for c in captions)
    ):
        return
    article.paragraphs = [Paragraph(c.text, c.line_start, c.line_end) for c in captions]
    article.captions = []


# A footer's desk roles ("摄影/李青 编辑/周敏"): its editors, not its byline.
DESK_ROLES = frozenset({*EDITOR_ROLES, "一审", "二审", "三审"})


def add_byline(article: Article, byline: Byline) -> None:
    """A byline within the article's lines names its people too: one closing
    the story on a line of its own ("某某晚报记者 王小川"), a dateline opening
    the first paragraph under the page's 来源/作者 fields ("本站讯(通讯员 李青)"),
    a footer ("摄影/李青 编辑/周敏", 周敏 an editor). Each name once. A name alone ("刘思远",
    "戴 鵬") is an author only where it opens the article: further down it
    is a spaced word ("登 录") or a page tool ("标准")."""
    if [fold(c.name).replace(" ", "") for c in byline.contributors] == [
        fold(byline.printed).replace(" ", "")
    ]:
        return
    known = {fold(c.name) for c in article.contributors + article.editors}
    for c in byline.contributors:
        if fold(c.name) not in known:
            desk = fold(c.role) in DESK_ROLES
            (article.editors if desk else article.contributors).append(c)
    if article.byline is None:
        article.byline = byline.printed


# A numbered item of a notice or a plan: "一、严禁野外用火。", "(二)加强巡山护林",
# "1. 落实值班制度", "第一,…".
_LIST_ITEM_RE = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\)|\d{1,2}[、.．]|第[一二三四五六七八九十]{1,3}[,、])"
)


# The addressees over a notice or a letter: "广大市民朋友:", "各有关单位:",
# "尊敬的用户:" had been joined to the notice's first sentence as a column
# break after a colon is ("…王林辉介绍:" of seed 004, a speaker, not a reader).
# With a word of address first, any noun is the addressee: "广大经营户:",
# "各位车主:" (session 24).
_SALUTATION_RE = re.compile(
    # (short: "全体村民代表激动地表示:" is a speaker, its words below)
    rf"^(?:尊敬的|亲爱的|各位|广大|全体)[{CJK}、]{{1,6}}:$"
    rf"|^各?[{CJK}、]{{0,14}}"
    r"(?:朋友|居民|市民|群众|同志|用户|家长|同学|读者|乡亲|网友|单位|部门|企业|会员"
    r"|旅客|乘客|考生|游客|女士|先生|村民|业主|老师|职工)们?:$"
)


def opens_list_item(parts: list[str], text: str) -> bool:
    """Whether *text* stands apart from a line closed by a colon: a numbered
    item (a county's notice "…现就有关事项通告如下:" over "一、严禁野外用火。"
    had been one paragraph with it; a column break after a colon, seed 004's
    "…王林辉介绍:", goes on with no number), or the text under a salutation
    alone on its line."""
    if not parts or not ends_with_colon(parts[-1]):
        return False
    if len(parts) == 1 and _SALUTATION_RE.match(fold(parts[0]).strip()):
        return True
    return bool(_LIST_ITEM_RE.match(fold(text).strip()))


def ends_paragraph(text: str, after: bool = False) -> bool:
    """A line ends its paragraph where it ends a sentence, or a writer's bracket
    closes it ("…即可以旧换新。(周敏)": the bracket's 敏 ends no sentence, and
    the site's notice under it had been joined to the story's last paragraph,
    sina/4), or it is one field of an info box ("活动时间:6月1日" over
    "活动地点:神农公园", ``is_field_line``)."""
    return (
        ends_sentence(text, after=after)
        or closing_byline(text, 0) is not None
        or (is_field_line(text) and not is_broken_field(text))
    )


# A field whose value runs on as a sentence and stops mid-word, broken by the
# print column: "报名时间:即日起至6月30日,报名时需携带身份证" / "原件及复印件到…
# 登记。" (session 24's review). A field of an info box is a value alone
# ("活动地点:神农公园南门"), and the next field starts a line of its own
# (``continues`` never joins one).
_BROKEN_FIELD_RE = re.compile(f",[^,:]*[{CJK}]$")
# A whole field with a comma is short: "活动地点:神农公园南门,东侧入口" (session 25's review).
MIN_BROKEN_FIELD = 22


def is_broken_field(text: str) -> bool:
    t = fold(text).strip()
    return len(t) >= MIN_BROKEN_FIELD and bool(_BROKEN_FIELD_RE.search(t))


def read_closing_bylines(article: Article) -> None:
    """The writers named in brackets after a paragraph's last sentence
    (``closing.closing_byline``: "…在三个县举行。（谭晓彤）"). Where the article
    prints no other byline the first is the byline, cut from its paragraph as
    an opening byline is ("本报讯(记者 王小川)…"); beside one, its people are
    added and the bracket stays in the text, so no text is lost."""
    for paragraph in article.paragraphs:
        if (found := closing_byline(paragraph.text, paragraph.line_end)) is None:
            continue
        text, byline = found
        if article.byline is None and text:
            paragraph.text = text
        add_byline(article, byline)


def join_parts(paragraph: Paragraph | None, parts: list[str]) -> None:
    if paragraph is not None and len(parts) > 1:
        paragraph.text = "".join(parts)


def read_article_metadata(article: Article, line: Line) -> None:
    """作者: and 编辑:/责任编辑:/一审… fields name the article's people; a page
    that prints no byline has its 作者 field as byline."""
    meta = line.meta
    assert meta is not None
    number = line.block.line
    article.contributors.extend(Contributor(n, "作者", number) for n in meta.authors)
    article.editors.extend(Contributor(n, r, number) for r, n in meta.editors)
    if article.byline is None and meta.authors:
        article.byline = " ".join(meta.authors)


def is_lead_box(line: Line) -> bool:
    return fold(line.text).strip() in LEAD_BOX_HEADINGS


def make_section(line: Line, label: Line | None, paragraph_index: int) -> Section:
    heading = line.text
    label_text = label.text if label is not None else None
    if label_text is None and (m := _LABEL_RE.match(heading)):
        label_text, heading = m.group(1), m.group(2).strip()
    return Section(
        heading=heading,
        label=label_text,
        line_start=(label or line).block.line,
        line_end=line.block.line,
        paragraph_index=paragraph_index,
    )


# A saved page may put a blank line between a caption and its credit.
MAX_CREDIT_GAP = 2


def add_caption(article: Article, line: Line) -> None:
    """A caption, or the credit under one: "▲5月20日,工人在车间调试新下线的电
    机。" over "周琳 摄" on the next line (今日头条, session 24) is one caption
    and its credit, not a caption and an empty one."""
    caption = make_caption(line)
    last = article.captions[-1] if article.captions else None
    after_text = article.paragraphs[-1].line_end if article.paragraphs else 0
    if (
        not fold(caption.text).strip()
        and last is not None
        and last.credit is None
        and 0 < line.block.line - last.line_end <= MAX_CREDIT_GAP
        and last.line_end > after_text
    ):
        last.credit, last.photographers = caption.credit, caption.photographers
        last.line_end = line.block.line
        return
    article.captions.append(caption)


def make_caption(line: Line) -> Caption:
    text, credit, photographers = split_credit(line.text)
    for p in photographers:
        p.line = line.block.line
    return Caption(text, credit, photographers, line.block.line, line.block.line)


def bigrams(text: str) -> set[str]:
    charge(len(text))
    t = fold(text)
    return {t[i : i + 2] for i in range(len(t) - 1)}


def move_captions_between_articles(articles: list[Article]) -> None:
    """A caption printed after an article's last paragraph may belong to the
    next article: seed 003's "医生在为群众进行颈椎推拿。记者/李逸峰 摄" stands
    after the safety story, above the story on traditional medicine it shows.
    It goes to whichever neighbour shares more character pairs with it."""
    for prev, nxt in pairwise(articles):
        last_line = prev.paragraphs[-1].line_end if prev.paragraphs else prev.line_start
        trailing = [c for c in prev.captions if c.line_start > last_line]
        if not trailing:
            continue
        prev_pairs, next_pairs = bigrams(prev.body), bigrams(nxt.title + nxt.body)
        moved = False
        for caption in trailing:
            pairs = bigrams(caption.text)
            if len(pairs & next_pairs) > len(pairs & prev_pairs):
                prev.captions.remove(caption)
                nxt.captions.insert(0, caption)
                nxt.line_start = min(nxt.line_start, caption.line_start)
                moved = True
        # Once, not per caption moved (quadratic on 10,000 trailing captions).
        if moved:
            prev.line_end = max([last_line, *(c.line_end for c in prev.captions)])
