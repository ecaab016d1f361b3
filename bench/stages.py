"""One measurement per process: ``bench/run.py`` starts this module once per stage and size.

    python bench/stages.py STAGE --corpus DIR --work DIR [--n N]

A fresh process per measurement makes its peak resident memory (``ru_maxrss``) that
stage's own. Stages hand over through files in ``--work``, as the store would: intake
writes the items it read, clean and extract write articles with the store's row codec,
store writes a SQLite database, dossier reads it. Only the stage's own function is timed
(CPU time of this process, since the machine is shared); reading and writing the
hand-over files is not. Prints one JSON object.

Stages: intake, clean, extract, store, dossier (the per-stage chain); pipeline (the
public ``ingest`` + every story's dossier, end to end), ratio (pipeline vs trafilatura),
dask (batch speed-up), cores (the
pipeline with 1 and 2 worker processes, wall), stories (assignment cost), profile (cProfile of one stage).
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import io
import json
import os
import pstats
import resource
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate_articles  # noqa: E402
from pages import news_page  # noqa: E402

from corroborate import api  # noqa: E402
from corroborate.corpus import Corpus  # noqa: E402
from corroborate.extract import extract_article  # noqa: E402
from corroborate.intake import read_path  # noqa: E402
from corroborate.model import Article, RawDocument, SourceMeta  # noqa: E402
from corroborate.pipeline import clean_stage  # noqa: E402
from corroborate.settings import Settings  # noqa: E402
from corroborate.store.codec import article_to_row, row_to_article  # noqa: E402
from corroborate.workers import tune_gc  # noqa: E402

SETTINGS = Settings()
WARM_UP = RawDocument(
    "warm-up.txt",
    "Harbour works delayed in Velmora\n\nWork on the Velmora harbour wall was delayed on Monday, "
    'the port office said. "We expect to finish by May," said engineer Tovan Rell.\n',
    "text",
)


class Clock:
    """CPU seconds (and wall seconds) spent inside ``with clock:`` blocks."""

    def __init__(self) -> None:
        self.cpu = self.wall = 0.0

    def __enter__(self) -> None:
        self._cpu, self._wall = time.process_time(), time.perf_counter()

    def __exit__(self, *_: object) -> None:
        self.cpu += time.process_time() - self._cpu
        self.wall += time.perf_counter() - self._wall


def peak_rss() -> int:
    """Peak resident memory of this process in bytes (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def corpus_files(folder: Path) -> list[str]:
    return sorted(str(p) for p in folder.iterdir() if p.is_file())


def lines(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)


# ------------------------------------------------------------------ the per-stage chain


def stage_intake(args: argparse.Namespace, clock: Clock) -> int:
    count = 0
    with (args.work / "raw.jsonl").open("w", encoding="utf-8") as out:
        for path in corpus_files(args.corpus):
            with clock:
                items = read_path(path, SETTINGS)
            for item in items:
                if isinstance(item, RawDocument):
                    out.write(json.dumps({"path": path, "raw": dataclasses.asdict(item)}) + "\n")
                    count += 1
    return count


def _article_stage(
    args: argparse.Namespace, clock: Clock, src: str, dst: str, run: Callable[[Any], Article]
) -> int:
    count = 0
    with (args.work / dst).open("w", encoding="utf-8") as out:
        for record in lines(args.work / src):
            value = record["raw"] if "raw" in record else row_to_article(record["row"])
            with clock:
                article = run(value)
            out.write(json.dumps({"path": record["path"], "row": article_to_row(article)}) + "\n")
            count += 1
    return count


def _raw(data: dict[str, Any]) -> RawDocument:
    return RawDocument(**{**data, "meta": SourceMeta(**data["meta"])})


def stage_clean(args: argparse.Namespace, clock: Clock) -> int:
    clean_stage(WARM_UP, SETTINGS)
    return _article_stage(
        args, clock, "raw.jsonl", "clean.jsonl", lambda raw: clean_stage(_raw(raw), SETTINGS)
    )


def stage_extract(args: argparse.Namespace, clock: Clock) -> int:
    extract_article(clean_stage(WARM_UP, SETTINGS), SETTINGS)
    return _article_stage(args, clock, "clean.jsonl", "extract.jsonl", lambda a: extract_article(a, SETTINGS))


def _by_input(path: Path) -> Iterator[list[Article]]:
    """The extracted articles of each input file in turn (files are contiguous in the hand-over)."""
    group: list[Article] = []
    current = None
    for record in lines(path):
        if record["path"] != current and group:
            yield group
            group = []
        current = record["path"]
        group.append(row_to_article(record["row"]))
    if group:
        yield group


def stage_store(args: argparse.Namespace, clock: Clock) -> int:
    """What ``ingest`` does after the article stages: the unchanged check, dedup, entity linking,
    story assignment and the SQLite write, one transaction per input file."""
    store = api.open_store(str(args.work / "store.db"))
    count = 0
    try:
        with clock:
            corpus = Corpus(store)
        for articles in _by_input(args.work / "extract.jsonl"):
            with clock:
                fresh = [api.unchanged(a.source, a.input_hash, store) or a for a in articles]
                api.store_prepared(fresh, corpus, SETTINGS)
            count += len(articles)
    finally:
        store.close()
    return count


def all_dossiers(store: Any) -> int:
    """Build every story's dossier from the store (what `corroborate story` does for each)."""
    entities = api.entity_table(store)
    found = api.stories(store)
    for summary in found:
        api.dossier(store, summary["id"], entities)
    return len(found)


def stage_dossier(args: argparse.Namespace, clock: Clock) -> int:
    store = api.open_store(str(args.work / "store.db"))
    try:
        with clock:
            args.extra["stories"] = all_dossiers(store)
        return store.count_articles()
    finally:
        store.close()


CHAIN = {"intake": stage_intake, "clean": stage_clean, "extract": stage_extract, "store": stage_store,
         "dossier": stage_dossier}  # fmt: skip


# ------------------------------------------------------------------ end to end


def pipeline_run(paths: list[str], db: Path, clock: Clock) -> tuple[int, int]:
    """``ingest`` then every story's dossier, timed as one; (articles stored, stories)."""
    store = api.open_store(str(db))
    try:
        with clock:
            api.ingest(paths, store)
            stories = all_dossiers(store)
        return store.count_articles(), stories
    finally:
        store.close()


def stage_pipeline(args: argparse.Namespace, clock: Clock) -> int:
    api.prepare_item(WARM_UP, SETTINGS)
    count, args.extra["stories"] = pipeline_run(corpus_files(args.corpus), args.work / "pipeline.db", clock)
    return count


def write_pages(n: int, seed: int, folder: Path) -> list[str]:
    """The corpus's articles (same generator, seed and order as its text files) as web pages."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, record in enumerate(generate_articles(n, seed=seed)):
        path = folder / f"{i:07d}.html"
        path.write_text(news_page(record), encoding="utf-8")
        paths.append(str(path))
    return paths


def stage_ratio(args: argparse.Namespace, clock: Clock) -> int:
    """trafilatura.extract on each page, against our whole pipeline on the same articles."""
    import trafilatura

    texts = corpus_files(args.corpus)
    pages = write_pages(len(texts), args.seed, args.work / "pages")
    markup = [Path(p).read_text(encoding="utf-8") for p in pages]
    trafilatura.extract(markup[0])  # warm-up, both sides
    api.prepare_item(WARM_UP, SETTINGS)
    traf, ours, ours_html = Clock(), Clock(), Clock()
    with traf:
        extracted = sum(trafilatura.extract(page) is not None for page in markup)
    count, _ = pipeline_run(texts, args.work / "ratio-text.db", ours)
    pipeline_run(pages, args.work / "ratio-html.db", ours_html)
    args.extra.update(trafilatura_cpu=traf.cpu, trafilatura_pages=extracted, pipeline_cpu=ours.cpu,
                      pipeline_html_cpu=ours_html.cpu, page_bytes=sum(map(len, markup)) / len(markup))  # fmt: skip
    clock.cpu, clock.wall = ours.cpu, ours.wall
    return count


def children_cpu() -> float:
    """CPU seconds of finished child processes (the local Dask workers, once the cluster closed)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def stage_dask(args: argparse.Namespace, clock: Clock) -> int:
    """Sequential ingest, then batch ingest with 1 and 2 local workers: wall seconds, and CPU
    seconds of this process (the store step) and of the workers, since the machine is shared."""
    from corroborate.batch import BatchOptions, batch_ingest

    paths = corpus_files(args.corpus)
    api.prepare_item(WARM_UP, SETTINGS)
    runs: dict[str, Callable[[Any], Any]] = {
        "sequential": lambda store: api.ingest(paths, store),
        "workers_1": lambda store: batch_ingest(paths, store, options=BatchOptions(workers=1)),
        "workers_2": lambda store: batch_ingest(paths, store, options=BatchOptions(workers=2)),
    }
    for name, run in runs.items():
        store = api.open_store(str(args.work / f"dask-{name}.db"))
        wall, cpu, workers = time.perf_counter(), time.process_time(), children_cpu()
        try:
            run(store)
        finally:
            store.close()
        args.extra[name] = {"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu,
                            "workers_cpu": children_cpu() - workers, "load": os.getloadavg()[0]}  # fmt: skip
    return len(paths)


def stage_cores(args: argparse.Namespace, clock: Clock) -> int:
    """The whole pipeline as a user runs it on this machine: ``ingest --workers N`` and then every
    story's export record (dossier included) built on N processes, for N = 1 and 2; wall seconds,
    and CPU seconds of this process and of the worker processes."""
    paths = corpus_files(args.corpus)
    api.prepare_item(WARM_UP, SETTINGS)
    for workers in (1, 2):
        store = api.open_store(str(args.work / f"cores-{workers}.db"))
        wall, cpu, children = time.perf_counter(), time.process_time(), children_cpu()
        try:
            api.ingest(paths, store, workers=workers)
            ingested = time.perf_counter() - wall
            records = sum(1 for _ in api.story_records(store, workers=workers))
        finally:
            store.close()
        args.extra[f"workers_{workers}"] = {
            "wall": time.perf_counter() - wall, "ingest_wall": ingested, "cpu": time.process_time() - cpu,
            "workers_cpu": children_cpu() - children, "stories": records, "load": os.getloadavg()[0]}  # fmt: skip
    return len(paths)


def stage_stories(args: argparse.Namespace, clock: Clock) -> int:
    """Streaming assignment of real generated articles (``bench/stories.py``)."""
    import stories

    with clock:
        result = stories.run(args.n, args.seed, args.window)
    args.extra.update(per_milestone_ms=result.per_milestone_ms, stories=result.stories,
                      rss_per_article=(result.rss_growth or 0) / result.articles,
                      deep_per_article=result.deep_bytes / result.articles)  # fmt: skip
    return result.articles


def stage_simulate(args: argparse.Namespace, clock: Clock) -> int:
    """Assignment cost at 1k..``--n`` stories of simulated index contents (``bench/stories.py``)."""
    import stories

    with clock:
        result = stories.run_simulated(args.n, args.seed, args.window)
    args.extra.update(per_milestone_ms=result.per_milestone_ms, rss_per_story=result.rss_per_story)
    return max(result.per_milestone_ms)


def stage_baseline(args: argparse.Namespace, clock: Clock) -> int:
    """Nothing but the imports and one warm-up article: the floor under every peak RSS."""
    api.prepare_item(WARM_UP, SETTINGS)
    return 0


STAGES = {**CHAIN, "baseline": stage_baseline, "pipeline": stage_pipeline, "ratio": stage_ratio, "dask": stage_dask,
          "cores": stage_cores, "stories": stage_stories, "simulate": stage_simulate}  # fmt: skip


class ProfiledClock(Clock):
    """A clock that also profiles what runs inside it."""

    def __init__(self) -> None:
        super().__init__()
        self.profile = cProfile.Profile()

    def __enter__(self) -> None:
        super().__enter__()
        self.profile.enable()

    def __exit__(self, *exc: object) -> None:
        self.profile.disable()
        super().__exit__(*exc)


def top_functions(profile: cProfile.Profile, count: int = 15) -> list[dict[str, Any]]:
    """The functions with the most own time (cProfile's tottime), heaviest first."""
    stats = pstats.Stats(profile, stream=io.StringIO())
    rows = []
    for (file, line, name), (_, ncalls, tottime, cumtime, _) in stats.stats.items():  # type: ignore[attr-defined]
        short = "/".join(Path(file).parts[-2:]) if file != "~" else "~"
        rows.append(
            {"function": f"{short}:{line}({name})", "ncalls": ncalls, "tottime": tottime, "cumtime": cumtime}
        )
    return sorted(rows, key=lambda r: -r["tottime"])[:count]


def main(argv: list[str] | None = None) -> int:
    tune_gc()  # what the CLI does: every measurement runs under the CLI's gc settings
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stage", choices=sorted(STAGES))
    parser.add_argument("--corpus", type=Path, default=None, help="the generated corpus (text files)")
    parser.add_argument("--work", type=Path, required=True, help="hand-over folder of this corpus size")
    parser.add_argument("--n", type=int, default=0, help="articles or stories (stories, simulate)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--window", type=int, default=500)
    parser.add_argument("--profile", action="store_true", help="also report the top functions by own time")
    args = parser.parse_args(argv)
    args.extra = {}
    clock = ProfiledClock() if args.profile else Clock()
    count = STAGES[args.stage](args, clock)
    result = {"stage": args.stage, "count": count, "cpu": clock.cpu, "wall": clock.wall, "peak_rss": peak_rss(),
              **args.extra}  # fmt: skip
    if isinstance(clock, ProfiledClock):
        result["profile"] = top_functions(clock.profile)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
