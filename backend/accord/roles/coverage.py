"""The coverage matrix (roles by partners) and its gaps, now or as they stood on a date.

`as_of` is rebuilt from dated records, not from the audit trail: commitment statuses from
`commitment_status_changes`, partners' stages from their stage history, retirements from
their dates. A partner deleted since does not appear (deleting is for mistakes)."""

import csv
import io
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import exists, select
from sqlmodel import Session, col

from accord.areas import service as areas
from accord.core.database import fetch_rows
from accord.core.i18n import message
from accord.core.kept import EVERYONE, KeptAnswers
from accord.core.vocabulary import Sector, Stage
from accord.partners.models import LabelKind, Partner, PartnerLabel, PartnerStageChange
from accord.roles.models import (
    STATUS_STRENGTH,
    CommitmentStatus,
    CommitmentStatusChange,
    CoverageCell,
    CoverageMatrix,
    CoveragePartner,
    CoverageRole,
    CoverageSector,
    Gap,
    GapCandidate,
    GapHolder,
    GapKind,
    GapList,
    RoleCommitment,
    StatusCounts,
)
from accord.roles.service import SECTOR_ORDER, RoleView, role_views


@dataclass(frozen=True)
class CoverageFilters:
    sectors: Sequence[Sector] = ()
    areas: Sequence[str] = ()
    as_of: date | None = None


@dataclass(frozen=True)
class _Commitment:
    id: uuid.UUID | None
    partner_id: uuid.UUID
    role_id: uuid.UUID
    status: CommitmentStatus
    review_date: date | None


@dataclass(frozen=True)
class _State:
    roles: list[RoleView]
    partners: Sequence[Any]  # rows: id, name, acronym, sector, stage
    stages: dict[uuid.UUID, Stage]
    commitments: list[_Commitment]
    today: date


def _end_of(day: date) -> datetime:
    return datetime.combine(day + timedelta(days=1), time.min, tzinfo=UTC)


def _state(session: Session, network_id: uuid.UUID, filters: CoverageFilters) -> _State:
    cutoff = _end_of(filters.as_of) if filters.as_of else None
    roles = [
        view
        for view in role_views(session, network_id)
        if (view.retired_at is None or (cutoff is not None and view.retired_at >= cutoff))
        # The shipped catalogue counts as always there; a network's own role from its creation.
        and (cutoff is None or view.role.network_id is None or view.role.created_at < cutoff)
    ]

    # Plain rows, not ORM objects: a large network has thousands of partners (columns).
    partner_query = select(
        col(Partner.id),
        col(Partner.name),
        col(Partner.acronym),
        col(Partner.sector),
        col(Partner.stage),
    ).where(col(Partner.network_id) == network_id)
    if filters.areas:
        partner_query = partner_query.where(
            exists().where(
                col(PartnerLabel.partner_id) == col(Partner.id),
                col(PartnerLabel.kind) == LabelKind.area,
                # A region also counts its districts' partners (the gazetteer).
                col(PartnerLabel.value).in_(
                    areas.with_sub_areas(session, network_id, list(filters.areas))
                ),
            )
        )
    if cutoff is not None:
        partner_query = partner_query.where(col(Partner.created_at) < cutoff)
    partners = fetch_rows(
        session, partner_query.order_by(col(Partner.sort_name), col(Partner.name), col(Partner.id))
    )
    ids = {p.id for p in partners}

    if cutoff is None:
        stages = {p.id: Stage(p.stage) for p in partners}
        rows = session.scalars(
            select(RoleCommitment).where(col(RoleCommitment.network_id) == network_id)
        ).all()
        commitments = [
            _Commitment(c.id, c.partner_id, c.role_id, CommitmentStatus(c.status), c.review_date)
            for c in rows
            if c.partner_id in ids
        ]
        today = date.today()
    else:
        stages = _stages_as_of(session, ids, cutoff)
        commitments = _commitments_as_of(session, network_id, ids, cutoff)
        today = filters.as_of or date.today()
    return _State(roles, partners, stages, commitments, today)


def _stages_as_of(
    session: Session, partner_ids: set[uuid.UUID], cutoff: datetime
) -> dict[uuid.UUID, Stage]:
    stages: dict[uuid.UUID, Stage] = {}
    if not partner_ids:
        return stages
    changes = session.execute(
        select(col(PartnerStageChange.partner_id), col(PartnerStageChange.to_stage))
        .where(
            col(PartnerStageChange.partner_id).in_(list(partner_ids)),
            col(PartnerStageChange.changed_at) < cutoff,
        )
        .order_by(col(PartnerStageChange.changed_at))
    ).all()
    for partner_id, stage in changes:
        stages[partner_id] = Stage(stage)
    return stages


