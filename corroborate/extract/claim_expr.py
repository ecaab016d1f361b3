"""The claim record of :mod:`corroborate.extract.claims`, and its fast builder."""

from __future__ import annotations

from dataclasses import dataclass

from .numbers import Quantity


@dataclass(frozen=True)
class ClaimExpr:
    """One claim, in offsets of the text given to :func:`~corroborate.extract.claims.find_claims`."""

    start: int
    end: int
    #: the asserted content: Y of "X said that Y", a quotation; the claim itself in the outlet's voice
    content_start: int
    content_end: int
    #: "outlet" (its own voice) | "speaker"
    asserter: str
    #: local entity number of the speaker (as in ``mention_entities``), when known
    asserter_entity: int | None = None
    #: index into the attributions given, for a speaker's claim
    attribution_index: int | None = None
    entities: tuple[int, ...] = ()
    numbers: tuple[Quantity, ...] = ()
    #: TIMEX3 values of the time expressions inside the claim
    times: tuple[str, ...] = ()
    #: the main assertion is negated ("did not", "never", "denied that ...")
    negated: bool = False
    #: "accept" | "reject" | None: the polarity of a stance verb ("agreed" vs "rejected")
    stance: str | None = None
    #: hedged by a modal or "reportedly" ("might be", "could serve")
    hedged: bool = False
    key_terms: tuple[str, ...] = ()


_new = object.__new__


def new_claim_expr(
    *,
    start: int,
    end: int,
    content_start: int,
    content_end: int,
    asserter: str,
    asserter_entity: int | None,
    attribution_index: int | None,
    entities: tuple[int, ...],
    numbers: tuple[Quantity, ...],
    times: tuple[str, ...],
    negated: bool,
    stance: str | None,
    hedged: bool,
    key_terms: tuple[str, ...],
) -> ClaimExpr:
    """``ClaimExpr(...)`` without the generated ``__init__``, which sets each field through
    ``object.__setattr__`` (the class is frozen): articles make dozens of claims. Every field
    is named, as the class does, so a missing or unknown one is refused by the call itself;
    the generic :func:`~corroborate.model.frozen_builder` checks that per call, at twice the cost."""
    obj = _new(ClaimExpr)
    obj.__dict__.update(
        start=start,
        end=end,
        content_start=content_start,
        content_end=content_end,
        asserter=asserter,
        asserter_entity=asserter_entity,
        attribution_index=attribution_index,
        entities=entities,
        numbers=numbers,
        times=times,
        negated=negated,
        stance=stance,
        hedged=hedged,
        key_terms=key_terms,
    )
    return obj
