"""Intake happy paths: every format, content-based detection, every encoding we promise.

All input text here is written for these tests.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import io
import json
import sys
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from corroborate.errors import InputError
from corroborate.intake import expand_inputs, read_bytes, read_path
from corroborate.model import RawDocument
from corroborate.settings import Settings

SETTINGS = Settings(today=dt.date(2024, 6, 1))

PARAGRAPHS = [
    "The Harbour Bridge in Port Ellis reopened to traffic on Tuesday after six weeks of storm repairs.",
    "Engineers worked through the nights, the city transport office said in a statement on Monday.",
    "Shop owners near the bridge said the closure had cut their trade by almost half this spring.",
]

PAGE = """<!DOCTYPE html>
<html><head><title>Harbour Bridge Reopens | Port Ellis Gazette</title>
<meta name="author" content="Mara Quist">
<meta property="og:site_name" content="Port Ellis Gazette">
<meta name="description" content="Six weeks of night shifts end with the bridge open early.">
<meta property="article:published_time" content="2024-03-05T08:00:00Z">
<link rel="canonical" href="https://gazette.example/bridge-reopens">
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Harbour Bridge Reopens</h1>
<p>{}</p><p>{}</p><p>{}</p>
</article><footer>All rights reserved.</footer></body></html>
""".format(*PARAGRAPHS)

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Port Ellis Gazette</title><link>https://gazette.example/</link>
<item><title>Bridge reopens</title><link>https://gazette.example/bridge</link><guid>gz-1</guid>
<author>desk@gazette.com (Mara Quist)</author><pubDate>Tue, 05 Mar 2024 09:00:00 +0100</pubDate>
<description>&lt;p&gt;The bridge reopened on Tuesday.&lt;/p&gt;&lt;p&gt;Traffic was light.&lt;/p&gt;</description></item>
<item><title>Ferry timetable</title><link>https://gazette.example/ferry</link>
<description>Ferries return to the winter timetable next week.</description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Wire</title>
<entry><id>urn:wire:7</id><title>Port traffic up</title><link href="https://wire.example/7"/>
<updated>2024-03-04T08:30:00Z</updated><author><name>Ines Ortega</name></author>
<content type="html">&lt;p&gt;Container traffic rose by a tenth in February.&lt;/p&gt;</content></entry>
</feed>
"""


