"""HTTP for the role catalogue, commitments and coverage."""

import uuid
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response, status

from accord.core.concurrency import IfMatch, set_etag
from accord.core.deps import AccordRoute, Kept, ReadSession, WriteSession
from accord.core.fields import IsoDate
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
from accord.core.pagination import CountedPage, CursorQuery, Cursors, LimitQuery
from accord.core.vocabulary import Sector
from accord.networks.access import EditorAccess, MemberAccess
from accord.roles import coverage, service
from accord.roles.models import (
    CommitmentCreate,
    CommitmentPublic,
    CommitmentStatus,
    CommitmentUpdate,
    CoverageMatrix,
    GapList,
    RoleCreate,
    RolePublic,
    RoleUpdate,
)

roles_router = APIRouter(
    route_class=AccordRoute, prefix="/networks/{network}/roles", tags=["roles"]
)
commitments_router = APIRouter(
    route_class=AccordRoute, prefix="/networks/{network}/commitments", tags=["commitments"]
)
coverage_router = APIRouter(
    route_class=AccordRoute, prefix="/networks/{network}/coverage", tags=["coverage"]
)


SectorFilter = Annotated[list[Sector], Query(max_length=30, description="Any of these sectors.")]


@roles_router.get("", response_model=CountedPage[RolePublic], responses=responses(*LIST_ERRORS))
def list_roles(
    access: MemberAccess,
    session: ReadSession,
    cursors: Cursors,
    lang: Language,
    sector: SectorFilter = [],  # noqa: B006
    include_retired: bool = False,
    limit: LimitQuery = 100,
    cursor: CursorQuery = None,
) -> CountedPage[RolePublic]:
    """The roles this network uses, by sector, in the language asked for (English when a
    text is missing): the shipped catalogue with this network's wording, and its own roles."""
    items, next_cursor, total = service.list_roles(
        session,
        access.network_id,
        language=lang,
        sectors=sector,
        include_retired=include_retired,
        codec=cursors,
        limit=limit,
        cursor=cursor,
    )
    return CountedPage(items=items, next_cursor=next_cursor, total=total)


@roles_router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=RolePublic,
    dependencies=[Depends(declare_idempotency_key)],
    responses=responses(
        *CREATE_ERRORS,
        extra={
            201: {
                "description": "Created",
                "headers": ETAG_HEADER,
                "links": {"GetRole": link_to("roles-get_role", role_id="$response.body#/id")},
            }
        },
    ),
)
def create_role(
    access: EditorAccess,
    session: WriteSession,
    data: RoleCreate,
    lang: Language,
    response: Response,
) -> RolePublic:
    """Add a role of this network's own (coordinators)."""
    role = service.create_role(session, access, data, lang)
    set_etag(response, role.version)
    response.headers["Location"] = f"/api/v1/networks/{access.network.slug}/roles/{role.id}"
    return role


@roles_router.get(
    "/{role_id}",
    response_model=RolePublic,
    responses=responses(*READ_ERRORS, extra={200: {"headers": ETAG_HEADER}}),
)
def get_role(
    access: MemberAccess,
    session: ReadSession,
    role_id: uuid.UUID,
    lang: Language,
    response: Response,
) -> RolePublic:
    role = service.get_role(session, access.network_id, role_id, lang)
    set_etag(response, role.version)
    return role


@roles_router.patch(
    "/{role_id}",
    response_model=RolePublic,
    responses=responses(*UPDATE_ERRORS, extra={200: {"headers": ETAG_HEADER}}),
)
def update_role(
    access: EditorAccess,
    session: WriteSession,
    role_id: uuid.UUID,
    data: RoleUpdate,
    lang: Language,
    response: Response,
    if_match: IfMatch = None,
) -> RolePublic:
    """Reword a role for this network (by language) or retire it (coordinators). The
    shipped wording stays, so a catalogue upgrade never overwrites yours."""
    role = service.update_role(session, access, role_id, data, if_match, lang)
    set_etag(response, role.version)
    return role


_COMMITMENT_LINKS = {
    "GetCommitment": link_to("commitments-get_commitment", commitment_id="$response.body#/id"),
    "UpdateCommitment": link_to(
        "commitments-update_commitment",
        commitment_id="$response.body#/id",
        **{"header.If-Match": "$response.header.ETag"},
    ),
}


@commitments_router.get(
    "", response_model=CountedPage[CommitmentPublic], responses=responses(*LIST_ERRORS)
)
def list_commitments(
    access: MemberAccess,
    session: ReadSession,
    cursors: Cursors,
    partner_id: uuid.UUID | None = None,
    role_id: uuid.UUID | None = None,
    status: Annotated[list[CommitmentStatus], Query(max_length=3)] = [],  # noqa: B006
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
) -> CountedPage[CommitmentPublic]:
    """Partners' commitments to roles (filter by partner for a partner's page)."""
    items, next_cursor, total = service.list_commitments(
        session,
        access.network_id,
        partner_id=partner_id,
        role_id=role_id,
        statuses=status,
        codec=cursors,
        limit=limit,
        cursor=cursor,
    )
    return CountedPage(items=items, next_cursor=next_cursor, total=total)


