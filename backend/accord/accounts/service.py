"""Accounts: sign-in, creation by a platform admin, password changes."""

import hashlib
import secrets
import uuid
from datetime import datetime, timedelta

from sqlalchemy import delete, or_, select, update
from sqlmodel import Session, col

from accord.accounts.models import (
    PasswordChange,
    PasswordReset,
    PasswordResetIssued,
    RefreshSession,
    User,
    UserCreate,
    UserPublic,
)
from accord.audit import service as audit
from accord.core.database import lock
from accord.core.errors import Conflict, FieldError, Forbidden, NotFound
from accord.core.models import utcnow
from accord.core.pagination import CursorCodec, SortColumn, page_of, paginate, parse_uuid
from accord.core.search import matches_text
from accord.core.security import RefreshClaims, hash_password, verify_password
from accord.core.vocabulary import MembershipRole
from accord.networks.models import Membership


def normalise_email(email: str) -> str:
    return email.strip().lower()


def find_by_email(session: Session, email: str) -> User | None:
    return session.scalars(
        select(User).where(User.email == normalise_email(email))  # type: ignore[arg-type]
    ).first()


def authenticate(session: Session, email: str, password: str) -> User | None:
    """The active account with this e-mail and password. Only reads: give it a read
    session, so that no write transaction is held while the password is hashed."""
    user = find_by_email(session, email)
    if not verify_password(password, user.password_hash if user else None):
        return None
    if user is None or not user.is_active:
        return None
    return user


def start_session(session: Session, user: User, lifetime: timedelta) -> RefreshSession:
    """After a good password: the dashboard session's record, and the sign-in time."""
    now = utcnow()
    session.execute(update(User).where(User.id == user.id).values(last_login_at=now))  # type: ignore[arg-type]
    # The account's expired sessions go as it starts a new one: they can never be used
    # again (sign-ins and sign-outs stay in the audit log), and the table stays the size
    # of the sessions that are open.
    session.execute(
        delete(RefreshSession).where(
            RefreshSession.user_id == user.id,  # type: ignore[arg-type]
            RefreshSession.expires_at <= now,  # type: ignore[arg-type]
        )
    )
    record = RefreshSession(user_id=user.id, created_at=now, expires_at=now + lifetime)
    session.add(record)
    session.flush()
    return record


def rotate_session(
    session: Session, claims: RefreshClaims, lifetime: timedelta
) -> tuple[User, RefreshSession] | None:
    """The account and its session moved to the next rotation, if the refresh token is
    the session's current one. An older token of a live session means the cookie was
    copied and used by someone else: the session is revoked, ending it for both."""
    now = utcnow()
    record = lock(session, RefreshSession, claims.session_id)
    if (
        record is None
        or record.user_id != claims.user_id
        or record.revoked_at is not None
        or record.expires_at <= now
    ):
        return None
    if record.rotation != claims.rotation:
        record.revoked_at = now
        session.add(record)
        return None
    user = active_user(session, claims.user_id, claims.user_version)
    if user is None:
        return None
    record.rotation += 1
    record.expires_at = now + lifetime
    session.add(record)
    session.flush()
    return user, record


def end_session(session: Session, claims: RefreshClaims) -> None:
    session.execute(
        update(RefreshSession)
        .where(
            RefreshSession.id == claims.session_id,  # type: ignore[arg-type]
            RefreshSession.user_id == claims.user_id,  # type: ignore[arg-type]
            RefreshSession.revoked_at.is_(None),  # type: ignore[union-attr]
        )
        .values(revoked_at=utcnow())
    )


def active_user(session: Session, user_id: uuid.UUID, version: int | None = None) -> User | None:
    """The account, if it is active and (when given) still at `version`."""
    user = session.get(User, user_id)
    if user is None or not user.is_active:
        return None
    if version is not None and user.version != version:
        return None
    return user


def create_user(session: Session, actor: User | None, data: UserCreate) -> User:
    email = normalise_email(data.email)
    if find_by_email(session, email) is not None:
        raise Conflict.on_field("body.email", "An account with this e-mail already exists.")
    user = User(
        email=email,
        full_name=data.full_name,
        password_hash=hash_password(data.password),
        is_admin=data.is_admin,
    )
    session.add(user)
    session.flush()
    audit.record(
        session,
        actor_id=actor.id if actor else None,
        network_id=None,
        action="user.create",
        object_type="user",
        object_id=user.id,
        after={"email": user.email, "full_name": user.full_name, "is_admin": user.is_admin},
    )
    return user


def change_password(session: Session, user: User, data: PasswordChange) -> None:
    if not verify_password(data.current_password, user.password_hash):
        raise Forbidden(
            "The current password is not right.",
            errors=[FieldError(field="body.current_password", message="not right")],
        )
    _set_password(session, user, hash_password(data.new_password), "user.password_change")


def _set_password(session: Session, user: User, password_hash: str, action: str) -> None:
    """The account's new password. Its version moves, which ends every session it has:
    access tokens and refresh sessions carry the version they were issued at."""
    user.password_hash = password_hash
    user.version += 1
    session.add(user)
    audit.record(
        session,
        actor_id=user.id,
        network_id=None,
        action=action,
        object_type="user",
        object_id=user.id,
    )


# --- password resets ---------------------------------------------------------------------
# A coordinator issues a one-time link for a member who forgot their password; whoever
# holds it sets a new one. Wrong, expired, voided and used links get the same answer.

RESET_PATH = "/reset-password"


