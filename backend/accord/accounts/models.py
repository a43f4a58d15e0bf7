"""User accounts: staff of partner organisations and coordinators. Never survivors."""

import uuid
from datetime import datetime

from pydantic import EmailStr
from sqlmodel import Field

from accord.core.fields import Name
from accord.core.models import (
    InputModel,
    OutputModel,
    SQLModel,
    UTCDateTime,
    created_at_field,
    id_field,
)


class UserBase(SQLModel):
    email: EmailStr = Field(max_length=254)
    full_name: str = Field(min_length=1, max_length=200)


class User(UserBase, table=True):
    __tablename__ = "users"

    id: uuid.UUID = id_field()
    email: str = Field(max_length=254, unique=True, index=False)
    password_hash: str = Field(max_length=255)
    is_admin: bool = Field(default=False)
    is_active: bool = Field(default=True)
    version: int = Field(default=1)
    created_at: datetime = created_at_field()
    last_login_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class RefreshSession(SQLModel, table=True):
    """A dashboard session on the server: its id is in the refresh cookie. Signing out
    revokes it, so a copied cookie stops working; each refresh moves `rotation`, so an
    older cookie of the same session is refused (and, being a sign of a stolen copy,
    revokes the session). Holds no IP address or user agent."""

    __tablename__ = "refresh_sessions"

    id: uuid.UUID = id_field()
    user_id: uuid.UUID = Field(foreign_key="users.id", ondelete="CASCADE", index=True)
    rotation: int = Field(default=1)
    created_at: datetime = created_at_field()
    expires_at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    revoked_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class UserCreate(InputModel):
    email: EmailStr = Field(max_length=254)
    full_name: Name
    password: str = Field(min_length=12, max_length=200, description="At least 12 characters.")
    is_admin: bool = False


class UserPublic(OutputModel):
    id: uuid.UUID
    email: str
    full_name: str
    is_admin: bool
    is_active: bool
    created_at: datetime


class PasswordChange(InputModel):
    current_password: str = Field(min_length=1, max_length=200)
    new_password: str = Field(min_length=12, max_length=200)


class Token(OutputModel):
    access_token: str
    token_type: str = "bearer"  # noqa: S105 - the OAuth2 token type, not a secret
    expires_in: int = Field(description="Seconds until the token expires.")


class PasswordReset(SQLModel, table=True):
    """A one-time link to set a new password, issued by a coordinator of a network the
    account belongs to (Accord sends no mail: the coordinator passes it on). Only the
    SHA-256 of its token is kept. Issuing another voids the earlier unused ones."""

    __tablename__ = "password_resets"

    id: uuid.UUID = id_field()
    user_id: uuid.UUID = Field(foreign_key="users.id", ondelete="CASCADE", index=True)
    token_hash: str = Field(max_length=64, unique=True)
    issued_by_id: uuid.UUID | None = Field(
        default=None, foreign_key="users.id", ondelete="SET NULL"
    )
    created_at: datetime = created_at_field()
    expires_at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    used_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    voided_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class PasswordResetIssued(OutputModel):
    id: uuid.UUID
    user_id: uuid.UUID
    expires_at: datetime
    token: str = Field(
        description=(
            "The one-time token. Shown only in this answer: Accord keeps only its hash. "
            "Pass it on to the member, e.g. as `reset_path`."
        )
    )
    reset_path: str = Field(
        description=(
            "The dashboard's reset page with the token in the URL fragment "
            "(`/reset-password#token=…`), which browsers never send to a server."
        )
    )


class PasswordResetRedeem(InputModel):
    token: str = Field(min_length=1, max_length=200)
    new_password: str = Field(min_length=12, max_length=200, description="At least 12 characters.")
