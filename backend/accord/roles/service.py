"""The role catalogue as a network sees it, and partners' commitments to roles."""

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import and_, or_, select
from sqlmodel import Session, col

from accord.audit import service as audit
from accord.core.concurrency import require_current_version
from accord.core.database import lock
from accord.core.errors import Conflict, FieldError, NotFound
from accord.core.models import utcnow
from accord.core.pagination import (
    CursorCodec,
    SortColumn,
    count_of,
    page_of,
    paginate,
    parse_datetime,
    parse_uuid,
)
from accord.core.vocabulary import Sector
from accord.networks.access import NetworkAccess
from accord.partners import service as partners
from accord.partners.models import Contact, Partner
from accord.roles.models import (
    DEFAULT_LANGUAGE,
    CommitmentCreate,
    CommitmentPublic,
    CommitmentStatus,
    CommitmentStatusChange,
    CommitmentUpdate,
    NetworkRole,
    Role,
    RoleCommitment,
    RoleCreate,
    RolePublic,
    RoleUpdate,
)

SECTOR_ORDER = {sector.value: rank for rank, sector in enumerate(Sector)}


@dataclass(frozen=True)
class RoleView:
    """A role with this network's wording and retirement applied."""

    role: Role
    override: NetworkRole | None

    @property
    def retired_at(self) -> Any:
        return self.override.retired_at if self.override else None

    @property
    def version(self) -> int:
        return self.override.version if self.override else 1

    def text(self, language: str) -> tuple[str, str, str]:
        """(title, description, language used): this network's wording first, then the
        shipped one, in `language`, else in English."""
        mine = self.override.texts if self.override else {}
        for candidate in dict.fromkeys((language, DEFAULT_LANGUAGE)):
            title = (mine.get(candidate) or {}).get("title") or (
                self.role.texts.get(candidate) or {}
            ).get("title")
            if title:
                description = (mine.get(candidate) or {}).get("description")
                if description is None:
                    description = (self.role.texts.get(candidate) or {}).get("description", "")
                return title, description, candidate
        return self.role.code, "", DEFAULT_LANGUAGE

    def sort_key(self) -> tuple[int, int, str]:
        return (SECTOR_ORDER.get(self.role.sector, 999), self.role.position, self.role.code)

    def public(self, language: str) -> RolePublic:
        title, description, used = self.text(language)
        shipped = self.role.network_id is None
        return RolePublic(
            id=self.role.id,
            code=self.role.code,
            sector=self.role.sector,
            title=title,
            description=description,
            language=used,
            origin="catalogue" if shipped else "network",
            source=self.role.source,
            implied=self.role.implied,
            customised=bool(shipped and self.override and self.override.texts),
            retired=self.retired_at is not None,
            retired_at=self.retired_at,
            version=self.version,
        )


def role_views(session: Session, network_id: uuid.UUID) -> list[RoleView]:
    """Every role the network can use (shipped and its own, retired ones too), in
    catalogue order: by sector, then as shipped."""
    rows = session.execute(
        select(Role, NetworkRole)
        .outerjoin(
            NetworkRole,
            and_(
                col(NetworkRole.role_id) == col(Role.id),
                col(NetworkRole.network_id) == network_id,
            ),
        )
        .where(or_(col(Role.network_id).is_(None), col(Role.network_id) == network_id))
    ).all()
    return sorted((RoleView(role, override) for role, override in rows), key=RoleView.sort_key)


def _role_view(
    session: Session, network_id: uuid.UUID, role_id: uuid.UUID, *, for_update: bool = False
) -> RoleView:
    role = session.get(Role, role_id)
    if role is None or role.network_id not in (None, network_id):
        raise NotFound("No role with this id in this network.")
    if for_update:
        lock(session, Role, role_id)
    override = (
        lock(session, NetworkRole, (network_id, role_id))
        if for_update
        else session.get(NetworkRole, (network_id, role_id))
    )
    return RoleView(role, override)


