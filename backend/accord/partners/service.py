"""The partner directory's rules and queries. Knows nothing about HTTP."""

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from typing import Any

from sqlalchemy import Row, String, bindparam, case, func, select
from sqlmodel import Session, col

from accord.accounts.models import User
from accord.areas import service as areas
from accord.audit import service as audit
from accord.audit.models import AuditEvent
from accord.core.concurrency import etag_for, require_current_version
from accord.core.database import fetch_rows, insert_unless_taken, lock
from accord.core.errors import Conflict, Forbidden, NotFound
from accord.core.fields import canonical_language_tag, name_key
from accord.core.kept import KeptAnswers
from accord.core.labels import LabelStore
from accord.core.models import new_row, utcnow
from accord.core.pagination import (
    AnySelect,
    CursorCodec,
    SortColumn,
    count_of,
    count_statement,
    deferred_page_statement,
    page_of,
    page_parameters,
    paginate,
    parse_datetime,
    parse_uuid,
    total_of,
)
from accord.core.responses import RenderedJSON
from accord.core.search import folded_pattern, matches_folded, search_key, sort_key
from accord.core.vocabulary import STAGE_ORDER, Level, Population, Sector, Stage
from accord.networks.access import NetworkAccess
from accord.partners.models import (
    AssessmentPublic,
    AssessmentUpdate,
    Contact,
    ContactCreate,
    ContactPublic,
    ContactUpdate,
    LabelKind,
    Partner,
    PartnerCreate,
    PartnerLabel,
    PartnerPublic,
    PartnerSort,
    PartnerStageChange,
    PartnerUpdate,
    StageChangeCreate,
    StageChangePublic,
    StakeholderAssessment,
    StakeholderMap,
    StakeholderPoint,
)

# Partner fields that map one-to-one to columns, and the multi-valued ones kept as labels.
_COLUMN_FIELDS = ("name", "acronym", "description", "website", "sector", "level")
LABELS = LabelStore(
    PartnerLabel,
    "partner_id",
    {
        "populations": LabelKind.population,
        "languages": LabelKind.language,
        "areas": LabelKind.area,
        "tags": LabelKind.tag,
    },
    network="network_id",
)
_ASSESSMENT_FIELDS = (
    "trusted_by_survivors",
    "connected_respected",
    "influence",
    "commitment",
    "risks",
    "champion",
    "decision_authority",
)


@dataclass
class PartnerFilters:
    sectors: list[Sector] = field(default_factory=list)
    levels: list[Level] = field(default_factory=list)
    stages: list[Stage] = field(default_factory=list)
    populations: list[Population] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    areas: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    q: str | None = None

    def cache_key(self) -> tuple[object, ...]:
        return tuple(
            tuple(value) if isinstance(value, list) else value
            for value in (getattr(self, f.name) for f in fields(self))
        )


# --- reading -----------------------------------------------------------------------------


def _assessment_public(assessment: StakeholderAssessment) -> AssessmentPublic:
    return AssessmentPublic.model_validate(assessment, from_attributes=True)


# A partner's representation is read as plain rows, not ORM objects, and built as the dict
# PartnerPublic describes: the directory list and the partner page are the hot read paths.
_ASSESSMENT_PUBLIC = tuple(AssessmentPublic.model_fields)
_PARTNER_PUBLIC = tuple(
    name for name in PartnerPublic.model_fields if name not in ("assessment", *LABELS.fields)
)
_PUBLIC_COLUMNS = [
    *(getattr(Partner, name) for name in _PARTNER_PUBLIC),
    *(getattr(StakeholderAssessment, name).label(f"a_{name}") for name in _ASSESSMENT_PUBLIC),
    LABELS.aggregated(Partner.id).label("labels"),
]


def _public_select() -> AnySelect:
    return select(*_PUBLIC_COLUMNS).join(
        StakeholderAssessment,
        StakeholderAssessment.partner_id == Partner.id,  # type: ignore[arg-type]
    )


