"""How a request talks to the database: one model, in this file.

A route names the session it needs, `ReadSession` (one snapshot, never writes) or
`WriteSession` (one transaction). The session is opened at its first use and ended in one
place, `AccordRoute`, after the route has produced its response and before that response is
sent: a write commits (with its stored Idempotency-Key answer, core/idempotency.py), and
anything that raised, or answered an error, rolls back; a write the database aborted for
losing a race (`_lost_a_race`) is run again, whole, from a fresh transaction. Services never
commit. Dependencies
that serve both kinds of route (finding the caller) take `RequestSession`: the session of
the kind the route declared.

A route may declare both kinds only to read before it writes without holding the write
lock meanwhile (sign-in checks a password, 100 ms of Argon2, before it records anything).

Every step that touches the database runs in a worker thread, never on the event loop: one
slow query must not stall every other request of the process, health checks included.
"""

import functools
import inspect
from collections.abc import Callable, Coroutine
from typing import Annotated, Any, TypeVar

import anyio
from fastapi import Depends, Request
from fastapi.dependencies.models import Dependant
from fastapi.dependencies.utils import get_dependant
from fastapi.routing import APIRoute
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from accord.core import idempotency
from accord.core.database import SessionFactories, SessionKind
from accord.core.idempotency import Replay, store_answer
from accord.core.kept import KeptAnswers
from accord.core.settings import Settings

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
EndpointT = TypeVar("EndpointT", bound=Callable[..., Any])
_UNIT = "accord_unit"


async def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


class RequestUnit:
    """The request's sessions (opened lazily) and how they end."""

    def __init__(self, factories: SessionFactories, writes: bool) -> None:
        self._factories = factories
        self.writes = writes
        self._sessions: dict[SessionKind, Session] = {}
        # Set by the Idempotency-Key claim: stored with the answer, in the same commit.
        self.idempotency_record: Any = None

    @property
    def opened(self) -> bool:
        return bool(self._sessions)

    def session(self, kind: SessionKind) -> Session:
        if kind not in self._sessions:
            factory = self._factories.write if kind is SessionKind.write else self._factories.read
            self._sessions[kind] = factory()
        return self._sessions[kind]

    def end(self, succeeded: bool, store: Callable[[Session], None] | None = None) -> None:
        """Commit the write session (after `store` wrote the idempotent answer into it) if
        the request succeeded, else roll everything back; close every session."""
        try:
            write = self._sessions.get(SessionKind.write)
            if write is not None:
                if succeeded:
                    if store is not None:
                        store(write)
                    write.commit()
                else:
                    write.rollback()
        finally:
            for session in self._sessions.values():
                session.close()


def _unit(request: Request) -> RequestUnit:
    unit: RequestUnit | None = request.scope.get(_UNIT)
    if unit is None:
        raise RuntimeError("Sessions are only for routes of an AccordRoute router.")
    return unit


async def read_session(request: Request) -> Session:
    return _unit(request).session(SessionKind.read)


async def write_session(request: Request) -> Session:
    return _unit(request).session(SessionKind.write)


async def request_session(request: Request) -> Session:
    unit = _unit(request)
    return unit.session(SessionKind.write if unit.writes else SessionKind.read)


ReadSession = Annotated[Session, Depends(read_session)]
WriteSession = Annotated[Session, Depends(write_session)]
RequestSession = Annotated[Session, Depends(request_session)]
SettingsDep = Annotated[Settings, Depends(get_settings)]


async def get_kept(request: Request) -> KeptAnswers:
    kept: KeptAnswers = request.app.state.kept
    return kept


Kept = Annotated[KeptAnswers, Depends(get_kept)]


def claim_idempotency_key(request: Request, session: WriteSession) -> None:
    """A POST with an Idempotency-Key claims it in the request's own transaction (or raises
    Replay with the first answer); the answer is stored in the same commit as the write."""
    _unit(request).idempotency_record = idempotency.claim(request, session)


_KEEPS_NO_ANSWER = "accord_keeps_no_answer"


def keeps_no_answer(endpoint: EndpointT) -> EndpointT:
    """A POST whose answer must not be kept for an Idempotency-Key (it shows a secret once:
    an invitation's token). It must be safe to retry by itself (a duplicate answers 409)."""
    setattr(endpoint, _KEEPS_NO_ANSWER, True)
    return endpoint


