"""End to end through the public API: intake -> clean -> dedup -> store -> export."""

import json

import pytest

from corroborate.api import export_records, ingest
from corroborate.store import open_store

from .helpers import HARBOUR_STORY

WIRE = (
    "Ferry Strike Ends After Pay Deal\n"
    "Crews on the Kessel Strait ferries returned to work on Friday after the operator agreed to raise wages "
    "by six percent over two years, ending a nine-day strike that stranded thousands of travellers. "
    "The union said members had voted by a large margin to accept the offer, which also limits night shifts. "
    "The operator said timetables would return to normal by Sunday and that all tickets bought for cancelled "
    "sailings would be refunded in full within thirty days. Island councils had warned that shops were "
    "running short of fresh food and fuel as the stoppage dragged into its second week.\n"
)


@pytest.fixture
def store(tmp_path):
    s = open_store(str(tmp_path / "t.db"))
    yield s
    s.close()


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_reingesting_the_same_input_is_a_no_op(tmp_path, store):
    path = write(tmp_path, "a.txt", HARBOUR_STORY)
    assert ingest([path], store).ingested == 1
    again = ingest([path], store)
    assert (again.ingested, again.duplicates, store.count_articles()) == (0, 1, 1)


def test_exact_duplicate_under_another_name_is_a_no_op(tmp_path, store):
    ingest([write(tmp_path, "a.txt", HARBOUR_STORY)], store)
    summary = ingest([write(tmp_path, "copy.txt", HARBOUR_STORY.replace("  ", " ") + "\n\n")], store)
    assert (summary.duplicates, store.count_articles()) == (1, 1)


def test_syndicated_copy_with_new_headline_points_at_original(tmp_path, store):
    ingest([write(tmp_path, "wire.txt", WIRE)], store)
    copy = WIRE.replace("Ferry Strike Ends After Pay Deal", "Travellers Relieved As Ferries Sail Again")
    copy = copy.replace("thousands of travellers", "thousands of holidaymakers")
    summary = ingest([write(tmp_path, "copy.txt", copy)], store)
    original, dup = list(store.iter_articles())
    assert summary.count("duplicate") == 1
    assert dup.duplicate_of == original.id and original.duplicate_of is None


def test_different_stories_are_not_duplicates(tmp_path, store):
    ingest([write(tmp_path, "a.txt", HARBOUR_STORY), write(tmp_path, "b.txt", WIRE)], store)
    assert [a.duplicate_of for a in store.iter_articles()] == [None, None]


def test_bad_input_is_reported_and_the_rest_still_go_through(tmp_path, store):
    good = write(tmp_path, "good.txt", HARBOUR_STORY)
    (tmp_path / "empty.txt").write_text("   \n")
    summary = ingest([good, str(tmp_path / "empty.txt")], store)
    assert (summary.ingested, summary.failed) == (1, 1)
    failure = next(r for r in summary.results if r.status == "failed")
    assert "empty.txt" in failure.error


def test_jsonl_with_a_bad_line_keeps_the_good_lines(tmp_path, store):
    lines = [
        json.dumps(
            {"id": "h1", "outlet": "Port Ellis Post", "title": "Bridge reopens", "text": HARBOUR_STORY}
        ),
        "{not json",
        json.dumps({"id": "w1", "outlet": "Strait Wire", "title": "Ferry strike ends", "text": WIRE}),
    ]
    path = write(tmp_path, "feed.jsonl", "\n".join(lines) + "\n")
    summary = ingest([path], store)
    assert (summary.ingested, summary.failed) == (2, 1)
    assert "feed.jsonl:2" in next(r.error for r in summary.results if r.error)
    assert {a.external_id for a in store.iter_articles()} == {"h1", "w1"}


def test_export_spans_point_at_clean_and_raw_text(tmp_path, store):
    ingest([write(tmp_path, "a.txt", HARBOUR_STORY)], store)
    (record,) = [r for r in export_records(store) if r["type"] == "article"]
    assert record["type"] == "article" and record["title"] == "Harbour Bridge Reopens After Storm Repairs"
    assert not record["text"].startswith("Harbour Bridge Reopens")
    for removed in record["removed"]:
        assert HARBOUR_STORY[removed["raw_start"] : removed["raw_end"]] == removed["text"]
    article = store.get_article(record["id"])
    span = article.span(4, 15)
    assert span.text == article.text[4:15] == HARBOUR_STORY[span.raw_start : span.raw_end]
