"""network revisions by part: one row per network and part instead of shards summed

Part 0 moves with every committed write in a network, part 1 only with writes to the
tables the route graph and pathway health are built from (core/kept.py `Part`). The old
shards are folded into part 0 (their sum, so no revision goes back).

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-03 19:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

revisions = sa.table(
    "network_revisions",
    sa.column("network_id", sa.Uuid()),
    sa.column("shard", sa.SmallInteger()),
    sa.column("revision", sa.BigInteger()),
)


def upgrade() -> None:
    folded = sa.select(
        revisions.c.network_id, sa.func.sum(revisions.c.revision).label("revision")
    ).group_by(revisions.c.network_id)
    connection = op.get_bind()
    totals = connection.execute(folded).all()
    connection.execute(sa.delete(revisions))
    if totals:
        connection.execute(
            sa.insert(revisions),
            [{"network_id": n, "shard": 0, "revision": int(r)} for n, r in totals],
        )
    with op.batch_alter_table("network_revisions") as batch:
        batch.alter_column("shard", new_column_name="part")


def downgrade() -> None:
    op.execute("DELETE FROM network_revisions WHERE part <> 0")
    with op.batch_alter_table("network_revisions") as batch:
        batch.alter_column("part", new_column_name="shard")
