"""Referral pathways: the agreed routes between services of one network."""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlmodel import Session, col

from accord.audit import service as audit
from accord.core.concurrency import require_current_version
from accord.core.database import lock
from accord.core.errors import Conflict, FieldError, NotFound
from accord.core.labels import LabelStore
from accord.core.pagination import (
    CursorCodec,
    SortColumn,
    page_of,
    paginate,
    parse_datetime,
    parse_uuid,
)
from accord.core.vocabulary import Need, PathwayStatus
from accord.networks.access import NetworkAccess
from accord.partners.models import Partner
from accord.pathways.models import (
    Pathway,
    PathwayCreate,
    PathwayNeed,
    PathwayPublic,
    PathwayUpdate,
    ServiceRef,
)
from accord.services import service as services
from accord.services.models import Service

NEEDS = LabelStore(PathwayNeed, "pathway_id", {"needs": "need"})
_FIELDS = (
    "consent_required",
    "mandatory_reporting_note",
    "expected_response_minutes",
    "channel",
    "protocol_reference",
    "status",
    "agreement_reference",
    "review_date",
)


@dataclass
class PathwayFilters:
    statuses: list[PathwayStatus] = field(default_factory=list)
    needs: list[Need] = field(default_factory=list)
    service_id: uuid.UUID | None = None
    partner_id: uuid.UUID | None = None


def service_refs(session: Session, service_ids: set[uuid.UUID]) -> dict[uuid.UUID, ServiceRef]:
    if not service_ids:
        return {}
    rows = session.execute(
        select(
            col(Service.id),
            col(Service.name),
            col(Service.type),
            col(Service.partner_id),
            col(Partner.name),
            col(Partner.sector),
        )
        .join(Partner, col(Partner.id) == col(Service.partner_id))
        .where(col(Service.id).in_(list(service_ids)))
    ).all()
    return {
        row[0]: ServiceRef(
            id=row[0],
            name=row[1],
            type=row[2],
            partner_id=row[3],
            partner_name=row[4],
            partner_sector=row[5],
        )
        for row in rows
    }


def _public_many(session: Session, pathways: Sequence[Pathway]) -> list[PathwayPublic]:
    refs = service_refs(
        session, {p.from_service_id for p in pathways} | {p.to_service_id for p in pathways}
    )
    needs = NEEDS.read(session, [p.id for p in pathways])
    today = date.today()
    return [
        PathwayPublic(
            id=p.id,
            from_service=refs[p.from_service_id],
            to_service=refs[p.to_service_id],
            needs=[Need(n) for n in needs[p.id]["needs"]],
            review_overdue=p.review_date is not None and p.review_date < today,
            version=p.version,
            created_at=p.created_at,
            updated_at=p.updated_at,
            **{name: getattr(p, name) for name in _FIELDS},
        )
        for p in pathways
    ]


_SORT = [
    SortColumn(col(Pathway.created_at), parse=parse_datetime),
    SortColumn(col(Pathway.id), parse=parse_uuid),
]


def list_pathways(
    session: Session,
    network_id: uuid.UUID,
    filters: PathwayFilters,
    *,
    codec: CursorCodec,
    limit: int,
    cursor: str | None,
) -> tuple[list[PathwayPublic], str | None]:
    cursors = codec.for_list("pathways", network=network_id, filters=filters)
    statement: Any = select(Pathway).where(col(Pathway.network_id) == network_id)
    if filters.statuses:
        statement = statement.where(col(Pathway.status).in_(filters.statuses))
    if filters.needs:
        statement = statement.where(NEEDS.any_of(Pathway.id, "needs", filters.needs))
    if filters.service_id:
        statement = statement.where(
            (col(Pathway.from_service_id) == filters.service_id)
            | (col(Pathway.to_service_id) == filters.service_id)
        )
    if filters.partner_id:
        of_partner = select(col(Service.id)).where(
            col(Service.network_id) == network_id, col(Service.partner_id) == filters.partner_id
        )
        statement = statement.where(
            col(Pathway.from_service_id).in_(of_partner)
            | col(Pathway.to_service_id).in_(of_partner)
        )
    rows = session.scalars(
        paginate(statement, cursors=cursors, columns=_SORT, limit=limit, cursor=cursor)
    ).all()
    page, next_cursor = page_of(
        rows, cursors=cursors, limit=limit, key=lambda p: (p.created_at, p.id)
    )
    return _public_many(session, page), next_cursor


