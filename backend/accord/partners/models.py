"""The partner directory: organisations, their staff contacts, engagement stage and the
stakeholder assessment (guidance pages 000, 001, 003)."""

import uuid
from datetime import datetime
from typing import Annotated, Any

from pydantic import AfterValidator, AnyHttpUrl, EmailStr, WithJsonSchema, field_validator
from sqlalchemy import Index, SmallInteger, Text, UniqueConstraint, event
from sqlmodel import Field

from accord.core.fields import (
    AreaList,
    FreeText,
    LanguageList,
    Name,
    Phone,
    TagList,
    name_key,
    unique,
)
from accord.core.models import (
    InputModel,
    OutputModel,
    SQLModel,
    UTCDateTime,
    code_field,
    created_at_field,
    id_field,
    keep_search_text,
    keep_sort_key,
    optional,
    search_text_field,
    sort_key_field,
    utcnow,
)
from accord.core.vocabulary import Code, DecisionAuthority, Level, Population, Sector, Stage

NAME_MAX = 200
Acronym = Annotated[Name, Field(max_length=30)]

PopulationList = Annotated[
    list[Population], AfterValidator(unique), Field(max_length=len(Population))
]
DESCRIPTION_MAX = 4000
# "format: uri" alone admits any scheme (urn:…): the document says http(s), as the API
# does, and that an empty string is taken for none (PartnerFields).
Website = Annotated[
    AnyHttpUrl,
    WithJsonSchema(
        {
            "anyOf": [
                {
                    "type": "string",
                    "format": "uri",
                    "minLength": 1,
                    "maxLength": 2083,
                    "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://",
                },
                {"type": "string", "maxLength": 0},
            ]
        }
    ),
]
Description = Annotated[FreeText, Field(max_length=DESCRIPTION_MAX)]


class Partner(SQLModel, table=True):
    __tablename__ = "partners"
    __table_args__ = (
        # Names that are the same name (core/fields.py: name_key) are the same partner:
        # the database refuses the second, look-alikes included.
        UniqueConstraint("network_id", "name_key"),
        # The directory's default order, plain and within a sector, read from the index.
        Index("ix_partners_network_sort_name", "network_id", "sort_name", "name", "id"),
        Index("ix_partners_network_sector", "network_id", "sector", "sort_name", "name", "id"),
        Index("ix_partners_network_stage", "network_id", "stage"),
        Index("ix_partners_network_updated", "network_id", "updated_at", "id"),
        # A filtered count probes each match by id and checks its network: from the index
        # alone, not a table read per match (migration 0018).
        Index("ix_partners_id_network", "id", "network_id"),
    )

    id: uuid.UUID = id_field()
    network_id: uuid.UUID = Field(foreign_key="networks.id", ondelete="CASCADE")
    name: str = Field(max_length=NAME_MAX)
    sort_name: str = sort_key_field("name", NAME_MAX)
    name_key: str = Field(default="", sa_type=Text)
    # What the directory's `q` matches: name, acronym and description, folded
    search_text: str = search_text_field("name", "acronym", "description")
    acronym: str | None = Field(default=None, max_length=30)
    description: str | None = Field(default=None, sa_type=Text)
    website: str | None = Field(default=None, max_length=500)
    sector: Sector = code_field(40)
    level: Level = code_field(20)
    stage: Stage = code_field(30)
    stage_changed_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    version: int = Field(default=1)
    created_at: datetime = created_at_field()
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


keep_sort_key(Partner, "name", "sort_name")
keep_search_text(Partner, "search_text", "name", "acronym", "description")


@event.listens_for(Partner, "before_insert")
@event.listens_for(Partner, "before_update")
def _keep_name_key(_mapper: Any, _connection: Any, partner: Partner) -> None:
    partner.name_key = name_key(partner.name)


class LabelKind(Code):
    population = "population"
    language = "language"
    area = "area"
    tag = "tag"


