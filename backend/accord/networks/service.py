"""Networks and memberships: creation, settings, who belongs and with which role."""

import hashlib
import secrets
import uuid
from collections.abc import Iterable, Sequence
from datetime import timedelta
from typing import Any

from sqlalchemy import and_, delete, func, select
from sqlalchemy.orm import aliased
from sqlmodel import Session, col

from accord.accounts import service as accounts
from accord.accounts.models import User
from accord.audit import service as audit
from accord.core.concurrency import require_current_version
from accord.core.database import fetch_rows, lock
from accord.core.errors import Conflict, FieldError, Forbidden, NotFound
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
from accord.core.vocabulary import MembershipRole
from accord.networks.access import NetworkAccess
from accord.networks.models import (
    Invitation,
    InvitationCreate,
    InvitationCreated,
    InvitationPublic,
    InvitationStatus,
    Membership,
    MembershipCreate,
    MembershipPartner,
    MembershipPublic,
    MembershipUpdate,
    MyMembership,
    Network,
    NetworkCreate,
    NetworkPublic,
    NetworkUpdate,
)
from accord.partners import service as partners

_NETWORK_FIELDS = (
    "slug",
    "name",
    "level",
    "area",
    "languages",
    "parent_id",
    "assessments_visible_to_members",
    "referral_expiry_factor",
    "disclosure_threshold",
)


def _snapshot(network: Network) -> dict[str, Any]:
    return {name: getattr(network, name) for name in _NETWORK_FIELDS}


def network_public(
    network: Network, parent_slug: str | None, my_role: MembershipRole | None
) -> NetworkPublic:
    return NetworkPublic(
        id=network.id,
        slug=network.slug,
        name=network.name,
        level=network.level,
        area=network.area,
        languages=network.languages,
        parent=parent_slug,
        my_role=my_role,
        assessments_visible_to_members=network.assessments_visible_to_members,
        referral_expiry_factor=network.referral_expiry_factor,
        disclosure_threshold=network.disclosure_threshold,
        version=network.version,
        created_at=network.created_at,
        updated_at=network.updated_at,
    )


def parent_slug_of(session: Session, network: Network) -> str | None:
    if network.parent_id is None:
        return None
    parent = session.get(Network, network.parent_id)
    return parent.slug if parent else None


def describe(session: Session, access: NetworkAccess) -> NetworkPublic:
    network = session.get(Network, access.network_id)
    assert network is not None  # the access dependency found it in this transaction
    return network_public(network, parent_slug_of(session, network), access.role)


_NETWORK_SORT = [
    SortColumn(Network.name),
    SortColumn(Network.id, parse=parse_uuid),
]


def list_networks(
    session: Session, user: User, *, codec: CursorCodec, limit: int, cursor: str | None
) -> tuple[list[NetworkPublic], str | None]:
    """The networks the user belongs to; a platform admin sees every network."""
    cursors = codec.for_list("networks", user=user.id)
    parent = aliased(Network)
    statement = (
        select(Network, col(parent.slug), col(Membership.role))
        .outerjoin(parent, parent.id == Network.parent_id)  # type: ignore[arg-type]
        .outerjoin(
            Membership,
            (Membership.network_id == Network.id) & (Membership.user_id == user.id),  # type: ignore[arg-type]
        )
    )
    if not user.is_admin:
        statement = statement.where(col(Membership.id).is_not(None))
    rows = session.execute(
        paginate(statement, cursors=cursors, columns=_NETWORK_SORT, limit=limit, cursor=cursor)
    ).all()
    items, next_cursor = page_of(
        rows, cursors=cursors, limit=limit, key=lambda row: (row[0].name, row[0].id)
    )
    return [network_public(n, parent_slug, role) for n, parent_slug, role in items], next_cursor


def _network_by_slug(session: Session, slug: str) -> Network | None:
    return session.scalars(select(Network).where(Network.slug == slug)).first()  # type: ignore[arg-type]


