"""How request handlers reach the store.

A database connection belongs to the thread that opened it, and the server answers requests
on a pool of threads, so each thread reads through its own store. Writes go through one
thread, which also keeps the corpus state (entity registry, story index) between posts:
loading it costs a scan of the corpus, and ingest order must be one at a time anyway.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from .. import api
from ..corpus import Corpus
from ..intake import read_bytes
from ..model import IngestResult, RawDocument
from ..settings import Settings
from ..store import Store, open_store


class StoreAccess:
    def __init__(self, url: str, ingest_settings: Settings) -> None:
        self.url = url
        self.ingest_settings = ingest_settings
        self._local = threading.local()
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="corroborate-writer")
        self._write_store: Store | None = None
        self._corpus: Corpus | None = None
        probe = open_store(url)  # create or migrate now, so a bad path fails at startup
        #: the store as messages may name it (without a password)
        self.name = probe.url
        probe.close()

    def reader(self) -> Store:
        """This thread's store (opened on first use)."""
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = open_store(self.url)
        return store

    def ingest_article(self, fields: Mapping[str, Any], source: str) -> IngestResult:
        """Ingest one article given in the JSONL ingest format (on the writer thread)."""
        return self._writer.submit(self._ingest, dict(fields), source).result()

    def _ingest(self, fields: dict[str, Any], source: str) -> IngestResult:
        store = self._write_store = self._write_store or open_store(self.url)
        # Corpus.transaction reloads the state when another process (the CLI, say) wrote since,
        # and after a failed write.
        corpus = self._corpus = self._corpus or Corpus(store)
        line = json.dumps(fields, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        item = read_bytes(line, source, self.ingest_settings)[0]
        seen = api.unchanged(source, item.input_hash, store) if isinstance(item, RawDocument) else None
        prepared = seen or api.prepare_item(item, self.ingest_settings)
        return api.store_prepared([prepared], corpus, self.ingest_settings)[0]

    def close(self) -> None:
        self._writer.shutdown(wait=True)
