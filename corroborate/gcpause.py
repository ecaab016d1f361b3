"""Pause Python's cyclic garbage collector around a burst of allocation.

Building a story's export record allocates ~10^5 small objects (decoded spans, claims, claim
views) that are freed by reference counting, not by the collector: it finds almost no cycles
there, yet its full collections scan every live object of the process again and again (a
third of the CPU time of the export). Paused, it runs once the burst is over.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_LOCK = threading.Lock()
#: how many callers are inside a pause, and whether the collector was on when the first came
_STATE = {"depth": 0, "was_enabled": False, "overlapped": 0}
#: Pauses that end while another is still running (threads extracting back to back, as Dask's
#: threaded workers do, may never leave the collector on): every this many, the youngest
#: generation, where everything allocated meanwhile sits, is collected, so cycles cannot pile up.
COLLECT_EVERY = 64


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the block with the collector off; nested or concurrent pauses (threads) turn it back
    on only when the last one ends, and only if it was on before the first."""
    with _LOCK:
        if _STATE["depth"] == 0:
            _STATE["was_enabled"] = gc.isenabled()
            gc.disable()
        _STATE["depth"] += 1
    try:
        yield
    finally:
        with _LOCK:
            _STATE["depth"] -= 1
            if _STATE["depth"] == 0:
                if _STATE["was_enabled"]:
                    gc.enable()
            elif _STATE["was_enabled"]:
                _STATE["overlapped"] += 1
                if _STATE["overlapped"] % COLLECT_EVERY == 0:
                    gc.collect(0)
