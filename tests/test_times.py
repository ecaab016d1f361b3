import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.extract.base import TimeExpr
from corroborate.extract.times import find_times

ANCHOR = dt.date(2025, 11, 27)  # a Thursday


def timexes(text: str, anchor: dt.date | None = ANCHOR) -> list[tuple[str, str, str]]:
    return [(text[t.start : t.end], t.type, t.value) for t in find_times(text, anchor)]


def only(text: str, anchor: dt.date | None = ANCHOR) -> tuple[str, str, str]:
    found = timexes(text, anchor)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "text, extent, type_, value",
    [
        ("The talks ended on Nov. 24 without a deal.", "Nov. 24", "DATE", "2025-11-24"),
        ("The ferry sails on December 3, 2026.", "December 3, 2026", "DATE", "2026-12-03"),
        ("Envoys will travel to the capital next week.", "next week", "DATE", "2025-W49"),
        ("Prices climbed this week.", "this week", "DATE", "2025-W48"),
        ("The bakery doubled its sales last year.", "last year", "DATE", "2024"),
        ("He promised a bridge within 100 days.", "within 100 days", "DURATION", "P100D"),
        ("The storm hit three days ago.", "three days ago", "DATE", "2025-11-24"),
        ("The choir sang on Monday night.", "Monday night", "TIME", "2025-11-24TNI"),
        ("The mayor resigned yesterday.", "yesterday", "DATE", "2025-11-26"),
        ("The council votes today.", "today", "DATE", "2025-11-27"),
        ("The lantern parade starts tonight.", "tonight", "TIME", "2025-11-27TNI"),
        ("The museum is now closed.", "now", "DATE", "PRESENT_REF"),
        ("The museum is currently closed.", "currently", "DATE", "PRESENT_REF"),
        ("Rents rose over the past two years.", "the past two years", "DURATION", "P2Y"),
        ("The gazette is printed weekly.", "weekly", "SET", "P1W"),
        ("The mill opened in 1998.", "1998", "DATE", "1998"),
        ("Dial-up modems ruled the 1990s.", "the 1990s", "DATE", "199"),
        ("Output fell in the third quarter.", "the third quarter", "DATE", "2025-Q3"),
        ("The ferry left at 3 p.m. sharp.", "3 p.m.", "TIME", "2025-11-27T15:00"),
        ("The hearing lasted two hours.", "two hours", "DURATION", "PT2H"),
        ("The firm recently moved.", "recently", "DATE", "PAST_REF"),
        ("Nobody can see the future.", "the future", "DATE", "FUTURE_REF"),
        ("The bridge closed earlier this month.", "earlier this month", "DATE", "2025-11"),
        ("Losses narrowed in fiscal 2024.", "fiscal 2024", "DATE", "2024"),
        ("The orchard flooded last spring.", "last spring", "DATE", "2025-SP"),
        ("The harvest festival returns next summer.", "next summer", "DATE", "2026-SU"),
        ("Sales rose in the first half of 2025.", "the first half of 2025", "DATE", "2025-H1"),
        ("The dam took 2 1/2 years to build.", "2 1/2 years", "DURATION", "P2Y6M"),
        ("The vote comes every Thursday.", "every Thursday", "SET", "XXXX-WXX-4"),
        ("The ferry runs twice a week.", "twice a week", "SET", "P1W"),
        ("The fair opens on Thanksgiving.", "Thanksgiving", "DATE", "2025-11-27"),
        ("The tower was built in the 20th century.", "the 20th century", "DATE", "19"),
        ("The station reopens in the near future.", "the near future", "DATE", "FUTURE_REF"),
        ("Stocks fell in mid-November.", "mid-November", "DATE", "2025-11"),
        ("The lab was founded in the early 1980s.", "the early 1980s", "DATE", "198"),
    ],
)
def test_examples(text: str, extent: str, type_: str, value: str) -> None:
    assert only(text) == (extent, type_, value)


def test_past_tense_weekday_is_on_or_before_the_anchor() -> None:
    assert only("The minister said on Thursday that she agreed.")[2] == "2025-11-27"
    assert only("The minister said on Monday that she agreed.")[2] == "2025-11-24"
    assert only("The minister spoke Friday.")[2] == "2025-11-21"


def test_future_tense_weekday_is_on_or_after_the_anchor() -> None:
    assert only("The committee will meet on Friday.")[2] == "2025-11-28"
    assert only("The committee will meet on Monday.")[2] == "2025-12-01"
    assert only("The committee is expected to vote Tuesday.")[2] == "2025-12-02"


def test_nearer_cue_wins_over_the_reporting_verb() -> None:
    found = timexes("The mayor said on Tuesday that the council will meet on Monday.")
    assert [v for _, _, v in found] == ["2025-11-25", "2025-12-01"]


