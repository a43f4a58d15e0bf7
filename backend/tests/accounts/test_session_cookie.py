"""The dashboard's session: the access token lives in memory only; an HttpOnly cookie set
at sign-in gets a new one after a reload, until sign-out or a password change."""

from fastapi.testclient import TestClient

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
    response = client.post(REFRESH)
    assert response.status_code == 401
    assert response.headers["content-type"].startswith("application/problem+json")


def test_signing_out_ends_the_session(client: TestClient, make: Factory) -> None:
    make.user("leaving@example.org")
    _sign_in(client, "leaving@example.org")
    assert client.post(LOGOUT).status_code == 204
    assert client.post(REFRESH).status_code == 401


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
