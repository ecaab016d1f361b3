"""Readers for the claim-alignment evaluation: each article's text with the gold events of
every sentence, from NewsWCL50, MEANTIME and ECB+ under ``../shared/data``.

Unlike :mod:`corroborate.eval.corpora` (titles and bodies for story clustering), these keep
where every sentence lies in the rebuilt text, so a claim found by the pipeline can be
traced back to the gold sentences it covers. Gold events:

* NewsWCL50 -- coreference chains labelled ``*_EVENT`` or ``*_ACTION`` in NewsWCL50.conll;
  outlets come from the article URLs, dates from the URLs where they have one.
* MEANTIME -- event mentions linked by ``REFERS_TO`` to a cross-document ``EVENT`` instance;
  a story is a set of articles linked by shared instances (the topic folders span six years
  of one company's news, far wider than a story); each article counts as its own outlet.
* ECB+ -- ``CROSS_DOC_COREF`` chains over action markables; the story is the subtopic; only
  the sentences listed in ``ECBplus_coreference_sentences.csv`` were annotated, so only they
  are scored.
"""

from __future__ import annotations

import csv
import dataclasses
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from .corpora import ecbplus_gold, meantime_date, require, shared_components, url_dates

_NO_SPACE_BEFORE = frozenset([",", ".", ";", ":", "!", "?", "%", ")", "]", "}", "'s", "'re", "n't", "'ll", "'ve",
                              "'d", "'m", "''", "'"])  # fmt: skip
_NO_SPACE_AFTER = frozenset(["(", "[", "{", "$", "``", "#"])


@dataclass(frozen=True)
class EventDoc:
    """One article: its text (headline on the first line) and the gold events per sentence."""

    doc_id: str
    story: str
    outlet: str
    published: str | None
    text: str
    #: character extents of the corpus's sentences in ``text``
    sentences: tuple[tuple[int, int], ...]
    #: gold event ids of each sentence
    events: tuple[frozenset[str], ...]
    #: whether each sentence was annotated at all (ECB+ annotates a few per article)
    scored: tuple[bool, ...]


def join_tokens(lines: Sequence[Sequence[str]]) -> tuple[str, list[list[tuple[int, int]]]]:
    """Text from lines of tokens, spaced as prose, with each token's character extent.

    >>> text, spans = join_tokens([["Hi", ",", "well", "-", "met", "."], ["(", "ok", ")"]])
    >>> text, spans[1]
    ('Hi, well-met.\\n(ok)', [(14, 15), (15, 17), (17, 18)])
    """
    parts: list[str] = []
    pos, out = 0, []
    for n, line in enumerate(lines):
        if n:
            parts.append("\n")
            pos += 1
        spans, prev = [], None
        for tok in line:
            shown = '"' if tok in ("``", "''") else tok
            if (
                prev is not None
                and tok not in _NO_SPACE_BEFORE
                and prev not in _NO_SPACE_AFTER | {"-"}
                and tok != "-"
            ):
                parts.append(" ")
                pos += 1
            spans.append((pos, pos + len(shown)))
            parts.append(shown)
            pos += len(shown)
            prev = tok
        out.append(spans)
    return "".join(parts), out


def _sentence_extents(keys: Iterable[int], spans: Iterable[tuple[int, int]]) -> dict[int, tuple[int, int]]:
    found: dict[int, tuple[int, int]] = {}
    for key, (a, b) in zip(keys, spans, strict=True):
        lo, hi = found.get(key, (a, b))
        found[key] = (min(lo, a), max(hi, b))
    return found


# ---------------------------------------------------------------- NewsWCL50

_CHAIN = re.compile(r"[()\s]")


def _conll_rows(path: Path) -> dict[str, list[tuple[int, str, set[str]]]]:
    """doc_key -> (sentence, token, event chains on the token) rows."""
    docs: dict[str, list[tuple[int, str, set[str]]]] = defaultdict(list)
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            fields = line.rstrip("\n").split("\t")
            if line.startswith("#") or len(fields) < 4:
                continue
            labels = {_CHAIN.sub("", p) for p in (fields[4] if len(fields) > 4 else "").split("|")}
            chains = {x for x in labels if x.endswith(("_EVENT", "_ACTION"))}
            docs[fields[0]].append((int(fields[1]), fields[3], chains))
    return docs