def _public_dict(
    partner: Mapping[Any, Any],
    assessment: Mapping[str, Any] | None,
    labels: dict[str, list[str]],
) -> dict[str, Any]:
    """`assessment` None: the caller may not see it (`may_see_assessments`)."""
    return {
        **{name: partner[name] for name in _PARTNER_PUBLIC},
        **labels,
        "assessment": (
            None if assessment is None else {name: assessment[name] for name in _ASSESSMENT_PUBLIC}
        ),
    }


def _public_dicts(rows: Sequence[Row[Any]], *, with_assessments: bool) -> list[dict[str, Any]]:
    """Rows of `_public_select` (by position: a page's rows carry its sort keys after them)
    as PartnerPublic dicts; read by name, the row mapping's lookups were a sixth of a
    page's cost."""
    result = []
    assessment_at, labels_at = len(_PARTNER_PUBLIC), len(_PARTNER_PUBLIC) + len(_ASSESSMENT_PUBLIC)
    for row in rows:
        item = dict(zip(_PARTNER_PUBLIC, row, strict=False))
        item.update(LABELS.parse(row[labels_at]))
        item["assessment"] = (
            dict(zip(_ASSESSMENT_PUBLIC, row[assessment_at:labels_at], strict=True))
            if with_assessments
            else None
        )
        result.append(item)
    return result


def ensure_may_see_assessments(access: NetworkAccess) -> None:
    if not access.may_see_assessments:
        raise Forbidden(
            "Only the network's coordinators can read stakeholder assessments here: the "
            "network has not opened them to members."
        )


def _attributes(record: Any) -> dict[str, Any]:
    return {column.key: getattr(record, column.key) for column in record.__table__.columns}


def read_partner(
    session: Session,
    network_id: uuid.UUID,
    partner_id: uuid.UUID,
    *,
    with_assessment: bool = True,
) -> dict[str, Any]:
    """The partner as PartnerPublic describes it; 404 if it is not in this network."""
    rows = fetch_rows(
        session,
        _public_select().where(
            Partner.id == partner_id,  # type: ignore[arg-type]
            Partner.network_id == network_id,  # type: ignore[arg-type]
        ),
    )
    if not rows:
        raise NotFound("No partner with this id in this network.")
    return _public_dicts(rows, with_assessments=with_assessment)[0]


def to_public(session: Session, access: NetworkAccess, partner: Partner) -> PartnerPublic:
    with_assessment = access.may_see_assessments
    return PartnerPublic.model_validate(
        read_partner(session, partner.network_id, partner.id, with_assessment=with_assessment)
    )


def _stage_rank() -> Any:
    return case({stage.value: rank for stage, rank in STAGE_ORDER.items()}, value=Partner.stage)


@lru_cache(maxsize=len(PartnerSort))
def _sort_columns(sort: PartnerSort) -> tuple[SortColumn, ...]:
    descending = sort.value.startswith("-")
    by_id = SortColumn(Partner.id, descending=descending, parse=parse_uuid)
    # Names sort as people read them: ignoring case first, then exactly (a stable order).
    by_name = (
        SortColumn(Partner.sort_name, descending=descending),
        SortColumn(Partner.name, descending=descending),
    )
    if sort in (PartnerSort.stage, PartnerSort.stage_desc):
        return (SortColumn(_stage_rank(), descending=descending, parse=int), *by_name, by_id)
    if sort in (PartnerSort.updated, PartnerSort.updated_desc):
        updated = SortColumn(Partner.updated_at, descending=descending, parse=parse_datetime)
        return (updated, by_id)
    return (*by_name, by_id)


def _with_sub_areas(
    session: Session, network_id: uuid.UUID, filters: PartnerFilters
) -> PartnerFilters:
    """An area filter on a region also finds the partners of its districts (gazetteer)."""
    if not filters.areas:
        return filters
    return replace(filters, areas=areas.with_sub_areas(session, network_id, filters.areas))


