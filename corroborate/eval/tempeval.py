"""TempEval-3 harness: read the TimeML training corpus, run :func:`find_times`, score it.

The corpus lives outside the repository (``../shared/data/tempeval3``: the
TimeBank and AQUAINT folders of TBAQ-cleaned) and is read at evaluation time
only. Each ``.tml`` file gives the document creation time in ``<DCT>`` and the
text inside ``<TEXT>`` with inline ``TIMEX3`` elements; the plain text is the
concatenation of everything inside ``<TEXT>``, and gold spans are character
offsets into it. The DCT timex sits outside ``<TEXT>`` and is never scored.

Split (deterministic, for tuning without peeking): all ``.tml`` files of both
folders sorted by file name; every 5th one (positions 4, 9, 14, ... counting
from 0) is ``dev``, the rest ``train``.

Usage::

    python -m corroborate.eval.tempeval [--split all|train|dev] [--data DIR] [--errors N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import DataNotFound
from ..extract.base import TimeExpr
from ..extract.times import find_times
from .timex_metrics import match, score_documents

SPLITS = ("all", "train", "dev")
Extractor = Callable[[str, dt.date | None], list[TimeExpr]]


#: One exception for absent evaluation data across harnesses.
DataMissing = DataNotFound


@dataclass(frozen=True)
class TimeMLDoc:
    name: str
    text: str
    dct: dt.date | None
    gold: tuple[TimeExpr, ...]


def corpus_dir(data_dir: str | Path) -> Path:
    """The tempeval3 folder under ``data_dir``, or :class:`DataMissing`."""
    root = Path(data_dir) / "tempeval3"
    if not root.is_dir():
        raise DataMissing(f"{root} not found")
    return root


def parse_date(value: str | None) -> dt.date | None:
    """The calendar date at the start of a TIMEX3 value, if any.

    >>> parse_date("1998-02-13T14:26:00")
    datetime.date(1998, 2, 13)
    >>> parse_date("PRESENT_REF") is None
    True
    """
    try:
        return dt.date.fromisoformat((value or "")[:10])
    except ValueError:
        return None


def _walk(el: ET.Element, parts: list[str], gold: list[TimeExpr]) -> None:
    """Append ``el``'s text to ``parts``, recording each TIMEX3's span on the way."""
    start = sum(map(len, parts))
    parts.append(el.text or "")
    for child in el:
        _walk(child, parts, gold)
        parts.append(child.tail or "")
    if el.tag == "TIMEX3" and el.get("functionInDocument") != "CREATION_TIME":
        end = start + len("".join(el.itertext()))
        gold.append(TimeExpr(start, end, el.get("type", ""), el.get("value", "")))


def parse_tml(path: Path) -> TimeMLDoc:
    """Plain text, gold timexes and creation date of one TimeML file."""
    root = ET.parse(path).getroot()
    dct_el = root.find("DCT/TIMEX3")
    text_el = root.find("TEXT")
    parts: list[str] = []
    gold: list[TimeExpr] = []
    if text_el is not None:
        parts.append(text_el.text or "")
        for child in text_el:
            _walk(child, parts, gold)
            parts.append(child.tail or "")
    dct = parse_date(dct_el.get("value")) if dct_el is not None else None
    return TimeMLDoc(path.stem, "".join(parts), dct, tuple(gold))


def in_split(index: int, split: str) -> bool:
    """Whether the document at ``index`` (in file-name order) belongs to ``split``.

    >>> [i for i in range(10) if in_split(i, "dev")]
    [4, 9]
    """
    if split not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS}, not {split!r}")
    is_dev = index % 5 == 4
    return split == "all" or (split == "dev") == is_dev


def load_documents(data_dir: str | Path = "../shared/data", split: str = "all") -> list[TimeMLDoc]:
    """The corpus documents of ``split``, in file-name order."""
    files = sorted(corpus_dir(data_dir).rglob("*.tml"), key=lambda p: p.name)
    if not files:
        raise DataMissing(f"no .tml files under {corpus_dir(data_dir)}")
    return [parse_tml(p) for i, p in enumerate(files) if in_split(i, split)]


def run(docs: Sequence[TimeMLDoc], extractor: Extractor = find_times) -> list[list[TimeExpr]]:
    """System output per document, anchored on each document's creation date."""
    return [extractor(d.text, d.dct) for d in docs]


