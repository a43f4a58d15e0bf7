"""Small helpers that keep route declarations short and the OpenAPI document complete."""

from typing import Any

from fastapi.routing import APIRoute

from accord.core.errors import problem_responses

# The problems each kind of route can answer; every route declares its set.
READ_ERRORS = (401, 403, 404, 422)
CREATE_ERRORS = (401, 403, 404, 409, 413, 422)
UPDATE_ERRORS = (401, 403, 404, 409, 412, 413, 422, 428)
DELETE_ERRORS = (401, 403, 404, 409, 412, 422, 428)

NOT_MODIFIED: dict[int | str, dict[str, Any]] = {
    304: {"description": "Not modified: your copy (If-None-Match) is current."}
}

ETAG_HEADER = {
    "ETag": {"description": "The record's version; send it back in If-Match.", "schema": {"type": "string"}}
}


def responses(*statuses: int, extra: dict[int | str, dict[str, Any]] | None = None) -> dict[int | str, dict[str, Any]]:
    return {**problem_responses(*statuses), **(extra or {})}


def link_to(operation_id: str, **parameters: str) -> dict[str, Any]:
    """An OpenAPI link (used by stateful API testing and by client generators)."""
    return {"operationId": operation_id, "parameters": parameters}


def operation_id(route: APIRoute) -> str:
    """`{tag}-{route name}`, so the generated TypeScript client reads well."""
    tag = route.tags[0] if route.tags else "default"
    return f"{tag}-{route.name}"
