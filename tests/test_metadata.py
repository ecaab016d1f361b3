"""Article metadata: declared values first, then the detectors' fields and the text's own evidence."""

from __future__ import annotations

import datetime as dt

import pytest

from corroborate.clean.metadata import (
    bio_fields,
    build_metadata,
    clean_author,
    first_fields,
    outlet_from_copyright,
    outlet_from_dateline,
    outlet_from_url,
)
from corroborate.clean.verdict import Verdict
from corroborate.model import Metadata, RawDocument, Removed, SourceMeta
from corroborate.settings import Settings

SETTINGS = Settings(today=dt.date(2026, 1, 15))
BODY = (
    "The Marlow Bay city council voted on Nov. 18, 2025 to close the old ferry pier.\n\n"
    "Councillor Ada Brennick said on Tuesday that repairs had cost too much."
)


def build(
    meta: SourceMeta | None = None,
    verdicts: tuple[Verdict, ...] = (),
    removed: tuple[Removed, ...] = (),
    body: str = BODY,
) -> Metadata:
    raw = RawDocument(source="test.txt", text=body, format="text", meta=meta or SourceMeta())
    return build_metadata(raw, body, list(verdicts), list(removed), SETTINGS)


def removed(kind: str, text: str) -> Removed:
    return Removed(kind, text, 0, len(text))


# --- title, subtitle, author ------------------------------------------------------------------------


def test_declared_values_win_over_detected_fields() -> None:
    meta = SourceMeta(title="Council Closes Pier", subtitle="A 5-2 vote", author="By Lena Ortt")
    verdicts = (
        Verdict("title", "first line", (("title", "Pier Vote"),)),
        Verdict("subtitle", "deck", (("subtitle", "Another deck"),)),
        Verdict("byline", "by line", (("author", "Tom Vale"),)),
    )
    got = build(meta, verdicts)
    assert (got.title, got.subtitle, got.author) == ("Council Closes Pier", "A 5-2 vote", "Lena Ortt")


def test_detected_fields_fill_the_gaps() -> None:
    verdicts = (
        Verdict("title", "first line", (("title", "Pier  Vote"),)),
        Verdict("subtitle", "deck", (("subtitle", "The council splits"),)),
        Verdict("byline", "by line", (("author", "By Tom Vale, Harbour Correspondent"),)),
    )
    got = build(verdicts=verdicts)
    assert (got.title, got.subtitle) == ("Pier Vote", "The council splits")
    assert (got.author, got.author_role) == ("Tom Vale", "Harbour Correspondent")


def test_role_field_joins_the_declared_author_when_it_is_the_same_person() -> None:
    verdict = Verdict("bio", "bio", (("author", "Lena Ortt"), ("author_role", "city editor")))
    assert build(SourceMeta(author="Lena Ortt"), (verdict,)).author_role == "city editor"
    other = Verdict("bio", "bio", (("author", "Tom Vale"), ("author_role", "intern")))
    assert build(SourceMeta(author="Lena Ortt"), (other,)).author_role is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("By Jane Roe", ("Jane Roe", None)),
        ("by: Jane Roe", ("Jane Roe", None)),
        ("Written by Jane Roe", ("Jane Roe", None)),
        ("Jane Roe, Staff Writer", ("Jane Roe", "Staff Writer")),
        ("Jane Roe - Senior Reporter", ("Jane Roe", "Senior Reporter")),
        ("BY JANE ROE", ("Jane Roe", None)),
        ("Jane Roe (@janeroe)", ("Jane Roe", None)),
        ("Jane Roe jane.roe@example.com", ("Jane Roe", None)),
        ("Jane Roe and Sam Poe, Staff Writers", ("Jane Roe and Sam Poe", "Staff Writers")),
        ("Jane Roe, Sam Poe", ("Jane Roe, Sam Poe", None)),
        ("Jane Roe is a staff reporter at Example Times", ("Jane Roe", "staff reporter")),
        ("Byron Kell", ("Byron Kell", None)),
        ("  ", (None, None)),
        (None, (None, None)),
    ],
)
def test_author_cleanup(raw: str | None, expected: tuple[str | None, str | None]) -> None:
    assert clean_author(raw) == expected


def test_first_fields_keeps_the_first_non_blank_value() -> None:
    verdicts = [
        Verdict("a", "", (("author", " "),)),
        Verdict("b", "", (("author", "Tom Vale"), ("outlet", "X"))),
    ]
    assert first_fields(verdicts) == {"author": "Tom Vale", "outlet": "X"}


# --- outlet -----------------------------------------------------------------------------------------