# The directory's filters are written once, with bound parameters: which filters are set
# (with the sort, and whether a page follows a cursor) is a list's shape, whose statements
# are built once per process (`_list_statements`); a request only supplies the values
# (`_filter_values`).
_FILTER_NAMES = tuple(f.name for f in fields(PartnerFilters))
_FILTER_COLUMNS: dict[str, Any] = {
    "sectors": Partner.sector,
    "levels": Partner.level,
    "stages": Partner.stage,
}


def _set_filters(filters: PartnerFilters) -> tuple[str, ...]:
    """The names of the filters that narrow the list (a blank search does not)."""
    return tuple(
        name
        for name in _FILTER_NAMES
        if ((filters.q or "").strip() if name == "q" else getattr(filters, name))
    )


def _filter_values(
    network_id: uuid.UUID, filters: PartnerFilters, set_filters: Iterable[str]
) -> dict[str, Any]:
    """The values of the bound parameters `_filtered(set_filters)` writes for `filters`."""
    values: dict[str, Any] = {"network_id": network_id}
    for name in set_filters:
        if name == "q":
            values[name] = folded_pattern(filters.q or "")
        elif name == "languages":
            values[name] = [canonical_language_tag(tag) for tag in filters.languages]
        else:
            values[name] = list(getattr(filters, name))
    return values


def _filtered(
    set_filters: Iterable[str],
    statement: AnySelect | None = None,
    *,
    counting: bool = False,
) -> AnySelect:
    """`statement` (by default, partners) narrowed to the network and to the filters named
    in `set_filters`, every value a bound parameter (`counting`: for a count of every
    match, not a page; see LabelStore.any_of)."""
    statement = select(Partner) if statement is None else statement
    network = bindparam("network_id", type_=Partner.__table__.c.network_id.type)  # type: ignore[attr-defined]
    statement = statement.where(Partner.network_id == network)  # type: ignore[arg-type]
    for name in set_filters:
        if name == "q":
            pattern = bindparam("q", type_=String())
            statement = statement.where(matches_folded(pattern, col(Partner.search_text)))
        elif (column := _FILTER_COLUMNS.get(name)) is not None:
            values = bindparam(name, expanding=True, type_=column.type)
            statement = statement.where(column.in_(values))
        else:
            values = bindparam(name, expanding=True, type_=String())
            statement = statement.where(LABELS.any_of(Partner.id, name, values, counting=counting))
    return statement


@lru_cache(maxsize=512)
def _list_statements(
    set_filters: tuple[str, ...], sort: PartnerSort, after_a_cursor: bool
) -> tuple[AnySelect, AnySelect]:
    """The count and the page of one shape of the directory's list (see `_filtered`)."""
    if len(set_filters) == 1 and set_filters[0] in LABELS.fields:
        # One label field alone (a region's areas): counted from the labels, which keep
        # their partner's network.
        (name,) = set_filters
        counted = LABELS.count_owners(
            name,
            bindparam(name, expanding=True, type_=String()),
            bindparam("network_id", type_=Partner.__table__.c.network_id.type),  # type: ignore[attr-defined]
        )
    else:
        counted = count_statement(_filtered(set_filters, select(col(Partner.id)), counting=True))
    page = deferred_page_statement(
        _filtered(set_filters, select(col(Partner.id))),
        _public_select(),
        Partner.id,
        _sort_columns(sort),
        after_a_cursor=after_a_cursor,
    )
    return counted, page


