"""Referrals: one referral sent along a pathway (or straight to a service), tracked until it
is closed — with nothing about the survivor. A referral holds ids, codes, timestamps and
statuses, and the sender's own opaque reference; never a name, a birth date, an address, a
phone number, an e-mail or a note (tests/referrals/test_no_free_text.py walks the OpenAPI
document to keep it so)."""

import uuid
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import ConfigDict, StringConstraints, model_validator
from pydantic import Field as PydanticField
from sqlalchemy import Index
from sqlmodel import Field

from accord.core.fields import Id
from accord.core.models import (
    InputModel,
    OutputModel,
    SQLModel,
    UTCDateTime,
    code_field,
    id_field,
    utcnow,
)
from accord.core.vocabulary import (
    Code,
    DeclineReason,
    Need,
    ReferralStatus,
    ServiceType,
    Urgency,
)
from accord.pathways.models import NeedList
from accord.referrals.reference import REFERENCE_PATTERN, SenderReference

MAX_BATCH = 500


class Referral(SQLModel, table=True):
    __tablename__ = "referrals"
    __table_args__ = (
        # The inboxes: what a partner received, and what it sent, newest first.
        Index("ix_referrals_to_partner_sent", "network_id", "to_partner_id", "sent_at", "id"),
        Index("ix_referrals_from_partner_sent", "network_id", "from_partner_id", "sent_at", "id"),
        Index("ix_referrals_network_sent", "network_id", "sent_at", "id"),
        # Open referrals past their time (the overview) and the expiry sweep.
        Index("ix_referrals_network_status_due", "network_id", "status", "due_at"),
        Index("ix_referrals_status_expires", "status", "expires_at"),
    )

    id: uuid.UUID = id_field()
    network_id: uuid.UUID = Field(foreign_key="networks.id", ondelete="CASCADE")
    # Null for a referral sent straight to a service (off_pathway), or whose pathway was
    # removed since: the referral's own ends stay.
    pathway_id: uuid.UUID | None = Field(
        default=None, foreign_key="pathways.id", ondelete="SET NULL", index=True
    )
    off_pathway: bool = Field(default=False)
    from_service_id: uuid.UUID = Field(foreign_key="services.id", ondelete="CASCADE", index=True)
    to_service_id: uuid.UUID = Field(foreign_key="services.id", ondelete="CASCADE", index=True)
    # The services' partners, kept on the referral: who may see it, and the statistics by
    # receiving partner, without a join per row.
    from_partner_id: uuid.UUID = Field(foreign_key="partners.id", ondelete="CASCADE")
    to_partner_id: uuid.UUID = Field(foreign_key="partners.id", ondelete="CASCADE")
    urgency: Urgency = code_field(20)
    consent_given: bool
    sender_reference: str | None = Field(default=None, max_length=64)
    status: ReferralStatus = code_field(20, default=ReferralStatus.sent)
    decline_reason: DeclineReason | None = code_field(30, default=None, nullable=True)
    # Referred onward: the declined referral names the one it became, which names it back.
    # Indexed: deleting a referral (or what cascades to it) clears these links, and without
    # an index each delete scans every referral (2.6 s on PostgreSQL at 2 million).
    previous_referral_id: uuid.UUID | None = Field(
        default=None, foreign_key="referrals.id", ondelete="SET NULL", index=True
    )
    onward_referral_id: uuid.UUID | None = Field(
        default=None, foreign_key="referrals.id", ondelete="SET NULL", index=True
    )
    sent_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    due_at: datetime = Field(sa_type=UTCDateTime)
    expires_at: datetime = Field(sa_type=UTCDateTime)
    received_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    accepted_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    declined_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    completed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    revoked_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    expired_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # Whole minutes from sending, kept when the step happens: the statistics' medians and
    # percentiles are then plain integer columns on SQLite and PostgreSQL alike.
    minutes_to_receive: int | None = Field(default=None)
    minutes_to_accept: int | None = Field(default=None)
    version: int = Field(default=1)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class ReferralNeed(SQLModel, table=True):
    """The coded needs a referral is for, one row per need."""

    __tablename__ = "referral_needs"
    __table_args__ = (Index("ix_referral_needs_kind_value", "kind", "value", "referral_id"),)

    referral_id: uuid.UUID = Field(foreign_key="referrals.id", primary_key=True, ondelete="CASCADE")
    kind: str = Field(primary_key=True, max_length=20)
    value: str = Field(primary_key=True, max_length=40)
    position: int = Field(default=0)


