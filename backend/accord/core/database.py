"""Engine and session factory. The only place that knows which database it talks to."""

import uuid
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine, Table, bindparam, event, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import StaticPool
from sqlmodel import Session, create_engine

from accord.core.settings import Settings

SQLITE_BUSY_TIMEOUT_MS = 10_000
WRITE_OPTION = "accord_write"


def create_db_engine(settings: Settings) -> Engine:
    url = make_url(settings.database_url)
    # Each request thread may hold a connection for its whole request; a pool smaller than
    # the thread pool lets threads wait on each other forever under load.
    pool_size = settings.request_threads + 4
    if url.get_backend_name() == "sqlite":
        database = url.database or ""
        connect_args = {"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}
        if database in ("", ":memory:"):
            # One shared connection, or every connection would see its own empty database.
            engine = create_engine(
                url, echo=settings.sql_echo, poolclass=StaticPool, connect_args=connect_args
            )
        else:
            Path(database).parent.mkdir(parents=True, exist_ok=True)
            engine = create_engine(
                url,
                echo=settings.sql_echo,
                pool_size=pool_size,
                max_overflow=0,
                pool_timeout=30,
                connect_args=connect_args,
            )
        event.listen(engine, "connect", _configure_sqlite_connection)
        event.listen(engine, "begin", _begin_sqlite_transaction)
        return engine
    return create_engine(
        url,
        echo=settings.sql_echo,
        pool_size=pool_size,
        max_overflow=4,
        pool_timeout=30,
        # No ping before each checkout: it is a round trip on every request. A connection
        # the server dropped fails its request with 503 + Retry-After (errors.py), and
        # SQLAlchemy then discards every pooled connection of that generation at once.
        pool_pre_ping=False,
    )


def _configure_sqlite_connection(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # autocommit at driver level; see "begin" above
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
    # SQLite's own lower() folds ASCII only; PostgreSQL's folds every script. Use Python's,
    # so that case-insensitive search and uniqueness behave the same on both.
    dbapi_connection.create_function("lower", 1, _unicode_lower, deterministic=True)


def _unicode_lower(value: Any) -> Any:
    return value.lower() if isinstance(value, str) else value


def _begin_sqlite_transaction(conn: Any) -> None:
    # pysqlite's own transaction handling is off (see above); we emit BEGIN ourselves.
    # A writing request takes the write lock up front (IMMEDIATE): a deferred transaction
    # that reads and then writes fails at once, without waiting, when another writer
    # committed in between.
    immediate = conn.get_execution_options().get(WRITE_OPTION, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


SESSION_KIND = "accord_session_kind"


class SessionKind(StrEnum):
    read = "read"
    write = "write"


@dataclass(frozen=True)
class SessionFactories:
    """The two kinds of session, and nothing else opens one.

    - `read`: one snapshot for all its statements and never a write. On PostgreSQL a
      read-only REPEATABLE READ transaction, so a request that indexes one query's rows by
      another's never sees a write land between them; on SQLite a deferred transaction,
      which in WAL mode is one snapshot from its first read.
    - `write`: one transaction. On SQLite it takes the write lock up front (BEGIN
      IMMEDIATE): a deferred transaction that reads and then writes fails at once, without
      waiting, when another writer committed in between."""

    read: sessionmaker[Session]
    write: sessionmaker[Session]

    @classmethod
    def over(cls, engine: Engine) -> "SessionFactories":
        reading: Engine = engine
        if engine.dialect.name == "postgresql":
            reading = engine.execution_options(
                isolation_level="REPEATABLE READ", postgresql_readonly=True
            )
        return cls(
            read=_factory(reading, SessionKind.read),
            write=_factory(engine.execution_options(**{WRITE_OPTION: True}), SessionKind.write),
        )


def _factory(engine: Engine, kind: SessionKind) -> sessionmaker[Session]:
    return sessionmaker(
        bind=engine,
        class_=Session,
        expire_on_commit=False,
        autoflush=True,
        info={SESSION_KIND: kind},
    )


def session_kind(session: Session) -> SessionKind:
    return SessionKind(session.info.get(SESSION_KIND, SessionKind.write))


@event.listens_for(Session, "before_flush")
def _reads_never_write(session: Session, _context: Any, _instances: Any) -> None:
    if session.info.get(SESSION_KIND) == SessionKind.read and (
        session.new or session.dirty or session.deleted
    ):
        raise RuntimeError("A read session never writes: declare a WriteSession on the route.")


ModelT = TypeVar("ModelT")


def lock(session: Session, model: type[ModelT], key: Any) -> ModelT | None:
    """Read a row for writing: it stays locked until the transaction ends, so concurrent
    writers of the same record take turns and the second one sees the first one's version
    (its If-Match then fails with 412 instead of silently overwriting). SQLite has no row
    locks and needs none: a writing request holds the database's write lock throughout."""
    return session.get(model, key, with_for_update=True, populate_existing=True)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work outside a request (CLI, demo loader): commit or roll back."""
    with factory() as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


def add_one(session: Session, table: Any, key: dict[str, Any], counter: str) -> int:
    """Add one to `counter` in the row of `table` with this `key` (its primary key),
    creating the row (at one) if there is none: an upsert, in either dialect; the new
    value."""
    statement = _add_one(session.get_bind().dialect.name, table, tuple(key), counter)
    return int(session.connection().execute(statement, key).scalar_one())


@cache
def _add_one(dialect_name: str, table: Table, key: tuple[str, ...], counter: str) -> Any:
    dialect = postgresql if dialect_name == "postgresql" else sqlite
    statement = dialect.insert(table).values(
        {**{name: bindparam(name) for name in key}, counter: 1}
    )
    return statement.on_conflict_do_update(
        index_elements=[table.c[name] for name in key],
        set_={counter: table.c[counter] + 1},
    ).returning(table.c[counter])


CORE_ROWS = "accord_core_rows"
# A bulk statement's execution option naming the one owner whose rows it writes.
OWNER_OPTION = "accord_rows_owned_by"


def owned_by(owner_id: uuid.UUID) -> dict[str, Any]:
    """Execution options for a bulk statement that writes only the rows of one owner (a
    service's labels): the revision hook (networks/revision.py) can then name what the
    commit changed instead of taking it for everything."""
    return {OWNER_OPTION: owner_id}


def core_rows_written(session: Session) -> list[tuple[Table, Mapping[str, Any]]]:
    """The rows `insert_unless_taken` wrote in this session's transaction, taken once."""
    rows: list[tuple[Table, Mapping[str, Any]]] = session.info.pop(CORE_ROWS, [])
    return rows


RowsByTable = Sequence[tuple[Table, Sequence[Mapping[str, Any]]]]


def insert_unless_taken(
    session: Session,
    table: Table,
    row: Mapping[str, Any],
    unique: tuple[str, ...],
    dependents: RowsByTable = (),
) -> bool:
    """Insert `row` unless a row with the same `unique` values (the columns of a unique
    constraint) exists, and with it the `dependents` (rows of other tables that come with
    it: its details, its audit event); whether it was inserted. The check is the insert, so
    two requests adding the same key at once cannot both pass a check made beforehand: the
    second one waits for the first and then inserts nothing.

    On PostgreSQL all of it is one statement, one round trip: each dependent row is a
    data-modifying CTE that selects from the new row's, so none is inserted when the row
    is not. SQLite runs in-process with no round trips to save: one insert per table.

    The row is noted in the session (`core_rows_written`): a network's revision
    (networks/revision.py) moves with what is written this way too."""
    noted = session.info.setdefault(CORE_ROWS, [])
    noted.append((table, row))
    # The dependents' tables count too (a part of the revision may move only with them).
    noted.extend(
        (other, {"network_id": row.get("network_id"), **values})
        for other, rows in dependents
        for values in rows
    )
    connection = session.connection()
    if connection.dialect.name != "postgresql":
        taken = _insert_unless_taken(table, unique, sqlite)
        if connection.execute(taken, row).first() is None:
            return False
        for other, rows in dependents:
            if rows:
                connection.execute(insert(other), list(rows))
        return True
    dependent_rows = [(other, values) for other, rows in dependents for values in rows]
    shape = (
        table,
        tuple(row),
        unique,
        tuple((other, tuple(values)) for other, values in dependent_rows),
    )
    parameters = {_new_row_parameter(column): value for column, value in row.items()}
    for number, (_other, values) in enumerate(dependent_rows):
        for column, value in values.items():
            parameters[_row_parameter(number, column)] = value
    return connection.execute(_insert_with_dependents(shape), parameters).first() is not None


@cache
def _insert_unless_taken(table: Table, unique: tuple[str, ...], dialect: Any) -> Any:
    return (
        dialect.insert(table)
        .on_conflict_do_nothing(index_elements=[table.c[name] for name in unique])
        .returning(*table.primary_key.columns)
    )


def _new_row_parameter(column: str) -> str:
    return f"new_{column}"


def _row_parameter(number: int, column: str) -> str:
    return f"r{number}_{column}"


def _typed(table: Table, name: str, column: str) -> Any:
    return bindparam(name, type_=table.c[column].type)


@lru_cache(maxsize=256)
def _insert_with_dependents(
    shape: tuple[
        Table, tuple[str, ...], tuple[str, ...], tuple[tuple[Table, tuple[str, ...]], ...]
    ],
) -> Any:
    """The statement for `insert_unless_taken` on PostgreSQL, for one shape (the table, its
    columns, the unique key, each dependent row's table and columns), built once: building
    and compiling it costs more than running it. One single-row insert per dependent row,
    not a multi-row insert per table: SQLAlchemy caches the compiled form of the former
    only."""
    table, columns, unique, dependents = shape
    new_row = (
        postgresql.insert(table)
        .values({c: _typed(table, _new_row_parameter(c), c) for c in columns})
        .on_conflict_do_nothing(index_elements=[table.c[name] for name in unique])
        .returning(*table.primary_key.columns)
        .cte("new_row")
    )
    statement = select(*new_row.c)
    for number, (other, other_columns) in enumerate(dependents):
        values = select(*(_typed(other, _row_parameter(number, c), c) for c in other_columns))
        dependent = insert(other).from_select(list(other_columns), values.select_from(new_row))
        statement = statement.add_cte(dependent.cte(f"insert_{number}"))
    return statement


def fetch_rows(
    session: OrmSession, statement: Any, parameters: dict[str, Any] | None = None
) -> Sequence[Any]:
    """Run a column select on the session's connection, without the ORM's per-row
    machinery: hot read paths (lists, detail pages) spend most of their time there.
    Pending ORM changes are flushed first, as `session.execute` would."""
    if session.new or session.dirty or session.deleted:
        session.flush()
    return session.connection().execute(statement, parameters).all()
