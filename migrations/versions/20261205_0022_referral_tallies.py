"""referral tallies: the network statistics' counts and minute histograms by month, kept by
triggers in the same statement as the referrals (accord/referrals/tallies.py), with each
network's lineage (itself and the networks above it); counted from the referrals there are.

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-05 00:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from accord.referrals import tallies
from alembic import op

revision: str = "0022"
down_revision: str | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _network_key(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["network_id"],
        ["networks.id"],
        name=op.f(f"fk_{table}_network_id_networks"),
        ondelete="CASCADE",
    )


def upgrade() -> None:
    op.create_table(
        "network_lineage",
        sa.Column("network_id", sa.Uuid(), nullable=False),
        sa.Column("ancestor_id", sa.Uuid(), nullable=False),
        _network_key("network_lineage"),
        sa.ForeignKeyConstraint(
            ["ancestor_id"],
            ["networks.id"],
            name=op.f("fk_network_lineage_ancestor_id_networks"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "network_id", "ancestor_id", name=op.f("pk_network_lineage")
        ),
    )
    op.create_table(
        "referral_tallies",
        sa.Column("network_id", sa.Uuid(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("group_key", sa.String(length=120), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("accepted", sa.Integer(), nullable=False),
        sa.Column("declined", sa.Integer(), nullable=False),
        _network_key("referral_tallies"),
        sa.PrimaryKeyConstraint(
            "network_id",
            "month",
            "group_key",
            "status",
            name=op.f("pk_referral_tallies"),
        ),
    )
    op.create_table(
        "referral_minute_tallies",
        sa.Column("network_id", sa.Uuid(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("group_key", sa.String(length=120), nullable=False),
        sa.Column("measure", sa.String(length=8), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        _network_key("referral_minute_tallies"),
        sa.PrimaryKeyConstraint(
            "network_id",
            "month",
            "group_key",
            "measure",
            "minutes",
            name=op.f("pk_referral_minute_tallies"),
        ),
    )
    connection = op.get_bind()
    # The triggers as tallies.py writes them: a change to them comes with a migration of
    # its own that makes them again (drop_trigger_ddl, then trigger_ddl).
    for statement in tallies.trigger_ddl(connection.dialect.name):
        op.execute(statement)
    tallies.rebuild_lineage(connection)
    tallies.rebuild(connection)


def downgrade() -> None:
    for statement in tallies.drop_trigger_ddl(op.get_bind().dialect.name):
        op.execute(statement)
    op.drop_table("referral_minute_tallies")
    op.drop_table("referral_tallies")
    op.drop_table("network_lineage")