_UUID: dict[str, Any] = {"type": "string", "format": "uuid"}


class ReferralCreate(InputModel):
    """Along an agreed pathway (`pathway_id`), or straight to a service (`from_service_id`
    and `to_service_id`: an off-pathway referral). Codes only."""

    # The document says it as the API checks it: a pathway, or both services.
    model_config = ConfigDict(
        json_schema_extra={
            "anyOf": [
                {"properties": {"pathway_id": _UUID}, "required": ["pathway_id"]},
                {
                    "properties": {"from_service_id": _UUID, "to_service_id": _UUID},
                    "required": ["from_service_id", "to_service_id"],
                },
            ]
        }
    )

    pathway_id: Id | None = PydanticField(
        default=None, description="The active pathway it is sent along."
    )
    from_service_id: Id | None = PydanticField(
        default=None,
        description="The sending service: the pathway's own when one is given (may be left out).",
    )
    to_service_id: Id | None = PydanticField(
        default=None,
        description="The receiving service: the pathway's own when one is given (may be left out).",
    )
    needs: NeedList = PydanticField(description="Coded needs; along a pathway, among its own.")
    urgency: Urgency
    consent_given: bool = PydanticField(
        description="The survivor gave informed consent to this referral. Required when the "
        "pathway says so, and for every off-pathway referral."
    )
    sender_reference: SenderReference | None = None

    @model_validator(mode="after")
    def _along_a_pathway_or_between_two_services(self) -> "ReferralCreate":
        if self.pathway_id is None and (self.from_service_id is None or self.to_service_id is None):
            raise ValueError(
                "Send a referral along a pathway (pathway_id), or straight to a service "
                "(from_service_id and to_service_id)."
            )
        return self


class ReferralTransition(InputModel):
    """Move a referral on: `received`, `accepted`, `declined` (with a reason) or `completed`
    by the receiving partner, `revoked` by the sending one. Declined as `referred_onward`
    names the onward service, and the next referral is sent there."""

    status: Literal[
        ReferralStatus.received,
        ReferralStatus.accepted,
        ReferralStatus.declined,
        ReferralStatus.completed,
        ReferralStatus.revoked,
    ]
    decline_reason: DeclineReason | None = PydanticField(
        default=None, description="Required when declining, refused otherwise."
    )
    onward_service_id: Id | None = PydanticField(
        default=None, description="Declined as `referred_onward`: where it goes next."
    )


# As the API took it (SenderReference), so the document says what it can hold.
StoredReference = Annotated[str, StringConstraints(max_length=64, pattern=REFERENCE_PATTERN)]


class ReferralEnd(OutputModel):
    service_id: uuid.UUID
    service_type: ServiceType
    partner_id: uuid.UUID


class ReferralPublic(OutputModel):
    id: uuid.UUID
    pathway_id: uuid.UUID | None
    off_pathway: bool
    sender: ReferralEnd
    receiver: ReferralEnd
    needs: list[Need]
    urgency: Urgency
    consent_given: bool
    sender_reference: StoredReference | None = PydanticField(
        description="The sender's own reference: shown to the sending and receiving partners' "
        "editors only (null for coordinators)."
    )
    status: ReferralStatus
    fhir_status: Literal[
        "requested", "received", "accepted", "rejected", "completed", "cancelled", "failed"
    ] = PydanticField(description="The same status as an HL7 FHIR Task's.")
    decline_reason: DeclineReason | None
    previous_referral_id: uuid.UUID | None
    onward_referral_id: uuid.UUID | None
    sent_at: datetime
    due_at: datetime = PydanticField(description="When it should have been answered by.")
    expires_at: datetime = PydanticField(description="When it expires if nobody receives it.")
    overdue: bool = PydanticField(description="Not answered (accepted or declined) by due_at.")
    received_at: datetime | None
    accepted_at: datetime | None
    declined_at: datetime | None
    completed_at: datetime | None
    revoked_at: datetime | None
    expired_at: datetime | None
    version: int
    updated_at: datetime


