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


def create_access_token(settings: Settings, user_id: uuid.UUID) -> IssuedToken:
    now = utcnow()
    lifetime = timedelta(minutes=settings.access_token_minutes)
    claims = {
        "sub": str(user_id),
        "iat": int(now.timestamp()),
        "exp": int((now + lifetime).timestamp()),
        "iss": settings.token_issuer,
        "aud": settings.token_audience,
    }
    token = jwt.encode(claims, settings.secret_key, algorithm=ALGORITHM)
    return IssuedToken(token=token, expires_in=int(lifetime.total_seconds()))


def decode_access_token(settings: Settings, token: str) -> uuid.UUID:
    """The user id a valid token was issued to. The algorithm is pinned: `alg: none` and
    any other algorithm are refused, as are wrong issuer or audience and expired tokens."""
    try:
        claims = jwt.decode(
            token,
            settings.secret_key,
            algorithms=[ALGORITHM],
            audience=settings.token_audience,
            issuer=settings.token_issuer,
            options={
                "require_exp": True,
                "require_iat": True,
                "require_sub": True,
                "require_aud": True,
                "require_iss": True,
            },
        )
        return uuid.UUID(str(claims["sub"]))
    except (JWTError, ValueError, KeyError) as exc:
        raise InvalidToken(str(exc)) from exc
