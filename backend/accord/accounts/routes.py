"""HTTP for signing in and for accounts."""

import uuid
from datetime import timedelta
from typing import Annotated, Any

import anyio.to_thread
from fastapi import APIRouter, Cookie, Depends, Form, Query, Request, Response, status
from pydantic import Field

from accord.accounts import service
from accord.accounts.deps import CurrentUser, PlatformAdmin
from accord.accounts.models import (
    PasswordChange,
    PasswordResetIssued,
    PasswordResetRedeem,
    RefreshSession,
    Token,
    User,
    UserCreate,
    UserPublic,
)
from accord.core.deps import (
    AccordRoute,
    ReadSession,
    SettingsDep,
    WriteSession,
    keeps_no_answer,
)
from accord.core.errors import BadRequest, Unauthorized, problem
from accord.core.idempotency import declare_idempotency_key
from accord.core.openapi import CREATE_ERRORS, responses
from accord.core.pagination import CursorQuery, Cursors, LimitQuery, Page
from accord.core.ratelimit import RateLimiter, account_key, client_address
from accord.core.security import (
    InvalidToken,
    RefreshClaims,
    create_access_token,
    create_refresh_token,
    decode_refresh_token,
    refresh_lifetime,
)
from accord.core.settings import Environment, Settings
from accord.networks import service as networks
from accord.networks.access import NetworkAdminAccess
from accord.networks.models import MyMembership

auth_router = APIRouter(route_class=AccordRoute, prefix="/auth", tags=["auth"])
users_router = APIRouter(route_class=AccordRoute, prefix="/users", tags=["users"])
member_resets_router = APIRouter(route_class=AccordRoute, prefix="/networks", tags=["networks"])
password_resets_router = APIRouter(
    route_class=AccordRoute, prefix="/password-resets", tags=["auth"]
)


class Me(UserPublic):
    memberships: list[MyMembership] = Field(description="Your networks and your role in each.")


class InvalidGrant(BadRequest):
    slug, title = "invalid-grant", "Wrong e-mail or password"


REFRESH_COOKIE = "accord_refresh"
REFRESH_COOKIE_PATH = "/api/v1/auth"
SESSION_ENDED = "Your session has ended; sign in again."


def _set_refresh_cookie(
    response: Response, settings: Settings, user: User, record: RefreshSession
) -> None:
    issued = create_refresh_token(settings, user.id, user.version, record.id, record.rotation)
    response.set_cookie(
        REFRESH_COOKIE,
        issued.token,
        max_age=issued.expires_in,
        path=REFRESH_COOKIE_PATH,
        httponly=True,
        samesite="strict",
        secure=settings.environment is Environment.production,
    )


def _token_answer(settings: Settings, user: User, response: Response) -> Token:
    # RFC 6749 §5.1: a token response is never stored by any cache.
    response.headers["Cache-Control"] = "no-store"
    response.headers["Pragma"] = "no-cache"
    issued = create_access_token(settings, user.id, user.version)
    return Token(access_token=issued.token, expires_in=issued.expires_in)


def _limiter(request: Request) -> RateLimiter:
    limiter: RateLimiter = request.app.state.rate_limiter
    return limiter


@auth_router.post(
    "/token",
    response_model=Token,
    responses=responses(400, 413, 422),
)
async def sign_in(
    request: Request,
    read_session: ReadSession,
    session: WriteSession,
    settings: SettingsDep,
    response: Response,
    username: Annotated[str, Form(min_length=1, max_length=254, description="Your e-mail.")],
    password: Annotated[str, Form(min_length=1, max_length=200)],
    grant_type: Annotated[str | None, Form(pattern="^password$")] = None,
) -> Token:
    """OAuth2 password sign-in: form fields `username` (your e-mail) and `password`.
    Too many attempts from one address, or wrong passwords for one e-mail, answer 429."""
    # Limits first, so a flood costs no Argon2; then the password is checked through a
    # session that only reads, so no write lock is held while it is hashed; only then is
    # anything written (the request's own session takes the lock at its first statement).
    limiter = _limiter(request)
    account = f"email:{service.normalise_email(username)}"
    await limiter.hit(limiter.sign_in_address, client_address(request.scope))
    await limiter.check(limiter.sign_in_account, account)
    user = None
    if "\x00" not in username and "\x00" not in password:
        user = await anyio.to_thread.run_sync(
            service.authenticate, read_session, username, password
        )
    if user is None:
        await limiter.count(limiter.sign_in_account, account)
        raise InvalidGrant("The e-mail or password is not right.")
    record = await anyio.to_thread.run_sync(
        service.start_session, session, user, refresh_lifetime(settings)
    )
    # Scripted clients use the access token; the dashboard keeps it in memory only and
    # gets a new one after a reload from this HttpOnly cookie (POST /auth/refresh).
    _set_refresh_cookie(response, settings, user, record)
    return _token_answer(settings, user, response)


