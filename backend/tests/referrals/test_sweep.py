"""Expiry without anyone asking: the app sweeps referrals nobody received in time, and the
command line does the same from cron."""

import os
import subprocess
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient

from accord.core.database import transaction
from accord.core.settings import Settings
from accord.main import create_app
from accord.referrals.models import Referral
from tests.referrals.conftest import Referrals


def _overdue_for_expiry(net: Referrals, factory: object) -> dict[str, object]:
    referral = net.sent()
    with transaction(factory) as session:  # type: ignore[arg-type]
        row = session.get(Referral, uuid.UUID(referral["id"]))
        assert row is not None
        row.expires_at = datetime.now(UTC) - timedelta(minutes=1)
    return referral


def test_the_app_expires_referrals_nobody_received_on_its_own(
    net: Referrals, settings: Settings
) -> None:
    sweeping = create_app(settings.model_copy(update={"referral_sweep_seconds": 1}))
    referral = _overdue_for_expiry(net, sweeping.state.sessions.write)
    url = f"{net.base}/{referral['id']}"
    with TestClient(sweeping) as client:
        deadline = time.monotonic() + 15
        status = None
        while time.monotonic() < deadline:
            status = client.get(url, headers=net.police.headers).json()["status"]
            if status == "expired":
                break
            time.sleep(0.2)
    assert status == "expired"


def test_the_command_line_expires_them_too(net: Referrals, settings: Settings) -> None:
    app = create_app(settings)
    referral = _overdue_for_expiry(net, app.state.sessions.write)
    env = {**os.environ, "DATABASE_URL": settings.database_url, "ACCORD_SECRET_KEY": "s" * 48}
    done = subprocess.run(
        [sys.executable, "-m", "accord", "expire-referrals"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "1 referrals expired" in done.stdout
    seen = net.client.get(f"{net.base}/{referral['id']}", headers=net.police.headers).json()
    assert seen["status"] == "expired"
