"""A network's revision: a number that moves with every committed write in the network, by
construction.

A flush hook sees every row a session adds, changes or deletes through the ORM and finds the
network each belongs to (its `network_id`, or its parent's through its foreign key: a
contact through its partner, a capacity post through its service); just before the commit,
each such network's revision moves, in the same transaction. No write path has to remember
it: routes, the CLI, the demo loader, imports and background workers all write through
sessions. Rows shared by every network (the shipped role catalogue) move every network's.
Rows a hot path inserts as plain values (`database.insert_unless_taken`) are noted by it
and count the same way. A bulk statement on a network's table (`delete(...).where(...)`)
names no row the hook can see: the session must also change a row of that network through
the ORM (its owner's version moves with it), or the commit is refused.

Kept answers (core/kept.py) are kept under the revision the building request read in the
same snapshot as the rows it built them from, so they can never outlive what they show.
It is read in the query that authenticates the caller (`load_network_access`).

It is one row per network and part (`NetworkRevision`; core/kept.py `Part`): part
`every_write` moves with every committed write, and each other part only with writes to its
tables (`PART_TABLES`), for the kept values built from those tables alone (the route graph
and pathway health do not move with capacity posts). Spreading one counter over sixteen
rows did not pay in a side-by-side run (bench/README.md).
"""

import uuid
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Table, event, func, select
from sqlalchemy.orm import ORMExecuteState, UOWTransaction
from sqlmodel import Session, SQLModel

from accord.core.database import add_one, core_rows_written
from accord.core.kept import PART_TABLES, Part
from accord.networks.models import Network, NetworkRevision

_TOUCHED = "accord_touched_networks"
_GONE = "accord_deleted_networks"
_EVERY = "accord_every_network"
_BULK = "accord_bulk_write"
_revisions: Table = NetworkRevision.__table__  # type: ignore[attr-defined]
_networks: Table = Network.__table__  # type: ignore[attr-defined]
# Tables that belong to no network, and whose writes therefore move none.
UNSCOPED_TABLES = frozenset(
    {
        "users",
        "idempotency_keys",
        "catalogue_state",
        "network_revisions",
        "refresh_sessions",
        "password_resets",
    }
)


def revision_of(network_id: Any, part: Part = Part.every_write) -> Any:
    """The network's revision (one `part` of it), as a column of a query that has
    `network_id`."""
    return (
        select(func.coalesce(func.max(_revisions.c.revision), 0))
        .where(_revisions.c.network_id == network_id, _revisions.c.part == int(part))
        .scalar_subquery()
    )


def _mapped_classes() -> dict[Table, type]:
    classes: dict[Table, type] = {}
    for mapper in SQLModel._sa_registry.mappers:  # type: ignore[attr-defined]
        table = mapper.local_table
        if isinstance(table, Table):
            classes[table] = mapper.class_
    return classes


class NetworkScope:
    """How to find the network of a row of each table: its own `network_id`, or its
    parent's through a foreign key to a table that has one (found once, from the schema)."""

    def __init__(self) -> None:
        self._parents: dict[Table, tuple[str, type] | None] = {}

    def parent(self, table: Table) -> tuple[str, type] | None:
        if table not in self._parents:
            self._parents[table] = self._find_parent(table)
        return self._parents[table]

    def _find_parent(self, table: Table) -> tuple[str, type] | None:
        classes = _mapped_classes()
        for column in table.columns:
            for foreign_key in column.foreign_keys:
                target = foreign_key.column.table
                if target is table or target.name in UNSCOPED_TABLES or target is _networks:
                    continue
                if "network_id" in target.c or self.parent(target) is not None:  # type: ignore[arg-type]
                    return column.key, classes[target]  # type: ignore[index]
        return None

    def network_of(self, session: Session, row: Any) -> uuid.UUID | str | None:
        """The row's network id; None for a row of no network; EVERY_NETWORK for a row
        shared by every network (network_id NULL on a network table: the catalogue)."""
        table = type(row).__table__
        if table is _networks:
            return row.id  # type: ignore[no-any-return]
        if table.name in UNSCOPED_TABLES:
            return None
        if "network_id" in table.c:
            return row.network_id if row.network_id is not None else EVERY_NETWORK  # type: ignore[no-any-return]
        found = self.parent(table)
        if found is None:
            raise RuntimeError(
                f"{table.name}: a table must have a network_id, a foreign key to a table "
                "that has one, or be listed in UNSCOPED_TABLES."
            )
        attribute, parent_class = found
        parent_id = getattr(row, attribute)
        with session.no_autoflush:
            parent = session.get(parent_class, parent_id) if parent_id is not None else None
        return self.network_of(session, parent) if parent is not None else None


