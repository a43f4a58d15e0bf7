"""Who may do what in a network. Every network-scoped route depends on `load_network_access`,
which reads the network and the caller's membership in one query.

A user with no membership sees the network as nonexistent (404), a member without the
needed role gets 403. A platform admin who is not a member may manage the network itself
and its members, and nothing else.
"""

import uuid
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, Path
from sqlalchemy import and_, select
from sqlmodel import col

from accord.accounts.deps import BearerToken, ensure_current, token_claims
from accord.accounts.models import User
from accord.core.deps import SessionDep, SettingsDep
from accord.core.errors import Forbidden, NotFound
from accord.core.fields import SLUG_PATTERN
from accord.core.vocabulary import MembershipRole
from accord.networks.models import Membership, MembershipPartner, Network
from accord.networks.revision import revise_on_commit

NetworkSlug = Annotated[
    str,
    Path(
        min_length=2,
        max_length=60,
        pattern=SLUG_PATTERN,
        description="The network's slug.",
        examples=["riverside-ccr"],
    ),
]


@dataclass(frozen=True)
class NetworkAccess:
    network: Network
    user: User
    role: MembershipRole | None
    membership_id: uuid.UUID | None = None
    editable_partner_ids: frozenset[uuid.UUID] = field(default_factory=frozenset)

    @property
    def network_id(self) -> uuid.UUID:
        return self.network.id

    @property
    def revision(self) -> int:
        """The network's revision as this request read it (networks/revision.py)."""
        return self.network.revision

    @property
    def is_coordinator(self) -> bool:
        return self.role == MembershipRole.coordinator

    def can_edit_partner(self, partner_id: uuid.UUID) -> bool:
        return self.is_coordinator or (
            self.role == MembershipRole.partner_editor and partner_id in self.editable_partner_ids
        )

    def ensure_can_edit_partner(self, partner_id: uuid.UUID) -> None:
        if not self.can_edit_partner(partner_id):
            raise Forbidden(
                "Only the network's coordinators and this partner's own editors can change it."
            )

    def ensure_coordinator(self, what: str) -> None:
        if not self.is_coordinator:
            raise Forbidden(f"Only the network's coordinators can {what}.")


def load_network_access(
    network: NetworkSlug, token: BearerToken, session: SessionDep, settings: SettingsDep
) -> NetworkAccess:
    # The caller, the network and the membership in one query: every network route pays it.
    user_id, version = token_claims(settings, token)
    row = session.execute(
        select(User, Network, Membership)
        .select_from(User)
        .outerjoin(Network, Network.slug == network)  # type: ignore[arg-type]
        .outerjoin(
            Membership,
            and_(Membership.network_id == Network.id, Membership.user_id == User.id),  # type: ignore[arg-type]
        )
        .where(User.id == user_id)  # type: ignore[arg-type]
    ).first()
    caller, found, membership = row if row is not None else (None, None, None)
    user = ensure_current(caller, version)
    if found is None:
        raise NotFound("No network with this slug.")
    revise_on_commit(session, found.id)
    if membership is None:
        if user.is_admin:
            return NetworkAccess(network=found, user=user, role=None)
        raise NotFound("No network with this slug.")
    editable: frozenset[uuid.UUID] = frozenset()
    if membership.role == MembershipRole.partner_editor:
        editable = frozenset(
            session.scalars(
                select(col(MembershipPartner.partner_id)).where(
                    MembershipPartner.membership_id == membership.id  # type: ignore[arg-type]
                )
            )
        )
    return NetworkAccess(
        network=found,
        user=user,
        role=MembershipRole(membership.role),
        membership_id=membership.id,
        editable_partner_ids=editable,
    )


class Allow:
    """A route's permission: the membership roles (and whether a non-member admin) it admits."""

    def __init__(self, *roles: MembershipRole, platform_admin: bool = False) -> None:
        self.roles = frozenset(roles)
        self.platform_admin = platform_admin

    async def __call__(
        self, access: Annotated[NetworkAccess, Depends(load_network_access)]
    ) -> NetworkAccess:
        if access.role in self.roles:
            return access
        if access.role is None and self.platform_admin and access.user.is_admin:
            return access
        raise Forbidden("Your role in this network does not allow this.")


_ALL_ROLES = tuple(MembershipRole)

# Any member: reads.
MemberAccess = Annotated[NetworkAccess, Depends(Allow(*_ALL_ROLES))]
# Members who may edit something (finer checks happen per record).
EditorAccess = Annotated[
    NetworkAccess, Depends(Allow(MembershipRole.coordinator, MembershipRole.partner_editor))
]
CoordinatorAccess = Annotated[NetworkAccess, Depends(Allow(MembershipRole.coordinator))]
# The network's own settings and members: coordinators, and platform admins.
NetworkAdminAccess = Annotated[
    NetworkAccess, Depends(Allow(MembershipRole.coordinator, platform_admin=True))
]
# Reading the network's own record: any member, and platform admins.
NetworkReadAccess = Annotated[NetworkAccess, Depends(Allow(*_ALL_ROLES, platform_admin=True))]
