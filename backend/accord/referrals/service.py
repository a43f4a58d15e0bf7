"""Referrals: sending one, moving it through its lifecycle (referrals/lifecycle.py), who
sees which, and the expiry of referrals nobody received.

Who sees what: the editors of the sending and of the receiving partner see the referral
with the sender's reference; the network's coordinators see every referral without it;
viewers and other partners' editors see none (statistics only, referrals/stats.py). A
referral the caller may not see answers 404, as one of another network does."""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import or_, select, true
from sqlmodel import Session, col

from accord.audit import service as audit
from accord.core.concurrency import etag_for, require_current_version
from accord.core.database import fetch_rows, lock
from accord.core.errors import (
    PROBLEM_TYPE_PREFIX,
    AppError,
    Conflict,
    FieldError,
    Forbidden,
    InvalidInput,
    NotFound,
)
from accord.core.labels import LabelStore
from accord.core.models import utcnow
from accord.core.pagination import (
    CursorCodec,
    SortColumn,
    page_of,
    paginate,
    parse_datetime,
    parse_uuid,
)
from accord.core.vocabulary import (
    DeclineReason,
    MembershipRole,
    Need,
    PathwayStatus,
    ReferralStatus,
    ServiceStatus,
    Urgency,
)
from accord.networks.access import NetworkAccess
from accord.networks.models import Network
from accord.pathways import service as pathways
from accord.pathways.models import Pathway
from accord.referrals.lifecycle import (
    AWAITING_ANSWER,
    FHIR_STATUS,
    REACHED_AT,
    Side,
    side_for,
)
from accord.referrals.models import (
    BatchAnswer,
    BatchCreate,
    BatchProblem,
    BatchResult,
    Referral,
    ReferralBatch,
    ReferralCreate,
    ReferralEnd,
    ReferralNeed,
    ReferralPublic,
    ReferralTransition,
)
from accord.services import service as services
from accord.services.models import Service

NEEDS = LabelStore(ReferralNeed, "referral_id", {"needs": "need"})

# When a referral should be answered by, for one sent straight to a service or along a
# pathway that names no response time: by its urgency.
DEFAULT_RESPONSE_MINUTES: dict[Urgency, int] = {
    Urgency.immediate: 60,
    Urgency.same_day: 8 * 60,
    Urgency.routine: 3 * 24 * 60,
}


# --- who sees what -------------------------------------------------------------------------


def is_party(access: NetworkAccess, *partner_ids: uuid.UUID) -> bool:
    """The caller is an editor of one of these partners (a referral's sender or receiver)."""
    return (
        access.role == MembershipRole.partner_editor
        and not access.editable_partner_ids.isdisjoint(partner_ids)
    )


def ensure_may_list(access: NetworkAccess) -> None:
    if access.role not in (MembershipRole.coordinator, MembershipRole.partner_editor):
        raise Forbidden(
            "Referrals are seen by the partners that send and receive them and by the "
            "network's coordinators; every member can read their statistics."
        )


def _public(
    access: NetworkAccess, referral: Referral, needs: list[str], types: dict[uuid.UUID, Any]
) -> ReferralPublic:
    party = is_party(access, referral.from_partner_id, referral.to_partner_id)
    return ReferralPublic(
        id=referral.id,
        pathway_id=referral.pathway_id,
        off_pathway=referral.off_pathway,
        sender=ReferralEnd(
            service_id=referral.from_service_id,
            service_type=types[referral.from_service_id],
            partner_id=referral.from_partner_id,
        ),
        receiver=ReferralEnd(
            service_id=referral.to_service_id,
            service_type=types[referral.to_service_id],
            partner_id=referral.to_partner_id,
        ),
        needs=needs,  # type: ignore[arg-type]
        urgency=referral.urgency,
        consent_given=referral.consent_given,
        sender_reference=referral.sender_reference if party else None,
        status=referral.status,
        fhir_status=FHIR_STATUS[referral.status],  # type: ignore[arg-type]
        decline_reason=referral.decline_reason,
        previous_referral_id=referral.previous_referral_id,
        onward_referral_id=referral.onward_referral_id,
        sent_at=referral.sent_at,
        due_at=referral.due_at,
        expires_at=referral.expires_at,
        overdue=referral.status in AWAITING_ANSWER and referral.due_at < utcnow(),
        received_at=referral.received_at,
        accepted_at=referral.accepted_at,
        declined_at=referral.declined_at,
        completed_at=referral.completed_at,
        revoked_at=referral.revoked_at,
        expired_at=referral.expired_at,
        version=referral.version,
        updated_at=referral.updated_at,
    )


