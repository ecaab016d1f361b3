"""RSS and Atom feeds: each entry is an article; an entry without text costs only itself."""

from __future__ import annotations

import datetime as dt
import io
import json
import time
from typing import Any

import feedparser

from ..errors import InputError
from ..model import RawDocument, SourceMeta
from ..settings import Settings
from .common import accept_date, latest_date, sha256_hex
from .encoding import Decoded
from .html import fragment_to_text


def read_feed(
    data: bytes, decoded: Decoded, source: str, settings: Settings
) -> list[RawDocument | InputError]:
    """Parse the bytes, not our decoded text, so feedparser honours the XML encoding declaration.

    A feed with a few XML errors but readable entries is still worth reading (feedparser
    is forgiving on purpose); only "broken and nothing readable" rejects the file.
    """
    parsed = _parse(data, source)
    entries = parsed.get("entries") or []
    if not entries and parsed.get("bozo"):
        raise InputError(
            source, f"broken feed, no entries could be read ({_describe(parsed.get('bozo_exception'))})"
        )
    feed_format = "atom" if str(parsed.get("version", "")).startswith("atom") else "rss"
    outlet = (parsed.get("feed") or {}).get("title") or None
    encoding = parsed.get("encoding") or decoded.encoding
    return [
        _entry(entry, index, feed_format, outlet, encoding, source, settings)
        for index, entry in enumerate(entries, start=1)
    ]


def _parse(data: bytes, source: str) -> Any:
    # A file object, never a str: feedparser treats strings as URLs or paths to open.
    try:
        return feedparser.parse(io.BytesIO(data))
    except Exception as exc:  # feedparser wraps most problems in bozo, but not all
        raise InputError(source, f"broken feed ({type(exc).__name__}: {exc})") from exc


def _describe(exc: object) -> str:
    """SAX messages start with a meaningless "<unknown>:" file name."""
    return str(exc).removeprefix("<unknown>:") if exc else "unknown error"


def _entry(
    entry: Any,
    index: int,
    feed_format: str,
    outlet: str | None,
    encoding: str,
    source: str,
    settings: Settings,
) -> RawDocument | InputError:
    text = _entry_text(entry)
    if not text:
        return InputError(source, "feed entry has no text (no content or summary)", line=index)
    meta = _entry_meta(entry, outlet, settings)
    # The entry's own fields, not only its text: two entries may share a summary under two titles.
    # (Not the date: whether it is accepted depends on today.)
    fields = [meta.external_id, meta.url, meta.title, text]
    return RawDocument(
        source=source,
        text=text,
        format=feed_format,
        encoding=encoding,
        meta=meta,
        input_hash=sha256_hex(json.dumps(fields).encode("utf-8")),
        line=index,
    )


def _entry_text(entry: Any) -> str:
    """Full content when the feed carries it, else the summary; both are usually HTML."""
    details = list(entry.get("content") or []) + [entry.get("summary_detail") or {}]
    for detail in details:
        value = (detail.get("value") or "").strip()
        text = value if detail.get("type") == "text/plain" else fragment_to_text(value)
        if text:
            return text
    return ""


def _entry_meta(entry: Any, outlet: str | None, settings: Settings) -> SourceMeta:
    author = (entry.get("author_detail") or {}).get("name") or entry.get("author")
    return SourceMeta(
        external_id=entry.get("id") or entry.get("link") or None,
        url=entry.get("link") or None,
        outlet=outlet,
        title=entry.get("title") or None,
        author=author or None,
        published=_published(entry, settings),
    )


def _published(entry: Any, settings: Settings) -> str | None:
    """feedparser normalises every date format to a UTC struct_time; we emit ISO 8601."""
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not isinstance(parsed, time.struct_time):
        return None
    try:
        when = dt.datetime(*parsed[:6], tzinfo=dt.UTC).isoformat()
    except ValueError:
        return None
    return accept_date(when, settings, latest_date(settings))
