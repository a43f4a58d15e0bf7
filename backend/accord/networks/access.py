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
from sqlalchemy import and_, bindparam, select
from sqlmodel import Session, col

from accord.accounts.deps import BearerToken, is_current, stale_token, token_claims
from accord.accounts.models import User
from accord.core.database import fetch_rows
from accord.core.deps import RequestSession, SettingsDep
from accord.core.errors import Forbidden, NotFound
from accord.core.fields import SLUG_PATTERN
from accord.core.kept import Part
from accord.core.vocabulary import MembershipRole
from accord.networks.models import Membership, MembershipPartner, Network
from accord.networks.revision import revision_of

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


@dataclass(frozen=True, slots=True)
class NetworkRef:
    """What a request needs of the network it works in; routes that show the network itself
    read its record."""

    id: uuid.UUID
    slug: str
    version: int
    # The network's revision counters, indexed by core/kept.py `Part` (the first moves with
    # every committed write in the network): what kept answers are kept under.
    revisions: tuple[int, ...]
    # Whether members other than coordinators may read stakeholder assessments.
    assessments_open: bool = False

    @property
    def revision(self) -> int:
        """The revision that moves with every committed write in the network."""
        return self.revisions[Part.every_write]

    @classmethod
    def of(cls, network: Network, revisions: tuple[int, ...] = (0,) * len(Part)) -> "NetworkRef":
        return cls(
            network.id,
            network.slug,
            network.version,
            revisions,
            bool(network.assessments_visible_to_members),
        )


@dataclass(frozen=True, slots=True)
class Caller:
    """Who is asking: enough to check permissions and to sign audit entries."""

    id: uuid.UUID
    is_admin: bool

    @classmethod
    def of(cls, user: User) -> "Caller":
        return cls(user.id, user.is_admin)


@dataclass(frozen=True)
class NetworkAccess:
    network: NetworkRef
    user: Caller
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
    def revisions(self) -> tuple[int, ...]:
        """Every counter of the network's revision as this request read it, by `Part`."""
        return self.network.revisions

    @property
    def audience(self) -> tuple[object, ...]:
        """What this caller may see, as a key: kept answers are kept per audience
        (core/kept.py), so one caller's answer never reaches another who may see less."""
        return (self.role, self.user.is_admin and self.role is None, self.editable_partner_ids)

    @property
    def may_see_assessments(self) -> bool:
        """Assessments are the coordinators' working notes, readable by other members only
        when the network opens them (read in the same query that finds the caller)."""
        return self.is_coordinator or self.network.assessments_open

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


_users = User.__table__  # type: ignore[attr-defined]
_networks = Network.__table__  # type: ignore[attr-defined]
_memberships = Membership.__table__  # type: ignore[attr-defined]
# The caller, the network and the membership in one statement, as plain columns: every
# network route pays for it (ORM entities here cost ten times the query itself).
_CALLER_IN_NETWORK = (
    select(
        _users.c.is_active,
        _users.c.is_admin,
        _users.c.version.label("user_version"),
        _networks.c.id.label("network_id"),
        _networks.c.version.label("network_version"),
        _networks.c.assessments_visible_to_members,
        *(revision_of(_networks.c.id, part).label(f"revision_{part.name}") for part in Part),
        _memberships.c.id.label("membership_id"),
        _memberships.c.role,
    )
    .select_from(_users)
    .outerjoin(_networks, _networks.c.slug == bindparam("slug"))
    .outerjoin(
        _memberships,
        and_(_memberships.c.network_id == _networks.c.id, _memberships.c.user_id == _users.c.id),
    )
    .where(_users.c.id == bindparam("user_id"))
)


def load_network_access(
    network: NetworkSlug, token: BearerToken, session: RequestSession, settings: SettingsDep
) -> NetworkAccess:
    """The caller, the network and the membership (in a worker thread: it is a query)."""
    user_id, version = token_claims(settings, token)
    return _access(session, network, user_id, version)


def _access(session: Session, network: str, user_id: uuid.UUID, version: int) -> NetworkAccess:
    rows = fetch_rows(session, _CALLER_IN_NETWORK, {"slug": network, "user_id": user_id})
    if not rows or not is_current(rows[0].is_active, rows[0].user_version, version):
        raise stale_token()
    row = rows[0]
    if row.network_id is None:
        raise NotFound("No network with this slug.")
    found = NetworkRef(
        row.network_id,
        network,
        row.network_version,
        tuple(getattr(row, f"revision_{part.name}") for part in Part),
        bool(row.assessments_visible_to_members),
    )
    caller = Caller(user_id, row.is_admin)
    if row.membership_id is None:
        if caller.is_admin:
            return NetworkAccess(network=found, user=caller, role=None)
        raise NotFound("No network with this slug.")
    editable: frozenset[uuid.UUID] = frozenset()
    if row.role == MembershipRole.partner_editor:
        editable = frozenset(
            session.scalars(
                select(col(MembershipPartner.partner_id)).where(
                    MembershipPartner.membership_id == row.membership_id  # type: ignore[arg-type]
                )
            )
        )
    return NetworkAccess(
        network=found,
        user=caller,
        role=MembershipRole(row.role),
        membership_id=row.membership_id,
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
