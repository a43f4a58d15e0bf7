"""partner names unique ignoring case, enforced by the database

A partner's name was unique per network as typed (the constraint) and ignoring case (a
check made by the API before inserting, which two concurrent requests could both pass).
The unique constraint is now on the sort name (the name ignoring case), which covers both;
the API inserts and lets the constraint decide.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-22 22:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    duplicates = (
        op.get_bind()
        .execute(
            sa.text(
                "SELECT network_id, sort_name FROM partners"
                " GROUP BY network_id, sort_name HAVING count(*) > 1"
            )
        )
        .all()
    )
    if duplicates:
        # Which of two same-named partners to keep is for people to decide, not a migration.
        listed = "; ".join(f"network {row[0]}: {row[1]!r}" for row in duplicates[:20])
        raise RuntimeError(
            f"{len(duplicates)} partner name(s) appear twice in a network, ignoring case "
            f"({listed}). Rename or merge them, then run the migration again."
        )
    with op.batch_alter_table("partners", schema=None) as batch_op:
        batch_op.drop_constraint("uq_partners_network_id_name", type_="unique")
        batch_op.create_unique_constraint(
            "uq_partners_network_id_sort_name", ["network_id", "sort_name"]
        )


def downgrade() -> None:
    with op.batch_alter_table("partners", schema=None) as batch_op:
        batch_op.drop_constraint("uq_partners_network_id_sort_name", type_="unique")
        batch_op.create_unique_constraint(
            "uq_partners_network_id_name", ["network_id", "name"]
        )
