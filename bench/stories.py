"""Benchmark story assignment: throughput, time per article as the index grows, memory.

Streams ``--n`` generated articles through one :class:`StoryIndex` and
reports:

* articles/s for assignment alone, in CPU time (representation + search + update; the
  article generator is not timed);
* mean time per article over the ``--window`` articles that follow the
  moment the index holds 1k, 10k and 100k stories (the target is that the
  100k figure stays within 2x of the 1k figure);
* memory per indexed article: the index's own objects measured by walking
  them (``deep``), and the growth of resident memory (``VmRSS`` in
  ``/proc/self/status``) while the index was built.

Articles come from ``bench/corpus.py``'s ``generate_articles``, run in
chunks of 10k articles (a new seed per chunk, each chunk's dates shifted
1000 days on, about ten articles a day) with one generator event per
article, so that the number of stories grows with the stream; if that
module is missing a small built-in template generator is used instead.

    python bench/stories.py                 # full run, 210k articles (about 15 minutes)
    python bench/stories.py --n 3000        # quick check
    python bench/stories.py --simulate 1000000   # 1k..1M stories, simulated index contents

Streaming a million stories' worth of articles would take hours, so ``--simulate``
fills the index with stories copied from a pool of real ones (built by streaming
``POOL`` generated articles): copy *k* of a pool story gets its own id, a later
date on a timeline of ``STORIES_PER_DAY`` new stories a day, and its names made
unique per copy round (other terms recur, as words and figures do in the news).
At each milestone (1k, 10k, 100k, 1M stories) ``--window`` fresh articles dated
at the end of that timeline are assigned and timed, as in the streaming run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corroborate.cluster import ClusterDoc, StoryIndex  # noqa: E402
from corroborate.cluster.persist import StoryRow  # noqa: E402

MILESTONES = (1_000, 10_000, 100_000)
_PLACES = ("Ardent", "Bellmoor", "Corvala", "Dunmere", "Estrava", "Falkreach", "Garrow", "Hollin")
_EVENTS = ("flood", "fire", "strike", "election", "storm", "merger", "trial", "protest", "outbreak")
_WORDS = ("officials", "residents", "council", "ministry", "police", "hospital", "bridge", "school",
          "river", "market", "budget", "report", "inquiry", "agency", "court", "harbour")  # fmt: skip


def fallback_articles(n: int, seed: int = 0) -> Iterator[dict[str, str | None]]:
    """Template articles (used only when bench/corpus.py is absent): one invented event each."""
    rng = random.Random(seed)
    start = dt.date(2023, 1, 1)
    for i in range(n):
        place = f"{rng.choice(_PLACES)}{rng.randint(1, 999)}"
        event, figure = rng.choice(_EVENTS), rng.randint(2, 5000)
        body = " ".join(
            f"The {rng.choice(_WORDS)} in {place} said {figure} {rng.choice(_WORDS)}." for _ in range(8)
        )
        day = start + dt.timedelta(days=i * 365 // max(n, 1))
        yield {"id": f"a{i}", "title": f"{event.title()} in {place}: {figure} affected", "text": body,
               "published": day.isoformat()}  # fmt: skip


#: Articles per generator run; each run covers its own ``CHUNK_DAYS`` so time keeps moving forward.
CHUNK = 10_000
CHUNK_DAYS = 1000


def articles(n: int, seed: int, events_per_article: float) -> Iterator[tuple[dict[str, str | None], int]]:
    """(record, day shift) pairs: the shared generator in chunks when present, else the fallback.

    Chunks keep the news density realistic (about ten articles a day) and
    the generator's own memory bounded, whatever ``n`` is.
    """
    try:
        from corpus import generate_articles
    except ImportError:
        yield from ((record, 0) for record in fallback_articles(n, seed))
        return
    for chunk, start in enumerate(range(0, n, CHUNK)):
        size = min(CHUNK, n - start)
        events = max(1, int(size * events_per_article))
        for record in generate_articles(size, seed * 7919 + chunk, events=events):
            yield record, chunk * CHUNK_DAYS


def to_doc(record: dict[str, str | None], shift_days: int = 0) -> ClusterDoc:
    """A generated record as the clusterer's input (date shifted per chunk)."""
    published = record.get("published")
    day = dt.date.fromisoformat(published[:10]) + dt.timedelta(days=shift_days) if published else None
    return ClusterDoc(str(record["id"]), record.get("title") or "", record.get("text") or "", day)


