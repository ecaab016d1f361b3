"""corroborate: reads the news the way a careful analyst does.

The public API lives in :mod:`corroborate.api`; its names are re-exported
here lazily, so importing one small module does not load every backend.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "IngestSummary": "api", "export_records": "api", "ingest": "api", "ingest_file": "api",
    "open_store": "api", "search": "api",
    "Article": "model", "RawDocument": "model", "Removed": "model", "Span": "model",
    "Settings": "settings", "DEFAULT_SETTINGS": "settings",
}  # fmt: skip

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'corroborate' has no attribute {name!r}")
    return getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