def _outlets(path: Path) -> dict[str, str]:
    """``<event>_<outlet code>`` -> the outlet's web host."""
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return {f"{r['Event ID']}_{r['Outlet']}": urlparse(r["URL"]).netloc.removeprefix("www.") for r in rows}


def _lines(rows: list[tuple[int, str, set[str]]]) -> list[list[tuple[int, str, set[str]]]]:
    """Rows split into lines at the corpus's literal ``\\n`` tokens."""
    lines: list[list[tuple[int, str, set[str]]]] = [[]]
    for row in rows:
        if row[1].strip() == "\\n":
            lines.append([])
        else:
            lines[-1].append(row)
    return [line for line in lines if line]


def newswcl50_doc(doc_key: str, rows: list[tuple[int, str, set[str]]], outlets: dict[str, str],
                  dates: dict[str, str]) -> EventDoc:  # fmt: skip
    event, _, doc_id = doc_key.split("/")
    lines = _lines(rows)
    text, spans = join_tokens([[t for _, t, _ in line] for line in lines])
    flat = [r for line in lines for r in line]
    extents = _sentence_extents((s for s, _, _ in flat), (x for line in spans for x in line))
    events: dict[int, set[str]] = defaultdict(set)
    for s, _, chains in flat:
        events[s] |= chains
    order = sorted(extents)
    return EventDoc(doc_id, event, outlets.get(doc_id, doc_id.rpartition("_")[2]), dates.get(doc_id), text,
                    tuple(extents[s] for s in order), tuple(frozenset(events[s]) for s in order),
                    tuple(True for _ in order))  # fmt: skip


def read_newswcl50_events(data_dir: Path) -> list[EventDoc]:
    folder = data_dir / "newswcl50"
    rows = _conll_rows(require(folder / "NewsWCL50.conll", "NewsWCL50 NewsWCL50.conll"))
    dates = {k: d.isoformat() for k, d in url_dates(folder / "orig_urls.tsv").items()}
    outlets = _outlets(folder / "orig_urls.tsv")
    return [newswcl50_doc(k, rows[k], outlets, dates) for k in sorted(rows)]


# ---------------------------------------------------------------- token XML (MEANTIME, ECB+)


@dataclass(frozen=True)
class _XmlDoc:
    text: str
    #: sentence number -> extent, in text order
    extents: dict[int, tuple[int, int]]
    #: t_id -> sentence number
    sentence_of: dict[str, int]


def _xml_doc(root: ET.Element, skip: frozenset[int] = frozenset()) -> _XmlDoc:
    """Each sentence of a token-XML file on its own line (sentences in ``skip`` left out)."""
    by_sentence: dict[int, list[ET.Element]] = defaultdict(list)
    for tok in root.iter("token"):
        by_sentence[int(tok.get("sentence", "0"))].append(tok)
    order = [s for s in sorted(by_sentence) if s not in skip]
    text, spans = join_tokens([[t.text or "" for t in by_sentence[s]] for s in order])
    extents = {s: (sp[0][0], sp[-1][1]) for s, sp in zip(order, spans, strict=True) if sp}
    sentence_of = {t.get("t_id", ""): s for s, toks in by_sentence.items() for t in toks}
    return _XmlDoc(text, extents, sentence_of)


def _mention_sentences(
    root: ET.Element, sentence_of: dict[str, int], tags: Iterable[str]
) -> dict[str, set[int]]:
    """m_id -> sentences of the markables with one of ``tags``."""
    out: dict[str, set[int]] = {}
    for tag in tags:
        for m in root.iter(tag):
            anchors = {sentence_of.get(a.get("t_id", ""), -1) for a in m.iter("token_anchor")}
            out[m.get("m_id", "")] = anchors - {-1}
    return out


def _event_doc(doc_id: str, story: str, outlet: str, published: str | None, doc: _XmlDoc,
               events: dict[int, set[str]], scored: set[int] | None) -> EventDoc:  # fmt: skip
    order = list(doc.extents)
    return EventDoc(doc_id, story, outlet, published, doc.text, tuple(doc.extents[s] for s in order),
                    tuple(frozenset(events.get(s, ())) for s in order),
                    tuple(scored is None or s in scored for s in order))  # fmt: skip


