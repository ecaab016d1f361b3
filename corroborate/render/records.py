"""A dossier as JSON-ready records: the export shape of a story's reconciliation.

``claim_groups[].claims`` lists claim ids (the claims themselves are exported with their
articles); ``evidence`` repeats each claim's exact text and offsets so a group can be read on
its own. ``conflict`` is the first conflict found (number, then date, polarity, speaker) or
null; ``conflicts`` lists them all.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from ..reconcile.records import ClaimGroup, ClaimRef, Conflict, Dossier, Framing, TimelineEntry
from .common import plain


def claim_evidence(c: ClaimRef) -> dict[str, Any]:
    return {"claim": c.id, "article": c.article, "outlet": c.outlet, "text": c.text, "start": c.start,
            "end": c.end, "raw_start": c.raw_start, "raw_end": c.raw_end, "speaker": c.speaker,
            "source": c.source}  # fmt: skip


def conflict_record(conflict: Conflict, group: ClaimGroup) -> dict[str, Any]:
    """A conflict with each side's claims quoted from their sources."""
    by_id = {c.id: c for c in group.claims}
    sides = [
        {
            "value": s.value,
            "claims": list(s.claims),
            "outlets": list(s.outlets),
            "evidence": [claim_evidence(by_id[i]) for i in s.claims if i in by_id],
        }  # fmt: skip
        for s in conflict.sides
    ]
    return {"kind": conflict.kind, "summary": conflict.summary, "sides": sides}


def echoes_record(group: ClaimGroup) -> dict[str, list[dict[str, Any]]]:
    """Echoing outlet -> whom it repeats, how, and in which claims."""
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for e in group.echoes:
        out[e.outlet].append({"source": e.source, "how": e.how, "claims": list(e.claims)})
    return dict(out)


def group_record(g: ClaimGroup) -> dict[str, Any]:
    conflicts = [conflict_record(c, g) for c in g.conflicts]
    return {
        "id": g.id,
        "status": g.status,
        "summary": g.summary,
        "claims": [c.id for c in g.claims],
        "outlets": list(g.outlets),
        "independent_outlets": list(g.independent_outlets),
        "echoes": echoes_record(g),
        "conflict": conflicts[0] if conflicts else None,
        "conflicts": conflicts,
        "evidence": [claim_evidence(c) for c in g.claims],
    }


def framing_record(f: Framing) -> dict[str, Any]:
    return {
        "article": f.article,
        "outlet": f.outlet,
        "title": f.title,
        "shares": [{"group": g, "share": s} for g, s in f.shares],
        "lead": list(f.lead),
        "buried": list(f.buried),
        "quoted": [{"speaker": n, "quotes": k} for n, k in f.quoted],
        "verbs": [{"verb": v, "uses": k} for v, k in f.verbs],
        "headline_words": list(f.headline_words),
    }


def timeline_records(entries: Sequence[TimelineEntry]) -> list[dict[str, Any]]:
    return [
        {
            "date": t.date,
            "text": t.text,
            "group": t.group,
            "claims": list(t.claims),
            "articles": list(t.articles),
        }
        for t in entries
    ]


def dossier_json(dossier: Dossier) -> dict[str, Any]:
    """The export record of a dossier."""
    return {
        "type": "dossier",
        "story_id": dossier.story_id,
        "headline": dossier.headline,
        "articles": [plain(a) for a in dossier.articles],
        "actors": [plain(a) for a in dossier.actors],
        "quotes_by_speaker": [
            {"speaker": s.speaker or None, "name": s.name, "quotes": [plain(q) for q in s.quotes]}
            for s in dossier.quotes_by_speaker
        ],
        "claim_groups": [group_record(g) for g in dossier.groups],
        "timeline": timeline_records(dossier.timeline),
        "framing": [framing_record(f) for f in dossier.framing],
    }