def evaluate_times(
    data_dir: str = "../shared/data", split: str = "all", extractor: Extractor = find_times
) -> dict[str, float]:
    """Scores of ``extractor`` on ``split``; raises :class:`DataMissing` without the corpus."""
    docs = load_documents(data_dir, split)
    started = time.perf_counter()
    output = run(docs, extractor)
    seconds = time.perf_counter() - started
    metrics = score_documents(zip((d.gold for d in docs), output, strict=True))
    metrics["documents"] = float(len(docs))
    metrics["ms_per_document"] = 1000.0 * seconds / max(1, len(docs))
    return metrics


def format_report(metrics: dict[str, float]) -> str:
    """A small table of the figures :func:`evaluate_times` returns."""
    lines = [
        f"TempEval-3 timexes: {metrics['documents']:.0f} documents, "
        f"{metrics['gold']:.0f} gold, {metrics['system']:.0f} system, "
        f"{metrics['ms_per_document']:.2f} ms/document",
        f"{'':16}{'P':>7}{'R':>7}{'F1':>7}",
    ]
    for name in ("relaxed", "strict", "type", "value"):
        p, r, f = (metrics[f"{name}_{k}"] for k in ("p", "r", "f1"))
        lines.append(
            f"{name + ' extent' if name in ('relaxed', 'strict') else name:16}{p:7.1f}{r:7.1f}{f:7.1f}"
        )
    lines.append(
        f"type accuracy {metrics['type_accuracy']:.1f}, value accuracy {metrics['value_accuracy']:.1f}"
    )
    return "\n".join(lines)


def _context(text: str, t: TimeExpr, width: int = 50) -> str:
    left = text[max(0, t.start - width) : t.start].replace("\n", " ")
    right = text[t.end : t.end + width].replace("\n", " ")
    return f"...{left}[{text[t.start : t.end]}]{right}..."


def errors(doc: TimeMLDoc, system: Sequence[TimeExpr]) -> Iterator[str]:
    """Human-readable mistakes in one document: wrong values, misses, spurious timexes."""
    pairs = match(doc.gold, system)
    matched_gold = {id(g) for g, _ in pairs}
    matched_system = {id(s) for _, s in pairs}
    for g, s in pairs:
        if g.value != s.value or g.type != s.type:
            yield f"{doc.name} {doc.dct} VALUE gold {g.type} {g.value} sys {s.type} {s.value}: {_context(doc.text, s)}"
    for g in doc.gold:
        if id(g) not in matched_gold:
            yield f"{doc.name} {doc.dct} MISSED {g.type} {g.value}: {_context(doc.text, g)}"
    for s in system:
        if id(s) not in matched_system:
            yield f"{doc.name} {doc.dct} SPURIOUS {s.type} {s.value}: {_context(doc.text, s)}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m corroborate.eval.tempeval", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--split", choices=SPLITS, default="all")
    parser.add_argument("--data", default="../shared/data", help="folder holding tempeval3/")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="print N error examples")
    args = parser.parse_args(argv)
    try:
        print(format_report(evaluate_times(args.data, args.split)))
        if args.errors:
            docs = load_documents(args.data, args.split)
            found = [e for d, out in zip(docs, run(docs), strict=True) for e in errors(d, out)]
            print("\n".join(found[: args.errors]))
    except DataMissing:
        print(f"skipped: {Path(args.data) / 'tempeval3'} not found")
    return 0


if __name__ == "__main__":
    sys.exit(main())
