"""The network's gazetteer: the areas partners and services cover, with their names in
the three interface languages and, optionally, the wider area they belong to (districts
nest in a region). Partners, services and locations keep storing area *codes*; the
gazetteer gives those codes names and a hierarchy. A code that is not in the gazetteer
stays valid: it is shown as itself."""

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import Field as PydanticField
from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field

from accord.core.fields import AreaCode, Id, Name
from accord.core.models import (
    InputModel,
    OutputModel,
    SQLModel,
    UTCDateTime,
    created_at_field,
    id_field,
    keep_search_text,
    keep_sort_key,
    optional,
    search_text_field,
    sort_key_field,
    utcnow,
)

# A network's gazetteer is the districts, towns and regions it works in: hundreds at most.
# The bound keeps the whole tree one answer for pickers (GET …/areas/tree) and the
# sub-area expansion of a filter one small read.
MAX_AREAS_PER_NETWORK = 2000
AREA_NAME_MAX = 200

AreaName = Annotated[Name, PydanticField(max_length=AREA_NAME_MAX)]


class Area(SQLModel, table=True):
    __tablename__ = "areas"
    __table_args__ = (
        UniqueConstraint("network_id", "code"),
        # The list's order (English sort name, then code and id), from the index.
        Index("ix_areas_network_sort_name", "network_id", "sort_name", "code", "id"),
    )

    id: uuid.UUID = id_field()
    network_id: uuid.UUID = Field(foreign_key="networks.id", ondelete="CASCADE")
    code: str = Field(max_length=100)
    name_en: str = Field(max_length=AREA_NAME_MAX)
    name_fr: str | None = Field(default=None, max_length=AREA_NAME_MAX)
    name_es: str | None = Field(default=None, max_length=AREA_NAME_MAX)
    sort_name: str = sort_key_field("name_en", AREA_NAME_MAX)
    # What `q` matches: the code and the names in every language, folded
    search_text: str = search_text_field("code", "name_en", "name_fr", "name_es")
    # No cascade: an area with sub-areas is never removed as a side effect (the service
    # refuses it with 409; the database's NO ACTION guards the same rule).
    parent_id: uuid.UUID | None = Field(default=None, foreign_key="areas.id", index=True)
    version: int = Field(default=1)
    created_at: datetime = created_at_field()
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


keep_sort_key(Area, "name_en", "sort_name")
keep_search_text(Area, "search_text", "code", "name_en", "name_fr", "name_es")


class AreaNames(InputModel):
    """The area's name in each interface language; French and Spanish fall back to the
    English name when left out."""

    en: AreaName
    fr: AreaName | None = None
    es: AreaName | None = None


class AreaCreate(InputModel):
    code: Annotated[
        AreaCode,
        PydanticField(
            pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
            description="Stable code stored on partners and services, e.g. `north-district`.",
        ),
    ]
    names: AreaNames
    parent_id: Id | None = None


class AreaUpdate(InputModel):
    """The code never changes (partners and services store it); names and parent do.
    `parent_id: null` makes the area top-level."""

    names: AreaNames | None = optional()
    parent_id: Id | None = None


class AreaNamesPublic(OutputModel):
    en: str
    fr: str | None
    es: str | None


class AreaPublic(OutputModel):
    id: uuid.UUID
    code: str
    names: AreaNamesPublic
    parent_id: uuid.UUID | None
    parent_code: str | None
    version: int
    created_at: datetime
    updated_at: datetime