def _resolve_parent(session: Session, slug: str, child: Network | None) -> Network:
    parent = _network_by_slug(session, slug)
    if parent is None:
        raise NotFound(
            "No network with this slug.",
            errors=[FieldError(field="body.parent", message="no network with this slug")],
        )
    # Walk up from the new parent: meeting the child means a cycle.
    cursor: Network | None = parent
    seen: set[uuid.UUID] = set()
    while cursor is not None and cursor.id not in seen:
        if child is not None and cursor.id == child.id:
            raise Conflict.on_field("body.parent", "A network cannot be nested inside itself.")
        seen.add(cursor.id)
        cursor = session.get(Network, cursor.parent_id) if cursor.parent_id else None
    return parent


def create_network(session: Session, actor: User, data: NetworkCreate) -> NetworkPublic:
    if _network_by_slug(session, data.slug) is not None:
        raise Conflict.on_field("body.slug", "A network with this slug already exists.")
    parent = _resolve_parent(session, data.parent, None) if data.parent else None
    network = Network(
        slug=data.slug,
        name=data.name,
        level=data.level,
        area=data.area,
        languages=data.languages,
        parent_id=parent.id if parent else None,
        assessments_visible_to_members=data.assessments_visible_to_members,
        referral_expiry_factor=data.referral_expiry_factor,
        disclosure_threshold=data.disclosure_threshold,
    )
    session.add(network)
    session.flush()
    audit.record(
        session,
        actor_id=actor.id,
        network_id=network.id,
        action="network.create",
        object_type="network",
        object_id=network.id,
        after=_snapshot(network),
    )
    return network_public(network, parent.slug if parent else None, None)


def update_network(
    session: Session, access: NetworkAccess, data: NetworkUpdate, if_match: str | None
) -> NetworkPublic:
    network = lock(session, Network, access.network_id)
    assert network is not None  # the access dependency found it in this transaction
    require_current_version(if_match, network.version)
    changes = data.model_dump(exclude_unset=True)
    before = _snapshot(network)
    if "parent" in changes:
        slug = changes.pop("parent")
        parent_id = _resolve_parent(session, slug, network).id if slug else None
        if parent_id != network.parent_id and not access.user.is_admin:
            raise Forbidden("Only platform administrators can change where a network is nested.")
        network.parent_id = parent_id
    for name, value in changes.items():
        setattr(network, name, value)
    after = _snapshot(network)
    audit.record_update(
        session,
        network,
        actor_id=access.user.id,
        network_id=network.id,
        action="network.update",
        object_type="network",
        before=before,
        after=after,
    )
    return network_public(network, parent_slug_of(session, network), access.role)


# --- memberships -------------------------------------------------------------------------


def _partner_ids_by_membership(
    session: Session, membership_ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, list[uuid.UUID]]:
    ids = list(membership_ids)
    result: dict[uuid.UUID, list[uuid.UUID]] = {i: [] for i in ids}
    if not ids:
        return result
    rows = session.execute(
        select(col(MembershipPartner.membership_id), col(MembershipPartner.partner_id))
        .where(MembershipPartner.membership_id.in_(ids))  # type: ignore[attr-defined]
        .order_by(col(MembershipPartner.partner_id))
    ).all()
    for membership_id, partner_id in rows:
        result[membership_id].append(partner_id)
    return result


def _membership_public(
    membership: Membership, user: User, partner_ids: Sequence[uuid.UUID]
) -> MembershipPublic:
    return MembershipPublic(
        id=membership.id,
        user_id=user.id,
        email=user.email,
        full_name=user.full_name,
        role=membership.role,
        partner_ids=list(partner_ids),
        version=membership.version,
        created_at=membership.created_at,
    )


_MEMBER_SORT = [
    SortColumn(User.full_name),
    SortColumn(Membership.id, parse=parse_uuid),
]


def list_members(
    session: Session,
    access: NetworkAccess,
    *,
    role: MembershipRole | None,
    codec: CursorCodec,
    limit: int,
    cursor: str | None,
) -> tuple[list[MembershipPublic], str | None, int]:
    """A page of the network's members, the next cursor, and how many match in all."""
    cursors = codec.for_list("members", network=access.network_id, role=role)
    statement = (
        select(Membership, User)
        .join(User, User.id == Membership.user_id)  # type: ignore[arg-type]
        .where(Membership.network_id == access.network_id)  # type: ignore[arg-type]
    )
    if role:
        statement = statement.where(Membership.role == role)  # type: ignore[arg-type]
    rows = session.execute(
        paginate(statement, cursors=cursors, columns=_MEMBER_SORT, limit=limit, cursor=cursor)
    ).all()
    items, next_cursor = page_of(
        rows, cursors=cursors, limit=limit, key=lambda row: (row[1].full_name, row[0].id)
    )
    links = _partner_ids_by_membership(session, (m.id for m, _ in items))
    total = count_of(session, statement)
    return [_membership_public(m, u, links[m.id]) for m, u in items], next_cursor, total


