"""The authenticated caller."""

from typing import Annotated

from fastapi import Depends
from fastapi.security import OAuth2PasswordBearer

from accord.accounts.models import User
from accord.core.deps import SessionDep, SettingsDep
from accord.core.errors import Forbidden, Unauthorized
from accord.core.security import InvalidToken, decode_access_token

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/api/v1/auth/token", auto_error=False)


def get_current_user(
    token: Annotated[str | None, Depends(oauth2_scheme)],
    session: SessionDep,
    settings: SettingsDep,
) -> User:
    if not token:
        raise Unauthorized("Sign in and send the access token as `Authorization: Bearer …`.")
    try:
        user_id, version = decode_access_token(settings, token)
    except InvalidToken as exc:
        raise Unauthorized("The access token is invalid or has expired; sign in again.") from exc
    user = session.get(User, user_id)
    if user is None or not user.is_active or user.version != version:
        raise Unauthorized("The access token is invalid or has expired; sign in again.")
    return user


CurrentUser = Annotated[User, Depends(get_current_user)]


def get_platform_admin(user: CurrentUser) -> User:
    if not user.is_admin:
        raise Forbidden("Only platform administrators can do this.")
    return user


PlatformAdmin = Annotated[User, Depends(get_platform_admin)]
