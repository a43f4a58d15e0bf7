"""Request-scoped dependencies shared by every domain."""

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from sqlmodel import Session

from accord.core.database import WRITE_OPTION
from accord.core.settings import Settings

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_session(request: Request) -> Iterator[Session]:
    """One request, one transaction: services never commit; this commits when the route
    returns and rolls back when it raises. Function scope: the commit happens before the
    response is sent, so a client never sees success for work that was not saved."""
    with request.app.state.session_factory() as session:
        if request.method not in SAFE_METHODS:
            session.connection(execution_options={WRITE_OPTION: True})
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


SettingsDep = Annotated[Settings, Depends(get_settings)]
SessionDep = Annotated[Session, Depends(get_session, scope="function")]
