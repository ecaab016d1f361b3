"""SQLite against PostgreSQL: the same synthetic corpus through the full ingest, export, search
and recluster on each backend, in one run (the machine is shared: compare the ratios).

    python bench/store_backends.py --n 500

PostgreSQL runs as a private throwaway server (tests/pg_server.py), as in the tests.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path[:0] = [str(Path(__file__).parent), str(Path(__file__).parent.parent)]

from corpus import write_corpus  # noqa: E402

from corroborate import api  # noqa: E402
from tests.pg_server import start_server  # noqa: E402

QUERIES = ("minister", '"the city"', "port* OR council")


def run_backend(url: str, paths: list[str]) -> tuple[dict[str, float], list[dict[str, Any]]]:
    store = api.open_store(url)
    try:
        times: dict[str, float] = {}
        start = time.perf_counter()
        api.ingest(paths, store)
        times["ingest"] = time.perf_counter() - start
        start = time.perf_counter()
        records = list(api.export_records(store))
        times["export"] = time.perf_counter() - start
        start = time.perf_counter()
        for query in QUERIES:
            store.search(query)
        times["search"] = time.perf_counter() - start
        start = time.perf_counter()
        api.recluster(store)
        times["recluster"] = time.perf_counter() - start
        return times, records
    finally:
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=500, help="articles to generate (default 500)")
    args = parser.parse_args()
    import psycopg

    folder = tempfile.mkdtemp(prefix="corroborate-bench-")
    paths = [str(p) for p in write_corpus(folder, args.n, "txt")]
    server = start_server()
    try:
        with psycopg.connect(server.url(), autocommit=True) as conn:
            conn.execute("CREATE DATABASE bench")
        lite, lite_records = run_backend(str(Path(folder) / "bench.db"), paths)
        pg, pg_records = run_backend(server.url("bench"), paths)
    finally:
        server.stop()
    print(f"{'step':10} {'sqlite s':>9} {'postgres s':>11} {'pg/sqlite':>10}")
    for step in lite:
        print(f"{step:10} {lite[step]:9.2f} {pg[step]:11.2f} {pg[step] / lite[step]:10.2f}")
    print(f"exports equal: {lite_records == pg_records} ({len(lite_records)} records, {args.n} articles)")


if __name__ == "__main__":
    main()