def list_partners(
    session: Session,
    network_id: uuid.UUID,
    filters: PartnerFilters,
    *,
    sort: PartnerSort,
    codec: CursorCodec,
    limit: int,
    cursor: str | None,
    with_assessments: bool = True,
) -> tuple[list[dict[str, Any]], str | None, int]:
    """A page of partners as PartnerPublic dicts, the next cursor, and how many match."""
    cursors = codec.for_list("partners", network=network_id, filters=filters, sort=sort)
    filters = _with_sub_areas(session, network_id, filters)
    set_filters = _set_filters(filters)
    counted, statement = _list_statements(set_filters, sort, bool(cursor))
    values = _filter_values(network_id, filters, set_filters)
    total = total_of(session, counted, values)
    window = page_parameters(cursors, _sort_columns(sort), limit=limit, cursor=cursor)
    rows = fetch_rows(session, statement, values | window)
    # The sort keys come after the partner's own columns.
    keys = len(_PUBLIC_COLUMNS)
    page, next_cursor = page_of(rows, cursors=cursors, limit=limit, key=lambda r: r[keys:])
    return _public_dicts(page, with_assessments=with_assessments), next_cursor, total


# The directory is read far more often than it changes: its pages and records are kept
# answers (core/kept.py), serialized once, until the directory part of the network's
# revision moves (a referral or a capacity post leaves them). Keyed by the audience (what
# the caller may see: whether it may read assessments, above all), so a viewer never gets a
# body built for a coordinator.


def partner_page(
    session: Session,
    kept: KeptAnswers,
    access: NetworkAccess,
    filters: PartnerFilters,
    *,
    sort: PartnerSort,
    codec: CursorCodec,
    limit: int,
    cursor: str | None,
) -> RenderedJSON:
    """A page of the directory as CountedPage[PartnerPublic] JSON, with an ETag of its content."""
    with_assessments = access.may_see_assessments

    def build() -> RenderedJSON:
        items, next_cursor, total = list_partners(
            session,
            access.network_id,
            filters,
            sort=sort,
            codec=codec,
            limit=limit,
            cursor=cursor,
            with_assessments=with_assessments,
        )
        return RenderedJSON.of({"items": items, "next_cursor": next_cursor, "total": total})

    key = (with_assessments, filters.cache_key(), sort, limit, cursor)
    return kept.get(
        "partner-pages", session, access.network_id, access.revisions, access.audience, key, build
    )


def partner_record(
    session: Session, kept: KeptAnswers, access: NetworkAccess, partner_id: uuid.UUID
) -> RenderedJSON:
    """The partner as PartnerPublic JSON, with its version as ETag; 404 if not here."""
    with_assessment = access.may_see_assessments

    def build() -> RenderedJSON:
        partner = read_partner(
            session, access.network_id, partner_id, with_assessment=with_assessment
        )
        return RenderedJSON.of(partner, etag=etag_for(partner["version"]))

    return kept.get(
        "partner-records",
        session,
        access.network_id,
        access.revisions,
        access.audience,
        (partner_id, with_assessment),
        build,
    )


def get_partner(
    session: Session, network_id: uuid.UUID, partner_id: uuid.UUID, *, for_update: bool = False
) -> Partner:
    """The partner, 404 if it is not in this network. `for_update` locks the row until the
    request's transaction ends, so a concurrent writer waits and then sees the new version."""
    partner = lock(session, Partner, partner_id) if for_update else session.get(Partner, partner_id)
    if partner is None or partner.network_id != network_id:
        raise NotFound("No partner with this id in this network.")
    return partner


def existing_partner_ids(
    session: Session, network_id: uuid.UUID, partner_ids: Iterable[uuid.UUID]
) -> set[uuid.UUID]:
    ids = list(partner_ids)
    if not ids:
        return set()
    return set(
        session.scalars(
            select(col(Partner.id)).where(
                Partner.network_id == network_id,  # type: ignore[arg-type]
                Partner.id.in_(ids),  # type: ignore[attr-defined]
            )
        )
    )


def count_partners(session: Session, network_id: uuid.UUID) -> int:
    return int(
        session.scalar(
            select(func.count()).select_from(Partner).where(Partner.network_id == network_id)  # type: ignore[arg-type]
        )
        or 0
    )


