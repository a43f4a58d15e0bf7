"""Networks (one coordinated response each) and the memberships that give users a role in one."""

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import EmailStr, StringConstraints
from pydantic import Field as PydanticField
from sqlalchemy import JSON, BigInteger, Index, SmallInteger, UniqueConstraint, false
from sqlmodel import Field

from accord.core.fields import Id, LanguageList, Name, Slug
from accord.core.models import (
    InputModel,
    OutputModel,
    SQLModel,
    UTCDateTime,
    code_field,
    created_at_field,
    id_field,
    optional,
    utcnow,
)
from accord.core.vocabulary import Code, Level, MembershipRole

DEFAULT_EXPIRY_FACTOR = 3
DEFAULT_THRESHOLD = 10
EXPIRY_FACTOR_DESCRIPTION = (
    "A referral nobody has received expires after its pathway's expected response time "
    "times this (1 to 20; 3 unless changed)."
)
THRESHOLD_DESCRIPTION = (
    "Statistics read by anyone but the two partners of a referral show counts below this "
    "as suppressed (5 to 100; 10 unless changed)."
)
ExpiryFactor = Annotated[int, PydanticField(ge=1, le=20, description=EXPIRY_FACTOR_DESCRIPTION)]
Threshold = Annotated[int, PydanticField(ge=5, le=100, description=THRESHOLD_DESCRIPTION)]


class Network(SQLModel, table=True):
    __tablename__ = "networks"

    id: uuid.UUID = id_field()
    slug: str = Field(max_length=60, unique=True)
    name: str = Field(max_length=200)
    level: Level = code_field(20)
    area: str | None = Field(default=None, max_length=200)
    languages: list[str] = Field(default_factory=list, sa_type=JSON)
    parent_id: uuid.UUID | None = Field(
        default=None, foreign_key="networks.id", ondelete="RESTRICT", index=True
    )
    # Stakeholder assessments (trust, risks, influence…) are the coordinators' working notes;
    # the network may open them to every member.
    assessments_visible_to_members: bool = Field(
        default=False, sa_column_kwargs={"server_default": false()}
    )
    # A referral nobody has received expires after its pathway's response time times this.
    referral_expiry_factor: int = Field(
        default=DEFAULT_EXPIRY_FACTOR,
        sa_column_kwargs={"server_default": str(DEFAULT_EXPIRY_FACTOR)},
    )
    # Statistics read beyond the two partners suppress counts below this (accord/disclosure).
    disclosure_threshold: int = Field(
        default=DEFAULT_THRESHOLD, sa_column_kwargs={"server_default": str(DEFAULT_THRESHOLD)}
    )
    version: int = Field(default=1)
    created_at: datetime = created_at_field()
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


ASSESSMENTS_VISIBLE_DESCRIPTION = (
    "Whether members other than coordinators may read stakeholder assessments (trust, "
    "risks, influence…) and the stakeholder map. Off by default."
)


class NetworkCreate(InputModel):
    slug: Slug
    name: Name
    level: Level
    area: str | None = Field(default=None, max_length=200)
    languages: LanguageList = Field(default_factory=list)
    parent: Slug | None = Field(default=None, description="Slug of the parent network.")
    assessments_visible_to_members: bool = Field(
        default=False, description=ASSESSMENTS_VISIBLE_DESCRIPTION
    )
    referral_expiry_factor: ExpiryFactor = DEFAULT_EXPIRY_FACTOR
    disclosure_threshold: Threshold = DEFAULT_THRESHOLD


class NetworkUpdate(InputModel):
    name: Name = optional()
    level: Level = optional()
    area: str | None = Field(default=None, max_length=200)
    languages: LanguageList = optional()
    parent: Slug | None = Field(default=None, description="Slug of the parent network.")
    assessments_visible_to_members: bool = optional(description=ASSESSMENTS_VISIBLE_DESCRIPTION)
    referral_expiry_factor: ExpiryFactor = optional()
    disclosure_threshold: Threshold = optional()


class NetworkPublic(OutputModel):
    id: uuid.UUID
    slug: str
    name: str
    level: Level
    area: str | None
    languages: list[str]
    parent: str | None = Field(description="Slug of the parent network, if any.")
    my_role: MembershipRole | None = Field(
        description="Your role in this network; null for a platform admin who is not a member."
    )
    assessments_visible_to_members: bool = Field(description=ASSESSMENTS_VISIBLE_DESCRIPTION)
    referral_expiry_factor: int = Field(description=EXPIRY_FACTOR_DESCRIPTION)
    disclosure_threshold: int = Field(description=THRESHOLD_DESCRIPTION)
    version: int
    created_at: datetime
    updated_at: datetime


class Membership(SQLModel, table=True):
    __tablename__ = "memberships"
    __table_args__ = (UniqueConstraint("network_id", "user_id"),)

    id: uuid.UUID = id_field()
    network_id: uuid.UUID = Field(foreign_key="networks.id", ondelete="CASCADE")
    user_id: uuid.UUID = Field(foreign_key="users.id", ondelete="CASCADE", index=True)
    role: MembershipRole = code_field(20)
    version: int = Field(default=1)
    created_at: datetime = created_at_field()


class NetworkRevision(SQLModel, table=True):
    """One of a network's revision counters (networks/revision.py): `part` 0 moves with
    every committed write in the network, each other part (core/kept.py `Part`) only with
    writes to its tables."""

    __tablename__ = "network_revisions"

    network_id: uuid.UUID = Field(foreign_key="networks.id", primary_key=True, ondelete="CASCADE")
    part: int = Field(primary_key=True, sa_type=SmallInteger)
    revision: int = Field(default=0, sa_type=BigInteger)


