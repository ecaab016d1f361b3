"""Clean: RawDocument -> CleanedDocument (body text, removed spans, repairs, metadata).

The order matters and is fixed here: repair characters first (detectors read
words, not mojibake), normalise the layout, classify paragraphs, remove the
ones that are not reporting, then read the metadata from all of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Fix, Metadata, RawDocument, Removed
from ..offsets import TrackedText
from ..settings import Settings
from .boilerplate import DETECTORS as BOILERPLATE_DETECTORS
from .controls import drop_control_characters
from .headline import detect_headline
from .metadata import build_metadata
from .mojibake import repair_mojibake
from .paragraphs import Paragraph, normalise_layout, remove_paragraphs, split_paragraphs
from .verdict import Context, Detector, Verdict

#: Paragraph detectors in the order they run; the first verdict on a paragraph wins.
DETECTORS: tuple[Detector, ...] = (detect_headline, *BOILERPLATE_DETECTORS)


@dataclass(frozen=True)
class CleanedDocument:
    tracked: TrackedText
    removed: tuple[Removed, ...]
    fixes: tuple[Fix, ...]
    meta: Metadata


def classify(paragraphs: Sequence[Paragraph], raw: RawDocument, settings: Settings) -> dict[int, Verdict]:
    verdicts: dict[int, Verdict] = {}
    for detector in DETECTORS:
        found = detector(paragraphs, Context(raw.meta, settings, dict(verdicts)))
        for index, verdict in found.items():
            verdicts.setdefault(index, verdict)
    return verdicts


def clean_document(raw: RawDocument, settings: Settings) -> CleanedDocument:
    tracked, controls = drop_control_characters(TrackedText.from_raw(raw.text))
    tracked, fixes = repair_mojibake(tracked)
    fixes = controls + fixes
    tracked = normalise_layout(tracked)
    paragraphs = split_paragraphs(tracked.text)
    verdicts = classify(paragraphs, raw, settings)
    doomed = [p for p in paragraphs if p.index in verdicts]
    removed = tuple(
        Removed(verdicts[p.index].kind, p.text, *tracked.raw_range(p.start, p.end), verdicts[p.index].reason)
        for p in doomed
    )
    body = remove_paragraphs(tracked, doomed, paragraphs)
    if not body.text.strip():
        # Everything looked like furniture: keep the text rather than lose the article.
        body, removed = tracked, tuple(r for r in removed if r.kind in ("title", "subtitle"))
    meta = build_metadata(raw, body.text, [verdicts[p.index] for p in doomed], removed, settings)
    return CleanedDocument(body, removed, tuple(fixes), meta)
