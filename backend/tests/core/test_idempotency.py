"""Idempotency-Key under concurrent clients, over real HTTP connections: no write breaks,
every retry learns what happened, one row per key, and a replay only reaches a caller who
may still make the request."""

import socket
import threading
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from accord.core.database import transaction
from accord.networks.models import Membership
from accord.partners.models import Partner
from tests.conftest import World, partner_body

CLIENTS = 8
POSTS_EACH = 50


@pytest.fixture
def live_url(app: FastAPI) -> Iterator[str]:
    """The app served by uvicorn on a free port, as production serves it."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, lifespan="off", log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def _post_until_answered(
    client: httpx.Client, url: str, key: str, body: dict[str, Any]
) -> httpx.Response:
    """POST with the key; a 503 must say when to retry, and the retry then answers."""
    while True:
        response = client.post(url, json=body, headers={"Idempotency-Key": key})
        if response.status_code != 503:
            return response
        assert response.headers.get("retry-after"), response.text
        time.sleep(float(response.headers["retry-after"]))


def test_concurrent_keyed_posts_never_break_and_every_retry_replays(
    app: FastAPI, live_url: str, world: World
) -> None:
    url = f"{live_url}/api/v1/networks/{world.a.slug}/partners"
    run = uuid.uuid4().hex[:8]

    def one_client(number: int) -> dict[str, tuple[int, Any, dict[str, Any]]]:
        answers = {}
        with httpx.Client(headers=world.coordinator.headers, timeout=60) as client:
            for post in range(POSTS_EACH):
                key = f"{run}-{number}-{post}"
                body = partner_body(name=f"Bulk {run} {number}-{post}")
                response = _post_until_answered(client, url, key, body)
                answers[key] = (response.status_code, response.json(), body)
        return answers

    with ThreadPoolExecutor(CLIENTS) as pool:
        results = list(pool.map(one_client, range(CLIENTS)))
    first = {key: answer for result in results for key, answer in result.items()}
    assert len(first) == CLIENTS * POSTS_EACH
    assert {status for status, _json, _body in first.values()} == {201}

    # Every key again, from several clients at once: each replays its first answer.
    def retry(key: str) -> tuple[str, httpx.Response]:
        _status, _json, body = first[key]
        with httpx.Client(headers=world.coordinator.headers, timeout=60) as client:
            return key, _post_until_answered(client, url, key, body)

    with ThreadPoolExecutor(CLIENTS) as pool:
        for key, again in pool.map(retry, list(first)):
            assert again.status_code == 201, again.text
            assert again.headers["idempotent-replayed"] == "true"
            assert again.json() == first[key][1]

    with transaction(app.state.session_factory) as session:
        created = session.scalar(
            select(func.count()).select_from(Partner).where(Partner.name.startswith(f"Bulk {run}"))  # type: ignore[union-attr]
        )
    assert created == len(first)


def test_a_key_used_again_at_once_waits_for_the_first_and_replays_it(
    live_url: str, world: World
) -> None:
    """The same key sent twice at the same moment: one row, both answers the same."""
    url = f"{live_url}/api/v1/networks/{world.a.slug}/partners"
    body = partner_body()
    barrier = threading.Barrier(2)

    def send(_number: int) -> httpx.Response:
        with httpx.Client(headers=world.coordinator.headers, timeout=60) as client:
            barrier.wait()
            return _post_until_answered(client, url, "twice-at-once", body)

    with ThreadPoolExecutor(2) as pool:
        one, other = list(pool.map(send, range(2)))
    assert one.status_code == other.status_code == 201
    assert one.json() == other.json()
    assert {one.headers.get("idempotent-replayed"), other.headers.get("idempotent-replayed")} == {
        None,
        "true",
    }


def test_a_failed_request_frees_its_key(client: TestClient, world: World) -> None:
    url = f"/api/v1/networks/{world.a.slug}/partners"
    headers = world.coordinator.headers | {"Idempotency-Key": "fix-and-retry"}
    taken = client.post(url, json=partner_body(name=world.a_partner["name"]), headers=headers)
    assert taken.status_code == 409
    corrected = client.post(url, json=partner_body(name="A new name"), headers=headers)
    assert corrected.status_code == 201, corrected.text


def test_a_replay_rechecks_the_callers_rights(
    app: FastAPI, client: TestClient, world: World
) -> None:
    """Demoted to viewer since: the route's answer now (403), not the stored body."""
    url = f"/api/v1/networks/{world.a.slug}/partners"
    headers = world.coordinator.headers | {"Idempotency-Key": "demoted-later"}
    body = partner_body()
    assert client.post(url, json=body, headers=headers).status_code == 201
    with transaction(app.state.session_factory) as session:
        membership = session.scalars(
            select(Membership).where(Membership.user_id == world.coordinator.id)
        ).one()
        membership.role = "viewer"  # type: ignore[assignment]
        session.add(membership)
    replayed = client.post(url, json=body, headers=headers)
    assert replayed.status_code == 403
    assert "idempotent-replayed" not in replayed.headers


def test_a_replay_rechecks_the_callers_token(
    app: FastAPI, client: TestClient, world: World
) -> None:
    """The password changed since (the account's version moved): the old token gets 401."""
    from accord.accounts.models import User

    url = f"/api/v1/networks/{world.a.slug}/partners"
    headers = world.coordinator.headers | {"Idempotency-Key": "password-changed-later"}
    body = partner_body()
    assert client.post(url, json=body, headers=headers).status_code == 201
    with transaction(app.state.session_factory) as session:
        user = session.get(User, world.coordinator.id)
        assert user is not None
        user.version += 1
        session.add(user)
    assert client.post(url, json=body, headers=headers).status_code == 401


def test_the_same_key_for_another_request_is_a_conflict(client: TestClient, world: World) -> None:
    url = f"/api/v1/networks/{world.a.slug}/partners"
    headers = world.coordinator.headers | {"Idempotency-Key": "one-key"}
    assert client.post(url, json=partner_body(), headers=headers).status_code == 201
    other = client.post(url, json=partner_body(), headers=headers)
    assert other.status_code == 409
    assert other.json()["type"].endswith("idempotency-key-conflict")


def test_requests_waiting_for_the_database_never_stall_the_process(
    app: FastAPI, live_url: str, world: World
) -> None:
    """While requests wait for a lock held elsewhere, the process still answers its health
    check: no database call runs on the event loop."""
    from sqlalchemy import text

    partners = f"{live_url}/api/v1/networks/{world.a.slug}/partners"
    holder = app.state.sessions.write()
    try:
        connection = holder.connection()  # on SQLite: the database's write lock
        if connection.dialect.name == "postgresql":
            connection.execute(text("LOCK TABLE partners IN ACCESS EXCLUSIVE MODE"))

        def wait_on_the_lock(number: int) -> int:
            with httpx.Client(headers=world.coordinator.headers, timeout=60) as client:
                if number % 2:
                    return client.get(partners, params={"limit": number}).status_code
                return client.post(partners, json=partner_body()).status_code

        with ThreadPoolExecutor(20) as pool:
            waiting = [pool.submit(wait_on_the_lock, n) for n in range(20)]
            time.sleep(0.5)  # let them reach the lock
            assert not any(future.done() for future in waiting[::2])  # the writes wait
            health = httpx.get(f"{live_url}/api/v1/health", timeout=5)
            assert health.status_code == 200
            holder.rollback()
            assert {future.result() for future in waiting} <= {200, 201, 503}
    finally:
        holder.close()