def _service_types(session: Session, referrals: Sequence[Referral]) -> dict[uuid.UUID, Any]:
    ids = {r.from_service_id for r in referrals} | {r.to_service_id for r in referrals}
    if not ids:
        return {}
    rows = fetch_rows(
        session, select(col(Service.id), col(Service.type)).where(col(Service.id).in_(ids))
    )
    return {row[0]: row[1] for row in rows}


def describe_many(
    session: Session, access: NetworkAccess, referrals: Sequence[Referral]
) -> list[ReferralPublic]:
    needs = NEEDS.read(session, [r.id for r in referrals])
    types = _service_types(session, referrals)
    return [_public(access, r, needs[r.id]["needs"], types) for r in referrals]


def describe(session: Session, access: NetworkAccess, referral: Referral) -> ReferralPublic:
    return describe_many(session, access, [referral])[0]


def get_visible(
    session: Session, access: NetworkAccess, referral_id: uuid.UUID, *, for_update: bool = False
) -> Referral:
    """The referral, if the caller may see it; 404 otherwise (as for another network's)."""
    referral = (
        lock(session, Referral, referral_id) if for_update else session.get(Referral, referral_id)
    )
    if (
        referral is None
        or referral.network_id != access.network_id
        or not (
            access.is_coordinator
            or is_party(access, referral.from_partner_id, referral.to_partner_id)
        )
    ):
        raise NotFound("No referral with this id in this network that you may see.")
    return referral


# --- listing -------------------------------------------------------------------------------


@dataclass
class ReferralFilters:
    direction: str | None = None  # "sent" | "received": by the caller's partners
    partner_ids: list[uuid.UUID] = field(default_factory=list)
    statuses: list[ReferralStatus] = field(default_factory=list)
    urgencies: list[Urgency] = field(default_factory=list)
    pathway_id: uuid.UUID | None = None
    overdue: bool | None = None


_SORT = [
    SortColumn(col(Referral.sent_at), descending=True, parse=parse_datetime),
    SortColumn(col(Referral.id), descending=True, parse=parse_uuid),
]


def list_referrals(
    session: Session,
    access: NetworkAccess,
    filters: ReferralFilters,
    *,
    codec: CursorCodec,
    limit: int,
    cursor: str | None,
) -> tuple[list[ReferralPublic], str | None]:
    """Newest first. Editors see their partners' referrals (`direction`: only those they
    sent, or only those they received); coordinators every referral of the network."""
    ensure_may_list(access)
    cursors = codec.for_list(
        "referrals", network=access.network_id, filters=filters, audience=access.audience
    )
    statement: Any = select(Referral).where(col(Referral.network_id) == access.network_id)
    partners = None if access.is_coordinator else sorted(access.editable_partner_ids)
    if filters.partner_ids:
        asked = sorted(set(filters.partner_ids))
        if partners is not None:
            # Of the partners asked for, those the caller edits: another's are not seen.
            asked = [p for p in asked if p in access.editable_partner_ids]
            if not asked:
                return [], None
        partners = asked
    statement = statement.where(_by_direction(filters.direction, partners))
    if filters.statuses:
        statement = statement.where(col(Referral.status).in_(filters.statuses))
    if filters.urgencies:
        statement = statement.where(col(Referral.urgency).in_(filters.urgencies))
    if filters.pathway_id is not None:
        statement = statement.where(col(Referral.pathway_id) == filters.pathway_id)
    if filters.overdue is not None:
        overdue = col(Referral.status).in_(AWAITING_ANSWER) & (col(Referral.due_at) < utcnow())
        statement = statement.where(overdue if filters.overdue else ~overdue)
    rows = session.scalars(
        paginate(statement, cursors=cursors, columns=_SORT, limit=limit, cursor=cursor)
    ).all()
    page, next_cursor = page_of(rows, cursors=cursors, limit=limit, key=lambda r: (r.sent_at, r.id))
    return describe_many(session, access, page), next_cursor


def _by_direction(direction: str | None, partners: list[uuid.UUID] | None) -> Any:
    """The referrals `partners` sent, received, or either (`direction` None); None: every
    partner's (a coordinator's view)."""
    if partners is None:
        return true()
    sent = col(Referral.from_partner_id).in_(partners)
    received = col(Referral.to_partner_id).in_(partners)
    return {"sent": sent, "received": received}.get(direction or "", or_(sent, received))


# --- sending -------------------------------------------------------------------------------


def _network(session: Session, network_id: uuid.UUID) -> Network:
    network = session.get(Network, network_id)
    assert network is not None  # the access dependency found it
    return network