class InvalidResetLink(NotFound):
    # 404, not 400: the request is well formed; what it names is not (or no longer) open.
    slug, title = "invalid-reset-link", "This password-reset link does not work"


def _token_hash(token: str) -> str:
    # The token carries 256 random bits: a plain digest is as good as a slow hash here.
    return hashlib.sha256(token.encode()).hexdigest()


def _void_open_resets(session: Session, user_id: uuid.UUID, now: datetime) -> None:
    session.execute(
        update(PasswordReset)
        .where(
            PasswordReset.user_id == user_id,  # type: ignore[arg-type]
            PasswordReset.used_at.is_(None),  # type: ignore[union-attr]
            PasswordReset.voided_at.is_(None),  # type: ignore[union-attr]
        )
        .values(voided_at=now)
    )


def issue_password_reset(
    session: Session,
    *,
    actor_id: uuid.UUID,
    actor_is_admin: bool,
    network_id: uuid.UUID,
    user_id: uuid.UUID,
    lifetime: timedelta,
) -> PasswordResetIssued:
    """A new one-time link for the account; earlier unused ones stop working. The caller
    has checked that the account belongs to the network and may be reset by the actor."""
    now = utcnow()
    # Resets of one account take turns, so two at once leave exactly one link open.
    user = lock(session, User, user_id)
    assert user is not None  # the membership that named it holds it
    if user.is_admin and not actor_is_admin:
        # A coordinator's reach is their network, not the platform.
        raise Forbidden("Only a platform administrator can reset a platform administrator.")
    if not actor_is_admin and _belongs_beyond(session, user_id, coordinator_id=actor_id):
        # A new password opens every network the account is in, not only this one.
        raise Forbidden(
            "This account also belongs to a network you do not coordinate: a coordinator "
            "of every network it is in, or a platform administrator, can reset it."
        )
    _void_open_resets(session, user_id, now)
    # Links that can no longer be used go as a new one is issued (the audit log keeps
    # who issued and used each): the table holds at most one open link per account.
    session.execute(
        delete(PasswordReset).where(
            PasswordReset.user_id == user_id,  # type: ignore[arg-type]
            or_(
                PasswordReset.voided_at.is_not(None),  # type: ignore[union-attr]
                PasswordReset.used_at.is_not(None),  # type: ignore[union-attr]
                PasswordReset.expires_at <= now,  # type: ignore[arg-type]
            ),
        )
    )
    token = secrets.token_urlsafe(32)
    reset = PasswordReset(
        user_id=user_id,
        token_hash=_token_hash(token),
        issued_by_id=actor_id,
        created_at=now,
        expires_at=now + lifetime,
    )
    session.add(reset)
    session.flush()
    audit.record(
        session,
        actor_id=actor_id,
        network_id=network_id,
        action="user.password_reset_issue",
        object_type="user",
        object_id=user_id,
        after={"expires_at": reset.expires_at},
    )
    return PasswordResetIssued(
        id=reset.id,
        user_id=user_id,
        expires_at=reset.expires_at,
        token=token,
        reset_path=f"{RESET_PATH}#token={token}",
    )


def _belongs_beyond(session: Session, user_id: uuid.UUID, *, coordinator_id: uuid.UUID) -> bool:
    """Whether the account is a member of a network `coordinator_id` does not coordinate."""
    coordinated = select(col(Membership.network_id)).where(
        col(Membership.user_id) == coordinator_id,
        col(Membership.role) == MembershipRole.coordinator,
    )
    beyond = session.scalar(
        select(col(Membership.id))
        .where(col(Membership.user_id) == user_id, col(Membership.network_id).not_in(coordinated))
        .limit(1)
    )
    return beyond is not None


def redeem_password_reset(session: Session, token: str, new_password: str) -> None:
    """Sets the password with a link that is open; ends every session of the account (its
    access tokens, by the account version, and its refresh sessions)."""
    # Hashed before the first statement, so no write lock is held while Argon2 runs.
    password_hash = hash_password(new_password)
    now = utcnow()
    found = session.scalars(
        select(PasswordReset).where(PasswordReset.token_hash == _token_hash(token))  # type: ignore[arg-type]
    ).first()
    # Read again under a lock, so that a link is used once even when sent twice at once.
    reset = lock(session, PasswordReset, found.id) if found is not None else None
    user = active_user(session, reset.user_id) if reset is not None else None
    if (
        reset is None
        or user is None
        or reset.used_at is not None
        or reset.voided_at is not None
        or reset.expires_at <= now
    ):
        raise InvalidResetLink(
            "This password-reset link is not valid: it may have been used, replaced by a "
            "newer one, or expired. Ask a coordinator for a new one."
        )
    reset.used_at = now
    session.add(reset)
    _set_password(session, user, password_hash, "user.password_reset")


_SORT = [
    SortColumn(User.email),
    SortColumn(User.id, parse=parse_uuid),
]


def list_users(
    session: Session, *, q: str | None, codec: CursorCodec, limit: int, cursor: str | None
) -> tuple[list[UserPublic], str | None]:
    cursors = codec.for_list("users", q=q)
    statement = select(User)
    if q:
        statement = statement.where(matches_text(q, User.email, User.full_name))
    users = session.scalars(
        paginate(statement, cursors=cursors, columns=_SORT, limit=limit, cursor=cursor)
    ).all()
    items, next_cursor = page_of(users, cursors=cursors, limit=limit, key=lambda u: (u.email, u.id))
    return [UserPublic.model_validate(u, from_attributes=True) for u in items], next_cursor
