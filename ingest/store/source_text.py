"""A source file's text as the archive stores it: zstd-compressed, with the
file's own articles as the dictionary.

Most of a file's text is its articles' text, which ``articles`` stores already
(title, body …). Compressed against that text (a raw-content zstd dictionary),
the stored source costs only what the articles do not hold, the page headers,
chrome and metadata lines, and references to the rest: bench/corpus.py's 1k
corpus's 50 files take 23.5 KB so, against 1.97 MB with zlib -9 alone (0.34×
the archive's text, docs/BENCHMARKS.md). The reader rebuilds the same
dictionary from the same article rows, so the two sides share this module;
the frame's checksum makes a mismatch (an article row edited by hand) an error
instead of wrong text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import zstandard

# The article columns the dictionary is made of, in this order; the reader
# selects them (with the ordering key's columns) from ``articles``.
DICTIONARY_COLUMNS = ("kicker", "title", "subtitle", "byline", "body", "printed_with")
ORDER_COLUMNS = ("line_start", "ordinal", "id")
# Level 9: within 6% of level 19's size on the bench corpus at a 25th of its time.
LEVEL = 9


class SourceTextError(ValueError):
    """The stored text cannot be rebuilt from its articles as they are now."""


def _dictionary(articles: Iterable[Mapping[str, Any]]) -> zstandard.ZstdCompressionDict | None:
    ordered = sorted(articles, key=lambda a: tuple(a[c] or 0 for c in ORDER_COLUMNS))
    text = "\n".join(a[c] for a in ordered for c in DICTIONARY_COLUMNS if a[c])
    if not text:
        return None
    return zstandard.ZstdCompressionDict(
        text.encode("utf-8"), dict_type=zstandard.DICT_TYPE_RAWCONTENT
    )


def compress_source(text: str, articles: Iterable[Mapping[str, Any]]) -> bytes:
    """*text* (a source's decoded text) compressed against its *articles*' rows."""
    compressor = zstandard.ZstdCompressor(
        level=LEVEL, dict_data=_dictionary(articles), write_checksum=True
    )
    return compressor.compress(text.encode("utf-8"))


def decompress_source(blob: bytes, articles: Iterable[Mapping[str, Any]]) -> str:
    """The text :func:`compress_source` was given, from the same article rows."""
    try:
        data = zstandard.ZstdDecompressor(dict_data=_dictionary(articles)).decompress(blob)
        return data.decode("utf-8")
    except (zstandard.ZstdError, UnicodeDecodeError) as error:
        raise SourceTextError(
            f"the stored source text does not match its articles: {error}"
        ) from error
