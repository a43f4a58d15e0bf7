"""partner names unique as people read them; assessments visible to members by choice

A partner's name was unique ignoring case only: the same name with a zero-width space,
with its accents decomposed or in fullwidth letters was another partner that looked the
same. `partners.name_key` holds the name as it compares (accord.core.fields.name_key) and
the unique constraint moves onto it. `networks.assessments_visible_to_members` says
whether members other than coordinators may read stakeholder assessments (off).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03 07:00:00
"""

import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


_INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069]")


def name_key(name: str) -> str:
    """accord.core.fields.name_key as of this migration (a migration must not change)."""
    visible = _INVISIBLE.sub("", name)
    folded = unicodedata.normalize(
        "NFKC", unicodedata.normalize("NFKC", visible).casefold()
    )
    return " ".join(folded.split())


_partners = sa.table(
    "partners",
    sa.column("id", sa.Uuid()),
    sa.column("network_id", sa.Uuid()),
    sa.column("name", sa.String()),
    sa.column("name_key", sa.Text()),
)


def upgrade() -> None:
    bind = op.get_bind()
    rows = bind.execute(
        sa.select(_partners.c.id, _partners.c.network_id, _partners.c.name)
    ).all()
    keys = {row.id: name_key(row.name) for row in rows}
    by_key: defaultdict[tuple[object, str], list[str]] = defaultdict(list)
    for row in rows:
        by_key[(row.network_id, keys[row.id])].append(row.name)
    duplicates = [(key, names) for key, names in by_key.items() if len(names) > 1]
    if duplicates:
        # Which of two look-alike partners to keep is for people to decide, not a migration.
        listed = "; ".join(
            f"network {key[0]}: {names!r}" for key, names in duplicates[:20]
        )
        raise RuntimeError(
            f"{len(duplicates)} partner name(s) appear twice in a network once case, accents' "
            f"composition and invisible characters are ignored ({listed}). Rename or merge "
            "them, then run the migration again."
        )
    with op.batch_alter_table("partners", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("name_key", sa.Text(), nullable=False, server_default="")
        )
    if keys:
        bind.execute(
            _partners.update().where(_partners.c.id == sa.bindparam("partner_id")),
            [
                {"partner_id": partner_id, "name_key": key}
                for partner_id, key in keys.items()
            ],
        )
    with op.batch_alter_table("partners", schema=None) as batch_op:
        batch_op.alter_column("name_key", server_default=None)
        batch_op.drop_constraint("uq_partners_network_id_sort_name", type_="unique")
        batch_op.create_unique_constraint(
            "uq_partners_network_id_name_key", ["network_id", "name_key"]
        )
    with op.batch_alter_table("networks", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "assessments_visible_to_members",
                sa.Boolean(),
                nullable=False,
                server_default=sa.false(),
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("networks", schema=None) as batch_op:
        batch_op.drop_column("assessments_visible_to_members")
    with op.batch_alter_table("partners", schema=None) as batch_op:
        batch_op.drop_constraint("uq_partners_network_id_name_key", type_="unique")
        batch_op.create_unique_constraint(
            "uq_partners_network_id_sort_name", ["network_id", "sort_name"]
        )
        batch_op.drop_column("name_key")
