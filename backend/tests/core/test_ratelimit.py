"""Rate limits: per caller on the whole API, per address and per e-mail on sign-in, per
address and account on refresh. Counted in memory, or in Redis (shared by processes)."""

import re
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import redis
from fastapi import FastAPI
from fastapi.testclient import TestClient

from accord.core.settings import Settings
from accord.main import create_app
from tests.conftest import GENEROUS_RATE_LIMITS, PASSWORD, Factory

TOKEN, REFRESH, ME = "/api/v1/auth/token", "/api/v1/auth/refresh", "/api/v1/auth/me"
REDIS_URL = "redis://127.0.0.1:6379/0"

MakeApp = Callable[..., FastAPI]


def _redis_answers() -> bool:
    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_timeout=1).ping())
    except redis.RedisError:
        return False


@pytest.fixture(params=["memory", "redis"])
def limited_app(request: pytest.FixtureRequest, settings: Settings) -> Iterator[MakeApp]:
    """Builds apps with the given limits (the others generous), counting in memory or in
    Redis under a key prefix of this test's own."""
    storage: dict[str, Any] = {}
    if request.param == "redis":
        if not _redis_answers():
            pytest.skip(f"Redis is not answering at {REDIS_URL}")
        storage = {"redis_url": REDIS_URL, "rate_limit_key_prefix": f"t-{uuid.uuid4().hex}"}
    apps: list[FastAPI] = []

    def make_app(**limits: str) -> FastAPI:
        app = create_app(settings.model_copy(update={**GENEROUS_RATE_LIMITS, **storage, **limits}))
        apps.append(app)
        return app

    yield make_app
    for app in apps:
        app.state.engine.dispose()


def _assert_rate_limited(response: Any, policy: str, quota: int, window: int) -> None:
    assert response.status_code == 429, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["status"] == 429
    retry_after = int(response.headers["retry-after"])
    assert 1 <= retry_after <= window
    assert response.headers["ratelimit-policy"] == f'"{policy}";q={quota};w={window}'
    match = re.fullmatch(rf'"{policy}";r=(\d+);t=(\d+)', response.headers["ratelimit"])
    assert match, response.headers["ratelimit"]
    assert int(match[1]) == 0 and 1 <= int(match[2]) <= window


def _sign_in(client: TestClient, email: str, password: str) -> Any:
    return client.post(TOKEN, data={"username": email, "password": password})


def test_wrong_passwords_for_one_email_are_limited(limited_app: MakeApp, make: Factory) -> None:
    make.user("target@example.org")
    make.user("bystander@example.org")
    with TestClient(limited_app(rate_limit_sign_in="3/minute")) as client:
        assert [_sign_in(client, "target@example.org", "guess").status_code for _ in range(3)] == [
            400
        ] * 3
        # Refused before the password is even checked: the right one is refused too.
        _assert_rate_limited(
            _sign_in(client, "TARGET@example.org", PASSWORD), "sign-in-account", 3, 60
        )
        # Another account from the same address is not affected.
        assert _sign_in(client, "bystander@example.org", PASSWORD).status_code == 200


def test_good_sign_ins_do_not_count_against_the_account(
    limited_app: MakeApp, make: Factory
) -> None:
    make.user("regular@example.org")
    with TestClient(limited_app(rate_limit_sign_in="2/minute")) as client:
        for _ in range(4):
            assert _sign_in(client, "regular@example.org", PASSWORD).status_code == 200


def test_sign_in_attempts_from_one_address_are_limited(limited_app: MakeApp) -> None:
    with TestClient(limited_app(rate_limit_sign_in_address="3/minute")) as client:
        for n in range(3):
            assert _sign_in(client, f"n{n}@example.org", "guess").status_code == 400
        _assert_rate_limited(_sign_in(client, "n4@example.org", "guess"), "sign-in-address", 3, 60)


def test_refreshes_are_limited(limited_app: MakeApp, make: Factory) -> None:
    make.user("refresher@example.org")
    with TestClient(limited_app(rate_limit_refresh="3/minute")) as client:
        assert _sign_in(client, "refresher@example.org", PASSWORD).status_code == 200
        assert [client.post(REFRESH).status_code for _ in range(3)] == [200, 200, 200]
        _assert_rate_limited(client.post(REFRESH), "refresh", 3, 60)


def test_the_api_limits_each_caller(limited_app: MakeApp, make: Factory) -> None:
    first, second = make.user(), make.user()
    with TestClient(limited_app(rate_limit_api="3/minute")) as client:
        for _ in range(3):
            assert client.get(ME, headers=first.headers).status_code == 200
        _assert_rate_limited(client.get(ME, headers=first.headers), "api", 3, 60)
        # Another user has a count of their own, and so do anonymous callers.
        assert client.get(ME, headers=second.headers).status_code == 200
        assert client.get(ME).status_code == 401


def test_anonymous_callers_are_limited_by_address(limited_app: MakeApp) -> None:
    with TestClient(limited_app(rate_limit_api="2/minute")) as client:
        assert [client.get(ME).status_code for _ in range(2)] == [401, 401]
        # A made-up token does not buy a fresh count.
        refused = client.get(ME, headers={"Authorization": "Bearer made-up"})
        _assert_rate_limited(refused, "api", 2, 60)


def test_the_dashboard_files_are_not_counted(limited_app: MakeApp) -> None:
    with TestClient(limited_app(rate_limit_api="1/minute")) as client:
        assert all(client.get("/").status_code != 429 for _ in range(3))


def test_processes_sharing_redis_share_the_counts(settings: Settings, make: Factory) -> None:
    if not _redis_answers():
        pytest.skip(f"Redis is not answering at {REDIS_URL}")
    shared = {
        **GENEROUS_RATE_LIMITS,
        "redis_url": REDIS_URL,
        "rate_limit_key_prefix": f"t-{uuid.uuid4().hex}",
        "rate_limit_api": "4/minute",
    }
    caller = make.user()
    one, two = (create_app(settings.model_copy(update=shared)) for _ in range(2))
    try:
        with TestClient(one) as first, TestClient(two) as second:
            assert first.get(ME, headers=caller.headers).status_code == 200
            assert second.get(ME, headers=caller.headers).status_code == 200
            assert first.get(ME, headers=caller.headers).status_code == 200
            assert second.get(ME, headers=caller.headers).status_code == 200
            _assert_rate_limited(first.get(ME, headers=caller.headers), "api", 4, 60)
            _assert_rate_limited(second.get(ME, headers=caller.headers), "api", 4, 60)
    finally:
        one.state.engine.dispose()
        two.state.engine.dispose()
