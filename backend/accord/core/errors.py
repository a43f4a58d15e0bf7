"""RFC 9457 problem details: one error type per failure, declared on the routes that raise it."""

import logging
import re
from collections.abc import Iterable
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy.exc import IntegrityError, OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from accord.core.i18n import MESSAGES, message, negotiate

logger = logging.getLogger("accord.errors")

PROBLEM_MEDIA_TYPE = "application/problem+json"
# Regular expression -> what it asks for in words (filled by accord.core.fields).
PATTERN_MESSAGES: dict[str, str] = {}
PROBLEM_TYPE_PREFIX = "urn:accord:problem:"


class FieldError(BaseModel):
    field: str = Field(description="Where the problem is, e.g. `body.name` or `query.limit`.")
    message: str


class Problem(BaseModel):
    """An RFC 9457 problem details object."""

    type: str = Field(examples=["urn:accord:problem:not-found"])
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None
    errors: list[FieldError] | None = Field(
        default=None, description="Field-level messages, for validation problems."
    )


class ProblemResponse(JSONResponse):
    media_type = PROBLEM_MEDIA_TYPE


class AppError(Exception):
    status: int = 500
    slug: str = "internal-error"
    title: str = "Internal error"

    def __init__(
        self,
        detail: str | None = None,
        *,
        errors: list[FieldError] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail or self.title)
        self.detail = detail
        self.errors = errors
        self.headers = headers or {}


class BadRequest(AppError):
    status, slug, title = 400, "bad-request", "Bad request"


class Unauthorized(AppError):
    status, slug, title = 401, "unauthorized", "Authentication required"

    def __init__(self, detail: str | None = None) -> None:
        super().__init__(
            detail,
            headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
        )


class Forbidden(AppError):
    status, slug, title = 403, "forbidden", "Not allowed"


class NotFound(AppError):
    status, slug, title = 404, "not-found", "Not found"


class Conflict(AppError):
    status, slug, title = 409, "conflict", "Conflict"

    @classmethod
    def on_field(cls, field: str, message: str) -> "Conflict":
        return cls(message, errors=[FieldError(field=field, message=message)])


class PayloadTooLarge(AppError):
    status, slug, title = 413, "payload-too-large", "Request body too large"


class PreconditionFailed(AppError):
    status, slug, title = 412, "stale-version", "The record has changed since you read it"


class PreconditionRequired(AppError):
    status, slug, title = 428, "if-match-required", "If-Match header required"


class InvalidInput(AppError):
    status, slug, title = 422, "validation-error", "The request is not valid"

    @classmethod
    def on(cls, field: str, message: str) -> "InvalidInput":
        return cls(message, errors=[FieldError(field=field, message=message)])


class ServiceUnavailable(AppError):
    status, slug, title = 503, "unavailable", "Service unavailable"


def problem(
    status: int,
    *,
    slug: str | None = None,
    title: str | None = None,
    detail: str | None = None,
    instance: str | None = None,
    errors: list[FieldError] | None = None,
    headers: dict[str, str] | None = None,
) -> ProblemResponse:
    phrase = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else "Error"
    body = Problem(
        type=PROBLEM_TYPE_PREFIX + (slug or phrase.lower().replace(" ", "-")),
        title=title or phrase,
        status=status,
        detail=detail,
        instance=instance,
        errors=errors,
    )
    return ProblemResponse(
        body.model_dump(exclude_none=True), status_code=status, headers=headers or None
    )


def _message(error: dict[str, Any], language: str) -> str:
    # Input rules of our own (core/fields.py) speak the request's language.
    key = f"input.{error.get('type')}"
    if key in MESSAGES:
        return message(key, language, **(error.get("ctx") or {}))
    if error.get("type") == "string_pattern_mismatch":
        pattern = (error.get("ctx") or {}).get("pattern")
        if pattern in PATTERN_MESSAGES:
            return PATTERN_MESSAGES[pattern]
    return str(error.get("msg", ""))


