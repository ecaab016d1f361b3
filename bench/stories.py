"""Benchmark story assignment: throughput, time per article as the index grows, memory.

Streams ``--n`` generated articles through one :class:`StoryIndex` and
reports:

* articles/s for assignment alone (representation + search + update; the
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
        started = time.perf_counter()
        index.assign(doc)
        spent = time.perf_counter() - started
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
    args = parser.parse_args(argv)
    print(report(run(args.n, args.seed, args.window, args.events_per_article)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
