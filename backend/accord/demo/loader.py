"""Loads the demo network (demo/data.py) through the domain services, so the demo has the
same audit trail, stage history and rules as real data. Safe to run twice: an existing
demo network is left as it is."""

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import sessionmaker
from sqlmodel import Session, col

from accord.accounts import service as accounts
from accord.accounts.models import User, UserCreate
from accord.areas import service as areas
from accord.areas.models import AreaCreate, AreaNames
from accord.core.concurrency import etag_for
from accord.core.database import transaction
from accord.core.models import utcnow
from accord.core.vocabulary import CapacityStatus, MembershipRole, Need, Stage
from accord.demo.data import DEMO_AREAS, DEMO_NETWORK, DEMO_PARTNERS
from accord.demo.services_data import DEMO_CAPACITY, DEMO_PATHWAYS, DEMO_SERVICES
from accord.networks import service as networks
from accord.networks.access import Caller, NetworkAccess, NetworkRef
from accord.networks.models import MembershipCreate, Network, NetworkCreate
from accord.partners import service as partners
from accord.partners.models import (
    AssessmentUpdate,
    Contact,
    ContactCreate,
    Partner,
    PartnerCreate,
    PartnerStageChange,
    StageChangeCreate,
)
from accord.pathways import service as pathways
from accord.pathways.models import PathwayCreate
from accord.roles import service as roles
from accord.roles.catalogue_loader import load_catalogue
from accord.roles.models import CommitmentCreate, CommitmentStatus
from accord.roles.service import role_views
from accord.services import service as services
from accord.services.models import CapacityPost, LocationCreate, ServiceCreate

# Development-only accounts; `make run` prints them. Never load the demo in production.
DEMO_PASSWORD = "riverside-demo-2026"  # noqa: S105
DEMO_ADMIN = "admin@riverside.example"
DEMO_COORDINATOR = "coordinator@riverside.example"
DEMO_EDITOR = "shelter.editor@riverside.example"
DEMO_VIEWER = "viewer@riverside.example"
DEMO_EDITOR_PARTNER_SECTOR = "specialist_ngo"


@dataclass(frozen=True)
class DemoResult:
    created: bool
    slug: str
    partners: int


def _account(session: Session, actor: User | None, email: str, name: str, admin: bool) -> User:
    user = accounts.find_by_email(session, email)
    if user is None:
        user = accounts.create_user(
            session,
            actor,
            UserCreate(email=email, full_name=name, password=DEMO_PASSWORD, is_admin=admin),
        )
    return user


def load_demo(factory: sessionmaker[Session]) -> DemoResult:
    with transaction(factory) as session:
        existing = session.scalars(
            select(Network).where(Network.slug == DEMO_NETWORK["slug"])  # type: ignore[arg-type]
        ).first()
        if existing is not None:
            count = partners.count_partners(session, existing.id)
            return DemoResult(created=False, slug=existing.slug, partners=count)
        _build(session)
        return DemoResult(created=True, slug=DEMO_NETWORK["slug"], partners=len(DEMO_PARTNERS))


def _build(session: Session) -> None:
    load_catalogue(session)
    admin = _account(session, None, DEMO_ADMIN, "Ada Admin", admin=True)
    coordinator = _account(session, admin, DEMO_COORDINATOR, "Carmen Coordinator", admin=False)
    editor = _account(session, admin, DEMO_EDITOR, "Esther Editor", admin=False)
    viewer = _account(session, admin, DEMO_VIEWER, "Victor Viewer", admin=False)

    networks.create_network(session, admin, NetworkCreate(**DEMO_NETWORK))
    network = session.scalars(
        select(Network).where(Network.slug == DEMO_NETWORK["slug"])  # type: ignore[arg-type]
    ).one()
    as_admin = NetworkAccess(network=NetworkRef.of(network), user=Caller.of(admin), role=None)
    networks.add_member(
        session,
        as_admin,
        MembershipCreate(email=coordinator.email, role=MembershipRole.coordinator),
    )
    access = NetworkAccess(
        network=NetworkRef.of(network),
        user=Caller.of(coordinator),
        role=MembershipRole.coordinator,
    )

    _add_areas(session, access)
    now = utcnow()
    editor_partner_id = None
    for index, entry in enumerate(DEMO_PARTNERS):
        path: list[str] = entry.get("stage_path") or [entry["stage"]]
        partner = partners.create_partner(
            session,
            access,
            PartnerCreate(
                name=entry["name"],
                acronym=entry.get("acronym"),
                description=entry.get("description"),
                sector=entry["sector"],
                level=entry["level"],
                stage=Stage(path[0]),
                populations=entry.get("populations", []),
                languages=entry.get("languages", []),
                areas=entry.get("areas", []),
                tags=entry.get("tags", []),
            ),
        )
        notes = entry.get("stage_notes", {})
        for stage in path[1:]:
            partners.change_stage(
                session,
                access,
                partner.id,
                StageChangeCreate(stage=Stage(stage), note=notes.get(stage)),
                None,
            )
        _spread_history(session, partner.id, now - timedelta(days=40 + 9 * index), now)
        if "assessment" in entry:
            current = partners.get_assessment(session, access, partner.id)
            partners.update_assessment(
                session,
                access,
                partner.id,
                AssessmentUpdate(**entry["assessment"]),
                etag_for(current.version),
            )
        for contact in entry.get("contacts", []):
            partners.create_contact(session, access, partner.id, ContactCreate(**contact))
        if editor_partner_id is None and entry["sector"] == DEMO_EDITOR_PARTNER_SECTOR:
            editor_partner_id = partner.id

    _commit_to_roles(session, access)
    _add_services_and_pathways(session, access)
    networks.add_member(
        session,
        access,
        MembershipCreate(
            email=editor.email,
            role=MembershipRole.partner_editor,
            partner_ids=[editor_partner_id] if editor_partner_id else [],
        ),
    )
    networks.add_member(
        session, access, MembershipCreate(email=viewer.email, role=MembershipRole.viewer)
    )