def stakeholder_map(
    session: Session, access: NetworkAccess, filters: PartnerFilters
) -> StakeholderMap:
    """Built from the assessments: readable by whoever may read those."""
    ensure_may_see_assessments(access)
    filters = _with_sub_areas(session, access.network_id, filters)
    set_filters = _set_filters(filters)
    partners = _filtered(set_filters).subquery()
    rows = session.execute(
        select(
            partners.c.id,
            partners.c.name,
            partners.c.acronym,
            partners.c.sector,
            partners.c.stage,
            col(StakeholderAssessment.influence),
            col(StakeholderAssessment.commitment),
            col(StakeholderAssessment.champion),
        )
        .join(StakeholderAssessment, StakeholderAssessment.partner_id == partners.c.id)  # type: ignore[arg-type]
        .order_by(partners.c.name),
        _filter_values(access.network_id, filters, set_filters),
    ).all()
    points: list[StakeholderPoint] = []
    unassessed: list[StakeholderPoint] = []
    for row in rows:
        point = StakeholderPoint(
            partner_id=row.id,
            name=row.name,
            acronym=row.acronym,
            sector=row.sector,
            stage=row.stage,
            influence=row.influence,
            commitment=row.commitment,
            champion=row.champion,
        )
        complete = point.influence is not None and point.commitment is not None
        (points if complete else unassessed).append(point)
    return StakeholderMap(points=points, unassessed=unassessed)


# --- writing -----------------------------------------------------------------------------


def _snapshot(partner: Partner | Mapping[str, Any], labels: dict[str, list[str]]) -> dict[str, Any]:
    """What the audit trail keeps of a partner: a record, or the row of a new one."""
    values = partner if isinstance(partner, Mapping) else _attributes(partner)
    return {name: values[name] for name in (*_COLUMN_FIELDS, "stage")} | labels


def _ensure_unique_name(
    session: Session, network_id: uuid.UUID, name: str, except_id: uuid.UUID | None = None
) -> None:
    statement = select(col(Partner.id)).where(
        Partner.network_id == network_id,  # type: ignore[arg-type]
        col(Partner.name_key) == name_key(name),
    )
    if except_id is not None:
        statement = statement.where(Partner.id != except_id)  # type: ignore[arg-type]
    if session.scalars(statement).first() is not None:
        raise _name_taken()


def _name_taken() -> Conflict:
    return Conflict.on_field("body.name", "A partner with this name is already in the network.")


_partners = Partner.__table__  # type: ignore[attr-defined]
_assessments = StakeholderAssessment.__table__  # type: ignore[attr-defined]
_stage_changes = PartnerStageChange.__table__  # type: ignore[attr-defined]
_labels = PartnerLabel.__table__  # type: ignore[attr-defined]
_audit_events = AuditEvent.__table__  # type: ignore[attr-defined]


def create_partner(session: Session, access: NetworkAccess, data: PartnerCreate) -> PartnerPublic:
    """Adding partners is the directory's busiest write (imports, integrations): the
    partner and everything that comes with it, its audit event included, are inserted as
    plain rows in one statement on PostgreSQL, none of them if the name is taken."""
    access.ensure_coordinator("add partners")
    now = utcnow()
    partner = new_row(
        Partner,
        network_id=access.network_id,
        name=data.name,
        sort_name=sort_key(data.name),
        name_key=name_key(data.name),
        search_text=search_key(data.name, data.acronym, data.description),
        acronym=data.acronym or None,
        description=data.description or None,
        website=str(data.website) if data.website else None,
        sector=data.sector,
        level=data.level,
        stage=data.stage,
        stage_changed_at=now,
        created_at=now,
        updated_at=now,
    )
    labels = {name: [str(v) for v in getattr(data, name)] for name in LABELS.fields}
    assessment = new_row(StakeholderAssessment, partner_id=partner["id"])
    first_stage = new_row(
        PartnerStageChange,
        partner_id=partner["id"],
        to_stage=data.stage,
        changed_by=access.user.id,
        changed_at=now,
    )
    event = audit.event_row(
        actor_id=access.user.id,
        network_id=access.network_id,
        action="partner.create",
        object_type="partner",
        object_id=partner["id"],
        after=_snapshot(partner, labels),
    )
    label_rows = [
        row
        for name in LABELS.fields
        for row in LABELS.rows(partner["id"], name, labels[name], network_id=access.network_id)
    ]
    comes_with_it = [
        (_assessments, [assessment]),
        (_stage_changes, [first_stage]),
        (_labels, label_rows),
        (_audit_events, [event]),
    ]
    if not insert_unless_taken(
        session, _partners, partner, unique=("network_id", "name_key"), dependents=comes_with_it
    ):
        raise _name_taken()
    # Everything the answer shows was just written: no need to read it back.
    return PartnerPublic.model_validate(_public_dict(partner, assessment, labels))


