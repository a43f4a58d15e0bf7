"""HTTP for the partner directory: parsing, status codes and headers only."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response, status

from accord.core.concurrency import IfMatch, IfNoneMatch, etag_for, set_etag
from accord.core.deps import AccordRoute, Kept, ReadSession, WriteSession
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
from accord.core.pagination import CountedPage, CursorQuery, Cursors, LimitQuery, Page
from accord.core.responses import model_response
from accord.core.vocabulary import Level, Population, Sector, Stage
from accord.networks.access import EditorAccess, MemberAccess
from accord.partners import service
from accord.partners.models import (
    AssessmentPublic,
    AssessmentUpdate,
    ContactCreate,
    ContactPublic,
    ContactUpdate,
    PartnerCreate,
    PartnerPublic,
    PartnerSort,
    PartnerUpdate,
    StageChangeCreate,
    StageChangePublic,
    StakeholderMap,
)

router = APIRouter(
    route_class=AccordRoute, prefix="/networks/{network}/partners", tags=["partners"]
)


async def partner_filters(
    sector: Annotated[list[Sector], Query(max_length=30, description="Any of these sectors.")] = [],  # noqa: B006
    level: Annotated[list[Level], Query(max_length=10)] = [],  # noqa: B006
    stage: Annotated[list[Stage], Query(max_length=10)] = [],  # noqa: B006
    population: Annotated[list[Population], Query(max_length=20)] = [],  # noqa: B006
    language: Annotated[
        list[Annotated[str, Query(max_length=35)]], Query(max_length=20, description="BCP 47 tags.")
    ] = [],  # noqa: B006
    area: Annotated[list[Annotated[str, Query(max_length=100)]], Query(max_length=20)] = [],  # noqa: B006
    tag: Annotated[list[Annotated[str, Query(max_length=50)]], Query(max_length=20)] = [],  # noqa: B006
    q: Annotated[
        str | None,
        Query(max_length=200, description="Text in the name, acronym or description."),
    ] = None,
) -> service.PartnerFilters:
    return service.PartnerFilters(
        sectors=sector,
        levels=level,
        stages=stage,
        populations=population,
        languages=language,
        areas=area,
        tags=tag,
        q=q,
    )


Filters = Annotated[service.PartnerFilters, Depends(partner_filters)]

_PARTNER_LINKS = {
    "GetPartner": link_to("partners-get_partner", partner_id="$response.body#/id"),
    "UpdatePartner": link_to(
        "partners-update_partner",
        partner_id="$response.body#/id",
        **{"header.If-Match": "$response.header.ETag"},
    ),
    "ListContacts": link_to("partners-list_contacts", partner_id="$response.body#/id"),
    "StageHistory": link_to("partners-stage_history", partner_id="$response.body#/id"),
}


@router.get(
    "",
    response_model=CountedPage[PartnerPublic],
    responses=responses(*LIST_ERRORS, extra={**NOT_MODIFIED, 200: {"headers": PAGE_ETAG_HEADER}}),
)
def list_partners(
    access: MemberAccess,
    session: ReadSession,
    kept: Kept,
    cursors: Cursors,
    filters: Filters,
    sort: PartnerSort = PartnerSort.name,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
    if_none_match: IfNoneMatch = None,
) -> Response:
    """The network's partners, filtered (repeat a filter to match any of its values).
    Send the page's ETag back in If-None-Match to get 304 while it has not changed."""
    page = service.partner_page(
        session, kept, access, filters, sort=sort, codec=cursors, limit=limit, cursor=cursor
    )
    return page.response(if_none_match)


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=PartnerPublic,
    dependencies=[Depends(declare_idempotency_key)],
    responses=responses(
        *CREATE_ERRORS,
        extra={201: {"description": "Created", "headers": ETAG_HEADER, "links": _PARTNER_LINKS}},
    ),
)
def create_partner(access: EditorAccess, session: WriteSession, data: PartnerCreate) -> Response:
    """Add an organisation to the directory (coordinators)."""
    partner = service.create_partner(session, access, data)
    location = f"/api/v1/networks/{access.network.slug}/partners/{partner.id}"
    headers = {"ETag": etag_for(partner.version), "Location": location}
    return model_response(partner, status.HTTP_201_CREATED, headers)


