"""search and sort ignore accents: a folded search text on partners, services and areas,
and sort names folded the same way ("Asociacion" finds "Asociación"; "Édith" sorts with E)

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03 12:50:00
"""

import unicodedata
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 1000
SORT_KEY_MAX = 200

# Which columns each table's search text is made of, in order (accord/*/models.py).
SEARCHED = {
    "partners": ("name", "acronym", "description"),
    "services": ("name", "description"),
    "areas": ("code", "name_en", "name_fr", "name_es"),
}
SORTED_BY = {"partners": "name", "services": "name", "areas": "name_en"}


# A frozen copy of accord.core.search.fold as of this revision.
def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _fill(table_name: str, *, lower_only: bool) -> None:
    sources = SEARCHED[table_name]
    sorted_by = SORTED_BY[table_name]
    table = sa.table(
        table_name,
        sa.column("id", sa.Uuid()),
        sa.column("search_text"),
        sa.column("sort_name"),
        *(sa.column(name) for name in dict.fromkeys((*sources, sorted_by))),
    )
    connection = op.get_bind()
    columns = [table.c[name] for name in dict.fromkeys((*sources, sorted_by))]
    rows = connection.execute(sa.select(table.c.id, *columns)).mappings().all()
    for start in range(0, len(rows), BATCH):
        batch = []
        for row in rows[start : start + BATCH]:
            if lower_only:
                batch.append({"row_id": row["id"], "sort": row[sorted_by].lower()})
            else:
                text = "\n".join(_fold(row[name]) for name in sources if row[name])
                batch.append(
                    {
                        "row_id": row["id"],
                        "search": text,
                        "sort": _fold(row[sorted_by])[:SORT_KEY_MAX],
                    }
                )
        values = {"sort_name": sa.bindparam("sort")}
        if not lower_only:
            values["search_text"] = sa.bindparam("search")
        connection.execute(
            table.update().where(table.c.id == sa.bindparam("row_id")).values(**values),
            batch,
        )


def upgrade() -> None:
    for table_name in SEARCHED:
        op.add_column(
            table_name,
            sa.Column("search_text", sa.Text(), nullable=False, server_default=""),
        )
        _fill(table_name, lower_only=False)
        if (
            op.get_bind().dialect.name != "sqlite"
        ):  # SQLite cannot drop a default in place
            op.alter_column(table_name, "search_text", server_default=None)


def downgrade() -> None:
    for table_name in SEARCHED:
        # Sort names as they were (lower case only), then the search text goes.
        _fill(table_name, lower_only=True)
        with op.batch_alter_table(table_name) as batch:
            batch.drop_column("search_text")