def meantime_doc(path: Path) -> EventDoc:
    root = ET.parse(path).getroot()
    doc = _xml_doc(root)
    mentions = _mention_sentences(root, doc.sentence_of, ["EVENT_MENTION"])
    instance = {e.get("m_id"): e.get("instance_id") for e in root.iter("EVENT") if e.get("instance_id")}
    events: dict[int, set[str]] = defaultdict(set)
    for link in root.iter("REFERS_TO"):
        target = link.find("target")
        inst = instance.get(target.get("m_id") if target is not None else None)
        for source in link.findall("source") if inst else ():
            for s in mentions.get(source.get("m_id", ""), ()):
                events[s].add(str(inst))
    doc_id = root.get("doc_id") or path.stem
    lines = doc.text.split("\n")
    date = meantime_date(root, lines[1] if len(lines) > 1 else "")
    topic = path.parent.name.removeprefix("corpus_")
    return _event_doc(
        doc_id, topic, f"wikinews-{doc_id}", date.isoformat() if date else None, doc, events, None
    )


def read_meantime_events(data_dir: Path) -> list[EventDoc]:
    """MEANTIME articles, each story a set of articles linked by shared event instances."""
    root = require(data_dir / "meantime_en" / "intra_cross-doc_annotation", "MEANTIME")
    docs = [meantime_doc(p) for p in sorted(root.glob("corpus_*/*.xml"))]
    story = shared_components({d.doc_id: set().union(*d.events) for d in docs})
    return [dataclasses.replace(d, story=story[d.doc_id]) for d in docs]


_ACTION_TAGS = ("ACTION_OCCURRENCE", "ACTION_PERCEPTION", "ACTION_REPORTING", "ACTION_ASPECTUAL", "ACTION_STATE",
                "ACTION_CAUSATIVE", "ACTION_GENERIC", "NEG_ACTION_OCCURRENCE", "NEG_ACTION_PERCEPTION",
                "NEG_ACTION_REPORTING", "NEG_ACTION_ASPECTUAL", "NEG_ACTION_STATE", "NEG_ACTION_CAUSATIVE",
                "NEG_ACTION_GENERIC")  # fmt: skip


def _ecb_scored(data_dir: Path) -> dict[str, set[int]]:
    """doc_id -> the sentence numbers ECB+ annotated."""
    path = require(data_dir / "ecbplus" / "ECBplus_coreference_sentences.csv", "ECB+ coreference sentences")
    out: dict[str, set[int]] = defaultdict(set)
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            out[f"{row['Topic']}_{row['File']}"].add(int(row["Sentence Number"]))
    return out


def ecbplus_doc(path: Path, doc_id: str, story: str, scored: set[int]) -> EventDoc:
    """One ECB+ file; an ``ecbplus`` file's first sentence is its URL and is left out."""
    root = ET.parse(path).getroot()
    skip = frozenset({0}) if doc_id.endswith("ecbplus") else frozenset()
    doc = _xml_doc(root, skip)
    mentions = _mention_sentences(root, doc.sentence_of, _ACTION_TAGS)
    events: dict[int, set[str]] = defaultdict(set)
    for link in root.iter("CROSS_DOC_COREF"):
        chain = link.get("note", "")
        for source in link.findall("source"):
            for s in mentions.get(source.get("m_id", ""), ()):
                events[s].add(chain)
    return _event_doc(doc_id, story, doc_id, None, doc, events, scored)


def read_ecbplus_events(data_dir: Path, split: str = "train") -> list[EventDoc]:
    gold = ecbplus_gold(data_dir, split)
    scored = _ecb_scored(data_dir)
    root = require(data_dir / "ecbplus" / "ECBplus_xml", "ECB+ ECBplus_xml")
    docs = []
    for doc_id, (topic, subtopic) in sorted(gold.items()):
        path = root / topic / f"{doc_id}.xml"
        if path.exists():
            docs.append(ecbplus_doc(path, doc_id, subtopic, scored.get(doc_id, set())))
    return docs


def read_event_docs(corpus: str, data_dir: Path, split: str = "train") -> list[EventDoc]:
    """The documents of one corpus: ``newswcl50``, ``meantime`` or ``ecbplus`` (a split)."""
    require(data_dir, "evaluation data folder")
    if corpus == "newswcl50":
        return read_newswcl50_events(data_dir)
    if corpus == "meantime":
        return read_meantime_events(data_dir)
    if corpus == "ecbplus":
        return read_ecbplus_events(data_dir, split)
    raise ValueError(f"unknown corpus {corpus!r}; expected newswcl50, meantime or ecbplus")