def test_last_and_next_weekday_skip_the_anchor_day() -> None:
    assert only("They met last Thursday.")[2] == "2025-11-20"
    assert only("They meet next Thursday.")[2] == "2025-12-04"


def test_month_follows_the_tense() -> None:
    assert only("The plant will reopen in March.")[2] == "2026-03"
    assert only("The plant closed in March.")[2] == "2025-03"
    assert only("The plant will reopen in August.")[2] == "2026-08"
    assert only("The plant closed in August.")[2] == "2025-08"


def test_year_less_date_takes_the_year_nearest_the_anchor() -> None:
    assert only("The deadline is Jan. 5.")[2] == "2026-01-05"
    january = dt.date(2026, 1, 3)
    assert only("The fair ran until Dec. 28.", january)[2] == "2025-12-28"


def test_extent_leaves_out_the_preposition() -> None:
    text = "The pact was signed on Thursday."
    (t,) = find_times(text, ANCHOR)
    assert text[t.start : t.end] == "Thursday"


def test_no_anchor_leaves_values_underspecified() -> None:
    assert only("The talks ended on Nov. 24.", None)[2] == "XXXX-11-24"
    assert only("Envoys travel next week.", None)[2] == "XXXX-WXX"
    assert only("The choir sang on Monday night.", None)[2] == "XXXX-WXX-1TNI"
    assert only("Output fell in the third quarter.", None)[2] == "XXXX-Q3"
    assert only("The mill opened in 1998.", None)[2] == "1998"
    assert only("The hearing lasted two hours.", None)[2] == "PT2H"


def test_earnings_comparison_refers_to_the_quarter_named() -> None:
    text = "Profit rose in the second quarter, compared with a loss a year earlier."
    assert [v for _, _, v in timexes(text)] == ["2025-Q2", "2024-Q2"]


def test_not_time_expressions() -> None:
    assert timexes("You may go now that the rain stopped.")[0][0] == "now"
    assert timexes("A 44-year-old baker won $2 million a year ago.") == [("a year ago", "DATE", "2024")]
    assert timexes("She may sing, and the march for peace went on.") == []
    assert timexes("Prices fall when supply rises.") == []
    assert timexes("He earns $5,000 a year.") == []


def test_earnings_report_conventions() -> None:
    text = "Net for the quarter ended Sept. 30 rose, and the year-earlier nine months included a gain."
    assert [v for _, _, v in timexes(text)] == ["2025-Q3", "2025-09-30", "P9M"]
    assert only("Results for fiscal year 2026 are due.")[2] == "2026"


def test_numbers_that_are_no_time_expressions() -> None:
    assert timexes("The stock rose $1.50 Second Avenue said.") == []
    assert timexes("Iraq imports about three-quarters of its food.") == []
    assert timexes("The airline adds four flights a week.") == []
    assert timexes("A joint venture called Orion 1980 makes parts.") == []
    assert only("The 10-year yield fell.")[0] == "10-year"


def test_anchor_at_the_ends_of_the_calendar_is_ignored() -> None:
    assert only("They met last week.", dt.date(1, 1, 1))[2] == "XXXX-WXX"
    assert only("They met last week.", dt.date(9999, 12, 31))[2] == "XXXX-WXX"


def test_clock_time_with_a_day() -> None:
    assert only("The polls close at 8 p.m. Tuesday.")[1:] == ("TIME", "2025-11-25T20:00")
    assert only("The vote is set for noon Friday.")[1:] == ("TIME", "2025-11-28T12:00")


VALID_TYPES = {"DATE", "TIME", "DURATION", "SET"}


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300), st.booleans())
def test_arbitrary_text_never_raises(text: str, anchored: bool) -> None:
    found = find_times(text, ANCHOR if anchored else None)
    _check_well_formed(text, found)


_PIECES = st.sampled_from(
    ["Nov. 24", "on Thursday", "last year", "\u05d0\u05ea\u05de\u05d5\u05dc", "\U0001f600", "3 p.m.", "the 1990s",
     "May", " ", "\n", "two", "weeks", "ago", "Q3", "'80s", "mid-", "2025-02-30", "every", "-", ",", "fiscal"]
)  # fmt: skip


@settings(max_examples=100, deadline=None)
@given(st.lists(_PIECES, max_size=25).map(" ".join))
def test_date_like_soup_never_raises(text: str) -> None:
    _check_well_formed(text, find_times(text, ANCHOR))


def _check_well_formed(text: str, found: list[TimeExpr]) -> None:
    end = 0
    for t in found:
        assert end <= t.start < t.end <= len(text)
        assert t.type in VALID_TYPES and t.value
        end = t.end
