"""HTTP for referrals: sending, the inboxes, moving a referral on, and batches for agency
systems. Statistics are in stats_routes (every member reads them, suppressed)."""

import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Response, status

from accord.core.concurrency import IfMatch, set_etag
from accord.core.deps import AccordRoute, Kept, ReadSession, WriteSession
from accord.core.idempotency import declare_idempotency_key
from accord.core.models import utcnow
from accord.core.openapi import (
    CREATE_ERRORS,
    ETAG_HEADER,
    LIST_ERRORS,
    READ_ERRORS,
    UPDATE_ERRORS,
    link_to,
    responses,
)
from accord.core.pagination import CursorQuery, Cursors, LimitQuery, Page
from accord.core.vocabulary import ReferralStatus, Urgency
from accord.networks.access import EditorAccess, MemberAccess
from accord.referrals import service, stats
from accord.referrals.models import (
    BatchAnswer,
    ReferralBatch,
    ReferralCreate,
    ReferralPublic,
    ReferralTransition,
    StatsAnswer,
    StatsGroupBy,
    StatsPeriod,
)

router = APIRouter(
    route_class=AccordRoute, prefix="/networks/{network}/referrals", tags=["referrals"]
)

_LINKS = {
    "GetReferral": link_to("referrals-get_referral", referral_id="$response.body#/id"),
    "MoveReferral": link_to(
        "referrals-move_referral",
        referral_id="$response.body#/id",
        **{"header.If-Match": "$response.header.ETag"},
    ),
}


@router.get("", response_model=Page[ReferralPublic], responses=responses(*LIST_ERRORS))
def list_referrals(
    access: MemberAccess,
    session: ReadSession,
    cursors: Cursors,
    direction: Annotated[
        Literal["sent", "received"] | None,
        Query(description="Only the referrals your partners sent, or only those they received."),
    ] = None,
    partner_id: Annotated[
        list[uuid.UUID],
        Query(max_length=50, description="Only these partners' referrals (sent or received)."),
    ] = [],  # noqa: B006
    status: Annotated[list[ReferralStatus], Query(max_length=7)] = [],  # noqa: B006
    urgency: Annotated[list[Urgency], Query(max_length=3)] = [],  # noqa: B006
    pathway_id: uuid.UUID | None = None,
    overdue: Annotated[
        bool | None, Query(description="Only those past (true) or within (false) their time.")
    ] = None,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
) -> Page[ReferralPublic]:
    """The inboxes, newest first. Partners' editors see the referrals their partners sent
    and received; coordinators every referral of the network, without the sender's
    reference; viewers see statistics only (403)."""
    items, next_cursor = service.list_referrals(
        session,
        access,
        service.ReferralFilters(
            direction=direction,
            partner_ids=partner_id,
            statuses=status,
            urgencies=urgency,
            pathway_id=pathway_id,
            overdue=overdue,
        ),
        codec=cursors,
        limit=limit,
        cursor=cursor,
    )
    return Page(items=items, next_cursor=next_cursor)


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=ReferralPublic,
    dependencies=[Depends(declare_idempotency_key)],
    responses=responses(
        *CREATE_ERRORS,
        extra={201: {"description": "Sent", "headers": ETAG_HEADER, "links": _LINKS}},
    ),
)
def send_referral(
    access: EditorAccess, session: WriteSession, data: ReferralCreate, response: Response
) -> ReferralPublic:
    """Send a referral (the sending partner's editors): along an active pathway, for some of
    its needs, with consent where it asks for it; or straight to a service (off-pathway,
    consent always). Codes only: nothing here may identify the survivor."""
    referral = service.create_referral(session, access, data)
    set_etag(response, referral.version)
    response.headers["Location"] = f"/api/v1/networks/{access.network.slug}/referrals/{referral.id}"
    return referral


@router.post(
    ":batch",
    response_model=BatchAnswer,
    dependencies=[Depends(declare_idempotency_key)],
    responses=responses(400, 401, 403, 404, 409, 413, 422),
)
def run_batch(access: EditorAccess, session: WriteSession, batch: ReferralBatch) -> BatchAnswer:
    """Up to 500 sends (`op: create`) and transitions (`op: transition`, with the version
    moved on from) in one call, for an agency's system. Each item answers on its own (the
    status it alone would have had, and its problem); one that fails changes nothing.
    Retry a whole batch safely with the same Idempotency-Key."""
    return service.run_batch(session, access, batch)


@router.get("/stats", response_model=StatsAnswer, responses=responses(*READ_ERRORS))
def referral_stats(
    access: MemberAccess,
    session: ReadSession,
    kept: Kept,
    group_by: StatsGroupBy = StatsGroupBy.to_partner,
    period: StatsPeriod = StatsPeriod.month,
    year: Annotated[
        int | None,
        Query(ge=2000, le=2100, description="A calendar year (UTC); this year if left out."),
    ] = None,
    partner_id: Annotated[
        uuid.UUID | None,
        Query(description="Your partner's own referrals, exact (its editors only)."),
    ] = None,
) -> StatsAnswer:
    """Counts by status, acceptance rate, and median and 90th percentile minutes to receive
    and to accept, by calendar month, quarter or year and by receiving partner, pathway or
    need — for every member, with counts below the network's threshold suppressed (a flag,
    never a number) and every count rounded to a multiple of 5; a national network's answer
    consolidates its sub-networks' (each one group). A partner's editors read its own
    figures exactly with `partner_id`."""
    return stats.referral_stats(
        session,
        kept,
        access,
        stats.StatsQuery(
            group_by=group_by,
            period=period,
            year=year if year is not None else utcnow().year,
            partner_id=partner_id,
        ),
    )


@router.get(
    "/{referral_id}",
    response_model=ReferralPublic,
    responses=responses(*READ_ERRORS, extra={200: {"headers": ETAG_HEADER}}),
)
def get_referral(
    access: MemberAccess, session: ReadSession, referral_id: uuid.UUID, response: Response
) -> ReferralPublic:
    referral = service.get_visible(session, access, referral_id)
    set_etag(response, referral.version)
    return service.describe(session, access, referral)


@router.patch(
    "/{referral_id}",
    response_model=ReferralPublic,
    responses=responses(*UPDATE_ERRORS, extra={200: {"headers": ETAG_HEADER}}),
)
def move_referral(
    access: EditorAccess,
    session: WriteSession,
    referral_id: uuid.UUID,
    data: ReferralTransition,
    response: Response,
    if_match: IfMatch = None,
) -> ReferralPublic:
    """Move the referral on: the receiving partner's editors mark it received, accepted,
    declined (with a reason; referred onward names the next service, and the next referral
    is sent there) or completed; the sending partner's editors revoke it before completion.
    Any other step answers 409."""
    referral = service.transition(session, access, referral_id, data, if_match)
    set_etag(response, referral.version)
    return referral
