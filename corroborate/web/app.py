"""The web app: server-rendered pages and a JSON API over one store (``corroborate serve``)."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from importlib import resources
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader, StrictUndefined
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import CorroborateError, InputError, NotFoundError, QueryError
from .access import StoreAccess
from .security import BodyLimit, LoopbackHosts, SecurityHeaders, is_loopback, safe_url
from .settings import DEFAULT_WEB_SETTINGS, WebSettings
from .views import span_href

log = logging.getLogger(__name__)


def when(value: str | None) -> str:
    """A publication date for reading: the day, and the time when there is one.

    >>> when("2025-03-12T18:05:00+00:00"), when("2025-03-12"), when(None)
    ('2025-03-12 18:05', '2025-03-12', '')
    """
    if not value:
        return ""
    return value[:16].replace("T", " ") if "T" in value else value


def templates() -> Environment:
    """Jinja2 with autoescaping on for every template: article text is untrusted."""
    env = Environment(
        loader=PackageLoader("corroborate.web", "templates"), autoescape=True, undefined=StrictUndefined
    )
    env.filters.update(u=lambda s: quote(str(s), safe=""), safe_url=safe_url, when=when)
    env.globals["span_href"] = span_href
    return env


@dataclass(frozen=True)
class WebContext:
    """What every request handler needs; stored on ``app.state.web``."""

    access: StoreAccess
    settings: WebSettings
    token: str | None
    env: Environment

    def page(self, name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
        return HTMLResponse(self.env.get_template(name).render(**context), status_code=status)


def web_context(request: Request) -> WebContext:
    ctx: WebContext = request.app.state.web
    return ctx


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith(("/api/", "/openapi"))


def error_response(
    request: Request, status: int, message: str, headers: dict[str, str] | None = None
) -> Response:
    """JSON for the API, an HTML page for people; never a stack trace."""
    if _wants_json(request):
        return JSONResponse({"error": message, "status": status}, status_code=status, headers=headers)
    titles = {400: "Bad request", 404: "Not found", 413: "Too large", 422: "Invalid request"}
    context = {"status": status, "title": titles.get(status, "Error"), "message": message, "q": ""}
    page = web_context(request).page("error.html", context, status)
    page.headers.update(headers or {})
    return page


def _install_error_handlers(app: FastAPI) -> None:
    statuses: dict[type[CorroborateError], int] = {NotFoundError: 404, QueryError: 400, InputError: 422}

    async def known(request: Request, exc: Exception) -> Response:
        status = next((s for kind, s in statuses.items() if isinstance(exc, kind)), 500)
        return error_response(request, status, str(exc))

    async def http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        return error_response(request, exc.status_code, message, dict(exc.headers or {}))

    async def invalid(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        problems = jsonable_encoder(exc.errors(), exclude={"input", "ctx", "url"})
        where = "; ".join(f"{'.'.join(map(str, p.get('loc', ())))}: {p.get('msg')}" for p in problems)
        if _wants_json(request):
            body = {"error": f"invalid request: {where}", "status": 422, "detail": problems}
            return JSONResponse(body, status_code=422)
        return error_response(request, 422, f"invalid request: {where}")

    async def crash(request: Request, exc: Exception) -> Response:
        log.exception("error serving %s", request.url.path, exc_info=exc)
        return error_response(request, 500, "internal error; the server log has the details")

    app.add_exception_handler(CorroborateError, known)
    app.add_exception_handler(StarletteHTTPException, http)
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(Exception, crash)


def create_app(
    store_url: str, settings: WebSettings = DEFAULT_WEB_SETTINGS, token: str | None = None
) -> FastAPI:
    """The app over the store at ``store_url``. Writes need ``token`` when one is given, and
    are refused without one unless ``settings.host`` is loopback."""
    from . import routes_api, routes_pages

    access = StoreAccess(store_url, settings.ingest)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        access.close()

    app = FastAPI(
        lifespan=lifespan,
        title="corroborate",
        summary="Stories, dossiers, articles and entities of a corroborate store.",
        docs_url=None,  # the interactive docs load scripts from a CDN; /openapi.json is served
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.web = WebContext(access, settings, token or None, templates())
    app.include_router(routes_pages.router)
    app.include_router(routes_api.router)
    static = resources.files("corroborate.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    _install_error_handlers(app)
    app.add_middleware(BodyLimit, limit=settings.max_body_bytes)
    if is_loopback(settings.host):
        app.add_middleware(LoopbackHosts)
    app.add_middleware(SecurityHeaders)
    return app
