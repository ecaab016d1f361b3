"""The hindsight split in recluster: invented stories of one topic, two events."""

from __future__ import annotations

import datetime as dt

from corroborate.cluster import ClusterDoc, ClusterSettings, StoryIndex
from corroborate.cluster.recluster import story_splits
from corroborate.cluster.split import bisect, cohesion_ratio, find_split, summed, unit

MARCH, APRIL = dt.date(2031, 3, 2), dt.date(2031, 4, 6)

FENN = [
    ClusterDoc("f1", "Marlow Rovers striker Tobias Fenn arrested for drink-driving",
               "Police in Easterby arrested Marlow Rovers striker Tobias Fenn on Saturday night on suspicion of "
               "drink-driving after his car hit a lamp post on Quay Road. The club said Fenn, 24, would not play "
               "against Dunmore on Tuesday.", MARCH),
    ClusterDoc("f2", "Rovers forward Fenn held after car hits lamp post",
               "Tobias Fenn, the Marlow Rovers forward, was held by Easterby police early on Sunday after his car "
               "struck a lamp post on Quay Road. He was released on bail and will appear in court on March 20.",
               MARCH),
    ClusterDoc("f3", "Fenn charged with drink-driving, Rovers suspend striker",
               "Marlow Rovers suspended Tobias Fenn after Easterby police charged the 24-year-old striker with "
               "drink-driving. Fenn's car hit a lamp post on Quay Road on Saturday. He faces court on March 20.",
               MARCH),
]  # fmt: skip
QUILL = [
    ClusterDoc("q1", "Rovers goalkeeper Anders Quill arrested for drink-driving",
               "Marlow Rovers goalkeeper Anders Quill was arrested on suspicion of drink-driving in Holtby on "
               "Thursday, five weeks after team-mate Tobias Fenn. Police stopped Quill, 31, on the Holtby bypass.",
               APRIL),
    ClusterDoc("q2", "Second Rovers player held: keeper Quill stopped on bypass",
               "Anders Quill, 31, the Marlow Rovers keeper, was stopped by Holtby police on the bypass on Thursday "
               "and failed a breath test. The club said it was deeply disappointed. Quill will appear in court "
               "on April 28.", APRIL),
    ClusterDoc("q3", "Quill charged, Rovers keeper dropped for derby",
               "Holtby police charged goalkeeper Anders Quill with drink-driving after he failed a breath test on "
               "the bypass on Thursday. Marlow Rovers dropped the 31-year-old for the derby. He faces court on "
               "April 28.", APRIL),
]  # fmt: skip
FENN_LATER = [
    ClusterDoc("f4", "Fenn apologises after drink-driving arrest",
               "Marlow Rovers striker Tobias Fenn, 24, apologised on Monday after his arrest for drink-driving "
               "in Easterby, where his car hit a lamp post on Quay Road. He will appear in court on March 20.",
               MARCH),
    ClusterDoc("f5", "Rovers striker Fenn bailed after Quay Road crash",
               "Easterby police bailed Marlow Rovers striker Tobias Fenn, 24, until March 20 after his arrest for "
               "drink-driving. His car hit a lamp post on Quay Road on Saturday night.", MARCH),
    ClusterDoc("f6", "Rovers stand by Fenn after drink-driving arrest",
               "Marlow Rovers said they would stand by striker Tobias Fenn, 24, arrested for drink-driving in "
               "Easterby when his car hit a lamp post on Quay Road. He faces court on March 20.", MARCH),
]  # fmt: skip
#: Thresholds low enough that streaming chains the two arrests into one story.
CHAINING = ClusterSettings(join_similarity=0.02, join_similarity_with_entities=0.02, join_similarity_short=0.02,
                           min_word_similarity=0.0, time_window_days=60, time_penalty_per_day=0.0,
                           split_min_group=3)  # fmt: skip


def streamed(docs: list[ClusterDoc], settings: ClusterSettings) -> StoryIndex:
    index = StoryIndex(settings)
    for doc in docs:
        index.assign(doc)
    return index


def test_cohesion_ratio_is_one_for_alike_groups_and_low_for_apart_ones() -> None:
    a, b = unit({"w:rain": 1.0, "n:carrow": 1.0}), unit({"w:rain": 1.0, "n:tessel": 1.0})
    alike = cohesion_ratio(summed([a, a, a, a], [0, 0, 1, 1], 0), summed([a, a, a, a], [0, 0, 1, 1], 1), 2, 2)
    apart = cohesion_ratio(summed([a, a, b, b], [0, 0, 1, 1], 0), summed([a, a, b, b], [0, 0, 1, 1], 1), 2, 2)
    assert abs(alike - 1.0) < 1e-9 and apart < 0.6