class PartnerLabel(SQLModel, table=True):
    """Multi-valued partner attributes (populations, languages, areas, tags), one row per
    value, so every filter is an indexed lookup on SQLite and PostgreSQL alike."""

    __tablename__ = "partner_labels"
    __table_args__ = (
        Index("ix_partner_labels_kind_value", "kind", "value", "partner_id"),
        # A list filtered by one label field counts its matches from here alone, in partner
        # order (LabelStore.count_owners).
        Index(
            "ix_partner_labels_network_kind_partner", "network_id", "kind", "partner_id", "value"
        ),
    )

    partner_id: uuid.UUID = Field(foreign_key="partners.id", primary_key=True, ondelete="CASCADE")
    network_id: uuid.UUID = Field(
        foreign_key="networks.id", ondelete="CASCADE", description="The partner's network."
    )
    kind: LabelKind = code_field(20, primary_key=True)
    value: str = Field(primary_key=True, max_length=100)
    position: int = Field(default=0, description="Keeps the order the user gave.")


class PartnerFields(InputModel):
    """Descriptive fields shared by create and replace-style validation."""

    @field_validator("website", mode="before", check_fields=False)
    @classmethod
    def _blank_website_is_none(cls, value: object) -> object:
        return None if value == "" else value


class PartnerCreate(PartnerFields):
    name: Name
    acronym: Acronym | None = None
    description: Description | None = None
    website: Website | None = Field(default=None, description="http(s) address.")
    sector: Sector
    level: Level = Level.local
    stage: Stage = Field(default=Stage.identified, description="The stage it starts at.")
    populations: PopulationList = Field(default_factory=list)
    languages: LanguageList = Field(default_factory=list)
    areas: AreaList = Field(default_factory=list)
    tags: TagList = Field(default_factory=list)


class PartnerUpdate(PartnerFields):
    """Only the fields sent change. Stage moves through `POST …/stage`, not here."""

    name: Name = optional()
    acronym: Acronym | None = None
    description: Description | None = None
    website: Website | None = None
    sector: Sector = optional()
    level: Level = optional()
    populations: PopulationList = optional()
    languages: LanguageList = optional()
    areas: AreaList = optional()
    tags: TagList = optional()


class StakeholderAssessment(SQLModel, table=True):
    """The guidance's stakeholder-analysis questions (001), one per partner."""

    __tablename__ = "stakeholder_assessments"

    partner_id: uuid.UUID = Field(foreign_key="partners.id", primary_key=True, ondelete="CASCADE")
    trusted_by_survivors: int | None = Field(default=None, sa_type=SmallInteger)
    connected_respected: int | None = Field(default=None, sa_type=SmallInteger)
    influence: int | None = Field(default=None, sa_type=SmallInteger)
    commitment: int | None = Field(default=None, sa_type=SmallInteger)
    risks: str | None = Field(default=None, sa_type=Text)
    champion: bool = Field(default=False)
    decision_authority: DecisionAuthority = code_field(20, default=DecisionAuthority.unknown)
    version: int = Field(default=1)
    assessed_by: uuid.UUID | None = Field(default=None, foreign_key="users.id", ondelete="SET NULL")
    assessed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


SCORE_DESCRIPTION = "1 (very low) to 5 (very high); null when not yet assessed."


class AssessmentUpdate(InputModel):
    trusted_by_survivors: int | None = Field(
        default=None, ge=1, le=5, description="Do survivors trust them? " + SCORE_DESCRIPTION
    )
    connected_respected: int | None = Field(
        default=None,
        ge=1,
        le=5,
        description="Well connected and respected by organisations working with survivors? "
        + SCORE_DESCRIPTION,
    )
    influence: int | None = Field(
        default=None,
        ge=1,
        le=5,
        description="Position to advocate for change. " + SCORE_DESCRIPTION,
    )
    commitment: int | None = Field(
        default=None,
        ge=1,
        le=5,
        description="Commitment to a survivor-centred, rights-based response. " + SCORE_DESCRIPTION,
    )
    risks: Description | None = Field(
        default=None,
        description="Risks to weigh (reputation, lack of experience…). About the organisation "
        "only: never write about survivors here.",
    )
    champion: bool = optional(description="Is there a respected individual champion of the issue?")
    decision_authority: DecisionAuthority = optional(
        description="Can their representative commit the organisation?"
    )


