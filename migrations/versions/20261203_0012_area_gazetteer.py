"""areas: a gazetteer per network (codes, names in en/fr/es, parent areas)

Partners, services and locations keep storing area codes; the gazetteer gives those codes
names in the interface languages and a hierarchy (districts in a region), so that an area
filter on a region also matches its districts. Codes not in the gazetteer stay valid.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03 11:30:00
"""

from collections.abc import Sequence

import accord.core.models
import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "areas",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("network_id", sa.Uuid(), nullable=False),
        sa.Column("code", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column(
            "name_en", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False
        ),
        sa.Column(
            "name_fr", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True
        ),
        sa.Column(
            "name_es", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True
        ),
        sa.Column(
            "sort_name", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False
        ),
        sa.Column("parent_id", sa.Uuid(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column(
            "created_at", accord.core.models.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "updated_at", accord.core.models.UTCDateTime(timezone=True), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["network_id"],
            ["networks.id"],
            name=op.f("fk_areas_network_id_networks"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["areas.id"],
            name=op.f("fk_areas_parent_id_areas"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_areas")),
        sa.UniqueConstraint(
            "network_id", "code", name=op.f("uq_areas_network_id_code")
        ),
    )
    with op.batch_alter_table("areas", schema=None) as batch_op:
        batch_op.create_index(
            "ix_areas_network_sort_name",
            ["network_id", "sort_name", "code", "id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_areas_parent_id"), ["parent_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("areas", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_areas_parent_id"))
        batch_op.drop_index("ix_areas_network_sort_name")
    op.drop_table("areas")
