"""What is in a file, judged from its content: extensions lie (feeds saved as .html,
JSONL saved as .txt, WARCs gzipped as .gz), bytes do not.
"""

from __future__ import annotations

import gzip
import io
import json
import re
import zlib

from ..errors import InputError
from ..settings import Settings
from .common import describe_size

GZIP_MAGIC = b"\x1f\x8b"
WARC_MAGIC = b"WARC/1."
#: A gzip may expand this many times past the file size limit before we refuse it.
GZIP_EXPANSION = 4
#: gzip inside gzip happens (double-compressed downloads); deeper nesting is a zip bomb.
_MAX_GZIP_LAYERS = 3

#: Only an XML prolog (declaration, comments, doctype) may come before a feed's root element.
_FEED_START = re.compile(
    r"\A(?:[\s\ufeff]+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*<(?:rss|feed|rdf:RDF)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_MARK = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.IGNORECASE)
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9:-]*(?:\s[^<>]*)?/?>")
_HEAD_CHARS = 4096
_DENSITY_CHARS = 65536
#: A "<"-led file with at least one tag per this many characters is HTML without the usual
#: html/body wrapper (a saved fragment); prose that mentions a tag or two is not.
_CHARS_PER_TAG = 200
_MIN_TAGS = 3


def is_gzip(data: bytes) -> bool:
    return data.startswith(GZIP_MAGIC)


def is_warc(data: bytes) -> bool:
    return data.startswith(WARC_MAGIC)


def unwrap_gzip(data: bytes, source: str, settings: Settings) -> bytes:
    """Decompress (nested) gzip, refusing truncated or corrupt streams and decompression bombs."""
    limit = settings.max_file_bytes * GZIP_EXPANSION
    for _ in range(_MAX_GZIP_LAYERS):
        if not is_gzip(data):
            return data
        data = _gunzip(data, source, limit)
    if is_gzip(data):
        raise InputError(source, f"gzip nested more than {_MAX_GZIP_LAYERS} levels deep")
    return data


def _gunzip(data: bytes, source: str, limit: int) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            out = stream.read(limit + 1)
    except EOFError as exc:
        raise InputError(source, "truncated gzip: the compressed data ends early") from exc
    except (OSError, zlib.error) as exc:
        raise InputError(source, f"corrupt gzip: {exc}") from exc
    if len(out) > limit:
        raise InputError(
            source,
            f"gzip expands to more than {describe_size(limit)} ({GZIP_EXPANSION}x the file size limit; "
            "raise it with --max-file-mb)",
        )
    return out


def sniff_text(text: str) -> str:
    """The format of decoded text: "feed", "html", "jsonl" or "text"."""
    if _FEED_START.match(text[:_HEAD_CHARS]):
        return "feed"
    # JSONL before HTML: its objects often carry whole pages in an "html" field.
    if _looks_like_jsonl(text):
        return "jsonl"
    if _looks_like_html(text):
        return "html"
    return "text"


def _looks_like_html(text: str) -> bool:
    """An html/body wrapper, or a "<"-led file dense with tags (a saved fragment)."""
    if _HTML_MARK.search(text[:_HEAD_CHARS]):
        return True
    sample = text[:_DENSITY_CHARS].strip()
    if not sample.startswith("<"):
        return False
    tags = len(_TAG.findall(sample))
    return tags >= _MIN_TAGS and tags * _CHARS_PER_TAG >= len(sample)


def _looks_like_jsonl(text: str) -> bool:
    """The first line is a JSON object and most lines look like objects.

    "Most" rather than "all" so one damaged line is reported as that line's error
    instead of turning the whole file into one long plain-text article.
    """
    if not text.lstrip().startswith("{"):
        return False
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    try:
        first = json.loads(lines[0])
    except (ValueError, RecursionError):
        return False
    objects = sum(1 for line in lines if line.startswith("{"))
    return isinstance(first, dict) and objects * 2 > len(lines)