def update_partner(
    session: Session,
    access: NetworkAccess,
    partner_id: uuid.UUID,
    data: PartnerUpdate,
    if_match: str | None,
) -> PartnerPublic:
    partner = get_partner(session, access.network_id, partner_id, for_update=True)
    access.ensure_can_edit_partner(partner.id)
    require_current_version(if_match, partner.version)
    changes = data.model_dump(exclude_unset=True)
    labels = LABELS.read(session, [partner.id])[partner.id]
    before = _snapshot(partner, labels)
    if "name" in changes:
        _ensure_unique_name(session, access.network_id, changes["name"], except_id=partner.id)
    for name in _COLUMN_FIELDS:
        if name in changes:
            value = changes[name]
            if name == "website" and value is not None:
                value = str(data.website)
            setattr(partner, name, value if value != "" else None)
    for name in LABELS.fields:
        if name in changes:
            values = [str(v) for v in changes[name]]
            if values != labels[name]:
                LABELS.write(session, partner.id, name, values, network_id=partner.network_id)
                labels[name] = values
    after = _snapshot(partner, labels)
    audit.record_update(
        session,
        partner,
        actor_id=access.user.id,
        network_id=access.network_id,
        action="partner.update",
        object_type="partner",
        before=before,
        after=after,
    )
    return to_public(session, access, partner)


def delete_partner(
    session: Session, access: NetworkAccess, partner_id: uuid.UUID, if_match: str | None
) -> None:
    access.ensure_coordinator("remove partners")
    partner = get_partner(session, access.network_id, partner_id, for_update=True)
    require_current_version(if_match, partner.version)
    labels = LABELS.read(session, [partner.id])[partner.id]
    audit.record(
        session,
        actor_id=access.user.id,
        network_id=access.network_id,
        action="partner.delete",
        object_type="partner",
        object_id=partner.id,
        before=_snapshot(partner, labels),
    )
    session.delete(partner)


def change_stage(
    session: Session,
    access: NetworkAccess,
    partner_id: uuid.UUID,
    data: StageChangeCreate,
    if_match: str | None,
) -> PartnerPublic:
    partner = get_partner(session, access.network_id, partner_id, for_update=True)
    access.ensure_coordinator("move a partner's engagement stage")
    if if_match is not None:
        require_current_version(if_match, partner.version)
    if data.stage == partner.stage:
        raise Conflict.on_field("body.stage", "The partner is already at this stage.")
    now = utcnow()
    previous = partner.stage
    session.add(
        PartnerStageChange(
            partner_id=partner.id,
            from_stage=previous,
            to_stage=data.stage,
            note=data.note or None,
            changed_by=access.user.id,
            changed_at=now,
        )
    )
    partner.stage = data.stage
    partner.stage_changed_at = now
    partner.updated_at = now
    partner.version += 1
    session.add(partner)
    audit.record(
        session,
        actor_id=access.user.id,
        network_id=access.network_id,
        action="partner.stage_change",
        object_type="partner",
        object_id=partner.id,
        before={"stage": previous},
        after={"stage": data.stage, "note": data.note or None},
    )
    session.flush()
    return to_public(session, access, partner)