EVERY_NETWORK = "every-network"
SCOPE = NetworkScope()


def _touched(session: Session) -> dict[uuid.UUID, set[str]]:
    """The networks this session wrote in, each with the tables it wrote."""
    touched: dict[uuid.UUID, set[str]] = session.info.setdefault(_TOUCHED, {})
    return touched


def _every(session: Session) -> set[str]:
    """The tables of rows shared by every network this session wrote."""
    every: set[str] = session.info.setdefault(_EVERY, set())
    return every


def _note(session: Session, rows: Iterable[Any]) -> None:
    touched = _touched(session)
    for row in rows:
        network = SCOPE.network_of(session, row)
        table = type(row).__table__.name
        if network == EVERY_NETWORK:
            _every(session).add(table)
        elif isinstance(network, uuid.UUID):
            touched.setdefault(network, set()).add(table)


@event.listens_for(Session, "before_flush")
def _note_flushed_rows(session: Session, _flush: UOWTransaction, _instances: Any) -> None:
    changed = [row for row in session.dirty if session.is_modified(row)]
    _note(session, [*session.new, *changed, *session.deleted])
    gone = {row.id for row in session.deleted if isinstance(row, Network)}
    if gone:
        session.info.setdefault(_GONE, set()).update(gone)


@event.listens_for(Session, "do_orm_execute")
def _note_bulk_writes(state: ORMExecuteState) -> None:
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    table = getattr(state.statement, "table", None)
    if isinstance(table, Table) and table.name not in UNSCOPED_TABLES:
        state.session.info.setdefault(_BULK, set()).add(table.name)


def mark_written(session: Session, network_id: uuid.UUID | None) -> None:
    """For a bulk statement (which names no row the hook can see): it writes in this
    network, or, with None, in every network."""
    if network_id is None:
        _every(session)
    else:
        _touched(session).setdefault(network_id, set())


@event.listens_for(Session, "before_commit")
def _move_revisions(session: Session) -> None:
    if session.in_nested_transaction():
        return  # a savepoint: the revision moves once, with the commit itself
    session.flush()  # every pending change first: the revision rows are locked last
    for table, row in core_rows_written(session):  # the fast path's plain rows
        if row.get("network_id") is None:
            raise RuntimeError(f"{table.name}: a row written as plain values needs a network_id.")
        _touched(session).setdefault(row["network_id"], set()).add(table.name)
    # A bulk statement's rows are unknown: its tables count for every network it wrote in.
    bulk: set[str] = session.info.pop(_BULK, set())
    every: set[str] | None = session.info.pop(_EVERY, None)
    gone = session.info.pop(_GONE, set())
    touched = {
        network: tables | bulk
        for network, tables in session.info.pop(_TOUCHED, {}).items()
        if network not in gone
    }
    if bulk and not touched and every is None:
        raise RuntimeError(
            f"A bulk write on {', '.join(sorted(bulk))} names no network: change a row of it "
            "through the ORM."
        )
    if every is not None:
        for network in set(session.scalars(select(_networks.c.id))) - gone:
            touched.setdefault(network, set()).update(every | bulk)
    for network_id in sorted(touched):  # one order: no deadlocks
        for part in _parts_moved(touched[network_id]):
            add_one(session, _revisions, {"network_id": network_id, "part": int(part)}, "revision")


def _parts_moved(tables: set[str]) -> list[Part]:
    return [Part.every_write] + [p for p, own in PART_TABLES.items() if tables & own]


@event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    for name in (_TOUCHED, _GONE, _EVERY, _BULK):
        session.info.pop(name, None)
    core_rows_written(session)
