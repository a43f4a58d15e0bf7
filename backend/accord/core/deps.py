"""Request-scoped dependencies shared by every domain."""

from collections.abc import AsyncIterator, Callable
from typing import Annotated, Any, TypeVar

import anyio
import anyio.to_thread
from fastapi import Depends, Request
from sqlmodel import Session

from accord.core.settings import Settings

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


async def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def get_session(request: Request) -> AsyncIterator[Session]:
    """One request, one transaction: services never commit; this commits when the route
    returns and rolls back when it raises. Function scope: the commit happens before the
    response is sent, so a client never sees success for work that was not saved.

    Async on purpose: every hop to a worker thread and back costs more than the cheap steps
    here. Opening a session does no I/O. A reading request's session ends on the event loop:
    ending it waits for no lock. A writing request commits in a worker thread, shielded
    so a client hanging up cannot leave a connection checked out. Writing requests get a
    session whose transactions take SQLite's write lock up front (see database.py)."""
    state = request.app.state
    writes = request.method not in SAFE_METHODS and not getattr(
        request.scope.get("endpoint"), READ_ONLY, False
    )
    session: Session = (state.write_session_factory if writes else state.read_session_factory)()
    succeeded = False
    try:
        yield session
        succeeded = True
    finally:
        if not session.in_transaction():
            # Nothing ran, or `write_and_commit` already committed: nothing to end.
            session.close()
        elif writes:
            with anyio.CancelScope(shield=True):
                await anyio.to_thread.run_sync(_end, session, succeeded)
        else:
            _end(session, succeeded)


ResultT = TypeVar("ResultT")


async def write_and_commit(session: Session, write: Callable[..., ResultT], *args: Any) -> ResultT:
    """Run a write and commit it in one trip to a worker thread, for async write routes:
    a sync route would take one trip for the route and another for the commit, and each
    costs more than a small write's own Python. The request's session then has nothing
    left to commit. The commit still happens before the response is sent, and finishes
    even if the client hangs up (the thread is waited for, never abandoned)."""

    def write_then_commit() -> ResultT:
        result = write(*args)
        session.commit()
        return result

    return await anyio.to_thread.run_sync(write_then_commit)


def _end(session: Session, succeeded: bool) -> None:
    try:
        if succeeded:
            session.commit()
        else:
            session.rollback()
    finally:
        session.close()


READ_ONLY = "accord_read_only"
EndpointT = TypeVar("EndpointT", bound=Callable[..., Any])


def read_only(endpoint: EndpointT) -> EndpointT:
    """Marks a POST route that only reads (a question too rich for a URL, such as the route
    finder): it gets a read session, so it never waits for SQLite's write lock."""
    setattr(endpoint, READ_ONLY, True)
    return endpoint


SettingsDep = Annotated[Settings, Depends(get_settings)]
SessionDep = Annotated[Session, Depends(get_session, scope="function")]
