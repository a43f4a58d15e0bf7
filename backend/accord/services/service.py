"""Services, their locations and capacity. Who may see a confidential address is decided
here, in one place: coordinators and the owning partner's editors, nobody else."""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from enum import IntEnum
from typing import Any

from sqlalchemy import bindparam, case, exists, func, or_, select, type_coerce
from sqlmodel import Session, col

from accord.areas import service as areas
from accord.audit import service as audit
from accord.core import i18n
from accord.core.concurrency import require_current_version
from accord.core.database import fetch_rows, lock
from accord.core.errors import Conflict, FieldError, InvalidInput, NotFound
from accord.core.fields import canonical_language_tag
from accord.core.labels import LabelStore
from accord.core.models import UTCDateTime, utcnow
from accord.core.pagination import (
    CursorCodec,
    SortColumn,
    count_of,
    page_of,
    paginate,
    parse_datetime,
    parse_uuid,
)
from accord.core.search import matches_folded
from accord.core.vocabulary import CapacityStatus, Population, ServiceStatus, ServiceType
from accord.networks.access import NetworkAccess
from accord.partners import service as partners
from accord.partners.models import Partner
from accord.pathways.models import Pathway
from accord.services.models import (
    BOARD_TYPES,
    BoardEntry,
    CapacityCreate,
    CapacityPost,
    CapacityPublic,
    LocationCreate,
    LocationPublic,
    LocationUpdate,
    PostedCapacity,
    RoomNow,
    Service,
    ServiceCreate,
    ServiceLabel,
    ServiceLocation,
    ServicePublic,
    ServiceUpdate,
)

LABELS = LabelStore(
    ServiceLabel,
    "service_id",
    {"populations": "population", "languages": "language", "areas": "area"},
)
_COLUMN_FIELDS = (
    "type",
    "name",
    "description",
    "status",
    "entry_point",
    "age_min",
    "age_max",
    "genders",
    "open_24_7",
    "opening_hours",
    "wheelchair_access",
    "sign_language",
    "interpreters",
    "free_of_charge",
    "female_staff",
    "front_door_phone",
    "front_door_email",
)


@dataclass
class ServiceFilters:
    types: list[ServiceType] = field(default_factory=list)
    statuses: list[ServiceStatus] = field(default_factory=list)
    partner_id: uuid.UUID | None = None
    populations: list[Population] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    areas: list[str] = field(default_factory=list)
    open_24_7: bool | None = None
    wheelchair_access: bool | None = None
    q: str | None = None
    # As read now: `unknown` is no post within the maximum age; the others, the last post's.
    capacity: list[CapacityStatus] = field(default_factory=list)


def can_see_confidential(access: NetworkAccess, partner_id: uuid.UUID) -> bool:
    """Confidential addresses: coordinators and the owning partner's own editors only."""
    return access.can_edit_partner(partner_id)


# --- capacity -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LatestPost:
    """A service's last capacity post, as the route finder and service pages read it."""

    status: str
    beds_free: int | None
    posted_at: datetime
    beds_total: int | None = None


