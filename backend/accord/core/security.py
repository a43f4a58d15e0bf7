"""Passwords (Argon2 via pwdlib) and access tokens (JWT, HS256, via python-jose)."""

import uuid
from dataclasses import dataclass
from datetime import timedelta

from jose import JWTError, jwt
from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher

from accord.core.models import utcnow
from accord.core.settings import Settings

ALGORITHM = "HS256"

password_hash = PasswordHash((Argon2Hasher(),))
# Verified against when the e-mail is unknown, so a wrong e-mail costs as much time as a
# wrong password and the response time does not reveal which accounts exist.
_DUMMY_HASH = password_hash.hash("accord-timing-equaliser")


def hash_password(password: str) -> str:
    return password_hash.hash(password)


def verify_password(password: str, hashed: str | None) -> bool:
    if hashed is None:
        password_hash.verify(password, _DUMMY_HASH)
        return False
    return password_hash.verify(password, hashed)


@dataclass(frozen=True)
class IssuedToken:
    token: str
    expires_in: int


class InvalidToken(Exception):
    pass


def _encode(
    settings: Settings, user_id: uuid.UUID, audience: str, lifetime: timedelta, **extra: object
) -> IssuedToken:
    now = utcnow()
    claims = {
        "sub": str(user_id),
        "iat": int(now.timestamp()),
        "exp": int((now + lifetime).timestamp()),
        "iss": settings.token_issuer,
        "aud": audience,
        **extra,
    }
    token = jwt.encode(claims, settings.secret_key, algorithm=ALGORITHM)
    return IssuedToken(token=token, expires_in=int(lifetime.total_seconds()))


def _decode(settings: Settings, token: str, audience: str) -> dict[str, object]:
    return _verified_claims(settings.secret_key, settings.token_issuer, audience, token)


def _verified_claims(secret: str, issuer: str, audience: str, token: str) -> dict[str, object]:
    """Claims of a valid token. The algorithm is pinned: `alg: none` and any other
    algorithm are refused, as are a wrong issuer or audience and expired tokens."""
    try:
        claims: dict[str, object] = jwt.decode(
            token,
            secret,
            algorithms=[ALGORITHM],
            audience=audience,
            issuer=issuer,
            options={
                "require_exp": True,
                "require_iat": True,
                "require_sub": True,
                "require_aud": True,
                "require_iss": True,
            },
        )
        uuid.UUID(str(claims["sub"]))
        return claims
    except (JWTError, ValueError, KeyError) as exc:
        raise InvalidToken(str(exc)) from exc


def create_access_token(settings: Settings, user_id: uuid.UUID, user_version: int) -> IssuedToken:
    """`ver` ties the token to the account's version, so a password change ends it."""
    lifetime = timedelta(minutes=settings.access_token_minutes)
    return _encode(settings, user_id, settings.token_audience, lifetime, ver=user_version)


def decode_access_token(settings: Settings, token: str) -> tuple[uuid.UUID, int]:
    """The user id and account version a valid access token was issued for."""
    return _subject_and_version(_decode(settings, token, settings.token_audience))


def _subject_and_version(claims: dict[str, object]) -> tuple[uuid.UUID, int]:
    version = claims.get("ver")
    if not isinstance(version, int) or isinstance(version, bool):
        raise InvalidToken("token without an account version")
    return uuid.UUID(str(claims["sub"])), version


def _refresh_audience(settings: Settings) -> str:
    # A distinct audience: a refresh token is never accepted as an access token.
    return f"{settings.token_audience}-refresh"


@dataclass(frozen=True)
class RefreshClaims:
    user_id: uuid.UUID
    user_version: int
    session_id: uuid.UUID
    rotation: int


def refresh_lifetime(settings: Settings) -> timedelta:
    return timedelta(hours=settings.refresh_token_hours)


def create_refresh_token(
    settings: Settings, user_id: uuid.UUID, user_version: int, session_id: uuid.UUID, rotation: int
) -> IssuedToken:
    """For the dashboard's HttpOnly cookie. `ver` ties it to the account's version, so a
    password change ends every session; `sid` names its session record on the server (so
    signing out ends it) and `rot` the rotation it was issued at (so it works once)."""
    return _encode(
        settings,
        user_id,
        _refresh_audience(settings),
        refresh_lifetime(settings),
        ver=user_version,
        sid=str(session_id),
        rot=rotation,
    )


def decode_refresh_token(settings: Settings, token: str) -> RefreshClaims:
    claims = _decode(settings, token, _refresh_audience(settings))
    user_id, version = _subject_and_version(claims)
    rotation = claims.get("rot")
    if not isinstance(rotation, int) or isinstance(rotation, bool):
        raise InvalidToken("refresh token without a rotation")
    try:
        session_id = uuid.UUID(str(claims["sid"]))
    except (KeyError, ValueError) as exc:
        raise InvalidToken("refresh token without a session") from exc
    return RefreshClaims(user_id, version, session_id, rotation)
