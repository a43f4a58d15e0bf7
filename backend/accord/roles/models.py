"""The role catalogue (what each sector takes on in a coordinated response, page 004),
network customisations of it, and partners' commitments to roles."""

import uuid
from datetime import date, datetime
from typing import Annotated

from pydantic import Field as PydanticField
from pydantic import StringConstraints
from sqlalchemy import JSON, Date, Index, Text, UniqueConstraint
from sqlmodel import Field

from accord.core.fields import FreeText, Id, IsoDate, Name
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
from accord.core.vocabulary import Code, Sector, Stage

SHIPPED_LANGUAGES = ("en", "fr", "es")
DEFAULT_LANGUAGE = "en"
ROLE_CODE_PATTERN = r"^[a-z0-9_]+\.[a-z0-9_]+$"
RoleCode = Annotated[str, StringConstraints(max_length=60, pattern=ROLE_CODE_PATTERN)]


class CommitmentStatus(Code):
    planned = "planned"
    in_progress = "in_progress"
    in_place = "in_place"


# Strongest first: a role is as covered as its best commitment.
STATUS_STRENGTH = {
    CommitmentStatus.in_place: 3,
    CommitmentStatus.in_progress: 2,
    CommitmentStatus.planned: 1,
}


class Role(SQLModel, table=True):
    """A responsibility. Shipped roles (network_id null) come from the catalogue and are
    shared by every network; a network's own roles belong to it alone."""

    __tablename__ = "roles"
    __table_args__ = (
        UniqueConstraint("network_id", "code"),
        Index("ix_roles_sector", "sector"),
    )

    id: uuid.UUID = id_field()
    network_id: uuid.UUID | None = Field(
        default=None, foreign_key="networks.id", ondelete="CASCADE", index=True
    )
    code: str = Field(max_length=60)
    sector: Sector = code_field(40)
    source: str | None = Field(default=None, max_length=10, description="Guidance page cited.")
    implied: bool = Field(default=False)
    position: int = Field(default=0, description="Order within the catalogue.")
    # Shipped texts by language: {"en": {"title": …, "description": …}, "fr": …}.
    texts: dict[str, dict[str, str]] = Field(default_factory=dict, sa_type=JSON)
    created_at: datetime = created_at_field()
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class NetworkRole(SQLModel, table=True):
    """A network's view of a role: its own wording (overrides by language) and whether it
    has retired the role. Absent means the shipped role as it is."""

    __tablename__ = "network_roles"

    network_id: uuid.UUID = Field(foreign_key="networks.id", primary_key=True, ondelete="CASCADE")
    role_id: uuid.UUID = Field(foreign_key="roles.id", primary_key=True, ondelete="CASCADE")
    texts: dict[str, dict[str, str]] = Field(default_factory=dict, sa_type=JSON)
    retired_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    version: int = Field(default=1)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class CatalogueState(SQLModel, table=True):
    """Which version of the shipped catalogue the database holds."""

    __tablename__ = "catalogue_state"

    name: str = Field(primary_key=True, max_length=40)
    version: int
    loaded_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


RoleTitle = Annotated[Name, PydanticField(max_length=120)]
RoleDescription = Annotated[FreeText, PydanticField(max_length=1000)]


class NewRoleTitles(InputModel):
    """A role's title by language; English is required, the others fall back to it."""

    en: RoleTitle
    fr: RoleTitle = optional()
    es: RoleTitle = optional()


class RoleTitles(InputModel):
    """Titles to change, by language; the ones left out stay as they are."""

    en: RoleTitle = optional()
    fr: RoleTitle = optional()
    es: RoleTitle = optional()


class RoleDescriptions(InputModel):
    """Descriptions by language; the ones left out stay as they are."""

    en: RoleDescription = optional()
    fr: RoleDescription = optional()
    es: RoleDescription = optional()


class RoleCreate(InputModel):
    """A network's own role."""

    code: RoleCode | None = Field(
        default=None,
        description="A stable code such as `health.night_clinic`; made from the sector and the "
        "English title when left out.",
    )
    sector: Sector
    title: NewRoleTitles
    description: RoleDescriptions = Field(default_factory=RoleDescriptions)


class RoleUpdate(InputModel):
    """Change a role's wording for this network (by language) or retire it."""

    title: RoleTitles = optional()
    description: RoleDescriptions = optional()
    retired: bool = optional(description="Retired roles leave the matrix and stay in history.")


class RolePublic(OutputModel):
    id: uuid.UUID
    code: str
    sector: Sector
    title: str = Field(description="In the language asked for, or English when missing.")
    description: str
    language: str = Field(description="The language `title` and `description` are in.")
    origin: str = Field(description="`catalogue` (shipped) or `network` (added here).")
    source: str | None = Field(description="The guidance page the role comes from.")
    implied: bool = Field(description="Implied by the guidance rather than listed on page 004.")
    customised: bool = Field(description="This network changed the shipped wording.")
    retired: bool
    retired_at: datetime | None
    version: int