def capacity_view(
    post: LatestPost | CapacityPost | None, max_age_hours: int, now: datetime
) -> CapacityPublic:
    """The last post, or `unknown` when there is none or it is older than `max_age_hours`:
    an old "3 beds free" must never be read as today's."""
    if post is None:
        return CapacityPublic(
            status=CapacityStatus.unknown,
            beds_free=None,
            beds_total=None,
            posted_at=None,
            age_minutes=None,
            fresh=False,
            max_age_hours=max_age_hours,
        )
    age = now - post.posted_at
    fresh = age <= timedelta(hours=max_age_hours)
    return CapacityPublic(
        status=CapacityStatus(post.status) if fresh else CapacityStatus.unknown,
        beds_free=post.beds_free if fresh else None,
        beds_total=post.beds_total,
        posted_at=post.posted_at,
        age_minutes=max(0, int(age.total_seconds() // 60)),
        fresh=fresh,
        max_age_hours=max_age_hours,
    )


_posts = CapacityPost.__table__  # type: ignore[attr-defined]
_last_post = (
    select(_posts.c.service_id, func.max(_posts.c.posted_at).label("at"))
    .where(_posts.c.service_id.in_(bindparam("services", expanding=True)))
    .group_by(_posts.c.service_id)
    .subquery()
)
# Built once: every route-finder question asks it for the services its routes end at.
_LATEST_POSTS = select(
    _posts.c.service_id,
    _posts.c.status,
    _posts.c.beds_free,
    _posts.c.posted_at,
    _posts.c.beds_total,
).join(
    _last_post,
    (_posts.c.service_id == _last_post.c.service_id) & (_posts.c.posted_at == _last_post.c.at),
)


def latest_capacity(
    session: Session, service_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, LatestPost]:
    if not service_ids:
        return {}
    rows = fetch_rows(session, _LATEST_POSTS, {"services": list(service_ids)})
    return {
        row.service_id: LatestPost(row.status, row.beds_free, row.posted_at, row.beds_total)
        for row in rows
    }


class Room(IntEnum):
    """Who can take someone now, best first: the route finder and the beds-tonight board
    both order by it (known room, then unknown or too old, then waitlist, then full)."""

    beds_free = 0  # accepting, with beds free
    accepting = 1  # accepting, beds not counted
    unknown = 2  # nothing posted, or the last post is too old to trust
    waitlist = 3
    full = 4


def room_now(capacity: CapacityPublic) -> Room:
    if capacity.status == CapacityStatus.accepting:
        return Room.beds_free if capacity.beds_free else Room.accepting
    if capacity.status == CapacityStatus.waitlist:
        return Room.waitlist
    if capacity.status == CapacityStatus.full:
        return Room.full
    return Room.unknown


# --- reading --------------------------------------------------------------------------------


def _public_many(
    session: Session, access: NetworkAccess, services: Sequence[Service], max_age_hours: int
) -> list[ServicePublic]:
    ids = [s.id for s in services]
    labels = LABELS.read(session, ids)
    capacity = latest_capacity(session, ids)
    partners = {
        row.id: row
        for row in session.execute(
            select(col(Partner.id), col(Partner.name), col(Partner.sector)).where(
                col(Partner.id).in_({s.partner_id for s in services})
            )
        )
    }
    locations: dict[uuid.UUID, list[ServiceLocation]] = {i: [] for i in ids}
    if ids:
        for location in session.scalars(
            select(ServiceLocation)
            .where(col(ServiceLocation.service_id).in_(ids))
            .order_by(col(ServiceLocation.name), col(ServiceLocation.id))
        ):
            locations[location.service_id].append(location)
    now = utcnow()
    result = []
    for service in services:
        allowed = can_see_confidential(access, service.partner_id)
        here = locations[service.id]
        fields: dict[str, Any] = {name: getattr(service, name) for name in _COLUMN_FIELDS}
        fields.update(labels[service.id])
        result.append(
            ServicePublic(
                id=service.id,
                partner_id=service.partner_id,
                partner_name=partners[service.partner_id].name,
                partner_sector=partners[service.partner_id].sector,
                **fields,
                locations=[
                    LocationPublic.model_validate(location, from_attributes=True)
                    for location in here
                    if allowed or not location.confidential
                ],
                has_confidential_location=any(location.confidential for location in here),
                capacity=capacity_view(capacity.get(service.id), max_age_hours, now),
                version=service.version,
                created_at=service.created_at,
                updated_at=service.updated_at,
            )
        )
    return result


def _capacity_is(statuses: Sequence[CapacityStatus], fresh_since: datetime) -> Any:
    """Services whose capacity, as read now, is one of `statuses` (see `capacity_view`)."""
    later = CapacityPost.__table__.alias("later")  # type: ignore[attr-defined]
    conditions = []
    if CapacityStatus.unknown in statuses:
        conditions.append(
            ~exists().where(
                col(CapacityPost.service_id) == col(Service.id),
                col(CapacityPost.posted_at) >= fresh_since,
            )
        )
    posted = [s for s in statuses if s != CapacityStatus.unknown]
    if posted:
        conditions.append(
            exists().where(
                col(CapacityPost.service_id) == col(Service.id),
                col(CapacityPost.posted_at) >= fresh_since,
                col(CapacityPost.status).in_(posted),
                ~exists().where(
                    later.c.service_id == col(CapacityPost.service_id),
                    later.c.posted_at > col(CapacityPost.posted_at),
                ),
            )
        )
    return or_(*conditions)


def _filtered(
    network_id: uuid.UUID,
    filters: ServiceFilters,
    fresh_since: datetime | None = None,
    *,
    counting: bool = False,
) -> Any:
    """Services of the network matching the filters (`counting`: for a count of every
    match, not a page; see LabelStore.any_of)."""
    statement = select(Service).where(col(Service.network_id) == network_id)
    if filters.capacity and fresh_since is not None:
        statement = statement.where(_capacity_is(filters.capacity, fresh_since))
    if filters.types:
        statement = statement.where(col(Service.type).in_(filters.types))
    if filters.statuses:
        statement = statement.where(col(Service.status).in_(filters.statuses))
    if filters.partner_id:
        statement = statement.where(col(Service.partner_id) == filters.partner_id)
    if filters.open_24_7 is not None:
        statement = statement.where(col(Service.open_24_7) == filters.open_24_7)
    if filters.wheelchair_access is not None:
        statement = statement.where(col(Service.wheelchair_access) == filters.wheelchair_access)
    for name, values in (
        ("populations", filters.populations),
        ("languages", [canonical_language_tag(tag) for tag in filters.languages]),
        ("areas", filters.areas),
    ):
        if values:
            statement = statement.where(LABELS.any_of(Service.id, name, values, counting=counting))
    if filters.q and filters.q.strip():
        statement = statement.where(matches_folded(filters.q, col(Service.search_text)))
    return statement


_SORT = [
    SortColumn(col(Service.sort_name)),
    SortColumn(col(Service.name)),
    SortColumn(col(Service.id), parse=parse_uuid),
]


def list_services(
    session: Session,
    access: NetworkAccess,
    filters: ServiceFilters,
    *,
    max_age_hours: int,
    codec: CursorCodec,
    limit: int,
    cursor: str | None,
) -> tuple[list[ServicePublic], str | None, int]:
    """A page of services, the next cursor, and how many match the filters."""
    cursors = codec.for_list("services", network=access.network_id, filters=filters)
    if filters.areas:
        # A region also finds the services of its districts (the gazetteer).
        filters = replace(
            filters, areas=areas.with_sub_areas(session, access.network_id, filters.areas)
        )
    fresh_since = utcnow() - timedelta(hours=max_age_hours)
    matching = _filtered(access.network_id, filters, fresh_since)
    total = count_of(
        session,
        _filtered(access.network_id, filters, fresh_since, counting=True).with_only_columns(
            col(Service.id)
        ),
    )
    statement = paginate(
        matching,
        cursors=cursors,
        columns=_SORT,
        limit=limit,
        cursor=cursor,
        select_keys=True,
    )
    rows = session.execute(statement).all()
    page, next_cursor = page_of(rows, cursors=cursors, limit=limit, key=lambda row: row[1:])
    services = _public_many(session, access, [row[0] for row in page], max_age_hours)
    return services, next_cursor, total


def get_service(
    session: Session, network_id: uuid.UUID, service_id: uuid.UUID, *, for_update: bool = False
) -> Service:
    service = lock(session, Service, service_id) if for_update else session.get(Service, service_id)
    if service is None or service.network_id != network_id:
        raise NotFound("No service with this id in this network.")
    return service


def service_named_by(
    session: Session, network_id: uuid.UUID, service_id: uuid.UUID, field: str, detail: str
) -> Service:
    """The service a request's `field` names; 404 saying `detail`, on that field, if it is
    not one of this network's (a pathway's ends, a referral's)."""
    try:
        return get_service(session, network_id, service_id)
    except NotFound as exc:
        raise NotFound(
            detail, errors=[FieldError(field=field, message="no such service in this network")]
        ) from exc


def describe(
    session: Session, access: NetworkAccess, service: Service, max_age_hours: int
) -> ServicePublic:
    return _public_many(session, access, [service], max_age_hours)[0]


# --- writing --------------------------------------------------------------------------------


def _check_ages(age_min: int | None, age_max: int | None) -> None:
    if age_min is not None and age_max is not None and age_min > age_max:
        # 409 rather than 422: each value is valid alone; together they contradict each other.
        raise Conflict.on_field("body.age_max", "The upper age must not be below the lower one.")


def _snapshot(service: Service, labels: dict[str, list[str]]) -> dict[str, Any]:
    return {name: getattr(service, name) for name in _COLUMN_FIELDS} | labels


def _stored(name: str, value: Any) -> Any:
    if name == "opening_hours":
        return [{"day": str(h["day"]), "opens": h["opens"], "closes": h["closes"]} for h in value]
    if name == "genders":
        return [str(g) for g in value]
    if name == "front_door_email" and value is not None:
        return str(value).lower()
    return value


def create_service(
    session: Session, access: NetworkAccess, data: ServiceCreate, max_age_hours: int
) -> ServicePublic:
    partner = partners.get_partner(session, access.network_id, data.partner_id)
    access.ensure_can_edit_partner(partner.id)
    _check_ages(data.age_min, data.age_max)
    values = data.model_dump(mode="json")
    service = Service(
        network_id=access.network_id,
        partner_id=partner.id,
        **{name: _stored(name, values[name]) for name in _COLUMN_FIELDS},
    )
    session.add(service)
    session.flush()
    labels = {name: [str(v) for v in values[name]] for name in LABELS.fields}
    for name, items in labels.items():
        LABELS.add(session, service.id, name, items)
    audit.record(
        session,
        actor_id=access.user.id,
        network_id=access.network_id,
        action="service.create",
        object_type="service",
        object_id=service.id,
        after={"partner_id": partner.id, **_snapshot(service, labels)},
    )
    session.flush()
    return describe(session, access, service, max_age_hours)


def update_service(
    session: Session,
    access: NetworkAccess,
    service_id: uuid.UUID,
    data: ServiceUpdate,
    if_match: str | None,
    max_age_hours: int,
) -> ServicePublic:
    service = get_service(session, access.network_id, service_id, for_update=True)
    access.ensure_can_edit_partner(service.partner_id)
    require_current_version(if_match, service.version)
    changes = data.model_dump(mode="json", exclude_unset=True)
    _check_ages(changes.get("age_min", service.age_min), changes.get("age_max", service.age_max))
    labels = LABELS.read(session, [service.id])[service.id]
    before = _snapshot(service, labels)
    for name in _COLUMN_FIELDS:
        if name in changes:
            setattr(service, name, _stored(name, changes[name]))
    for name in LABELS.fields:
        if name in changes and changes[name] != labels[name]:
            LABELS.write(session, service.id, name, changes[name])
            labels[name] = list(changes[name])
    after = _snapshot(service, labels)
    audit.record_update(
        session,
        service,
        actor_id=access.user.id,
        network_id=access.network_id,
        action="service.update",
        object_type="service",
        before=before,
        after=after,
    )
    return describe(session, access, service, max_age_hours)


def delete_service(
    session: Session, access: NetworkAccess, service_id: uuid.UUID, if_match: str | None
) -> None:
    service = get_service(session, access.network_id, service_id, for_update=True)
    access.ensure_can_edit_partner(service.partner_id)
    require_current_version(if_match, service.version)
    # Pathways are agreements between two partners: they are never removed as a side
    # effect (the database would cascade), only one by one, each audited.
    pathways = session.scalar(
        select(func.count())
        .select_from(Pathway)
        .where(
            or_(
                col(Pathway.from_service_id) == service.id, col(Pathway.to_service_id) == service.id
            )
        )
    )
    if pathways:
        raise Conflict(
            f"This service is part of {pathways} referral pathway(s). Remove or re-point them "
            "first, or keep the service and set its status to defunct."
        )
    labels = LABELS.read(session, [service.id])[service.id]
    audit.record(
        session,
        actor_id=access.user.id,
        network_id=access.network_id,
        action="service.delete",
        object_type="service",
        object_id=service.id,
        before=_snapshot(service, labels),
    )
    session.delete(service)


# --- locations ------------------------------------------------------------------------------

_LOCATION_FIELDS = ("name", "address", "area", "confidential")


def _visible_location(
    session: Session,
    access: NetworkAccess,
    service_id: uuid.UUID,
    location_id: uuid.UUID,
    *,
    for_update: bool = False,
) -> tuple[Service, ServiceLocation]:
    service = get_service(session, access.network_id, service_id)
    location = (
        lock(session, ServiceLocation, location_id)
        if for_update
        else session.get(ServiceLocation, location_id)
    )
    hidden = (
        location is not None
        and location.confidential
        and not can_see_confidential(access, service.partner_id)
    )
    if location is None or location.service_id != service.id or hidden:
        # A confidential location does not exist for those who may not see it.
        raise NotFound("No location with this id for this service.")
    return service, location


def list_locations(
    session: Session, access: NetworkAccess, service_id: uuid.UUID
) -> list[LocationPublic]:
    service = get_service(session, access.network_id, service_id)
    allowed = can_see_confidential(access, service.partner_id)
    locations = session.scalars(
        select(ServiceLocation)
        .where(col(ServiceLocation.service_id) == service.id)
        .order_by(col(ServiceLocation.name), col(ServiceLocation.id))
    ).all()
    return [
        LocationPublic.model_validate(location, from_attributes=True)
        for location in locations
        if allowed or not location.confidential
    ]


def get_location(
    session: Session, access: NetworkAccess, service_id: uuid.UUID, location_id: uuid.UUID
) -> LocationPublic:
    _service, location = _visible_location(session, access, service_id, location_id)
    return LocationPublic.model_validate(location, from_attributes=True)


def create_location(
    session: Session, access: NetworkAccess, service_id: uuid.UUID, data: LocationCreate
) -> LocationPublic:
    service = get_service(session, access.network_id, service_id)
    access.ensure_can_edit_partner(service.partner_id)
    location = ServiceLocation(service_id=service.id, **data.model_dump())
    session.add(location)
    session.flush()
    audit.record(
        session,
        actor_id=access.user.id,
        network_id=access.network_id,
        action="location.create",
        object_type="location",
        object_id=location.id,
        after={"service_id": service.id, **{n: getattr(location, n) for n in _LOCATION_FIELDS}},
    )
    return LocationPublic.model_validate(location, from_attributes=True)


def update_location(
    session: Session,
    access: NetworkAccess,
    service_id: uuid.UUID,
    location_id: uuid.UUID,
    data: LocationUpdate,
    if_match: str | None,
) -> LocationPublic:
    service, location = _visible_location(session, access, service_id, location_id, for_update=True)
    access.ensure_can_edit_partner(service.partner_id)
    require_current_version(if_match, location.version)
    before = {n: getattr(location, n) for n in _LOCATION_FIELDS}
    for name, value in data.model_dump(exclude_unset=True).items():
        setattr(location, name, value)
    after = {n: getattr(location, n) for n in _LOCATION_FIELDS}
    audit.record_update(
        session,
        location,
        actor_id=access.user.id,
        network_id=access.network_id,
        action="location.update",
        object_type="location",
        before=before,
        after=after,
    )
    return LocationPublic.model_validate(location, from_attributes=True)


def delete_location(
    session: Session,
    access: NetworkAccess,
    service_id: uuid.UUID,
    location_id: uuid.UUID,
    if_match: str | None,
) -> None:
    service, location = _visible_location(session, access, service_id, location_id, for_update=True)
    access.ensure_can_edit_partner(service.partner_id)
    require_current_version(if_match, location.version)
    audit.record(
        session,
        actor_id=access.user.id,
        network_id=access.network_id,
        action="location.delete",
        object_type="location",
        object_id=location.id,
        before={"service_id": service.id, **{n: getattr(location, n) for n in _LOCATION_FIELDS}},
    )
    session.delete(location)


# --- capacity -------------------------------------------------------------------------------


def current_capacity(
    session: Session, network_id: uuid.UUID, service_id: uuid.UUID, max_age_hours: int
) -> CapacityPublic:
    service = get_service(session, network_id, service_id)
    post = latest_capacity(session, [service.id]).get(service.id)
    return capacity_view(post, max_age_hours, utcnow())


def capacity_contradiction(
    status: PostedCapacity, beds_free: int | None, beds_total: int | None, lang: str
) -> str | None:
    """Why a post contradicts itself, in `lang`, or None: a referral must never be sent to
    "accepting" with no bed, or away from "full" with beds free."""
    if status == PostedCapacity.accepting and beds_free == 0:
        return i18n.message("capacity.accepting_without_beds", lang)
    if status == PostedCapacity.full and beds_free:
        return i18n.message("capacity.full_with_beds", lang, free=beds_free)
    if beds_free is not None and beds_total is not None and beds_free > beds_total:
        return i18n.message("capacity.free_above_total", lang, free=beds_free, total=beds_total)
    return None


def post_capacity(
    session: Session,
    access: NetworkAccess,
    service_id: uuid.UUID,
    data: CapacityCreate,
    max_age_hours: int,
    lang: str = i18n.DEFAULT,
) -> CapacityPublic:
    service = get_service(session, access.network_id, service_id)
    access.ensure_can_edit_partner(service.partner_id)
    beds_total = data.beds_total
    if beds_total is None and "beds_total" not in data.model_fields_set:
        last = latest_capacity(session, [service.id]).get(service.id)
        beds_total = last.beds_total if last else None
    refused = capacity_contradiction(data.status, data.beds_free, beds_total, lang)
    if refused:
        raise InvalidInput.on("body.beds_free", refused)
    post = CapacityPost(
        service_id=service.id,
        status=CapacityStatus(data.status.value),
        beds_free=data.beds_free,
        beds_total=beds_total,
        posted_by=access.user.id,
        posted_at=utcnow(),
    )
    session.add(post)
    session.flush()
    audit.record(
        session,
        actor_id=access.user.id,
        network_id=access.network_id,
        action="capacity.post",
        object_type="service",
        object_id=service.id,
        after={"status": post.status, "beds_free": post.beds_free, "beds_total": beds_total},
    )
    return capacity_view(post, max_age_hours, utcnow())


# --- the beds-tonight board -----------------------------------------------------------------

_board_last = (
    select(_posts.c.service_id, func.max(_posts.c.posted_at).label("at"))
    .join(Service, col(Service.id) == _posts.c.service_id)
    .where(col(Service.network_id) == bindparam("network"))
    .where(col(Service.type).in_(BOARD_TYPES))
    .group_by(_posts.c.service_id)
    .subquery()
)
_board_post = (
    select(
        _posts.c.service_id,
        _posts.c.status,
        _posts.c.beds_free,
        _posts.c.beds_total,
        _posts.c.posted_at,
    )
    .join(
        _board_last,
        (_posts.c.service_id == _board_last.c.service_id)
        & (_posts.c.posted_at == _board_last.c.at),
    )
    .subquery()
)
_NEVER = datetime(1970, 1, 1, tzinfo=UTC)


def _room_rank(stale_before: datetime) -> Any:
    """Room (above) in SQL, so the board is ordered and paged by the database."""
    fresh = _board_post.c.posted_at >= stale_before
    return case(
        (
            fresh & (_board_post.c.status == CapacityStatus.accepting.value),
            case((_board_post.c.beds_free > 0, Room.beds_free.value), else_=Room.accepting.value),
        ),
        (fresh & (_board_post.c.status == CapacityStatus.waitlist.value), Room.waitlist.value),
        (fresh & (_board_post.c.status == CapacityStatus.full.value), Room.full.value),
        else_=Room.unknown.value,
    )


@dataclass
class BoardFilters:
    types: list[ServiceType] = field(default_factory=list)
    areas: list[str] = field(default_factory=list)


def capacity_board(
    session: Session,
    network_id: uuid.UUID,
    filters: BoardFilters,
    *,
    max_age_hours: int,
    codec: CursorCodec,
    limit: int,
    cursor: str | None,
) -> tuple[list[BoardEntry], str | None]:
    """Every active shelter and crisis centre, who can take someone now first (beds free,
    accepting, unknown or too old, waitlist, full), then the freshest post, then by name."""
    now = utcnow()
    rank = _room_rank(now - timedelta(hours=max_age_hours)).label("room_rank")
    posted = type_coerce(func.coalesce(_board_post.c.posted_at, _NEVER), UTCDateTime)
    types = [t for t in BOARD_TYPES if not filters.types or t in filters.types]
    statement = (
        select(
            col(Service.id),
            col(Service.name),
            col(Service.type),
            col(Service.partner_id),
            col(Partner.name).label("partner_name"),
            col(Service.front_door_phone),
            col(Service.front_door_email),
            _board_post.c.status,
            _board_post.c.beds_free,
            _board_post.c.beds_total,
            _board_post.c.posted_at,
        )
        .join(Partner, col(Partner.id) == col(Service.partner_id))
        .outerjoin(_board_post, _board_post.c.service_id == col(Service.id))
        .where(col(Service.network_id) == network_id)
        .where(col(Service.type).in_(types))
        .where(col(Service.status) == ServiceStatus.active)
    )
    if filters.areas:
        # As on every area filter: a region also finds its districts' services (gazetteer).
        widened = areas.with_sub_areas(session, network_id, filters.areas)
        statement = statement.where(LABELS.any_of(Service.id, "areas", widened))
    columns = [
        SortColumn(rank),
        SortColumn(posted, descending=True, parse=parse_datetime),
        SortColumn(col(Service.sort_name)),
        SortColumn(col(Service.name)),
        SortColumn(col(Service.id), parse=parse_uuid),
    ]
    cursors = codec.for_list("capacity-board", network=network_id, filters=filters)
    statement = paginate(
        statement, cursors=cursors, columns=columns, limit=limit, cursor=cursor, select_keys=True
    )
    rows = fetch_rows(session, statement, {"network": network_id})
    page, next_cursor = page_of(rows, cursors=cursors, limit=limit, key=lambda row: row[-5:])
    labels = LABELS.read(session, [row.id for row in page])
    entries = []
    for row in page:
        post = (
            LatestPost(row.status, row.beds_free, row.posted_at, row.beds_total)
            if row.posted_at is not None
            else None
        )
        capacity = capacity_view(post, max_age_hours, now)
        entries.append(
            BoardEntry(
                service_id=row.id,
                name=row.name,
                type=ServiceType(row.type),
                partner_id=row.partner_id,
                partner_name=row.partner_name,
                areas=labels[row.id]["areas"],
                room=RoomNow(room_now(capacity).name),
                capacity=capacity,
                front_door_phone=row.front_door_phone,
                front_door_email=row.front_door_email,
                no_contact=not (row.front_door_phone or row.front_door_email),
            )
        )
    return entries, next_cursor
