"""HTTP for signing in and for accounts."""

from typing import Annotated

from fastapi import APIRouter, Cookie, Depends, Form, Query, Response, status
from pydantic import Field

from accord.accounts import service
from accord.accounts.deps import CurrentUser, PlatformAdmin
from accord.accounts.models import PasswordChange, Token, User, UserCreate, UserPublic
from accord.core.deps import AccordRoute, ReadSession, SettingsDep, WriteSession
from accord.core.errors import BadRequest, Unauthorized
from accord.core.idempotency import declare_idempotency_key
from accord.core.openapi import responses
from accord.core.pagination import CursorQuery, Cursors, LimitQuery, Page
from accord.core.security import (
    InvalidToken,
    create_access_token,
    create_refresh_token,
    decode_refresh_token,
)
from accord.core.settings import Environment, Settings
from accord.networks import service as networks
from accord.networks.models import MyMembership

auth_router = APIRouter(route_class=AccordRoute, prefix="/auth", tags=["auth"])
users_router = APIRouter(route_class=AccordRoute, prefix="/users", tags=["users"])


class Me(UserPublic):
    memberships: list[MyMembership] = Field(description="Your networks and your role in each.")


class InvalidGrant(BadRequest):
    slug, title = "invalid-grant", "Wrong e-mail or password"


REFRESH_COOKIE = "accord_refresh"
REFRESH_COOKIE_PATH = "/api/v1/auth"


def _set_refresh_cookie(response: Response, settings: Settings, user: User) -> None:
    issued = create_refresh_token(settings, user.id, user.version)
    response.set_cookie(
        REFRESH_COOKIE,
        issued.token,
        max_age=issued.expires_in,
        path=REFRESH_COOKIE_PATH,
        httponly=True,
        samesite="strict",
        secure=settings.environment is Environment.production,
    )


@auth_router.post(
    "/token",
    response_model=Token,
    responses=responses(400, 413, 422),
)
def sign_in(
    session: WriteSession,
    settings: SettingsDep,
    response: Response,
    username: Annotated[str, Form(min_length=1, max_length=254, description="Your e-mail.")],
    password: Annotated[str, Form(min_length=1, max_length=200)],
    grant_type: Annotated[str | None, Form(pattern="^password$")] = None,
) -> Token:
    """OAuth2 password sign-in: form fields `username` (your e-mail) and `password`."""
    user = None
    if "\x00" not in username and "\x00" not in password:
        user = service.authenticate(session, username, password)
    if user is None:
        raise InvalidGrant("The e-mail or password is not right.")
    # Scripted clients use the access token; the dashboard keeps it in memory only and
    # gets a new one after a reload from this HttpOnly cookie (POST /auth/refresh).
    _set_refresh_cookie(response, settings, user)
    issued = create_access_token(settings, user.id, user.version)
    return Token(access_token=issued.token, expires_in=issued.expires_in)


@auth_router.post("/refresh", response_model=Token, responses=responses(401, 422))
def refresh(
    session: WriteSession,
    settings: SettingsDep,
    response: Response,
    accord_refresh: Annotated[str | None, Cookie(max_length=4096)] = None,
) -> Token:
    """A new access token for the dashboard, from the HttpOnly cookie set at sign-in.
    The cookie is renewed too. 401 when it is missing, expired, or the password changed."""
    user = None
    if accord_refresh:
        try:
            user_id, version = decode_refresh_token(settings, accord_refresh)
            user = service.active_user(session, user_id, version)
        except InvalidToken:
            user = None
    if user is None:
        raise Unauthorized("Your session has ended; sign in again.")
    _set_refresh_cookie(response, settings, user)
    issued = create_access_token(settings, user.id, user.version)
    return Token(access_token=issued.token, expires_in=issued.expires_in)


@auth_router.post(
    "/logout", status_code=status.HTTP_204_NO_CONTENT, responses=responses(422, database=False)
)
def sign_out(response: Response) -> None:
    """Ends the dashboard session on this browser (removes the sign-in cookie)."""
    response.delete_cookie(REFRESH_COOKIE, path=REFRESH_COOKIE_PATH)


@auth_router.get("/me", response_model=Me, responses=responses(401, 422))
def read_me(user: CurrentUser, session: ReadSession) -> Me:
    """Who you are, and your networks (for the network switcher)."""
    return Me(
        **UserPublic.model_validate(user, from_attributes=True).model_dump(),
        memberships=networks.memberships_of(session, user),
    )


@auth_router.post(
    "/me/password",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=responses(400, 401, 403, 413, 422),
)
def change_password(user: CurrentUser, session: WriteSession, data: PasswordChange) -> None:
    service.change_password(session, user, data)


@users_router.get("", response_model=Page[UserPublic], responses=responses(400, 401, 403, 422))
def list_users(
    admin: PlatformAdmin,
    session: ReadSession,
    cursors: Cursors,
    q: Annotated[
        str | None, Query(max_length=200, description="Text in the e-mail or name.")
    ] = None,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
) -> Page[UserPublic]:
    """Every account (platform admins)."""
    items, next_cursor = service.list_users(session, q=q, codec=cursors, limit=limit, cursor=cursor)
    return Page(items=items, next_cursor=next_cursor)


@users_router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=UserPublic,
    dependencies=[Depends(declare_idempotency_key)],
    responses=responses(400, 401, 403, 409, 413, 422),
)
def create_user(admin: PlatformAdmin, session: WriteSession, data: UserCreate) -> UserPublic:
    """Create an account (platform admins). Coordinators then add it to their network."""
    user = service.create_user(session, admin, data)
    return UserPublic.model_validate(user, from_attributes=True)
