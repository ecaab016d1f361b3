"""Intake benchmark: generate a synthetic corpus, ingest it, report throughput.

    python bench/intake.py --n 10000 [--fmt txt|jsonl] [--seed 0] [--reingest]

The corpus comes from ``bench/corpus.py`` (fictional, deterministic) and is
written to a temporary directory. It is then ingested into a fresh SQLite
store through the public API: ``open_store`` + ``ingest`` (intake, cleaning,
near-duplicate check, store). The shared machine is noisy, so the table also
gives ratios measured in the same run. Each stage's share of the ingest time
comes from timing wrappers around the intake reader and the stage runner.
Ingest time is also compared with the time to read the input bytes from disk
(the I/O floor). Compare those ratios between runs, not the raw seconds.
"""

from __future__ import annotations

import argparse
import contextlib
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import corroborate.api as api
from corroborate.api import ingest, open_store
from corroborate.settings import Settings

try:
    from corpus import write_corpus
except ImportError:  # run as ``python -m bench.intake``
    from bench.corpus import write_corpus  # type: ignore[no-redef]

MB = 1024 * 1024
#: Functions that ``corroborate.api`` calls by module-global name: (attribute, stage label).
#: A missing attribute just means no split for that stage.
SPLIT_HOOKS = (
    ("read_path", "intake (read, detect, decode, parse)"),
    ("run_stages", "clean (article stages)"),
)


