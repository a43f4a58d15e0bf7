"""read paths in index order: partners' sort name (the directory's order), the pathway
list's order and the route graph's freshness check

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22 17:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 1000


def upgrade() -> None:
    # No batch (table-copying) operation on partners: on SQLite, with foreign keys on,
    # dropping the old copy would cascade to every partner's labels, assessments and
    # services. A NOT NULL column with a default can be added in place.
    op.add_column(
        "partners",
        sa.Column(
            "sort_name", sa.String(length=200), nullable=False, server_default=""
        ),
    )
    # Filled with Python's lower(), as the app computes it (accord.core.models.sort_key).
    connection = op.get_bind()
    partners = sa.table(
        "partners",
        sa.column("id", sa.Uuid()),
        sa.column("name"),
        sa.column("sort_name"),
    )
    rows = connection.execute(sa.select(partners.c.id, partners.c.name)).all()
    for start in range(0, len(rows), BATCH):
        connection.execute(
            partners.update()
            .where(partners.c.id == sa.bindparam("partner_id"))
            .values(sort_name=sa.bindparam("key")),
            [
                {"partner_id": id_, "key": name.lower()}
                for id_, name in rows[start : start + BATCH]
            ],
        )
    if connection.dialect.name != "sqlite":  # SQLite cannot drop a default in place
        op.alter_column("partners", "sort_name", server_default=None)
    op.drop_index("ix_partners_network_sector", table_name="partners")
    op.create_index(
        "ix_partners_network_sector",
        "partners",
        ["network_id", "sector", "sort_name", "name", "id"],
    )
    op.create_index(
        "ix_partners_network_sort_name",
        "partners",
        ["network_id", "sort_name", "name", "id"],
    )
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
    op.drop_index("ix_partners_network_sort_name", table_name="partners")
    op.drop_index("ix_partners_network_sector", table_name="partners")
    op.create_index("ix_partners_network_sector", "partners", ["network_id", "sector"])
    # SQLite (3.35+) drops a plain column in place; no table copy, no cascade.
    op.drop_column("partners", "sort_name")
