"""Bad input: whole-file problems raise InputError; one bad item is reported in its place.

All input text here is written for these tests.
"""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import pytest

from corroborate.errors import InputError
from corroborate.intake import read_bytes, read_path
from corroborate.model import RawDocument

from .test_intake import PAGE, PARAGRAPHS, RSS, SETTINGS, build_warc, write


def rejected(tmp_path: Path, name: str, data: bytes | str, **settings: object) -> InputError:
    """The InputError reading this file raises (the test fails if it reads fine)."""
    chosen = SETTINGS.replace(**settings) if settings else SETTINGS
    with pytest.raises(InputError) as caught:
        read_path(write(tmp_path, name, data), chosen)
    assert caught.value.line is None
    return caught.value


def test_missing_file(tmp_path: Path) -> None:
    error = rejected_path(str(tmp_path / "gone.txt"))
    assert error.reason == "no such file or directory"
    assert error.source == str(tmp_path / "gone.txt")


def test_directory_is_not_a_file(tmp_path: Path) -> None:
    assert "directory" in rejected_path(str(tmp_path)).reason


def rejected_path(path: str) -> InputError:
    with pytest.raises(InputError) as caught:
        read_path(path, SETTINGS)
    return caught.value


def test_binary_file_names_the_first_nul(tmp_path: Path) -> None:
    error = rejected(tmp_path, "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert error.reason == (
        "binary file (NUL bytes at offset 8); corroborate reads text, HTML, JSONL, RSS/Atom and WARC"
    )


def test_control_characters_without_nuls_are_binary(tmp_path: Path) -> None:
    assert rejected(tmp_path, "blob.txt", bytes(range(1, 9)) * 40 + b"tail").reason.startswith("binary file")


def test_empty_file(tmp_path: Path) -> None:
    assert rejected(tmp_path, "empty.txt", b"").reason == "empty file"


def test_whitespace_only_file(tmp_path: Path) -> None:
    assert rejected(tmp_path, "blank.txt", " \r\n\t\n  \n").reason == "file holds only whitespace"
    assert "whitespace" in rejected(tmp_path, "blank16.txt", " \n \n".encode("utf-16")).reason


def test_undecodable_bytes_name_the_offset(tmp_path: Path) -> None:
    data = b"Harbour news: \x81\x8d\x8f\x90\x9d and more bytes that are not text."
    error = rejected(tmp_path, "odd.txt", data)
    assert error.reason.startswith("undecodable bytes: not UTF-8 (byte 0x81 at offset 14)")


def test_bom_that_lies_is_undecodable(tmp_path: Path) -> None:
    assert "byte-order mark" in rejected(tmp_path, "bom.txt", b"\xef\xbb\xbfCaf\xe9 au lait").reason


def test_oversize_file_is_refused_before_reading(tmp_path: Path) -> None:
    error = rejected(tmp_path, "big.txt", "x" * 200, max_file_bytes=100)
    assert error.reason == "file is 200 bytes, over the 100 bytes limit (raise it with --max-file-mb)"


def test_oversize_message_in_megabytes() -> None:
    big = b"x" * (3 * 1024 * 1024 + 200 * 1024)
    with pytest.raises(
        InputError, match=r"file is 3.2 MB, over the 2 MB limit \(raise it with --max-file-mb\)"
    ):
        read_bytes(big, "big.txt", SETTINGS.replace(max_file_bytes=2 * 1024 * 1024))


def test_oversize_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"y" * 200)))
    with pytest.raises(InputError, match="over the 100 bytes limit") as caught:
        read_path("-", SETTINGS.replace(max_file_bytes=100))
    assert caught.value.source == "<stdin>"


def test_gzip_bomb_is_refused(tmp_path: Path) -> None:
    bomb = gzip.compress(b"a" * 50_000)
    assert "gzip expands to more than" in rejected(tmp_path, "bomb.gz", bomb, max_file_bytes=5_000).reason


def test_malformed_json_line_is_reported_and_the_others_still_read(tmp_path: Path) -> None:
    good = [json.dumps({"id": str(n), "text": text}) for n, text in enumerate(PARAGRAPHS)]
    lines = [good[0], '{"id": "x" "text": "missing comma"}', good[1], "[1, 2]", '{"id": "y"}', good[2]]
    items = read_path(write(tmp_path, "items.jsonl", "\n".join(lines)), SETTINGS)
    errors = [item for item in items if isinstance(item, InputError)]
    assert [doc.text for doc in items if isinstance(doc, RawDocument)] == PARAGRAPHS
    assert [(e.line, e.reason) for e in errors] == [
        (2, "malformed JSON: Expecting ',' delimiter at column 12"),
        (4, "JSON line is an array, not an object"),
        (5, 'JSON object has no "text" or "html" field with article text'),
    ]
    assert str(errors[0]).startswith(f"{tmp_path / 'items.jsonl'}:2: malformed JSON")


