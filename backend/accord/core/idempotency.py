"""Idempotency-Key on POST: a retried request gets the first answer instead of a duplicate.

The same key with the same request replays the stored response (with
`Idempotent-Replayed: true`); the same key with another request answers 409; a key still
being processed answers 409 too. Only successful (2xx) answers are kept, so a request
that failed can be corrected and retried with its key. Keys are per user and expire.
"""

import hashlib
import string
from datetime import datetime, timedelta
from typing import Annotated, Any

import anyio.to_thread
from fastapi import Header
from sqlalchemy import JSON, LargeBinary, delete
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import sessionmaker
from sqlmodel import Field, Session, SQLModel, col
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from accord.core.errors import problem
from accord.core.guards import replay_body
from accord.core.models import UTCDateTime, utcnow
from accord.core.security import InvalidToken, decode_access_token
from accord.core.settings import Settings

HEADER = "idempotency-key"
MAX_KEY_LENGTH = 255
_ALLOWED = frozenset(string.ascii_letters + string.digits + "-_.:~+/=")
_REPLAYED_HEADERS = ("content-type", "location", "etag")


class IdempotencyRecord(SQLModel, table=True):
    __tablename__ = "idempotency_keys"

    owner: str = Field(primary_key=True, max_length=64)
    key: str = Field(primary_key=True, max_length=MAX_KEY_LENGTH)
    request_hash: str = Field(max_length=64)
    status_code: int | None = Field(default=None)
    response_body: bytes | None = Field(default=None, sa_type=LargeBinary)
    response_headers: dict[str, str] | None = Field(default=None, sa_type=JSON)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)


IdempotencyKeyHeader = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        min_length=1,
        max_length=MAX_KEY_LENGTH,
        pattern=r"^[A-Za-z0-9\-_.:~+/=]+$",
        description=(
            "Makes the POST safe to retry: the same key with the same request returns the "
            "first response; the same key with another request answers 409."
        ),
    ),
]


async def declare_idempotency_key(idempotency_key: IdempotencyKeyHeader = None) -> None:
    """Puts the header in the OpenAPI document and validates it; the middleware does the work."""


class IdempotencyMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        key = headers.get(HEADER)
        if key is None:
            await self.app(scope, receive, send)
            return
        if not key or len(key) > MAX_KEY_LENGTH or not set(key) <= _ALLOWED:
            await problem(
                422,
                slug="validation-error",
                title="The request is not valid",
                detail="Idempotency-Key must be 1-255 characters of A-Z a-z 0-9 - _ . : ~ + / =.",
                instance=scope.get("path"),
            )(scope, receive, send)
            return
        owner = _owner(scope["app"].state.settings, headers)
        if owner is None:  # unauthenticated: the route answers 401 itself
            await self.app(scope, receive, send)
            return

        body: bytes = scope.get("state", {}).get("raw_body", b"")
        fingerprint = _fingerprint(scope, body)
        factory: sessionmaker[Session] = scope["app"].state.session_factory
        ttl = timedelta(hours=scope["app"].state.settings.idempotency_ttl_hours)
        outcome, record = await anyio.to_thread.run_sync(
            _claim, factory, owner, key, fingerprint, ttl
        )
        if outcome == "replay":
            assert record is not None
            await _replay(record, send)
            return
        if outcome in ("mismatch", "in_progress"):
            detail = (
                "This Idempotency-Key was already used for a different request."
                if outcome == "mismatch"
                else "A request with this Idempotency-Key is still being processed."
            )
            await problem(
                409,
                slug="idempotency-key-conflict",
                title="Idempotency-Key conflict",
                detail=detail,
                instance=scope.get("path"),
            )(scope, receive, send)
            return

        captured: dict[str, Any] = {"status": 500, "headers": [], "body": []}

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                captured["status"] = message["status"]
                captured["headers"] = message.get("headers", [])
            elif message["type"] == "http.response.body":
                captured["body"].append(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, replay_body(body, receive), capture)
        finally:
            await anyio.to_thread.run_sync(_settle, factory, owner, key, captured)


def _owner(settings: Settings, headers: Headers) -> str | None:
    authorization = headers.get("authorization", "")
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token:
        return None
    try:
        user_id, _version = decode_access_token(settings, token.strip())
        return str(user_id)
    except InvalidToken:
        return None


def _fingerprint(scope: Scope, body: bytes) -> str:
    digest = hashlib.sha256()
    digest.update(scope["method"].encode())
    digest.update(b"\0" + scope.get("path", "").encode("utf-8", "surrogateescape"))
    digest.update(b"\0" + scope.get("query_string", b""))
    digest.update(b"\0" + body)
    return digest.hexdigest()


def _claim(
    factory: sessionmaker[Session], owner: str, key: str, fingerprint: str, ttl: timedelta
) -> tuple[str, IdempotencyRecord | None]:
    with factory() as session:
        record = session.get(IdempotencyRecord, (owner, key))
        if record is not None and record.created_at < utcnow() - ttl:
            session.delete(record)
            session.flush()
            record = None
        if record is not None:
            if record.request_hash != fingerprint:
                return "mismatch", None
            if record.status_code is None:
                return "in_progress", None
            return "replay", record
        # Keys live `ttl`: clear the expired ones (an indexed range) as new ones arrive.
        session.execute(
            delete(IdempotencyRecord).where(col(IdempotencyRecord.created_at) < utcnow() - ttl)
        )
        session.add(IdempotencyRecord(owner=owner, key=key, request_hash=fingerprint))
        try:
            session.commit()
        except IntegrityError:  # a concurrent request claimed the key first
            session.rollback()
            return "in_progress", None
        return "claimed", None


def _settle(factory: sessionmaker[Session], owner: str, key: str, captured: dict[str, Any]) -> None:
    with factory() as session:
        record = session.get(IdempotencyRecord, (owner, key))
        if record is None:
            return
        status = captured["status"]
        if 200 <= status < 300:
            record.status_code = status
            record.response_body = b"".join(captured["body"])
            record.response_headers = {
                name.decode("latin-1"): value.decode("latin-1")
                for name, value in captured["headers"]
                if name.decode("latin-1").lower() in _REPLAYED_HEADERS
            }
        else:
            session.delete(record)
        session.commit()


async def _replay(record: IdempotencyRecord, send: Send) -> None:
    body = record.response_body or b""
    headers = [
        (name.encode("latin-1"), value.encode("latin-1"))
        for name, value in (record.response_headers or {}).items()
    ]
    headers += [(b"content-length", str(len(body)).encode()), (b"idempotent-replayed", b"true")]
    await send({"type": "http.response.start", "status": record.status_code, "headers": headers})
    await send({"type": "http.response.body", "body": body})
