"""Rate limits, counted with the `limits` library: in this process's memory, or in Redis
when ACCORD_REDIS_URL is set so that every API process shares the counts.

- Every API request counts against its caller: the access token's user, or the client
  address when there is no valid token (RateLimitMiddleware, before anything else runs).
- Sign-in counts against the e-mail tried and against the client address, and refresh
  against the session's account and the client address, before any password is hashed.

An exceeded limit answers 429 problem+json with `Retry-After` and the `RateLimit-Policy`
/ `RateLimit` headers of draft-ietf-httpapi-ratelimit-headers-09 (structured fields:
`RateLimit-Policy: "api";q=600;w=60`, `RateLimit: "api";r=0;t=42`).

When the Redis server cannot be reached the request is let through (and logged): an outage
of the counter must not take the API down with it."""

import logging
import math
import time
import uuid
from dataclasses import dataclass
from typing import Any

from limits import RateLimitItem, parse
from limits import storage as sync_storage
from limits import strategies as sync_strategies
from limits.aio.storage import RedisStorage
from limits.aio.strategies import MovingWindowRateLimiter
from starlette.types import ASGIApp, Receive, Scope, Send

from accord.core.errors import AppError, problem
from accord.core.security import InvalidToken, decode_access_token
from accord.core.settings import Settings

logger = logging.getLogger("accord.ratelimit")


class TooManyRequests(AppError):
    status, slug, title = 429, "rate-limited", "Too many requests"


@dataclass(frozen=True)
class Policy:
    """One limit: its name (in the RateLimit headers) and its quota per window."""

    name: str
    item: RateLimitItem

    @property
    def quota(self) -> int:
        return int(self.item.amount)

    @property
    def window_seconds(self) -> int:
        return int(self.item.get_expiry())


class _Awaitable:
    """A synchronous strategy behind the asyncio strategy's interface."""

    def __init__(self, strategy: Any) -> None:
        self._strategy = strategy

    async def hit(self, *args: Any) -> bool:
        return bool(self._strategy.hit(*args))

    async def test(self, *args: Any) -> bool:
        return bool(self._strategy.test(*args))

    async def get_window_stats(self, *args: Any) -> Any:
        return self._strategy.get_window_stats(*args)


class RateLimiter:
    """Owned by the app (made in create_app, kept on app.state.rate_limiter)."""

    def __init__(self, settings: Settings) -> None:
        # A moving window counts exactly what happened in the last window: a fixed or
        # sliding-counter window forgets part of a burst at each boundary.
        self._strategy: Any
        if settings.redis_url:
            uri = settings.redis_url.replace("redis://", "async+redis://", 1).replace(
                "rediss://", "async+rediss://", 1
            )
            self.storage: Any = RedisStorage(
                uri, implementation="redispy", key_prefix=settings.rate_limit_key_prefix
            )
            self._strategy = MovingWindowRateLimiter(self.storage)
        else:
            # In memory: the thread-safe synchronous storage (no I/O, so fine on the event
            # loop). The asyncio one keeps locks and a timer task bound to the event loop it
            # first ran on, and an app served by more than one loop (tests) then hangs.
            self.storage = sync_storage.MemoryStorage()
            self._strategy = _Awaitable(sync_strategies.MovingWindowRateLimiter(self.storage))
        self.api = Policy("api", parse(settings.rate_limit_api))
        self.sign_in_account = Policy("sign-in-account", parse(settings.rate_limit_sign_in))
        self.sign_in_address = Policy("sign-in-address", parse(settings.rate_limit_sign_in_address))
        self.refresh = Policy("refresh", parse(settings.rate_limit_refresh))

    async def hit(self, policy: Policy, key: str) -> None:
        """Count one request against `key`; TooManyRequests when it is over the limit."""
        try:
            if await self._strategy.hit(policy.item, policy.name, key):
                return
        except Exception:  # the counter's storage is down: let the request through
            logger.exception("rate limit storage unavailable; %s not counted", policy.name)
            return
        await self._refuse(policy, key)

    async def check(self, policy: Policy, key: str) -> None:
        """TooManyRequests if `key` has used up its quota; counts nothing (see `count`)."""
        try:
            if await self._strategy.test(policy.item, policy.name, key):
                return
        except Exception:
            logger.exception("rate limit storage unavailable; %s not checked", policy.name)
            return
        await self._refuse(policy, key)

    async def count(self, policy: Policy, key: str) -> None:
        """Count one event against `key` (a wrong password) without refusing anything."""
        try:
            await self._strategy.hit(policy.item, policy.name, key)
        except Exception:
            logger.exception("rate limit storage unavailable; %s not counted", policy.name)

    async def _refuse(self, policy: Policy, key: str) -> None:
        try:
            stats = await self._strategy.get_window_stats(policy.item, policy.name, key)
            reset_at, remaining = stats.reset_time, stats.remaining
        except Exception:
            reset_at, remaining = time.time() + policy.window_seconds, 0
        seconds = max(1, math.ceil(reset_at - time.time()))
        raise TooManyRequests(
            "Too many requests; wait before trying again.",
            headers={
                "Retry-After": str(seconds),
                "RateLimit-Policy": f'"{policy.name}";q={policy.quota};w={policy.window_seconds}',
                "RateLimit": f'"{policy.name}";r={max(0, remaining)};t={seconds}',
            },
        )

    async def reset(self) -> None:
        await self.storage.reset()


def client_address(scope: Scope) -> str:
    """The peer's address as the server sees it. Behind a proxy, run uvicorn with
    --proxy-headers and --forwarded-allow-ips so that this is the client's, not the proxy's."""
    client = scope.get("client")
    return str(client[0]) if client else "unknown"


def _bearer_token(scope: Scope) -> str | None:
    for name, value in scope.get("headers", ()):
        if name == b"authorization":
            scheme, _, token = value.decode("latin-1").partition(" ")
            return token.strip() if scheme.lower() == "bearer" and token.strip() else None
    return None


def caller_key(settings: Settings, scope: Scope) -> str:
    """Who is calling: the user of a valid access token (checked by signature only, no
    database), else the client address."""
    token = _bearer_token(scope)
    if token:
        try:
            user_id, _ = decode_access_token(settings, token)
            return f"user:{user_id}"
        except InvalidToken:
            pass
    return f"address:{client_address(scope)}"


def account_key(user_id: uuid.UUID | str) -> str:
    return f"account:{user_id}"


class RateLimitMiddleware:
    """The general per-caller limit on every API request."""

    def __init__(self, app: ASGIApp, prefix: str) -> None:
        self.app = app
        self.prefix = prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope.get("path", "").startswith(self.prefix):
            await self.app(scope, receive, send)
            return
        state = scope["app"].state
        limiter: RateLimiter = state.rate_limiter
        try:
            await limiter.hit(limiter.api, caller_key(state.settings, scope))
        except TooManyRequests as exc:
            response = problem(
                exc.status,
                slug=exc.slug,
                title=exc.title,
                detail=exc.detail,
                instance=scope.get("path"),
                headers=exc.headers,
            )
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)
