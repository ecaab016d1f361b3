"""Small helpers every intake reader shares: hashing, size limits, date sanity."""

from __future__ import annotations

import datetime as dt
import hashlib

from ..errors import InputError
from ..settings import Settings

#: Appended to "this is not something we read" errors so people know what would work.
SUPPORTED = "corroborate reads text, HTML, JSONL, RSS/Atom and WARC"

_MB = 1024 * 1024


def sha256_hex(data: bytes) -> str:
    """The input hash lets a later run notice it has seen these exact bytes before."""
    return hashlib.sha256(data).hexdigest()


def describe_size(size: int) -> str:
    """Sizes as people say them: "61.2 MB", or plain bytes for tiny limits (tests, odd settings)."""
    if size < _MB // 10:
        return f"{size:,} bytes"
    return f"{size / _MB:.1f}".removesuffix(".0") + " MB"


def check_size(size: int, settings: Settings, source: str) -> None:
    """Refuse oversize inputs before they are read, so one huge file cannot exhaust memory."""
    if size > settings.max_file_bytes:
        limit = describe_size(settings.max_file_bytes)
        raise InputError(
            source,
            f"file is {describe_size(size)}, over the {limit} limit (raise it with --max-file-mb)",
        )


def latest_date(settings: Settings, fetched: str | None = None) -> dt.date:
    """The latest believable publication date.

    One day past "today" allows for time zones; a page cannot be published after it was fetched.
    """
    latest = settings.current_date() + dt.timedelta(days=1)
    fetched_day = parse_day(fetched)
    return min(latest, fetched_day) if fetched_day else latest


def parse_day(value: str | None) -> dt.date | None:
    """The calendar day at the start of an ISO 8601 string, or None when there is none."""
    if not value or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def accept_date(value: str | None, settings: Settings, latest: dt.date) -> str | None:
    """Keep a declared date only when it could be true; a wrong date is worse than none."""
    day = parse_day(value)
    if day is None or day.year < settings.min_year or day > latest:
        return None
    return value