def get_pathway(
    session: Session, network_id: uuid.UUID, pathway_id: uuid.UUID, *, for_update: bool = False
) -> Pathway:
    pathway = lock(session, Pathway, pathway_id) if for_update else session.get(Pathway, pathway_id)
    if pathway is None or pathway.network_id != network_id:
        raise NotFound("No pathway with this id in this network.")
    return pathway


def describe(session: Session, pathway: Pathway) -> PathwayPublic:
    return _public_many(session, [pathway])[0]


def _snapshot(pathway: Pathway, needs: list[str]) -> dict[str, Any]:
    return {name: getattr(pathway, name) for name in _FIELDS} | {"needs": needs}


def create_pathway(session: Session, access: NetworkAccess, data: PathwayCreate) -> PathwayPublic:
    source = _endpoint(session, access, data.from_service_id, "body.from_service_id")
    target = _endpoint(session, access, data.to_service_id, "body.to_service_id")
    # An agreed route binds the sending side: its coordinators or its partner's editors.
    access.ensure_can_edit_partner(source.partner_id)
    if source.id == target.id:
        raise Conflict.on_field(
            "body.to_service_id", "A pathway cannot lead back to the same service."
        )
    duplicate = session.scalars(
        select(col(Pathway.id)).where(
            col(Pathway.from_service_id) == source.id, col(Pathway.to_service_id) == target.id
        )
    ).first()
    if duplicate is not None:
        raise Conflict(
            "There is already a pathway between these two services; change its needs instead.",
            errors=[
                FieldError(
                    field="body.to_service_id",
                    message="A pathway from this service to that one exists already.",
                )
            ],
            # Where the existing pathway is, for a client to offer it instead.
            headers={"Location": f"/api/v1/networks/{access.network.slug}/pathways/{duplicate}"},
        )
    values = data.model_dump(exclude={"from_service_id", "to_service_id", "needs"})
    pathway = Pathway(
        network_id=access.network_id,
        from_service_id=source.id,
        to_service_id=target.id,
        **values,
    )
    session.add(pathway)
    session.flush()
    needs = [str(n) for n in data.needs]
    NEEDS.add(session, pathway.id, "needs", needs)
    audit.record(
        session,
        actor_id=access.user.id,
        network_id=access.network_id,
        action="pathway.create",
        object_type="pathway",
        object_id=pathway.id,
        after={"from": source.id, "to": target.id, **_snapshot(pathway, needs)},
    )
    session.flush()
    return describe(session, pathway)


def _endpoint(
    session: Session, access: NetworkAccess, service_id: uuid.UUID, field_name: str
) -> Service:
    return services.service_named_by(
        session,
        access.network_id,
        service_id,
        field_name,
        "Both ends of a pathway must be services of this network.",
    )


def update_pathway(
    session: Session,
    access: NetworkAccess,
    pathway_id: uuid.UUID,
    data: PathwayUpdate,
    if_match: str | None,
) -> PathwayPublic:
    pathway = get_pathway(session, access.network_id, pathway_id, for_update=True)
    source = services.get_service(session, access.network_id, pathway.from_service_id)
    access.ensure_can_edit_partner(source.partner_id)
    require_current_version(if_match, pathway.version)
    changes = data.model_dump(exclude_unset=True)
    needs = NEEDS.read(session, [pathway.id])[pathway.id]["needs"]
    before = _snapshot(pathway, needs)
    for name in _FIELDS:
        if name in changes:
            setattr(pathway, name, changes[name])
    if "needs" in changes:
        new_needs = [str(n) for n in changes["needs"]]
        if new_needs != needs:
            NEEDS.write(session, pathway.id, "needs", new_needs)
            needs = new_needs
    after = _snapshot(pathway, needs)
    audit.record_update(
        session,
        pathway,
        actor_id=access.user.id,
        network_id=access.network_id,
        action="pathway.update",
        object_type="pathway",
        before=before,
        after=after,
    )
    return describe(session, pathway)


def delete_pathway(
    session: Session, access: NetworkAccess, pathway_id: uuid.UUID, if_match: str | None
) -> None:
    pathway = get_pathway(session, access.network_id, pathway_id, for_update=True)
    source = services.get_service(session, access.network_id, pathway.from_service_id)
    access.ensure_can_edit_partner(source.partner_id)
    require_current_version(if_match, pathway.version)
    needs = NEEDS.read(session, [pathway.id])[pathway.id]["needs"]
    audit.record(
        session,
        actor_id=access.user.id,
        network_id=access.network_id,
        action="pathway.delete",
        object_type="pathway",
        object_id=pathway.id,
        before=_snapshot(pathway, needs),
    )
    session.delete(pathway)
