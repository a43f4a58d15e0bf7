"""HTTP for the network's gazetteer: every member reads it, coordinators keep it."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response, status

from accord.areas import service
from accord.areas.models import AreaCreate, AreaPublic, AreaUpdate
from accord.core.concurrency import IfMatch, set_etag
from accord.core.deps import AccordRoute, ReadSession, WriteSession
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
from accord.core.pagination import CursorQuery, Cursors, LimitQuery, Page
from accord.networks.access import CoordinatorAccess, MemberAccess

router = APIRouter(route_class=AccordRoute, prefix="/networks/{network}/areas", tags=["areas"])

_LINKS = {
    "GetArea": link_to("areas-get_area", area_id="$response.body#/id"),
    "UpdateArea": link_to(
        "areas-update_area",
        area_id="$response.body#/id",
        **{"header.If-Match": "$response.header.ETag"},
    ),
}


@router.get("", response_model=Page[AreaPublic], responses=responses(*LIST_ERRORS))
def list_areas(
    access: MemberAccess,
    session: ReadSession,
    cursors: Cursors,
    q: Annotated[str | None, Query(max_length=200)] = None,
    parent_id: uuid.UUID | None = None,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
) -> Page[AreaPublic]:
    """The gazetteer by English name. `q` matches the code and the name in English, French
    or Spanish ("Nord" finds `north-district`); `parent_id` lists one area's sub-areas."""
    items, next_cursor = service.list_areas(
        session,
        access.network_id,
        q=q,
        parent_id=parent_id,
        codec=cursors,
        limit=limit,
        cursor=cursor,
    )
    return Page(items=items, next_cursor=next_cursor)


@router.get("/tree", response_model=list[AreaPublic], responses=responses(*READ_ERRORS))
def area_tree(access: MemberAccess, session: ReadSession) -> list[AreaPublic]:
    """The whole gazetteer for pickers, each parent before its sub-areas. Not paged: a
    network holds at most 2000 areas."""
    return service.area_tree(session, access.network_id)


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=AreaPublic,
    dependencies=[Depends(declare_idempotency_key)],
    responses=responses(
        *CREATE_ERRORS,
        extra={201: {"description": "Created", "headers": ETAG_HEADER, "links": _LINKS}},
    ),
)
def create_area(
    access: CoordinatorAccess, session: WriteSession, data: AreaCreate, response: Response
) -> AreaPublic:
    """Add an area (coordinators). Its code is what partners and services store."""
    created = service.create_area(session, access, data)
    set_etag(response, created.version)
    response.headers["Location"] = f"/api/v1/networks/{access.network.slug}/areas/{created.id}"
    return created


@router.get(
    "/{area_id}",
    response_model=AreaPublic,
    responses=responses(*READ_ERRORS, extra={200: {"headers": ETAG_HEADER}}),
)
def get_area(
    access: MemberAccess, session: ReadSession, area_id: uuid.UUID, response: Response
) -> AreaPublic:
    found = service.get_area(session, access.network_id, area_id)
    set_etag(response, found.version)
    return service.describe(session, found)


@router.patch(
    "/{area_id}",
    response_model=AreaPublic,
    responses=responses(*UPDATE_ERRORS, extra={200: {"headers": ETAG_HEADER}}),
)
def update_area(
    access: CoordinatorAccess,
    session: WriteSession,
    area_id: uuid.UUID,
    data: AreaUpdate,
    response: Response,
    if_match: IfMatch = None,
) -> AreaPublic:
    """Rename an area or move it under another (never under itself or its sub-areas: 409)."""
    updated = service.update_area(session, access, area_id, data, if_match)
    set_etag(response, updated.version)
    return updated


@router.delete(
    "/{area_id}", status_code=status.HTTP_204_NO_CONTENT, responses=responses(*DELETE_ERRORS)
)
def delete_area(
    access: CoordinatorAccess, session: WriteSession, area_id: uuid.UUID, if_match: IfMatch = None
) -> None:
    """Remove an area; 409 while it has sub-areas or partners, services or locations use it."""
    service.delete_area(session, access, area_id, if_match)
