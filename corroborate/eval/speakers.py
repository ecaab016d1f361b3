"""Speaker resolution measured on MEANTIME (English Wikinews, ``../shared/data/meantime_en``).

Gold: every ``SPEECH_COGNITIVE`` event mention (its ``EVENT`` chain's class) with a
``HAS_PARTICIPANT`` of role ``Arg0`` (the speaker).  The gold speaker is the entity the
Arg0 mention ``REFERS_TO`` (its cross-document ``instance_id`` when present), else the
Arg0 mention alone.

System: each article's tokens are joined into plain text (headline and dateline on lines
of their own, as the other MEANTIME readers do) and run through the real pipeline
(:func:`corroborate.pipeline.run_stages`).  Everything is compared in raw offsets, so the
cleaner may drop the title line.  An event is *found* when one of our quotes has a cue
overlapping the event mention (else, failing that, a cue-less quote whose content does).
It is *correct* when the quote's ``speaker_entity`` has a mention overlapping an
informative mention of the gold entity: a name if the gold entity has one, else a
non-pronoun, else any.  (The *lenient* figure accepts any gold mention, including the
Arg0 itself: it cannot tell whether "he" was resolved to the right person.)  Figures are
broken down by the Arg0's mention type, for events that introduce a quotation or a
that-clause (many SPEECH_COGNITIVE events are "expects", "decided" or nouns, which a quote
extractor is not meant to find), and for "I"/"we" inside quotation marks.  A wrong
verdict names the stage at fault: quote detection, source span or entity resolution.

MEANTIME has no train/dev split: all 60 articles are read.  This is a measurement, not a
tuning set.  Run ``python -m corroborate.eval.speakers [--data DIR] [--errors N]`` or
``corroborate eval speakers --corpus meantime``.
"""

from __future__ import annotations

import argparse
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..model import Article, Mention, Quote, RawDocument, SourceMeta
from ..pipeline import run_stages
from ..settings import Settings
from .corpora import DEFAULT_DATA_DIR, CorpusNotFound, detokenize, meantime_date

Extent = tuple[int, int]
_TYPES = {"NAM": "name", "PRE.NAM": "name", "PRO": "pronoun", "NOM": "nominal", "PRE.NOM": "nominal"}
_AFTER = re.compile(r'\s*,?\s*(["“:]|that\b)')
_BEFORE = re.compile(r'["”]\s*$')
_FIRST_PERSON = frozenset({"i", "we", "me", "us"})
_PRONOUNS = _FIRST_PERSON | {"you", "he", "she", "it", "they", "him", "her", "them", "his", "its", "their", "our"}  # fmt: skip


@dataclass(frozen=True, order=True)
class GoldMention:
    """One gold entity mention, in raw offsets."""

    start: int
    end: int
    text: str
    kind: str  # entity mentions: name | nominal | pronoun | other; event mentions: the predicate


@dataclass(frozen=True)
class GoldSpeech:
    """One speech event with its gold speaker."""

    doc_id: str
    event: GoldMention  # the event mention ("said"); ``kind`` holds its predicate
    arg0: GoldMention
    entity: tuple[GoldMention, ...]  # every mention of the gold speaker entity
    in_quote: bool = False  # the Arg0 stands inside quotation marks
    framed: bool = False  # the event introduces a quotation or a that-clause (see :func:`frames_content`)

    @property
    def first_person_in_quote(self) -> bool:
        return self.in_quote and self.arg0.text.lower() in _FIRST_PERSON


@dataclass(frozen=True)
class SpeechDoc:
    doc_id: str
    title: str
    published: str | None
    text: str
    events: tuple[GoldSpeech, ...]


@dataclass(frozen=True)
class Judged:
    """The verdict on one gold event; ``stage`` names the stage at fault when wrong."""

    gold: GoldSpeech
    found: bool
    correct: bool
    lenient: bool
    stage: str = ""
    system: str = ""


# ---------------------------------------------------------------- reading the gold


def join_tokens(tokens: Iterable[tuple[str, str, int]]) -> tuple[str, dict[str, Extent]]:
    """Text from (token id, word, sentence) with each token's extent.

    Headline and dateline (sentences 0 and 1) get lines of their own; spacing and
    quote marks follow :func:`corpora.detokenize` (````We`` -> ``"We``).
    """
    text, offsets = "", {}
    prev, last = "", -1
    for tid, word, sentence in tokens:
        shown = detokenize([word]) or word
        if not text:
            sep = ""
        elif sentence != last and sentence <= 2:
            sep = "\n"
        else:
            sep = " " if " " in detokenize([prev, word]) else ""
        offsets[tid] = (len(text) + len(sep), len(text) + len(sep) + len(shown))
        text += sep + shown
        prev, last = word, sentence
    return text, offsets


