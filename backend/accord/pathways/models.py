"""Referral pathways: the agreed routes from one service to another (001, 004), the route
finder's question and answer, and pathway health findings."""

import uuid
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import AfterValidator
from pydantic import Field as PydanticField
from sqlalchemy import Date, Index, Text, UniqueConstraint
from sqlmodel import Field

from accord.core.fields import FreeText, Id, IsoDate, LanguageTag, unique
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
from accord.core.vocabulary import (
    CapacityStatus,
    Channel,
    Code,
    Need,
    PathwayStatus,
    Population,
    Sector,
    ServiceType,
)
from accord.services.models import RoomNow

EXCLUDED_SHOWN = 10

# How long a referral may take to be picked up, at most 90 days.
ResponseMinutes = Annotated[int, PydanticField(ge=1, le=60 * 24 * 90)]
# A need named twice is named once, on POST and PATCH alike.
NeedList = Annotated[
    list[Need], AfterValidator(unique), PydanticField(min_length=1, max_length=len(Need))
]


class Pathway(SQLModel, table=True):
    __tablename__ = "pathways"
    __table_args__ = (
        UniqueConstraint("from_service_id", "to_service_id"),
        Index("ix_pathways_network_status", "network_id", "status"),
        # The list's order, and the route graph's freshness check (max updated_at).
        Index("ix_pathways_network_created", "network_id", "created_at", "id"),
        Index("ix_pathways_network_updated", "network_id", "updated_at"),
    )

    id: uuid.UUID = id_field()
    network_id: uuid.UUID = Field(foreign_key="networks.id", ondelete="CASCADE")
    from_service_id: uuid.UUID = Field(foreign_key="services.id", ondelete="CASCADE")
    to_service_id: uuid.UUID = Field(foreign_key="services.id", ondelete="CASCADE", index=True)
    consent_required: bool = Field(default=True)
    mandatory_reporting_note: str | None = Field(default=None, sa_type=Text)
    expected_response_minutes: int | None = Field(default=None)
    channel: Channel = code_field(20)
    protocol_reference: str | None = Field(default=None, max_length=500)
    status: PathwayStatus = code_field(20, default=PathwayStatus.draft)
    agreement_reference: str | None = Field(default=None, max_length=200)
    review_date: date | None = Field(default=None, sa_type=Date)
    version: int = Field(default=1)
    created_at: datetime = created_at_field()
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class PathwayNeed(SQLModel, table=True):
    """The coded needs a pathway is for (its trigger), one row per need."""

    __tablename__ = "pathway_needs"
    __table_args__ = (Index("ix_pathway_needs_kind_value", "kind", "value", "pathway_id"),)

    pathway_id: uuid.UUID = Field(foreign_key="pathways.id", primary_key=True, ondelete="CASCADE")
    kind: str = Field(primary_key=True, max_length=20)
    value: str = Field(primary_key=True, max_length=40)
    position: int = Field(default=0)


ReportingNote = Annotated[FreeText, PydanticField(max_length=1000)]
ProtocolReference = Annotated[FreeText, PydanticField(max_length=500)]
AgreementReference = Annotated[FreeText, PydanticField(max_length=200)]


class PathwayCreate(InputModel):
    from_service_id: Id
    to_service_id: Id
    needs: NeedList = PydanticField(description="The coded needs this route is for.")
    consent_required: bool = PydanticField(
        default=True, description="Refer only with the survivor's informed consent."
    )
    mandatory_reporting_note: ReportingNote | None = PydanticField(
        default=None, description="Where the law requires reporting: what and how."
    )
    expected_response_minutes: ResponseMinutes | None = None
    channel: Channel
    protocol_reference: ProtocolReference | None = None
    status: PathwayStatus = PathwayStatus.draft
    agreement_reference: AgreementReference | None = PydanticField(
        default=None, description="The agreement (MoU) that backs this route."
    )
    review_date: IsoDate | None = None


class PathwayUpdate(InputModel):
    needs: NeedList = optional()
    consent_required: bool = optional()
    mandatory_reporting_note: ReportingNote | None = None
    expected_response_minutes: ResponseMinutes | None = None
    channel: Channel = optional()
    protocol_reference: ProtocolReference | None = None
    status: PathwayStatus = optional()
    agreement_reference: AgreementReference | None = None
    review_date: IsoDate | None = None


class ServiceRef(OutputModel):
    id: uuid.UUID
    name: str
    type: ServiceType
    partner_id: uuid.UUID
    partner_name: str
    partner_sector: Sector


class PathwayPublic(OutputModel):
    id: uuid.UUID
    from_service: ServiceRef
    to_service: ServiceRef
    needs: list[Need]
    consent_required: bool
    mandatory_reporting_note: str | None
    expected_response_minutes: int | None
    channel: Channel
    protocol_reference: str | None
    status: PathwayStatus
    agreement_reference: str | None
    review_date: date | None
    review_overdue: bool
    version: int
    created_at: datetime
    updated_at: datetime


# --- the route finder -----------------------------------------------------------------------


class ServiceEntry(InputModel):
    kind: Literal["service"]
    id: Id


class PartnerEntry(InputModel):
    kind: Literal["partner"]
    id: Id


class RouteQuery(InputModel):
    """Codes only: nothing here may identify a survivor."""

    entry: Annotated[ServiceEntry | PartnerEntry, PydanticField(discriminator="kind")]
    needs: NeedList
    population: Population | None = None
    language: LanguageTag | None = None
    area: str | None = PydanticField(default=None, max_length=100)
    needs_24_7: bool = False
    needs_wheelchair: bool = False
    max_steps: int = PydanticField(default=4, ge=1, le=8)
    routes_per_need: int = PydanticField(default=3, ge=1, le=10)


