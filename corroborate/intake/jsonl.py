"""JSON Lines: one article object per line; a bad line costs only that line."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from ..errors import InputError
from ..model import RawDocument, SourceMeta
from ..settings import Settings
from .common import sha256_hex
from .encoding import Decoded
from .html import Extracted, NoArticleText, extract_article

#: JSON field -> SourceMeta field for the metadata an object may carry.
_META_FIELDS = {
    "id": "external_id",
    "url": "url",
    "outlet": "outlet",
    "title": "title",
    "subtitle": "subtitle",
    "author": "author",
    "published": "published",
}
#: How JSON (not Python) names each kind of value, for error messages.
_JSON_KINDS: dict[type, str] = {
    list: "an array",
    str: "a string",
    int: "a number",
    float: "a number",
    bool: "a boolean",
    type(None): "null",
}


def read_jsonl(
    data: bytes, decoded: Decoded, source: str, settings: Settings
) -> list[RawDocument | InputError]:
    """Blank lines are layout, not articles, so they are skipped without a word."""
    items: list[RawDocument | InputError] = []
    # split("\n"), not splitlines(): U+2028 and friends may sit unescaped inside JSON strings.
    for number, line in enumerate(decoded.text.split("\n"), start=1):
        if line.strip():
            items.append(_read_line(line.rstrip("\r"), number, decoded.encoding, source, settings))
    return items


def _read_line(
    line: str, number: int, encoding: str, source: str, settings: Settings
) -> RawDocument | InputError:
    try:
        obj = _parse_object(line)
        text, meta = _article(obj, settings)
    except ValueError as exc:
        return InputError(source, str(exc), line=number)
    return RawDocument(
        source=source,
        text=text,
        format="jsonl",
        encoding=encoding,
        meta=meta,
        input_hash=sha256_hex(line.encode("utf-8")),
        line=number,
    )


def _parse_object(line: str) -> dict[str, Any]:
    """The line's object, or ValueError worded for the person who wrote the file."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"malformed JSON: {exc.msg} at column {exc.colno}") from exc
    except (ValueError, RecursionError) as exc:
        raise ValueError(f"malformed JSON: {exc}") from exc
    if not isinstance(obj, dict):
        raise ValueError(f"JSON line is {_JSON_KINDS.get(type(obj), 'a value')}, not an object")
    return obj


def _article(obj: dict[str, Any], settings: Settings) -> tuple[str, SourceMeta]:
    """Text from "text", else extracted from "html"; the object's own fields beat extracted ones."""
    declared = SourceMeta(**{name: _field(obj, key) for key, name in _META_FIELDS.items()})
    text = obj.get("text")
    if isinstance(text, str) and text.strip():
        return text, declared
    html = obj.get("html")
    if isinstance(html, str) and html.strip():
        extracted = _extract(html, declared.url, settings)
        return extracted.text, _prefer(declared, extracted.meta)
    if text is not None and not isinstance(text, str):
        raise ValueError(f'"text" is a JSON {type(text).__name__}, not a string')
    raise ValueError('JSON object has no "text" or "html" field with article text')


def _extract(html: str, url: str | None, settings: Settings) -> Extracted:
    try:
        return extract_article(html, settings, url=url)
    except NoArticleText as exc:
        raise ValueError(f'"html" field: {exc.reason}') from exc


def _field(obj: dict[str, Any], key: str) -> str | None:
    """Metadata as a string; numbers (numeric ids) are fine, nested structures are not metadata."""
    value = obj.get(key)
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, list) and value and all(isinstance(item, str) for item in value):
        return ", ".join(value)  # several authors
    return None


def _prefer(declared: SourceMeta, extracted: SourceMeta) -> SourceMeta:
    """Field by field, what the JSON says wins over what the HTML extractor found."""
    merged = {
        field.name: getattr(declared, field.name) or getattr(extracted, field.name)
        for field in dataclasses.fields(SourceMeta)
    }
    return SourceMeta(**merged)
