"""Intake: bytes on disk -> :class:`~corroborate.model.RawDocument` values.

The format is judged from content, not the file name. A problem with a whole file
(unreadable, binary, undecodable, truncated, empty...) raises :class:`InputError`
so nothing from it is stored; a problem with one item of a multi-article file (a
JSONL line, a feed entry, a WARC record) comes back in the list in that item's
place, and the other items still come through.
"""

from __future__ import annotations

from collections.abc import Callable

from ..errors import InputError
from ..model import RawDocument
from ..settings import Settings
from .common import check_size
from .detect import is_warc, sniff_text, unwrap_gzip
from .encoding import Decoded, decode_bytes
from .feed import read_feed
from .html import read_html
from .jsonl import read_jsonl
from .paths import expand_inputs, read_input_bytes
from .text import read_text
from .warc import read_warc

__all__ = ["expand_inputs", "read_bytes", "read_path"]

Items = list[RawDocument | InputError]
_READERS: dict[str, Callable[[bytes, Decoded, str, Settings], Items]] = {
    "feed": read_feed,
    "html": read_html,
    "jsonl": read_jsonl,
    "text": read_text,
}


def read_path(path: str, settings: Settings) -> Items:
    """Read one input path ("-" is stdin, reported as "<stdin>")."""
    data, source = read_input_bytes(path, settings)
    return read_bytes(data, source, settings)


def read_bytes(data: bytes, source: str, settings: Settings) -> Items:
    """Read one input's bytes; ``source`` names it in documents and errors."""
    try:
        return _read(data, source, settings)
    except InputError:
        raise
    except Exception as exc:  # a library failing on odd input must not crash a batch
        raise InputError(source, f"could not read this input ({type(exc).__name__}: {exc})") from exc


def _read(data: bytes, source: str, settings: Settings) -> Items:
    check_size(len(data), settings, source)
    if not data:
        raise InputError(source, "empty file")
    data = unwrap_gzip(data, source, settings)
    if not data:
        raise InputError(source, "empty file (the gzip holds no data)")
    if is_warc(data):
        return read_warc(data, source, settings)
    decoded = decode_bytes(data, source)
    if not decoded.text.strip():
        raise InputError(source, "file holds only whitespace")
    return _READERS[sniff_text(decoded.text)](data, decoded, source, settings)
