"""Story clustering: group articles about the same real-world event, as they arrive.

API (draft; see module docs)::

    from corroborate.cluster import ClusterDoc, StoryIndex

    index = StoryIndex()                      # ClusterSettings() defaults
    story_id = index.assign(ClusterDoc(id, title, text, published, duplicate_of))
    index.stories()                           # [StoryView(id, size, first_date, last_date, top_terms)]
"""

from __future__ import annotations

from .index import StoryIndex
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
    "LexicalRepresenter",
    "NeuralRepresenter",
    "Representation",
    "Representer",
    "StoryIndex",
    "StoryView",
    "make_representer",
]