def test_outlet_declared_first() -> None:
    meta = SourceMeta(outlet="The Marlow Ledger", url="https://www.ledger.example/pier")
    assert build(meta).outlet == "The Marlow Ledger"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.ledger.example/pier", "ledger.example"),
        ("https://amp.ledger.example/pier?x=1", "ledger.example"),
        ("http://m.ledger.example:8080/pier", "ledger.example"),
        ("news.ledger.example/pier", "news.ledger.example"),
        ("https://localhost/pier", None),
        ("", None),
    ],
)
def test_outlet_from_url(url: str, expected: str | None) -> None:
    assert outlet_from_url(url) == expected


def test_url_beats_text_evidence_and_is_kept() -> None:
    bio = Verdict("bio", "bio", (("outlet", "Harbour Weekly"),))
    got = build(SourceMeta(url="https://www.ledger.example/pier"), (bio,))
    assert (got.outlet, got.url) == ("ledger.example", "https://www.ledger.example/pier")


def test_outlet_from_a_bio_field() -> None:
    bio = Verdict(
        "bio",
        "author bio",
        (("author", "Lena Ortt"), ("author_role", "news editor"), ("outlet", "Ledger.example")),
    )
    got = build(verdicts=(bio,))
    assert (got.outlet, got.author, got.author_role) == ("Ledger.example", "Lena Ortt", "news editor")


def test_outlet_and_author_from_a_removed_bio_without_fields() -> None:
    bio = removed("bio", "Lena Ortt is the harbour reporter for Ledger.example, follow her online.")
    got = build(removed=(bio,))
    assert (got.outlet, got.author, got.author_role) == ("Ledger.example", "Lena Ortt", "harbour reporter")


def test_a_non_newsroom_bio_names_no_outlet() -> None:
    assert "outlet" not in bio_fields("Tom Vale is a lecturer at Marlow Bay College.")


def test_outlet_from_a_copyright_field_and_span() -> None:
    field = Verdict("copyright", "footer", (("outlet", "Marlow Ledger Media"),))
    assert build(verdicts=(field,)).outlet == "Marlow Ledger Media"
    span = removed("copyright", "Copyright \u00a9 2025 Marlow Ledger Media Group. All rights reserved.")
    assert build(removed=(span,)).outlet == "Marlow Ledger"  # the owner tail is not the outlet


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\u00a9 2024-2025 The Marlow Ledger", "The Marlow Ledger"),
        ("(c) 2025 ledger.example", "ledger.example"),
        ("\u00a9 All rights reserved.", None),
        ("No notice here.", None),
    ],
)
def test_copyright_holder(text: str, expected: str | None) -> None:
    assert outlet_from_copyright(text) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("MARLOW BAY (Coastline Wire) - The council voted.", "Coastline Wire"),
        ("MARLOW BAY, Nov. 18 (Coastline Wire) \u2014 The council voted.", "Coastline Wire"),
        ("(CW) - The council voted.", "CW"),
        ("The council voted (narrowly) - and left.", None),
    ],
)
def test_outlet_from_a_dateline(body: str, expected: str | None) -> None:
    assert outlet_from_dateline(body) == expected


def test_dateline_agency_used_when_nothing_else() -> None:
    body = "MARLOW BAY (Coastline Wire) - The council voted on Nov. 18, 2025 to close the pier."
    assert build(body=body).outlet == "Coastline Wire"


def test_no_outlet_evidence_gives_none() -> None:
    assert build().outlet is None


# --- publication date -------------------------------------------------------------------------------


def test_published_from_valid_metadata() -> None:
    got = build(SourceMeta(published="2025-11-19T07:00:00Z"))
    assert (got.published, got.published_from) == ("2025-11-19T07:00:00+00:00", "metadata")


def test_published_from_the_text_when_metadata_is_in_the_future() -> None:
    got = build(SourceMeta(published="2030-05-05"))
    assert (got.published, got.published_from) == ("2025-11-18", "text")
    assert got.published_evidence and "2030-05-05" in got.published_evidence


def test_caption_and_embed_dates_count_but_related_links_do_not() -> None:
    body = "The harbour board said on Thursday that the pier is closed."
    caption = removed("caption", "The pier on 20 November 2025 (Board photo)")
    related = removed("related", "Read more: Pier reopening plan, January 10, 2026")
    got = build(removed=(caption, related), body=body)
    assert (got.published, got.published_from) == ("2025-11-20", "text")


def test_no_date_at_all() -> None:
    got = build(body="The council voted to close the pier.")
    assert (got.published, got.published_from) == (None, None)
    assert got.published_evidence
