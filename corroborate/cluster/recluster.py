"""Batch re-optimisation of a streamed index (``recluster``), keeping story ids stable.

Streaming decisions are made with the IDF of the stream *so far* and with
story centroids that only know earlier articles.  ``recluster`` revisits
them with hindsight, in three steps:

1. count every article first, so the IDF is final from the first decision;
2. replay the articles in their original order with that IDF;
3. move each article to the story whose *final* centroid it matches best
   (or to a story of its own when none passes the join rule), then rebuild.

Story ids stay stable: each resulting story takes the id of the old story
most of its articles came from (ties: the older story); a story that has no
unused old id gets ``story:<its first article id>``.  The caller stores the
new assignments (``StoryIndex.export_assignments``) and swaps indexes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from .index import StoryIndex
from .represent import ClusterDoc, Representation


def recluster(index: StoryIndex, docs: Iterable[ClusterDoc]) -> StoryIndex:
    """A new index over ``docs`` (in arrival order), re-optimised; ``index`` is left unchanged."""
    docs = list(docs)
    reps = {d.id: index.representer.represent(d) for d in docs if not _is_duplicate(d, docs)}
    replay = _frozen_index(index, reps.values())
    for doc in docs:
        replay.assign(doc)
    target = {d.id: replay.best_story(d, reps[d.id]) or replay.story_of(d.id) for d in docs if d.id in reps}
    names = _stable_names(index, docs, target)
    final = _frozen_index(index, reps.values())
    for doc in docs:
        if doc.id in reps:
            final.place(doc, names[str(target[doc.id])], reps[doc.id])
        else:
            final.assign(doc)
    final.unfreeze()
    return final


def _is_duplicate(doc: ClusterDoc, docs: Sequence[ClusterDoc]) -> bool:
    """Near-duplicates follow their original; they are not representations of their own."""
    del docs
    return doc.duplicate_of is not None


def _frozen_index(like: StoryIndex, reps: Iterable[Representation]) -> StoryIndex:
    """An empty index with ``like``'s settings whose IDF is fixed to the whole batch."""
    fresh = StoryIndex(like.settings, like.representer)
    fresh.count_frequencies(reps)
    return fresh


def _stable_names(old: StoryIndex, docs: Sequence[ClusterDoc], target: dict[str, str | None]) -> dict[str, str]:
    """New cluster key -> story id, reusing the old id most of its articles had."""
    members: dict[str, list[str]] = {}
    for doc in docs:
        key = target.get(doc.id)
        if key is not None:
            members.setdefault(key, []).append(doc.id)
    age = {story.id: n for n, story in enumerate(old.stories())}
    taken: set[str] = set()
    names: dict[str, str] = {}
    for key, ids in sorted(members.items(), key=lambda item: -len(item[1])):
        votes = Counter(old.story_of(i) for i in ids if old.story_of(i))
        ranked = sorted(votes, key=lambda s: (-votes[s], age.get(str(s), len(age))))
        name = next((str(s) for s in ranked if s not in taken), f"story:{ids[0]}")
        while name in taken:
            name += "+"
        taken.add(name)
        names[key] = name
    return names
