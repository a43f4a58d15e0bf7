"""The authenticated caller."""

import uuid
from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import OAuth2PasswordBearer
from sqlmodel import Session

from accord.accounts.models import User
from accord.core.deps import SessionDep, SettingsDep
from accord.core.errors import Forbidden, Unauthorized
from accord.core.security import InvalidToken, decode_access_token
from accord.core.settings import Settings


def get_read_session(request: Request) -> Iterator[Session]:
    """A session that only reads, whatever the request's method: sign-in checks the
    password with it, so no write transaction (on SQLite: the database's write lock) is
    held while Argon2 runs. Temporary: the core's `ReadSession` replaces it."""
    with request.app.state.read_session_factory() as session:
        yield session


ReadSessionDep = Annotated[Session, Depends(get_read_session, scope="function")]

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/api/v1/auth/token", auto_error=False)


BearerToken = Annotated[str | None, Depends(oauth2_scheme)]
_INVALID = "The access token is invalid or has expired; sign in again."


def token_claims(settings: Settings, token: str | None) -> tuple[uuid.UUID, int]:
    """The user id and account version of a valid access token; 401 otherwise."""
    if not token:
        raise Unauthorized("Sign in and send the access token as `Authorization: Bearer …`.")
    try:
        return decode_access_token(settings, token)
    except InvalidToken as exc:
        raise Unauthorized(_INVALID) from exc


def ensure_current(user: User | None, version: int) -> User:
    """The token's user, still active and at the version the token was issued for."""
    if user is None or not is_current(user.is_active, user.version, version):
        raise Unauthorized(_INVALID)
    return user


def is_current(is_active: bool, user_version: int, token_version: int) -> bool:
    """A token stays good while its user is active and at the version it was issued for
    (a password change or sign-out everywhere moves the version)."""
    return is_active and user_version == token_version


def stale_token() -> Unauthorized:
    return Unauthorized(_INVALID)


def get_current_user(token: BearerToken, session: SessionDep, settings: SettingsDep) -> User:
    user_id, version = token_claims(settings, token)
    return ensure_current(session.get(User, user_id), version)


CurrentUser = Annotated[User, Depends(get_current_user)]


async def get_platform_admin(user: CurrentUser) -> User:
    if not user.is_admin:
        raise Forbidden("Only platform administrators can do this.")
    return user


PlatformAdmin = Annotated[User, Depends(get_platform_admin)]