def list_roles(
    session: Session,
    network_id: uuid.UUID,
    *,
    language: str,
    sectors: Sequence[Sector],
    include_retired: bool,
    codec: CursorCodec,
    limit: int,
    cursor: str | None,
) -> tuple[list[RolePublic], str | None, int]:
    """A page of roles, the next cursor, and how many roles match in all."""
    # Not bound to the language: it changes the wording, not which roles or their order.
    cursors = codec.for_list(
        "roles", network=network_id, sectors=list(sectors), include_retired=include_retired
    )
    views = [
        view
        for view in role_views(session, network_id)
        if (include_retired or view.retired_at is None)
        and (not sectors or view.role.sector in sectors)
    ]
    total = len(views)
    # The catalogue is small and ordered in Python; the cursor is the last role's key.
    if cursor:
        # (sector rank, position, code), as RoleView.sort_key gives them.
        after = tuple(cursors.decode(cursor, [int, int, str]))
        views = [view for view in views if view.sort_key() > after]
    page = views[:limit]
    next_cursor = cursors.encode(page[-1].sort_key()) if len(views) > limit else None
    return [view.public(language) for view in page], next_cursor, total


def get_role(
    session: Session, network_id: uuid.UUID, role_id: uuid.UUID, language: str
) -> RolePublic:
    return _role_view(session, network_id, role_id).public(language)


def _code_from_title(sector: str, title: str) -> str:
    words = re.sub(r"[^a-z0-9]+", "_", title.lower()).strip("_")[: 58 - len(sector)]
    return f"{sector}.{words or 'role'}"


def create_role(
    session: Session, access: NetworkAccess, data: RoleCreate, language: str
) -> RolePublic:
    access.ensure_coordinator("add roles")
    titles = data.title.model_dump(exclude_unset=True)
    descriptions = data.description.model_dump(exclude_unset=True)
    code = data.code or _code_from_title(data.sector, titles[DEFAULT_LANGUAGE])
    taken = session.scalars(
        select(col(Role.id)).where(
            col(Role.code) == code,
            or_(col(Role.network_id).is_(None), col(Role.network_id) == access.network_id),
        )
    ).first()
    if taken is not None:
        raise Conflict.on_field("body.code", "A role with this code already exists.")
    texts = {
        lang: {"title": title, "description": descriptions.get(lang, "")}
        for lang, title in titles.items()
    }
    role = Role(
        network_id=access.network_id,
        code=code,
        sector=data.sector,
        source=None,
        implied=False,
        position=10_000,
        texts=texts,
    )
    session.add(role)
    session.flush()
    audit.record(
        session,
        actor_id=access.user.id,
        network_id=access.network_id,
        action="role.create",
        object_type="role",
        object_id=role.id,
        after={"code": code, "sector": data.sector, "texts": texts},
    )
    return RoleView(role, None).public(language)


def update_role(
    session: Session,
    access: NetworkAccess,
    role_id: uuid.UUID,
    data: RoleUpdate,
    if_match: str | None,
    language: str,
) -> RolePublic:
    access.ensure_coordinator("change the role catalogue")
    view = _role_view(session, access.network_id, role_id, for_update=True)
    require_current_version(if_match, view.version)
    changes = data.model_dump(exclude_unset=True)
    own_role = view.role.network_id == access.network_id
    override = view.override or NetworkRole(network_id=access.network_id, role_id=role_id)
    # A network's own role keeps its wording on the role; a shipped one, in the override.
    texts: dict[str, dict[str, str]] = {
        lang: dict(value)
        for lang, value in (view.role.texts if own_role else override.texts).items()
    }
    before = {
        "texts": {k: dict(v) for k, v in texts.items()},
        "retired": view.retired_at is not None,
    }
    for field in ("title", "description"):
        for lang, text in (changes.get(field) or {}).items():
            texts.setdefault(lang, {})[field] = text
    retired = changes.get("retired", view.retired_at is not None)
    after = {"texts": texts, "retired": retired}
    if after == before:
        return view.public(language)
    if own_role:
        view.role.texts = texts
        view.role.updated_at = utcnow()
        session.add(view.role)
    else:
        override.texts = texts
    if retired != (view.retired_at is not None):
        override.retired_at = utcnow() if retired else None
    override.version = view.version + 1
    override.updated_at = utcnow()
    session.add(override)
    session.flush()
    audit.record(
        session,
        actor_id=access.user.id,
        network_id=access.network_id,
        action="role.update",
        object_type="role",
        object_id=role_id,
        before=before,
        after=after,
    )
    return RoleView(view.role, override).public(language)


