"""Accounts: signing in, who am I, changing one's password, accounts made by platform admins."""

import uuid
from typing import Any

import pytest
from fastapi.testclient import TestClient

from accord.core.vocabulary import MembershipRole
from tests.conftest import PASSWORD, Actor, Factory, World

TOKEN = "/api/v1/auth/token"
ME = "/api/v1/auth/me"
USERS = "/api/v1/users"
NEW_PASSWORD = "a-brand-new-passphrase"


def assert_problem(response: Any, status: int, type_suffix: str | None = None) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    if type_suffix:
        assert body["type"].endswith(type_suffix)
    return body


def fields_of(problem: dict[str, Any]) -> set[str]:
    return {error["field"] for error in problem.get("errors") or []}


def sign_in(client: TestClient, email: str, password: str) -> Any:
    return client.post(TOKEN, data={"username": email, "password": password})


def bearer(response: Any) -> dict[str, str]:
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


# --- signing in --------------------------------------------------------------------------


def test_sign_in_returns_a_bearer_token_that_identifies_you(
    client: TestClient, world: World
) -> None:
    response = sign_in(client, "editor@example.org", PASSWORD)
    assert response.status_code == 200, response.text
    token = response.json()
    assert set(token) == {"access_token", "token_type", "expires_in"}
    assert token["token_type"] == "bearer"
    assert token["access_token"]
    assert token["expires_in"] > 0

    me = client.get(ME, headers=bearer(response))
    assert me.status_code == 200, me.text
    body = me.json()
    assert body["id"] == str(world.editor.id)
    assert body["email"] == "editor@example.org"
    assert body["full_name"] == "Edna Editor"
    assert body["is_admin"] is False
    assert body["memberships"] == [
        {
            "network": "network-a",
            "network_name": "Network A",
            "role": "partner_editor",
            "partner_ids": [world.a_partner["id"]],
        }
    ]
    assert "password_hash" not in me.text


def test_sign_in_ignores_the_case_of_the_email(client: TestClient, world: World) -> None:
    response = sign_in(client, "  Coordinator@Example.ORG ", PASSWORD)
    assert client.get(ME, headers=bearer(response)).json()["id"] == str(world.coordinator.id)


def test_wrong_password_and_unknown_email_answer_alike(client: TestClient, world: World) -> None:
    wrong_password = sign_in(client, "coordinator@example.org", "not-the-password")
    unknown_email = sign_in(client, "nobody@example.org", PASSWORD)
    body = assert_problem(wrong_password, 400, "invalid-grant")
    assert_problem(unknown_email, 400, "invalid-grant")
    assert unknown_email.json() == body
    assert "access_token" not in body


def test_me_describes_memberships_across_networks(
    client: TestClient, world: World, make: Factory
) -> None:
    make.member(world.b, world.viewer, MembershipRole.coordinator)
    body = client.get(ME, headers=world.viewer.headers).json()
    assert [(m["network"], m["network_name"], m["role"]) for m in body["memberships"]] == [
        ("network-a", "Network A", "viewer"),
        ("network-b", "Network B", "coordinator"),
    ]

    admin = client.get(ME, headers=world.admin.headers).json()
    assert (admin["email"], admin["is_admin"], admin["memberships"]) == (
        "admin@example.org",
        True,
        [],
    )


def test_me_needs_a_valid_token(client: TestClient) -> None:
    for headers in [{}, {"Authorization": "Bearer not-a-token"}]:
        response = client.get(ME, headers=headers)
        assert_problem(response, 401)
        assert response.headers["WWW-Authenticate"].startswith("Bearer")


# --- changing one's password -------------------------------------------------------------


def test_changing_your_password_replaces_the_old_one(client: TestClient, world: World) -> None:
    response = client.post(
        f"{ME}/password",
        json={"current_password": PASSWORD, "new_password": NEW_PASSWORD},
        headers=world.viewer.headers,
    )
    assert response.status_code == 204, response.text
    assert bearer(sign_in(client, "viewer@example.org", NEW_PASSWORD))
    assert_problem(sign_in(client, "viewer@example.org", PASSWORD), 400, "invalid-grant")


def test_changing_password_needs_the_current_one(client: TestClient, world: World) -> None:
    response = client.post(
        f"{ME}/password",
        json={"current_password": "a-wrong-guess-here", "new_password": NEW_PASSWORD},
        headers=world.viewer.headers,
    )
    problem = assert_problem(response, 403)
    assert fields_of(problem) == {"body.current_password"}
    assert_problem(sign_in(client, "viewer@example.org", NEW_PASSWORD), 400, "invalid-grant")


def test_new_password_needs_twelve_characters(client: TestClient, world: World) -> None:
    response = client.post(
        f"{ME}/password",
        json={"current_password": PASSWORD, "new_password": "short-pass1"},
        headers=world.viewer.headers,
    )
    problem = assert_problem(response, 422, "validation-error")
    assert fields_of(problem) == {"body.new_password"}
    assert bearer(sign_in(client, "viewer@example.org", PASSWORD))


# --- accounts made by platform admins ----------------------------------------------------


