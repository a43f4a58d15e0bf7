"""referrals: one row per referral sent (ids, codes, timestamps, statuses; nothing about the
survivor), its coded needs, and the network's settings for expiry and statistics

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-04 19:14:38.144928
"""

from collections.abc import Sequence

import accord.core.models
import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "referrals",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("network_id", sa.Uuid(), nullable=False),
        sa.Column("pathway_id", sa.Uuid(), nullable=True),
        sa.Column("off_pathway", sa.Boolean(), nullable=False),
        sa.Column("from_service_id", sa.Uuid(), nullable=False),
        sa.Column("to_service_id", sa.Uuid(), nullable=False),
        sa.Column("from_partner_id", sa.Uuid(), nullable=False),
        sa.Column("to_partner_id", sa.Uuid(), nullable=False),
        sa.Column("urgency", sa.String(length=20), nullable=False),
        sa.Column("consent_given", sa.Boolean(), nullable=False),
        sa.Column(
            "sender_reference",
            sqlmodel.sql.sqltypes.AutoString(length=64),
            nullable=True,
        ),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("decline_reason", sa.String(length=30), nullable=True),
        sa.Column("previous_referral_id", sa.Uuid(), nullable=True),
        sa.Column("onward_referral_id", sa.Uuid(), nullable=True),
        sa.Column(
            "sent_at", accord.core.models.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "due_at", accord.core.models.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "expires_at", accord.core.models.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "received_at", accord.core.models.UTCDateTime(timezone=True), nullable=True
        ),
        sa.Column(
            "accepted_at", accord.core.models.UTCDateTime(timezone=True), nullable=True
        ),
        sa.Column(
            "declined_at", accord.core.models.UTCDateTime(timezone=True), nullable=True
        ),
        sa.Column(
            "completed_at", accord.core.models.UTCDateTime(timezone=True), nullable=True
        ),
        sa.Column(
            "revoked_at", accord.core.models.UTCDateTime(timezone=True), nullable=True
        ),
        sa.Column(
            "expired_at", accord.core.models.UTCDateTime(timezone=True), nullable=True
        ),
        sa.Column("minutes_to_receive", sa.Integer(), nullable=True),
        sa.Column("minutes_to_accept", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column(
            "updated_at", accord.core.models.UTCDateTime(timezone=True), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["from_partner_id"],
            ["partners.id"],
            name=op.f("fk_referrals_from_partner_id_partners"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["from_service_id"],
            ["services.id"],
            name=op.f("fk_referrals_from_service_id_services"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["network_id"],
            ["networks.id"],
            name=op.f("fk_referrals_network_id_networks"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["onward_referral_id"],
            ["referrals.id"],
            name=op.f("fk_referrals_onward_referral_id_referrals"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["pathway_id"],
            ["pathways.id"],
            name=op.f("fk_referrals_pathway_id_pathways"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["previous_referral_id"],
            ["referrals.id"],
            name=op.f("fk_referrals_previous_referral_id_referrals"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["to_partner_id"],
            ["partners.id"],
            name=op.f("fk_referrals_to_partner_id_partners"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["to_service_id"],
            ["services.id"],
            name=op.f("fk_referrals_to_service_id_services"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referrals")),
    )
    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.create_index(
            "ix_referrals_from_partner_sent",
            ["network_id", "from_partner_id", "sent_at", "id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_referrals_from_service_id"),
            ["from_service_id"],
            unique=False,
        )
        batch_op.create_index(
            "ix_referrals_network_sent", ["network_id", "sent_at", "id"], unique=False
        )
        batch_op.create_index(
            "ix_referrals_network_status_due",
            ["network_id", "status", "due_at"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_referrals_pathway_id"), ["pathway_id"], unique=False
        )
        batch_op.create_index(
            "ix_referrals_status_expires", ["status", "expires_at"], unique=False
        )
        batch_op.create_index(
            "ix_referrals_to_partner_sent",
            ["network_id", "to_partner_id", "sent_at", "id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_referrals_to_service_id"), ["to_service_id"], unique=False
        )

    op.create_table(
        "referral_needs",
        sa.Column("referral_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("value", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["referral_id"],
            ["referrals.id"],
            name=op.f("fk_referral_needs_referral_id_referrals"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "referral_id", "kind", "value", name=op.f("pk_referral_needs")
        ),
    )
    with op.batch_alter_table("referral_needs", schema=None) as batch_op:
        batch_op.create_index(
            "ix_referral_needs_kind_value",
            ["kind", "value", "referral_id"],
            unique=False,
        )

    with op.batch_alter_table("networks", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "referral_expiry_factor",
                sa.Integer(),
                server_default="3",
                nullable=False,
            )
        )
        batch_op.add_column(
            sa.Column(
                "disclosure_threshold",
                sa.Integer(),
                server_default="10",
                nullable=False,
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("networks", schema=None) as batch_op:
        batch_op.drop_column("disclosure_threshold")
        batch_op.drop_column("referral_expiry_factor")

    with op.batch_alter_table("referral_needs", schema=None) as batch_op:
        batch_op.drop_index("ix_referral_needs_kind_value")

    op.drop_table("referral_needs")
    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_referrals_to_service_id"))
        batch_op.drop_index("ix_referrals_to_partner_sent")
        batch_op.drop_index("ix_referrals_status_expires")
        batch_op.drop_index(batch_op.f("ix_referrals_pathway_id"))
        batch_op.drop_index("ix_referrals_network_status_due")
        batch_op.drop_index("ix_referrals_network_sent")
        batch_op.drop_index(batch_op.f("ix_referrals_from_service_id"))
        batch_op.drop_index("ix_referrals_from_partner_sent")

    op.drop_table("referrals")