@router.get(
    "/stakeholder-map",
    response_model=StakeholderMap,
    responses=responses(*READ_ERRORS),
)
def stakeholder_map(access: MemberAccess, session: ReadSession, filters: Filters) -> StakeholderMap:
    """Every partner's influence and commitment, with sector and stage, for the map.
    Coordinators only, unless the network opens assessments to members (403)."""
    return service.stakeholder_map(session, access, filters)


@router.get(
    "/{partner_id}",
    response_model=PartnerPublic,
    responses=responses(*READ_ERRORS, extra={**NOT_MODIFIED, 200: {"headers": ETAG_HEADER}}),
)
def get_partner(
    access: MemberAccess,
    session: ReadSession,
    kept: Kept,
    partner_id: uuid.UUID,
    response: Response,
    if_none_match: IfNoneMatch = None,
) -> Response:
    record = service.partner_record(session, kept, access, partner_id)
    return record.response(if_none_match)


@router.patch(
    "/{partner_id}",
    response_model=PartnerPublic,
    responses=responses(*UPDATE_ERRORS, extra={200: {"headers": ETAG_HEADER}}),
)
def update_partner(
    access: EditorAccess,
    session: WriteSession,
    partner_id: uuid.UUID,
    data: PartnerUpdate,
    response: Response,
    if_match: IfMatch = None,
) -> PartnerPublic:
    """Change some fields (coordinators, and the partner's own editors)."""
    partner = service.update_partner(session, access, partner_id, data, if_match)
    set_etag(response, partner.version)
    return partner


@router.delete(
    "/{partner_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=responses(*DELETE_ERRORS),
)
def delete_partner(
    access: EditorAccess, session: WriteSession, partner_id: uuid.UUID, if_match: IfMatch = None
) -> None:
    """Remove a partner entered by mistake (coordinators). To record that an organisation
    left the partnership, move its stage to `withdrawn` instead."""
    service.delete_partner(session, access, partner_id, if_match)


@router.post(
    "/{partner_id}/stage",
    response_model=PartnerPublic,
    dependencies=[Depends(declare_idempotency_key)],
    responses=responses(*UPDATE_ERRORS, extra={200: {"headers": ETAG_HEADER}}),
)
def change_stage(
    access: EditorAccess,
    session: WriteSession,
    partner_id: uuid.UUID,
    data: StageChangeCreate,
    response: Response,
    if_match: IfMatch = None,
) -> PartnerPublic:
    """Move the engagement stage, with a note; the change is kept in the stage history.
    If-Match is optional here: send it to be sure nobody moved the stage meanwhile."""
    partner = service.change_stage(session, access, partner_id, data, if_match)
    set_etag(response, partner.version)
    return partner


@router.get(
    "/{partner_id}/stage-history",
    response_model=Page[StageChangePublic],
    responses=responses(*LIST_ERRORS),
)
def stage_history(
    access: MemberAccess,
    session: ReadSession,
    cursors: Cursors,
    partner_id: uuid.UUID,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
) -> Page[StageChangePublic]:
    """Every stage the partner went through, newest first."""
    items, next_cursor = service.stage_history(
        session, access.network_id, partner_id, codec=cursors, limit=limit, cursor=cursor
    )
    return Page(items=items, next_cursor=next_cursor)


@router.get(
    "/{partner_id}/assessment",
    response_model=AssessmentPublic,
    responses=responses(*READ_ERRORS, extra={200: {"headers": ETAG_HEADER}}),
)
def get_assessment(
    access: MemberAccess, session: ReadSession, partner_id: uuid.UUID, response: Response
) -> AssessmentPublic:
    """The stakeholder assessment. Coordinators only, unless the network opens
    assessments to members (`assessments_visible_to_members`): others get 403."""
    assessment = service.get_assessment(session, access, partner_id)
    set_etag(response, assessment.version)
    return assessment


