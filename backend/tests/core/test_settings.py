"""The app refuses to start without a real signing secret, except in development."""

import pytest
from pydantic import ValidationError

from accord.core.settings import PLACEHOLDER_SECRET, Environment, Settings


@pytest.mark.parametrize("environment", [Environment.production, Environment.test])
def test_a_missing_or_placeholder_secret_is_refused_outside_development(
    environment: Environment, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ACCORD_SECRET_KEY", raising=False)
    with pytest.raises(ValidationError, match="ACCORD_SECRET_KEY"):
        Settings(environment=environment)
    with pytest.raises(ValidationError, match="ACCORD_SECRET_KEY"):
        Settings(environment=environment, secret_key=PLACEHOLDER_SECRET)
    with pytest.raises(ValidationError, match="ACCORD_SECRET_KEY"):
        Settings(environment=environment, secret_key="")


def test_production_needs_a_long_secret() -> None:
    with pytest.raises(ValidationError, match="32 characters"):
        Settings(environment=Environment.production, secret_key="short-secret")
    assert Settings(environment=Environment.production, secret_key="s" * 40).secret_key == "s" * 40


def test_development_runs_with_the_placeholder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ACCORD_SECRET_KEY", raising=False)
    assert Settings(environment=Environment.development).secret_key == PLACEHOLDER_SECRET


def test_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ACCORD_ENVIRONMENT", "production")
    monkeypatch.setenv("ACCORD_SECRET_KEY", "k" * 48)
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://db/accord")
    settings = Settings()
    assert settings.environment is Environment.production
    assert settings.database_url == "postgresql+psycopg://db/accord"
    assert not settings.is_sqlite
