"""HTTP for referral pathways, the route finder and pathway health."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response, status

from accord.core.concurrency import IfMatch, IfNoneMatch, set_etag
from accord.core.deps import AccordRoute, Kept, ReadSession, SettingsDep, WriteSession
from accord.core.i18n import Language
from accord.core.idempotency import declare_idempotency_key
from accord.core.openapi import (
    CREATE_ERRORS,
    DELETE_ERRORS,
    ETAG_HEADER,
    LIST_ERRORS,
    NOT_MODIFIED,
    PAGE_ETAG_HEADER,
    READ_ERRORS,
    UPDATE_ERRORS,
    link_to,
    responses,
)
from accord.core.pagination import CursorQuery, Cursors, LimitQuery, Page
from accord.core.vocabulary import Need, PathwayStatus
from accord.networks.access import EditorAccess, MemberAccess
from accord.pathways import finder, health, service
from accord.pathways.models import (
    PathwayCreate,
    PathwayHealth,
    PathwayPublic,
    PathwayUpdate,
    RouteAnswer,
    RouteQuery,
)

router = APIRouter(
    route_class=AccordRoute, prefix="/networks/{network}/pathways", tags=["pathways"]
)

_LINKS = {
    "GetPathway": link_to("pathways-get_pathway", pathway_id="$response.body#/id"),
    "UpdatePathway": link_to(
        "pathways-update_pathway",
        pathway_id="$response.body#/id",
        **{"header.If-Match": "$response.header.ETag"},
    ),
}


@router.get("", response_model=Page[PathwayPublic], responses=responses(*LIST_ERRORS))
def list_pathways(
    access: MemberAccess,
    session: ReadSession,
    cursors: Cursors,
    status: Annotated[list[PathwayStatus], Query(max_length=4)] = [],  # noqa: B006
    need: Annotated[list[Need], Query(max_length=20)] = [],  # noqa: B006
    service_id: Annotated[
        uuid.UUID | None, Query(description="Pathways from or to this service.")
    ] = None,
    partner_id: Annotated[
        uuid.UUID | None,
        Query(description="Pathways from or to any service of this partner (its page)."),
    ] = None,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
) -> Page[PathwayPublic]:
    items, next_cursor = service.list_pathways(
        session,
        access.network_id,
        service.PathwayFilters(
            statuses=status, needs=need, service_id=service_id, partner_id=partner_id
        ),
        codec=cursors,
        limit=limit,
        cursor=cursor,
    )
    return Page(items=items, next_cursor=next_cursor)


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=PathwayPublic,
    dependencies=[Depends(declare_idempotency_key)],
    responses=responses(
        *CREATE_ERRORS,
        extra={201: {"description": "Created", "headers": ETAG_HEADER, "links": _LINKS}},
    ),
)
def create_pathway(
    access: EditorAccess, session: WriteSession, data: PathwayCreate, response: Response
) -> PathwayPublic:
    """Agree a route from one service to another, for some needs (coordinators, and the
    sending partner's editors). Back-referrals are fine; a service never refers to itself."""
    pathway = service.create_pathway(session, access, data)
    set_etag(response, pathway.version)
    response.headers["Location"] = f"/api/v1/networks/{access.network.slug}/pathways/{pathway.id}"
    return pathway


@router.post(
    "/routes",
    response_model=RouteAnswer,
    responses=responses(400, 401, 403, 404, 413, 422),
)
def find_routes(
    access: MemberAccess,
    session: ReadSession,
    kept: Kept,
    settings: SettingsDep,
    query: RouteQuery,
    lang: Language,
) -> Response:
    """Where to refer: from an entry point (a service, or a partner's services) and coded
    needs, the agreed active routes to services that fit — best first (fewest hand-overs,
    then quickest), with why each fits, and which needs no agreed route reaches. Reasons come
    as stable codes with texts in the language asked for (`lang` or Accept-Language)."""
    answer = finder.find_routes(
        session,
        kept,
        access.network_id,
        access.revisions,
        query,
        settings.capacity_max_age_hours,
        lang,
    )
    return Response(answer, media_type="application/json")


@router.get(
    "/health",
    response_model=PathwayHealth,
    responses=responses(*READ_ERRORS, extra={**NOT_MODIFIED, 200: {"headers": PAGE_ETAG_HEADER}}),
)
def pathway_health(
    access: MemberAccess,
    session: ReadSession,
    kept: Kept,
    lang: Language,
    area: Annotated[str | None, Query(max_length=100)] = None,
    if_none_match: IfNoneMatch = None,
) -> Response:
    """Where the routes are broken: unmet needs by area, unreachable services, dead ends,
    pathways to closed services or overdue for review, single points of failure, and
    populations or languages no service of a needed type serves. Send the answer's ETag
    back in If-None-Match to get 304 while it has not changed."""
    found = health.check(session, kept, access.network_id, access.revisions, area, lang)
    return found.rendered.response(if_none_match)


@router.get(
    "/{pathway_id}",
    response_model=PathwayPublic,
    responses=responses(*READ_ERRORS, extra={200: {"headers": ETAG_HEADER}}),
)
def get_pathway(
    access: MemberAccess, session: ReadSession, pathway_id: uuid.UUID, response: Response
) -> PathwayPublic:
    pathway = service.get_pathway(session, access.network_id, pathway_id)
    set_etag(response, pathway.version)
    return service.describe(session, pathway)


@router.patch(
    "/{pathway_id}",
    response_model=PathwayPublic,
    responses=responses(*UPDATE_ERRORS, extra={200: {"headers": ETAG_HEADER}}),
)
def update_pathway(
    access: EditorAccess,
    session: WriteSession,
    pathway_id: uuid.UUID,
    data: PathwayUpdate,
    response: Response,
    if_match: IfMatch = None,
) -> PathwayPublic:
    pathway = service.update_pathway(session, access, pathway_id, data, if_match)
    set_etag(response, pathway.version)
    return pathway


@router.delete(
    "/{pathway_id}", status_code=status.HTTP_204_NO_CONTENT, responses=responses(*DELETE_ERRORS)
)
def delete_pathway(
    access: EditorAccess, session: WriteSession, pathway_id: uuid.UUID, if_match: IfMatch = None
) -> None:
    service.delete_pathway(session, access, pathway_id, if_match)
