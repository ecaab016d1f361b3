"""Entity linking gives the same ids whatever the hash seed (set order must never decide a tie)."""

from __future__ import annotations

import os
import subprocess
import sys

LINK_BARE_SURNAME = """
from corroborate.extract.registry import ArticleEntity, EntityRegistry
registry = EntityRegistry()
for given in ("Anna", "Bruno", "Carla", "Dario", "Elena", "Fabio"):
    registry.link([ArticleEntity(given + " Kessler", "PERSON")])
print(registry.link([ArticleEntity("Kessler", "PERSON")]))
"""


def test_a_tie_between_namesakes_is_broken_the_same_way_under_every_hash_seed():
    seen = set()
    for seed in ("1", "2", "3", "4"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", LINK_BARE_SURNAME], env=env, capture_output=True,
                              text=True, check=True)  # fmt: skip
        seen.add(done.stdout.strip())
    assert len(seen) == 1, seen