def test_platform_admin_creates_an_account_that_can_sign_in(
    client: TestClient, world: World
) -> None:
    response = client.post(
        USERS,
        json={"email": "nadia@example.org", "full_name": "Nadia New", "password": NEW_PASSWORD},
        headers=world.admin.headers,
    )
    assert response.status_code == 201, response.text
    created = response.json()
    assert created["email"] == "nadia@example.org"
    assert created["full_name"] == "Nadia New"
    assert created["is_admin"] is False
    assert created["is_active"] is True
    assert "password" not in response.text

    headers = bearer(sign_in(client, "nadia@example.org", NEW_PASSWORD))
    me = client.get(ME, headers=headers).json()
    assert (me["id"], me["is_admin"], me["memberships"]) == (created["id"], False, [])
    # Not an admin: the new account may not list accounts.
    assert_problem(client.get(USERS, headers=headers), 403)
    listed = client.get(USERS, params={"q": "nadia"}, headers=world.admin.headers).json()["items"]
    assert [u["id"] for u in listed] == [created["id"]]


def test_platform_admin_creates_another_admin(
    client: TestClient, world: World, make: Factory
) -> None:
    response = client.post(
        USERS,
        json={
            "email": "second-admin@example.org",
            "full_name": "Second Admin",
            "password": NEW_PASSWORD,
            "is_admin": True,
        },
        headers=world.admin.headers,
    )
    assert response.status_code == 201, response.text
    assert response.json()["is_admin"] is True
    headers = make.headers_for(uuid.UUID(response.json()["id"]))
    assert client.get(USERS, headers=headers).status_code == 200


@pytest.mark.parametrize("email", ["coordinator@example.org", "COORDINATOR@example.org"])
def test_an_email_has_one_account_whatever_its_case(
    client: TestClient, world: World, email: str
) -> None:
    response = client.post(
        USERS,
        json={"email": email, "full_name": "Impostor", "password": NEW_PASSWORD},
        headers=world.admin.headers,
    )
    problem = assert_problem(response, 409, "conflict")
    assert fields_of(problem) == {"body.email"}
    found = client.get(USERS, params={"q": "coordinator@"}, headers=world.admin.headers).json()
    assert [u["full_name"] for u in found["items"]] == ["Cora Coordinator"]


def test_account_creation_validates_its_fields(client: TestClient, make: Factory) -> None:
    admin = make.user(admin=True)
    for body, field in [
        ({"email": "x@example.org", "full_name": "X", "password": "too-short"}, "body.password"),
        ({"email": "not-an-email", "full_name": "X", "password": NEW_PASSWORD}, "body.email"),
        ({"email": "x@example.org", "full_name": "", "password": NEW_PASSWORD}, "body.full_name"),
        ({"email": "x@example.org", "full_name": "X"}, "body.password"),
    ]:
        response = client.post(USERS, json=body, headers=admin.headers)
        assert field in fields_of(assert_problem(response, 422, "validation-error")), body
    listed = client.get(USERS, headers=admin.headers).json()["items"]
    assert [u["id"] for u in listed] == [str(admin.id)]


@pytest.mark.parametrize("who", ["coordinator", "viewer"])
def test_only_platform_admins_manage_accounts(client: TestClient, world: World, who: str) -> None:
    actor: Actor = getattr(world, who)
    assert_problem(client.get(USERS, headers=actor.headers), 403)
    created = client.post(
        USERS,
        json={"email": "sneaky@example.org", "full_name": "Sneaky", "password": NEW_PASSWORD},
        headers=actor.headers,
    )
    assert_problem(created, 403)
    assert (
        client.get(USERS, params={"q": "sneaky"}, headers=world.admin.headers).json()["items"] == []
    )
    assert_problem(client.get(USERS), 401)


def test_account_list_searches_and_pages(client: TestClient, world: World) -> None:
    everyone = client.get(USERS, headers=world.admin.headers).json()
    assert [u["email"] for u in everyone["items"]] == [
        "admin@example.org",
        "coordinator@example.org",
        "editor@example.org",
        "other@example.org",
        "viewer@example.org",
    ]
    assert everyone["next_cursor"] is None

    by_name = client.get(USERS, params={"q": "EDNA"}, headers=world.admin.headers).json()["items"]
    assert [u["email"] for u in by_name] == ["editor@example.org"]
    for nothing in ["zzz", "%", "_"]:
        found = client.get(USERS, params={"q": nothing}, headers=world.admin.headers)
        assert found.json()["items"] == [], nothing

    seen: list[str] = []
    params: dict[str, Any] = {"limit": 2}
    for _ in range(5):
        page = client.get(USERS, params=params, headers=world.admin.headers)
        assert page.status_code == 200, page.text
        seen += [u["email"] for u in page.json()["items"]]
        if page.json()["next_cursor"] is None:
            break
        params["cursor"] = page.json()["next_cursor"]
    assert seen == [u["email"] for u in everyone["items"]]

    bad = client.get(USERS, params={"cursor": "not-a-cursor"}, headers=world.admin.headers)
    assert fields_of(assert_problem(bad, 400)) == {"query.cursor"}