class RevisionChange(SQLModel, table=True):
    """What one commit changed, for a part of the revision whose kept values can be patched
    rather than rebuilt (core/kept.py `PART_SUBJECTS`): one row per subject (a service, a
    partner, a pathway) at the revision the commit moved the part to, or one `everything`
    row when the commit's changes cannot be named. Written by the commit hook
    (networks/revision.py) in the commit's own transaction; the latest revisions only."""

    __tablename__ = "revision_changes"
    __table_args__ = (Index("ix_revision_changes_network_part", "network_id", "part", "revision"),)

    id: int | None = Field(default=None, primary_key=True)
    network_id: uuid.UUID = Field(foreign_key="networks.id", ondelete="CASCADE")
    part: int = Field(sa_type=SmallInteger)
    revision: int = Field(sa_type=BigInteger)
    subject: str = Field(max_length=20)
    subject_id: uuid.UUID | None = Field(default=None)


class MembershipPartner(SQLModel, table=True):
    """The partner organisations a `partner_editor` may edit."""

    __tablename__ = "membership_partners"

    membership_id: uuid.UUID = Field(
        foreign_key="memberships.id", primary_key=True, ondelete="CASCADE"
    )
    partner_id: uuid.UUID = Field(
        foreign_key="partners.id", primary_key=True, ondelete="CASCADE", index=True
    )


PARTNER_IDS_DESCRIPTION = (
    "The partner organisations this member works for. A `partner_editor` may edit these."
)


class MembershipCreate(InputModel):
    """A membership made directly, without the person's consent: the demo loader and the
    tests use it through the service; the API only makes memberships from invitations."""

    email: EmailStr = Field(max_length=254, description="E-mail of an existing account.")
    role: MembershipRole
    partner_ids: list[Id] = Field(
        default_factory=list, max_length=200, description=PARTNER_IDS_DESCRIPTION
    )


class MembershipUpdate(InputModel):
    role: MembershipRole = optional()
    partner_ids: list[Id] = optional(max_length=200, description=PARTNER_IDS_DESCRIPTION)


class MembershipPublic(OutputModel):
    id: uuid.UUID
    user_id: uuid.UUID
    email: str
    full_name: str
    role: MembershipRole
    partner_ids: list[uuid.UUID]
    version: int
    created_at: datetime


class MyMembership(OutputModel):
    network: str = Field(description="The network's slug.")
    network_name: str
    role: MembershipRole
    partner_ids: list[uuid.UUID]


# --- invitations -------------------------------------------------------------------------


class InvitationStatus(Code):
    pending = "pending"
    accepted = "accepted"
    withdrawn = "withdrawn"
    expired = "expired"


class Invitation(SQLModel, table=True):
    """An offer of a role in a network to whoever holds the account with this e-mail. The
    one-time token is shown once to the coordinator; only its SHA-256 is kept."""

    __tablename__ = "invitations"
    __table_args__ = (Index("ix_invitations_network_id_created_at", "network_id", "created_at"),)

    id: uuid.UUID = id_field()
    network_id: uuid.UUID = Field(foreign_key="networks.id", ondelete="CASCADE")
    email: str = Field(max_length=254)
    role: MembershipRole = code_field(20)
    partner_ids: list[str] = Field(default_factory=list, sa_type=JSON)
    token_hash: str = Field(max_length=64, unique=True)
    invited_by_id: uuid.UUID | None = Field(
        default=None, foreign_key="users.id", ondelete="SET NULL"
    )
    expires_at: datetime = Field(sa_type=UTCDateTime)
    accepted_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    accepted_by_id: uuid.UUID | None = Field(
        default=None, foreign_key="users.id", ondelete="SET NULL"
    )
    membership_id: uuid.UUID | None = Field(
        default=None, foreign_key="memberships.id", ondelete="SET NULL"
    )
    withdrawn_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    version: int = Field(default=1)
    created_at: datetime = created_at_field()


class InvitationCreate(InputModel):
    email: EmailStr = Field(
        max_length=254,
        description=(
            "Who may accept: the invitation is accepted by the account with this e-mail. "
            "The answer is the same whether or not such an account exists yet."
        ),
    )
    role: MembershipRole
    partner_ids: list[Id] = Field(
        default_factory=list, max_length=200, description=PARTNER_IDS_DESCRIPTION
    )


class InvitationPublic(OutputModel):
    id: uuid.UUID
    email: str
    role: MembershipRole
    partner_ids: list[uuid.UUID]
    status: InvitationStatus
    expires_at: datetime
    invited_by_id: uuid.UUID | None
    accepted_at: datetime | None
    withdrawn_at: datetime | None
    version: int
    created_at: datetime


class InvitationCreated(InvitationPublic):
    token: str = Field(
        description=(
            "The one-time acceptance token. Shown only in this answer: Accord keeps only its "
            "hash. Pass it on to the invitee, e.g. as `accept_path`."
        )
    )
    accept_path: str = Field(
        description=(
            "The dashboard's acceptance page with the token in the URL fragment "
            "(`/invitations/accept#token=…`), which browsers never send to a server."
        )
    )


class InvitationAccept(InputModel):
    token: Annotated[
        str, StringConstraints(min_length=1, max_length=200, pattern=r"^[A-Za-z0-9_-]+$")
    ] = Field(description="The token of the invitation's link (after `#token=`).")
