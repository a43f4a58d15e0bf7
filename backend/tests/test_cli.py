"""The command line a platform operator uses on a fresh installation."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from alembic import command
from fastapi.testclient import TestClient

from accord.__main__ import main
from accord.core.settings import Settings
from accord.roles.catalogue import ROLES
from tests.conftest import alembic_config


def test_create_admin_makes_an_account_that_can_sign_in(
    client: TestClient,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("DATABASE_URL", settings.database_url)
    monkeypatch.setenv("ACCORD_ADMIN_PASSWORD", "a-long-admin-password")
    assert main(["create-admin", "--email", "Root@Example.org", "--name", "Root"]) == 0
    assert "Created platform admin root@example.org" in capsys.readouterr().out

    token = client.post(
        "/api/v1/auth/token",
        data={"username": "root@example.org", "password": "a-long-admin-password"},
    ).json()["access_token"]
    me = client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {token}"}).json()
    assert me["is_admin"] is True

    # Running it again does not create a second account.
    assert main(["create-admin", "--email", "root@example.org"]) == 1


def test_the_demo_is_refused_outside_development(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", settings.database_url)
    monkeypatch.setenv("ACCORD_ENVIRONMENT", "production")
    assert main(["load-demo"]) == 1


def test_the_commands_run_in_a_fresh_process(tmp_path: Path) -> None:
    """`make migrate` runs these in new processes, where nothing else imported the models."""
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    command.upgrade(alembic_config(url), "head")
    env = {**os.environ, "DATABASE_URL": url, "ACCORD_ENVIRONMENT": "development"}
    for _ in range(2):  # loading the catalogue twice is safe
        done = subprocess.run(
            [sys.executable, "-m", "accord", "load-catalogue"],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
    assert f"0 added, 0 updated, {len(ROLES)} unchanged" in done.stdout
    demo = subprocess.run(
        [sys.executable, "-m", "accord", "load-demo"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert demo.returncode == 0, demo.stderr
    assert "coordinator@riverside.example" in demo.stdout
