"""The command line a platform operator uses on a fresh installation."""

import pytest
from fastapi.testclient import TestClient

from accord.__main__ import main
from accord.core.settings import Settings


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
