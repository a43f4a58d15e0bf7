"""JSON for hot read endpoints, serialized once.

FastAPI validates a returned object against the route's response model and then serializes
it: for a page of fifty records built from plain rows that second pass costs more than the
query. Routes that build their payload as the dicts their declared response model
describes serialize it with orjson into a `RenderedJSON` (which caches keep); routes that
build a response model instance answer with `model_response`. The response model still
documents the route, and the test suite and Schemathesis check every such answer against it.
"""

import hashlib
from dataclasses import dataclass
from typing import Any

import orjson
from pydantic import BaseModel
from starlette.responses import Response

from accord.core.concurrency import none_match_holds

_OPTIONS = orjson.OPT_UTC_Z  # UTC datetimes end in Z, as Pydantic writes them.


@dataclass(frozen=True, slots=True)
class RenderedJSON:
    """A JSON answer serialized once, with its ETag: what per-process caches of answers
    keep, so that serving one again costs neither a query nor serialization."""

    body: bytes
    etag: str

    @classmethod
    def of(cls, content: Any, etag: str | None = None) -> "RenderedJSON":
        """`etag`: the record's own (its version, for If-Match); by default a digest of the
        body, so two workers that built the same answer give it the same ETag."""
        body = orjson.dumps(content, option=_OPTIONS)
        return cls(body, etag or f'"{hashlib.blake2b(body, digest_size=16).hexdigest()}"')

    def response(self, if_none_match: str | None = None) -> Response:
        """200 with the body, or 304 when the client's copy (If-None-Match) is this one."""
        # A browser may keep it but asks again each time (If-None-Match); never a shared cache.
        headers = {"ETag": self.etag, "Cache-Control": "private, no-cache"}
        if none_match_holds(if_none_match, self.etag):
            return Response(status_code=304, headers=headers)
        return Response(self.body, media_type="application/json", headers=headers)


def model_response(
    model: BaseModel, status_code: int = 200, headers: dict[str, str] | None = None
) -> Response:
    """A response model instance serialized once by Pydantic, for hot routes that build it
    themselves: FastAPI would validate it again against the route's response model first."""
    return Response(
        model.model_dump_json(),
        status_code=status_code,
        media_type="application/json",
        headers=headers,
    )
