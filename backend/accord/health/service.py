"""Is the database reachable, and migrated to the revision this code expects?"""

from functools import lru_cache

from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from accord.core.settings import REPO_ROOT

MIGRATIONS_DIR = REPO_ROOT / "migrations"


@lru_cache
def head_revision() -> str | None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return ScriptDirectory.from_config(config).get_current_head()


def readiness_problem(engine: Engine) -> str | None:
    try:
        with engine.connect() as connection:
            current = MigrationContext.configure(connection).get_current_revision()
    except SQLAlchemyError:
        return "The database cannot be reached."
    if current != head_revision():
        return "The database schema is not at the latest migration; run `make migrate`."
    return None
