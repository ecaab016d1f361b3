"""The web app's options, in one frozen object (the pipeline's own options ride along as ``ingest``)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from ..settings import DEFAULT_SETTINGS, Settings

#: Paging bounds of every list (pages and the JSON API); requests outside get a 422.
MAX_PAGE = 10_000
MAX_PER_PAGE = 100
#: Longest search query accepted (characters).
MAX_QUERY_CHARS = 500


@dataclass(frozen=True)
class WebSettings:
    #: Where the server listens. Anything but loopback requires a write token.
    host: str = "127.0.0.1"
    port: int = 8000
    #: Stories per page of the story list.
    per_page: int = 20
    #: Request bodies larger than this get 413 (an article with its HTML fits easily).
    max_body_bytes: int = 8 * 1024 * 1024
    #: Claim counts on the story list need the story's dossier. Stories up to this size get them
    #: computed (once, then cached) when a list page shows them; larger ones when first opened ...
    stats_max_articles: int = 50
    #: ... and while this many seconds last, so a page of new stories still opens quickly; the
    #: rest get their counts on a later view.
    stats_seconds: float = 1.5
    #: Full-text filters of the story list look at this many best-matching articles at most.
    search_max_hits: int = 2000
    #: An entity page collects quotations from this many of the latest articles naming it.
    entity_quote_articles: int = 30
    #: Options of the ingest pipeline, for articles posted to the API.
    ingest: Settings = field(default_factory=lambda: DEFAULT_SETTINGS)

    def replace(self, **changes: object) -> WebSettings:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]


DEFAULT_WEB_SETTINGS = WebSettings()