def test_bisect_keeps_the_first_member_in_group_zero() -> None:
    a, b = unit({"n:carrow": 1.0, "w:flood": 0.5}), unit({"n:tessel": 1.0, "w:flood": 0.5})
    assert bisect([b, a, b, a, a]) == (0, 1, 0, 1, 1)
    assert bisect([a, a, a]) is None  # nothing to separate


def test_the_first_member_stays_in_group_zero_when_2_means_labels_it_one() -> None:
    # Here 2-means, seeded with member 0 and the member least like it, ends with member 0 labelled 1:
    # the labels are swapped so that the group holding the story's first article keeps the story.
    vectors = [unit({"n:a": 1.0}), unit({"n:b": 1.0}), unit({"n:d": 0.97, "n:c": 0.243}),
               unit({"n:a": 0.614, "n:b": 0.789}), unit({"n:d": 1.0}), unit({"n:d": 1.0})]  # fmt: skip
    assert bisect(vectors) == (0, 0, 1, 0, 1, 1)
    split = find_split(vectors, ClusterSettings(split_min_group=2, split_cohesion=1.0))
    assert split is not None and split.side(vectors[0]) == 0


def test_a_minimum_group_below_two_is_read_as_two() -> None:
    a, b = unit({"n:carrow": 1.0}), unit({"n:tessel": 1.0})
    for smallest in (0, 1):
        assert find_split([a, b], ClusterSettings(split_min_group=smallest)) is None
        assert find_split([a, a, b, b], ClusterSettings(split_min_group=smallest)) is not None


def test_find_split_needs_big_enough_groups() -> None:
    a, b = unit({"n:carrow": 1.0}), unit({"n:tessel": 1.0})
    settings = ClusterSettings(split_min_group=3)
    assert find_split([a, a, a, b, b, b], settings) is not None
    assert find_split([a, a, a, a, b, b], settings) is None


def test_recluster_splits_a_chained_story_and_the_older_half_keeps_its_id() -> None:
    docs = FENN + QUILL
    index = streamed(docs, CHAINING)
    assert {index.story_of(d.id) for d in docs} == {"story:f1"}  # streaming chained both arrests
    got = index.recluster(docs).export_assignments()
    assert got == {**{d.id: "story:f1" for d in FENN}, **{d.id: "story:q1" for d in QUILL}}
    # without the split the batch pass keeps the chained story
    unsplit = streamed(docs, CHAINING.replace(split_min_group=100)).recluster(docs)
    assert set(unsplit.export_assignments().values()) == {"story:f1"}


def test_one_event_is_not_split() -> None:
    docs = FENN + FENN_LATER
    index = streamed(docs, CHAINING)
    reps = {d.id: index.representer.represent(d) for d in docs}
    assert story_splits(index, docs, reps) == {}
    assert set(index.recluster(docs).export_assignments().values()) == {"story:f1"}


Q4 = ClusterDoc("q4", "Keeper Quill banned from driving after bypass stop",
                "Marlow Rovers goalkeeper Anders Quill, 31, was charged by Holtby police after failing a breath "
                "test on the bypass on Thursday. Quill faces court on April 28.", APRIL)  # fmt: skip


def test_the_older_half_keeps_the_id_even_when_the_younger_half_is_bigger() -> None:
    docs = FENN + QUILL + [Q4]
    index = streamed(docs, CHAINING)
    assert {index.story_of(d.id) for d in docs} == {"story:f1"}
    got = index.recluster(docs).export_assignments()
    assert {got[d.id] for d in FENN} == {"story:f1"}
    assert {got[d.id] for d in [*QUILL, Q4]} == {"story:q1"}


def test_a_copy_of_a_younger_half_article_follows_it() -> None:
    copy = ClusterDoc("q2copy", QUILL[1].title, QUILL[1].text, APRIL, duplicate_of="q2")
    docs = [*FENN, *QUILL, copy]
    got = streamed(docs, CHAINING).recluster(docs).export_assignments()
    assert got["q2copy"] == got["q2"] == "story:q1"