def inside_quotes(text: str, pos: int) -> bool:
    """Whether ``pos`` lies between quotation marks on its line."""
    line = text[text.rfind("\n", 0, pos) + 1 : pos]
    return line.count('"') % 2 == 1 or line.count("“") > line.count("”")


def mention_kind(syntactic: str, text: str) -> str:
    """name, nominal, pronoun or other (appositions, conjunctions).

    About a third of the mentions have a blank type; those are mostly pronouns, noun
    phrases and appositions, so a blank one is never taken for a name.
    """
    if syntactic:
        return _TYPES.get(syntactic, "other")
    if text.lower() in _PRONOUNS:
        return "pronoun"
    return "other" if "," in text else "nominal"


def frames_content(text: str, start: int, end: int) -> bool:
    """Whether the words at ``start:end`` introduce reported content.

    Followed by a quotation mark, a colon or "that", or just after a closing quotation:
    a rough mark of the events a quote extractor can be asked to find.
    """
    return bool(_AFTER.match(text, end)) or bool(_BEFORE.search(text[max(0, start - 4) : start]))


def _mentions(root: ET.Element, text: str, offsets: dict[str, Extent]) -> dict[str, GoldMention]:
    """m_id -> entity and event mentions; an event mention's ``kind`` is its predicate."""
    out = {}
    for m in [*root.iter("ENTITY_MENTION"), *root.iter("EVENT_MENTION")]:
        spans = [offsets[a.get("t_id", "")] for a in m.iter("token_anchor") if a.get("t_id", "") in offsets]
        if spans:
            words = text[spans[0][0] : spans[-1][1]]
            kind = (
                m.get("pred", "")
                if m.tag == "EVENT_MENTION"
                else mention_kind(m.get("syntactic_type", ""), words)
            )
            out[m.get("m_id", "")] = GoldMention(spans[0][0], spans[-1][1], words, kind)
    return out


def _refers_to(root: ET.Element) -> dict[str, str]:
    """mention m_id -> the m_id of the ENTITY or EVENT it refers to."""
    links = {}
    for rel in root.iter("REFERS_TO"):
        target = rel.find("target")
        for src in rel.findall("source"):
            links[src.get("m_id", "")] = target.get("m_id", "") if target is not None else ""
    return links


def _speech_arg0s(root: ET.Element, links: dict[str, str]) -> list[tuple[str, str]]:
    """(event mention, Arg0 entity mention) pairs of SPEECH_COGNITIVE events."""
    speech = {e.get("m_id") for e in root.iter("EVENT") if e.get("class") == "SPEECH_COGNITIVE"}
    pairs = []
    for rel in root.iter("HAS_PARTICIPANT"):
        ends = {x.tag: x.get("m_id", "") for x in rel}
        if rel.get("sem_role") == "Arg0" and links.get(ends.get("source", "")) in speech:
            pairs.append((ends.get("source", ""), ends.get("target", "")))
    return pairs


def _gold_events(doc_id: str, root: ET.Element, text: str, offsets: dict[str, Extent]) -> list[GoldSpeech]:
    """The doc's speech events with an Arg0, each with every mention of the speaker entity."""
    links, mentions = _refers_to(root), _mentions(root, text, offsets)
    instance = {e.get("m_id", ""): e.get("instance_id", "") or e.get("m_id", "") for e in root.iter("ENTITY")}
    keys = {m: instance[t] for m, t in links.items() if t in instance}  # mention -> entity
    out = []
    for ev, arg in _speech_arg0s(root, links):
        if ev not in mentions or arg not in mentions:
            continue
        same = {arg} | ({m for m, k in keys.items() if k == keys[arg]} if arg in keys else set())
        entity = tuple(sorted(mentions[m] for m in same if m in mentions))
        event, a0 = mentions[ev], mentions[arg]
        out.append(GoldSpeech(doc_id, event, a0, entity, inside_quotes(text, a0.start),
                              frames_content(text, event.start, event.end)))  # fmt: skip
    return out


