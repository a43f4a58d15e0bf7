"""The dashboard's session: the access token lives in memory only; an HttpOnly cookie set
at sign-in gets a new one after a reload, until sign-out or a password change."""

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from accord.accounts.models import RefreshSession
from accord.core.models import utcnow
from tests.conftest import PASSWORD, Factory

TOKEN, REFRESH, LOGOUT, ME = (
    "/api/v1/auth/token",
    "/api/v1/auth/refresh",
    "/api/v1/auth/logout",
    "/api/v1/auth/me",
)


def _sign_in(client: TestClient, email: str) -> str:
    response = client.post(TOKEN, data={"username": email, "password": PASSWORD})
    assert response.status_code == 200
    cookie = response.headers["set-cookie"]
    assert "accord_refresh=" in cookie
    assert "HttpOnly" in cookie and "samesite=strict" in cookie.lower()
    assert "Path=/api/v1/auth" in cookie
    return str(response.json()["access_token"])


def test_a_reload_gets_a_new_access_token_from_the_cookie(
    client: TestClient, make: Factory
) -> None:
    make.user("session@example.org")
    _sign_in(client, "session@example.org")
    refreshed = client.post(REFRESH)
    assert refreshed.status_code == 200
    token = refreshed.json()["access_token"]
    me = client.get(ME, headers={"Authorization": f"Bearer {token}"})
    assert me.json()["email"] == "session@example.org"


def test_without_the_cookie_there_is_no_session(client: TestClient) -> None:
    """Asking is not an error (the browser would log a 4xx on every sign-in page): 204,
    no token, nothing stored."""
    response = client.post(REFRESH)
    assert response.status_code == 204
    assert response.content == b""
    assert "set-cookie" not in response.headers
    assert response.headers["cache-control"] == "no-store"


def test_a_cookie_that_is_no_token_is_refused(client: TestClient) -> None:
    client.cookies.set("accord_refresh", "not-a-token", path="/api/v1/auth")
    response = client.post(REFRESH)
    assert response.status_code == 401
    assert response.headers["content-type"].startswith("application/problem+json")


def test_signing_out_ends_the_session(client: TestClient, make: Factory) -> None:
    make.user("leaving@example.org")
    _sign_in(client, "leaving@example.org")
    copy = client.cookies.get("accord_refresh")
    assert client.post(LOGOUT).status_code == 204
    # The browser no longer sends a cookie: no session, and no token.
    assert client.cookies.get("accord_refresh") is None
    assert client.post(REFRESH).status_code == 204
    assert _use_cookie(client, copy) == 401


def test_a_password_change_ends_every_session(client: TestClient, make: Factory) -> None:
    make.user("changing@example.org")
    token = _sign_in(client, "changing@example.org")
    stolen = client.cookies.get("accord_refresh")
    changed = client.post(
        "/api/v1/auth/me/password",
        json={"current_password": PASSWORD, "new_password": "a-brand-new-password"},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert changed.status_code == 204
    client.cookies.set("accord_refresh", stolen or "", path="/api/v1/auth")
    assert client.post(REFRESH).status_code == 401


def test_tokens_of_one_kind_never_pass_for_the_other(client: TestClient, make: Factory) -> None:
    make.user("kinds@example.org")
    access = _sign_in(client, "kinds@example.org")
    refresh = client.cookies.get("accord_refresh")
    assert client.get(ME, headers={"Authorization": f"Bearer {refresh}"}).status_code == 401
    client.cookies.set("accord_refresh", access, path="/api/v1/auth")
    assert client.post(REFRESH).status_code == 401


def _use_cookie(client: TestClient, cookie: str | None) -> int:
    client.cookies.set("accord_refresh", cookie or "", path="/api/v1/auth")
    return client.post(REFRESH).status_code


def test_signing_out_ends_the_session_on_the_server_too(client: TestClient, make: Factory) -> None:
    """A copy of the cookie taken before signing out no longer works afterwards."""
    make.user("copied@example.org")
    _sign_in(client, "copied@example.org")
    copy = client.cookies.get("accord_refresh")
    assert client.post(LOGOUT).status_code == 204
    assert _use_cookie(client, copy) == 401


def test_signing_out_ends_only_that_session(client: TestClient, make: Factory) -> None:
    make.user("two-browsers@example.org")
    _sign_in(client, "two-browsers@example.org")
    first = client.cookies.get("accord_refresh")
    client.cookies.clear()
    _sign_in(client, "two-browsers@example.org")
    second = client.cookies.get("accord_refresh")
    assert client.post(LOGOUT).status_code == 204
    assert _use_cookie(client, second) == 401
    assert _use_cookie(client, first) == 200


def test_a_refresh_cookie_works_once_and_its_reuse_ends_the_session(
    client: TestClient, make: Factory
) -> None:
    make.user("rotating@example.org")
    _sign_in(client, "rotating@example.org")
    old = client.cookies.get("accord_refresh")
    assert client.post(REFRESH).status_code == 200
    new = client.cookies.get("accord_refresh")
    assert new and new != old
    # Someone replays the cookie that was already used: refused, and the session is over
    # for the holder of the current cookie too (one of the two is not its owner).
    assert _use_cookie(client, old) == 401
    assert _use_cookie(client, new) == 401


def test_token_answers_are_never_stored(client: TestClient, make: Factory) -> None:
    """RFC 6749 §5.1: Cache-Control: no-store and Pragma: no-cache on token answers."""
    make.user("nostore@example.org")
    signed_in = client.post(TOKEN, data={"username": "nostore@example.org", "password": PASSWORD})
    refreshed = client.post(REFRESH)
    for response in (signed_in, refreshed):
        assert response.status_code == 200
        assert response.headers["cache-control"] == "no-store"
        assert response.headers["pragma"] == "no-cache"


def test_expired_sessions_are_cleared_at_the_next_sign_in(
    client: TestClient, make: Factory, db: sessionmaker[Session]
) -> None:
    make.user("returning@example.org")
    _sign_in(client, "returning@example.org")
    _sign_in(client, "returning@example.org")
    with db() as session, session.begin():
        session.execute(update(RefreshSession).values(expires_at=utcnow() - timedelta(days=1)))
    client.cookies.clear()
    _sign_in(client, "returning@example.org")
    with db() as session:
        open_sessions = session.scalars(select(RefreshSession)).all()
    assert len(open_sessions) == 1  # only the one just started
    assert client.post(REFRESH).status_code == 200
