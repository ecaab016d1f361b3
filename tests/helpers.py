"""Small builders shared by the tests. All text here is our own."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from corroborate import api
from corroborate.cli import _sample_files
from corroborate.model import Article, RawDocument, SourceMeta
from corroborate.pipeline import run_stages
from corroborate.settings import Settings

HARBOUR_STORY = (
    "Harbour Bridge Reopens After Storm Repairs\n"
    "Engineers finished ahead of schedule\n"
    "The Harbour Bridge in Port Ellis reopened to traffic on Tuesday after six weeks of storm repairs, "
    "the city transport office said.\n"
    '"We asked crews to work through the nights and they delivered," said transport director Mara Quist. '
    "The bridge carries about 40,000 vehicles a day.\n"
    "Local shop owners said the closure had cut their trade by almost half during the repairs.\n"
)


def make_article(text: str = HARBOUR_STORY, source: str = "harbour.txt", **meta: str) -> Article:
    raw = RawDocument(source=source, text=text, format="text", meta=SourceMeta(**meta))
    return run_stages(raw, Settings())


FERRY_LINES = [
    {"id": "kf-1", "outlet": "Strait Post", "published": "2024-03-02",
     "title": "Ferry crews walk out over night shifts",
     "text": "Ferry crews on the Kessel Strait walked out on Saturday over night shifts, the union said. "
             "Operator spokeswoman Ilse Varnow said talks would resume on Monday."},
    {"id": "kf-2", "outlet": "Island Daily", "published": "2024-03-03",
     "title": "Kessel ferries idle for second day",
     "text": "No ferries crossed the Kessel Strait for a second day on Sunday. Ilse Varnow, who speaks "
             "for the operator, said 4,000 travellers had been refunded."},
    {"id": "kf-3", "outlet": "Strait Post", "published": "2024-03-05",
     "title": "Kessel ferry strike ends",
     "text": "The ferry strike on the Kessel Strait ended on Tuesday after the operator agreed to limit "
             "night shifts, the union said. Sailings resume on Wednesday."},
]  # fmt: skip


def mixed_inputs(tmp_path: Path) -> list[str]:
    """The bundled sample corpus plus our own multi-article file and bad inputs (4 fail, 1 unchanged)."""
    folder = tmp_path / "in"
    folder.mkdir()
    lines = [json.dumps(r) for r in FERRY_LINES]
    (folder / "ferries.jsonl").write_text("\n".join([lines[0], "{not json", *lines[1:]]) + "\n")
    (folder / "harbour.txt").write_text(HARBOUR_STORY)
    (folder / "again.txt").write_text(HARBOUR_STORY)  # the same bytes: unchanged
    (folder / "empty.txt").write_text("")
    (folder / "blob.bin").write_bytes(b"\x00\x01\x02binary")
    return [*_sample_files(), str(folder), str(tmp_path / "missing.txt")]


def ingest_and_export(
    tmp_path: Path, name: str, ingest_fn: Callable[..., Any], paths: list[str]
) -> tuple[Any, list[str]]:
    """Ingest into a new store; the summary and the export as sorted-key JSON lines."""
    store = api.open_store(str(tmp_path / f"{name}.db"))
    try:
        summary = ingest_fn(paths, store)
        return summary, [json.dumps(r, sort_keys=True) for r in api.export_records(store)]
    finally:
        store.close()


def outcomes(summary: Any) -> list[tuple[Any, ...]]:
    return [(r.source, r.status, r.article_id, r.duplicate_of, r.error) for r in summary.results]
