"""The web app and JSON API (``corroborate serve``): FastAPI, server-rendered Jinja2 pages that
work without JavaScript, and JSON records of the export contract."""

from __future__ import annotations

from ..errors import CorroborateError
from .app import create_app
from .security import is_loopback
from .settings import DEFAULT_WEB_SETTINGS, WebSettings

__all__ = ["DEFAULT_WEB_SETTINGS", "ServeError", "WebSettings", "create_app", "serve"]


class ServeError(CorroborateError):
    """The server cannot start as asked."""


def serve(store_url: str, host: str = "127.0.0.1", port: int = 8000, token: str | None = None) -> None:
    """Serve until interrupted. Off loopback a token is required: anyone who can reach the port
    could otherwise write to the store."""
    if not is_loopback(host) and not token:
        raise ServeError(
            f"refusing to listen on {host} without a write token: pass --token or set CORROBORATE_TOKEN "
            "(or listen on 127.0.0.1)"
        )
    import uvicorn

    app = create_app(store_url, WebSettings(host=host, port=port), token)
    shown = f"[{host}]" if ":" in host else host
    print(
        f"corroborate: serving {app.state.web.access.name} at http://{shown}:{port}/  (Ctrl+C stops)",
        flush=True,
    )
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False, proxy_headers=False)
