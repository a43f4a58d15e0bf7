"""password resets: one-time links a coordinator issues for a member to set a new password

Only the SHA-256 of each link's token is stored; issuing another voids the earlier unused
ones, and using one marks it used.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-03 17:00:00
"""

from collections.abc import Sequence

import accord.core.models
import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "password_resets",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("issued_by_id", sa.Uuid(), nullable=True),
        sa.Column(
            "created_at", accord.core.models.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "expires_at", accord.core.models.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "used_at", accord.core.models.UTCDateTime(timezone=True), nullable=True
        ),
        sa.Column(
            "voided_at", accord.core.models.UTCDateTime(timezone=True), nullable=True
        ),
        sa.ForeignKeyConstraint(
            ["issued_by_id"],
            ["users.id"],
            name=op.f("fk_password_resets_issued_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_password_resets_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_password_resets")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_password_resets_token_hash")),
    )
    with op.batch_alter_table("password_resets", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_password_resets_user_id"), ["user_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("password_resets", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_password_resets_user_id"))
    op.drop_table("password_resets")
