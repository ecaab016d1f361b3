"""Reads PolNeAR (brat standoff attribution annotations) from ``../shared/data/polnear``.

Layout: ``polnear/data/<split>/text/<article>.txt`` beside
``polnear/data/<split>/attributions/<article>_<annotator>.ann``. Some articles
were annotated by several people; we keep the annotator whose id sorts first,
so that every run scores against the same gold.

Each ``E`` line links one attribution's Source, Cue and Content; spans may be
discontinuous (``start end;start end``), e.g. a quote split by "he said".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import DataNotFound

#: Character ranges of one annotated span (several when discontinuous).
Frags = tuple[tuple[int, int], ...]

_ANN_NAME = re.compile(r"^(?P<article>.+)_(?P<annotator>[0-9a-f]{4})\.ann$")
_T_LINE = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t?")
_E_LINE = re.compile(r"^E\d+\t(.*)$")


#: One exception for absent evaluation data across harnesses.
CorpusMissing = DataNotFound


@dataclass(frozen=True)
class GoldAttribution:
    content: Frags
    source: Frags = ()
    cue: Frags = ()


@dataclass(frozen=True)
class GoldArticle:
    name: str
    annotator: str
    text: str
    attributions: tuple[GoldAttribution, ...]


def parse_frags(spec: str) -> Frags:
    """Brat offsets to ranges.

    >>> parse_frags("315 448;463 553")
    ((315, 448), (463, 553))
    """
    out = []
    for part in spec.split(";"):
        start, end = part.split()
        out.append((int(start), int(end)))
    return tuple(out)


def parse_ann(ann: str) -> tuple[GoldAttribution, ...]:
    """Attributions of one ``.ann`` file; links without a content span are dropped.

    Annotated text may itself contain line breaks, so only lines that look like
    ``T``/``E`` records are read.

    >>> ann = "T1\\tSource 0 2\\tHe\\nT2\\tCue 3 7\\tsaid\\nT3\\tContent 8 10\\tno\\n"
    >>> parse_ann(ann + "E1\\tAttribution:T2 Source:T1 Cue:T2 Content:T3\\n")
    (GoldAttribution(content=((8, 10),), source=((0, 2),), cue=((3, 7),)),)
    """
    spans: dict[str, tuple[str, Frags]] = {}
    links: list[dict[str, str]] = []
    for line in ann.splitlines():
        if t := _T_LINE.match(line):
            spans[t.group(1)] = (t.group(2), parse_frags(t.group(3).strip()))
        elif e := _E_LINE.match(line):
            links.append(_roles(e.group(1)))
    return tuple(a for a in (_attribution(link, spans) for link in links) if a is not None)


def _roles(spec: str) -> dict[str, str]:
    """``Source:T1 Content2:T5`` -> {"Source": "T1", "Content2": "T5"}; digits mark repeated roles."""
    return dict(part.split(":", 1) for part in spec.split() if ":" in part)


def _attribution(link: dict[str, str], spans: dict[str, tuple[str, Frags]]) -> GoldAttribution | None:
    found: dict[str, list[tuple[int, int]]] = {"Source": [], "Cue": [], "Content": []}
    for role, tid in link.items():
        base = role.rstrip("0123456789")
        if base in found and tid in spans:
            found[base].extend(spans[tid][1])
    if not found["Content"]:
        return None
    return GoldAttribution(
        content=tuple(sorted(found["Content"])),
        source=tuple(sorted(found["Source"])),
        cue=tuple(sorted(found["Cue"])),
    )


def corpus_dir(data_dir: str | Path) -> Path:
    """The PolNeAR folder, or :class:`CorpusMissing` saying it is absent."""
    root = Path(data_dir) / "polnear"
    if not (root / "data").is_dir():
        raise CorpusMissing(f"skipped: {root} not found")
    return root


def pick_annotations(ann_dir: Path) -> dict[str, tuple[str, Path]]:
    """article -> (annotator, path), the annotator sorting first when there are several."""
    chosen: dict[str, tuple[str, Path]] = {}
    for path in sorted(ann_dir.glob("*.ann")):
        m = _ANN_NAME.match(path.name)
        if m and m.group("article") not in chosen:
            chosen[m.group("article")] = (m.group("annotator"), path)
    return chosen


def load_split(data_dir: str | Path = "../shared/data", split: str = "dev") -> list[GoldArticle]:
    """Every annotated article of ``split`` ("train" or "dev"), sorted by name."""
    base = corpus_dir(data_dir) / "data" / split
    if not base.is_dir():
        raise CorpusMissing(f"skipped: {base} not found")
    articles = []
    for name, (annotator, ann_path) in sorted(pick_annotations(base / "attributions").items()):
        text_path = base / "text" / f"{name}.txt"
        if not text_path.exists():
            continue
        text = text_path.read_text(encoding="utf-8")
        gold = parse_ann(ann_path.read_text(encoding="utf-8"))
        articles.append(GoldArticle(name, annotator, text, gold))
    return articles
