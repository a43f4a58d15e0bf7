"""HTTP for networks and their members."""

import uuid

from fastapi import APIRouter, Depends, Response, status

from accord.accounts.deps import CurrentUser, PlatformAdmin
from accord.core.concurrency import IfMatch, set_etag
from accord.core.deps import SessionDep
from accord.core.idempotency import declare_idempotency_key
from accord.core.openapi import (
    CREATE_ERRORS,
    DELETE_ERRORS,
    ETAG_HEADER,
    READ_ERRORS,
    UPDATE_ERRORS,
    link_to,
    responses,
)
from accord.core.pagination import CursorQuery, LimitQuery, Page
from accord.core.vocabulary import MembershipRole
from accord.networks import service
from accord.networks.access import NetworkAdminAccess, NetworkReadAccess
from accord.networks.models import (
    MembershipCreate,
    MembershipPublic,
    MembershipUpdate,
    NetworkCreate,
    NetworkPublic,
    NetworkUpdate,
)

router = APIRouter(prefix="/networks", tags=["networks"])


@router.get("", response_model=Page[NetworkPublic], responses=responses(401, 422))
def list_networks(
    user: CurrentUser, session: SessionDep, limit: LimitQuery = 50, cursor: CursorQuery = None
) -> Page[NetworkPublic]:
    """The networks you belong to (a platform admin sees all of them)."""
    items, next_cursor = service.list_networks(session, user, limit=limit, cursor=cursor)
    return Page(items=items, next_cursor=next_cursor)


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=NetworkPublic,
    dependencies=[Depends(declare_idempotency_key)],
    responses=responses(
        400,
        401,
        403,
        404,  # the parent named is not a network
        409,
        413,
        422,
        extra={
            201: {
                "description": "Created",
                "headers": ETAG_HEADER,
                "links": {
                    "GetNetwork": link_to("networks-get_network", network="$response.body#/slug")
                },
            }
        },
    ),
)
def create_network(
    admin: PlatformAdmin, session: SessionDep, data: NetworkCreate, response: Response
) -> NetworkPublic:
    """Start a network (platform admins). Then add its first coordinator as a member."""
    network = service.create_network(session, admin, data)
    set_etag(response, network.version)
    response.headers["Location"] = f"/api/v1/networks/{network.slug}"
    return network


@router.get(
    "/{network}",
    response_model=NetworkPublic,
    responses=responses(*READ_ERRORS, extra={200: {"headers": ETAG_HEADER}}),
)
def get_network(
    access: NetworkReadAccess, session: SessionDep, response: Response
) -> NetworkPublic:
    set_etag(response, access.network.version)
    return service.describe(session, access)


@router.patch(
    "/{network}",
    response_model=NetworkPublic,
    responses=responses(*UPDATE_ERRORS, extra={200: {"headers": ETAG_HEADER}}),
)
def update_network(
    access: NetworkAdminAccess,
    session: SessionDep,
    data: NetworkUpdate,
    response: Response,
    if_match: IfMatch = None,
) -> NetworkPublic:
    """Change the network's settings (coordinators; nesting: platform admins)."""
    network = service.update_network(session, access, data, if_match)
    set_etag(response, network.version)
    return network


@router.get(
    "/{network}/members",
    response_model=Page[MembershipPublic],
    responses=responses(*READ_ERRORS),
)
def list_members(
    access: NetworkAdminAccess,
    session: SessionDep,
    role: MembershipRole | None = None,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
) -> Page[MembershipPublic]:
    items, next_cursor = service.list_members(
        session, access, role=role, limit=limit, cursor=cursor
    )
    return Page(items=items, next_cursor=next_cursor)


@router.post(
    "/{network}/members",
    status_code=status.HTTP_201_CREATED,
    response_model=MembershipPublic,
    dependencies=[Depends(declare_idempotency_key)],
    responses=responses(
        *CREATE_ERRORS,
        extra={
            201: {
                "description": "Created",
                "headers": ETAG_HEADER,
                "links": {
                    "GetMember": link_to(
                        "networks-get_member",
                        network="$request.path.network",
                        membership_id="$response.body#/id",
                    )
                },
            }
        },
    ),
)
def add_member(
    access: NetworkAdminAccess, session: SessionDep, data: MembershipCreate, response: Response
) -> MembershipPublic:
    """Give an existing account a role in the network (coordinators, platform admins)."""
    membership = service.add_member(session, access, data)
    set_etag(response, membership.version)
    response.headers["Location"] = f"/api/v1/networks/{access.network.slug}/members/{membership.id}"
    return membership


@router.get(
    "/{network}/members/{membership_id}",
    response_model=MembershipPublic,
    responses=responses(*READ_ERRORS, extra={200: {"headers": ETAG_HEADER}}),
)
def get_member(
    access: NetworkAdminAccess, session: SessionDep, membership_id: uuid.UUID, response: Response
) -> MembershipPublic:
    membership = service.get_member(session, access, membership_id)
    set_etag(response, membership.version)
    return membership


@router.patch(
    "/{network}/members/{membership_id}",
    response_model=MembershipPublic,
    responses=responses(*UPDATE_ERRORS, extra={200: {"headers": ETAG_HEADER}}),
)
def update_member(
    access: NetworkAdminAccess,
    session: SessionDep,
    membership_id: uuid.UUID,
    data: MembershipUpdate,
    response: Response,
    if_match: IfMatch = None,
) -> MembershipPublic:
    """Change a member's role or linked partners. A network always keeps a coordinator."""
    membership = service.update_member(session, access, membership_id, data, if_match)
    set_etag(response, membership.version)
    return membership


@router.delete(
    "/{network}/members/{membership_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=responses(*DELETE_ERRORS),
)
def remove_member(
    access: NetworkAdminAccess,
    session: SessionDep,
    membership_id: uuid.UUID,
    if_match: IfMatch = None,
) -> None:
    service.remove_member(session, access, membership_id, if_match)
