"""The app factory: create_app(settings) -> FastAPI."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import anyio.to_thread
from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from starlette.types import ASGIApp

from accord import __version__
from accord.api import API_PREFIX, api_router
from accord.core.admission import AdmissionMiddleware
from accord.core.database import SessionFactories, create_db_engine
from accord.core.errors import PROBLEM_SCHEMAS, install_error_handlers, problem_schemas
from accord.core.guards import RequestGuardMiddleware
from accord.core.headers import SecurityHeadersMiddleware
from accord.core.kept import KeptAnswers
from accord.core.openapi import declare_no_nul_strings, operation_id
from accord.core.pagination import CursorCodec
from accord.core.ratelimit import RateLimiter, RateLimitMiddleware
from accord.core.settings import Environment, Settings, get_settings
from accord.dashboard import mount_dashboard
from accord.referrals.sweep import sweep_referrals

DESCRIPTION = """
Accord is the shared workspace of a coordinated response to violence against women and
girls: its partner directory, the roles each partner takes on, referral pathways,
consultations, agreements and monitoring.

**No personal data about survivors is ever stored or returned.**

Conventions: errors are `application/problem+json` (RFC 9457); lists take `limit` and an
opaque `cursor`, which only the list, filters and sort that issued it accept (any other
answers 400); every mutable record has an `ETag` that writes must send back in
`If-Match`; POSTs accept an `Idempotency-Key`. A network you are not a member of answers
404, as if it did not exist.
"""


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    engine = create_db_engine(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Sync routes run in this thread pool; the connection pool is sized to match it.
        anyio.to_thread.current_default_thread_limiter().total_tokens = settings.request_threads
        async with anyio.create_task_group() as background:
            if settings.referral_sweep_seconds:
                background.start_soon(
                    sweep_referrals, app.state.sessions.write, settings.referral_sweep_seconds
                )
            yield
            background.cancel_scope.cancel()
        engine.dispose()

    app = FastAPI(
        title="Accord API",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        generate_unique_id_function=operation_id,
        docs_url="/docs",
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.settings = settings
    app.state.cursor_codec = CursorCodec(settings.secret_key)
    app.state.engine = engine
    # The only two kinds of session (core/deps.py says how requests use them); scripts and
    # tests working outside a request use the writing one, through database.transaction.
    app.state.sessions = SessionFactories.over(engine)
    app.state.session_factory = app.state.sessions.write
    # Every kept (cached) answer of this app, under one invalidation (core/kept.py).
    app.state.kept = KeptAnswers()

    app.state.rate_limiter = RateLimiter(settings)

    install_error_handlers(app)
    app.include_router(api_router())

    mount_dashboard(app, settings.spa_dir)

    # Outermost last: the rate limit, before a request waits for admission; admission (the
    # liveness check needs no slot), then the guard reads and bounds the body. Security
    # headers wrap all of it, below.
    app.add_middleware(RequestGuardMiddleware, max_body_bytes=settings.max_body_bytes)
    app.add_middleware(
        AdmissionMiddleware,
        limit=settings.request_threads,
        prefix=API_PREFIX,
        exempt=frozenset({f"{API_PREFIX}/health"}),
    )
    app.add_middleware(RateLimitMiddleware, prefix=API_PREFIX)
    # Security headers on every answer, a refusal and an internal error included: outside
    # Starlette's ServerErrorMiddleware (always the outermost of app.add_middleware's), which
    # writes the 500 answer itself.
    build_stack = app.build_middleware_stack

    def with_security_headers() -> ASGIApp:
        return SecurityHeadersMiddleware(
            build_stack(),
            api_prefix=API_PREFIX,
            docs_path=app.docs_url,
            hsts=settings.environment is Environment.production,
        )

    app.build_middleware_stack = with_security_headers  # type: ignore[method-assign]

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(
                title=app.title,
                version=app.version,
                description=app.description,
                routes=app.routes,
            )
            schema.setdefault("components", {}).setdefault("schemas", {}).update(problem_schemas())
            declare_no_nul_strings(schema["paths"])
            for name, component in schema["components"]["schemas"].items():
                if name not in PROBLEM_SCHEMAS:  # problems may quote what the client sent
                    declare_no_nul_strings(component)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app


__all__ = ["API_PREFIX", "create_app"]