def test_jsonl_html_without_text_costs_only_that_line(tmp_path: Path) -> None:
    lines = [
        json.dumps({"html": "<html><body><script>var a = 1;</script></body></html>"}),
        json.dumps({"text": "ok"}),
    ]
    error, doc = read_path(write(tmp_path, "items.jsonl", "\n".join(lines)), SETTINGS)
    assert isinstance(error, InputError) and error.line == 1 and "no article text" in error.reason
    assert isinstance(doc, RawDocument) and doc.text == "ok"


def test_truncated_warc(tmp_path: Path) -> None:
    warc = build_warc([(f"https://gazette.example/{n}", "text/html", PAGE.encode()) for n in range(2)])
    error = rejected(tmp_path, "cut.warc", warc[:-300])
    assert error.reason.startswith("truncated WARC: record 3 is missing")


def test_truncated_warc_header(tmp_path: Path) -> None:
    warc = build_warc([("https://gazette.example/1", "text/html", PAGE.encode())])
    start = warc.index(b"WARC/1.", 10)
    assert "truncated WARC" in rejected(tmp_path, "cut.warc", warc[: start + 40]).reason


def test_corrupt_warc(tmp_path: Path) -> None:
    warc = build_warc([(f"https://gazette.example/{n}", "text/html", PAGE.encode()) for n in range(2)])
    second = warc.index(b"WARC/1.", warc.index(b"WARC-Type: response"))
    damaged = warc[:second] + b"this is not a record\r\n" + warc[second:]
    assert rejected(tmp_path, "bad.warc", damaged).reason.startswith("corrupt WARC")


def test_truncated_gzip(tmp_path: Path) -> None:
    data = gzip.compress(("\n".join(PARAGRAPHS) * 20).encode())
    assert rejected(tmp_path, "story.txt.gz", data[: len(data) // 2]).reason.startswith("truncated gzip")


def test_corrupt_gzip(tmp_path: Path) -> None:
    data = bytearray(gzip.compress(("\n".join(PARAGRAPHS) * 20).encode()))
    data[-8:-4] = b"\x00\x00\x00\x00"  # the CRC
    assert rejected(tmp_path, "story.txt.gz", bytes(data)).reason.startswith("corrupt gzip")
    assert rejected(tmp_path, "junk.gz", b"\x1f\x8b\x08\x00garbage that is not deflate").reason.startswith(
        "corrupt gzip"
    )


def test_warc_record_without_text_costs_only_that_record(tmp_path: Path) -> None:
    empty_page = b"<html><head><title>x</title></head><body><script>track()</script></body></html>"
    warc = build_warc(
        [
            ("https://gazette.example/empty", "text/html", empty_page),
            ("https://g.example/ok", "text/html", PAGE.encode()),
        ]
    )
    error, doc = read_path(write(tmp_path, "crawl.warc", warc), SETTINGS)
    assert isinstance(error, InputError) and error.line == 2 and "no article text" in error.reason
    assert isinstance(doc, RawDocument) and doc.line == 3


def test_broken_feed(tmp_path: Path) -> None:
    error = rejected(tmp_path, "feed.xml", '<?xml version="1.0"?><rss version="2.0"><channel><title>Gaz</ti')
    assert error.reason.startswith("broken feed, no entries could be read")


def test_feed_entry_without_text_costs_only_that_entry(tmp_path: Path) -> None:
    feed = RSS.replace("<description>Ferries return to the winter timetable next week.</description>", "")
    doc, error = read_path(write(tmp_path, "feed.xml", feed), SETTINGS)
    assert isinstance(doc, RawDocument)
    assert isinstance(error, InputError) and error.line == 2 and "no text" in error.reason


def test_html_with_no_article_text(tmp_path: Path) -> None:
    page = "<!DOCTYPE html><html><head><title>Gazette</title></head><body><img src='a.png'></body></html>"
    assert "no article text" in rejected(tmp_path, "page.html", page).reason


def test_library_failures_become_input_errors(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("corroborate.intake.feed.feedparser.parse", explode)
    assert "boom" in rejected(tmp_path, "feed.xml", RSS).reason
