"""Sign-in hashes the password (Argon2, slow on purpose) without holding a write
transaction: a flood of wrong sign-ins must not stall the writes of everyone else."""

import sqlite3
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import make_url

from accord.core.settings import Settings
from tests.conftest import World, partner_body

TOKEN = "/api/v1/auth/token"


def _wrong_sign_in(client: TestClient, number: int) -> int:
    response = client.post(
        TOKEN, data={"username": f"nobody-{number}@example.org", "password": "wrong-password"}
    )
    return response.status_code


def test_a_write_succeeds_during_16_wrong_sign_ins(client: TestClient, world: World) -> None:
    with ThreadPoolExecutor(max_workers=16) as pool:
        sign_ins = [pool.submit(_wrong_sign_in, client, n) for n in range(16)]
        created = client.post(
            f"/api/v1/networks/{world.a.slug}/partners",
            json=partner_body(),
            headers=world.coordinator.headers,
        )
        answers = [future.result() for future in sign_ins]
    assert created.status_code == 201, created.text
    assert set(answers) <= {400, 429}


def test_no_write_lock_is_held_while_sign_ins_hash(client: TestClient, settings: Settings) -> None:
    """On SQLite: while 16 wrong sign-ins run, another connection takes the write lock at
    once (no waiting), every time it tries."""
    if not settings.is_sqlite:
        pytest.skip("SQLite's database-wide write lock")
    signing_in = threading.Event()
    attempts: list[bool] = []

    def take_the_write_lock() -> None:
        connection = sqlite3.connect(
            make_url(settings.database_url).database or "", timeout=0, isolation_level=None
        )
        try:
            signing_in.wait()
            while signing_in.is_set():
                try:
                    connection.execute("BEGIN IMMEDIATE")
                    connection.execute("COMMIT")
                    attempts.append(True)
                except sqlite3.OperationalError:  # database is locked
                    attempts.append(False)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=17) as pool:
        prober = pool.submit(take_the_write_lock)
        signing_in.set()
        answers = [f.result() for f in [pool.submit(_wrong_sign_in, client, n) for n in range(16)]]
        signing_in.clear()
        prober.result()

    assert set(answers) <= {400, 429}
    assert attempts and all(attempts), f"the lock was taken {attempts.count(False)} times"
