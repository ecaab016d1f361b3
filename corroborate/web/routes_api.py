"""The JSON API: the same data the pages show, as records of the export contract.

Errors are ``{"error": message, "status": code}``: 400 bad search syntax or date, 401/403
writes without the token, 404 unknown id, 413 body too large, 415 not JSON, 422 invalid
parameters or an article that cannot be read.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, HTTPException, Query
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from .. import api
from .app import WebContext, web_context
from .params import ListParams, list_params, story_filter
from .queries import (
    StoryPage,
    article_json,
    entity,
    entity_quotes,
    entity_stories,
    story_json,
    story_page,
    story_view,
)
from .security import bearer, is_loopback, token_matches
from .settings import MAX_PAGE, MAX_PER_PAGE, MAX_QUERY_CHARS

router = APIRouter(prefix="/api", tags=["api"])
Context = Annotated[WebContext, Depends(web_context)]


def _page_json(page: StoryPage, key: str = "stories") -> dict[str, Any]:
    rows = [{k: v for k, v in row.items() if k != "latest_seq"} for row in page.stories]
    return {"total": page.total, "page": page.page, "per_page": page.per_page, "pages": page.pages, key: rows}


@router.get("/stories", summary="Stories, latest first, filtered and paged")
def list_stories(web: Context, params: Annotated[ListParams, Depends(list_params)]) -> dict[str, Any]:
    """A story matches when one of its articles matches every filter given. Each story has its
    claim counts (``claims``: corroborated / unique / conflicting), or null when they are not
    computed yet (a story too large to reconcile for a list, or past the page's time budget):
    they appear on a later request, or once the story itself is requested."""
    found = story_page(web.access.reader(), story_filter(params, web.settings), params.page, web.settings)
    return _page_json(found)


@router.get("/stories/{story_id}", summary="One story: the export record, its dossier, articles and entities")
def get_story(web: Context, story_id: str) -> dict[str, Any]:
    return story_json(story_view(web.access.reader(), story_id))


@router.get("/articles/{article_id}", summary="One article: the export record and its story id")
def get_article(web: Context, article_id: str) -> dict[str, Any]:
    return article_json(web.access.reader().get_article(article_id))


@router.get("/entities/{entity_id}", summary="One entity: aliases, its stories, its quotations")
def get_entity(
    web: Context, entity_id: str, page: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1
) -> dict[str, Any]:
    store = web.access.reader()
    record = entity(store, entity_id)
    stories = entity_stories(store, entity_id, page, web.settings.per_page)
    articles, quotes = entity_quotes(store, entity_id, web.settings.entity_quote_articles)
    return {**record, "stories": _page_json(stories), "quotes": quotes, "quoted_from_articles": articles}


@router.get("/search", summary="Full-text search over articles (FTS5 syntax)")
def search(
    web: Context,
    q: Annotated[str, Query(min_length=1, max_length=MAX_QUERY_CHARS)],
    limit: Annotated[int, Query(ge=1, le=MAX_PER_PAGE)] = 20,
) -> dict[str, Any]:
    hits = api.search(web.access.reader(), q, limit)
    return {"query": q, "hits": [asdict(h) for h in hits]}


class ArticleIn(BaseModel):
    """One article in the JSONL ingest format: ``text`` or ``html`` is required."""

    model_config = ConfigDict(extra="ignore")

    id: str | int | None = Field(None, description="the article's id in its source")
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    subtitle: str | None = None
    author: str | list[str] | None = None
    published: str | None = Field(None, description="ISO 8601 date or datetime")
    text: str | None = Field(None, description="the article text")
    html: str | None = Field(None, description="the article page, when there is no text")


class Ingested(BaseModel):
    id: str
    story_id: str | None
    status: str = Field(description='"ingested", "duplicate" (a near-copy of duplicate_of) or "unchanged"')
    duplicate_of: str | None = None


def require_json(content_type: Annotated[str | None, Header()] = None) -> None:
    """Only JSON: a form on another site can POST text/plain to localhost, never JSON unasked."""
    if (content_type or "").split(";")[0].strip().lower() != "application/json":
        raise HTTPException(415, 'send the article as JSON, with the header "Content-Type: application/json"')


def require_write_access(web: Context, authorization: Annotated[str | None, Header()] = None) -> None:
    if web.token:
        if not token_matches(bearer(authorization), web.token):
            raise HTTPException(401, 'writes need the server\'s token: "Authorization: Bearer <token>"',
                                headers={"WWW-Authenticate": "Bearer"})  # fmt: skip
    elif not is_loopback(web.settings.host):
        raise HTTPException(403, "writes are disabled: this server listens beyond loopback without a --token")


@router.post(
    "/articles",
    status_code=201,
    response_model=Ingested,
    dependencies=[Depends(require_write_access), Depends(require_json)],
    summary="Ingest one article",
    responses={200: {"description": "the same article was stored before; nothing changed"}},
)
def post_article(web: Context, article: ArticleIn) -> Any:
    """Cleans, extracts, links and assigns the article to a story, like ``corroborate ingest``.
    201 with its id and story id; 200 when exactly this article was already stored."""
    fields = article.model_dump(exclude_none=True)
    result = web.access.ingest_article(fields, article.url or "POST /api/articles")
    if result.status == "failed" or not result.article_id:
        raise HTTPException(422, result.error or "the article could not be ingested")
    stored = web.access.reader().get_article(result.article_id)
    body = Ingested(
        id=stored.id, story_id=stored.story_id, status=result.status, duplicate_of=result.duplicate_of
    )
    return JSONResponse(body.model_dump(), status_code=200 if result.status == "unchanged" else 201)
