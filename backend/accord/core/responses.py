"""JSON for hot read endpoints, serialized straight from plain dicts with orjson.

FastAPI validates a returned object against the route's response model and then serializes
it: for a page of fifty records built from plain rows that second pass costs more than the
query. Routes that build their payload as the dicts their declared response model
describes return `FastJSONResponse` instead; the response model still documents the route,
and the test suite and Schemathesis check every such answer against it.
"""

from typing import Any

import orjson
from starlette.responses import Response


class FastJSONResponse(Response):
    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        # UTC datetimes end in Z, as Pydantic writes them.
        return orjson.dumps(content, option=orjson.OPT_UTC_Z)
