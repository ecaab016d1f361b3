"""What keeps untrusted article text inert and the store safe from other web pages:
security headers (a strict Content-Security-Policy: scripts only from our own static file),
a request body limit, a Host check against DNS rebinding while bound to loopback, the write
token, and the rule that only http(s) URLs become links."""

from __future__ import annotations

import hmac
import ipaddress
import json
from collections.abc import Iterable
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
HEADERS = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
)
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")


def is_loopback(host: str) -> bool:
    """Whether a bind address only accepts connections from this machine.

    >>> [is_loopback(h) for h in ("127.0.0.1", "localhost", "::1", "0.0.0.0", "192.168.1.4")]
    [True, True, True, False, False]
    """
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def safe_url(url: str | None) -> str | None:
    """The URL if it may become a link (http or https with a host), else None.

    >>> safe_url("https://example.org/a?b=1"), safe_url("javascript:alert(1)"), safe_url(" JaVaScRiPt:x")
    ('https://example.org/a?b=1', None, None)
    >>> safe_url("//evil.example/x"), safe_url("data:text/html,hi")
    (None, None)
    """
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url.strip()


def token_matches(given: str | None, expected: str) -> bool:
    """Constant-time comparison, so response timing does not leak the token."""
    return given is not None and hmac.compare_digest(given.encode(), expected.encode())


def bearer(authorization: str | None) -> str | None:
    """The token of an ``Authorization: Bearer <token>`` header.

    >>> bearer("Bearer abc"), bearer("Basic abc"), bearer(None)
    ('abc', None, None)
    """
    if not authorization:
        return None
    scheme, _, value = authorization.partition(" ")
    return value.strip() or None if scheme.lower() == "bearer" else None


async def _send_json(
    send: Send, status: int, message: str, extra: Iterable[tuple[bytes, bytes]] = ()
) -> None:
    body = json.dumps({"error": message, "status": status}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": [*headers, *HEADERS, *extra]})
    await send({"type": "http.response.body", "body": body})


class SecurityHeaders:
    """Adds the security headers to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = [
                    *message.get("headers", []),
                    *(h for h in HEADERS if h[0] not in present),
                ]
            await send(message)

        await self.app(scope, receive, with_headers)


class BodyLimit:
    """413 for bodies over ``limit`` bytes: declared (Content-Length) or streamed (chunked)."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        message = f"request body over the limit of {self.limit} bytes"
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            await _send_json(send, 413, message)
            return
        received, refused, started = 0, False, False

        async def counted() -> Message:
            # Past the limit we answer 413 ourselves and tell the app the client has gone, so
            # it stops reading; whatever it answers then is dropped.
            nonlocal received, refused
            if refused:
                return {"type": "http.disconnect"}
            got = await receive()
            received += len(got.get("body", b""))
            if received > self.limit and not started:
                refused = True
                await _send_json(send, 413, message)
                return {"type": "http.disconnect"}
            return got

        async def tracked(reply: Message) -> None:
            nonlocal started
            if not refused:
                started = started or reply["type"] == "http.response.start"
                await send(reply)

        await self.app(scope, counted, tracked)


def _hostname(host: str) -> str | None:
    """The name in a Host header, without the port.

    >>> _hostname("localhost:8000"), _hostname("[::1]:80"), _hostname("[bad"), _hostname("")
    ('localhost', '::1', None, None)
    """
    try:
        return urlsplit("//" + host).hostname if host else None
    except ValueError:
        return None


class LoopbackHosts:
    """While bound to loopback, only requests naming a loopback host are served: a web page on
    another site cannot point its own domain at 127.0.0.1 (DNS rebinding) and read the store."""

    def __init__(self, app: ASGIApp, extra: Iterable[str] = ()) -> None:
        self.app, self.allowed = app, {*LOOPBACK_NAMES, *extra}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            host = dict(scope.get("headers", [])).get(b"host", b"").decode("latin-1")
            if _hostname(host) not in self.allowed:
                await _send_json(
                    send, 421, f"unexpected Host header {host!r}: this server answers to localhost"
                )
                return
        await self.app(scope, receive, send)
