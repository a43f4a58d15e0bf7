"""Every table, imported in one place so Alembic and the tests see the whole schema."""

from sqlmodel import SQLModel

from accord.accounts.models import User
from accord.audit.models import AuditEvent
from accord.core.idempotency import IdempotencyRecord
from accord.networks.models import Membership, MembershipPartner, Network
from accord.partners.models import (
    Contact,
    Partner,
    PartnerLabel,
    PartnerStageChange,
    StakeholderAssessment,
)

metadata = SQLModel.metadata

__all__ = [
    "AuditEvent",
    "Contact",
    "IdempotencyRecord",
    "Membership",
    "MembershipPartner",
    "Network",
    "Partner",
    "PartnerLabel",
    "PartnerStageChange",
    "StakeholderAssessment",
    "User",
    "metadata",
]