def _get_membership(
    session: Session, access: NetworkAccess, membership_id: uuid.UUID, *, for_update: bool = False
) -> tuple[Membership, User]:
    if for_update:
        # Membership changes of one network take turns (the network row is the lock), so
        # "at least one coordinator" holds even when two coordinators step down at once.
        lock(session, Network, access.network_id)
    statement = (
        select(Membership, User)
        .join(User, User.id == Membership.user_id)  # type: ignore[arg-type]
        .where(
            Membership.id == membership_id,  # type: ignore[arg-type]
            Membership.network_id == access.network_id,  # type: ignore[arg-type]
        )
    )
    if for_update:
        statement = statement.execution_options(populate_existing=True)
    row = session.execute(statement).first()
    if row is None:
        raise NotFound("No member with this id in this network.")
    return row[0], row[1]


def get_member(
    session: Session, access: NetworkAccess, membership_id: uuid.UUID
) -> MembershipPublic:
    membership, user = _get_membership(session, access, membership_id)
    return _membership_public(
        membership, user, _partner_ids_by_membership(session, [membership.id])[membership.id]
    )


def _check_partner_links(
    session: Session, access: NetworkAccess, partner_ids: list[uuid.UUID]
) -> list[uuid.UUID]:
    partner_ids = list(dict.fromkeys(partner_ids))
    missing = set(partner_ids) - partners.existing_partner_ids(
        session, access.network_id, partner_ids
    )
    if missing:
        raise NotFound(
            "Some of these partners are not in this network.",
            errors=[FieldError(field="body.partner_ids", message="not in this network")],
        )
    return partner_ids


def _set_partner_links(
    session: Session, membership_id: uuid.UUID, partner_ids: list[uuid.UUID]
) -> None:
    session.execute(
        delete(MembershipPartner).where(MembershipPartner.membership_id == membership_id)  # type: ignore[arg-type]
    )
    for partner_id in partner_ids:
        session.add(MembershipPartner(membership_id=membership_id, partner_id=partner_id))


def add_member(session: Session, access: NetworkAccess, data: MembershipCreate) -> MembershipPublic:
    user = accounts.find_by_email(session, data.email)
    if user is None:
        raise NotFound(
            "No account has this e-mail; a platform administrator creates accounts.",
            errors=[FieldError(field="body.email", message="no account with this e-mail")],
        )
    existing = session.scalars(
        select(Membership).where(
            Membership.network_id == access.network_id,  # type: ignore[arg-type]
            Membership.user_id == user.id,  # type: ignore[arg-type]
        )
    ).first()
    if existing is not None:
        raise Conflict("This person is already a member of the network; change their role instead.")
    partner_ids = _check_partner_links(session, access, data.partner_ids)
    membership = _create_membership(
        session, access.network_id, access.user.id, user, data.role, partner_ids
    )
    return _membership_public(membership, user, partner_ids)


def _create_membership(
    session: Session,
    network_id: uuid.UUID,
    actor_id: uuid.UUID,
    user: User,
    role: MembershipRole,
    partner_ids: list[uuid.UUID],
    **audited: Any,
) -> Membership:
    """The membership, its partner links and its audit event (`audited`: more to record)."""
    membership = Membership(network_id=network_id, user_id=user.id, role=role)
    session.add(membership)
    session.flush()
    _set_partner_links(session, membership.id, partner_ids)
    audit.record(
        session,
        actor_id=actor_id,
        network_id=network_id,
        action="membership.create",
        object_type="membership",
        object_id=membership.id,
        after={
            "user_id": user.id,
            "email": user.email,
            "role": role,
            "partner_ids": partner_ids,
            **audited,
        },
    )
    return membership


