"""Query parameters the pages and the API share, checked once: lengths and page numbers are
bounded (422 outside), dates must be ISO days (400 otherwise), empty form fields mean "any"."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated
from urllib.parse import urlencode

from fastapi import HTTPException, Query

from ..store.base import StoryFilter
from .settings import MAX_PAGE, MAX_QUERY_CHARS, WebSettings


@dataclass(frozen=True)
class ListParams:
    q: str
    outlet: str
    since: str
    until: str
    page: int

    def url(self, page: int) -> str:
        """The story list with these filters at another page (empty filters left out)."""
        fields = {"q": self.q, "outlet": self.outlet, "since": self.since, "until": self.until}
        kept = {k: v for k, v in fields.items() if v}
        return "/?" + urlencode({**kept, "page": page})

    @property
    def filtered(self) -> bool:
        return bool(self.q or self.outlet or self.since or self.until)


def list_params(
    q: Annotated[
        str | None, Query(max_length=MAX_QUERY_CHARS, description="full-text query (FTS5 syntax)")
    ] = None,
    outlet: Annotated[str | None, Query(max_length=300, description="exact outlet name")] = None,
    since: Annotated[
        str | None, Query(max_length=10, description="published on or after (YYYY-MM-DD)")
    ] = None,
    until: Annotated[
        str | None, Query(max_length=10, description="published on or before (YYYY-MM-DD)")
    ] = None,
    page: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1,
) -> ListParams:
    return ListParams(
        (q or "").strip(), (outlet or "").strip(), (since or "").strip(), (until or "").strip(), page
    )


def _day(value: str, name: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise HTTPException(400, f"{name} must be a date like 2025-03-12, not {value!r}") from None


def story_filter(params: ListParams, settings: WebSettings) -> StoryFilter:
    """The store filter; ``until`` is inclusive for people, so the store gets the next day."""
    since, until = _day(params.since, "since"), _day(params.until, "until")
    return StoryFilter(
        text=params.q or None,
        outlet=params.outlet or None,
        since=since.isoformat() if since else None,
        until=(until + dt.timedelta(days=1)).isoformat() if until and until < dt.date.max else None,
        max_hits=settings.search_max_hits,
    )
