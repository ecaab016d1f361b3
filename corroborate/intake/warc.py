"""WARC archives: each HTML response record is an article.

warcio reads records happily past the end of a truncated file, so we check every
record's length ourselves: a damaged archive is rejected whole, because whatever
follows the damage cannot be trusted.
"""

from __future__ import annotations

import codecs
import contextlib
import io
from dataclasses import dataclass, replace
from email.message import Message
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.limitreader import LimitReader

from ..errors import InputError
from ..model import RawDocument
from ..settings import Settings
from .common import latest_date, sha256_hex
from .encoding import Decoded, decode_bytes
from .html import NoArticleText, extract_article

_MEANS_CP1252 = {"iso8859-1", "ascii"}


@dataclass(frozen=True)
class _Page:
    """An HTML response record, read out of the archive before any extraction."""

    index: int
    url: str | None
    fetched: str | None
    charset: str | None
    payload: bytes


def read_warc(data: bytes, source: str, settings: Settings) -> list[RawDocument | InputError]:
    """Non-HTML records (requests, metadata, images) are not articles and are skipped."""
    return [_page_document(page, source, settings) for page in _scan(data, source)]


def _scan(data: bytes, source: str) -> list[_Page]:
    # warcio prints a warning to stderr when a Content-Length is off; we report it ourselves.
    try:
        with contextlib.redirect_stderr(io.StringIO()):
            archive = ArchiveIterator(io.BytesIO(data))
            pages = [
                page
                for index, record in enumerate(archive, start=1)
                if (page := _read_record(record, index, source))
            ]
    except InputError:
        raise
    except Exception as exc:  # warcio raises ArchiveLoadFailed, parser and value errors
        raise InputError(source, f"corrupt WARC: {_first_line(exc)}") from exc
    if archive.err_count:
        raise InputError(source, "corrupt WARC: a record's Content-Length does not match its data")
    return pages


def _first_line(exc: Exception) -> str:
    """warcio quotes the offending line, which may be a whole page of HTML."""
    line = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    return line if len(line) <= 160 else line[:157] + "..."


def _read_record(record: Any, index: int, source: str) -> _Page | None:
    """The record's page (None for non-HTML), after making sure the record is whole."""
    if record.rec_headers.get_header("Content-Length") is None or not record.rec_type:
        raise InputError(source, f"truncated WARC: record {index} has an incomplete header")
    page = _html_page(record, index)
    _require_complete(record, index, source)
    return page


def _html_page(record: Any, index: int) -> _Page | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None
    content_type = record.http_headers.get_header("Content-Type") or ""
    if "html" not in content_type.lower():
        return None
    return _Page(
        index=index,
        url=record.rec_headers.get_header("WARC-Target-URI"),
        fetched=record.rec_headers.get_header("WARC-Date"),
        charset=_charset(content_type),
        payload=record.content_stream().read(),
    )


def _require_complete(record: Any, index: int, source: str) -> None:
    """Drain the record; bytes still owed at end of data mean the archive was cut short."""
    stream = record.raw_stream
    while stream.read(65536):
        pass
    if isinstance(stream, LimitReader) and stream.limit > 0:
        raise InputError(
            source, f"truncated WARC: record {index} is missing {stream.limit:,} bytes of its content"
        )


def _charset(content_type: str) -> str | None:
    """The charset parameter, parsed by the standard library's header parser."""
    message = Message()
    message["Content-Type"] = content_type
    return message.get_content_charset()


def _page_document(page: _Page, source: str, settings: Settings) -> RawDocument | InputError:
    try:
        decoded = _decode_payload(page, source)
        extracted = extract_article(
            decoded.text, settings, url=page.url, latest=latest_date(settings, page.fetched)
        )
    except InputError as exc:
        return InputError(source, exc.reason, line=page.index)
    except NoArticleText as exc:
        return InputError(source, exc.reason, line=page.index)
    meta = replace(extracted.meta, external_id=page.url, fetched=page.fetched)
    return RawDocument(
        source=source,
        text=extracted.text,
        format="warc",
        encoding=decoded.encoding,
        meta=meta,
        input_hash=sha256_hex(page.payload),
        line=page.index,
    )


def _decode_payload(page: _Page, source: str) -> Decoded:
    """The server's declared charset when it really decodes the page, else our detection."""
    if page.charset:
        with contextlib.suppress(LookupError, UnicodeDecodeError):
            charset = codecs.lookup(page.charset).name
            # As browsers do (WHATWG Encoding Standard): these labels mean windows-1252.
            charset = "cp1252" if charset in _MEANS_CP1252 else charset
            return Decoded(page.payload.decode(charset), charset)
    return decode_bytes(page.payload, source)