def _service(session: Session, access: NetworkAccess, service_id: uuid.UUID, where: str) -> Service:
    return services.service_named_by(
        session, access.network_id, service_id, where, "No such service in this network."
    )


def _ends(
    session: Session, access: NetworkAccess, data: ReferralCreate
) -> tuple[Pathway | None, Service, Service]:
    if data.pathway_id is None:
        # ReferralCreate's own check: without a pathway, both services are named.
        assert data.from_service_id is not None and data.to_service_id is not None
        source, target = _both_ends(
            session,
            access,
            (data.from_service_id, "body.from_service_id"),
            (data.to_service_id, "body.to_service_id"),
        )
        if source.id == target.id:
            raise Conflict.on_field(
                "body.to_service_id", "A service cannot refer someone to itself."
            )
        return None, source, target
    try:
        pathway = pathways.get_pathway(session, access.network_id, data.pathway_id)
    except NotFound as exc:
        raise NotFound(
            "No such pathway in this network.",
            errors=[FieldError(field="body.pathway_id", message="no such pathway in this network")],
        ) from exc
    for name, given, own in (
        ("from_service_id", data.from_service_id, pathway.from_service_id),
        ("to_service_id", data.to_service_id, pathway.to_service_id),
    ):
        if given is not None and given != own:
            raise Conflict.on_field(f"body.{name}", "This is not the pathway's own service.")
    if pathway.status != PathwayStatus.active:
        raise Conflict.on_field(
            "body.pathway_id",
            f"This pathway is {pathway.status}: referrals go along active pathways only.",
        )
    source, target = _both_ends(
        session,
        access,
        (pathway.from_service_id, "body.pathway_id"),
        (pathway.to_service_id, "body.pathway_id"),
    )
    return pathway, source, target


def _both_ends(
    session: Session,
    access: NetworkAccess,
    source: tuple[uuid.UUID, str],
    target: tuple[uuid.UUID, str],
) -> tuple[Service, Service]:
    """The two services (each with the field that names it), read in one statement; one
    missing or another network's is refused on its field, as `_service` says it."""
    ids = (source[0], target[0])
    found = {s.id: s for s in session.scalars(select(Service).where(col(Service.id).in_(ids)))}

    def end(service_id: uuid.UUID, field: str) -> Service:
        service = found.get(service_id)
        if service is not None and service.network_id == access.network_id:
            return service
        return _service(session, access, service_id, field)  # raises NotFound

    return end(*source), end(*target)


def create_referral(
    session: Session,
    access: NetworkAccess,
    data: ReferralCreate,
    *,
    previous: Referral | None = None,
) -> ReferralPublic:
    """Send a referral (editors of the sending partner). Along a pathway its needs must be
    among the pathway's, and consent given where the pathway asks for it; straight to a
    service (off-pathway) consent is always required."""
    pathway, source, target = _ends(session, access, data)
    if not is_party(access, source.partner_id):
        raise Forbidden("Only the sending partner's own editors can send its referrals.")
    if target.status != ServiceStatus.active:
        raise Conflict.on_field(
            "body.to_service_id" if pathway is None else "body.pathway_id",
            f"The receiving service is {target.status}: it takes no referrals.",
        )
    needs = [str(n) for n in data.needs]
    minutes: int | None = None
    if pathway is not None:
        offered = set(pathways.NEEDS.read(session, [pathway.id])[pathway.id]["needs"])
        outside = [n for n in needs if n not in offered]
        if outside:
            raise InvalidInput(
                "This pathway is not for " + ", ".join(outside) + ".",
                errors=[
                    FieldError(
                        field="body.needs",
                        message="not among the pathway's needs: " + ", ".join(outside),
                    )
                ],
            )
        minutes = pathway.expected_response_minutes
    consent_required = pathway is None or pathway.consent_required
    if consent_required and not data.consent_given:
        raise InvalidInput(
            "This referral needs the survivor's informed consent: ask for it first.",
            errors=[FieldError(field="body.consent_given", message="consent is required")],
        )
    minutes = minutes or DEFAULT_RESPONSE_MINUTES[data.urgency]
    network = _network(session, access.network_id)
    now = utcnow()
    referral = Referral(
        network_id=access.network_id,
        pathway_id=pathway.id if pathway else None,
        off_pathway=pathway is None,
        from_service_id=source.id,
        to_service_id=target.id,
        from_partner_id=source.partner_id,
        to_partner_id=target.partner_id,
        urgency=data.urgency,
        consent_given=data.consent_given,
        sender_reference=data.sender_reference,
        previous_referral_id=previous.id if previous else None,
        sent_at=now,
        due_at=now + timedelta(minutes=minutes),
        expires_at=now + timedelta(minutes=minutes * network.referral_expiry_factor),
        updated_at=now,
    )
    session.add(referral)
    session.flush()
    NEEDS.add(session, referral.id, "needs", needs)
    audit.record(
        session,
        actor_id=access.user.id,
        network_id=access.network_id,
        action="referral.send",
        object_type="referral",
        object_id=referral.id,
        after=_snapshot(referral, needs),
    )
    session.flush()
    # Its needs and its services' types are known here: not read back.
    return _public(access, referral, needs, {source.id: source.type, target.id: target.type})