@dataclass
class Timings:
    """Seconds spent inside each wrapped function, summed over the run."""

    spent: dict[str, float] = field(default_factory=dict)

    def wrap(self, label: str, func: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                result = func(*args, **kwargs)
                # A lazy reader would do its work outside the timer: make it do it now.
                return list(result) if isinstance(result, Iterator) else result
            finally:
                self.spent[label] = self.spent.get(label, 0.0) + time.perf_counter() - start

        return timed


@contextlib.contextmanager
def stage_timers(timings: Timings) -> Iterator[None]:
    """Patch the API module's stage functions with timing wrappers for the duration."""
    saved = {name: getattr(api, name) for name, _ in SPLIT_HOOKS if hasattr(api, name)}
    try:
        for name, label in SPLIT_HOOKS:
            if name in saved:
                setattr(api, name, timings.wrap(label, saved[name]))
        yield
    finally:
        for name, func in saved.items():
            setattr(api, name, func)


def input_files(corpus_dir: Path) -> list[Path]:
    return sorted(p for p in corpus_dir.iterdir() if p.is_file())


def read_floor(paths: list[Path]) -> tuple[float, int]:
    """Seconds to read every input byte (warm cache: the files were just written), and the byte count."""
    start = time.perf_counter()
    size = sum(len(p.read_bytes()) for p in paths)
    return time.perf_counter() - start, size


def generate(corpus_dir: Path, n: int, fmt: str, seed: int) -> float:
    start = time.perf_counter()
    write_corpus(corpus_dir, n, fmt=fmt, seed=seed)
    return time.perf_counter() - start


def run_ingest(paths: list[Path], db: Path, settings: Settings, timings: Timings) -> tuple[float, float, Any]:
    """(wall seconds, CPU seconds of this process, summary) of one ingest through the public API."""
    store = open_store(str(db))
    try:
        with stage_timers(timings):
            start, cpu = time.perf_counter(), time.process_time()
            summary = ingest([str(p) for p in paths], store, settings)
            elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    finally:
        store.close()
    return elapsed, cpu, summary


def summary_line(summary: Any) -> str:
    """The summary's counts; ``unchanged`` may be folded into ``duplicates`` by the API."""
    fields = ("ingested", "duplicates", "unchanged", "failed")
    parts = []
    for name in fields:
        value = getattr(summary, name, None)
        if value is None and hasattr(summary, "count"):
            value = summary.count(name)
        parts.append(f"{name} {value}")
    return ", ".join(parts)


def row(label: str, seconds: float, total: float, n: int, size: int) -> str:
    share = f"{100 * seconds / total:5.1f}%" if total else "    -"
    rate = f"{n / seconds:10.0f}" if seconds else "         -"
    mbs = f"{size / MB / seconds:8.2f}" if seconds else "       -"
    return f"{label:<40} {seconds:9.3f} {share:>7} {rate} {mbs}"


def stage_rows(timings: Timings, total: float, n: int, size: int) -> list[str]:
    rows = [row(label, secs, total, n, size) for label, secs in timings.spent.items()]
    if timings.spent:
        rest = max(0.0, total - sum(timings.spent.values()))
        rows.append(row("store (dedup, write, commit) + other", rest, total, n, size))
    else:
        rows.append("(no per-stage split: corroborate.api no longer exposes the hooked functions)")
    return rows


def report(args: argparse.Namespace, figures: dict[str, Any], timings: Timings) -> None:
    n, size, total = args.n, figures["bytes"], figures["ingest"]
    print(
        f"corpus: {n} articles, {figures['files']} {args.fmt} file(s), {size / MB:.1f} MB, seed {args.seed}"
    )
    print(f"generated in {figures['generate']:.2f} s ({n / figures['generate']:.0f} articles/s)")
    print()
    print(f"{'stage':<40} {'seconds':>9} {'share':>7} {'articles/s':>10} {'MB/s':>8}")
    print("-" * 78)
    for line in stage_rows(timings, total, n, size):
        print(line)
    print("-" * 78)
    print(row("total ingest (public API)", total, total, n, size))
    print(row("  CPU time of the ingest (one core)", figures["cpu"], total, n, size))
    print(row("reference: read input bytes only", figures["floor"], total, n, size))
    if "reingest" in figures:
        print(row("re-ingest of the same files (unchanged)", figures["reingest"], total, n, size))
    print()
    print(f"ingest / read-bytes ratio: {total / max(figures['floor'], 1e-9):.0f}x")
    # On a shared machine wall time includes waiting for a core; CPU time does not.
    busy = figures["cpu"] / total < 0.8
    print(
        f"CPU / wall: {figures['cpu'] / total:.2f}"
        + (" (the machine was busy or the disk slow)" if busy else "")
    )
    print(f"summary: {figures['summary']}")
    if "reingest_summary" in figures:
        print(f"re-ingest summary: {figures['reingest_summary']}")


def benchmark(args: argparse.Namespace, workdir: Path) -> None:
    corpus_dir, db = workdir / "corpus", workdir / "bench.db"
    figures: dict[str, Any] = {"generate": generate(corpus_dir, args.n, args.fmt, args.seed)}
    paths = input_files(corpus_dir)
    figures["files"] = len(paths)
    figures["floor"], figures["bytes"] = read_floor(paths)
    # Intake alone (decode, clean, dedup, store): extraction and clustering have their own benchmarks.
    settings = Settings(extract=args.extract, cluster=args.extract)
    timings = Timings()
    figures["ingest"], figures["cpu"], summary = run_ingest(paths, db, settings, timings)
    figures["summary"] = summary_line(summary)
    if args.reingest:
        figures["reingest"], _, again = run_ingest(paths, db, settings, Timings())
        figures["reingest_summary"] = summary_line(again)
    report(args, figures, timings)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="articles to generate (default 10000)")
    parser.add_argument(
        "--fmt", choices=("txt", "jsonl"), default="txt", help="one file per article, or one JSONL"
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--reingest", action="store_true", help="also time a second ingest of the same files")
    parser.add_argument("--keep", action="store_true", help="keep the temporary corpus and database")
    parser.add_argument("--extract", action="store_true", help="also extract and cluster (the full ingest)")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("--n must be at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="corroborate-bench-"))
    try:
        benchmark(args, workdir)
    finally:
        if args.keep:
            print(f"kept {workdir}", file=sys.stderr)
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