def read_doc(path: Path) -> SpeechDoc:
    """One MEANTIME file: our text, its headline and date, and its gold speech events."""
    root = ET.parse(path).getroot()
    tokens = [(t.get("t_id", ""), t.text or "", int(t.get("sentence", "0"))) for t in root.iter("token")]
    text, offsets = join_tokens(tokens)
    lines = text.split("\n")
    date = meantime_date(root, lines[1] if len(lines) > 1 else "")
    doc_id = root.get("doc_id") or path.stem
    events = _gold_events(doc_id, root, text, offsets)
    return SpeechDoc(doc_id, lines[0], date.isoformat() if date else None, text, tuple(events))


def read_corpus(data_dir: str | Path = DEFAULT_DATA_DIR) -> list[SpeechDoc]:
    """All 60 articles (there is no split); :class:`CorpusNotFound` when absent."""
    folder = Path(data_dir) / "meantime_en"
    files = sorted((folder / "intra_cross-doc_annotation").glob("corpus_*/*.xml"))
    if not files:
        raise CorpusNotFound(f"skipped: {folder} not found")
    return [read_doc(p) for p in files]


# ---------------------------------------------------------------- matching and scoring


def overlaps(a: Extent, b: Extent) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def match_quote(event: Extent, quotes: Sequence[Quote]) -> Quote | None:
    """Our quote for a gold event: a cue overlapping it, else a cue-less quote whose content does."""
    for q in quotes:
        if q.cue is not None and overlaps(event, (q.cue.raw_start, q.cue.raw_end)):
            return q
    for q in quotes:
        if q.cue is None and overlaps(event, (q.content.raw_start, q.content.raw_end)):
            return q
    return None


def informative(entity: Sequence[GoldMention]) -> list[GoldMention]:
    """The gold mentions that show who the speaker is: names, else non-pronouns, else all."""
    names = [m for m in entity if m.kind == "name"]
    return names or [m for m in entity if m.kind != "pronoun"] or list(entity)


def speaker_hits(entity_no: int | None, mentions: Sequence[Mention], gold: Sequence[GoldMention]) -> bool:
    """Whether our entity ``entity_no`` has a mention overlapping one of ``gold``."""
    if entity_no is None:
        return False
    ours = [(m.span.raw_start, m.span.raw_end) for m in mentions if m.entity == entity_no]
    return any(overlaps(o, (g.start, g.end)) for o in ours for g in gold)


def fault(gold: GoldSpeech, quote: Quote | None) -> str:
    """The stage to blame for a wrong speaker."""
    if quote is None:
        return "quote detection: no quote at this cue"
    if quote.speaker is None:
        return "source span: quote without a source"
    source = (quote.speaker.raw_start, quote.speaker.raw_end)
    if not overlaps(source, (gold.arg0.start, gold.arg0.end)):
        return "source span: another phrase taken as the source"
    named = [m for m in informative(gold.entity) if gold.arg0.start <= m.start and m.end <= gold.arg0.end]
    if named and not any(overlaps(source, (m.start, m.end)) for m in named):
        return "source span: part of the source, without the name in it"
    if quote.speaker_entity is None:
        return "entity resolution: source not linked to an entity"
    if named:
        return "entity resolution: source names the speaker, another mention chosen"
    return "entity resolution: source resolved to the wrong antecedent"


def judge(gold: GoldSpeech, quotes: Sequence[Quote], mentions: Sequence[Mention]) -> Judged:
    """Score one gold event against an article's quotes and entity mentions."""
    quote = match_quote((gold.event.start, gold.event.end), quotes)
    entity_no = quote.speaker_entity if quote else None
    correct = speaker_hits(entity_no, mentions, informative(gold.entity))
    lenient = speaker_hits(entity_no, mentions, gold.entity)
    system = f"source={quote.speaker.text if quote.speaker else None!r}" if quote else ""
    stage = "" if correct else fault(gold, quote)
    return Judged(gold, quote is not None, correct, lenient, stage, system)


def judge_doc(doc: SpeechDoc, settings: Settings | None = None) -> tuple[Article, list[Judged]]:
    """Run the pipeline on one article and judge each of its gold events."""
    meta = SourceMeta(title=doc.title, published=doc.published)
    article = run_stages(RawDocument(doc.doc_id, doc.text, "text", meta=meta), settings or Settings())
    ex = article.extraction
    return article, [judge(g, ex.quotes, ex.mentions) for g in doc.events]


