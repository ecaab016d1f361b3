"""The HTML pages: parse the request, call the library, render a template. Nothing else."""

from __future__ import annotations

from collections import Counter
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, Query
from fastapi.responses import HTMLResponse
from markupsafe import Markup

from .. import api
from ..model import REMOVED_KINDS, Article
from ..reconcile.features import outlet_name
from .app import WebContext, web_context
from .charts import coverage_svg, timeline_chart
from .highlight import article_layers, highlighted_text
from .params import ListParams, list_params, story_filter
from .queries import entity, entity_quotes, entity_stories, story_page, story_view
from .security import safe_url
from .settings import MAX_PAGE
from .views import by_status, group_summaries, matrix, outlet_columns, timeline_dates, timeline_items

router = APIRouter(include_in_schema=False)
Context = Annotated[WebContext, Depends(web_context)]
#: Quotations listed per speaker on the story page.
MAX_QUOTES = 12
DATE_SOURCES = {
    "metadata": "declared by the source (its metadata)",
    "text": "inferred from the article text",
}


@router.get("/", response_class=HTMLResponse)
def stories_page(web: Context, params: Annotated[ListParams, Depends(list_params)]) -> HTMLResponse:
    store = web.access.reader()
    filters = story_filter(params, web.settings)
    found = story_page(store, filters, params.page, web.settings)
    hits = api.search(store, filters.text, 10) if filters.text and params.page == 1 else []
    return web.page("stories.html", {
        "page": found, "form": params, "q": params.q, "filtered": params.filtered, "outlets": store.outlets(),
        "hits": hits, "page_url": params.url, "max_hits": web.settings.search_max_hits,
    })  # fmt: skip


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page_html(web: Context, story_id: str) -> HTMLResponse:
    view = story_view(web.access.reader(), story_id)
    d = view.dossier
    columns, groups = outlet_columns(d), by_status(d)
    return web.page("story.html", {
        "d": d, "row": view.row, "q": "", "columns": columns, "entities": view.entities,
        "articles": {a.id: a for a in view.articles},
        "main_rows": matrix([*groups["corroborated"], *groups["conflicting"]], columns),
        "unique_rows": matrix(groups["unique"], columns),
        "timeline": timeline_items(d), "timeline_svg": _svg(timeline_chart(timeline_dates(d))),
        "coverage_svg": _svg(coverage_svg(d)), "summaries": group_summaries(d), "max_quotes": MAX_QUOTES,
    })  # fmt: skip


def _svg(markup: str) -> Markup:
    """SVG we drew ourselves (every piece of article text in it escaped when it was drawn)."""
    return Markup(markup)


def _focus(hl: str | None, text: str) -> tuple[int, int] | None:
    """The span ``start-end`` to highlight, when it lies inside the text."""
    if not hl:
        return None
    start, _, end = hl.partition("-")
    lo, hi = int(start), int(end)
    return (lo, hi) if 0 <= lo < hi <= len(text) else None


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(
    web: Context,
    article_id: str,
    hl: Annotated[
        str | None, Query(pattern=r"^\d{1,9}-\d{1,9}$", description="start-end to highlight")
    ] = None,
) -> HTMLResponse:
    store = web.access.reader()
    article = store.get_article(article_id)
    names = {eid: rec["name"] for eid, rec in store.get_entities(article.entity_ids).items()}
    layers = article_layers(article, names)
    focus = _focus(hl, article.text)
    story = store.story_rows([article.story_id])[0] if article.story_id else None
    return web.page("article.html", {
        "a": article, "q": "", "outlet": outlet_name(article), "link": _link(article), "story": story,
        "date_how": DATE_SOURCES.get(article.meta.published_from or "", "no publication date found"),
        "body": highlighted_text(article.text, layers, focus), "focus": focus,
        "counts": Counter(layer.kind for layer in layers), "kinds": REMOVED_KINDS,
    })  # fmt: skip


def _link(article: Article) -> str | None:
    return safe_url(article.meta.url)


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity_page(
    web: Context, entity_id: str, page: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1
) -> HTMLResponse:
    store = web.access.reader()
    record = entity(store, entity_id)
    stories = entity_stories(store, entity_id, page, web.settings.per_page)
    total, quotes = entity_quotes(store, entity_id, web.settings.entity_quote_articles)
    return web.page("entity.html", {
        "e": record, "q": "", "stories": stories, "quotes": quotes, "article_total": total,
        "quote_articles": web.settings.entity_quote_articles,
        "page_url": lambda n: f"/entities/{quote(entity_id, safe='')}?page={n}",
    })  # fmt: skip
