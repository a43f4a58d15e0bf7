"""HTTP for networks and their members."""

import uuid

from fastapi import APIRouter, Depends, Response, status

from accord.accounts.deps import CurrentUser, PlatformAdmin
from accord.core.concurrency import IfMatch, set_etag
from accord.core.deps import AccordRoute, ReadSession, SettingsDep, WriteSession, keeps_no_answer
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
from accord.core.vocabulary import MembershipRole
from accord.networks import service
from accord.networks.access import NetworkAdminAccess, NetworkReadAccess
from accord.networks.models import (
    InvitationAccept,
    InvitationCreate,
    InvitationCreated,
    InvitationPublic,
    InvitationStatus,
    MembershipPublic,
    MembershipUpdate,
    MyMembership,
    NetworkCreate,
    NetworkPublic,
    NetworkUpdate,
)

router = APIRouter(route_class=AccordRoute, prefix="/networks", tags=["networks"])


@router.get("", response_model=Page[NetworkPublic], responses=responses(400, 401, 422))
def list_networks(
    user: CurrentUser,
    session: ReadSession,
    cursors: Cursors,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
) -> Page[NetworkPublic]:
    """The networks you belong to (a platform admin sees all of them)."""
    items, next_cursor = service.list_networks(
        session, user, codec=cursors, limit=limit, cursor=cursor
    )
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
    admin: PlatformAdmin, session: WriteSession, data: NetworkCreate, response: Response
) -> NetworkPublic:
    """Start a network (platform admins). Then invite its first coordinator."""
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
    access: NetworkReadAccess, session: ReadSession, response: Response
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
    session: WriteSession,
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
    response_model=CountedPage[MembershipPublic],
    responses=responses(*LIST_ERRORS),
)
def list_members(
    access: NetworkAdminAccess,
    session: ReadSession,
    cursors: Cursors,
    role: MembershipRole | None = None,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
) -> CountedPage[MembershipPublic]:
    items, next_cursor, total = service.list_members(
        session, access, role=role, codec=cursors, limit=limit, cursor=cursor
    )
    return CountedPage(items=items, next_cursor=next_cursor, total=total)


@router.get(
    "/{network}/members/{membership_id}",
    response_model=MembershipPublic,
    responses=responses(*READ_ERRORS, extra={200: {"headers": ETAG_HEADER}}),
)
def get_member(
    access: NetworkAdminAccess, session: ReadSession, membership_id: uuid.UUID, response: Response
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
    session: WriteSession,
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
    session: WriteSession,
    membership_id: uuid.UUID,
    if_match: IfMatch = None,
) -> None:
    service.remove_member(session, access, membership_id, if_match)


# --- invitations -------------------------------------------------------------------------


@router.post(
    "/{network}/invitations",
    status_code=status.HTTP_201_CREATED,
    response_model=InvitationCreated,
    responses=responses(
        *CREATE_ERRORS,
        extra={
            201: {
                "description": "Created. The token is in this answer only.",
                "headers": ETAG_HEADER,
                "links": {
                    "GetInvitation": link_to(
                        "networks-get_invitation",
                        network="$request.path.network",
                        invitation_id="$response.body#/id",
                    ),
                },
            }
        },
    ),
)
@keeps_no_answer
def create_invitation(
    access: NetworkAdminAccess,
    session: WriteSession,
    settings: SettingsDep,
    data: InvitationCreate,
    response: Response,
) -> InvitationCreated:
    """Invite the holder of an e-mail to a role in the network (coordinators, platform
    admins). Pass the answer's `accept_path` (or `token`) on to them: Accord sends no mail.
    The answer is the same whether or not an account with this e-mail exists; a platform
    administrator creates accounts (`POST /users`).

    No Idempotency-Key (one sent is ignored): a kept answer would hold the token in clear.
    A retry is safe anyway: while an invitation for this e-mail is pending, another one
    answers 409."""
    invitation = service.create_invitation(
        session, access, data, valid_days=settings.invitation_days
    )
    set_etag(response, invitation.version)
    response.headers["Location"] = (
        f"/api/v1/networks/{access.network.slug}/invitations/{invitation.id}"
    )
    return invitation


@router.get(
    "/{network}/invitations",
    response_model=CountedPage[InvitationPublic],
    responses=responses(*LIST_ERRORS),
)
def list_invitations(
    access: NetworkAdminAccess,
    session: ReadSession,
    cursors: Cursors,
    status: InvitationStatus | None = None,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
) -> CountedPage[InvitationPublic]:
    """The network's invitations, newest first (coordinators, platform admins)."""
    items, next_cursor, total = service.list_invitations(
        session, access, status=status, codec=cursors, limit=limit, cursor=cursor
    )
    return CountedPage(items=items, next_cursor=next_cursor, total=total)


@router.get(
    "/{network}/invitations/{invitation_id}",
    response_model=InvitationPublic,
    responses=responses(*READ_ERRORS, extra={200: {"headers": ETAG_HEADER}}),
)
def get_invitation(
    access: NetworkAdminAccess, session: ReadSession, invitation_id: uuid.UUID, response: Response
) -> InvitationPublic:
    invitation = service.get_invitation(session, access, invitation_id)
    set_etag(response, invitation.version)
    return invitation


@router.delete(
    "/{network}/invitations/{invitation_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=responses(*DELETE_ERRORS),
)
def withdraw_invitation(
    access: NetworkAdminAccess,
    session: WriteSession,
    invitation_id: uuid.UUID,
    if_match: IfMatch = None,
) -> None:
    """Withdraw a pending invitation: its link stops working. It stays listed, as
    `withdrawn`, for the record."""
    service.withdraw_invitation(session, access, invitation_id, if_match)


invitations_router = APIRouter(route_class=AccordRoute, prefix="/invitations", tags=["invitations"])


@invitations_router.post(
    "/accept",
    status_code=status.HTTP_201_CREATED,
    response_model=MyMembership,
    dependencies=[Depends(declare_idempotency_key)],
    responses=responses(
        400,
        401,
        403,
        404,
        409,
        413,
        422,
        extra={
            201: {
                "description": "You are now a member of the network.",
                "links": {
                    "GetNetwork": link_to("networks-get_network", network="$response.body#/network")
                },
            }
        },
    ),
)
def accept_invitation(
    user: CurrentUser, session: WriteSession, data: InvitationAccept, response: Response
) -> MyMembership:
    """Join a network with an invitation's token, signed in with the account whose e-mail
    was invited. 404: no such invitation; 403: it is for another e-mail; 409: already
    used, withdrawn, expired, or you are already a member."""
    membership = service.accept_invitation(session, user, data.token)
    response.headers["Location"] = f"/api/v1/networks/{membership.network}"
    return membership