def _add_areas(session: Session, access: NetworkAccess) -> None:
    ids: dict[str, Any] = {}
    for entry in DEMO_AREAS:
        created = areas.create_area(
            session,
            access,
            AreaCreate(
                code=entry["code"],
                names=AreaNames(**entry["names"]),
                parent_id=ids[entry["parent"]] if "parent" in entry else None,
            ),
        )
        ids[entry["code"]] = created.id


def _commit_to_roles(session: Session, access: NetworkAccess) -> None:
    """Commitments as a real partnership has them, gaps included on purpose: active and
    signed partners take on some of their sector's roles, a few reviews are overdue, the
    crisis centre runs a hotline the guidance lists under social services, and one active
    partner has taken on nothing yet."""
    chance = random.Random(2026)  # noqa: S311 - demo data, not security
    today = date.today()
    roles_by_sector: dict[str, list[Any]] = {}
    for view in role_views(session, access.network_id):
        roles_by_sector.setdefault(view.role.sector, []).append(view.role)
    partners_here = session.scalars(
        select(Partner)
        .where(col(Partner.network_id) == access.network_id)
        .order_by(col(Partner.name))
    ).all()
    active = [p for p in partners_here if p.stage == Stage.active]
    idle = active[-1] if active else None  # active, yet no role: a gap to find
    for partner in partners_here:
        if partner is idle or partner.stage not in (Stage.active, Stage.agreement_signed):
            continue
        signed_only = partner.stage == Stage.agreement_signed
        contact = session.scalars(
            select(Contact).where(col(Contact.partner_id) == partner.id).order_by(col(Contact.name))
        ).first()
        for role in roles_by_sector.get(partner.sector, []):
            draw = chance.random()
            if draw < (0.15 if signed_only else 0.5):
                status = CommitmentStatus.in_place
            elif draw < (0.45 if signed_only else 0.7):
                status = CommitmentStatus.in_progress
            elif draw < 0.8:
                status = CommitmentStatus.planned
            else:
                continue
            review = today + timedelta(days=chance.randint(-90, 330))
            roles.create_commitment(
                session,
                access,
                CommitmentCreate(
                    partner_id=partner.id,
                    role_id=role.id,
                    status=status,
                    evidence="Protocol signed at the coordination meeting"
                    if status is CommitmentStatus.in_place
                    else None,
                    owner_contact_id=contact.id if contact else None,
                    review_date=review if status is CommitmentStatus.in_place else None,
                ),
            )
    crisis_centre = next(
        (p for p in active if p.sector == "specialist_ngo" and "crisis" in p.name.lower()), None
    )
    referral_roles = [r for r in roles_by_sector.get("social_services", []) if "referral" in r.code]
    if crisis_centre and referral_roles:
        roles.create_commitment(
            session,
            access,
            CommitmentCreate(
                partner_id=crisis_centre.id,
                role_id=referral_roles[0].id,
                status=CommitmentStatus.in_place,
                evidence="24/7 hotline referral protocol, 2026 edition",
                review_date=today + timedelta(days=180),
                note="The crisis centre's hotline does this for the whole city.",
            ),
        )


def _add_services_and_pathways(session: Session, access: NetworkAccess) -> None:
    by_name = {
        p.name: p.id
        for p in session.scalars(
            select(Partner).where(col(Partner.network_id) == access.network_id)
        )
    }
    service_ids: dict[str, Any] = {}
    for key, entry in DEMO_SERVICES.items():
        fields = {k: v for k, v in entry.items() if k not in ("partner", "locations")}
        created = services.create_service(
            session,
            access,
            ServiceCreate(partner_id=by_name[entry["partner"]], **fields),
            max_age_hours=24,
        )
        service_ids[key] = created.id
        for location in entry.get("locations", []):
            services.create_location(session, access, created.id, LocationCreate(**location))
    overdue = date.today() - timedelta(days=20)
    for source, target, needs, extra in DEMO_PATHWAYS:
        fields = {k: v for k, v in extra.items() if k != "review_overdue"}
        fields.setdefault("status", "active")
        if extra.get("review_overdue"):
            fields["review_date"] = overdue
        pathways.create_pathway(
            session,
            access,
            PathwayCreate(
                from_service_id=service_ids[source],
                to_service_id=service_ids[target],
                needs=[Need(need) for need in needs],
                **fields,
            ),
        )
    now = utcnow()
    for key, status, beds, hours_ago in DEMO_CAPACITY:
        session.add(
            CapacityPost(
                service_id=service_ids[key],
                status=CapacityStatus(status),
                beds_free=beds,
                posted_by=access.user.id,
                posted_at=now - timedelta(hours=hours_ago),
            )
        )


def _spread_history(session: Session, partner_id: Any, start: Any, end: Any) -> None:
    """Space a demo partner's stage changes over past weeks, so the history reads like one."""
    changes = session.scalars(
        select(PartnerStageChange)
        .where(PartnerStageChange.partner_id == partner_id)  # type: ignore[arg-type]
        .order_by(
            col(PartnerStageChange.changed_at), col(PartnerStageChange.from_stage).is_not(None)
        )
    ).all()
    if not changes:
        return
    step = (end - start) / max(len(changes), 1)
    for position, change in enumerate(changes):
        change.changed_at = start + step * position
        session.add(change)
    partner = session.get(Partner, partner_id)
    if partner is not None:
        partner.stage_changed_at = changes[-1].changed_at
        session.add(partner)
