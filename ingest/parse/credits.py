"""A photo credit's people beside the article's byline (issue 13, point 5).

A credit names its photographer with the role it prints, as a byline does
(``captions.credited_people``: "…全媒体记者 王小川 摄" is 王小川, 全媒体记者).
The archive keeps one mention per person, article and role, so a reporter who
writes the story and takes its photo under one role ("株洲日报讯(全媒体记者
王小川)…" and "…夜市。全媒体记者 王小川 摄") would have the credit counted
into the byline's mention, and the archive would no longer say that he took
the photo. There the byline already gives him the role; his credit keeps the
photographer's (摄影), and stays a mention of its own.
"""

from __future__ import annotations

from dataclasses import replace

from ingest.model import Article
from ingest.text.captions import PHOTO_ROLE
from ingest.text.fold import fold


def keep_credits_apart(article: Article) -> None:
    """Give 摄影 to each photographer of the article's captions whom its byline
    or editor lines already name in the role the credit prints."""
    named = {(fold(c.name), fold(c.role)) for c in article.contributors + article.editors}
    for caption in article.captions:
        caption.photographers = [
            replace(p, role=PHOTO_ROLE) if (fold(p.name), fold(p.role)) in named else p
            for p in caption.photographers
        ]