class RoleCommitment(SQLModel, table=True):
    __tablename__ = "role_commitments"
    __table_args__ = (
        UniqueConstraint("partner_id", "role_id"),
        Index("ix_role_commitments_network_role", "network_id", "role_id"),
    )

    id: uuid.UUID = id_field()
    network_id: uuid.UUID = Field(foreign_key="networks.id", ondelete="CASCADE")
    partner_id: uuid.UUID = Field(foreign_key="partners.id", ondelete="CASCADE", index=True)
    role_id: uuid.UUID = Field(foreign_key="roles.id", ondelete="CASCADE")
    status: CommitmentStatus = code_field(20)
    evidence: str | None = Field(default=None, max_length=500)
    owner_contact_id: uuid.UUID | None = Field(
        default=None, foreign_key="partner_contacts.id", ondelete="SET NULL"
    )
    review_date: date | None = Field(default=None, sa_type=Date)
    note: str | None = Field(default=None, sa_type=Text)
    version: int = Field(default=1)
    created_at: datetime = created_at_field()
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class CommitmentStatusChange(SQLModel, table=True):
    """Every dated status a (partner, role) pair has had; `status` null means the commitment
    was withdrawn. The coverage matrix `as_of` a date is rebuilt from these."""

    __tablename__ = "commitment_status_changes"
    __table_args__ = (Index("ix_commitment_status_changes_lookup", "network_id", "changed_at"),)

    id: uuid.UUID = id_field()
    network_id: uuid.UUID = Field(foreign_key="networks.id", ondelete="CASCADE")
    partner_id: uuid.UUID = Field(foreign_key="partners.id", ondelete="CASCADE")
    role_id: uuid.UUID = Field(foreign_key="roles.id", ondelete="CASCADE")
    status: CommitmentStatus | None = code_field(20, default=None, nullable=True)
    changed_at: datetime = created_at_field()


Evidence = Annotated[
    FreeText,
    PydanticField(
        max_length=500,
        description="A link or a short reference to the protocol or document that shows it.",
    ),
]


CommitmentNote = Annotated[FreeText, PydanticField(max_length=2000)]


class CommitmentCreate(InputModel):
    partner_id: Id
    role_id: Id
    status: CommitmentStatus
    evidence: Evidence | None = None
    owner_contact_id: Id | None = Field(
        default=None, description="The partner's staff contact who owns it."
    )
    review_date: IsoDate | None = None
    note: CommitmentNote | None = None


class CommitmentUpdate(InputModel):
    status: CommitmentStatus = optional()
    evidence: Evidence | None = None
    owner_contact_id: Id | None = None
    review_date: IsoDate | None = None
    note: CommitmentNote | None = None


class CommitmentPublic(OutputModel):
    id: uuid.UUID
    partner_id: uuid.UUID
    partner_name: str
    partner_sector: Sector
    role_id: uuid.UUID
    role_code: str
    role_sector: Sector
    cross_sector: bool = Field(description="The partner's sector is not the role's sector.")
    status: CommitmentStatus
    evidence: str | None
    owner_contact_id: uuid.UUID | None
    review_date: date | None
    review_overdue: bool
    note: str | None
    version: int
    created_at: datetime
    updated_at: datetime


# --- coverage ------------------------------------------------------------------------------


class StatusCounts(OutputModel):
    in_place: int = 0
    in_progress: int = 0
    planned: int = 0
    nobody: int = 0


class CoverageCell(OutputModel):
    partner_id: uuid.UUID
    commitment_id: uuid.UUID | None = Field(description="Null in a matrix rebuilt `as_of`.")
    status: CommitmentStatus
    cross_sector: bool


class CoverageRole(OutputModel):
    role_id: uuid.UUID
    code: str
    title: str
    sector: Sector
    coverage: CommitmentStatus | None = Field(
        description="The best status any partner has for it; null when nobody took it on."
    )
    counts: StatusCounts = Field(description="Commitments by status (`nobody` is 0 or 1).")
    cells: list[CoverageCell]


class CoverageSector(OutputModel):
    sector: Sector
    summary: StatusCounts = Field(description="Roles by their best status.")
    roles: list[CoverageRole]


class CoveragePartner(OutputModel):
    id: uuid.UUID
    name: str
    acronym: str | None
    sector: Sector
    stage: Stage


class CoverageMatrix(OutputModel):
    as_of: date | None
    language: str
    partners: list[CoveragePartner] = Field(
        description="The matrix's columns, grouped by sector: with a sector filter, the "
        "partners of the filtered sectors first (the shown roles' own), then those of other "
        "sectors holding a shown role; each group in the sectors' vocabulary order "
        "(health, police, justice, …) and by name within a sector."
    )
    sectors: list[CoverageSector] = Field(description="The matrix's rows, grouped by sector.")
    summary: StatusCounts = Field(description="All roles by their best status.")


class GapKind(Code):
    role_not_in_place = "role_not_in_place"
    review_overdue = "review_overdue"
    sector_without_active_partner = "sector_without_active_partner"
    active_partner_without_commitment = "active_partner_without_commitment"


class GapHolder(OutputModel):
    """A partner that already holds a role that is a gap, and how far it has got."""

    partner_id: uuid.UUID
    partner_name: str
    status: CommitmentStatus


class GapCandidate(OutputModel):
    """A partner that may be asked to take a role on: neither withdrawn nor dormant."""

    id: uuid.UUID
    name: str
    acronym: str | None
    sector: Sector
    stage: Stage


class Gap(OutputModel):
    kind: GapKind
    reason: str = Field(description="Why this is a gap, in the language asked for.")
    sector: Sector | None = None
    role_id: uuid.UUID | None = None
    role_code: str | None = None
    role_title: str | None = None
    partner_id: uuid.UUID | None = None
    partner_name: str | None = None
    coverage: CommitmentStatus | None = Field(
        default=None,
        description="For a role: its best commitment status (null when nobody holds it).",
    )
    holders: list[GapHolder] = Field(
        default_factory=list,
        description="For a role: the partners that hold it, furthest along first.",
    )
    commitment_ids: list[uuid.UUID] = Field(default_factory=list)


class GapList(OutputModel):
    as_of: date | None
    language: str
    items: list[Gap] = Field(
        description="Roles nobody holds first, then roles only planned, then roles in "
        "progress, then roles overdue for review, sectors with no active partner and "
        "active partners with no role."
    )
    candidates: list[GapCandidate] = Field(
        description="The partners that may take a role on (none withdrawn or dormant), by name."
    )
