"""indexes for the hot read paths: the pathway list's order and the route graph's
freshness check

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22 17:45:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_pathways_network_created", "pathways", ["network_id", "created_at", "id"]
    )
    op.create_index(
        "ix_pathways_network_updated", "pathways", ["network_id", "updated_at"]
    )
    op.create_index(
        "ix_services_network_updated", "services", ["network_id", "updated_at"]
    )


def downgrade() -> None:
    op.drop_index("ix_services_network_updated", table_name="services")
    op.drop_index("ix_pathways_network_updated", table_name="pathways")
    op.drop_index("ix_pathways_network_created", table_name="pathways")
