"""The writer a story names in brackets after its last sentence (issue 13,
point 5): a provincial portal closes its report "…推介会将在三个县举行。（谭晓彤）",
a tech site its news "…即可以旧换新。(周敏)" — the reporter, no role
printed. A labelled bracket closes a story too: "…下月起施行。(记者 王小川
通讯员 李青)".

A paragraph's end, after a sentence end (a saved page prints its notices and
links under the story, so the writer's paragraph is not always the article's
last; a digest of short reports closes each with its writer), and only a
name's shape (``surnames.name_shaped``) or a byline's roles and names: a
bracket that closes a sentence with a company ("(某某股份)"), a picture agency
("(某某图库)"), "(完)" or a photo's credit ("(刘一凡摄)", a caption) names no
writer.
"""

from __future__ import annotations

import re

from ingest.model import Contributor
from ingest.text.fold import fold
from ingest.text.lines import SENTENCE_END, Byline, parse_byline
from ingest.text.surnames import name_shaped

# The bracket after a sentence end, matched on the folded text: "。(谭晓彤)",
# "。”(记者 王小川)"; looked for in a paragraph's last characters alone.
MAX_TAIL = 60
_CLOSING_RE = re.compile(rf"(?<=[{SENTENCE_END}”’\"])\s*(?P<bracket>\([^()]{{2,40}}\))\s*$")


def closing_byline(text: str, line: int) -> tuple[str, Byline] | None:
    """(a paragraph's *text* before the bracket, the byline it holds), or None;
    *line*: where the bracket is printed."""
    # The tail alone: a paragraph may be a runaway line of 100,000 characters.
    offset = max(0, len(text) - MAX_TAIL)
    folded = fold(text[offset:])
    m = _CLOSING_RE.search(folded)
    if m is None:
        return None
    start, end = (offset + k for k in m.span("bracket"))
    printed = text[start:end]
    inner = fold(printed)[1:-1].strip()
    if name_shaped(inner):
        name = printed[1:-1].strip()
        byline = Byline(printed, [Contributor(name=name, role="", line=line)], "", None)
    else:
        labelled = parse_byline(printed, line)
        if labelled is None or labelled.rest or not labelled.contributors:
            return None
        byline = labelled
    return text[:start].rstrip(), byline
