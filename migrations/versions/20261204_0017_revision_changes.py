"""revision changes: what each commit changed in a part of the revision, so the route graph
kept under it is patched rather than rebuilt after a change to one pathway or service

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-04 01:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "revision_changes",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "network_id",
            sa.Uuid(),
            sa.ForeignKey("networks.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("part", sa.SmallInteger(), nullable=False),
        sa.Column("revision", sa.BigInteger(), nullable=False),
        sa.Column("subject", sa.String(length=20), nullable=False),
        sa.Column("subject_id", sa.Uuid(), nullable=True),
    )
    op.create_index(
        "ix_revision_changes_network_part",
        "revision_changes",
        ["network_id", "part", "revision"],
    )


def downgrade() -> None:
    op.drop_index("ix_revision_changes_network_part", table_name="revision_changes")
    op.drop_table("revision_changes")
