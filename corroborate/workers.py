"""Worker processes: how many, and a pool whose workers neither outlive nor hang this process.

Used by ``ingest --workers`` (:mod:`corroborate.prepare`) and ``export --workers``
(:func:`corroborate.api.story_records`).
"""

from __future__ import annotations

import ctypes
import gc
import math
import multiprocessing
import os
import signal
import sys
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from typing import Any, TypeVar

K = TypeVar("K")
P = TypeVar("P")
R = TypeVar("R")

#: Fewer inputs than this per worker are not worth starting worker processes for.
MIN_INPUTS_PER_WORKER = 16

#: prctl option: the signal this process gets when its parent dies (linux/prctl.h).
_PR_SET_PDEATHSIG = 1


#: gc thresholds for processes that ingest or build dossiers. Extraction and dossiers make
#: hundreds of thousands of short-lived objects, so with the default (700, 10, 10) the collector
#: runs thousands of times, each time walking the young objects, and often every loaded lexicon.
#: These values cut the CPU time of ingest plus dossiers by about 10 % on the bench corpus with
#: the same peak memory (18.5 -> 16.5 ms per article, 387 -> 390 MB); the export is unchanged.
GC_THRESHOLDS = (50_000, 20, 100)


def tune_gc() -> None:
    """Collect garbage less often (:data:`GC_THRESHOLDS`); the CLI and worker processes call this."""
    gc.set_threshold(*GC_THRESHOLDS)


def usable_cores() -> int:
    """Cores this process may use: its affinity mask, capped by a container's CPU quota (cgroups)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    quota = cgroup_cpu_quota()
    return max(1, min(cores, math.ceil(quota))) if quota else cores


#: Where cgroup v2 and v1 keep a CPU quota: (file, its period file or None when one file holds both).
_QUOTA_FILES = (("/sys/fs/cgroup/cpu.max", None),
                ("/sys/fs/cgroup/cpu/cpu.cfs_quota_us", "/sys/fs/cgroup/cpu/cpu.cfs_period_us"))  # fmt: skip


def cgroup_cpu_quota(files: tuple[tuple[str, str | None], ...] = _QUOTA_FILES) -> float | None:
    """The CPUs a container's quota allows (2.5 for 250 ms per 100 ms), or None without a quota."""
    for quota_file, period_file in files:
        try:
            with open(quota_file) as handle:
                fields = handle.read().split()
            if period_file:
                with open(period_file) as handle:
                    fields = [fields[0], handle.read().strip()]
        except (OSError, IndexError):
            continue
        if len(fields) == 2 and fields[0] not in ("max", "-1") and fields[1].isdigit() and int(fields[1]):
            try:
                return int(fields[0]) / int(fields[1])
            except ValueError:
                return None
    return None


def worker_count(requested: int, inputs: int) -> int:
    """Processes for ``inputs`` inputs: ``requested``, or for 0 one per core if each gets enough work.

    >>> worker_count(3, 1), worker_count(0, 1)
    (3, 1)
    """
    if requested:
        return requested
    return max(1, min(usable_cores(), inputs // MIN_INPUTS_PER_WORKER))


@contextmanager
def process_pool(
    workers: int, initializer: Callable[..., None] | None = None, initargs: tuple[Any, ...] = ()
) -> Iterator[ProcessPoolExecutor]:
    """A pool of ``workers`` processes, shut down on exit with the work not yet started cancelled.

    Workers ignore Ctrl-C (this process decides when to stop; a worker interrupted while sending
    a result would leave the pool's pipe locked and the shutdown waiting forever), and on Linux
    they die with this process: killed by SIGKILL or out of memory, it cannot tell them to stop.
    """
    context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    pool = ProcessPoolExecutor(workers, context, _start_worker, (os.getpid(), initializer, initargs))
    try:
        yield pool
    except BaseException:  # Ctrl-C, an error, or the caller stopped early: do not wait for the work
        _stop_now(pool)
        raise
    pool.shutdown(wait=True)


def _stop_now(pool: ProcessPoolExecutor) -> None:
    """Shut the pool down without waiting, and kill its workers (they hold nothing worth saving).

    Waiting for tasks already running could take seconds, and a second Ctrl-C during that wait
    left workers that were never told to stop, which the interpreter then waited for at exit.
    """
    # pid -> Process; there is no public way to reach the workers before Python 3.14
    workers = list((getattr(pool, "_processes", None) or {}).values())
    results = getattr(pool, "_result_queue", None)  # shutdown drops it
    calls = getattr(pool, "_call_queue", None)
    try:
        pool.shutdown(wait=False, cancel_futures=True)
        for process in workers:
            process.kill()
        for process in workers:
            process.join(timeout=5)
    finally:  # even when a second Ctrl-C cuts the above short
        # A worker killed while sending a result leaves half a message in the result pipe; the
        # pool's manager thread then waits for the rest forever, and the interpreter joins that
        # thread at exit. With the workers dead this process holds the pipe's last write end:
        # closing it turns that wait into end-of-file, and the thread ends.
        writer = getattr(results, "_writer", None)
        if writer is not None:
            writer.close()
        # Tasks still queued for the dead workers may never leave the queue's feeder thread,
        # which the interpreter would also wait for at exit.
        if calls is not None:
            calls.cancel_join_thread()


def _start_worker(parent: int, initializer: Callable[..., None] | None, initargs: tuple[Any, ...]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    tune_gc()
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != parent:  # the parent died before prctl took effect
            os._exit(1)
    if initializer is not None:
        initializer(*initargs)


def ordered_map(
    pool: ProcessPoolExecutor,
    work: Callable[[P], R],
    tasks: Iterable[tuple[K, P]],
    in_flight: int,
    here: Callable[[P], R] | None = None,
) -> Iterator[tuple[K, R]]:
    """``(key, work(payload))`` for each task, in task order, at most ``in_flight`` tasks ahead.

    Tasks are read lazily, so memory stays flat however many there are. If a worker dies (killed,
    out of memory), the pool is broken: the remaining tasks run in this process, through ``here``
    (default ``work``), with a warning.
    """
    local = here or work
    pending: deque[tuple[K, P, Future[R]]] = deque()
    fallbacks: list[str] = []
    for key, payload in tasks:
        pending.append((key, payload, _submit(pool, work, local, payload)))
        while len(pending) > in_flight:
            yield _outcome(pending.popleft(), local, fallbacks)
    while pending:
        yield _outcome(pending.popleft(), local, fallbacks)


def _submit(
    pool: ProcessPoolExecutor, work: Callable[[P], R], local: Callable[[P], R], payload: P
) -> Future[R]:
    try:
        return pool.submit(work, payload)
    except BrokenProcessPool:
        done: Future[R] = Future()
        done.set_result(local(payload))
        return done


def _outcome(task: tuple[K, P, Future[R]], local: Callable[[P], R], fallbacks: list[str]) -> tuple[K, R]:
    key, payload, future = task
    try:
        return key, future.result()
    except (BrokenProcessPool, WorkerUnavailable) as exc:
        why = str(exc) if isinstance(exc, WorkerUnavailable) else "a worker process died"
        if why not in fallbacks:  # once per cause, not once per task
            fallbacks.append(why)
            warnings.warn(f"{why}; the rest runs in this process", RuntimeWarning, stacklevel=3)
        return key, local(payload)


class WorkerUnavailable(Exception):
    """A worker cannot do the task (its own store would not open): the task runs in this process."""
