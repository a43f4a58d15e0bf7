"""Security headers on every answer, the API's and the dashboard's, and no caching of API
answers.

- `Content-Security-Policy` without 'unsafe-inline': API answers are data and may load
  nothing; the dashboard loads its own files only, and its inline styles (Mantine's) carry
  a per-answer nonce (dashboard.py sets that policy itself); /docs gets a policy for the
  Swagger UI files it loads from its CDN, with its one inline script allowed by hash.
  Every policy has `frame-ancestors 'none'`: no page may frame Accord.
- `X-Content-Type-Options: nosniff`, `Referrer-Policy: no-referrer`; HSTS in production.
- `Cache-Control: no-store` on every API answer (records of partners, contacts, locations,
  assessments, audit, members, tokens), unless the route chose its own caching (kept
  answers revalidated with ETags: `private, no-cache`). Under /auth, always no-store.
"""

import base64
import hashlib
import re
import secrets

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
HSTS = "max-age=63072000; includeSubDomains"
_INLINE_SCRIPT = re.compile(rb"<script>(.*?)</script>", re.DOTALL)
_SWAGGER_CDN = "https://cdn.jsdelivr.net"


def new_nonce() -> str:
    return secrets.token_urlsafe(18)


def dashboard_policy(nonce: str) -> str:
    """The built SPA: its own scripts, styles and API; Mantine's <style> elements carry
    the nonce (the SPA reads it from <meta name="csp-nonce">)."""
    return (
        "default-src 'self'; script-src 'self'; "
        f"style-src 'self' 'nonce-{nonce}'; img-src 'self' data: blob:; font-src 'self' data:; "
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
        "frame-ancestors 'none'"
    )


def docs_policy(page: bytes) -> str:
    """Swagger UI: its script and styles from the CDN FastAPI uses, its inline start-up
    script by hash, and calls to this API (try it out)."""
    hashes = " ".join(
        f"'sha256-{base64.b64encode(hashlib.sha256(script).digest()).decode()}'"
        for script in _INLINE_SCRIPT.findall(page)
    )
    return (
        f"default-src 'none'; script-src {_SWAGGER_CDN} {hashes}; style-src {_SWAGGER_CDN}; "
        "img-src 'self' data: https://fastapi.tiangolo.com; connect-src 'self'; "
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    )


class SecurityHeadersMiddleware:
    def __init__(self, app: ASGIApp, *, api_prefix: str, docs_path: str | None, hsts: bool) -> None:
        self.app = app
        self.api_prefix = api_prefix
        self.docs_path = docs_path
        self.hsts = hsts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")
        if self.docs_path and path == self.docs_path:
            await self._docs(scope, receive, send)
            return
        is_api = path.startswith(self.api_prefix)
        is_auth = path.startswith(f"{self.api_prefix}/auth")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                self._common(headers)
                headers.setdefault("Content-Security-Policy", API_POLICY)
                if is_auth:
                    headers["Cache-Control"] = "no-store"
                elif is_api:
                    headers.setdefault("Cache-Control", "no-store")
            await send(message)

        await self.app(scope, receive, send_with_headers)

    def _common(self, headers: MutableHeaders) -> None:
        headers["X-Content-Type-Options"] = "nosniff"
        headers["Referrer-Policy"] = "no-referrer"
        if self.hsts:
            headers["Strict-Transport-Security"] = HSTS

    async def _docs(self, scope: Scope, receive: Receive, send: Send) -> None:
        # A small page: held whole, so its policy can name its inline script's hash.
        start: Message = {}
        body = bytearray()

        async def hold(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
                return
            body.extend(message.get("body", b""))
            if message.get("more_body"):
                return
            headers = MutableHeaders(scope=start)
            self._common(headers)
            headers["Content-Security-Policy"] = docs_policy(bytes(body))
            headers["Cache-Control"] = "no-store"
            await send(start)
            await send({"type": "http.response.body", "body": bytes(body)})

        await self.app(scope, receive, hold)
