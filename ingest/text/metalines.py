"""Metadata lines of web pages: the date, publication, authors and editors a
page prints as labelled fields rather than as text.

"2023-07-24 15:13 来源:株洲日报 作者:王小川 编辑:李青", "发布时间:2019-07-22",
"發布日期:2012年06月25日 08:47:00", "[来源: 红网]", "责任编辑:周敏",
"一审:刘一 二审:陈二 三审:张三". A line is metadata only when it is made of
such fields as a whole (a bare date may open it; counters and font-size
controls may stand among them): a sentence that says 来源 stays a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.text import dates
from ingest.text.chrome import chrome_rule
from ingest.text.fold import CJK, fold

# (label, field), longest first within a field so 来源于 wins over 来源.
LABELS = (
    ("发布时间", "date"),
    ("发布日期", "date"),
    ("发表时间", "date"),
    ("更新时间", "date"),
    ("时间", "date"),
    ("日期", "date"),
    ("来源于", "publication"),
    ("来源", "publication"),
    ("稿源", "publication"),
    ("出处", "publication"),
    ("作者", "author"),
    ("文", "author"),
    ("责任编辑", "editor"),
    ("值班编辑", "editor"),
    ("编辑", "editor"),
    ("责编", "editor"),
    ("一审", "editor"),
    ("二审", "editor"),
    ("三审", "editor"),
    ("终审", "editor"),
    ("审核", "editor"),
    ("校对", "editor"),
    ("浏览次数", "counter"),
    ("阅读量", "counter"),
    ("点击数", "counter"),
    ("字号", "counter"),
)
_FIELD = dict(LABELS)
_LABEL_ALT = "|".join(sorted(_FIELD, key=len, reverse=True))
# A label stands at the start or after a separator, and takes a colon (or, for
# the editor roles of a footer, "一审 刘一", a space).
_LABEL_RE = re.compile(rf"(?:^|(?<=[\s|丨\[【(]))(?P<label>{_LABEL_ALT})\s*(?::|/|\s)\s*")
_SEPARATORS = " \t|丨[]【】()（）"
_NAME_RE = re.compile(f"^[{CJK}·]{{2,5}}$")
MAX_METADATA_LINE = 160
MAX_PUBLICATION = 30


@dataclass
class Metadata:
    printed: str
    date: str | None = None
    time: str | None = None
    publication: str | None = None
    authors: list[str] = field(default_factory=list)
    editors: list[tuple[str, str]] = field(default_factory=list)  # (role, name) as printed


def _names(value: str) -> list[str] | None:
    names = [n for n in re.split(r"[\s、,;]+", value) if n]
    return names if names and all(_NAME_RE.match(fold(n)) for n in names) else None


def parse_metadata(text: str) -> Metadata | None:
    """The fields of a metadata line, or None when *text* is not one."""
    printed = text.strip()
    folded = fold(printed)
    if len(folded) > MAX_METADATA_LINE:
        return None
    labels = list(_LABEL_RE.finditer(folded))
    if not labels:
        return None
    meta = Metadata(printed)
    head = folded[: labels[0].start()].strip(_SEPARATORS)
    if head:
        stamp = dates.find_date(head)
        if stamp is None or head[: stamp.start].strip() or head[stamp.end :].strip():
            return None
        meta.date, meta.time = stamp.date, stamp.time
    for n, m in enumerate(labels):
        end = labels[n + 1].start() if n + 1 < len(labels) else len(folded)
        start = m.end()
        value = folded[start:end].strip(_SEPARATORS)
        shown = printed[start:end].strip(_SEPARATORS)
        kind, label = _FIELD[m.group("label")], printed[m.start("label") : m.end("label")]
        if not value:
            if kind == "counter" or (kind == "editor" and n + 1 < len(labels)):
                continue  # "一审 二审 三审" printed without names
            return None
        if not read_field(meta, kind, label, value, shown):
            return None
    return meta


def read_field(meta: Metadata, kind: str, label: str, value: str, shown: str) -> bool:
    """Store one field's value; False when it is not what the label promises."""
    if kind == "date":
        stamp = dates.find_date(value)
        if stamp is None or value[stamp.end :].strip():
            return False
        meta.date, meta.time = meta.date or stamp.date, meta.time or stamp.time
    elif kind == "publication":
        # "来源:株洲日报 | 2019.09.20": a date printed after the publication
        if (stamp := dates.find_date(value)) is not None and not value[stamp.end :].strip():
            meta.date, meta.time = meta.date or stamp.date, meta.time or stamp.time
            value, shown = value[: stamp.start].strip(_SEPARATORS), shown[: stamp.start]
            shown = shown.strip(_SEPARATORS)
        # "来源:证券时报网     举报": a page tool printed far after the name
        value, shown = value.split("  ")[0].strip(), shown.split("  ")[0].strip()
        if not value or len(value) > MAX_PUBLICATION:
            return False
        meta.publication = meta.publication or shown
    elif kind == "counter":
        return chrome_rule(f"{label}:{value}") is not None or bool(re.match(r"^[\d.万]+$", value))
    else:
        # "编辑:钟文静  2019-05-08 10:26:31": the page's time printed after the names
        if (stamp := dates.find_date(value)) is not None and not value[stamp.end :].strip():
            meta.date, meta.time = meta.date or stamp.date, meta.time or stamp.time
            shown = shown[: stamp.start].strip(_SEPARATORS)
        names = _names(shown)
        if names is None:
            return False
        if kind == "author":
            meta.authors.extend(names)
        else:
            meta.editors.extend((label, name) for name in names)
    return True
