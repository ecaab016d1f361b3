"""Publication dates: declared when the evidence allows it, else read from the article's own dates."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from corroborate.clean.date_scan import (
    _DATE_PATTERNS,
    _WEEKDAY,
    _WEEKDAY_START,
    date_matches,
    weekday_matches,
)
from corroborate.clean.dates import (
    find_dates,
    infer_published,
    parse_declared,
    parse_text_date,
    past_weekdays,
    tense_of,
)
from corroborate.clean.vocab import finditer_from
from corroborate.model import SourceMeta
from corroborate.settings import Settings

TODAY = dt.date(2026, 1, 15)
SETTINGS = Settings(today=TODAY)

# A fictional council story: the vote happened on Tuesday 2025-11-18 and the
# article says so; it also mentions a hearing still to come.
COUNCIL = (
    "The Marlow Bay city council voted 5-2 on Nov. 18, 2025 to close the old ferry pier.\n\n"
    "Councillor Ada Brennick said on Tuesday that repairs had cost too much.\n\n"
    "A public hearing on the demolition is scheduled for December 9, 2025."
)


def infer(body: str, removed: tuple[str, ...] = (), **meta: str) -> tuple[str | None, str | None, str | None]:
    return infer_published(SourceMeta(**meta), body, list(removed), SETTINGS)


# --- declared dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("declared", "expected"),
    [
        ("2025-11-20", "2025-11-20"),
        ("2025-11-20T08:30:00Z", "2025-11-20T08:30:00+00:00"),
        ("2025-11-20T08:30:00+02:00", "2025-11-20T08:30:00+02:00"),
        ("2025-11-20 08:30", "2025-11-20T08:30:00"),
        ("Thu, 20 Nov 2025 08:30:00 GMT", "2025-11-20T08:30:00+00:00"),
        ("Thu, 20 Nov 2025 08:30:00 -0500", "2025-11-20T08:30:00-05:00"),
        ("November 20, 2025", "2025-11-20"),
        ("20 Nov 2025", "2025-11-20"),
        ("2025/11/20", "2025-11-20"),
        ("Nov 20 2025 8:30 PM", "2025-11-20T20:30:00"),
    ],
)
def test_declared_formats_are_normalised(declared: str, expected: str) -> None:
    published, source, evidence = infer(COUNCIL, published=declared)
    assert (published, source) == (expected, "metadata")
    assert evidence and "Declared" in evidence


def test_partial_declared_date_is_not_completed_from_the_clock() -> None:
    assert parse_declared("November 2025") is None
    assert parse_declared("") is None and parse_declared(None) is None


@pytest.mark.parametrize(
    ("declared", "why"),
    [
        ("2031-03-01", "future"),
        ("1899-12-31", "before 1900"),
        ("0001-01-01", "before 1900"),
        ("not a date at all", "could not be read"),
    ],
)
def test_contradicted_declared_date_falls_back_to_the_text(declared: str, why: str) -> None:
    published, source, evidence = infer(COUNCIL, published=declared)
    assert (published, source) == ("2025-11-18", "text")
    assert evidence and why in evidence and declared in evidence


def test_declared_date_after_the_crawl_is_rejected() -> None:
    published, source, evidence = infer(COUNCIL, published="2025-12-20", fetched="2025-11-19T10:00:00Z")
    assert (published, source) == ("2025-11-18", "text")
    assert evidence and "fetched" in evidence


def test_declared_date_on_the_crawl_day_stands() -> None:
    published, source, _ = infer(COUNCIL, published="2025-11-19T06:00:00Z", fetched="2025-11-19T10:00:00Z")
    assert (published, source) == ("2025-11-19T06:00:00+00:00", "metadata")


def test_tomorrow_is_allowed_for_time_zones() -> None:
    assert infer(COUNCIL, published="2026-01-16")[:2] == ("2026-01-16", "metadata")


# --- dates from the text ----------------------------------------------------------------------------


def test_embed_signature_date_in_removed_text_is_used() -> None:
    body = "The ferry operator thanked riders in a post on Thursday.\n\nService ended last month."
    signature = (
        "Thank you for forty years of crossings! \u2014 Marlow Ferries (@marlowferries) October 30, 2025"
    )
    published, source, evidence = infer(body, (signature,))
    assert (published, source) == ("2025-10-30", "text")
    assert evidence and "removed" in evidence and "agrees" in evidence


def test_caption_date_is_used() -> None:
    caption = "Workers dismantle the pier railings in Marlow Bay on 4 December 2025 (Harbour Board photo)"
    body = "Demolition began at the old pier, the harbour board said."
    assert infer(body, (caption,))[:2] == ("2025-12-04", "text")


def test_latest_past_date_wins_over_earlier_ones() -> None:
    body = "The pier opened on June 2, 1986 and closed on Nov. 18, 2025, officials said."
    assert infer(body)[0] == "2025-11-18"


def test_weekday_confirms_the_anchor() -> None:
    published, _, evidence = infer(COUNCIL)
    assert published == "2025-11-18"  # a Tuesday
    assert evidence and "said on Tuesday" in evidence and "agrees" in evidence


def test_weekday_moves_the_date_forward_to_the_reported_day() -> None:
    body = (
        "Talks between the harbour board and the union began on Monday, November 17, 2025.\n\n"
        "The union's leader told reporters on Thursday that a deal was close."
    )
    published, source, evidence = infer(body)
    assert (published, source) == ("2025-11-20", "text")
    assert evidence and "3 day(s) later" in evidence


def test_weekday_shift_never_passes_the_crawl_day() -> None:
    body = "Talks began on November 17, 2025.\n\nThe union's leader said on Thursday that a deal was close."
    assert infer(body, fetched="2025-11-18")[0] == "2025-11-17"


def test_future_and_qualified_weekdays_do_not_move_the_date() -> None:
    body = (
        "The council met on November 17, 2025.\n\nIt will vote on Friday, and a deadline was set for next "
        "Thursday. Crews worked through Black Friday last year and last Saturday."
    )
    assert past_weekdays(body) == []
    assert infer(body)[0] == "2025-11-17"


def test_future_event_dates_are_ignored() -> None:
    published, _, evidence = infer(COUNCIL)
    assert published == "2025-11-18"  # not the December 9 hearing
    assert evidence and "coming events" in evidence


@pytest.mark.parametrize(
    "sentence",
    [
        "The final vote on December 9, 2025 will decide the pier's fate.",
        "The hearing is scheduled for December 9, 2025.",
        "Bids are due by Dec. 9, 2025.",
        "On December 9, 2025, the board will open bids.",
        "Crews will start taking the railings down on Dec. 9, 2025.",
        "The upcoming December 9, 2025 hearing drew interest.",
    ],
)
def test_future_cues(sentence: str) -> None:
    assert [m.tense for m in find_dates(sentence)] == ["future"]


def test_past_cues_win_when_nearer() -> None:
    text = "The mayor said on Nov. 18, 2025 that the pier will close."
    assert [m.tense for m in find_dates(text)] == ["past"]
    assert tense_of("Councillors met on Thursday.", 19, 27) == "past"


def test_future_and_implausible_dates_are_rejected_as_anchors() -> None:
    body = (
        "Records from 1246 mention a ferry, and a charter dated March 3, 1246 survives.\n\n"
        "The harbour board said on Nov. 18, 2025 that a new pier might open on July 1, 2031."
    )
    published, _, evidence = infer(body)
    assert published == "2025-11-18"
    assert evidence and "before 1900" in evidence and "after 2026-01-16" in evidence


def test_only_ancient_or_future_dates_give_no_date() -> None:
    assert infer("A charter dated March 3, 1246 survives. A plan runs to July 1, 2031.")[:2] == (None, None)


def test_no_date_gives_none() -> None:
    published, source, evidence = infer("The council voted on Tuesday to close the pier.")
    assert (published, source) == (None, None)
    assert evidence and "unknown" in evidence


def test_yearless_dates_alone_give_none_even_with_a_crawl_date() -> None:
    body = "MARLOW BAY, Nov. 18 (Coastline Wire) - The council voted to close the pier."
    assert infer(body, fetched="2025-11-19")[:2] == (None, None)


def test_yearless_dateline_takes_the_anchor_year() -> None:
    body = (
        "MARLOW BAY, Nov. 20 (Coastline Wire) - The harbour board confirmed the closure "
        "announced on Nov. 18, 2025."
    )
    published, _, evidence = infer(body)
    assert published == "2025-11-20"
    assert evidence and "dateline" in evidence


def test_yearless_dateline_across_new_year() -> None:
    body = "MARLOW BAY, Jan. 2 (Coastline Wire) - Crews finished the work started on December 30, 2025."
    assert infer(body)[0] == "2026-01-02"


def test_past_weekday_after_a_yearless_date_in_the_same_sentence() -> None:
    body = "The board has met daily since Nov. 17, 2025. Since Nov. 19 it has met twice, it said on Friday."
    assert infer(body)[0] == "2025-11-21"


def test_leap_day_without_a_fitting_year_is_skipped() -> None:
    body = "The board met on March 2, 2026 and recalled a storm on Feb. 29, the chair said."
    assert infer_published(SourceMeta(), body, [], Settings(today=dt.date(2026, 6, 1)))[0] == "2026-03-02"


def test_parse_text_date_formats() -> None:
    assert parse_text_date("Nov. 24, 2025") == dt.date(2025, 11, 24)
    assert parse_text_date("the 3rd of March 2024") == dt.date(2024, 3, 3)
    assert parse_text_date("Sept. 9, 2024") == dt.date(2024, 9, 9)
    assert parse_text_date("2024-02-30") is None
    assert parse_text_date("May 2025") is None


def test_speed_on_a_five_kilobyte_article() -> None:
    body = (COUNCIL + "\n\n") * 20
    body = body[:5000]
    start = time.perf_counter()
    for _ in range(50):
        infer(body)
    per_article = (time.perf_counter() - start) / 50
    assert per_article < 0.01  # ~1 ms expected; generous for slow CI machines


TOKENS = [
    "Feb.",
    "Nov.",
    "December",
    "May",
    "29",
    "31",
    "1",
    "18",
    "2024",
    "2025",
    "2026",
    "1246",
    "2031",
    "Thursday",
    "Friday",
    "said",
    "will",
    "on",
    "by",
    "next",
    "since",
    "last",
    ",",
    ".",
    "\n",
    "(Wire)",
    "-",
    "CITY",
    "2025-11-18",
    "2025/02/30",
]


@hsettings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(TOKENS), max_size=40).map(" ".join), st.sampled_from([None, "2025-11-19", "x"])
)
def test_never_crashes_and_never_picks_an_impossible_date(body: str, fetched: str | None) -> None:
    published, source, _ = infer_published(SourceMeta(fetched=fetched), body, [body[::-1]], SETTINGS)
    if published is not None:
        day = dt.date.fromisoformat(published[:10])
        assert source == "text"
        assert dt.date(SETTINGS.min_year, 1, 1) <= day <= TODAY + dt.timedelta(days=1)
        assert fetched != "2025-11-19" or day <= dt.date(2025, 11, 19)


SCAN_TOKENS = [
    *TOKENS,
    *(
        "Mayday",
        "1st",
        "22nd",
        "of",
        "Jan.",
        "Sept",
        "Nov",
        "1999.12.31",
        "12019-01-02",
        "\u0663",
        "x2025-01-01",
    ),
    *("Sundays", "Monday's", "3rd of May", "Tuesday,", "(", "@"),
]


@hsettings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(SCAN_TOKENS), max_size=30), st.sampled_from([" ", "", "  ", "\u00a0"]))
def test_scans_find_what_the_patterns_find(tokens: list[str], sep: str) -> None:
    """Each date pattern, tried only where its matches can begin, finds what finditer finds."""
    text = sep.join(tokens)
    found = [(m.span(), m.groups()) for m in finditer_from(_WEEKDAY, _WEEKDAY_START, text)]
    assert found == [(m.span(), m.groups()) for m in _WEEKDAY.finditer(text)]
    expected = [(m.span(), m.groups()) for p in _DATE_PATTERNS for m in p.finditer(text)]
    assert [(m.span(), m.groups()) for m in date_matches(text)] == expected
    weekdays = [(m.span(), m.groups()) for m in _WEEKDAY.finditer(text)]
    assert [(m.span(), m.groups()) for m in weekday_matches(text)] == weekdays
