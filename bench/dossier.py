"""Benchmark the dossier of one big story: build_dossier + Markdown/HTML/JSON rendering.

Generates ``--n`` articles about a single event with ``bench/corpus.py`` (fictional outlets
reporting the same facts in several wordings, sometimes disagreeing on a figure or a day),
runs the real pipeline on each (clean, extract, entity linking; not timed), then times
building the dossier and rendering it, best of ``--repeat`` runs. Target: under 2 s for 50.

    python bench/dossier.py            # 50 articles
    python bench/dossier.py --n 200
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate_articles  # noqa: E402

from corroborate.corpus import link_entities  # noqa: E402
from corroborate.export import entity_record  # noqa: E402
from corroborate.extract.registry import EntityRegistry  # noqa: E402
from corroborate.model import Article, RawDocument, SourceMeta  # noqa: E402
from corroborate.pipeline import run_stages  # noqa: E402
from corroborate.reconcile import Dossier, build_dossier  # noqa: E402
from corroborate.render import dossier_json, render_html, render_markdown  # noqa: E402
from corroborate.settings import Settings  # noqa: E402


def story_articles(n: int, seed: int) -> tuple[list[Article], dict[str, dict]]:
    """``n`` generated articles about one event, through the pipeline, entities linked."""
    registry, out = EntityRegistry(), []
    for rec in generate_articles(n, seed=seed, events=1):
        meta = SourceMeta(
            external_id=rec["id"], outlet=rec["outlet"], published=rec["published"], url=rec["url"]
        )
        raw = RawDocument(str(rec["id"]), f"{rec['title']}\n{rec['text']}", "text", meta=meta)
        out.append(link_entities(registry, run_stages(raw, Settings())))
    return out, {r["id"]: entity_record(r) for r in registry.to_rows()}


def timed(articles: list[Article], entities: dict[str, dict]) -> tuple[float, float, Dossier]:
    """Seconds to build the dossier, seconds to render it three ways, and the dossier."""
    t0 = time.perf_counter()
    dossier = build_dossier("bench", articles, entities)
    t1 = time.perf_counter()
    render_markdown(dossier)
    render_html(dossier)
    json.dumps(dossier_json(dossier))
    return t1 - t0, time.perf_counter() - t1, dossier


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=50)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    t = time.perf_counter()
    articles, entities = story_articles(args.n, args.seed)
    prep = time.perf_counter() - t
    runs = [timed(articles, entities) for _ in range(args.repeat)]
    build, render, dossier = min(runs, key=lambda r: r[0] + r[1])
    claims = sum(len(a.extraction.claims) for a in articles)
    status = {
        s: sum(g.status == s for g in dossier.groups) for s in ("corroborated", "conflicting", "unique")
    }
    print(f"{args.n} articles, {claims} claims (pipeline {prep:.1f}s, not timed)")
    print(
        f"build_dossier {build:.3f}s  render md+html+json {render:.3f}s  total {build + render:.3f}s (target < 2 s)"
    )
    print(f"groups {len(dossier.groups)} {status}  timeline {len(dossier.timeline)} entries")


if __name__ == "__main__":
    main()