def _ensure_another_coordinator(
    session: Session, access: NetworkAccess, membership: Membership
) -> None:
    others = session.scalar(
        select(func.count())
        .select_from(Membership)
        .where(
            Membership.network_id == access.network_id,  # type: ignore[arg-type]
            Membership.role == MembershipRole.coordinator,  # type: ignore[arg-type]
            Membership.id != membership.id,  # type: ignore[arg-type]
        )
    )
    if not others:
        raise Conflict("A network needs at least one coordinator; appoint another one first.")


def update_member(
    session: Session,
    access: NetworkAccess,
    membership_id: uuid.UUID,
    data: MembershipUpdate,
    if_match: str | None,
) -> MembershipPublic:
    membership, user = _get_membership(session, access, membership_id, for_update=True)
    require_current_version(if_match, membership.version)
    current_links = _partner_ids_by_membership(session, [membership.id])[membership.id]
    role = data.role or membership.role
    if membership.role == MembershipRole.coordinator and role != MembershipRole.coordinator:
        _ensure_another_coordinator(session, access, membership)
    links = current_links if data.partner_ids is None else data.partner_ids
    links = _check_partner_links(session, access, links)
    before = {"role": membership.role, "partner_ids": sorted(map(str, current_links))}
    after = {"role": role, "partner_ids": sorted(map(str, links))}
    if before != after:
        membership.role = role
        membership.version += 1
        session.add(membership)
        _set_partner_links(session, membership.id, links)
        audit.record(
            session,
            actor_id=access.user.id,
            network_id=access.network_id,
            action="membership.update",
            object_type="membership",
            object_id=membership.id,
            before=before,
            after=after,
        )
    return _membership_public(membership, user, links)


def remove_member(
    session: Session, access: NetworkAccess, membership_id: uuid.UUID, if_match: str | None
) -> None:
    membership, user = _get_membership(session, access, membership_id, for_update=True)
    require_current_version(if_match, membership.version)
    if membership.role == MembershipRole.coordinator:
        _ensure_another_coordinator(session, access, membership)
    session.delete(membership)
    audit.record(
        session,
        actor_id=access.user.id,
        network_id=access.network_id,
        action="membership.delete",
        object_type="membership",
        object_id=membership.id,
        before={"user_id": user.id, "email": user.email, "role": membership.role},
    )


def memberships_of(session: Session, user: User) -> list[MyMembership]:
    rows = session.execute(
        select(Membership, Network)
        .join(Network, Network.id == Membership.network_id)  # type: ignore[arg-type]
        .where(Membership.user_id == user.id)  # type: ignore[arg-type]
        .order_by(Network.name)
    ).all()
    links = _partner_ids_by_membership(session, (m.id for m, _ in rows))
    return [
        MyMembership(network=n.slug, network_name=n.name, role=m.role, partner_ids=links[m.id])
        for m, n in rows
    ]


# --- invitations -------------------------------------------------------------------------
# A coordinator offers a role to an e-mail; whoever signs in with that account accepts with
# the one-time token. Nothing in the coordinator's answers depends on whether an account
# with that e-mail exists, and nobody becomes a member without accepting.

ACCEPT_PATH = "/invitations/accept"


def _token_hash(token: str) -> str:
    # The token carries 256 random bits: a plain digest is as good as a slow hash here.
    return hashlib.sha256(token.encode()).hexdigest()


def invitation_status(invitation: Invitation) -> InvitationStatus:
    if invitation.accepted_at is not None:
        return InvitationStatus.accepted
    if invitation.withdrawn_at is not None:
        return InvitationStatus.withdrawn
    if invitation.expires_at <= utcnow():
        return InvitationStatus.expired
    return InvitationStatus.pending


def _status_condition(wanted: InvitationStatus) -> Any:
    now = utcnow()
    open_ = and_(col(Invitation.accepted_at).is_(None), col(Invitation.withdrawn_at).is_(None))
    if wanted is InvitationStatus.accepted:
        return col(Invitation.accepted_at).is_not(None)
    if wanted is InvitationStatus.withdrawn:
        return and_(
            col(Invitation.accepted_at).is_(None), col(Invitation.withdrawn_at).is_not(None)
        )
    if wanted is InvitationStatus.expired:
        return and_(open_, col(Invitation.expires_at) <= now)
    return and_(open_, col(Invitation.expires_at) > now)


