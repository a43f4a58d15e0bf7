"""A write the database aborts because it lost a race (a deadlock PostgreSQL detected, a
serialization failure) wrote nothing, so it is run again, whole, before the client hears of
it; one that keeps losing answers 503 with Retry-After, and nothing of it stays. A write
that fails otherwise is never run twice."""

import uuid
from typing import Any

import pytest
from fastapi import FastAPI
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError
from sqlmodel import col

from accord.audit.models import AuditEvent
from accord.referrals import service
from accord.referrals.models import Referral
from tests.referrals.conftest import Referrals


class _Aborted(Exception):
    """What psycopg raises for a transaction PostgreSQL aborted to break a deadlock."""

    sqlstate = "40P01"


def _losing(monkeypatch: pytest.MonkeyPatch, times: int, sqlstate: str = "40P01") -> list[int]:
    """Sending a referral writes it, then loses a race the first `times` times."""
    calls: list[int] = []
    send = service.create_referral

    def racing(*args: Any, **kwargs: Any) -> Any:
        answer = send(*args, **kwargs)
        calls.append(1)
        if len(calls) <= times:
            error = _Aborted()
            error.sqlstate = sqlstate
            raise OperationalError("UPDATE referral_tallies ...", {}, error)
        return answer

    monkeypatch.setattr(service, "create_referral", racing)
    return calls


def _written(app: FastAPI, net: Referrals) -> tuple[int, int]:
    with app.state.session_factory() as session:
        referrals = session.scalar(
            select(func.count()).where(col(Referral.network_id) == net.world.a.id)
        )
        sent = session.scalar(select(func.count()).where(col(AuditEvent.action) == "referral.send"))
    return int(referrals or 0), int(sent or 0)


def test_a_write_that_lost_a_race_is_run_again_and_written_once(
    net: Referrals, app: FastAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _losing(monkeypatch, times=2)
    key = {"Idempotency-Key": str(uuid.uuid4())}
    body = {
        "pathway_id": net.pathways["police_to_refuge"]["id"],
        "needs": ["emergency_shelter"],
        "urgency": "same_day",
        "consent_given": True,
    }
    response = net.client.post(net.base, json=body, headers=net.police.headers | key)
    assert response.status_code == 201, response.text
    assert len(calls) == 3
    assert _written(app, net) == (1, 1)
    # The key's answer is the one that was committed: a retry of the request replays it.
    again = net.client.post(net.base, json=body, headers=net.police.headers | key)
    assert again.status_code == 201 and again.json()["id"] == response.json()["id"]
    assert _written(app, net) == (1, 1)


def test_a_write_that_keeps_losing_answers_503_and_leaves_nothing(
    net: Referrals, app: FastAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _losing(monkeypatch, times=10)
    response = net.send()
    assert response.status_code == 503, response.text
    assert response.headers["Retry-After"] == "1"
    assert len(calls) == 3
    assert _written(app, net) == (0, 0)


def test_a_write_that_failed_otherwise_is_not_run_again(
    net: Referrals, app: FastAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _losing(monkeypatch, times=1, sqlstate="08006")  # the connection went away
    response = net.send()
    assert response.status_code == 503
    assert len(calls) == 1
    assert _written(app, net) == (0, 0)