def build_warc(pages: list[tuple[str, str, bytes]], gzip_records: bool = False) -> bytes:
    """A WARC with a warcinfo record, then one response record per (url, content type, body)."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip_records)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "tests"}))
    for url, content_type, body in pages:
        http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(body),
            http_headers=http,
            warc_headers_dict={"WARC-Date": "2024-03-06T10:00:00Z"},
        )
        writer.write_record(record)
    return buffer.getvalue()


def docs(items: list[RawDocument | InputError]) -> list[RawDocument]:
    assert all(isinstance(item, RawDocument) for item in items), items
    return [item for item in items if isinstance(item, RawDocument)]


def write(tmp_path: Path, name: str, data: bytes | str) -> str:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return str(path)


# --- formats -----------------------------------------------------------------------------


def test_plain_text_is_the_whole_file_unchanged(tmp_path: Path) -> None:
    raw = "Bridge Reopens\r\n\r\n" + "\r\n".join(PARAGRAPHS) + "\r\n"
    path = write(tmp_path, "story.txt", raw)
    [doc] = docs(read_path(path, SETTINGS))
    assert doc.text == raw  # "\r\n" kept: later offsets point into exactly this text
    assert (doc.format, doc.encoding, doc.line, doc.source) == ("text", "utf-8", None, path)
    assert doc.meta.external_id is None
    assert doc.input_hash == hashlib.sha256(raw.encode()).hexdigest()


def test_html_page_gives_main_text_and_declared_metadata(tmp_path: Path) -> None:
    path = write(tmp_path, "page.html", PAGE)
    [doc] = docs(read_path(path, SETTINGS))
    assert doc.format == "html"
    assert all(p in doc.text.split("\n") for p in PARAGRAPHS)
    assert "Home" not in doc.text and "All rights reserved" not in doc.text
    meta = doc.meta
    assert meta.title == "Harbour Bridge Reopens"
    assert meta.author == "Mara Quist"
    assert meta.outlet == "Port Ellis Gazette"
    assert meta.published == "2024-03-05"
    assert meta.url == "https://gazette.example/bridge-reopens"
    assert meta.subtitle == "Six weeks of night shifts end with the bridge open early."
    assert doc.input_hash == hashlib.sha256(PAGE.encode()).hexdigest()


def test_html_description_repeating_the_lead_is_not_a_subtitle(tmp_path: Path) -> None:
    page = PAGE.replace("Six weeks of night shifts end with the bridge open early.", PARAGRAPHS[0])
    [doc] = docs(read_path(write(tmp_path, "page.html", page), SETTINGS))
    assert doc.meta.subtitle is None


def test_html_date_in_the_future_or_only_in_body_text_is_not_taken(tmp_path: Path) -> None:
    future = PAGE.replace("2024-03-05T08:00:00Z", "2031-01-01T08:00:00Z")
    [doc] = docs(read_path(write(tmp_path, "future.html", future), SETTINGS))
    assert doc.meta.published is None
    undated = PAGE.replace('<meta property="article:published_time" content="2024-03-05T08:00:00Z">', "")
    undated = undated.replace("<p>" + PARAGRAPHS[2], "<p>Filed on 12 February 2024. " + PARAGRAPHS[2])
    [doc] = docs(read_path(write(tmp_path, "undated.html", undated), SETTINGS))
    assert doc.meta.published is None


def test_jsonl_reads_each_object_with_its_fields(tmp_path: Path) -> None:
    lines = [
        {"id": 17, "url": "https://gazette.example/a", "outlet": "Gazette", "title": "A", "author": "Mara Quist",
         "published": "2024-03-05", "text": "\n".join(PARAGRAPHS)},
        {"id": "b-2", "title": "From HTML", "html": PAGE},
    ]  # fmt: skip
    raw = json.dumps(lines[0]) + "\n\n" + json.dumps(lines[1]) + "\n"
    first, second = docs(read_path(write(tmp_path, "feed.jsonl", raw), SETTINGS))
    assert (first.format, first.line, first.meta.external_id) == ("jsonl", 1, "17")
    assert first.text == "\n".join(PARAGRAPHS)
    assert (first.meta.outlet, first.meta.author, first.meta.published) == (
        "Gazette",
        "Mara Quist",
        "2024-03-05",
    )
    assert first.input_hash == hashlib.sha256(json.dumps(lines[0]).encode()).hexdigest()
    assert second.line == 3  # the blank line is skipped but still counted
    assert second.meta.title == "From HTML"  # the JSON field wins over the page's title
    assert second.meta.author == "Mara Quist"  # ...and the page fills what JSON left out
    assert PARAGRAPHS[1] in second.text


def test_rss_entries_become_documents(tmp_path: Path) -> None:
    first, second = docs(read_path(write(tmp_path, "feed.xml", RSS), SETTINGS))
    assert (first.format, first.line) == ("rss", 1)
    assert first.text == "The bridge reopened on Tuesday.\nTraffic was light."
    assert first.meta.external_id == "gz-1"
    assert first.meta.url == "https://gazette.example/bridge"
    assert first.meta.author == "Mara Quist"
    assert first.meta.outlet == "Port Ellis Gazette"
    assert first.meta.published == "2024-03-05T08:00:00+00:00"
    # The entry's own fields, so one summary under two titles is two inputs.
    fields = [first.meta.external_id, first.meta.url, first.meta.title, first.text]
    assert first.input_hash == hashlib.sha256(json.dumps(fields).encode()).hexdigest()
    assert second.text == "Ferries return to the winter timetable next week."
    assert second.meta.external_id == "https://gazette.example/ferry"  # no guid: the link


def test_atom_entry(tmp_path: Path) -> None:
    [doc] = docs(read_path(write(tmp_path, "wire.atom", ATOM), SETTINGS))
    assert doc.format == "atom"
    assert doc.text == "Container traffic rose by a tenth in February."
    assert (doc.meta.external_id, doc.meta.author, doc.meta.outlet) == (
        "urn:wire:7",
        "Ines Ortega",
        "Harbour Wire",
    )
    assert doc.meta.published == "2024-03-04T08:30:00+00:00"


def test_warc_reads_html_responses_and_skips_the_rest(tmp_path: Path) -> None:
    warc = build_warc(
        [
            ("https://gazette.example/p1", "text/html; charset=utf-8", PAGE.encode()),
            ("https://gazette.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n\x00\x00"),
            ("https://gazette.example/p2", "text/html", PAGE.replace("canonical", "x").encode("cp1252")),
        ]
    )
    first, second = docs(read_path(write(tmp_path, "crawl.warc", warc), SETTINGS))
    assert (first.format, first.line, second.line) == ("warc", 2, 4)  # record 1 is warcinfo
    assert first.meta.fetched == "2024-03-06T10:00:00Z"
    assert first.meta.url == "https://gazette.example/bridge-reopens"  # the page's canonical URL
    assert second.meta.url == "https://gazette.example/p2"  # no canonical: WARC-Target-URI
    assert second.meta.external_id == "https://gazette.example/p2"
    assert PARAGRAPHS[0] in first.text
    assert first.input_hash == hashlib.sha256(PAGE.encode()).hexdigest()


@pytest.mark.parametrize("gzip_records", [True, False])
def test_gzipped_warc(tmp_path: Path, gzip_records: bool) -> None:
    warc = build_warc([("https://gazette.example/p1", "text/html", PAGE.encode())], gzip_records)
    data = warc if gzip_records else gzip.compress(warc)
    [doc] = docs(read_path(write(tmp_path, "crawl.warc.gz", data), SETTINGS))
    assert doc.format == "warc"


def test_gzipped_text(tmp_path: Path) -> None:
    [doc] = docs(read_path(write(tmp_path, "story.txt.gz", gzip.compress(PARAGRAPHS[0].encode())), SETTINGS))
    assert (doc.format, doc.text) == ("text", PARAGRAPHS[0])


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(PARAGRAPHS[0].encode())))
    [doc] = docs(read_path("-", SETTINGS))
    assert (doc.source, doc.text) == ("<stdin>", PARAGRAPHS[0])


# --- detection from content, not the extension -------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("feed.html", RSS, "rss"),
        ("notes.txt", ATOM, "atom"),
        ("story.jsonl", PAGE, "html"),
        ("page.html", json.dumps({"text": PARAGRAPHS[0]}) + "\n", "jsonl"),
        ("data.json", "\n".join(PARAGRAPHS), "text"),
        ("fragment.txt", "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS), "html"),
        ("maths.txt", "If a < b and b > c then nothing follows about a and c.", "text"),
    ],
)
def test_format_comes_from_content(tmp_path: Path, name: str, content: str, expected: str) -> None:
    items = docs(read_path(write(tmp_path, name, content), SETTINGS))
    assert {doc.format for doc in items} == {expected}


def test_warc_with_a_text_extension(tmp_path: Path) -> None:
    warc = build_warc([("https://gazette.example/p1", "text/html", PAGE.encode())])
    assert docs(read_path(write(tmp_path, "notes.txt", warc), SETTINGS))[0].format == "warc"


def test_read_bytes_matches_read_path(tmp_path: Path) -> None:
    path = write(tmp_path, "feed.xml", RSS)
    assert read_bytes(RSS.encode(), path, SETTINGS) == read_path(path, SETTINGS)


# --- encodings -----------------------------------------------------------------------------

FRENCH = "Café déjà vu — “quoted” à la façade, naïve élève."
RUSSIAN = "Мост через гавань снова открыт после шести недель ремонта, сообщили в мэрии."


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        (FRENCH.encode("utf-8"), FRENCH, "utf-8"),
        (FRENCH.encode("utf-8-sig"), FRENCH, "utf-8-sig"),
        (FRENCH.encode("cp1252"), FRENCH, "cp1252"),
        (
            "Größe, Übermut und schöne Märchen.".encode("latin-1"),
            "Größe, Übermut und schöne Märchen.",
            "latin-1",
        ),
        (RUSSIAN.encode("cp1251"), RUSSIAN, "cp1251"),
        ("Привет".encode("cp1251"), "Привет", "cp1251"),
        (FRENCH.encode("utf-16"), FRENCH, "utf-16-le"),
        (b"\xfe\xff" + FRENCH.encode("utf-16-be"), FRENCH, "utf-16-be"),
        (FRENCH.encode("utf-16-le"), FRENCH, "utf-16-le"),
        (FRENCH.encode("utf-16-be"), FRENCH, "utf-16-be"),
        (FRENCH.encode("utf-32"), FRENCH, "utf-32-le"),
        ("Line one\r\nLine two\r\n".encode("utf-16-le"), "Line one\r\nLine two\r\n", "utf-16-le"),
    ],
)
def test_encodings_decode_exactly(tmp_path: Path, data: bytes, text: str, encoding: str) -> None:
    [doc] = docs(read_path(write(tmp_path, "story.txt", data), SETTINGS))
    assert (doc.text, doc.encoding) == (text, encoding)


def test_mojibake_is_left_for_the_cleaner(tmp_path: Path) -> None:
    garbled = "CafÃ© dÃ©jÃ  vu"  # UTF-8 read as cp1252 upstream: valid UTF-8 as it stands
    [doc] = docs(read_path(write(tmp_path, "story.txt", garbled), SETTINGS))
    assert doc.text == garbled


def test_cp1251_html_page(tmp_path: Path) -> None:
    page = f"<html><body><article><p>{RUSSIAN}</p><p>{RUSSIAN}</p></article></body></html>"
    [doc] = docs(read_path(write(tmp_path, "ru.html", page.encode("cp1251")), SETTINGS))
    assert (doc.encoding, doc.format) == ("cp1251", "html")
    assert RUSSIAN in doc.text


# --- expanding command-line inputs ----------------------------------------------------------


def test_expand_inputs_walks_folders_sorted_and_skips_hidden(tmp_path: Path) -> None:
    for name in ["b/2.txt", "b/1.txt", "a.txt", ".hidden.txt", ".git/config", "b/.DS_Store"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    found = [Path(p).relative_to(tmp_path).as_posix() for p in expand_inputs([str(tmp_path)])]
    assert found == ["a.txt", "b/1.txt", "b/2.txt"]


def test_expand_inputs_globs_stdin_and_missing_paths(tmp_path: Path) -> None:
    for name in ["x1.txt", "x2.txt", "y.html"]:
        (tmp_path / name).write_text("x")
    args = [str(tmp_path / "x*.txt"), "-", str(tmp_path / "gone.txt"), str(tmp_path / "z*.txt")]
    found = list(expand_inputs(args))
    assert found == [str(tmp_path / "x1.txt"), str(tmp_path / "x2.txt"), "-", *args[2:]]


def test_expand_inputs_lists_a_file_once(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "x")
    assert list(expand_inputs([path, str(tmp_path), path])) == [path]
