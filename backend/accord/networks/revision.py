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

A part with named subjects (`PART_SUBJECTS`: the routes part's services, partners and
pathways) also records, in the same commit, which ones it changed, at the revision it moved
the part to (`RevisionChange`; `changes_between`): a value kept at an earlier revision can
then be patched from their rows rather than built again (pathways/graph.py). A table of the
part with no subject, a bulk statement that names no owner, or more than
SUBJECTS_PER_COMMIT subjects is recorded as `EVERYTHING`; only the last CHANGES_KEPT
revisions are kept. A gap or `EVERYTHING` between two revisions means: build anew.
"""

import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Table, delete, event, func, insert, select
from sqlalchemy.orm import ORMExecuteState, UOWTransaction
from sqlmodel import Session, SQLModel

from accord.core.database import OWNER_OPTION, add_one, core_rows_written, fetch_rows
from accord.core.kept import EVERYTHING, PART_SUBJECTS, PART_TABLES, Part
from accord.networks.models import Network, NetworkRevision, RevisionChange

_TOUCHED = "accord_touched_networks"
_GONE = "accord_deleted_networks"
_EVERY = "accord_every_network"
_BULK = "accord_bulk_write"
_CHANGED = "accord_changed_subjects"
_BULK_OWNERS = "accord_bulk_owners"
# Changes kept per network and part: a value kept further back is rebuilt, not patched.
CHANGES_KEPT = 64
# More subjects than this in one commit (an import) are recorded as everything.
SUBJECTS_PER_COMMIT = 500
_revisions: Table = NetworkRevision.__table__  # type: ignore[attr-defined]
_changes: Table = RevisionChange.__table__  # type: ignore[attr-defined]
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
        "revision_changes",
    }
)
# Every table some part names subjects in.
_SUBJECT_TABLES = {
    table: how for subjects in PART_SUBJECTS.values() for table, how in subjects.items()
}


def revisions_of(
    session: Session, network_ids: Sequence[uuid.UUID], part: Part
) -> tuple[tuple[uuid.UUID, int], ...]:
    """Each network's revision (one `part` of it), in the order given (0 for one never
    written): what a value consolidating these networks is also kept under."""
    if not network_ids:
        return ()
    found = dict(
        fetch_rows(
            session,
            select(_revisions.c.network_id, _revisions.c.revision).where(
                _revisions.c.network_id.in_(list(network_ids)), _revisions.c.part == int(part)
            ),
        )
    )
    return tuple((network_id, int(found.get(network_id, 0))) for network_id in network_ids)


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


def _changed(session: Session) -> dict[uuid.UUID, set[tuple[str, uuid.UUID]]]:
    """The subjects (core/kept.py `PART_SUBJECTS`) of the rows this session wrote, by network."""
    changed: dict[uuid.UUID, set[tuple[str, uuid.UUID]]] = session.info.setdefault(_CHANGED, {})
    return changed


def _note_subject(session: Session, network: uuid.UUID, table: str, values: Any) -> None:
    how = _SUBJECT_TABLES.get(table)
    if how is not None:
        subject, column = how
        value = values.get(column) if isinstance(values, dict) else getattr(values, column)
        if isinstance(value, uuid.UUID):
            _changed(session).setdefault(network, set()).add((subject, value))


def _note(session: Session, rows: Iterable[Any]) -> None:
    touched = _touched(session)
    for row in rows:
        network = SCOPE.network_of(session, row)
        table = type(row).__table__.name
        if network == EVERY_NETWORK:
            _every(session).add(table)
        elif isinstance(network, uuid.UUID):
            touched.setdefault(network, set()).add(table)
            _note_subject(session, network, table, row)


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
        owner = state.execution_options.get(OWNER_OPTION)
        how = _SUBJECT_TABLES.get(table.name)
        if owner is not None and how is not None:
            state.session.info.setdefault(_BULK_OWNERS, set()).add((table.name, how[0], owner))
        else:
            state.session.info.setdefault(_BULK_OWNERS, set()).add((table.name, EVERYTHING, None))


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
        _note_subject(session, row["network_id"], table.name, row)
    # A bulk statement's rows are unknown: its tables count for every network it wrote in.
    bulk: set[str] = session.info.pop(_BULK, set())
    every: set[str] | None = session.info.pop(_EVERY, None)
    gone = session.info.pop(_GONE, set())
    bulk_owners: set[tuple[str, str, Any]] = session.info.pop(_BULK_OWNERS, set())
    changed = session.info.pop(_CHANGED, {})
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
        tables = touched[network_id]
        subjects = changed.get(network_id, set())
        for part in _parts_moved(tables):
            revision = add_one(
                session, _revisions, {"network_id": network_id, "part": int(part)}, "revision"
            )
            if part in PART_SUBJECTS:
                in_part = {(s, o) for t, s, o in bulk_owners if t in PART_TABLES[part]}
                _record_changes(session, network_id, part, revision, tables, subjects | in_part)


def _parts_moved(tables: set[str]) -> list[Part]:
    return [Part.every_write] + [p for p, own in PART_TABLES.items() if tables & own]


def _record_changes(
    session: Session,
    network_id: uuid.UUID,
    part: Part,
    revision: int,
    tables: set[str],
    subjects: set[tuple[str, Any]],
) -> None:
    """What this commit changed in the part, at the revision it moved the part to (read in
    the same snapshot as that revision, so a reader never sees one without the other)."""
    named = PART_SUBJECTS[part]
    mine = {subject for subject, _column in named.values()}
    subjects = {(s, i) for s, i in subjects if s in mine or s == EVERYTHING}
    unnamed = (tables & PART_TABLES[part]) - set(named)
    if unnamed or len(subjects) > SUBJECTS_PER_COMMIT or any(s == EVERYTHING for s, _ in subjects):
        subjects = {(EVERYTHING, None)}
    if not subjects:
        # Written, yet nothing named (a row whose subject id is not set): cannot be patched.
        subjects = {(EVERYTHING, None)}
    base = {"network_id": network_id, "part": int(part), "revision": revision}
    connection = session.connection()
    connection.execute(
        insert(_changes),
        [base | {"subject": s, "subject_id": i} for s, i in sorted(subjects, key=str)],
    )
    connection.execute(
        delete(_changes).where(
            _changes.c.network_id == network_id,
            _changes.c.part == int(part),
            _changes.c.revision <= revision - CHANGES_KEPT,
        )
    )


def changes_between(
    session: Session, network_id: uuid.UUID, part: Part, since: int, until: int
) -> dict[str, set[uuid.UUID]] | None:
    """What changed in the part after revision `since` up to `until`, by subject; None when
    that cannot be told (a change recorded as everything, or one no longer kept)."""
    rows = fetch_rows(
        session,
        select(_changes.c.revision, _changes.c.subject, _changes.c.subject_id).where(
            _changes.c.network_id == network_id,
            _changes.c.part == int(part),
            _changes.c.revision > since,
            _changes.c.revision <= until,
        ),
    )
    # Every commit that moved the part recorded at least one row at its revision.
    if {revision for revision, _s, _i in rows} != set(range(since + 1, until + 1)):
        return None
    found: dict[str, set[uuid.UUID]] = {}
    for _revision, subject, subject_id in rows:
        if subject == EVERYTHING or subject_id is None:
            return None
        found.setdefault(subject, set()).add(subject_id)
    return found


@event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    for name in (_TOUCHED, _GONE, _EVERY, _BULK, _CHANGED, _BULK_OWNERS):
        session.info.pop(name, None)
    core_rows_written(session)