_HISTORY_SORT = [
    SortColumn(PartnerStageChange.changed_at, descending=True, parse=parse_datetime),
    SortColumn(PartnerStageChange.id, descending=True, parse=parse_uuid),
]


def stage_history(
    session: Session,
    network_id: uuid.UUID,
    partner_id: uuid.UUID,
    *,
    codec: CursorCodec,
    limit: int,
    cursor: str | None,
) -> tuple[list[StageChangePublic], str | None]:
    """Newest first."""
    partner = get_partner(session, network_id, partner_id)
    cursors = codec.for_list("stage_history", partner=partner.id)
    statement = (
        select(PartnerStageChange, col(User.full_name))
        .outerjoin(User, User.id == PartnerStageChange.changed_by)  # type: ignore[arg-type]
        .where(PartnerStageChange.partner_id == partner.id)  # type: ignore[arg-type]
    )
    rows = session.execute(
        paginate(statement, cursors=cursors, columns=_HISTORY_SORT, limit=limit, cursor=cursor)
    ).all()
    items, next_cursor = page_of(
        rows, cursors=cursors, limit=limit, key=lambda row: (row[0].changed_at, row[0].id)
    )
    return [
        StageChangePublic(
            id=change.id,
            from_stage=change.from_stage,
            to_stage=change.to_stage,
            note=change.note,
            changed_by=change.changed_by,
            changed_by_name=name,
            changed_at=change.changed_at,
        )
        for change, name in items
    ], next_cursor


def _assessment(
    session: Session, partner_id: uuid.UUID, *, for_update: bool = False
) -> StakeholderAssessment:
    assessment = (
        lock(session, StakeholderAssessment, partner_id)
        if for_update
        else session.get(StakeholderAssessment, partner_id)
    )
    if assessment is None:
        # Every partner gets one at creation. One missing (a row written outside Accord) reads
        # as a blank assessment; only a write (an update) stores it: reads never write.
        assessment = StakeholderAssessment(partner_id=partner_id)
        if for_update:
            session.add(assessment)
            session.flush()
    return assessment


def get_assessment(
    session: Session, access: NetworkAccess, partner_id: uuid.UUID
) -> AssessmentPublic:
    partner = get_partner(session, access.network_id, partner_id)
    ensure_may_see_assessments(access)
    return _assessment_public(_assessment(session, partner.id))


def update_assessment(
    session: Session,
    access: NetworkAccess,
    partner_id: uuid.UUID,
    data: AssessmentUpdate,
    if_match: str | None,
) -> AssessmentPublic:
    partner = get_partner(session, access.network_id, partner_id)
    access.ensure_coordinator("assess partners")
    assessment = _assessment(session, partner.id, for_update=True)
    require_current_version(if_match, assessment.version)
    lock(session, Partner, partner.id)
    changes = data.model_dump(exclude_unset=True)
    before = {name: getattr(assessment, name) for name in _ASSESSMENT_FIELDS}
    for name, value in changes.items():
        setattr(assessment, name, value if value != "" else None)
    after = {name: getattr(assessment, name) for name in _ASSESSMENT_FIELDS}
    if after != before:
        assessment.version += 1
        assessment.assessed_by = access.user.id
        assessment.assessed_at = utcnow()
        session.add(assessment)
        # The partner's representation embeds its assessment: its ETag must move too.
        partner.version += 1
        partner.updated_at = assessment.assessed_at
        session.add(partner)
        audit.record(
            session,
            actor_id=access.user.id,
            network_id=access.network_id,
            action="assessment.update",
            object_type="partner",
            object_id=partner.id,
            before=before,
            after=after,
        )
        session.flush()
    return _assessment_public(assessment)


# --- contacts ------------------------------------------------------------------------------

_CONTACT_FIELDS = ("name", "job_title", "email", "phone")

