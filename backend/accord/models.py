"""Every table, imported in one place so Alembic and the tests see the whole schema."""

from sqlmodel import SQLModel

from accord.accounts.models import RefreshSession, User
from accord.areas.models import Area
from accord.audit.models import AuditEvent
from accord.core.idempotency import IdempotencyRecord
from accord.networks.models import Membership, MembershipPartner, Network, NetworkRevision
from accord.partners.models import (
    Contact,
    Partner,
    PartnerLabel,
    PartnerStageChange,
    StakeholderAssessment,
)
from accord.pathways.models import Pathway, PathwayNeed
from accord.referrals.models import Referral, ReferralNeed
from accord.referrals.tallies import NetworkLineage, ReferralMinuteTally, ReferralTally
from accord.roles.models import (
    CatalogueState,
    CommitmentStatusChange,
    NetworkRole,
    Role,
    RoleCommitment,
)
from accord.services.models import CapacityPost, Service, ServiceLabel, ServiceLocation

metadata = SQLModel.metadata

__all__ = [
    "Area",
    "AuditEvent",
    "CapacityPost",
    "CatalogueState",
    "CommitmentStatusChange",
    "Contact",
    "IdempotencyRecord",
    "Membership",
    "MembershipPartner",
    "Network",
    "NetworkLineage",
    "NetworkRevision",
    "NetworkRole",
    "Partner",
    "PartnerLabel",
    "PartnerStageChange",
    "Pathway",
    "PathwayNeed",
    "Referral",
    "ReferralMinuteTally",
    "ReferralNeed",
    "ReferralTally",
    "RefreshSession",
    "Role",
    "RoleCommitment",
    "Service",
    "ServiceLabel",
    "ServiceLocation",
    "StakeholderAssessment",
    "User",
    "metadata",
]
