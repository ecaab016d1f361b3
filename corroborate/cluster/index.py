"""The streaming story index: assign each article on arrival, never recompute.

State kept per story is small and bounded (``story_terms`` weights, dates,
count), and an inverted index maps each story's top terms to the story.  A
new article looks up candidates through its own top terms, scanning only the
most recently updated ``max_postings`` stories per term, so the work per
article does not grow with the number of stories.  Posting lists are ordered
by last update (a story moves to the end when it changes), which makes the
scan favour live stories and lets the exact order be rebuilt from exported
rows (:mod:`corroborate.cluster.persist`).
"""

from __future__ import annotations

import datetime as dt
import heapq
import math
from array import array
from collections.abc import Iterable, Mapping

from .assign import Similarity, accepts, day_gap, preference, range_gap
from .persist import FrequencyTable, StoryRow, check_assignments, rows_in_restore_order
from .postings import Postings
from .represent import ClusterDoc, Representation, Representer, make_representer
from .settings import DEFAULT_CLUSTER_SETTINGS, ClusterSettings
from .story import Story, StoryView, merged_terms, top_terms


class StoryIndex:
    """Stories of a stream of articles.  The in-memory index is the source of truth.

    >>> index = StoryIndex()
    >>> index.assign(ClusterDoc("a1", "Quake of magnitude 7.1 hits Northland", "The quake hit Northland."))
    'story:a1'
    >>> index.assign(ClusterDoc("a2", "Magnitude 7.1 quake strikes Northland", "A quake hit Northland."))
    'story:a1'
    """

    def __init__(self, settings: ClusterSettings = DEFAULT_CLUSTER_SETTINGS,
                 representer: Representer | None = None) -> None:  # fmt: skip
        self.settings = settings
        self.representer = representer or make_representer("lexical", settings)
        self._stories: dict[str, Story] = {}
        self._article_story: dict[str, Story] = {}
        self._vocab: dict[str, int] = {}
        self._words: list[str] = []
        self._df = array("i")
        #: log(df + 1) per term, and log(documents + prior + 1): IDF without a log call per lookup.
        self._logdf = array("d")
        self._logn = math.log(settings.idf_prior_docs + 1)
        #: 1 for names, numbers and days (the "entities" of the entity cosine), 0 for words.
        self._specific = bytearray()
        self._docs = 0
        self._postings = Postings()
        self._seq = 0
        self._window = dt.timedelta(days=settings.time_window_days)
        #: While True, articles do not change the document frequencies (recluster replays).
        self._frozen = False
        #: Stories and terms changed since the last :meth:`take_changes` (what a store must write).
        self._changed_stories: set[str] = set()
        self._changed_terms: set[int] = set()

    # ------------------------------------------------------------ public API

    def assign(self, doc: ClusterDoc, rep: Representation | None = None) -> str:
        """Story id for ``doc``, creating a story if nothing matches.  Idempotent per article id.

        ``rep`` is the representer's output for ``doc`` when the caller computed it already.
        """
        known = self._article_story.get(doc.id)
        if known is not None:
            return known.id
        original = self._article_story.get(doc.duplicate_of or "")
        if original is not None:
            return self._add_duplicate(original, doc)
        if rep is None:
            rep = self.representer.represent(doc)
        ids = self._ids(rep)
        query = self._observe(ids)
        story = self._best_story(query, rep, doc) if query else None
        if story is None:
            story = self._new_story(doc)
        self._add(story, doc, ids, rep.dense)
        return story.id

    def recluster(self, docs: Iterable[ClusterDoc]) -> StoryIndex:
        """Batch re-optimisation over ``docs`` (all articles, arrival order); see :mod:`.recluster`."""
        from .recluster import recluster

        return recluster(self, docs)

    def story_of(self, article_id: str) -> str | None:
        """The story an article was assigned to, or None if it was never assigned."""
        story = self._article_story.get(article_id)
        return story.id if story else None

    def stories(self) -> list[StoryView]:
        """Every story, oldest first, with its size, dates and top terms."""
        return [s.view(self._words) for s in self._stories.values()]

    def __len__(self) -> int:
        return len(self._stories)

    @property
    def article_count(self) -> int:
        """Articles assigned so far (near-duplicates included)."""
        return len(self._article_story)

    # ------------------------------------------------------------ persistence

    def export_rows(self) -> list[StoryRow]:
        """One row per story, in restore order (see :mod:`corroborate.cluster.persist`)."""
        return [self._row(story) for story in sorted(self._stories.values(), key=lambda st: st.seq)]

    def export_frequencies(self) -> FrequencyTable:
        """Document count and per-term document frequencies (terms seen at least once)."""
        return FrequencyTable(self._docs, {w: self._df[i] for i, w in enumerate(self._words) if self._df[i]})

    def take_changes(self) -> tuple[list[StoryRow], FrequencyTable]:
        """Rows of the stories and frequencies of the terms changed since the last call, so a
        store can persist each article's effect without rewriting the whole index."""
        rows = [self._row(self._stories[i]) for i in sorted(self._changed_stories) if i in self._stories]
        terms = FrequencyTable(self._docs, {self._words[t]: self._df[t] for t in sorted(self._changed_terms)})
        self._changed_stories.clear()
        self._changed_terms.clear()
        return rows, terms

    def export_assignments(self) -> dict[str, str]:
        """article id -> story id, for every article assigned so far."""
        return {article: story.id for article, story in self._article_story.items()}

    @classmethod
    def from_rows(cls, rows: Iterable[StoryRow], frequencies: FrequencyTable,
                  assignments: Mapping[str, str] | None = None,
                  settings: ClusterSettings = DEFAULT_CLUSTER_SETTINGS,
                  representer: Representer | None = None) -> StoryIndex:  # fmt: skip
        """Rebuild an index that answers exactly like the one that exported these rows."""
        rows = rows_in_restore_order(rows)
        check_assignments(rows, assignments or {})
        index = cls(settings, representer)
        index._set_counts(frequencies.documents)
        for term, df in frequencies.frequencies.items():
            index._set_df(index._term_id(term), df)
        for row in rows:
            index._restore(row)
        for article, story_id in (assignments or {}).items():
            index._article_story[article] = index._stories[story_id]
        return index

    def _row(self, story: Story) -> StoryRow:
        terms = tuple((self._words[t], float(w)) for t, w in zip(story.terms, story.weights, strict=True))
        dense = tuple(story.dense) if story.dense is not None else None
        keys = tuple(self._words[t] for t in story.keys)
        return StoryRow(story.id, story.count, story.first, story.last, terms, keys, story.seq, dense)

    def _restore(self, row: StoryRow) -> None:
        story = self._stories[row.id] = Story(row.id)
        story.count, story.first, story.last, story.seq = row.count, row.first_date, row.last_date, row.seq
        story.set_terms({self._term_id(t): w for t, w in row.terms})
        story.add_dense(row.dense)
        self._seq = max(self._seq, row.seq)
        self._reindex(story, [self._term_id(t) for t in row.keys])

    # ------------------------------------------------------------ weights

    def idf(self, term: int) -> float:
        """Smoothed IDF over the stream so far (plus ``idf_prior_docs`` pseudo-documents)."""
        return self._logn - self._logdf[term]

    def term_idf(self, term: str) -> float:
        """IDF of a feature string; 0 for a term the stream never counted (it tells nothing)."""
        tid = self._vocab.get(term)
        return self.idf(tid) if tid is not None and self._df[tid] else 0.0

    def _set_counts(self, documents: int) -> None:
        self._docs = documents
        self._logn = math.log(documents + self.settings.idf_prior_docs + 1)

    def _set_df(self, term: int, df: int) -> None:
        self._changed_terms.add(term)
        self._df[term] = df
        self._logdf[term] = math.log(df + 1)

    def _term_id(self, term: str) -> int:
        tid = self._vocab.get(term)
        if tid is None:
            tid = self._vocab[term] = len(self._words)
            self._words.append(term)
            self._df.append(0)
            self._logdf.append(0.0)
            self._specific.append(term[0] != "w")
        return tid

    def freeze_frequencies(self, frozen: bool = True) -> None:
        """While frozen, added articles do not change the IDF (recluster rebuilds with fixed counts)."""
        self._frozen = frozen

    def _ids(self, rep: Representation) -> dict[int, float]:
        """The representation's weights keyed by term id (new terms enter the vocabulary)."""
        return {self._term_id(t): w for t, w in rep.terms.items()}

    def _count(self, ids: Mapping[int, float]) -> None:
        if ids:
            self._set_counts(self._docs + 1)
            for tid in ids:
                self._set_df(tid, self._df[tid] + 1)

    def _observe(self, ids: Mapping[int, float]) -> dict[int, float]:
        """Count the article (unless frozen); return its idf-weighted unit vector."""
        if not self._frozen:
            self._count(ids)
        return self._query(ids)

    def _query(self, ids: Mapping[int, float]) -> dict[int, float]:
        logn, logdf = self._logn, self._logdf
        weighted = {tid: w * (logn - logdf[tid]) for tid, w in ids.items()}
        norm = math.sqrt(sum(w * w for w in weighted.values()))
        return {tid: w / norm for tid, w in weighted.items() if w > 0} if norm else {}

    # ------------------------------------------------------------ search and scoring

    def _candidates(self, query: Mapping[int, float], doc: ClusterDoc) -> list[Story]:
        """Stories sharing top terms with the article, most shared weight first."""
        s = self.settings
        votes: dict[Story, float] = {}
        for tid in heapq.nlargest(s.query_terms, query, key=query.__getitem__):
            weight = query[tid]
            for story in self._postings.recent(tid, s.max_postings):
                votes[story] = votes.get(story, 0.0) + weight
        found: Iterable[Story] = votes
        if doc.published is not None:  # inline in_window(day_gap(...)): this runs for every voted story
            low, high = doc.published - self._window, doc.published + self._window
            found = [
                st
                for st in votes
                if st.first is None or st.last is None or (st.last >= low and st.first <= high)
            ]
        return heapq.nsmallest(s.max_candidates, found, key=lambda st: (-votes[st], -st.seq))

    def similarity(self, query: Mapping[int, float], story: Story, dense: tuple[float, ...] | None,
                   q_ent: float | None = None) -> Similarity:  # fmt: skip
        """Cosines of the article with the story centroid: all terms, names/numbers only, words only.

        ``q_ent`` is the norm of the query's specific (non-word) part, if already known.
        """
        dot = norm = ent_dot = ent_norm = 0.0
        logn, logdf, specific, get = self._logn, self._logdf, self._specific, query.get
        for tid, weight in zip(story.terms, story.weights, strict=True):
            value = weight * (logn - logdf[tid])
            square = value * value
            norm += square
            q = get(tid, 0.0)
            dot += q * value
            if specific[tid]:
                ent_norm += square
                ent_dot += q * value
        if q_ent is None:
            q_ent = self.specific_norm(query)
        lexical = dot / math.sqrt(norm) if norm else 0.0
        entities = ent_dot / (math.sqrt(ent_norm) * q_ent) if ent_norm and q_ent else 0.0
        # the query is unit length and its word and specific parts are disjoint
        word_norm, q_word = norm - ent_norm, math.sqrt(max(0.0, 1.0 - q_ent * q_ent))
        words = (dot - ent_dot) / (math.sqrt(word_norm) * q_word) if word_norm > 0 and q_word else 0.0
        return Similarity(lexical, entities, story.dense_cosine(dense), words)

    def specific_norm(self, query: Mapping[int, float]) -> float:
        """Length of the names/numbers/days part of a query vector."""
        specific = self._specific
        return math.sqrt(sum(w * w for t, w in query.items() if specific[t]))

    def _best_story(self, query: Mapping[int, float], rep: Representation, doc: ClusterDoc) -> Story | None:
        """The most similar candidate story that passes the join rule, if any."""
        best, best_score = None, -math.inf
        q_ent = self.specific_norm(query)
        for story in self._candidates(query, doc):
            sim = self.similarity(query, story, rep.dense, q_ent)
            if not accepts(sim, day_gap(doc.published, story.first, story.last), self.settings, rep.length):
                continue
            score = preference(sim, self.settings)
            if score > best_score:
                best, best_score = story, score
        return best

    # ------------------------------------------------------------ updates

    def _new_story(self, doc: ClusterDoc) -> Story:
        story_id = f"story:{doc.id}"
        while story_id in self._stories:  # an article id reused after a rebuild
            story_id += "+"
        story = self._stories[story_id] = Story(story_id)
        return story

    def _add(
        self, story: Story, doc: ClusterDoc, ids: Mapping[int, float], dense: tuple[float, ...] | None
    ) -> None:
        """Fold the article into the story centroid and refresh the story's postings."""
        logn, logdf, words = self._logn, self._logdf, self._words
        rank = lambda tid, w: (w * (logn - logdf[tid]), words[tid])  # noqa: E731
        story.set_terms(top_terms(merged_terms(story, ids), self.settings.story_terms, rank))
        story.add_dense(dense)
        self._touch(story, doc)
        keys = top_terms(dict(zip(story.terms, story.weights, strict=True)), self.settings.index_terms, rank)
        self._reindex(story, array("i", keys))

    def place(self, doc: ClusterDoc, story_id: str, rep: Representation | None = None) -> str:
        """Put ``doc`` into the story ``story_id`` (created if new) without searching: for replays."""
        story = self._stories.get(story_id)
        if story is None:
            story = self._stories[story_id] = Story(story_id)
        if rep is None:
            rep = self.representer.represent(doc)
        ids = self._ids(rep)
        self._observe(ids)
        self._add(story, doc, ids, rep.dense)
        return story.id

    def best_story(self, doc: ClusterDoc, rep: Representation) -> str | None:
        """The story ``doc`` would join now (without adding it or counting it), if any."""
        query = self._query(self._ids(rep))
        story = self._best_story(query, rep, doc) if query else None
        return story.id if story else None

    def neighbours(self, story_id: str) -> list[tuple[str, Similarity, int | None]]:
        """Candidate stories near ``story_id`` with their centroid similarity and day gap."""
        story = self._stories[story_id]
        weighted = {t: w * self.idf(t) for t, w in zip(story.terms, story.weights, strict=True)}
        norm = math.sqrt(sum(v * v for v in weighted.values())) or 1.0
        query = {t: v / norm for t, v in weighted.items()}
        found = []
        for other in self._candidates(query, ClusterDoc(story_id)):
            if other is not story:
                gap = range_gap(story.first, story.last, other.first, other.last)
                found.append((other.id, self.similarity(query, other, None), gap))
        return found

    def _add_duplicate(self, story: Story, doc: ClusterDoc) -> str:
        """A near-duplicate joins its original's story and adds nothing to the centroid."""
        self._touch(story, doc)
        self._reindex(story, story.keys)
        return story.id

    def _touch(self, story: Story, doc: ClusterDoc) -> None:
        self._changed_stories.add(story.id)
        story.count += 1
        story.widen(doc.published)
        self._seq += 1
        story.seq = self._seq
        self._article_story[doc.id] = story

    def _reindex(self, story: Story, keys: Iterable[int]) -> None:
        """Move the story to the recent end of its top terms' postings; drop stale ones."""
        keys = array("i", keys)
        for tid in set(story.keys) - set(keys):
            self._postings.remove(tid, story)
        for tid in keys:
            self._postings.touch(tid, story)
        story.keys = keys
