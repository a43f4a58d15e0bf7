"""Engine and session factory. The only place that knows which database it talks to."""

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine, Table, bindparam, event
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


def fetch_rows(
    session: Session, statement: Any, parameters: dict[str, Any] | None = None
) -> Sequence[Any]:
    """Run a column select on the session's connection, without the ORM's per-row
    machinery: hot read paths (lists, detail pages) spend most of their time there.
    Pending ORM changes are flushed first, as `session.execute` would."""
    if session.new or session.dirty or session.deleted:
        session.flush()
    return session.connection().execute(statement, parameters).all()
