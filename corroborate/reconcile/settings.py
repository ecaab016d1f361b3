"""The reconcile stage's settings, each default documented with why it is what it is."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReconcileSettings:
    #: Average-linkage similarity at or above which two claim groups merge. Calibrated on the
    #: ECB+ train split as the lowest threshold whose pairwise precision reaches 0.98
    #: (``python -m corroborate.eval.alignment --corpus ecbplus --split train --sweep``).
    link_threshold: float = 0.34
    #: A feature found in more than this share of a story's claims is ubiquitous (the story's
    #: main actors and topic words) and never counts as the core two claims share.
    ubiquity_share: float = 0.2
    #: ... but a feature in at most this many claims is never ubiquitous (small stories).
    ubiquity_floor: int = 2
    #: A claim weighs at least this share of the story's median claim weight when similarities
    #: are normalised, so a short fragment does not match on its one content word.
    short_claim: float = 0.6
    #: How much the longer claim counts when a shared weight is normalised: 0 divides by the
    #: shorter claim's weight alone (a paraphrase may add details), 0.5 by the geometric mean.
    length_balance: float = 0.15
    #: Pair similarities below this share of ``link_threshold`` are taken as 0 and never
    #: computed (they barely move an average), which keeps big stories fast.
    least_link: float = 0.5
    #: Claims an outlet puts first: its lead.
    lead_claims: int = 2
    #: Claims starting after this share of the text are buried.
    buried_from: float = 2 / 3
    #: Longest summary and timeline text, in characters.
    summary_chars: int = 160
    timeline_chars: int = 140
    #: Similarity at or above which two claims are close enough that one negating what the
    #: other asserts is a conflict (below it, "not" is too often about something else).
    negation_link: float = 0.55
    #: Word overlap at or above which two quotations are the same words (speaker conflicts).
    same_words: float = 0.6


DEFAULT = ReconcileSettings()