class FitCode(Code):
    """Why a service fits a route-finder request: stable codes, with `value` naming the need,
    language, area or population concerned."""

    meets_need = "meets_need"
    open_24_7 = "open_24_7"
    wheelchair_access = "wheelchair_access"
    works_in_language = "works_in_language"
    interpreters = "interpreters"
    serves_area = "serves_area"
    serves_every_area = "serves_every_area"
    serves_population = "serves_population"
    open_to_every_population = "open_to_every_population"


class Fit(OutputModel):
    code: FitCode
    value: str | None = PydanticField(
        description="The need, language, area or population the reason is about."
    )
    text: str = PydanticField(description="The reason in the language asked for.")


class UnmetCode(Code):
    no_service_fits = "no_service_fits"
    no_route_reaches = "no_route_reaches"
    nothing_from_entry = "nothing_from_entry"  # a partner with no service, no front door


class ExclusionCode(Code):
    """Which criterion left a service of a type that meets the need out of the answer."""

    not_active = "not_active"
    not_open_24_7 = "not_open_24_7"
    no_wheelchair_access = "no_wheelchair_access"
    not_in_language = "not_in_language"
    not_in_area = "not_in_area"
    not_for_population = "not_for_population"
    no_agreed_route = "no_agreed_route"


class Exclusion(OutputModel):
    code: ExclusionCode
    value: str | None = PydanticField(
        description="The language, area, population or status concerned."
    )
    text: str = PydanticField(description="The reason in the language asked for.")


class ExcludedService(OutputModel):
    service: ServiceRef
    reasons: list[Exclusion] = PydanticField(description="Every criterion it fails, in order.")


class RouteStep(OutputModel):
    pathway_id: uuid.UUID
    from_service: ServiceRef
    to_service: ServiceRef
    channel: Channel
    expected_response_minutes: int | None
    consent_required: bool
    mandatory_reporting_note: str | None
    protocol_reference: str | None
    agreed_for: Need = PydanticField(description="The need this pathway is agreed for.")
    why: str = PydanticField(description="Why this step is there, in the language asked for.")


class RouteTarget(OutputModel):
    service: ServiceRef
    front_door_phone: str | None
    front_door_email: str | None
    no_contact: bool = PydanticField(
        description="Neither a front-door phone nor an e-mail is recorded: no way to reach it."
    )
    no_contact_note: str | None = PydanticField(
        description="`no_contact` said plainly, in the language asked for; null otherwise."
    )
    capacity: CapacityStatus
    beds_free: int | None
    room: RoomNow = PydanticField(
        description="Who can take someone now; routes are ranked by it first."
    )
    capacity_age_minutes: int | None = PydanticField(
        description="How old the last capacity post is; null when nothing was posted."
    )
    fits: list[Fit] = PydanticField(description="Why this service fits the request.")


class Route(OutputModel):
    target: RouteTarget
    steps: list[RouteStep] = PydanticField(description="Empty when the entry point meets the need.")
    total_expected_response_minutes: int | None


class NeedRoutes(OutputModel):
    need: Need
    met: bool
    routes: list[Route]
    unmet: UnmetCode | None = PydanticField(
        default=None, description="Why no route reaches this need; null when it is met."
    )
    fitting_services: int = PydanticField(
        description="How many services fit the request for this need, reached or not."
    )
    unmet_reason: str | None = PydanticField(
        default=None, description="`unmet` explained, in the language asked for."
    )
    excluded: list[ExcludedService] = PydanticField(
        default_factory=list,
        description="When the need is unmet: services of a type that meets it, and which "
        f"criterion excluded each (those failing fewest first, at most {EXCLUDED_SHOWN}).",
    )
    excluded_total: int = PydanticField(
        default=0, description="How many services were excluded in all."
    )


class EntryPartner(OutputModel):
    id: uuid.UUID
    name: str


class RouteAnswer(OutputModel):
    entry_services: list[ServiceRef]
    entry_partner: EntryPartner | None = PydanticField(
        default=None, description="The partner asked from, when the entry is a partner."
    )
    entry_via_front_doors: bool = PydanticField(
        default=False,
        description="The partner has no service of its own: routes start from the "
        "network's front doors (its entry points), which any agency can contact.",
    )
    entry_note: str | None = PydanticField(
        default=None, description="How the routes start, in the language asked for."
    )
    needs: list[NeedRoutes]


# --- health ---------------------------------------------------------------------------------


class FindingKind(Code):
    unmet_need_in_area = "unmet_need_in_area"
    unreachable_service = "unreachable_service"
    dead_end = "dead_end"
    pathway_to_inactive_service = "pathway_to_inactive_service"
    pathway_review_overdue = "pathway_review_overdue"
    single_point_of_failure = "single_point_of_failure"
    population_not_served = "population_not_served"
    language_not_served = "language_not_served"


class Finding(OutputModel):
    kind: FindingKind
    reason: str = PydanticField(
        description="What is wrong, naming the services involved, in the language asked for."
    )
    need: Need | None = None
    area: str | None = None
    population: Population | None = None
    language: str | None = None
    service_ids: list[uuid.UUID] = PydanticField(default_factory=list)
    pathway_ids: list[uuid.UUID] = PydanticField(default_factory=list)


class PathwayHealth(OutputModel):
    checked_services: int
    checked_pathways: int
    findings: list[Finding]
