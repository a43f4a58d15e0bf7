"""Alembic environment: the app's own engine settings and the models' metadata."""

from logging.config import fileConfig

from accord.core.database import create_db_engine
from accord.core.settings import Environment, Settings
from accord.models import metadata
from alembic import context
from sqlalchemy import Connection

config = context.config
if config.config_file_name is not None and config.attributes.get(
    "configure_logger", True
):
    fileConfig(config.config_file_name, disable_existing_loggers=False)


def _settings() -> Settings:
    url = config.attributes.get("database_url") or config.get_main_option(
        "sqlalchemy.url"
    )
    # Migrating needs no signing secret: don't refuse to run for the lack of one.
    overrides = {"environment": Environment.development}
    if url:
        overrides["database_url"] = url
    return Settings(**overrides)  # type: ignore[arg-type]


def _configure(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name
        == "sqlite",  # SQLite alters tables by copy
        compare_type=True,
    )


def run_migrations_offline() -> None:
    context.configure(
        url=_settings().database_url,
        target_metadata=metadata,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_db_engine(_settings())
    try:
        with engine.connect() as connection:
            sqlite = connection.dialect.name == "sqlite"
            if sqlite:
                # SQLite alters a table by copying it and dropping the old one; with foreign
                # keys on, that drop would cascade to every child row (a partner's labels,
                # assessment, services…). Off for the migration (it can only be changed
                # outside a transaction), checked after it.
                connection.connection.driver_connection.execute(
                    "PRAGMA foreign_keys=OFF"
                )
            _configure(connection)
            with context.begin_transaction():
                context.run_migrations()
            if sqlite:
                broken = connection.exec_driver_sql(
                    "PRAGMA foreign_key_check"
                ).fetchall()
                connection.commit()
                if broken:
                    raise RuntimeError(
                        f"migration left rows without their parent: {broken[:5]}"
                    )
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
