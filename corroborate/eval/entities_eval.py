"""Entity mentions and coreference measured on MEANTIME (English Wikinews, ``../shared/data/meantime_en``).

Gold: ``ENTITY_MENTION`` spans, ``REFERS_TO`` to an intra-document ``ENTITY`` (within-article
chains) whose ``instance_id`` (when present) is the cross-document entity. Scores:

* detection: recall of gold PER/ORG/LOC proper-name mentions (``syntactic_type="NAM"``) by our
  name mentions (overlap, same last token), and the share of our name mentions that overlap any
  gold entity mention (a precision proxy: MEANTIME leaves many entities unannotated);
* within-article B-cubed over gold person/organisation/place mentions we also found, our
  ``resolve_article`` index (pronouns resolved) against the gold chain;
* cross-article B-cubed over those with a gold instance, our :class:`EntityRegistry` ids against it.

Run: ``python -m corroborate.eval.entities_eval [--data ../shared/data]``.
"""

from __future__ import annotations

import argparse
import json
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..extract.entities import MentionExpr, find_mentions
from ..extract.resolve import EntityRegistry, article_entities, resolve_article
from .bcubed import bcubed

_NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "!", "?", ")", "'s", "’s", "%"})
_TYPES = frozenset({"PER", "ORG", "LOC"})


@dataclass(frozen=True)
class GoldMention:
    start: int
    end: int
    type: str  # PER | ORG | LOC | PRO | FIN | MIX
    syntactic: str  # NAM | NOM | PRO | ...
    chain: str  # doc-local entity id
    instance: str | None  # cross-document instance id


@dataclass(frozen=True)
class EntityDoc:
    doc_id: str
    text: str
    mentions: tuple[GoldMention, ...]


def _text_with_offsets(root: ET.Element) -> tuple[str, dict[str, tuple[int, int]]]:
    """Our own plain text from the tokens (headline and dateline on lines of their own)."""
    parts: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    pos, last_sentence = 0, 0
    for tok in root.iter("token"):
        word, sentence = tok.text or "", int(tok.get("sentence", "0"))
        sep = "" if not parts else ("\n" if sentence != last_sentence and sentence <= 2 else " ")
        if sep == " " and word in _NO_SPACE_BEFORE:
            sep = ""
        parts.append(sep + word)
        pos += len(sep)
        offsets[tok.get("t_id", "")] = (pos, pos + len(word))
        pos += len(word)
        last_sentence = sentence
    return "".join(parts), offsets


def _chains(root: ET.Element) -> tuple[dict[str, str], dict[str, tuple[str, str | None]]]:
    """mention id -> entity id (REFERS_TO), entity id -> (type, cross-document instance)."""
    entities = {e.get("m_id", ""): (e.get("ent_type", ""), e.get("instance_id")) for e in root.iter("ENTITY")}
    links: dict[str, str] = {}
    for rel in root.iter("REFERS_TO"):
        target = rel.find("target")
        for src in rel.findall("source"):
            if target is not None and target.get("m_id") in entities:
                links[src.get("m_id", "")] = target.get("m_id", "")
    return links, entities


def read_doc(path: Path) -> EntityDoc:
    root = ET.parse(path).getroot()
    text, offsets = _text_with_offsets(root)
    links, entities = _chains(root)
    out = []
    for m in root.iter("ENTITY_MENTION"):
        anchors = [
            offsets[a.get("t_id", "")] for a in m.findall("token_anchor") if a.get("t_id", "") in offsets
        ]
        chain = links.get(m.get("m_id", ""))
        if not anchors or chain is None:
            continue
        etype, instance = entities[chain]
        out.append(
            GoldMention(anchors[0][0], anchors[-1][1], etype, m.get("syntactic_type", ""), chain, instance)
        )
    return EntityDoc(root.get("doc_id", path.stem), text, tuple(out))


def read_meantime(data_dir: Path) -> list[EntityDoc]:
    folder = data_dir / "meantime_en" / "intra_cross-doc_annotation"
    if not folder.exists():
        raise FileNotFoundError(f"skipped: MEANTIME not found at {folder}")
    return [read_doc(p) for p in sorted(folder.glob("corpus_*/*.xml"))]


def _match(g: GoldMention, ours: Sequence[MentionExpr]) -> int | None:
    """Our mention ending where the gold one ends (heads are last in English noun phrases)."""
    for k, m in enumerate(ours):
        if m.end == g.end and m.start < g.end and g.start < m.end:
            return k
    return None


def _is_name(m: MentionExpr) -> bool:
    return not (m.is_pronoun or m.is_description or m.is_demonym)


@dataclass
class _Tally:
    gold_names: int = 0
    found_names: int = 0
    our_names: int = 0
    our_hits: int = 0
    #: item -> cluster label, gold and ours, within articles and across them
    within: tuple[dict[str, str], dict[str, str]] = field(default_factory=lambda: ({}, {}))
    cross: tuple[dict[str, str], dict[str, str]] = field(default_factory=lambda: ({}, {}))


def _score_doc(doc: EntityDoc, registry: EntityRegistry, t: _Tally) -> None:
    ours = find_mentions(doc.text)
    ids = resolve_article(doc.text, ours, pronouns=True)
    eids = registry.link(article_entities(doc.text, ours, ids))
    names = [m for m in ours if _is_name(m)]
    t.our_names += len(names)
    t.our_hits += sum(any(g.start < m.end and m.start < g.end for g in doc.mentions) for m in names)
    for n, g in enumerate(doc.mentions):
        if g.type not in _TYPES:
            continue
        k = _match(g, ours)
        if g.syntactic == "NAM":
            t.gold_names += 1
            t.found_names += k is not None and _is_name(ours[k])
        if k is None or ids[k] < 0:
            continue
        key = f"{doc.doc_id}:{n}"
        t.within[0][key], t.within[1][key] = f"{doc.doc_id}:{g.chain}", f"{doc.doc_id}:{ids[k]}"
        if g.instance:
            t.cross[0][key], t.cross[1][key] = g.instance, eids[ids[k]]


def evaluate(docs: Sequence[EntityDoc]) -> dict[str, float | int]:
    """Detection and coreference figures over ``docs`` (one registry across all of them)."""
    t, registry = _Tally(), EntityRegistry()
    for doc in docs:
        _score_doc(doc, registry, t)
    out: dict[str, float | int] = {
        "docs": len(docs),
        "name_recall": round(t.found_names / max(t.gold_names, 1), 3),
        "name_precision_proxy": round(t.our_hits / max(t.our_names, 1), 3),
    }
    for label, (gold, ours) in (("within", t.within), ("cross", t.cross)):
        p, r, f1 = bcubed(gold, ours)
        out |= {
            f"{label}_bcubed_p": round(p, 3),
            f"{label}_bcubed_r": round(r, 3),
            f"{label}_bcubed_f1": round(f1, 3),
        }
        out[f"{label}_mentions"] = len(gold)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    ap.add_argument("--data", default="../shared/data")
    args = ap.parse_args(argv)
    try:
        docs = read_meantime(Path(args.data))
    except FileNotFoundError as exc:
        print(exc)
        return 0
    print(json.dumps(evaluate(docs), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