def rss_bytes() -> int | None:
    """Resident set size from /proc (Linux); None elsewhere."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def deep_size(root: object) -> int:
    """Bytes of every object reachable from ``root`` (each counted once)."""
    seen: set[int] = set()
    stack = [root]
    total = 0
    while stack:
        obj = stack.pop()
        if id(obj) in seen or isinstance(obj, type):
            continue
        seen.add(id(obj))
        total += sys.getsizeof(obj)
        stack.extend(_children(obj))
    return total


def _children(obj: object) -> list[object]:
    if isinstance(obj, dict):
        return [*obj.keys(), *obj.values()]
    if isinstance(obj, list | tuple | set | frozenset):
        return list(obj)
    if hasattr(obj, "__slots__"):
        return [getattr(obj, s) for s in obj.__slots__ if hasattr(obj, s)]
    if hasattr(obj, "__dict__") and not callable(obj):
        return [vars(obj)]
    return []


@dataclass(frozen=True)
class BenchResult:
    articles: int
    stories: int
    seconds: float
    #: stories in the index -> mean ms per article over the following window
    per_milestone_ms: dict[int, float]
    deep_bytes: int
    rss_growth: int | None


def run(n: int, seed: int, window: int, events_per_article: float = 1.0) -> BenchResult:
    """Stream the articles, timing each assignment; sample timings after each milestone."""
    index = StoryIndex()
    rss_before = rss_bytes()
    total = 0.0
    pending = list(MILESTONES)
    sampling: dict[int, list[float]] = {}
    for record, shift in articles(n, seed, events_per_article):
        doc = to_doc(record, shift)
        started = time.process_time()  # CPU time: the machine is shared, wall time is noisy
        index.assign(doc)
        spent = time.process_time() - started
        total += spent
        if index.article_count % 1000 == 0:
            index.take_changes()  # what the pipeline persists after each article; untimed here
        if pending and len(index) >= pending[0]:
            sampling[pending.pop(0)] = []
        for times in sampling.values():
            if len(times) < window:
                times.append(spent)
    rss_after = rss_bytes()
    growth = rss_after - rss_before if rss_before and rss_after else None
    per_milestone = {m: 1000 * sum(t) / len(t) for m, t in sampling.items() if t}
    return BenchResult(index.article_count, len(index), total, per_milestone, deep_size(index), growth)


def report(result: BenchResult) -> str:
    """Human-readable summary of one run."""
    n = result.articles
    lines = [f"articles {n}, stories {result.stories}, assignment {result.seconds:.1f} s "
             f"= {n / result.seconds:.0f} articles/s"]  # fmt: skip
    timings = result.per_milestone_ms
    for milestone, ms in timings.items():
        lines.append(f"  per-article time after {milestone:>7,} stories: {ms:.2f} ms")
    if MILESTONES[0] in timings and len(timings) > 1:
        last = max(timings)
        ratio = timings[last] / timings[MILESTONES[0]]
        lines.append(f"  ratio {last:,} / {MILESTONES[0]:,} stories: {ratio:.2f}x")
    lines.append(f"  index objects: {result.deep_bytes / n:.0f} bytes per article (deep size)")
    if result.rss_growth is not None:
        lines.append(f"  resident memory growth: {result.rss_growth / n:.0f} bytes per article")
    return "\n".join(lines)


# ------------------------------------------------------------------ simulated index contents

#: Real stories copied to fill the simulated index, and new stories per day on its timeline.
POOL = 4000
STORIES_PER_DAY = 300
SIM_MILESTONES = (1_000, 10_000, 100_000, 1_000_000)


def story_pool(seed: int) -> list[StoryRow]:
    """Stories of ``POOL`` streamed articles (one generator event each)."""
    index = StoryIndex()
    for record, shift in articles(POOL, seed + 1, 1.0):
        index.assign(to_doc(record, shift))
    return index.export_rows()


def simulated_row(pool: list[StoryRow], i: int, start: dt.date) -> StoryRow:
    """Copy ``i`` of a pool story: own id, own date on the timeline, names unique to its round."""
    row, round_ = pool[i % len(pool)], i // len(pool)
    rename = (lambda t: f"{t}~{round_}" if t.startswith("n:") else t) if round_ else (lambda t: t)  # noqa: E731
    span = (row.last_date - row.first_date) if row.first_date and row.last_date else dt.timedelta()
    first = start + dt.timedelta(days=i // STORIES_PER_DAY)
    terms = tuple((rename(t), w) for t, w in row.terms)
    return StoryRow(
        f"story:sim{i}", row.count, first, first + span, terms, tuple(map(rename, row.keys)), i + 1
    )


class SimulatedIndex:
    """A StoryIndex grown from simulated rows.

    Rows are restored one at a time through the index's own restore step (private API, on
    purpose: ``StoryIndex.from_rows`` sorts a list of every row, which at a million stories
    would need gigabytes for the rows alone). Document frequencies are kept here and
    written to the index before each measurement.
    """

    def __init__(self, seed: int) -> None:
        self.pool = story_pool(seed)
        self.index = StoryIndex()
        self.df: dict[str, int] = {}
        self.documents = 0
        self.start = dt.date(2000, 1, 1)

    def grow_to(self, stories: int) -> None:
        for i in range(len(self.index), stories):
            row = simulated_row(self.pool, i, self.start)
            self.index._restore(row)
            self.documents += row.count
            for term, _ in row.terms:
                self.df[term] = self.df.get(term, 0) + row.count
        self.index._set_counts(self.documents)
        for term, df in self.df.items():
            self.index._set_df(self.index._term_id(term), df)
        self.index.take_changes()

    def today(self) -> dt.date:
        return self.start + dt.timedelta(days=len(self.index) // STORIES_PER_DAY)


def time_window(sim: SimulatedIndex, window: int, seed: int) -> float:
    """Mean ms per assignment of ``window`` fresh articles dated at the end of the timeline."""
    records = list(generate_window(window, seed))
    first = min(dt.date.fromisoformat(str(r["published"])[:10]) for r in records if r.get("published"))
    shift = (sim.today() - first).days
    spent = 0.0
    for record in records:
        doc = to_doc(record, shift)
        started = time.process_time()  # CPU time: the machine is shared
        sim.index.assign(doc)
        spent += time.process_time() - started
    sim.index.take_changes()
    return 1000 * spent / len(records)


def generate_window(n: int, seed: int) -> Iterator[dict[str, str | None]]:
    from corpus import generate_articles

    return generate_articles(n, seed, events=max(1, n // 4))


@dataclass(frozen=True)
class SimulatedResult:
    #: stories in the index -> mean ms per article of the window that followed
    per_milestone_ms: dict[int, float]
    #: stories in the index -> resident memory growth per story since the empty index
    rss_per_story: dict[int, float]
    build_seconds: float


def run_simulated(top: int, seed: int, window: int) -> SimulatedResult:
    """Grow a simulated index milestone by milestone up to ``top`` stories, timing a window at each."""
    sim = SimulatedIndex(seed)
    base = rss_bytes() or 0
    timings: dict[int, float] = {}
    memory: dict[int, float] = {}
    build = 0.0
    for k, milestone in enumerate(m for m in SIM_MILESTONES if m <= top):
        started = time.perf_counter()
        sim.grow_to(milestone)
        build += time.perf_counter() - started
        memory[milestone] = ((rss_bytes() or 0) - base) / milestone
        timings[milestone] = time_window(sim, window, seed * 31 + k + 100)
    return SimulatedResult(timings, memory, build)


def report_simulated(result: SimulatedResult) -> str:
    lines = [f"simulated index (built in {result.build_seconds:.0f} s, pool of {POOL} real stories)"]
    for milestone, ms in result.per_milestone_ms.items():
        rss = result.rss_per_story[milestone]
        lines.append(
            f"  per-article time at {milestone:>9,} stories: {ms:.2f} ms  (index RSS {rss:,.0f} B/story)"
        )
    timings = result.per_milestone_ms
    if len(timings) > 1:
        low, high = min(timings), max(timings)
        lines.append(
            f"  growth {high:,} / {low:,} stories: {timings[high] / timings[low]:.2f}x (target <= 2x)"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description="Story assignment benchmark.")
    parser.add_argument("--n", type=int, default=210_000, help="articles to stream (default 210000)")
    parser.add_argument(
        "--events-per-article",
        type=float,
        default=1.0,
        help="generator events per article; high values give many small stories (default 1)",
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--window", type=int, default=1000, help="articles timed after each milestone")
    parser.add_argument("--simulate", type=int, default=0, metavar="STORIES",
                        help="instead: simulated index contents up to this many stories (e.g. 1000000)")  # fmt: skip
    args = parser.parse_args(argv)
    if args.simulate:
        print(report_simulated(run_simulated(args.simulate, args.seed, args.window)))
        return 0
    print(report(run(args.n, args.seed, args.window, args.events_per_article)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