def _session_ended(request: Request) -> Response:
    # Answered, not raised: a refresh that revoked a session (an old cookie used again)
    # must still commit that revocation.
    return problem(
        Unauthorized.status,
        slug=Unauthorized.slug,
        title=Unauthorized.title,
        detail=SESSION_ENDED,
        instance=request.url.path,
        headers=Unauthorized().headers,
    )


def _claims(settings: Settings, token: str | None) -> RefreshClaims | None:
    if not token:
        return None
    try:
        return decode_refresh_token(settings, token)
    except InvalidToken:
        return None


NO_SESSION: dict[int | str, dict[str, Any]] = {
    204: {
        "description": "No sign-in cookie was sent: this browser has no session (not an "
        "error; the dashboard asks before showing the sign-in page)."
    }
}


@auth_router.post(
    "/refresh",
    response_model=Token,
    responses=responses(401, 422, extra=NO_SESSION),
)
async def refresh(
    request: Request,
    session: WriteSession,
    settings: SettingsDep,
    response: Response,
    accord_refresh: Annotated[str | None, Cookie(max_length=4096)] = None,
) -> Token | Response:
    """A new access token for the dashboard, from the HttpOnly cookie set at sign-in.
    The cookie is renewed too, and the one sent stops working. 204 (no body) when no
    cookie is sent at all; 401 when the one sent is expired, signed out, already used, or
    the password changed."""
    limiter = _limiter(request)
    await limiter.hit(limiter.refresh, client_address(request.scope))
    if not accord_refresh:
        # Asking whether there is a session is not a failure: browsers log every 4xx to
        # the console, and the sign-in page asks on every visit.
        return Response(status_code=status.HTTP_204_NO_CONTENT)
    claims = _claims(settings, accord_refresh)
    if claims is None:
        return _session_ended(request)
    await limiter.hit(limiter.refresh, account_key(claims.user_id))
    rotated = await anyio.to_thread.run_sync(
        service.rotate_session, session, claims, refresh_lifetime(settings)
    )
    if rotated is None:
        return _session_ended(request)
    user, record = rotated
    _set_refresh_cookie(response, settings, user, record)
    return _token_answer(settings, user, response)


@auth_router.post("/logout", status_code=status.HTTP_204_NO_CONTENT, responses=responses(422))
def sign_out(
    session: WriteSession,
    settings: SettingsDep,
    response: Response,
    accord_refresh: Annotated[str | None, Cookie(max_length=4096)] = None,
) -> None:
    """Ends the dashboard session: on the server (the sign-in cookie, or any copy of it,
    no longer works) and on this browser (the cookie is removed)."""
    claims = _claims(settings, accord_refresh)
    if claims is not None:
        service.end_session(session, claims)
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


# --- password resets ---------------------------------------------------------------------


@member_resets_router.post(
    "/{network}/members/{membership_id}/password-reset",
    status_code=status.HTTP_201_CREATED,
    response_model=PasswordResetIssued,
    responses=responses(
        *CREATE_ERRORS, extra={201: {"description": "Issued. The token is in this answer only."}}
    ),
)
@keeps_no_answer
def issue_password_reset(
    access: NetworkAdminAccess,
    session: WriteSession,
    settings: SettingsDep,
    membership_id: uuid.UUID,
    response: Response,
) -> PasswordResetIssued:
    """A one-time link with which the member sets a new password (coordinators, platform
    admins), for a member who forgot theirs. Pass the answer's `reset_path` on to them:
    Accord sends no mail. Earlier unused links for the account stop working. 403 for a
    platform administrator's account unless you are one.

    No Idempotency-Key (one sent is ignored): a kept answer would hold the token in clear.
    A retry is safe anyway: it issues a new link and voids the one not received."""
    response.headers["Cache-Control"] = "no-store"
    member = networks.get_member(session, access, membership_id)
    return service.issue_password_reset(
        session,
        actor_id=access.user.id,
        actor_is_admin=access.user.is_admin,
        network_id=access.network_id,
        user_id=member.user_id,
        lifetime=timedelta(hours=settings.password_reset_hours),
    )


@password_resets_router.post(
    "/redeem",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=responses(400, 404, 413, 422),
)
async def redeem_password_reset(
    request: Request, session: WriteSession, data: PasswordResetRedeem
) -> None:
    """Set a new password with a reset link's token; no sign-in needed. Every session of
    the account ends; sign in with the new password. 404, the same for each, when the
    link is unknown, used, replaced by a newer one or expired. Too many attempts from one
    address answer 429, as sign-in does."""
    limiter = _limiter(request)
    await limiter.hit(limiter.sign_in_address, client_address(request.scope))
    await anyio.to_thread.run_sync(
        service.redeem_password_reset, session, data.token, data.new_password
    )