class AssessmentPublic(OutputModel):
    trusted_by_survivors: int | None
    connected_respected: int | None
    influence: int | None
    commitment: int | None
    risks: str | None
    champion: bool
    decision_authority: DecisionAuthority
    version: int
    assessed_by: uuid.UUID | None
    assessed_at: datetime | None


class PartnerPublic(OutputModel):
    id: uuid.UUID
    name: str
    acronym: str | None
    description: str | None
    website: str | None
    sector: Sector
    level: Level
    stage: Stage
    stage_changed_at: datetime
    populations: list[Population]
    languages: list[str]
    areas: list[str]
    tags: list[str]
    assessment: AssessmentPublic | None = Field(
        description="The stakeholder assessment; null when you may not read it (only "
        "coordinators may, unless the network opens assessments to members)."
    )
    version: int
    created_at: datetime
    updated_at: datetime


class PartnerStageChange(SQLModel, table=True):
    __tablename__ = "partner_stage_changes"
    __table_args__ = (Index("ix_partner_stage_changes_partner_time", "partner_id", "changed_at"),)

    id: uuid.UUID = id_field()
    partner_id: uuid.UUID = Field(foreign_key="partners.id", ondelete="CASCADE")
    from_stage: Stage | None = code_field(30, default=None, nullable=True)
    to_stage: Stage = code_field(30)
    note: str | None = Field(default=None, sa_type=Text)
    changed_by: uuid.UUID | None = Field(default=None, foreign_key="users.id", ondelete="SET NULL")
    changed_at: datetime = created_at_field()


class StageChangeCreate(InputModel):
    stage: Stage
    note: Annotated[FreeText, Field(max_length=2000)] | None = Field(
        default=None, description="Why, and what was agreed. No survivor data."
    )


class StageChangePublic(OutputModel):
    id: uuid.UUID
    from_stage: Stage | None
    to_stage: Stage
    note: str | None
    changed_by: uuid.UUID | None
    changed_by_name: str | None
    changed_at: datetime


class Contact(SQLModel, table=True):
    """A staff member of a partner organisation. Visible to network members only."""

    __tablename__ = "partner_contacts"

    id: uuid.UUID = id_field()
    partner_id: uuid.UUID = Field(foreign_key="partners.id", ondelete="CASCADE", index=True)
    name: str = Field(max_length=200)
    job_title: str | None = Field(default=None, max_length=200)
    email: str | None = Field(default=None, max_length=254)
    phone: str | None = Field(default=None, max_length=50)
    version: int = Field(default=1)
    created_at: datetime = created_at_field()
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class ContactCreate(InputModel):
    name: Name
    job_title: Name | None = None
    email: EmailStr | None = Field(default=None, max_length=254)
    phone: Phone | None = None


class ContactUpdate(InputModel):
    name: Name = optional()
    job_title: Name | None = None
    email: EmailStr | None = Field(default=None, max_length=254)
    phone: Phone | None = None


class ContactPublic(OutputModel):
    id: uuid.UUID
    partner_id: uuid.UUID
    name: str
    job_title: str | None
    email: str | None
    phone: str | None
    version: int
    created_at: datetime
    updated_at: datetime


class StakeholderPoint(OutputModel):
    partner_id: uuid.UUID
    name: str
    acronym: str | None
    sector: Sector
    stage: Stage
    influence: int | None
    commitment: int | None
    champion: bool


class StakeholderMap(OutputModel):
    points: list[StakeholderPoint] = Field(
        description="Partners with both influence and commitment assessed."
    )
    unassessed: list[StakeholderPoint] = Field(
        description="Partners still missing influence or commitment."
    )


class PartnerSort(Code):
    name = "name"
    name_desc = "-name"
    stage = "stage"
    stage_desc = "-stage"
    updated = "updated_at"
    updated_desc = "-updated_at"
