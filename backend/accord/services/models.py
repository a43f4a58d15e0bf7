"""The services partners offer (a shelter, a hotline, forensic examination…), where they
are — some addresses confidential — and how much room they have now (004)."""

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import EmailStr, StringConstraints, model_validator
from pydantic import Field as PydanticField
from sqlalchemy import JSON, Index, SmallInteger, Text
from sqlmodel import Field

from accord.core.fields import AreaList, FreeText, Id, LanguageList, Name, Phone, unique
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
from accord.core.vocabulary import (
    CapacityStatus,
    Code,
    GenderEligibility,
    Population,
    Sector,
    ServiceStatus,
    ServiceType,
    Weekday,
)

HOUR_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$"


class Service(SQLModel, table=True):
    __tablename__ = "services"
    __table_args__ = (
        # The list's order (sort name, then name and id), plain and by type, from the index.
        Index("ix_services_network_type", "network_id", "type", "sort_name", "name", "id"),
        Index("ix_services_network_sort_name", "network_id", "sort_name", "name", "id"),
        # The route graph's freshness check (max updated_at).
        Index("ix_services_network_updated", "network_id", "updated_at"),
    )

    id: uuid.UUID = id_field()
    network_id: uuid.UUID = Field(foreign_key="networks.id", ondelete="CASCADE")
    partner_id: uuid.UUID = Field(foreign_key="partners.id", ondelete="CASCADE", index=True)
    type: ServiceType = code_field(40)
    name: str = Field(max_length=200)
    sort_name: str = sort_key_field("name", 200)
    # What the list's `q` matches: name and description, folded (core/search.py)
    search_text: str = search_text_field("name", "description")
    description: str | None = Field(default=None, sa_type=Text)
    status: ServiceStatus = code_field(30, default=ServiceStatus.active)
    # Where survivors first arrive (a police desk, a hotline, an emergency department):
    # routes start here, and pathway health checks that every service is reachable from one.
    entry_point: bool = Field(default=False)
    age_min: int | None = Field(default=None, sa_type=SmallInteger)
    age_max: int | None = Field(default=None, sa_type=SmallInteger)
    genders: list[str] = Field(default_factory=list, sa_type=JSON)
    open_24_7: bool = Field(default=False)
    opening_hours: list[dict[str, str]] = Field(default_factory=list, sa_type=JSON)
    wheelchair_access: bool = Field(default=False)
    sign_language: bool = Field(default=False)
    interpreters: bool = Field(default=False)
    free_of_charge: bool = Field(default=True)
    female_staff: bool = Field(default=False)
    # The public way in: what everyone may see, even when every address is confidential.
    front_door_phone: str | None = Field(default=None, max_length=50)
    front_door_email: str | None = Field(default=None, max_length=254)
    version: int = Field(default=1)
    created_at: datetime = created_at_field()
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


keep_sort_key(Service, "name", "sort_name")
keep_search_text(Service, "search_text", "name", "description")


class ServiceLabel(SQLModel, table=True):
    __tablename__ = "service_labels"
    __table_args__ = (Index("ix_service_labels_kind_value", "kind", "value", "service_id"),)

    service_id: uuid.UUID = Field(foreign_key="services.id", primary_key=True, ondelete="CASCADE")
    kind: str = Field(primary_key=True, max_length=20)
    value: str = Field(primary_key=True, max_length=100)
    position: int = Field(default=0)


class ServiceLocation(SQLModel, table=True):
    __tablename__ = "service_locations"

    id: uuid.UUID = id_field()
    service_id: uuid.UUID = Field(foreign_key="services.id", ondelete="CASCADE", index=True)
    name: str = Field(max_length=200)
    address: str | None = Field(default=None, max_length=500)
    area: str | None = Field(default=None, max_length=100)
    confidential: bool = Field(default=False)
    version: int = Field(default=1)
    created_at: datetime = created_at_field()
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class CapacityPost(SQLModel, table=True):
    __tablename__ = "capacity_posts"
    __table_args__ = (Index("ix_capacity_posts_service_time", "service_id", "posted_at"),)

    id: uuid.UUID = id_field()
    service_id: uuid.UUID = Field(foreign_key="services.id", ondelete="CASCADE")
    status: CapacityStatus = code_field(20)
    beds_free: int | None = Field(default=None, sa_type=SmallInteger)
    # Beds in all, when the poster said (else carried over from the last post).
    beds_total: int | None = Field(default=None, sa_type=SmallInteger)
    posted_by: uuid.UUID | None = Field(default=None, foreign_key="users.id", ondelete="SET NULL")
    posted_at: datetime = created_at_field()


Hour = Annotated[str, StringConstraints(pattern=HOUR_PATTERN)]
Description = Annotated[FreeText, PydanticField(max_length=4000)]
Age = Annotated[int, PydanticField(ge=0, le=130)]


class OpeningHours(InputModel):
    day: Weekday
    opens: Hour = PydanticField(description="HH:MM, local time.")
    closes: Hour = PydanticField(description="HH:MM; earlier than `opens` means after midnight.")


OpeningHoursList = Annotated[list[OpeningHours], PydanticField(max_length=21)]
PopulationList = Annotated[list[Population], PydanticField(max_length=len(Population))]
GenderList = Annotated[list[GenderEligibility], PydanticField(max_length=len(GenderEligibility))]