_CONTACT_SORT = [
    SortColumn(Contact.name),
    SortColumn(Contact.id, parse=parse_uuid),
]


def _contact_snapshot(contact: Contact) -> dict[str, Any]:
    return {name: getattr(contact, name) for name in _CONTACT_FIELDS}


def list_contacts(
    session: Session,
    network_id: uuid.UUID,
    partner_id: uuid.UUID,
    *,
    codec: CursorCodec,
    limit: int,
    cursor: str | None,
) -> tuple[list[ContactPublic], str | None, int]:
    """A page of the partner's contacts, the next cursor, and how many it has."""
    partner = get_partner(session, network_id, partner_id)
    cursors = codec.for_list("contacts", partner=partner.id)
    statement = select(Contact).where(Contact.partner_id == partner.id)  # type: ignore[arg-type]
    rows = session.scalars(
        paginate(statement, cursors=cursors, columns=_CONTACT_SORT, limit=limit, cursor=cursor)
    ).all()
    items, next_cursor = page_of(rows, cursors=cursors, limit=limit, key=lambda c: (c.name, c.id))
    total = count_of(session, statement)
    contacts = [ContactPublic.model_validate(c, from_attributes=True) for c in items]
    return contacts, next_cursor, total


def get_contact(
    session: Session,
    network_id: uuid.UUID,
    partner_id: uuid.UUID,
    contact_id: uuid.UUID,
    *,
    for_update: bool = False,
) -> Contact:
    partner = get_partner(session, network_id, partner_id)
    contact = lock(session, Contact, contact_id) if for_update else session.get(Contact, contact_id)
    if contact is None or contact.partner_id != partner.id:
        raise NotFound("No contact with this id for this partner.")
    return contact


def create_contact(
    session: Session, access: NetworkAccess, partner_id: uuid.UUID, data: ContactCreate
) -> ContactPublic:
    partner = get_partner(session, access.network_id, partner_id)
    access.ensure_can_edit_partner(partner.id)
    contact = Contact(partner_id=partner.id, **data.model_dump())
    session.add(contact)
    session.flush()
    audit.record(
        session,
        actor_id=access.user.id,
        network_id=access.network_id,
        action="contact.create",
        object_type="contact",
        object_id=contact.id,
        after={"partner_id": partner.id, **_contact_snapshot(contact)},
    )
    return ContactPublic.model_validate(contact, from_attributes=True)


def update_contact(
    session: Session,
    access: NetworkAccess,
    partner_id: uuid.UUID,
    contact_id: uuid.UUID,
    data: ContactUpdate,
    if_match: str | None,
) -> ContactPublic:
    contact = get_contact(session, access.network_id, partner_id, contact_id, for_update=True)
    access.ensure_can_edit_partner(contact.partner_id)
    require_current_version(if_match, contact.version)
    changes = data.model_dump(exclude_unset=True)
    before = _contact_snapshot(contact)
    for name, value in changes.items():
        setattr(contact, name, value if value != "" else None)
    after = _contact_snapshot(contact)
    audit.record_update(
        session,
        contact,
        actor_id=access.user.id,
        network_id=access.network_id,
        action="contact.update",
        object_type="contact",
        before=before,
        after=after,
    )
    return ContactPublic.model_validate(contact, from_attributes=True)


def delete_contact(
    session: Session,
    access: NetworkAccess,
    partner_id: uuid.UUID,
    contact_id: uuid.UUID,
    if_match: str | None,
) -> None:
    contact = get_contact(session, access.network_id, partner_id, contact_id, for_update=True)
    access.ensure_can_edit_partner(contact.partner_id)
    require_current_version(if_match, contact.version)
    audit.record(
        session,
        actor_id=access.user.id,
        network_id=access.network_id,
        action="contact.delete",
        object_type="contact",
        object_id=contact.id,
        before={"partner_id": contact.partner_id, **_contact_snapshot(contact)},
    )
    session.delete(contact)