# --- commitments ---------------------------------------------------------------------------

_COMMITMENT_FIELDS = ("status", "evidence", "owner_contact_id", "review_date", "note")


def _snapshot(commitment: RoleCommitment) -> dict[str, Any]:
    return {name: getattr(commitment, name) for name in _COMMITMENT_FIELDS}


def _record_status(
    session: Session, commitment: RoleCommitment, status: CommitmentStatus | None
) -> None:
    session.add(
        CommitmentStatusChange(
            network_id=commitment.network_id,
            partner_id=commitment.partner_id,
            role_id=commitment.role_id,
            status=status,
            changed_at=utcnow(),
        )
    )


def _public(
    commitment: RoleCommitment, partner: Partner, role: Role, today: date
) -> CommitmentPublic:
    return CommitmentPublic(
        id=commitment.id,
        partner_id=partner.id,
        partner_name=partner.name,
        partner_sector=partner.sector,
        role_id=role.id,
        role_code=role.code,
        role_sector=role.sector,
        cross_sector=partner.sector != role.sector,
        status=commitment.status,
        evidence=commitment.evidence,
        owner_contact_id=commitment.owner_contact_id,
        review_date=commitment.review_date,
        review_overdue=commitment.review_date is not None and commitment.review_date < today,
        note=commitment.note,
        version=commitment.version,
        created_at=commitment.created_at,
        updated_at=commitment.updated_at,
    )


def _check_owner(session: Session, partner_id: uuid.UUID, contact_id: uuid.UUID | None) -> None:
    if contact_id is None:
        return
    contact = session.get(Contact, contact_id)
    if contact is None or contact.partner_id != partner_id:
        raise NotFound(
            "The owner must be one of this partner's contacts.",
            errors=[
                FieldError(field="body.owner_contact_id", message="not a contact of this partner")
            ],
        )


_COMMITMENT_SORT = [
    SortColumn(col(RoleCommitment.created_at), parse=parse_datetime),
    SortColumn(col(RoleCommitment.id), parse=parse_uuid),
]


def list_commitments(
    session: Session,
    network_id: uuid.UUID,
    *,
    partner_id: uuid.UUID | None,
    role_id: uuid.UUID | None,
    statuses: Sequence[CommitmentStatus],
    codec: CursorCodec,
    limit: int,
    cursor: str | None,
) -> tuple[list[CommitmentPublic], str | None, int]:
    """A page of commitments, the next cursor, and how many match the filters."""
    cursors = codec.for_list(
        "commitments",
        network=network_id,
        partner_id=partner_id,
        role_id=role_id,
        statuses=list(statuses),
    )
    statement = (
        select(RoleCommitment, Partner, Role)
        .join(Partner, col(Partner.id) == col(RoleCommitment.partner_id))
        .join(Role, col(Role.id) == col(RoleCommitment.role_id))
        .where(col(RoleCommitment.network_id) == network_id)
    )
    if partner_id:
        statement = statement.where(col(RoleCommitment.partner_id) == partner_id)
    if role_id:
        statement = statement.where(col(RoleCommitment.role_id) == role_id)
    if statuses:
        statement = statement.where(col(RoleCommitment.status).in_(list(statuses)))
    rows = session.execute(
        paginate(statement, cursors=cursors, columns=_COMMITMENT_SORT, limit=limit, cursor=cursor)
    ).all()
    page, next_cursor = page_of(
        rows, cursors=cursors, limit=limit, key=lambda row: (row[0].created_at, row[0].id)
    )
    today = date.today()
    total = count_of(session, statement)
    return [_public(c, p, r, today) for c, p, r in page], next_cursor, total


