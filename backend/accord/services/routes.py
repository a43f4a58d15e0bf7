"""HTTP for services, their locations and capacity."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response, status

from accord.core.concurrency import IfMatch, set_etag
from accord.core.deps import AccordRoute, ReadSession, SettingsDep, WriteSession
from accord.core.i18n import Language
from accord.core.idempotency import declare_idempotency_key
from accord.core.openapi import (
    CREATE_ERRORS,
    DELETE_ERRORS,
    ETAG_HEADER,
    LIST_ERRORS,
    READ_ERRORS,
    UPDATE_ERRORS,
    link_to,
    responses,
)
from accord.core.pagination import CountedPage, CursorQuery, Cursors, LimitQuery, Page
from accord.core.vocabulary import CapacityStatus, Population, ServiceStatus, ServiceType
from accord.networks.access import EditorAccess, MemberAccess
from accord.services import service
from accord.services.models import (
    BOARD_TYPES,
    BoardEntry,
    CapacityCreate,
    CapacityPublic,
    LocationCreate,
    LocationPublic,
    LocationUpdate,
    ServiceCreate,
    ServicePublic,
    ServiceUpdate,
)

router = APIRouter(
    route_class=AccordRoute, prefix="/networks/{network}/services", tags=["services"]
)
board_router = APIRouter(route_class=AccordRoute, prefix="/networks/{network}", tags=["services"])


async def service_filters(
    type: Annotated[list[ServiceType], Query(max_length=20)] = [],  # noqa: B006
    status: Annotated[list[ServiceStatus], Query(max_length=4)] = [],  # noqa: B006
    partner_id: uuid.UUID | None = None,
    population: Annotated[list[Population], Query(max_length=20)] = [],  # noqa: B006
    language: Annotated[list[Annotated[str, Query(max_length=35)]], Query(max_length=20)] = [],  # noqa: B006
    area: Annotated[list[Annotated[str, Query(max_length=100)]], Query(max_length=20)] = [],  # noqa: B006
    open_24_7: bool | None = None,
    wheelchair_access: bool | None = None,
    q: Annotated[str | None, Query(max_length=200)] = None,
    capacity: Annotated[
        list[CapacityStatus],
        Query(
            max_length=4,
            description="Capacity as read now; `unknown`: nothing posted within "
            "ACCORD_CAPACITY_MAX_AGE_HOURS.",
        ),
    ] = [],  # noqa: B006
) -> service.ServiceFilters:
    return service.ServiceFilters(
        types=type,
        statuses=status,
        partner_id=partner_id,
        populations=population,
        languages=language,
        areas=area,
        open_24_7=open_24_7,
        wheelchair_access=wheelchair_access,
        q=q,
        capacity=capacity,
    )


Filters = Annotated[service.ServiceFilters, Depends(service_filters)]

_LINKS = {
    "GetService": link_to("services-get_service", service_id="$response.body#/id"),
    "UpdateService": link_to(
        "services-update_service",
        service_id="$response.body#/id",
        **{"header.If-Match": "$response.header.ETag"},
    ),
    "PostCapacity": link_to("services-post_capacity", service_id="$response.body#/id"),
}


@router.get("", response_model=CountedPage[ServicePublic], responses=responses(*LIST_ERRORS))
def list_services(
    access: MemberAccess,
    session: ReadSession,
    settings: SettingsDep,
    cursors: Cursors,
    filters: Filters,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
) -> CountedPage[ServicePublic]:
    """What partners offer, by name. Confidential addresses appear only to coordinators
    and the owning partner's editors; everyone else gets the front door contact."""
    items, next_cursor, total = service.list_services(
        session,
        access,
        filters,
        max_age_hours=settings.capacity_max_age_hours,
        codec=cursors,
        limit=limit,
        cursor=cursor,
    )
    return CountedPage(items=items, next_cursor=next_cursor, total=total)


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=ServicePublic,
    dependencies=[Depends(declare_idempotency_key)],
    responses=responses(
        *CREATE_ERRORS,
        extra={201: {"description": "Created", "headers": ETAG_HEADER, "links": _LINKS}},
    ),
)
def create_service(
    access: EditorAccess,
    session: WriteSession,
    settings: SettingsDep,
    data: ServiceCreate,
    response: Response,
) -> ServicePublic:
    """Add a service (coordinators, and the partner's own editors)."""
    created = service.create_service(session, access, data, settings.capacity_max_age_hours)
    set_etag(response, created.version)
    response.headers["Location"] = f"/api/v1/networks/{access.network.slug}/services/{created.id}"
    return created


@router.get(
    "/{service_id}",
    response_model=ServicePublic,
    responses=responses(*READ_ERRORS, extra={200: {"headers": ETAG_HEADER}}),
)
def get_service(
    access: MemberAccess,
    session: ReadSession,
    settings: SettingsDep,
    service_id: uuid.UUID,
    response: Response,
) -> ServicePublic:
    found = service.get_service(session, access.network_id, service_id)
    set_etag(response, found.version)
    return service.describe(session, access, found, settings.capacity_max_age_hours)


@router.patch(
    "/{service_id}",
    response_model=ServicePublic,
    responses=responses(*UPDATE_ERRORS, extra={200: {"headers": ETAG_HEADER}}),
)
def update_service(
    access: EditorAccess,
    session: WriteSession,
    settings: SettingsDep,
    service_id: uuid.UUID,
    data: ServiceUpdate,
    response: Response,
    if_match: IfMatch = None,
) -> ServicePublic:
    updated = service.update_service(
        session, access, service_id, data, if_match, settings.capacity_max_age_hours
    )
    set_etag(response, updated.version)
    return updated