def _invitation_public(invitation: Invitation) -> InvitationPublic:
    return InvitationPublic(
        id=invitation.id,
        email=invitation.email,
        role=invitation.role,
        partner_ids=[uuid.UUID(p) for p in invitation.partner_ids],
        status=invitation_status(invitation),
        expires_at=invitation.expires_at,
        invited_by_id=invitation.invited_by_id,
        accepted_at=invitation.accepted_at,
        withdrawn_at=invitation.withdrawn_at,
        version=invitation.version,
        created_at=invitation.created_at,
    )


def _invitation_snapshot(invitation: Invitation) -> dict[str, Any]:
    # The trail keeps who was invited and to what, never the token or its hash.
    return {
        "email": invitation.email,
        "role": invitation.role,
        "partner_ids": list(invitation.partner_ids),
        "expires_at": invitation.expires_at,
        "status": invitation_status(invitation),
    }


def _is_member(session: Session, network_id: uuid.UUID, email: str) -> bool:
    return (
        session.scalar(
            select(func.count())
            .select_from(Membership)
            .join(User, User.id == Membership.user_id)  # type: ignore[arg-type]
            .where(Membership.network_id == network_id, User.email == email)  # type: ignore[arg-type]
        )
        or 0
    ) > 0


def create_invitation(
    session: Session, access: NetworkAccess, data: InvitationCreate, *, valid_days: int
) -> InvitationCreated:
    email = accounts.normalise_email(data.email)
    partner_ids = _check_partner_links(session, access, data.partner_ids)
    # The coordinator sees the member list anyway: saying "already a member" tells them
    # nothing new, and says nothing about accounts that are not members.
    if _is_member(session, access.network_id, email):
        raise Conflict.on_field(
            "body.email", "This person is already a member of the network; change their role."
        )
    pending = session.scalar(
        select(func.count())
        .select_from(Invitation)
        .where(
            Invitation.network_id == access.network_id,  # type: ignore[arg-type]
            Invitation.email == email,  # type: ignore[arg-type]
            _status_condition(InvitationStatus.pending),
        )
    )
    if pending:
        raise Conflict.on_field(
            "body.email", "This e-mail already has a pending invitation; withdraw it first."
        )
    token = secrets.token_urlsafe(32)
    invitation = Invitation(
        network_id=access.network_id,
        email=email,
        role=data.role,
        partner_ids=[str(p) for p in partner_ids],
        token_hash=_token_hash(token),
        invited_by_id=access.user.id,
        expires_at=utcnow() + timedelta(days=valid_days),
    )
    session.add(invitation)
    session.flush()
    audit.record(
        session,
        actor_id=access.user.id,
        network_id=access.network_id,
        action="invitation.create",
        object_type="invitation",
        object_id=invitation.id,
        after=_invitation_snapshot(invitation),
    )
    return InvitationCreated(
        **_invitation_public(invitation).model_dump(),
        token=token,
        accept_path=f"{ACCEPT_PATH}#token={token}",
    )


_INVITATION_SORT = [
    SortColumn(Invitation.created_at, descending=True, parse=parse_datetime),
    SortColumn(Invitation.id, descending=True, parse=parse_uuid),
]


def list_invitations(
    session: Session,
    access: NetworkAccess,
    *,
    status: InvitationStatus | None,
    codec: CursorCodec,
    limit: int,
    cursor: str | None,
) -> tuple[list[InvitationPublic], str | None, int]:
    """A page of the network's invitations, the next cursor, and how many match in all."""
    cursors = codec.for_list("invitations", network=access.network_id, status=status)
    statement = select(Invitation).where(Invitation.network_id == access.network_id)  # type: ignore[arg-type]
    if status is not None:
        statement = statement.where(_status_condition(status))
    rows = session.execute(
        paginate(statement, cursors=cursors, columns=_INVITATION_SORT, limit=limit, cursor=cursor)
    ).all()
    items, next_cursor = page_of(
        rows, cursors=cursors, limit=limit, key=lambda row: (row[0].created_at, row[0].id)
    )
    total = count_of(session, statement)
    return [_invitation_public(row[0]) for row in items], next_cursor, total


def _get_invitation(
    session: Session, access: NetworkAccess, invitation_id: uuid.UUID, *, for_update: bool = False
) -> Invitation:
    invitation = (
        lock(session, Invitation, invitation_id)
        if for_update
        else session.get(Invitation, invitation_id)
    )
    if invitation is None or invitation.network_id != access.network_id:
        raise NotFound("No invitation with this id in this network.")
    return invitation


