"""networks' revision: moves with every committed write in the network

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
    # In place (no table copy): a constant default needs no backfill.
    op.add_column(
        "networks",
        sa.Column("revision", sa.BigInteger(), nullable=False, server_default="0"),
    )


def downgrade() -> None:
    op.drop_column("networks", "revision")