def _commitments_as_of(
    session: Session, network_id: uuid.UUID, partner_ids: set[uuid.UUID], cutoff: datetime
) -> list[_Commitment]:
    latest: dict[tuple[uuid.UUID, uuid.UUID], str | None] = {}
    changes = session.execute(
        select(
            col(CommitmentStatusChange.partner_id),
            col(CommitmentStatusChange.role_id),
            col(CommitmentStatusChange.status),
        )
        .where(
            col(CommitmentStatusChange.network_id) == network_id,
            col(CommitmentStatusChange.changed_at) < cutoff,
        )
        .order_by(col(CommitmentStatusChange.changed_at), col(CommitmentStatusChange.id))
    ).all()
    for partner_id, role_id, status in changes:
        latest[(partner_id, role_id)] = status
    # Review dates are not versioned; the matrix as of a date judges reviews by today's.
    reviews = {
        (c.partner_id, c.role_id): c.review_date
        for c in session.scalars(
            select(RoleCommitment).where(col(RoleCommitment.network_id) == network_id)
        )
    }
    return [
        _Commitment(
            None, partner_id, role_id, CommitmentStatus(status), reviews.get((partner_id, role_id))
        )
        for (partner_id, role_id), status in latest.items()
        if status is not None and partner_id in partner_ids
    ]


def _best(statuses: Iterable[CommitmentStatus]) -> CommitmentStatus | None:
    return max(statuses, key=STATUS_STRENGTH.__getitem__, default=None)


def _count(coverage: CommitmentStatus | None, counts: StatusCounts) -> None:
    if coverage is None:
        counts.nobody += 1
    else:
        setattr(counts, coverage.value, getattr(counts, coverage.value) + 1)


def matrix(
    session: Session,
    kept: KeptAnswers,
    network_id: uuid.UUID,
    revisions: tuple[int, ...],
    filters: CoverageFilters,
    language: str,
) -> CoverageMatrix:
    """The current matrix of a large network (thousands of partner columns) takes a tenth
    of a second to build and is asked for over and over: kept (core/kept.py) under the
    coverage part of the network's revision (referrals, services and capacity posts leave
    it). It shows the same to every member. Matrices `as_of` a date are
    rebuilt each time."""
    if filters.as_of is not None:
        return _build_matrix(session, network_id, filters, language)
    key = (tuple(sorted(filters.sectors)), tuple(sorted(filters.areas)), language)
    return kept.get(
        "coverage",
        session,
        network_id,
        revisions,
        EVERYONE,
        key,
        lambda: _build_matrix(session, network_id, filters, language),
    )


def _build_matrix(
    session: Session, network_id: uuid.UUID, filters: CoverageFilters, language: str
) -> CoverageMatrix:
    state = _state(session, network_id, filters)
    roles = [v for v in state.roles if not filters.sectors or v.role.sector in filters.sectors]
    shown_roles = {v.role.id for v in roles}
    partners_by_id = {p.id: p for p in state.partners}
    cells_by_role: dict[uuid.UUID, list[CoverageCell]] = defaultdict(list)
    committed_partners: set[uuid.UUID] = set()
    for commitment in state.commitments:
        if commitment.role_id not in shown_roles:
            continue
        partner = partners_by_id[commitment.partner_id]
        role_sector = next(v.role.sector for v in roles if v.role.id == commitment.role_id)
        cells_by_role[commitment.role_id].append(
            CoverageCell(
                partner_id=commitment.partner_id,
                commitment_id=commitment.id,
                status=commitment.status,
                cross_sector=partner.sector != role_sector,
            )
        )
        committed_partners.add(commitment.partner_id)

    # Columns: every partner (of the filtered sectors, if any), and whoever holds a shown role.
    columns = [
        p
        for p in state.partners
        if not filters.sectors or p.sector in filters.sectors or p.id in committed_partners
    ]
    # Grouped by sector: the filtered sectors first (the roles' own), then the others (the
    # partners holding a shown role across sectors); each in the vocabulary's order, and
    # within a sector by name (the sort is stable).
    own = set(filters.sectors)
    columns.sort(key=lambda p: (p.sector not in own, SECTOR_ORDER.get(p.sector, len(SECTOR_ORDER))))
    column_order = {p.id: index for index, p in enumerate(columns)}

    sectors: dict[str, CoverageSector] = {}
    overall = StatusCounts()
    for view in roles:
        title, _description, _used = view.text(language)
        cells = sorted(cells_by_role[view.role.id], key=lambda c: column_order[c.partner_id])
        counts = StatusCounts()
        for cell in cells:
            setattr(counts, cell.status.value, getattr(counts, cell.status.value) + 1)
        coverage = _best(cell.status for cell in cells)
        counts.nobody = 0 if cells else 1
        sector = sectors.setdefault(
            view.role.sector,
            CoverageSector(sector=view.role.sector, summary=StatusCounts(), roles=[]),
        )
        sector.roles.append(
            CoverageRole(
                role_id=view.role.id,
                code=view.role.code,
                title=title,
                sector=view.role.sector,
                coverage=coverage,
                counts=counts,
                cells=cells,
            )
        )
        _count(coverage, sector.summary)
        _count(coverage, overall)
    return CoverageMatrix(
        as_of=filters.as_of,
        language=language,
        # Trusted values straight from the database: constructed without re-validation,
        # which for thousands of columns costs more than reading them.
        partners=[
            CoveragePartner.model_construct(
                id=p.id,
                name=p.name,
                acronym=p.acronym,
                sector=Sector(p.sector),
                stage=Stage(state.stages.get(p.id, p.stage)),
            )
            for p in columns
        ],
        sectors=list(sectors.values()),
        summary=overall,
    )


