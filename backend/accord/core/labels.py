"""Multi-valued attributes (populations, languages, areas, tags) stored one row per value,
so that every filter is an indexed lookup on SQLite and PostgreSQL alike. A label table
has the owner's id column, `kind`, `value` and `position` (the order the user gave), and
may keep the owner's network beside them (`network`), so that counting the owners with a
label needs no other table."""

import uuid
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import orjson
from sqlalchemy import BindParameter, delete, distinct, exists, func, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement
from sqlmodel import Session, SQLModel

from accord.core.database import fetch_rows, owned_by


class label_rows(FunctionElement[Any]):
    """Aggregate: the rows' (kind, position, value) as one JSON array of arrays."""

    name = "label_rows"
    inherit_cache = True


@compiles(label_rows, "sqlite")
def _label_rows_sqlite(element: label_rows, compiler: Any, **kw: Any) -> str:
    return f"json_group_array(json_array({compiler.process(element.clauses, **kw)}))"


@compiles(label_rows, "postgresql")
def _label_rows_postgresql(element: label_rows, compiler: Any, **kw: Any) -> str:
    return f"json_agg(json_build_array({compiler.process(element.clauses, **kw)}))"


class LabelStore:
    def __init__(
        self,
        table: type[SQLModel],
        owner: str,
        fields: Mapping[str, str],
        *,
        network: str | None = None,
    ) -> None:
        self.table = table
        self.owner = owner
        self.network = network  # the column that holds the owner's network, if one does
        self.fields = dict(fields)  # API field name -> stored kind
        self._names = {kind: name for name, kind in self.fields.items()}
        self._owner_column: Any = getattr(table, owner)
        self._kind: Any = table.kind  # type: ignore[attr-defined]
        self._value: Any = table.value  # type: ignore[attr-defined]
        self._position: Any = table.position  # type: ignore[attr-defined]

    def read(
        self, session: Session, owner_ids: Sequence[uuid.UUID]
    ) -> dict[uuid.UUID, dict[str, list[str]]]:
        result: dict[uuid.UUID, dict[str, list[str]]] = {
            owner_id: {name: [] for name in self.fields} for owner_id in owner_ids
        }
        if not owner_ids:
            return result
        rows = fetch_rows(
            session,
            select(self._owner_column, self._kind, self._value)
            .where(self._owner_column.in_(list(owner_ids)))
            .order_by(self._owner_column, self._kind, self._position),
        )
        for owner_id, kind, value in rows:
            name = self._names.get(kind)
            if name is not None:
                result[owner_id][name].append(value)
        return result

    def aggregated(self, owner_id: Any) -> Any:
        """A column for a list's own query: every label of the row's owner, as JSON. A
        page then needs no second query, and no label row is decoded on its own."""
        return (
            select(label_rows(self._kind, self._position, self._value))
            .where(self._owner_column == owner_id)
            .scalar_subquery()
        )

    def parse(self, aggregated: Any) -> dict[str, list[str]]:
        """What `aggregated` read, by API field name and in the order the user gave."""
        rows = orjson.loads(aggregated) if isinstance(aggregated, str) else aggregated or []
        result: dict[str, list[str]] = {name: [] for name in self.fields}
        # By kind, then position (unique within a kind): plain list order, compared in C.
        for kind, _position, value in sorted(rows):
            name = self._names.get(kind)
            if name is not None:
                result[name].append(value)
        return result

    def write(
        self,
        session: Session,
        owner_id: uuid.UUID,
        name: str,
        values: Iterable[str],
        *,
        network_id: uuid.UUID | None = None,
    ) -> None:
        """Replace the owner's values under `name` (`network_id`: the owner's, where the
        table keeps it)."""
        kind = self.fields[name]
        session.execute(
            delete(self.table).where(self._owner_column == owner_id, self._kind == kind),
            execution_options=owned_by(owner_id),
        )
        self.add(session, owner_id, name, values, network_id=network_id)

    def add(
        self,
        session: Session,
        owner_id: uuid.UUID,
        name: str,
        values: Iterable[str],
        *,
        network_id: uuid.UUID | None = None,
    ) -> None:
        """Values for a new owner (who has none yet to replace)."""
        for row in self.rows(owner_id, name, values, network_id=network_id):
            session.add(self.table(**row))

    def rows(
        self,
        owner_id: uuid.UUID,
        name: str,
        values: Iterable[str],
        *,
        network_id: uuid.UUID | None = None,
    ) -> list[dict[str, Any]]:
        """A new owner's values under `name`, as rows to insert."""
        kind = self.fields[name]
        owner: dict[str, Any] = {self.owner: owner_id}
        if self.network is not None:
            if network_id is None:
                raise ValueError(f"{self.table.__name__} rows need the owner's network_id.")
            owner[self.network] = network_id
        return [
            owner | {"kind": kind, "value": str(value), "position": position}
            for position, value in enumerate(values)
        ]

    def any_of(
        self,
        owner_id: Any,
        name: str,
        values: Iterable[str] | BindParameter[Any],
        *,
        counting: bool = False,
    ) -> Any:
        """A filter: the owner has at least one of `values` (or an expanding bound
        parameter's) under `name`.

        For a page, a correlated EXISTS: the page walks its sort index and stops after one
        page of rows. For a count (`counting`), which visits every match, the owners with
        those values as one set: on SQLite the EXISTS costs an index probe per owner and
        value (a region's 4,349 partners and 13 area codes: about 120 ms against 40, in
        bench/README.md); PostgreSQL plans both as the same semi-join."""
        kind = self.fields[name]
        chosen = values if isinstance(values, BindParameter) else list(values)
        if counting:
            owners = select(self._owner_column).where(self._kind == kind, self._value.in_(chosen))
            return owner_id.in_(owners)
        return exists().where(
            self._owner_column == owner_id, self._kind == kind, self._value.in_(chosen)
        )

    def count_owners(
        self, name: str, values: BindParameter[Any], network: BindParameter[Any]
    ) -> Any:
        """How many owners in `network` have at least one of `values` under `name`, from the
        label table alone (it must keep the network): with an index on (network, kind,
        owner, value) the database reads the network's labels of that kind in owner order
        and counts each owner once, where a count over the owners' table checks each
        match's network through a probe (bench/README.md: a region, 3.8 -> 0.9 ms)."""
        if self.network is None:
            raise ValueError(f"{self.table.__name__} keeps no network to count owners by.")
        network_column: Any = getattr(self.table, self.network)
        return select(func.count(distinct(self._owner_column))).where(
            network_column == network, self._kind == self.fields[name], self._value.in_(values)
        )