@router.patch(
    "/{partner_id}/assessment",
    response_model=AssessmentPublic,
    responses=responses(*UPDATE_ERRORS, extra={200: {"headers": ETAG_HEADER}}),
)
def update_assessment(
    access: EditorAccess,
    session: WriteSession,
    partner_id: uuid.UUID,
    data: AssessmentUpdate,
    response: Response,
    if_match: IfMatch = None,
) -> AssessmentPublic:
    """Answer the stakeholder-analysis questions (coordinators). If-Match takes the
    assessment's own ETag, not the partner's."""
    assessment = service.update_assessment(session, access, partner_id, data, if_match)
    set_etag(response, assessment.version)
    return assessment


_CONTACT_LINKS = {
    "GetContact": link_to(
        "partners-get_contact",
        partner_id="$request.path.partner_id",
        contact_id="$response.body#/id",
    ),
    "UpdateContact": link_to(
        "partners-update_contact",
        partner_id="$request.path.partner_id",
        contact_id="$response.body#/id",
        **{"header.If-Match": "$response.header.ETag"},
    ),
}


@router.get(
    "/{partner_id}/contacts",
    response_model=CountedPage[ContactPublic],
    responses=responses(*LIST_ERRORS),
)
def list_contacts(
    access: MemberAccess,
    session: ReadSession,
    cursors: Cursors,
    partner_id: uuid.UUID,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
) -> CountedPage[ContactPublic]:
    """The partner's staff contacts (network members only)."""
    items, next_cursor, total = service.list_contacts(
        session, access.network_id, partner_id, codec=cursors, limit=limit, cursor=cursor
    )
    return CountedPage(items=items, next_cursor=next_cursor, total=total)


@router.post(
    "/{partner_id}/contacts",
    status_code=status.HTTP_201_CREATED,
    response_model=ContactPublic,
    dependencies=[Depends(declare_idempotency_key)],
    responses=responses(
        *CREATE_ERRORS,
        extra={201: {"description": "Created", "headers": ETAG_HEADER, "links": _CONTACT_LINKS}},
    ),
)
def create_contact(
    access: EditorAccess,
    session: WriteSession,
    partner_id: uuid.UUID,
    data: ContactCreate,
    response: Response,
) -> ContactPublic:
    contact = service.create_contact(session, access, partner_id, data)
    set_etag(response, contact.version)
    response.headers["Location"] = (
        f"/api/v1/networks/{access.network.slug}/partners/{partner_id}/contacts/{contact.id}"
    )
    return contact


@router.get(
    "/{partner_id}/contacts/{contact_id}",
    response_model=ContactPublic,
    responses=responses(*READ_ERRORS, extra={200: {"headers": ETAG_HEADER}}),
)
def get_contact(
    access: MemberAccess,
    session: ReadSession,
    partner_id: uuid.UUID,
    contact_id: uuid.UUID,
    response: Response,
) -> ContactPublic:
    contact = service.get_contact(session, access.network_id, partner_id, contact_id)
    set_etag(response, contact.version)
    return ContactPublic.model_validate(contact, from_attributes=True)


@router.patch(
    "/{partner_id}/contacts/{contact_id}",
    response_model=ContactPublic,
    responses=responses(*UPDATE_ERRORS, extra={200: {"headers": ETAG_HEADER}}),
)
def update_contact(
    access: EditorAccess,
    session: WriteSession,
    partner_id: uuid.UUID,
    contact_id: uuid.UUID,
    data: ContactUpdate,
    response: Response,
    if_match: IfMatch = None,
) -> ContactPublic:
    contact = service.update_contact(session, access, partner_id, contact_id, data, if_match)
    set_etag(response, contact.version)
    return contact


@router.delete(
    "/{partner_id}/contacts/{contact_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=responses(*DELETE_ERRORS),
)
def delete_contact(
    access: EditorAccess,
    session: WriteSession,
    partner_id: uuid.UUID,
    contact_id: uuid.UUID,
    if_match: IfMatch = None,
) -> None:
    service.delete_contact(session, access, partner_id, contact_id, if_match)