def _snapshot(referral: Referral, needs: list[str] | None = None) -> dict[str, Any]:
    """What the audit log keeps: codes and times, never the sender's reference (the log is
    read by coordinators, who do not see it)."""
    values: dict[str, Any] = {
        "status": referral.status,
        "decline_reason": referral.decline_reason,
        "onward_referral_id": referral.onward_referral_id,
    }
    if needs is not None:
        values |= {
            "pathway_id": referral.pathway_id,
            "from_service_id": referral.from_service_id,
            "to_service_id": referral.to_service_id,
            "urgency": referral.urgency,
            "consent_given": referral.consent_given,
            "needs": needs,
            "previous_referral_id": referral.previous_referral_id,
        }
    return values


# --- moving it on --------------------------------------------------------------------------


class IllegalTransition(Conflict):
    slug, title = "illegal-transition", "This referral cannot move to that status"


def transition(
    session: Session,
    access: NetworkAccess,
    referral_id: uuid.UUID,
    data: ReferralTransition,
    if_match: str | None,
) -> ReferralPublic:
    referral = get_visible(session, access, referral_id, for_update=True)
    require_current_version(if_match, referral.version)
    _expire_if_due(session, referral, utcnow())
    return describe(session, access, _move(session, access, referral, data))


def _move(
    session: Session, access: NetworkAccess, referral: Referral, data: ReferralTransition
) -> Referral:
    target = ReferralStatus(data.status)
    side = side_for(ReferralStatus(referral.status), target)
    if side is None:
        raise IllegalTransition(
            f"A {referral.status} referral cannot become {target}.",
            errors=[FieldError(field="body.status", message=f"not allowed from {referral.status}")],
        )
    partner = referral.from_partner_id if side is Side.sender else referral.to_partner_id
    if side is Side.system or not is_party(access, partner):
        who = "sending" if side is Side.sender else "receiving"
        raise Forbidden(f"Only the {who} partner's own editors can make this referral {target}.")
    if target == ReferralStatus.declined:
        if data.decline_reason is None:
            raise InvalidInput(
                "Say why it is declined.",
                errors=[FieldError(field="body.decline_reason", message="required when declining")],
            )
        onward_given = data.onward_service_id is not None
        if (data.decline_reason == DeclineReason.referred_onward) != onward_given:
            raise InvalidInput(
                "Referred onward names the onward service; other reasons name none.",
                errors=[
                    FieldError(
                        field="body.onward_service_id",
                        message="required for referred_onward, refused otherwise",
                    )
                ],
            )
    elif data.decline_reason is not None or data.onward_service_id is not None:
        raise InvalidInput(
            "A reason and an onward service belong to declining only.",
            errors=[FieldError(field="body.decline_reason", message="only when declining")],
        )
    before = _snapshot(referral)
    now = utcnow()
    referral.status = target
    setattr(referral, REACHED_AT[target], now)
    minutes = int((now - referral.sent_at).total_seconds() // 60)
    if target == ReferralStatus.received:
        referral.minutes_to_receive = minutes
    elif target == ReferralStatus.accepted:
        referral.minutes_to_accept = minutes
    elif target == ReferralStatus.declined:
        referral.decline_reason = data.decline_reason
        if data.onward_service_id is not None:
            referral.onward_referral_id = _refer_onward(
                session, access, referral, data.onward_service_id
            )
    referral.version += 1
    referral.updated_at = now
    audit.record(
        session,
        actor_id=access.user.id,
        network_id=access.network_id,
        action=f"referral.{target}",
        object_type="referral",
        object_id=referral.id,
        before=before,
        after=_snapshot(referral),
    )
    session.flush()
    return referral


def _refer_onward(
    session: Session, access: NetworkAccess, referral: Referral, onward_service_id: uuid.UUID
) -> uuid.UUID:
    """The next referral, from the declining service to the onward one: along their active
    pathway if they have one, else off-pathway; the same needs, urgency and consent."""
    onward = _service(session, access, onward_service_id, "body.onward_service_id")
    pathway_id = session.scalars(
        select(col(Pathway.id)).where(
            col(Pathway.from_service_id) == referral.to_service_id,
            col(Pathway.to_service_id) == onward.id,
            col(Pathway.status) == PathwayStatus.active,
        )
    ).first()
    needs = NEEDS.read(session, [referral.id])[referral.id]["needs"]
    if pathway_id is not None:
        offered = set(pathways.NEEDS.read(session, [pathway_id])[pathway_id]["needs"])
        if not set(needs) <= offered:
            pathway_id = None  # the pathway is for other needs: this one goes off-pathway
    try:
        created = create_referral(
            session,
            access,
            ReferralCreate(
                pathway_id=pathway_id,
                from_service_id=referral.to_service_id,
                to_service_id=onward.id,
                needs=[Need(n) for n in needs],
                urgency=referral.urgency,
                consent_given=referral.consent_given,
            ),
            previous=referral,
        )
    except (Conflict, InvalidInput, Forbidden) as exc:
        # Said about the onward service, where the person asking can act on it.
        raise type(exc)(
            exc.detail,
            errors=[FieldError(field="body.onward_service_id", message=str(exc))],
        ) from exc
    return created.id


# --- expiry --------------------------------------------------------------------------------


def _expire_if_due(session: Session, referral: Referral, now: datetime) -> None:
    if referral.status == ReferralStatus.sent and referral.expires_at <= now:
        _expire(session, [referral], now)


def _expire(session: Session, referrals: Sequence[Referral], now: datetime) -> None:
    for referral in referrals:
        before = _snapshot(referral)
        referral.status = ReferralStatus.expired
        referral.expired_at = referral.expires_at
        referral.version += 1
        referral.updated_at = now
        audit.record(
            session,
            actor_id=None,
            network_id=referral.network_id,
            action="referral.expired",
            object_type="referral",
            object_id=referral.id,
            before=before,
            after=_snapshot(referral),
        )
    session.flush()


EXPIRY_BATCH = 500


def expire_due(session: Session, now: datetime | None = None) -> int:
    """Expire every referral nobody received in time, in every network; how many. Run by the
    app every minute (main.py) and by `python -m accord expire-referrals`; a transition of
    a referral past its time expires it first, so the answer never depends on the sweep."""
    now = now or utcnow()
    due = session.scalars(
        select(Referral)
        .where(col(Referral.status) == ReferralStatus.sent, col(Referral.expires_at) <= now)
        .order_by(col(Referral.expires_at))
        .limit(EXPIRY_BATCH)
        .with_for_update(skip_locked=True)
    ).all()
    _expire(session, due, now)
    return len(due)


# --- batch ---------------------------------------------------------------------------------


def run_batch(session: Session, access: NetworkAccess, batch: ReferralBatch) -> BatchAnswer:
    """Up to MAX_BATCH sends and transitions in one call, each in its own savepoint: an item
    that fails leaves nothing behind and answers what it alone would have answered; the
    others go through."""
    results: list[BatchResult] = []
    for index, item in enumerate(batch.items):
        try:
            with session.begin_nested():
                if isinstance(item, BatchCreate):
                    data = ReferralCreate.model_validate(item.model_dump(exclude={"op"}))
                    referral = create_referral(session, access, data)
                    status = 201
                else:
                    moved = get_visible(session, access, item.referral_id, for_update=True)
                    require_current_version(etag_for(item.version), moved.version)
                    _expire_if_due(session, moved, utcnow())
                    step = ReferralTransition.model_validate(
                        item.model_dump(include={"status", "decline_reason", "onward_service_id"})
                    )
                    referral = describe(session, access, _move(session, access, moved, step))
                    status = 200
            results.append(BatchResult(index=index, status=status, referral=referral, problem=None))
        except AppError as error:
            results.append(
                BatchResult(
                    index=index, status=error.status, referral=None, problem=_problem(error)
                )
            )
    succeeded = sum(1 for r in results if r.referral is not None)
    return BatchAnswer(results=results, succeeded=succeeded, failed=len(results) - succeeded)


def _problem(error: AppError) -> BatchProblem:
    return BatchProblem(
        type=PROBLEM_TYPE_PREFIX + error.slug,
        title=error.title,
        status=error.status,
        detail=error.detail or error.title,
        fields=[e.field for e in error.errors or []],
    )