# Partners at these stages have stepped away: never offered to take a role on.
_NOT_CANDIDATES = frozenset({Stage.withdrawn, Stage.dormant})

# Roles that are gaps, worst first: nobody holds it, then only planned, then in progress.
_GAP_ORDER: dict[CommitmentStatus | None, int] = {
    None: 0,
    CommitmentStatus.planned: 1,
    CommitmentStatus.in_progress: 2,
}


def gaps(
    session: Session, network_id: uuid.UUID, filters: CoverageFilters, language: str
) -> GapList:
    state = _state(session, network_id, filters)
    roles = [v for v in state.roles if not filters.sectors or v.role.sector in filters.sectors]
    names = {p.id: p.name for p in state.partners}
    by_role: dict[uuid.UUID, list[_Commitment]] = defaultdict(list)
    for commitment in state.commitments:
        by_role[commitment.role_id].append(commitment)
    not_in_place: list[tuple[int, int, Gap]] = []
    overdue: list[Gap] = []

    for position, view in enumerate(roles):
        title, _description, _used = view.text(language)
        held = sorted(
            by_role[view.role.id],
            key=lambda c: (-STATUS_STRENGTH[c.status], names[c.partner_id].casefold()),
        )
        best = _best(c.status for c in held)
        base: dict[str, Any] = {
            "sector": view.role.sector,
            "role_id": view.role.id,
            "role_code": view.role.code,
            "role_title": title,
            "coverage": best,
            "holders": [
                GapHolder(
                    partner_id=c.partner_id, partner_name=names[c.partner_id], status=c.status
                )
                for c in held
            ],
            "commitment_ids": [c.id for c in held if c.id is not None],
        }
        if best is None:
            reason = message("gap.nobody", language)
        elif best is not CommitmentStatus.in_place:
            key = "gap.in_progress" if best is CommitmentStatus.in_progress else "gap.only_planned"
            partners = ", ".join(names[c.partner_id] for c in held if c.status is best)
            reason = message(key, language, partners=partners)
        else:
            in_place = [c for c in held if c.status is CommitmentStatus.in_place]
            if all(c.review_date is not None and c.review_date < state.today for c in in_place):
                due = max(c.review_date for c in in_place if c.review_date is not None)
                reason = message("gap.review_overdue", language, due=due)
                overdue.append(Gap(kind=GapKind.review_overdue, reason=reason, **base))
            continue
        gap = Gap(kind=GapKind.role_not_in_place, reason=reason, **base)
        not_in_place.append((_GAP_ORDER[best], position, gap))
    items = [gap for _order, _position, gap in sorted(not_in_place, key=lambda g: g[:2])]
    items.extend(overdue)

    active = [p for p in state.partners if state.stages.get(p.id, p.stage) == Stage.active]
    active_sectors = {p.sector for p in active}
    for sector in dict.fromkeys(v.role.sector for v in roles):
        if sector not in active_sectors:
            items.append(
                Gap(
                    kind=GapKind.sector_without_active_partner,
                    reason=message("gap.sector_without_active_partner", language),
                    sector=sector,
                )
            )

    committed = {c.partner_id for c in state.commitments}
    for partner in active:
        if partner.id not in committed and (
            not filters.sectors or partner.sector in filters.sectors
        ):
            items.append(
                Gap(
                    kind=GapKind.active_partner_without_commitment,
                    reason=message("gap.active_partner_without_commitment", language),
                    sector=partner.sector,
                    partner_id=partner.id,
                    partner_name=partner.name,
                )
            )
    candidates = [
        GapCandidate(
            id=p.id,
            name=p.name,
            acronym=p.acronym,
            sector=Sector(p.sector),
            stage=Stage(state.stages.get(p.id, p.stage)),
        )
        for p in state.partners
        if Stage(state.stages.get(p.id, p.stage)) not in _NOT_CANDIDATES
    ]
    return GapList(as_of=filters.as_of, language=language, items=items, candidates=candidates)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str) -> str:
    # A spreadsheet would run a cell that starts like a formula: neutralise it.
    return "'" + text if text.startswith(_FORMULA_START) else text


def matrix_csv(coverage: CoverageMatrix) -> str:
    """One row per role: sector, code, title, best status, then one column per partner."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(
        [
            "sector",
            "role_code",
            "role_title",
            "coverage",
            *(_cell(p.name) for p in coverage.partners),
        ]
    )
    for sector in coverage.sectors:
        for role in sector.roles:
            by_partner = {cell.partner_id: cell.status.value for cell in role.cells}
            writer.writerow(
                [
                    sector.sector,
                    role.code,
                    _cell(role.title),
                    role.coverage.value if role.coverage else "nobody",
                    *(by_partner.get(p.id, "") for p in coverage.partners),
                ]
            )
    return out.getvalue()