def get_invitation(
    session: Session, access: NetworkAccess, invitation_id: uuid.UUID
) -> InvitationPublic:
    return _invitation_public(_get_invitation(session, access, invitation_id))


def withdraw_invitation(
    session: Session, access: NetworkAccess, invitation_id: uuid.UUID, if_match: str | None
) -> None:
    invitation = _get_invitation(session, access, invitation_id, for_update=True)
    require_current_version(if_match, invitation.version)
    if invitation_status(invitation) is not InvitationStatus.pending:
        raise Conflict(
            f"This invitation is {invitation_status(invitation).value}; "
            "only a pending invitation can be withdrawn."
        )
    before = _invitation_snapshot(invitation)
    invitation.withdrawn_at = utcnow()
    invitation.version += 1
    session.add(invitation)
    audit.record(
        session,
        actor_id=access.user.id,
        network_id=access.network_id,
        action="invitation.withdraw",
        object_type="invitation",
        object_id=invitation.id,
        before=before,
        after=_invitation_snapshot(invitation),
    )


def accept_invitation(session: Session, user: User, token: str) -> MyMembership:
    found = session.scalars(
        select(Invitation).where(Invitation.token_hash == _token_hash(token))  # type: ignore[arg-type]
    ).first()
    if found is None:
        raise NotFound("This invitation link is not valid. Ask the coordinator for a new one.")
    if found.email != user.email:
        # Nothing about the network: the link may have reached the wrong person.
        raise Forbidden(
            "This invitation is for another e-mail address. Sign in with the account it was "
            "sent to, or ask the coordinator to invite this one."
        )
    # Membership changes of one network take turns (see _get_membership), and the
    # invitation is read again under that lock so it is used once.
    network = lock(session, Network, found.network_id)
    invitation = lock(session, Invitation, found.id)
    assert network is not None and invitation is not None  # cascades keep them together
    status = invitation_status(invitation)
    if status is not InvitationStatus.pending:
        raise Conflict(
            {
                InvitationStatus.accepted: "This invitation has already been used.",
                InvitationStatus.withdrawn: "This invitation was withdrawn by the coordinator.",
                InvitationStatus.expired: "This invitation has expired; ask for a new one.",
            }[status]
        )
    if _is_member(session, network.id, user.email):
        raise Conflict("You are already a member of this network.")
    # Partners deleted since the invitation are dropped, not a reason to refuse.
    wanted = [uuid.UUID(p) for p in invitation.partner_ids]
    still_there = partners.existing_partner_ids(session, network.id, wanted)
    partner_ids = [p for p in wanted if p in still_there]
    before = _invitation_snapshot(invitation)
    membership = _create_membership(
        session,
        network.id,
        user.id,
        user,
        MembershipRole(invitation.role),
        partner_ids,
        invitation_id=invitation.id,
    )
    invitation.accepted_at = utcnow()
    invitation.accepted_by_id = user.id
    invitation.membership_id = membership.id
    invitation.version += 1
    session.add(invitation)
    audit.record(
        session,
        actor_id=user.id,
        network_id=network.id,
        action="invitation.accept",
        object_type="invitation",
        object_id=invitation.id,
        before=before,
        after={**_invitation_snapshot(invitation), "membership_id": membership.id},
    )
    return MyMembership(
        network=network.slug,
        network_name=network.name,
        role=invitation.role,
        partner_ids=partner_ids,
    )


def with_nested(session: Session, network_id: uuid.UUID) -> list[tuple[uuid.UUID, str]]:
    """The network and every network nested below it, at any depth, as (id, slug), the
    network itself first: a national network's statistics consolidate its sub-networks'."""
    rows = fetch_rows(session, select(Network.id, Network.slug, Network.parent_id))  # type: ignore[call-overload]
    children: dict[uuid.UUID | None, list[tuple[uuid.UUID, str]]] = {}
    slugs = {}
    for network, slug, parent in rows:
        children.setdefault(parent, []).append((network, slug))
        slugs[network] = slug
    found = [(network_id, slugs[network_id])]
    for network, _slug in found:
        found.extend(sorted(children.get(network, []), key=lambda item: item[1]))
    return found
