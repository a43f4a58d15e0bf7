"""capacity posts say how many beds the service has in all

A post of "3 beds free" could not be checked against anything: `capacity_posts.beds_total`
(optional) lets the API refuse more beds free than beds, and the beds-tonight board show
"3 of 12".

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-03 11:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("capacity_posts") as batch:
        batch.add_column(sa.Column("beds_total", sa.SmallInteger(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("capacity_posts") as batch:
        batch.drop_column("beds_total")
