"""The benchmark suite: every figure we track, in one table, measured in one run.

    python bench/run.py                       # default run (about 15 minutes on 2 cores)
    python bench/run.py --quick               # a smoke run of every section (about 2 minutes)
    python bench/run.py --sizes 1000,10000,100000 --expensive-max 100000   # every stage at 100k (hours)

Sections (each measurement runs in a fresh process, ``bench/stages.py``, so its peak
resident memory is its own):

* per-stage throughput and peak RSS at each ``--sizes`` corpus size: intake, clean,
  extract, store (unchanged check, dedup, entity linking, story assignment, SQLite
  write), dossier (every story's dossier built from the store). Stages other than
  intake run up to ``--expensive-max`` articles;
* the whole pipeline against ``trafilatura.extract`` on the same articles as web pages
  (``bench/pages.py``), CPU time in one process;
* Dask batch ingest with 2 local workers against 1 (wall time);
* story assignment cost as the index grows: a real stream (1k, 10k stories) and
  simulated index contents up to 1M stories (``bench/stories.py``);
* a cProfile of the slowest stage: the 15 functions with the most own time.

Throughputs are CPU time of one process (one core): the machine is shared, and CPU
time moves less than wall time when other jobs run. Compare ratios between runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import write_corpus  # noqa: E402
from report import CHAIN, Results, rate, render  # noqa: E402

#: Stages cheap enough to run at every size; the others stop at --expensive-max.
CHEAP = frozenset({"intake"})


def machine_info() -> dict[str, Any]:
    meminfo = Path("/proc/meminfo").read_text() if Path("/proc/meminfo").exists() else ""
    ram = next(
        (int(line.split()[1]) * 1024 for line in meminfo.splitlines() if line.startswith("MemTotal")), 0
    )
    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    model = next(
        (line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if "model name" in line), "?"
    )
    return {"date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"), "cores": os.cpu_count(),
            "ram_gb": ram / 1024**3, "cpu": model, "python": platform.python_version(),
            "load_start": os.getloadavg()[0]}  # fmt: skip


def child(stage: str, work: Path, corpus: Path | None = None, **options: Any) -> dict[str, Any]:
    """Run one measurement in a fresh process; its last stdout line is the JSON result."""
    work.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, str(HERE / "stages.py"), stage, "--work", str(work)]
    cmd += ["--corpus", str(corpus)] if corpus else []
    for key, value in options.items():
        cmd += [f"--{key}"] if value is True else [f"--{key}", str(value)]
    print(f"  {stage} {' '.join(cmd[4:])}", file=sys.stderr, flush=True)
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"{stage} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def corpus_for(root: Path, size: int, seed: int) -> Path:
    folder = root / f"n{size}" / "corpus"
    if not folder.exists():
        print(f"generating {size} articles", file=sys.stderr, flush=True)
        write_corpus(folder, size, fmt="txt", seed=seed)
    return folder


def measure(args: argparse.Namespace, root: Path) -> Results:
    results = Results(machine_info())
    results.other["baseline"] = child("baseline", root / "baseline")
    for size in args.sizes:
        corpus = corpus_for(root, size, args.seed)
        for stage in CHAIN:
            if stage in CHEAP or size <= args.expensive_max:
                results.chain[stage, size] = child(stage, root / f"n{size}", corpus, seed=args.seed)
    ratio_corpus = corpus_for(root, args.ratio_n, args.seed)
    results.other["ratio"] = child("ratio", root / f"ratio{args.ratio_n}", ratio_corpus, seed=args.seed)
    results.other["cores"] = child("cores", root / f"cores{args.ratio_n}", ratio_corpus)
    if args.dask_n:
        results.other["dask"] = child(
            "dask", root / f"dask{args.dask_n}", corpus_for(root, args.dask_n, args.seed)
        )
    results.other["stories"] = child("stories", root / "stories", n=args.stories_n, window=args.window)
    results.other["simulate"] = child("simulate", root / "simulate", n=args.simulate, window=args.window)
    slowest = slowest_stage(results, min(args.sizes))
    if slowest:
        profiled = child(slowest, root / f"n{min(args.sizes)}", corpus_for(root, min(args.sizes), args.seed),
                         seed=args.seed, profile=True)  # fmt: skip
        results.other["profile"] = {"stage": slowest, **profiled}
    results.machine["load_end"] = os.getloadavg()[0]
    return results


def slowest_stage(results: Results, size: int) -> str | None:
    rates = {stage: rate(results.chain.get((stage, size))) for stage in CHAIN}
    known = {stage: r for stage, r in rates.items() if r}
    return min(known, key=known.__getitem__) if known else None


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.render:
        results, saved = load(Path(args.render))
        print(render(results, argparse.Namespace(**saved)))
        return 0
    root = Path(args.work or tempfile.mkdtemp(prefix="corroborate-bench-run-"))
    try:
        results = measure(args, root)
    finally:
        if not args.work:
            shutil.rmtree(root, ignore_errors=True)
    print(render(results, args))
    if args.json:
        save(results, args, Path(args.json))
    return 0


def save(results: Results, args: argparse.Namespace, path: Path) -> None:
    chain = {f"{stage}@{size}": value for (stage, size), value in results.chain.items()}
    shown = {"sizes": args.sizes, "ratio_n": args.ratio_n, "dask_n": args.dask_n}
    path.write_text(
        json.dumps({"machine": results.machine, "chain": chain, "other": results.other, "args": shown})
    )


def load(path: Path) -> tuple[Results, dict[str, Any]]:
    data = json.loads(path.read_text())
    chain = {(key.split("@")[0], int(key.split("@")[1])): value for key, value in data["chain"].items()}
    return Results(data["machine"], chain, data["other"]), data["args"]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", default="1000,10000,100000", help="corpus sizes (default 1000,10000,100000)"
    )
    parser.add_argument("--expensive-max", type=int, default=10_000,
                        help="largest size at which stages other than intake run (default 10000)")  # fmt: skip
    parser.add_argument("--ratio-n", type=int, default=1000, help="articles for the trafilatura ratio")
    parser.add_argument("--dask-n", type=int, default=1000, help="articles for the Dask speed-up (0 skips)")
    parser.add_argument("--stories-n", type=int, default=24_000, help="articles streamed for assignment cost")
    parser.add_argument("--simulate", type=int, default=1_000_000, help="stories in the simulated index")
    parser.add_argument("--window", type=int, default=500, help="articles timed at each index size")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--quick", action="store_true", help="small sizes: a smoke run of every section")
    parser.add_argument("--work", default=None, help="keep corpora and hand-over files here")
    parser.add_argument("--json", default=None, help="also write the raw results to this file")
    parser.add_argument(
        "--render", default=None, metavar="JSON", help="print the table of a saved --json run"
    )
    args = parser.parse_args(argv)
    args.sizes = sorted(int(s) for s in args.sizes.split(","))
    if args.quick:
        args.sizes, args.ratio_n, args.dask_n = [200, 1000], 200, 200
        args.stories_n, args.simulate, args.window, args.expensive_max = 2000, 10_000, 200, 200
    return args


if __name__ == "__main__":
    raise SystemExit(main())