def _claiming_idempotency_key(endpoint: Callable[..., Any]) -> Callable[..., Any]:
    """The endpoint with one more parameter, last: the Idempotency-Key claim. FastAPI solves
    dependencies in the order of the parameters, so the claim comes after the caller's
    token, account, membership and role were checked: a replayed answer only reaches a
    caller who may still make this request."""
    signature = inspect.signature(endpoint)
    claim = inspect.Parameter(
        "accord_idempotency_claim",
        inspect.Parameter.KEYWORD_ONLY,
        default=Depends(claim_idempotency_key),
        annotation=None,
    )
    if inspect.iscoroutinefunction(endpoint):

        @functools.wraps(endpoint)
        async def claiming_async(*args: Any, accord_idempotency_claim: None, **kw: Any) -> Any:
            return await endpoint(*args, **kw)

        wrapped: Callable[..., Any] = claiming_async
    else:

        @functools.wraps(endpoint)
        def claiming(*args: Any, accord_idempotency_claim: None, **kw: Any) -> Any:
            return endpoint(*args, **kw)

        wrapped = claiming
    wrapped.__signature__ = signature.replace(  # type: ignore[attr-defined]
        parameters=[*signature.parameters.values(), claim]
    )
    return wrapped


def _calls(dependant: Dependant) -> set[Any]:
    found = {dependant.call}
    for sub in dependant.dependencies:
        found |= _calls(sub)
    return found


class AccordRoute(APIRoute):
    """Every API route: its sessions end here, in one place (see the module's docstring)."""

    def __init__(self, path: str, endpoint: Callable[..., Any], **kwargs: Any) -> None:
        calls = _calls(get_dependant(path=path, call=endpoint))
        for depends in kwargs.get("dependencies") or ():
            calls |= _calls(get_dependant(path=path, call=depends.dependency))
        self.writes = write_session in calls
        methods = {method.upper() for method in kwargs.get("methods") or ()}
        if self.writes and methods <= SAFE_METHODS:
            raise TypeError(f"{path}: a GET never writes; it cannot declare a WriteSession.")
        if "POST" in methods and self.writes and not getattr(endpoint, _KEEPS_NO_ANSWER, False):
            endpoint = _claiming_idempotency_key(endpoint)
        super().__init__(path, endpoint, **kwargs)

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()
        route = self  # read at request time: FastAPI asks for the handler mid-__init__

        async def run(request: Request) -> Response:
            for attempt in range(1, WRITE_ATTEMPTS + 1):
                unit = RequestUnit(request.app.state.sessions, route.writes)
                request.scope[_UNIT] = unit
                try:
                    response = await handler(request)
                except Replay as replay:
                    await _end(unit, succeeded=False)
                    return replay.response()
                except BaseException as exc:
                    await _end(unit, succeeded=False)
                    if route.writes and attempt < WRITE_ATTEMPTS and _lost_a_race(exc):
                        continue
                    raise
                # A route that returns (rather than raises) commits what it wrote, even when
                # it answers an error on purpose (a refresh that revoked a reused session).
                store = None
                if unit.idempotency_record is not None:
                    record = unit.idempotency_record

                    def store(
                        session: Session, record: Any = record, response: Response = response
                    ) -> None:
                        store_answer(session, record, response)

                try:
                    await _end(unit, True, store)
                except BaseException as exc:
                    if route.writes and attempt < WRITE_ATTEMPTS and _lost_a_race(exc):
                        continue
                    raise
                return response
            raise AssertionError("unreachable: the last attempt returns or raises")

        return run


# A write that lost a race the database settled by aborting it (PostgreSQL's deadlock
# detected, a serialization failure) wrote nothing: it is run again, whole, from a fresh
# transaction (its Idempotency-Key claim included), before the client is told 503. Shared
# rows several writes move (the referral tallies) make such races ordinary under load.
WRITE_ATTEMPTS = 3
RACE_SQLSTATES = frozenset({"40P01", "40001"})


def _lost_a_race(exc: BaseException) -> bool:
    return isinstance(exc, DBAPIError) and getattr(exc.orig, "sqlstate", None) in RACE_SQLSTATES


async def _end(
    unit: RequestUnit, succeeded: bool, store: Callable[[Session], None] | None = None
) -> None:
    if not unit.opened:
        return
    # Shielded: a client hanging up must not leave a transaction half-ended.
    with anyio.CancelScope(shield=True):
        await run_in_threadpool(unit.end, succeeded, store)
