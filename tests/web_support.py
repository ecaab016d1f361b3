"""What the web tests share: the bundled sample corpus ingested once per session (each test
gets its own copy), and a hostile article of our own invention."""

from __future__ import annotations

import atexit
import shutil
import sqlite3
import tempfile
from importlib import resources
from pathlib import Path

from corroborate import api
from corroborate.store import open_store

_BUILT: dict[str, Path] = {}

#: Markup and script in every field a page shows. Each payload sets a different window.pwned
#: value, so a failing test says which one ran.
HOSTILE = {
    "id": "hostile-0001",
    "url": "javascript:window.pwned=3",
    "outlet": '<img src=x onerror="window.pwned=4">Quillmoor Gazette',
    "title": "<script>window.pwned=1</script>Crane topples at Brenvik quay <img src=x onerror=window.pwned=2>",
    "author": "<b onmouseover=window.pwned=5>Tamsin Oyelaran-Voss</b>",
    "published": "2025-04-02",
    "text": (
        "<script>window.pwned=1</script>Crane topples at Brenvik quay\n"
        "A container crane toppled at Brenvik quay on Tuesday, injuring four dock workers, "
        "the port office said. <img src=x onerror=window.pwned=6>\n"
        '"The wind <script>window.pwned=7</script> tore it from its rails," harbour master '
        'Oskar Velleman told reporters on Wednesday. <a href="javascript:window.pwned=8">more</a>\n'
        "Velleman said the quay would stay closed until Friday while engineers inspect the other cranes. "
        "<svg onload=window.pwned=9></svg>\n"
    ),
}


def sample_files() -> list[str]:
    folder = resources.files("corroborate") / "data" / "sample"
    return sorted(str(f) for f in folder.iterdir() if f.name != "README.md")


def _build() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="corroborate-web-tests-"))
    atexit.register(shutil.rmtree, folder, True)
    path = folder / "sample.db"
    store = open_store(str(path))
    try:
        api.ingest(sample_files(), store)
    finally:
        store.close()
    return path


def sample_db(directory: Path) -> str:
    """A fresh copy of the ingested sample corpus in ``directory`` (ingested once per session)."""
    if "sample" not in _BUILT:
        _BUILT["sample"] = _build()
    target = directory / "sample.db"
    source, copy = sqlite3.connect(_BUILT["sample"]), sqlite3.connect(target)
    try:
        source.backup(copy)  # the backup API copies what still sits in the WAL too
    finally:
        source.close()
        copy.close()
    return str(target)
