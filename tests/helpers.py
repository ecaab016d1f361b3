"""Small builders shared by the tests. All text here is our own."""

from __future__ import annotations

from corroborate.model import Article, RawDocument, SourceMeta
from corroborate.pipeline import run_stages
from corroborate.settings import Settings

HARBOUR_STORY = (
    "Harbour Bridge Reopens After Storm Repairs\n"
    "Engineers finished ahead of schedule\n"
    "The Harbour Bridge in Port Ellis reopened to traffic on Tuesday after six weeks of storm repairs, "
    "the city transport office said.\n"
    '"We asked crews to work through the nights and they delivered," said transport director Mara Quist. '
    "The bridge carries about 40,000 vehicles a day.\n"
    "Local shop owners said the closure had cut their trade by almost half during the repairs.\n"
)


def make_article(text: str = HARBOUR_STORY, source: str = "harbour.txt", **meta: str) -> Article:
    raw = RawDocument(source=source, text=text, format="text", meta=SourceMeta(**meta))
    return run_stages(raw, Settings())
