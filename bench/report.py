"""The table ``bench/run.py`` prints: one row per figure, one column per corpus or index size."""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from typing import Any

CHAIN = ("intake", "clean", "extract", "store", "dossier")
TARGETS = {"pipeline": 150.0, "ratio": 1.0, "growth": 2.0, "index_bytes": 4096.0}
MB = 1024 * 1024


@dataclass
class Results:
    machine: dict[str, Any]
    #: (stage, size) -> the child's JSON
    chain: dict[tuple[str, int], dict[str, Any]] = field(default_factory=dict)
    other: dict[str, dict[str, Any]] = field(default_factory=dict)


def rate(result: dict[str, Any] | None) -> float | None:
    return result["count"] / result["cpu"] if result and result["cpu"] else None


def pipeline_rate(results: Results, size: int) -> float | None:
    """Articles/s of the whole chain at one size: the stages' CPU seconds per article, summed."""
    rates = [rate(results.chain.get((stage, size))) for stage in CHAIN]
    return 1 / sum(1 / r for r in rates if r) if all(rates) else None


LABELS = {"intake": "intake: read, detect, decode", "clean": "clean + metadata",
          "extract": "extract: sentences, entities, quotes, claims",
          "store": "store: dedup, link, cluster, write", "dossier": "dossier: every story (per article)"}  # fmt: skip


def size_label(n: int) -> str:
    return (
        f"{n // 1_000_000}M"
        if n >= 1_000_000 and n % 1_000_000 == 0
        else f"{n // 1000}k"
        if n % 1000 == 0
        else str(n)
    )


def holds(ok: bool | None) -> str:
    return "-" if ok is None else "yes" if ok else "NO"


def label_value(label: str) -> float:
    return (
        float(label[:-1]) * (1000 if label[-1] == "k" else 1_000_000) if label[-1] in "kM" else float(label)
    )