# --- batch -------------------------------------------------------------------------------------


class BatchCreate(ReferralCreate):
    op: Literal["create"]


class BatchTransition(ReferralTransition):
    op: Literal["transition"]
    referral_id: Id
    version: int = PydanticField(
        ge=1, le=2**31 - 1, description="The version moved on from (as If-Match)."
    )


BatchItem = Annotated[BatchCreate | BatchTransition, PydanticField(discriminator="op")]


class ReferralBatch(InputModel):
    items: list[BatchItem] = PydanticField(min_length=1, max_length=MAX_BATCH)


class BatchProblem(OutputModel):
    type: str
    title: str
    status: int
    detail: str
    fields: list[str] = PydanticField(description="The items' fields the problem is about.")


class BatchResult(OutputModel):
    index: int
    status: int = PydanticField(description="What the item alone would have answered.")
    referral: ReferralPublic | None
    problem: BatchProblem | None


class BatchAnswer(OutputModel):
    results: list[BatchResult]
    succeeded: int
    failed: int


# --- statistics --------------------------------------------------------------------------------


class StatsGroupBy(Code):
    pathway = "pathway"
    to_partner = "to_partner"
    need = "need"


class StatsPeriod(Code):
    month = "month"
    quarter = "quarter"
    year = "year"


class GroupKind(Code):
    total = "total"  # every referral of the answer
    partner = "partner"  # received by this partner
    pathway = "pathway"  # sent along this pathway
    off_pathway = "off_pathway"  # sent straight to this partner's services
    network = "network"  # of this nested network (its partners and pathways are not named)
    need = "need"  # for this need (one referral may have several)


class StatsGroup(OutputModel):
    kind: GroupKind
    id: uuid.UUID | None = PydanticField(
        description="The partner (partner, off_pathway) or pathway the row is about."
    )
    code: str | None = PydanticField(
        description="The need's code, or the nested network's slug.", max_length=60
    )


class StatCount(OutputModel):
    value: int | None = PydanticField(
        description="The count (rounded to `rounding_base` where suppression applies); null "
        "when suppressed."
    )
    suppressed: bool


class StatMeasure(OutputModel):
    value: float | None = PydanticField(description="Null when suppressed or not known.")
    suppressed: bool


class StatCounts(OutputModel):
    """Referrals sent in the period, by the status they are in now."""

    total: StatCount
    sent: StatCount
    received: StatCount
    accepted: StatCount
    declined: StatCount
    completed: StatCount
    revoked: StatCount
    expired: StatCount


class StatsRow(OutputModel):
    period: str = PydanticField(
        description="`2026`, `2026-Q1` or `2026-01` (UTC calendar).", max_length=7
    )
    group: StatsGroup
    counts: StatCounts
    acceptance_rate_percent: StatMeasure = PydanticField(
        description="Of those answered, how many were accepted (whole percent)."
    )
    minutes_to_receive_median: StatMeasure = PydanticField(
        description="Minutes from sending to receiving, the median (nearest rank) of those "
        "received, to two significant figures rounded down (1,234 -> 1,200)."
    )
    minutes_to_receive_p90: StatMeasure = PydanticField(
        description="The 90th percentile of the same, to two significant figures."
    )
    minutes_to_accept_median: StatMeasure = PydanticField(
        description="Minutes from sending to accepting, the median of those accepted, to two "
        "significant figures rounded down."
    )
    minutes_to_accept_p90: StatMeasure = PydanticField(
        description="The 90th percentile of the same, to two significant figures."
    )


class StatsAnswer(OutputModel):
    year: int
    period: StatsPeriod
    group_by: StatsGroupBy
    scope: Literal["network", "partner"] = PydanticField(
        description="`network`: every referral of the network and the networks nested below "
        "it, with small counts suppressed; `partner`: the referrals one partner sent or "
        "received, exact, for that partner's own editors."
    )
    threshold: int | None = PydanticField(
        description="Counts from 1 to this minus one are suppressed (network scope)."
    )
    rounding_base: int | None = PydanticField(
        description="Every published count is rounded to a multiple of this (network scope)."
    )
    networks: list[str] = PydanticField(description="The networks counted, by slug.")
    rows: list[StatsRow]
