"""Idempotency-Key on POST: a retried request gets the first answer instead of a duplicate.

The key is claimed, and the answer stored, **in the request's own transaction**
(core/deps.py: AccordRoute), so what was committed and the stored answer are one atomic
fact: a request that failed leaves no key behind, and one that committed always leaves its
answer. A second request with the same key while the first is still running waits for it
(on PostgreSQL the unique index makes its insert wait; on SQLite the write lock does) and
then replays its answer, or claims the key if the first one failed.

The claim is solved after the route's other dependencies, so a replay re-checks the
caller's current token and rights: a caller demoted or signed out since gets the answer
the route would give now, not the stored body. The same key with another request (method,
path, query or body) answers 409. Keys are per user and expire.
"""

import hashlib
import string
from datetime import datetime, timedelta
from typing import Annotated

from fastapi import Header, Request
from sqlalchemy import JSON, LargeBinary, delete
from sqlalchemy.exc import IntegrityError
from sqlmodel import Field, Session, SQLModel, col
from starlette.responses import Response

from accord.core.errors import Conflict
from accord.core.models import UTCDateTime, utcnow
from accord.core.security import InvalidToken, decode_access_token

HEADER = "idempotency-key"
MAX_KEY_LENGTH = 255
_ALLOWED = frozenset(string.ascii_letters + string.digits + "-_.:~+/=")
_REPLAYED_HEADERS = ("content-type", "location", "etag")


class IdempotencyConflict(Conflict):
    slug, title = "idempotency-key-conflict", "Idempotency-Key conflict"


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
            "first response (also while the first is still running: the retry waits for "
            "it); the same key with another request answers 409."
        ),
    ),
]


async def declare_idempotency_key(idempotency_key: IdempotencyKeyHeader = None) -> None:
    """Puts the header in the OpenAPI document and validates it; `claim` does the work."""


class Replay(Exception):
    def __init__(self, record: IdempotencyRecord) -> None:
        # Read now: the request's transaction ends (and forgets the record) before replying.
        self.body = record.response_body or b""
        self.status_code = record.status_code or 200
        self.headers = dict(record.response_headers or {})

    def response(self) -> Response:
        headers = {**self.headers, "Idempotent-Replayed": "true"}
        media_type = headers.pop("content-type", None)
        return Response(
            self.body, status_code=self.status_code, headers=headers, media_type=media_type
        )


def claim(request: Request, session: Session) -> IdempotencyRecord | None:
    """Claim the request's Idempotency-Key in `session` (the request's write transaction):
    the new record to complete with the answer, or None when there is no key (or no
    signed-in caller to own it). Raises Replay with a completed answer, or 409."""
    key = request.headers.get(HEADER)
    owner = _owner(request)
    if key is None or owner is None or not _well_formed(key):
        return None  # a malformed key is refused with 422 by the header's validation
    fingerprint = _fingerprint(request)
    expired = utcnow() - timedelta(hours=request.app.state.settings.idempotency_ttl_hours)
    # The caller's expired keys go as new ones arrive (the primary key's owner prefix).
    session.execute(
        delete(IdempotencyRecord).where(
            col(IdempotencyRecord.owner) == owner, col(IdempotencyRecord.created_at) < expired
        )
    )
    found = session.get(IdempotencyRecord, (owner, key), populate_existing=True)
    if found is None:
        record = IdempotencyRecord(owner=owner, key=key, request_hash=fingerprint)
        try:
            with session.begin_nested():
                session.add(record)
        except IntegrityError:
            # Another request with this key committed while this one waited for it.
            found = session.get(IdempotencyRecord, (owner, key), populate_existing=True)
        else:
            return record
    if found is None or found.status_code is None:  # pragma: no cover - a committed claim
        raise IdempotencyConflict("This Idempotency-Key could not be resolved; retry.")
    if found.request_hash != fingerprint:
        raise IdempotencyConflict("This Idempotency-Key was already used for a different request.")
    raise Replay(found)


def store_answer(session: Session, record: IdempotencyRecord, response: Response) -> None:
    """Keep the answer with the claimed key, in the transaction being committed; only a
    success is kept (an error answered on purpose frees the key, as a raised one does)."""
    if not 200 <= response.status_code < 300:
        session.delete(record)
        return
    record.status_code = response.status_code
    record.response_body = bytes(response.body)
    record.response_headers = {
        name: value for name, value in response.headers.items() if name in _REPLAYED_HEADERS
    }
    session.add(record)


def _well_formed(key: str) -> bool:
    return 0 < len(key) <= MAX_KEY_LENGTH and set(key) <= _ALLOWED


def _owner(request: Request) -> str | None:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token:
        return None
    try:
        user_id, _version = decode_access_token(request.app.state.settings, token.strip())
    except InvalidToken:
        return None
    return str(user_id)


def _fingerprint(request: Request) -> str:
    scope = request.scope
    body: bytes = scope.get("state", {}).get("raw_body", b"")
    digest = hashlib.sha256()
    digest.update(scope["method"].encode())
    digest.update(b"\0" + scope.get("path", "").encode("utf-8", "surrogateescape"))
    digest.update(b"\0" + scope.get("query_string", b""))
    digest.update(b"\0" + body)
    return digest.hexdigest()
