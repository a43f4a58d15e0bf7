"""Settings read from the environment (prefix ACCORD_, plus DATABASE_URL)."""

from enum import StrEnum
from functools import lru_cache
from pathlib import Path

from limits import parse
from pydantic import AliasChoices, Field, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parents[3]
DEFAULT_SQLITE_URL = f"sqlite:///{REPO_ROOT / 'var' / 'accord.db'}"
PLACEHOLDER_SECRET = "change-me"  # noqa: S105 - the value we refuse outside development


class Environment(StrEnum):
    development = "development"
    test = "test"
    production = "production"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ACCORD_", extra="ignore")

    environment: Environment = Environment.production
    database_url: str = Field(
        default=DEFAULT_SQLITE_URL,
        validation_alias=AliasChoices("DATABASE_URL", "ACCORD_DATABASE_URL"),
    )
    secret_key: str = PLACEHOLDER_SECRET
    token_issuer: str = "accord"  # noqa: S105 - a public claim
    token_audience: str = "accord-api"  # noqa: S105 - a public claim
    access_token_minutes: int = Field(default=60 * 8, ge=1, le=60 * 24 * 30)
    # The dashboard's sign-in cookie: a new access token can be had with it this long.
    refresh_token_hours: int = Field(default=12, ge=1, le=24 * 30)
    # Requests worked on at once per process, each with a worker thread for its sync steps
    # and a pooled connection (the pool is sized from it); more wait their turn. Python
    # runs one thread at a time: more threads than this add switching, not throughput.
    request_threads: int = Field(default=16, ge=1, le=1000)
    max_body_bytes: int = Field(default=1024 * 1024, ge=1024)
    idempotency_ttl_hours: int = Field(default=24, ge=1)
    # How long an invitation to join a network can be accepted.
    invitation_days: int = Field(default=7, ge=1, le=90)
    # How long a password-reset link issued by a coordinator works.
    password_reset_hours: int = Field(default=24, ge=1, le=24 * 7)
    # Capacity posted longer ago than this is reported as unknown, not as the old value.
    capacity_max_age_hours: int = Field(default=24, ge=1, le=24 * 30)
    # How often each API process expires referrals nobody received in time (0: never; then
    # run `python -m accord expire-referrals` from cron). Expiring is idempotent, so several
    # processes sweeping at once expire each referral once.
    referral_sweep_seconds: int = Field(default=60, ge=0, le=3600)
    sql_echo: bool = False
    # Rate limits ("N/second|minute|hour|day"; see core/ratelimit.py). Counted in this
    # process's memory, or in Redis when redis_url is set (shared by every API process).
    redis_url: str | None = None
    rate_limit_key_prefix: str = "accord"
    rate_limit_api: str = "600/minute"  # every API request, per caller
    rate_limit_sign_in: str = "10/minute"  # wrong passwords, per e-mail tried
    rate_limit_sign_in_address: str = "60/minute"  # sign-in attempts, per client address
    rate_limit_refresh: str = "60/minute"  # refreshes, per account and per client address
    # The built dashboard (`npm run build` in frontend/); served at / when present.
    spa_dir: Path = REPO_ROOT / "frontend" / "dist"

    @field_validator(
        "rate_limit_api", "rate_limit_sign_in", "rate_limit_sign_in_address", "rate_limit_refresh"
    )
    @classmethod
    def refuse_unreadable_limit(cls, value: str) -> str:
        parse(value)  # ValueError: e.g. "10/minute", "600 per minute"
        return value

    @model_validator(mode="after")
    def refuse_placeholder_secret(self) -> "Settings":
        weak = not self.secret_key or self.secret_key == PLACEHOLDER_SECRET
        if weak and self.environment is not Environment.development:
            raise ValueError(
                "ACCORD_SECRET_KEY is missing or left at its placeholder; set a long random "
                "value (e.g. `python -c 'import secrets; print(secrets.token_urlsafe(48))'`), "
                "or run with ACCORD_ENVIRONMENT=development."
            )
        if not weak and self.environment is Environment.production and len(self.secret_key) < 32:
            raise ValueError("ACCORD_SECRET_KEY must be at least 32 characters in production.")
        return self

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


@lru_cache
def get_settings() -> Settings:
    return Settings()