class ServiceFields(InputModel):
    @model_validator(mode="after")
    def _de_duplicate(self) -> "ServiceFields":
        for name in ("populations", "genders"):
            values = getattr(self, name, None)
            if values is not None:
                setattr(self, name, unique(values))
        return self


class ServiceCreate(ServiceFields):
    partner_id: Id = Field(description="The partner that offers it.")
    type: ServiceType
    name: Name
    description: Description | None = None
    status: ServiceStatus = ServiceStatus.active
    entry_point: bool = Field(
        default=False, description="Survivors first arrive here (police desk, hotline, A&E)."
    )
    populations: PopulationList = Field(
        default_factory=list, description="Served in particular; empty means everyone."
    )
    age_min: Age | None = None
    age_max: Age | None = None
    genders: GenderList = Field(default_factory=list, description="Empty means anyone.")
    languages: LanguageList = Field(default_factory=list)
    areas: AreaList = Field(default_factory=list, description="The areas it serves.")
    open_24_7: bool = False
    opening_hours: OpeningHoursList = Field(default_factory=list)
    wheelchair_access: bool = False
    sign_language: bool = False
    interpreters: bool = False
    free_of_charge: bool = True
    female_staff: bool = False
    front_door_phone: Phone | None = None
    front_door_email: EmailStr | None = Field(default=None, max_length=254)


class ServiceUpdate(ServiceFields):
    type: ServiceType = optional()
    name: Name = optional()
    description: Description | None = None
    status: ServiceStatus = optional()
    entry_point: bool = optional()
    populations: PopulationList = optional()
    age_min: Age | None = None
    age_max: Age | None = None
    genders: GenderList = optional()
    languages: LanguageList = optional()
    areas: AreaList = optional()
    open_24_7: bool = optional()
    opening_hours: OpeningHoursList = optional()
    wheelchair_access: bool = optional()
    sign_language: bool = optional()
    interpreters: bool = optional()
    free_of_charge: bool = optional()
    female_staff: bool = optional()
    front_door_phone: Phone | None = None
    front_door_email: EmailStr | None = Field(default=None, max_length=254)


class LocationCreate(InputModel):
    name: Name
    address: str | None = Field(default=None, max_length=500)
    area: str | None = Field(default=None, max_length=100)
    confidential: bool = Field(
        default=False,
        description="A refuge's address: shown only to coordinators and the partner's editors.",
    )


class LocationUpdate(InputModel):
    name: Name = optional()
    address: str | None = Field(default=None, max_length=500)
    area: str | None = Field(default=None, max_length=100)
    confidential: bool = optional()


class LocationPublic(OutputModel):
    id: uuid.UUID
    name: str
    address: str | None
    area: str | None
    confidential: bool
    version: int


class PostedCapacity(Code):
    accepting = "accepting"
    waitlist = "waitlist"
    full = "full"


class CapacityCreate(InputModel):
    """Refused when it contradicts itself (422 on `beds_free`): accepting with no bed
    free, full with beds free, or more beds free than beds in all."""

    status: PostedCapacity
    beds_free: int | None = Field(default=None, ge=0, le=10_000)
    beds_total: int | None = Field(
        default=None,
        ge=0,
        le=10_000,
        description="Beds in all; when left out, the last post's total holds.",
    )


class CapacityPublic(OutputModel):
    status: CapacityStatus = Field(
        description="`unknown` when nothing was posted or the last post is too old to trust."
    )
    beds_free: int | None = Field(description="Null when unknown.")
    beds_total: int | None = Field(default=None, description="Beds in all, when known.")
    posted_at: datetime | None = Field(description="When the last post was made, if ever.")
    age_minutes: int | None
    fresh: bool
    max_age_hours: int


class ServicePublic(OutputModel):
    id: uuid.UUID
    partner_id: uuid.UUID
    partner_name: str
    partner_sector: Sector
    type: ServiceType
    name: str
    description: str | None
    status: ServiceStatus
    entry_point: bool
    populations: list[Population]
    age_min: int | None
    age_max: int | None
    genders: list[GenderEligibility]
    languages: list[str]
    areas: list[str]
    open_24_7: bool
    opening_hours: list[OpeningHours]
    wheelchair_access: bool
    sign_language: bool
    interpreters: bool
    free_of_charge: bool
    female_staff: bool
    front_door_phone: str | None
    front_door_email: str | None
    locations: list[LocationPublic] = Field(
        description="The locations you may see: confidential ones only for coordinators and "
        "the partner's editors."
    )
    has_confidential_location: bool = Field(
        description="Some address is kept confidential: use the front door contact."
    )
    capacity: CapacityPublic
    version: int
    created_at: datetime
    updated_at: datetime


class RoomNow(Code):
    """Who can take someone now, best first (the order of the beds-tonight board and of
    the route finder's targets)."""

    beds_free = "beds_free"
    accepting = "accepting"
    unknown = "unknown"
    waitlist = "waitlist"
    full = "full"


BOARD_TYPES = (ServiceType.shelter, ServiceType.crisis_centre)


class BoardEntry(OutputModel):
    """A shelter or crisis centre on the beds-tonight board: no address, only the public
    front door (some refuges' addresses are confidential)."""

    service_id: uuid.UUID
    name: str
    type: ServiceType
    partner_id: uuid.UUID
    partner_name: str
    areas: list[str] = Field(description="The areas it serves; empty means every area.")
    room: RoomNow
    capacity: CapacityPublic
    front_door_phone: str | None
    front_door_email: str | None
    no_contact: bool = Field(description="No front-door phone or e-mail is recorded.")
