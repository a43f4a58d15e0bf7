"""Small helpers that keep route declarations short and the OpenAPI document complete."""

from typing import Any

from fastapi.routing import APIRoute

from accord.core.errors import problem_responses

# The problems each kind of route can answer; every route declares its set.
READ_ERRORS = (401, 403, 404, 422)
# 400: a cursor this list did not issue (made up, altered, or from other filters).
LIST_ERRORS = (400, *READ_ERRORS)
# 400: a body that is not JSON at all.
CREATE_ERRORS = (400, 401, 403, 404, 409, 413, 422)
UPDATE_ERRORS = (400, 401, 403, 404, 409, 412, 413, 422, 428)
DELETE_ERRORS = (401, 403, 404, 409, 412, 422, 428)

NOT_MODIFIED: dict[int | str, dict[str, Any]] = {
    304: {"description": "Not modified: your copy (If-None-Match) is current."}
}

ETAG_HEADER = {
    "ETag": {
        "description": "The record's version; send it back in If-Match.",
        "schema": {"type": "string"},
    }
}

PAGE_ETAG_HEADER = {
    "ETag": {
        "description": "Identifies this page's content; send it back in If-None-Match.",
        "schema": {"type": "string"},
    }
}


def responses(
    *statuses: int,
    extra: dict[int | str, dict[str, Any]] | None = None,
    database: bool = True,
) -> dict[int | str, dict[str, Any]]:
    """The problems a route answers. Every API route can answer 429 (rate limited, see
    core/ratelimit.py); a route that reads the database can also answer 503 (database busy
    or unreachable; retry)."""
    codes = sorted({*statuses, 429, 503} if database else {*statuses, 429})
    return {**problem_responses(*codes), **(extra or {})}


def link_to(operation_id: str, **parameters: str) -> dict[str, Any]:
    """An OpenAPI link (used by stateful API testing and by client generators)."""
    return {"operationId": operation_id, "parameters": parameters}


NO_NUL_PATTERN = "^[^\\u0000]*$"


def declare_no_nul_strings(node: Any) -> None:
    """Say in the document what the API enforces everywhere (InputModel, RequestGuard):
    text never contains NUL, which no database stores. Free-text strings without a
    stricter pattern, format or enum get a pattern that excludes it."""
    if isinstance(node, list):
        for item in node:
            declare_no_nul_strings(item)
        return
    if not isinstance(node, dict):
        return
    if node.get("type") == "string" and not {"pattern", "format", "enum", "const"} & node.keys():
        node["pattern"] = NO_NUL_PATTERN
    for key, value in node.items():
        if key not in ("example", "examples", "default"):
            declare_no_nul_strings(value)


def operation_id(route: APIRoute) -> str:
    """`{tag}-{route name}`, so the generated TypeScript client reads well."""
    tag = route.tags[0] if route.tags else "default"
    return f"{tag}-{route.name}"
