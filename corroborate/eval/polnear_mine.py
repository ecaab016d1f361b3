"""Mines the cue lexicon (``corroborate/data/lexicons/cues.tsv``) from PolNeAR train.

Two passes, both on the train split only:

1. candidates: cue head words (and head + particle, "called for") annotated at
   least :data:`MIN_GOLD` times and annotated in at least :data:`MIN_RATE` of
   their occurrences outside quotation marks;
2. the extractor runs with every candidate; a form is kept when at least
   :data:`MIN_MATCHED` of its attributions matched gold and their precision is at
   least :data:`MIN_PRECISION` (a class of output helps F1 when its precision
   exceeds half the F1, so this keeps forms that pay their way).

Forms in :data:`~corroborate.extract.speech_verbs.CORE_CUES` are always kept.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from ..extract.quotemarks import find_quotations
from ..extract.quotes import attributions_with
from ..extract.speech_verbs import CORE_CUES, LEXICON_PATH, CueLexicon, head_form
from .polnear import as_gold
from .polnear_metrics import attribution_pairs
from .polnear_reader import GoldArticle, load_split

MIN_GOLD = 3
MIN_RATE = 0.08
MIN_MATCHED = 2
MIN_PRECISION = 0.35
MAX_OBJECT_WORDS = 4
OBJECT_SHARE = 0.5


def gold_counts(articles: Sequence[GoldArticle]) -> Counter[str]:
    """How often each head form was annotated as a cue."""
    counts: Counter[str] = Counter()
    for art in articles:
        for g in art.attributions:
            if g.cue:
                key = head_form(" ".join(art.text[a:b] for a, b in g.cue))
                if key and key[0].isalpha():
                    counts[key] += 1
    return counts


def object_forms(articles: Sequence[GoldArticle]) -> set[str]:
    """Forms whose annotated content after them is mostly a short noun phrase ("endorsed Cruz")."""
    short: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for art in articles:
        for g in art.attributions:
            if g.cue and g.content[0][0] > g.cue[-1][1]:
                key = head_form(" ".join(art.text[a:b] for a, b in g.cue))
                total[key] += 1
                short[key] += len(" ".join(art.text[a:b] for a, b in g.content).split()) <= MAX_OBJECT_WORDS
    return {f for f, n in total.items() if n >= MIN_GOLD * 2 and short[f] >= OBJECT_SHARE * n}


def text_counts(articles: Sequence[GoldArticle], forms: set[str]) -> Counter[str]:
    """How often each form occurs outside quotation marks."""
    lexicon = CueLexicon(forms)
    counts: Counter[str] = Counter()
    for art in articles:
        spans = [(p.start, p.end) for q in find_quotations(art.text) for p in q.pieces]
        for m in lexicon.find(art.text, 0, len(art.text)):
            if not any(a <= m.start < b for a, b in spans):
                counts[m.form] += 1
    return counts


def system_counts(
    articles: Sequence[GoldArticle], forms: set[str], objects: set[str]
) -> tuple[Counter[str], Counter[str]]:
    """Per form: attributions the extractor made with it, and how many matched gold."""
    lexicon = CueLexicon(forms, objects)
    found: Counter[str] = Counter()
    matched: Counter[str] = Counter()
    for art in articles:
        system = [as_gold(a) for a in attributions_with(art.text, lexicon)]
        hits = {j for _, j in attribution_pairs(art.attributions, system)}
        for j, s in enumerate(system):
            key = head_form(" ".join(art.text[a:b] for a, b in s.cue))
            found[key] += 1
            matched[key] += j in hits
    return found, matched


def candidates(gold: Counter[str], text: Counter[str]) -> set[str]:
    """Forms frequent enough as cues, and cues often enough when they occur. "said on" /
    "said of" are left out: the annotators' cue sometimes took in the preposition after a
    plain speech verb, but the verb alone is the cue."""
    frequent = {f for f, n in gold.items() if n >= MIN_GOLD and n >= MIN_RATE * max(text[f], 1)}
    return {f for f in frequent if f.split("_")[0] not in _PLAIN or "_" not in f} | set(CORE_CUES)


_PLAIN = frozenset(["said", "says", "say", "saying", "told", "tells", "wrote", "writes", "added", "adds"])


def mine_cues(data_dir: str | Path, out: Path = LEXICON_PATH) -> str:
    """Rebuild the lexicon file; returns a one-line summary."""
    articles = load_split(data_dir, "train")
    gold = gold_counts(articles)
    text = text_counts(articles, set(gold) | set(CORE_CUES))
    forms = candidates(gold, text)
    objects = object_forms(articles) & forms
    found, matched = system_counts(articles, forms, objects)
    rows = []
    for f in sorted(forms, key=lambda f: (-gold[f], f)):
        keep = f in CORE_CUES or (matched[f] >= MIN_MATCHED and matched[f] >= MIN_PRECISION * found[f])
        rows.append(f"{f}\t{gold[f]}\t{text[f]}\t{found[f]}\t{matched[f]}\t{int(keep)}\t{int(f in objects)}")
    header = (
        "# Attribution cue forms mined from PolNeAR train: python -m corroborate.eval.polnear --mine-cues\n"
        "# gold: annotated as a cue head; text: occurrences outside quotes; found/matched: extractor output\n"
        "# with this cue / of it matching gold (content+speaker); keep: used by the extractor;\n"
        '# object: the content is mostly a short noun phrase after the cue ("endorsed Cruz").\n'
        "form\tgold\ttext\tfound\tmatched\tkeep\tobject"
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    kept = sum(r.split("\t")[5] == "1" for r in rows)
    return f"wrote {out}: {kept} of {len(rows)} candidate forms kept"