@commitments_router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=CommitmentPublic,
    dependencies=[Depends(declare_idempotency_key)],
    responses=responses(
        *CREATE_ERRORS,
        extra={201: {"description": "Created", "headers": ETAG_HEADER, "links": _COMMITMENT_LINKS}},
    ),
)
def create_commitment(
    access: EditorAccess, session: WriteSession, data: CommitmentCreate, response: Response
) -> CommitmentPublic:
    """A partner takes on a role (coordinators, and the partner's own editors). One per
    partner and role; a role of another sector is allowed and shown as cross-sector."""
    commitment = service.create_commitment(session, access, data)
    set_etag(response, commitment.version)
    response.headers["Location"] = (
        f"/api/v1/networks/{access.network.slug}/commitments/{commitment.id}"
    )
    return commitment


@commitments_router.get(
    "/{commitment_id}",
    response_model=CommitmentPublic,
    responses=responses(*READ_ERRORS, extra={200: {"headers": ETAG_HEADER}}),
)
def get_commitment(
    access: MemberAccess, session: ReadSession, commitment_id: uuid.UUID, response: Response
) -> CommitmentPublic:
    commitment = service.get_commitment(session, access.network_id, commitment_id)
    set_etag(response, commitment.version)
    return commitment


@commitments_router.patch(
    "/{commitment_id}",
    response_model=CommitmentPublic,
    responses=responses(*UPDATE_ERRORS, extra={200: {"headers": ETAG_HEADER}}),
)
def update_commitment(
    access: EditorAccess,
    session: WriteSession,
    commitment_id: uuid.UUID,
    data: CommitmentUpdate,
    response: Response,
    if_match: IfMatch = None,
) -> CommitmentPublic:
    commitment = service.update_commitment(session, access, commitment_id, data, if_match)
    set_etag(response, commitment.version)
    return commitment


@commitments_router.delete(
    "/{commitment_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=responses(*DELETE_ERRORS),
)
def delete_commitment(
    access: EditorAccess, session: WriteSession, commitment_id: uuid.UUID, if_match: IfMatch = None
) -> None:
    service.delete_commitment(session, access, commitment_id, if_match)


async def coverage_filters(
    sector: SectorFilter = [],  # noqa: B006
    area: Annotated[list[Annotated[str, Query(max_length=100)]], Query(max_length=20)] = [],  # noqa: B006
    as_of: Annotated[
        IsoDate | None, Query(description="The matrix as it stood at the end of this day.")
    ] = None,
) -> coverage.CoverageFilters:
    return coverage.CoverageFilters(sectors=sector, areas=area, as_of=as_of)


Filters = Annotated[coverage.CoverageFilters, Depends(coverage_filters)]


@coverage_router.get("", response_model=CoverageMatrix, responses=responses(*READ_ERRORS))
def coverage_matrix(
    access: MemberAccess, session: ReadSession, kept: Kept, filters: Filters, lang: Language
) -> CoverageMatrix:
    """Roles (rows, grouped by sector) by partners (columns) with each commitment's status,
    and how many roles are in place, in progress, planned or taken on by nobody."""
    return coverage.matrix(session, kept, access.network_id, access.revisions, filters, lang)


@coverage_router.get("/gaps", response_model=GapList, responses=responses(*READ_ERRORS))
def coverage_gaps(
    access: MemberAccess, session: ReadSession, filters: Filters, lang: Language
) -> GapList:
    """What is missing, each with why: roles not in place, roles whose only commitments in
    place are overdue for review, sectors with no active partner, active partners with no
    role."""
    return coverage.gaps(session, access.network_id, filters, lang)


csv_router = APIRouter(route_class=AccordRoute, prefix="/networks/{network}", tags=["coverage"])


@csv_router.get(
    "/coverage.csv",
    response_class=Response,
    responses=responses(
        *READ_ERRORS,
        extra={
            200: {"content": {"text/csv": {"schema": {"type": "string"}}}, "description": "CSV"}
        },
    ),
)
def coverage_csv(
    access: MemberAccess, session: ReadSession, kept: Kept, filters: Filters, lang: Language
) -> Response:
    """The matrix for a spreadsheet: UTF-8, a header row, one row per role."""
    matrix = coverage.matrix(session, kept, access.network_id, access.revisions, filters, lang)
    body = coverage.matrix_csv(matrix)
    day = (filters.as_of or date.today()).isoformat()
    filename = f"coverage-{access.network.slug}-{day}.csv"
    return Response(
        body,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
