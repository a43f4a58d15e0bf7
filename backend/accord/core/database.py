"""Engine and session factory. The only place that knows which database it talks to."""

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine, Table, Uuid, bindparam, event, func, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
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


WRITES = "accord_writes"


def read_engine(engine: Engine) -> Engine:
    """The engine reading requests use. On PostgreSQL their statements run without a
    transaction: under READ COMMITTED each statement sees its own snapshot anyway, so a
    BEGIN and a COMMIT would only add two round trips to every read. SQLite reads keep
    their (deferred) transaction, one snapshot for the whole request, at no cost."""
    if engine.dialect.name == "postgresql":
        return engine.execution_options(isolation_level="AUTOCOMMIT")
    return engine


def make_session_factory(engine: Engine, *, writes: bool = False) -> sessionmaker[Session]:
    """`writes`: sessions of requests that may write (on SQLite, bind it to an engine with
    the WRITE_OPTION, so their transactions take the write lock up front)."""
    return sessionmaker(
        bind=engine,
        class_=Session,
        expire_on_commit=False,
        autoflush=True,
        info={WRITES: writes},
    )


def is_writing(session: Session) -> bool:
    """Whether the session belongs to a request that may write."""
    return bool(session.info.get(WRITES, False))


def first_statement_may_wait(session: Session) -> bool:
    """Whether the session's first statement may wait for a lock: on SQLite, a writing
    request's transaction takes the database's write lock up front. Elsewhere a first
    statement (a read) never waits for one."""
    return is_writing(session) and session.get_bind().dialect.name == "sqlite"


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


def add_one(session: Session, table: Any, key: dict[str, Any], counter: str) -> None:
    """Add one to `counter` in the row of `table` with this `key` (its primary key),
    creating the row (at one) if there is none: an upsert, in either dialect."""
    statement = _add_one(session.get_bind().dialect.name, table, tuple(key), counter)
    session.connection().execute(statement, key)


@cache
def _add_one(dialect_name: str, table: Table, key: tuple[str, ...], counter: str) -> Any:
    dialect = postgresql if dialect_name == "postgresql" else sqlite
    statement = dialect.insert(table).values(
        {**{name: bindparam(name) for name in key}, counter: 1}
    )
    return statement.on_conflict_do_update(
        index_elements=[table.c[name] for name in key],
        set_={counter: table.c[counter] + 1},
    )


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
    is not. SQLite runs in-process with no round trips to save: one insert per table."""
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
    session: Session, statement: Any, parameters: dict[str, Any] | None = None
) -> Sequence[Any]:
    """Run a column select on the session's connection, without the ORM's per-row
    machinery: hot read paths (lists, detail pages) spend most of their time there.
    Pending ORM changes are flushed first, as `session.execute` would."""
    if session.new or session.dirty or session.deleted:
        session.flush()
    return session.connection().execute(statement, parameters).all()


class ChangeFingerprint:
    """A token that moves whenever a row of one of its parts is added, changed or removed:
    each part's row count and latest `updated_at`, all in one statement (one round trip),
    each an indexed aggregate. Per-process caches keep what they built from those rows
    until it moves.

    A part is a model and its rows' condition on the owner (a network's id, say), given as
    a function of the bound owner parameter: the statement is built once, not per read."""

    def __init__(self, *parts: tuple[Any, Callable[[Any], Any]]) -> None:
        owner = bindparam("owner", type_=Uuid())
        columns: list[Any] = []
        for model, condition in parts:
            where = condition(owner)
            columns += [
                select(func.count()).select_from(model).where(where).scalar_subquery(),
                select(func.max(model.updated_at)).where(where).scalar_subquery(),
            ]
        self._statement = select(*columns)

    def read(self, session: Session, owner: Any) -> tuple[object, ...]:
        return tuple(fetch_rows(session, self._statement, {"owner": owner})[0])