def _location(loc: Iterable[Any]) -> str:
    return ".".join(str(part) for part in loc)


def allowed_methods(request: Request) -> list[str]:
    """The methods the API's operations take at the request's path (none: no such path)."""
    patterns: list[tuple[re.Pattern[str], list[str]]] | None = getattr(
        request.app.state, "path_methods", None
    )
    if patterns is None:
        patterns = [
            (
                re.compile("^" + re.sub(r"\\{[^/]+?\\}", "[^/]+", re.escape(path)) + "$"),
                [method.upper() for method in operations],
            )
            for path, operations in request.app.openapi()["paths"].items()
        ]
        request.app.state.path_methods = patterns
    methods = {m for pattern, ms in patterns if pattern.match(request.url.path) for m in ms}
    return sorted(methods)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(AppError)
    async def _app_error(request: Request, exc: AppError) -> ProblemResponse:
        return problem(
            exc.status,
            slug=exc.slug,
            title=exc.title,
            detail=exc.detail,
            instance=request.url.path,
            errors=exc.errors,
            headers=exc.headers,
        )

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> ProblemResponse:
        language = negotiate(
            request.query_params.get("lang"), request.headers.get("accept-language")
        )
        errors = [
            FieldError(field=_location(err.get("loc", ())), message=_message(err, language))
            for err in exc.errors()
        ]
        return problem(
            422,
            slug=InvalidInput.slug,
            title=InvalidInput.title,
            detail="; ".join(f"{e.field}: {e.message}" for e in errors[:5]) or None,
            instance=request.url.path,
            errors=errors,
            headers={"Content-Language": language},
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> ProblemResponse:
        detail: str | None = exc.detail if isinstance(exc.detail, str) else None
        headers = dict(exc.headers or {})
        status = exc.status_code
        if status == 405:
            # The router stops at the first route whose path matches; list every method.
            # Only the dashboard's catch-all matched: the API has no such path at all.
            methods = allowed_methods(request)
            if methods:
                headers["Allow"] = ", ".join(methods)
            else:
                status, detail = 404, None
        return problem(
            status,
            detail=detail if detail != HTTPStatus(status).phrase else None,
            instance=request.url.path,
            headers=headers,
        )

    @app.exception_handler(IntegrityError)
    async def _integrity(request: Request, exc: IntegrityError) -> ProblemResponse:
        # The last line of defence against races the services' own checks cannot see.
        logger.info("integrity error on %s %s: %s", request.method, request.url.path, exc.orig)
        return problem(
            409,
            slug=Conflict.slug,
            title=Conflict.title,
            detail="This conflicts with an existing record; reload and try again.",
            instance=request.url.path,
        )

    @app.exception_handler(OperationalError)
    async def _database_busy(request: Request, exc: OperationalError) -> ProblemResponse:
        # The database is down or, on SQLite, too busy with writes: a retry may succeed.
        logger.warning(
            "database unavailable on %s %s: %s", request.method, request.url.path, exc.orig
        )
        return problem(
            503,
            slug=ServiceUnavailable.slug,
            title=ServiceUnavailable.title,
            detail="The database is busy or unavailable; try again in a moment.",
            instance=request.url.path,
            headers={"Retry-After": "1"},
        )

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> ProblemResponse:
        # The trace goes to the log, never to the client.
        logger.exception("unhandled error on %s %s", request.method, request.url.path)
        return problem(500, slug="internal-error", instance=request.url.path)


PROBLEM_SCHEMAS = ("Problem", "FieldError")


def problem_schemas() -> dict[str, Any]:
    """The component schemas that `problem_responses` refers to, for the OpenAPI document."""
    schema = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
    defs = schema.pop("$defs", {})
    return {"Problem": schema, **defs}


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` entries for the problems a route can answer."""
    return {
        status: {
            "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
            "description": HTTPStatus(status).phrase,
        }
        for status in statuses
    }