def _get_commitment(
    session: Session, network_id: uuid.UUID, commitment_id: uuid.UUID, *, for_update: bool = False
) -> RoleCommitment:
    commitment = (
        lock(session, RoleCommitment, commitment_id)
        if for_update
        else session.get(RoleCommitment, commitment_id)
    )
    if commitment is None or commitment.network_id != network_id:
        raise NotFound("No commitment with this id in this network.")
    return commitment


def get_commitment(
    session: Session, network_id: uuid.UUID, commitment_id: uuid.UUID
) -> CommitmentPublic:
    commitment = _get_commitment(session, network_id, commitment_id)
    partner = partners.get_partner(session, network_id, commitment.partner_id)
    role = session.get(Role, commitment.role_id)
    assert role is not None
    return _public(commitment, partner, role, date.today())


def create_commitment(
    session: Session, access: NetworkAccess, data: CommitmentCreate
) -> CommitmentPublic:
    partner = partners.get_partner(session, access.network_id, data.partner_id)
    access.ensure_can_edit_partner(partner.id)
    view = _role_view(session, access.network_id, data.role_id)
    if view.retired_at is not None:
        raise Conflict.on_field("body.role_id", "This role is retired in this network.")
    _check_owner(session, partner.id, data.owner_contact_id)
    existing = session.scalars(
        select(col(RoleCommitment.id)).where(
            col(RoleCommitment.partner_id) == partner.id,
            col(RoleCommitment.role_id) == data.role_id,
        )
    ).first()
    if existing is not None:
        raise Conflict(
            "This partner already has a commitment to this role; change that one.",
            errors=[FieldError(field="body.role_id", message=f"already committed: {existing}")],
        )
    commitment = RoleCommitment(network_id=access.network_id, **data.model_dump())
    session.add(commitment)
    session.flush()
    _record_status(session, commitment, CommitmentStatus(commitment.status))
    audit.record(
        session,
        actor_id=access.user.id,
        network_id=access.network_id,
        action="commitment.create",
        object_type="commitment",
        object_id=commitment.id,
        after={"partner_id": partner.id, "role_id": view.role.id, **_snapshot(commitment)},
    )
    return _public(commitment, partner, view.role, date.today())


def update_commitment(
    session: Session,
    access: NetworkAccess,
    commitment_id: uuid.UUID,
    data: CommitmentUpdate,
    if_match: str | None,
) -> CommitmentPublic:
    commitment = _get_commitment(session, access.network_id, commitment_id, for_update=True)
    access.ensure_can_edit_partner(commitment.partner_id)
    require_current_version(if_match, commitment.version)
    changes = data.model_dump(exclude_unset=True)
    if "owner_contact_id" in changes:
        _check_owner(session, commitment.partner_id, changes["owner_contact_id"])
    before = _snapshot(commitment)
    for name, value in changes.items():
        setattr(commitment, name, value if value != "" else None)
    after = _snapshot(commitment)
    if after["status"] != before["status"]:
        _record_status(session, commitment, CommitmentStatus(commitment.status))
    audit.record_update(
        session,
        commitment,
        actor_id=access.user.id,
        network_id=access.network_id,
        action="commitment.update",
        object_type="commitment",
        before=before,
        after=after,
    )
    partner = partners.get_partner(session, access.network_id, commitment.partner_id)
    role = session.get(Role, commitment.role_id)
    assert role is not None
    return _public(commitment, partner, role, date.today())


def delete_commitment(
    session: Session, access: NetworkAccess, commitment_id: uuid.UUID, if_match: str | None
) -> None:
    commitment = _get_commitment(session, access.network_id, commitment_id, for_update=True)
    access.ensure_can_edit_partner(commitment.partner_id)
    require_current_version(if_match, commitment.version)
    _record_status(session, commitment, None)
    audit.record(
        session,
        actor_id=access.user.id,
        network_id=access.network_id,
        action="commitment.delete",
        object_type="commitment",
        object_id=commitment.id,
        before={
            "partner_id": commitment.partner_id,
            "role_id": commitment.role_id,
            **_snapshot(commitment),
        },
    )
    session.delete(commitment)