class Table:
    """Columns are the sizes the rows use, smallest first."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, dict[str, str], str, str]] = []

    @property
    def columns(self) -> list[str]:
        return sorted({c for _, cells, _, _ in self.rows for c in cells}, key=label_value)

    def add(self, label: str, cells: dict[str, str], target: str = "", ok: bool | None = None) -> None:
        self.rows.append((label, cells, target, holds(ok) if target else ""))

    def render(self) -> str:
        widths = [max(8, *(len(c.get(col, "")) for _, c, _, _ in self.rows)) for col in self.columns]
        head = f"{'measure':<54}" + "".join(
            f"{c:>{w + 2}}" for c, w in zip(self.columns, widths, strict=True)
        )
        head += f"  {'target':<16}holds"
        lines = [head, "-" * len(head)]
        for label, cells, target, ok in self.rows:
            row = f"{label:<54}" + "".join(
                f"{cells.get(c, ''):>{w + 2}}" for c, w in zip(self.columns, widths, strict=True)
            )
            lines.append(f"{row}  {target:<16}{ok}".rstrip())
        return "\n".join(lines)


def stage_rows(table: Table, results: Results, sizes: list[int]) -> None:
    for stage in CHAIN:
        cells = {}
        for n in sizes:
            found = results.chain.get((stage, n))
            if found:
                cells[size_label(n)] = f"{rate(found):,.0f}/s {found['peak_rss'] / MB:,.0f}MB"
        table.add(f"{LABELS[stage]}", cells)
    whole = {size_label(n): pipeline_rate(results, n) for n in sizes}
    cells = {k: f"{v:,.1f}/s" for k, v in whole.items() if v}
    best = max((v for v in whole.values() if v), default=None)
    table.add("whole pipeline, sum of the stages above (1 core)", cells, f">= {TARGETS['pipeline']:.0f}/s",
              best >= TARGETS["pipeline"] if best else None)  # fmt: skip


def ratio_rows(table: Table, results: Results, args: argparse.Namespace) -> None:
    found = results.other.get("ratio")
    if not found:
        return
    col, n = size_label(args.ratio_n), found["count"]
    ours, traf = found["pipeline_cpu"] / n, found["trafilatura_cpu"] / found["count"]
    table.add("whole pipeline: ingest + every dossier (1 core)", {col: f"{1 / ours:,.1f}/s"},
              f">= {TARGETS['pipeline']:.0f}/s", 1 / ours >= TARGETS["pipeline"])  # fmt: skip
    table.add("  ms per article: ours (text input) | trafilatura.extract",
              {col: f"{1000 * ours:.1f} | {1000 * traf:.1f}"})  # fmt: skip
    table.add("  ratio ours / trafilatura (same articles)", {col: f"{ours / traf:.2f}"},
              f"<= {TARGETS['ratio']:.1f}", ours / traf <= TARGETS["ratio"])  # fmt: skip
    html = found["pipeline_html_cpu"] / n
    table.add("  ratio ours on the HTML pages / trafilatura", {col: f"{html / traf:.2f}"})
    core_rows(table, results, args)
    dask_rows(table, results, args)


def core_rows(table: Table, results: Results, args: argparse.Namespace) -> None:
    cores = results.other.get("cores")
    if not cores:
        return
    col, n = size_label(args.ratio_n), cores["count"]
    one, two = cores["workers_1"], cores["workers_2"]
    table.add("whole pipeline, ingest + story records: wall s 1 | 2 workers",
              {col: f"{one['wall']:.1f} | {two['wall']:.1f}"})  # fmt: skip
    table.add("  CPU ms/article with 2 workers: this process | workers",
              {col: f"{1000 * two['cpu'] / n:.1f} | {1000 * two['workers_cpu'] / n:.1f}"})  # fmt: skip
    table.add("  speed-up 2 workers / 1 (wall)", {col: f"{one['wall'] / two['wall']:.2f}x"})
    table.add("whole pipeline on this machine, 2 workers (wall)", {col: f"{n / two['wall']:,.1f}/s"},
              f">= {TARGETS['pipeline']:.0f}/s", n / two["wall"] >= TARGETS["pipeline"])  # fmt: skip


def dask_rows(table: Table, results: Results, args: argparse.Namespace) -> None:
    dask = results.other.get("dask")
    if not dask:
        return
    col, n = size_label(args.dask_n), dask["count"]
    seq, one, two = dask["sequential"], dask["workers_1"], dask["workers_2"]
    table.add("Dask batch: wall s sequential | 1 worker | 2 workers",
              {col: f"{seq['wall']:.0f} | {one['wall']:.0f} | {two['wall']:.0f}"})  # fmt: skip
    table.add("  speed-up 2 workers / 1 worker (wall)", {col: f"{one['wall'] / two['wall']:.2f}x"})
    per = {k: 1000 * two[k] / n for k in ("cpu", "workers_cpu")}
    table.add("  CPU ms/article, 2 workers: store step | workers",
              {col: f"{per['cpu']:.1f} | {per['workers_cpu']:.1f}"})  # fmt: skip
    table.add("  CPU ms/article, sequential ingest", {col: f"{1000 * seq['cpu'] / n:.1f}"})
    table.add("  ingest articles/s with 2 workers (wall)", {col: f"{n / two['wall']:,.1f}/s"},
              f">= {TARGETS['pipeline']:.0f}/s", n / two["wall"] >= TARGETS["pipeline"])  # fmt: skip


def story_rows(table: Table, results: Results) -> None:
    real = results.other.get("stories")
    if real:
        timings = {int(k): v for k, v in real["per_milestone_ms"].items()}
        cells = {size_label(k): f"{v:.2f} ms" for k, v in timings.items()}
        table.add("assignment ms/article by stories indexed, real stream", cells)
        per, last = real["rss_per_article"], size_label(max(timings, default=1000))
        table.add(f"  index resident bytes/article ({real['count'] // 1000}k articles)", {last: f"{per:,.0f} B"},
                  f"<= {TARGETS['index_bytes']:.0f} B", per <= TARGETS["index_bytes"])  # fmt: skip
    sim = results.other.get("simulate")
    if sim:
        timings = {int(k): v for k, v in sim["per_milestone_ms"].items()}
        table.add("assignment ms/article by stories indexed, simulated",
                  {size_label(k): f"{v:.2f} ms" for k, v in timings.items()})  # fmt: skip
        growth = timings[max(timings)] / timings[min(timings)]
        table.add(f"  growth {size_label(max(timings))} / {size_label(min(timings))} stories",
                  {size_label(max(timings)): f"{growth:.2f}x"},
                  f"<= {TARGETS['growth']:.0f}x", growth <= TARGETS["growth"])  # fmt: skip
        table.add("  simulated index RSS per story",
                  {size_label(int(k)): f"{v:,.0f} B" for k, v in sim["rss_per_story"].items()})  # fmt: skip


def profile_lines(results: Results) -> list[str]:
    found = results.other.get("profile")
    if not found:
        return []
    lines = [f"\nslowest stage: {found['stage']} ({found['count']} articles under cProfile, "
             f"{found['cpu']:.1f} s CPU); top functions by own time:"]  # fmt: skip
    lines.append(f"  {'own s':>7} {'cum s':>7} {'calls':>9}  function")
    for row in found["profile"]:
        lines.append(f"  {row['tottime']:7.2f} {row['cumtime']:7.2f} {row['ncalls']:9}  {row['function']}")
    return lines


def render(results: Results, args: argparse.Namespace) -> str:
    m = results.machine
    head = (f"corroborate benchmark, {m['date']}: {m['cores']} cores ({m['cpu']}), {m['ram_gb']:.1f} GB RAM, "
            f"Python {m['python']}; shared machine, load average {m['load_start']:.1f} at start, "
            f"{m.get('load_end', 0):.1f} at end. Rates are CPU time of one process unless marked wall.")  # fmt: skip
    table = Table()
    baseline = results.other.get("baseline", {}).get("peak_rss", 0) / MB
    table.add(f"per stage: articles/s (1 core), peak RSS (imports alone: {baseline:.0f}MB)", {})
    stage_rows(table, results, args.sizes)
    ratio_rows(table, results, args)
    story_rows(table, results)
    return "\n".join([head, "", table.render(), *profile_lines(results)])
