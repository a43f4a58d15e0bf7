"""network revisions: counters whose sum moves with every committed write in a network

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-22 20:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Rows appear with a network's first write (an upsert): nothing to fill in.
    op.create_table(
        "network_revisions",
        sa.Column("network_id", sa.Uuid(), nullable=False),
        sa.Column("shard", sa.SmallInteger(), nullable=False),
        sa.Column("revision", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(["network_id"], ["networks.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("network_id", "shard"),
    )


def downgrade() -> None:
    op.drop_table("network_revisions")