def _rates(items: Sequence[Judged]) -> dict[str, float | int]:
    n, found = len(items), sum(j.found for j in items)
    correct = sum(j.correct for j in items)
    return {
        "events": n,
        "found": found,
        "correct": correct,
        "accuracy": round(correct / n, 3) if n else 0.0,
        "accuracy_found": round(correct / found, 3) if found else 0.0,
        "accuracy_lenient": round(sum(j.lenient for j in items) / n, 3) if n else 0.0,
    }


def score(judged: Sequence[Judged]) -> dict[str, Any]:
    """Overall figures, the breakdown by Arg0 mention type, and error stages."""
    by_type: dict[str, list[Judged]] = {}
    for j in judged:
        by_type.setdefault(j.gold.arg0.kind, []).append(j)
    return _rates(judged) | {
        "by_arg0_type": {k: _rates(v) for k, v in sorted(by_type.items())},
        "framed": _rates([j for j in judged if j.gold.framed]),
        "first_person_in_quote": _rates([j for j in judged if j.gold.first_person_in_quote]),
        "errors_by_stage": dict(Counter(j.stage for j in judged if not j.correct).most_common()),
    }


def run(data_dir: str | Path = DEFAULT_DATA_DIR) -> tuple[dict[str, Any], list[tuple[Article, Judged]]]:
    """Metrics plus every verdict with its article (for error listings)."""
    docs = read_corpus(data_dir)
    pairs = []
    for doc in docs:
        article, verdicts = judge_doc(doc)
        pairs += [(article, j) for j in verdicts]
    return {"docs": len(docs)} | score([j for _, j in pairs]), pairs


def evaluate_speakers(data_dir: str | Path = DEFAULT_DATA_DIR) -> dict[str, Any]:
    """Speaker accuracy on all of MEANTIME (see the module docstring)."""
    return run(data_dir)[0]


# ---------------------------------------------------------------- reports


def _line(label: str, r: dict[str, Any]) -> str:
    return (f"{label:<22} {r['events']:>4} {r['found']:>6} {r['correct']:>8} {100 * r['accuracy']:>8.1f}"
            f" {100 * r['accuracy_found']:>9.1f} {100 * r['accuracy_lenient']:>8.1f}")  # fmt: skip


def format_report(metrics: dict[str, Any]) -> str:
    """A plain-text table of :func:`evaluate_speakers`'s figures."""
    rows = [
        f"MEANTIME speakers ({metrics['docs']} articles, no split: a measurement, not a tuning set)",
        f"{'':<22} {'gold':>4} {'found':>6} {'correct':>8} {'acc %':>8} {'acc|found':>9} {'lenient':>8}",
        _line("all", metrics),
    ]
    rows += [_line(f"  Arg0 {k}", v) for k, v in metrics["by_arg0_type"].items()]
    rows.append(_line("  quote/that/colon next", metrics["framed"]))
    rows.append(_line("  I/we inside quotes", metrics["first_person_in_quote"]))
    rows.append("errors by stage:")
    rows += [f"  {n:>4}  {stage}" for stage, n in metrics["errors_by_stage"].items()]
    return "\n".join(rows)


def describe(article: Article, j: Judged) -> str:
    """One wrong verdict, for the terminal."""
    g, text = j.gold, article.raw_text
    ctx = text[max(0, g.event.start - 90) : g.event.end + 60].replace("\n", " | ")
    names = ", ".join(sorted({m.text for m in informative(g.entity)}))
    quote = match_quote((g.event.start, g.event.end), article.extraction.quotes)
    if quote is not None and quote.speaker_entity is not None:
        names += f" ours={article.extraction.entities[quote.speaker_entity].name!r}"
    return (f"[{j.stage}] {g.doc_id} event={g.event.text!r} arg0={g.arg0.text!r} ({g.arg0.kind}) "
            f"gold={names!r} ours: {j.system or '-'}\n    ...{ctx}...")  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Speaker accuracy on MEANTIME speech events.")
    ap.add_argument("--data", default=DEFAULT_DATA_DIR)
    ap.add_argument("--errors", type=int, default=0, metavar="N", help="print N wrong verdicts")
    args = ap.parse_args(argv)
    try:
        metrics, pairs = run(args.data)
    except CorpusNotFound as exc:
        print(exc)
        return 0
    print(format_report(metrics))
    for article, j in [p for p in pairs if not p[1].correct][: args.errors]:
        print(describe(article, j))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
