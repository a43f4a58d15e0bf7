"""Serves the built dashboard (the SPA) at /, with its client-side routes falling back to
index.html so deep links work on reload. The API stays under /api; /docs documents it."""

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException

from accord.core.errors import allowed_methods
from accord.core.headers import dashboard_policy, new_nonce

# Paths the dashboard never owns: a miss there is a real 404, not a client-side route.
_NOT_DASHBOARD = ("api/", "docs", "openapi.json")
# index.html names it where a nonce goes (<meta name="csp-nonce">, the styles Mantine and
# Cytoscape insert); each answer gets a fresh one, named in its Content-Security-Policy.
NONCE_PLACEHOLDER = "__CSP_NONCE__"


def mount_dashboard(app: FastAPI, spa_dir: Path) -> None:
    index = spa_dir / "index.html"
    root = spa_dir.resolve()

    @app.get("/{path:path}", include_in_schema=False, response_model=None)
    def dashboard(path: str, request: Request) -> Response:
        if path.startswith(_NOT_DASHBOARD):
            # This catch-all answers every GET the API's routes do not: a path the API has
            # with other methods is 405 (with Allow), any other one 404.
            raise HTTPException(status_code=405 if allowed_methods(request) else 404)
        if not index.is_file():
            # Not built (API-only deployment): the front door is the API's documentation.
            return RedirectResponse("/docs")
        candidate = (root / path).resolve()
        if path and candidate.is_file() and candidate.is_relative_to(root):
            # Hashed asset names change with their content: cache them for good.
            immutable = path.startswith("assets/")
            headers = {"Cache-Control": "public, max-age=31536000, immutable"} if immutable else {}
            return FileResponse(candidate, headers=headers)
        nonce = new_nonce()
        page = index.read_text(encoding="utf-8").replace(NONCE_PLACEHOLDER, nonce)
        return HTMLResponse(
            page,
            headers={
                "Cache-Control": "no-cache",
                "Content-Security-Policy": dashboard_policy(nonce),
            },
        )