@router.delete(
    "/{service_id}", status_code=status.HTTP_204_NO_CONTENT, responses=responses(*DELETE_ERRORS)
)
def delete_service(
    access: EditorAccess, session: WriteSession, service_id: uuid.UUID, if_match: IfMatch = None
) -> None:
    service.delete_service(session, access, service_id, if_match)


@router.get(
    "/{service_id}/locations",
    response_model=list[LocationPublic],
    responses=responses(*READ_ERRORS),
)
def list_locations(
    access: MemberAccess, session: ReadSession, service_id: uuid.UUID
) -> list[LocationPublic]:
    """The service's locations you may see (a service has a handful, so no paging)."""
    return service.list_locations(session, access, service_id)


@router.post(
    "/{service_id}/locations",
    status_code=status.HTTP_201_CREATED,
    response_model=LocationPublic,
    dependencies=[Depends(declare_idempotency_key)],
    responses=responses(
        *CREATE_ERRORS,
        extra={
            201: {
                "description": "Created",
                "headers": ETAG_HEADER,
                "links": {
                    "GetLocation": link_to(
                        "services-get_location",
                        service_id="$request.path.service_id",
                        location_id="$response.body#/id",
                    )
                },
            }
        },
    ),
)
def create_location(
    access: EditorAccess,
    session: WriteSession,
    service_id: uuid.UUID,
    data: LocationCreate,
    response: Response,
) -> LocationPublic:
    location = service.create_location(session, access, service_id, data)
    set_etag(response, location.version)
    response.headers["Location"] = (
        f"/api/v1/networks/{access.network.slug}/services/{service_id}/locations/{location.id}"
    )
    return location


@router.get(
    "/{service_id}/locations/{location_id}",
    response_model=LocationPublic,
    responses=responses(*READ_ERRORS, extra={200: {"headers": ETAG_HEADER}}),
)
def get_location(
    access: MemberAccess,
    session: ReadSession,
    service_id: uuid.UUID,
    location_id: uuid.UUID,
    response: Response,
) -> LocationPublic:
    location = service.get_location(session, access, service_id, location_id)
    set_etag(response, location.version)
    return location


@router.patch(
    "/{service_id}/locations/{location_id}",
    response_model=LocationPublic,
    responses=responses(*UPDATE_ERRORS, extra={200: {"headers": ETAG_HEADER}}),
)
def update_location(
    access: EditorAccess,
    session: WriteSession,
    service_id: uuid.UUID,
    location_id: uuid.UUID,
    data: LocationUpdate,
    response: Response,
    if_match: IfMatch = None,
) -> LocationPublic:
    location = service.update_location(session, access, service_id, location_id, data, if_match)
    set_etag(response, location.version)
    return location


@router.delete(
    "/{service_id}/locations/{location_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=responses(*DELETE_ERRORS),
)
def delete_location(
    access: EditorAccess,
    session: WriteSession,
    service_id: uuid.UUID,
    location_id: uuid.UUID,
    if_match: IfMatch = None,
) -> None:
    service.delete_location(session, access, service_id, location_id, if_match)


@router.get(
    "/{service_id}/capacity", response_model=CapacityPublic, responses=responses(*READ_ERRORS)
)
def current_capacity(
    access: MemberAccess, session: ReadSession, settings: SettingsDep, service_id: uuid.UUID
) -> CapacityPublic:
    """Room now, with how fresh it is; too old a post reads as `unknown`."""
    return service.current_capacity(
        session, access.network_id, service_id, settings.capacity_max_age_hours
    )


@router.post(
    "/{service_id}/capacity",
    status_code=status.HTTP_201_CREATED,
    response_model=CapacityPublic,
    dependencies=[Depends(declare_idempotency_key)],
    responses=responses(*CREATE_ERRORS),
)
def post_capacity(
    access: EditorAccess,
    session: WriteSession,
    settings: SettingsDep,
    service_id: uuid.UUID,
    data: CapacityCreate,
    lang: Language,
) -> CapacityPublic:
    """Post current capacity (coordinators, and the partner's own editors). A post that
    contradicts itself is refused with the reason on `beds_free` (422): accepting with no
    bed free, full with beds free, more beds free than beds in all (`beds_total`, or the
    last post's)."""
    return service.post_capacity(
        session, access, service_id, data, settings.capacity_max_age_hours, lang
    )


@board_router.get(
    "/capacity-board", response_model=Page[BoardEntry], responses=responses(*LIST_ERRORS)
)
def capacity_board(
    access: MemberAccess,
    session: ReadSession,
    settings: SettingsDep,
    cursors: Cursors,
    type: Annotated[
        list[ServiceType],
        Query(max_length=len(BOARD_TYPES), description="shelter, crisis_centre; empty: both."),
    ] = [],  # noqa: B006
    area: Annotated[list[Annotated[str, Query(max_length=100)]], Query(max_length=20)] = [],  # noqa: B006
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
) -> Page[BoardEntry]:
    """Beds tonight: every active shelter and crisis centre, who can take someone now
    first (beds free, accepting, unknown or too old, waitlist, full), then the freshest
    post, then by name — with the front-door contact, never an address."""
    items, next_cursor = service.capacity_board(
        session,
        access.network_id,
        service.BoardFilters(types=type, areas=area),
        max_age_hours=settings.capacity_max_age_hours,
        codec=cursors,
        limit=limit,
        cursor=cursor,
    )
    return Page(items=items, next_cursor=next_cursor)
