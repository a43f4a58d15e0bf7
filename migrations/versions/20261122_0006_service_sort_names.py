"""services' sort name: the services list read in index order

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22 18:55:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 1000


def upgrade() -> None:
    # In place, as 0005 did for partners: no table copy.
    op.add_column(
        "services",
        sa.Column(
            "sort_name", sa.String(length=200), nullable=False, server_default=""
        ),
    )
    # Filled with Python's lower(), as the app computes it (accord.core.models.sort_key).
    connection = op.get_bind()
    services = sa.table(
        "services",
        sa.column("id", sa.Uuid()),
        sa.column("name"),
        sa.column("sort_name"),
    )
    rows = connection.execute(sa.select(services.c.id, services.c.name)).all()
    for start in range(0, len(rows), BATCH):
        connection.execute(
            services.update()
            .where(services.c.id == sa.bindparam("service_id"))
            .values(sort_name=sa.bindparam("key")),
            [
                {"service_id": id_, "key": name.lower()}
                for id_, name in rows[start : start + BATCH]
            ],
        )
    if connection.dialect.name != "sqlite":  # SQLite cannot drop a default in place
        op.alter_column("services", "sort_name", server_default=None)
    op.drop_index("ix_services_network_name", table_name="services")
    op.drop_index("ix_services_network_type", table_name="services")
    op.create_index(
        "ix_services_network_type",
        "services",
        ["network_id", "type", "sort_name", "name", "id"],
    )
    op.create_index(
        "ix_services_network_sort_name",
        "services",
        ["network_id", "sort_name", "name", "id"],
    )


def downgrade() -> None:
    op.drop_index("ix_services_network_sort_name", table_name="services")
    op.drop_index("ix_services_network_type", table_name="services")
    op.create_index("ix_services_network_type", "services", ["network_id", "type"])
    op.create_index(
        "ix_services_network_name", "services", ["network_id", "name", "id"]
    )
    op.drop_column("services", "sort_name")
