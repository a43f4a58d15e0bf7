"""Invitations: a coordinator offers a role to an e-mail; the account holder accepts."""

import hashlib
from datetime import timedelta
from functools import partial
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from accord.core.models import utcnow
from accord.networks.models import Invitation
from accord.networks.revision import mark_written
from tests.conftest import Actor, Factory, World, at_once

INVITATIONS = "/api/v1/networks/network-a/invitations"
ACCEPT = "/api/v1/invitations/accept"


def assert_problem(response: Any, status: int, type_suffix: str | None = None) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    if type_suffix:
        assert body["type"].endswith(type_suffix)
    return body


def invite(client: TestClient, by: Actor, **body: Any) -> Any:
    return client.post(INVITATIONS, json={"role": "viewer", **body}, headers=by.headers)


def accept(client: TestClient, actor: Actor, token: str) -> Any:
    return client.post(ACCEPT, json={"token": token}, headers=actor.headers)


def listed(client: TestClient, actor: Actor, **params: Any) -> list[dict[str, Any]]:
    response = client.get(INVITATIONS, params=params, headers=actor.headers)
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


def my_networks(client: TestClient, actor: Actor) -> list[tuple[str, str | None]]:
    items = client.get("/api/v1/networks", headers=actor.headers).json()["items"]
    return [(n["slug"], n["my_role"]) for n in items]


def audit(client: TestClient, world: World, action: str) -> list[dict[str, Any]]:
    response = client.get(
        "/api/v1/networks/network-a/audit",
        params={"action": action},
        headers=world.coordinator.headers,
    )
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


def test_the_invitee_joins_by_accepting_the_one_time_link(
    client: TestClient, world: World, make: Factory, db: sessionmaker[Session]
) -> None:
    newcomer = make.user("newcomer@example.org", name="Nia Newcomer")
    response = invite(
        client,
        world.coordinator,
        email="Newcomer@Example.org",
        role="partner_editor",
        partner_ids=[world.a_partner["id"]],
    )
    assert response.status_code == 201, response.text
    created = response.json()
    assert response.headers["ETag"] == '"1"'
    assert response.headers["Location"] == f"{INVITATIONS}/{created['id']}"
    assert (created["email"], created["role"], created["status"]) == (
        "newcomer@example.org",
        "partner_editor",
        "pending",
    )
    assert created["partner_ids"] == [world.a_partner["id"]]
    token = created["token"]
    # The token travels in the URL fragment, which browsers never send to a server.
    assert created["accept_path"] == f"/invitations/accept#token={token}"
    # Nothing says who holds the account.
    assert "Nia" not in response.text and str(newcomer.id) not in response.text
    # Only a hash is kept.
    with db() as session:
        stored = session.scalars(select(Invitation)).one()
        assert stored.token_hash == hashlib.sha256(token.encode()).hexdigest()
        assert token not in stored.token_hash
    # Nobody is a member before accepting.
    assert my_networks(client, newcomer) == []

    fetched = client.get(response.headers["Location"], headers=world.coordinator.headers)
    assert fetched.status_code == 200
    assert "token" not in fetched.json() and "accept_path" not in fetched.json()

    accepted = accept(client, newcomer, token)
    assert accepted.status_code == 201, accepted.text
    assert accepted.json() == {
        "network": "network-a",
        "network_name": "Network A",
        "role": "partner_editor",
        "partner_ids": [world.a_partner["id"]],
    }
    assert accepted.headers["Location"] == "/api/v1/networks/network-a"
    assert my_networks(client, newcomer) == [("network-a", "partner_editor")]
    [invitation] = listed(client, world.coordinator)
    assert invitation["status"] == "accepted"
    assert invitation["accepted_at"] is not None

    # One time only.
    assert_problem(accept(client, newcomer, token), 409, "conflict")


def test_the_answer_does_not_tell_whether_an_account_exists(
    client: TestClient, world: World, make: Factory
) -> None:
    make.user("known@example.org", name="Kim Known")
    answers = [
        invite(client, world.coordinator, email=email)
        for email in ("known@example.org", "unknown@example.org")
    ]
    known, unknown = answers
    assert known.status_code == unknown.status_code == 201
    assert set(known.headers) == set(unknown.headers)
    varying = {"id", "email", "token", "accept_path", "created_at", "expires_at"}

    def same_shape(response: Any) -> dict[str, Any]:
        return {k: v for k, v in response.json().items() if k not in varying}

    assert same_shape(known) == same_shape(unknown)
    assert set(known.json()) == set(unknown.json())
    assert "Kim" not in known.text


def test_an_invitee_without_an_account_accepts_once_the_admin_creates_it(
    client: TestClient, world: World
) -> None:
    invited = invite(client, world.coordinator, email="later@example.org")
    assert invited.status_code == 201, invited.text
    made = client.post(
        "/api/v1/users",
        json={
            "email": "later@example.org",
            "full_name": "Lee Later",
            "password": "a long enough password",
        },
        headers=world.admin.headers,
    )
    assert made.status_code == 201, made.text
    signed_in = client.post(
        "/api/v1/auth/token",
        data={"username": "later@example.org", "password": "a long enough password"},
    )
    assert signed_in.status_code == 200, signed_in.text
    later = Actor(
        user=None, headers={"Authorization": f"Bearer {signed_in.json()['access_token']}"}
    )  # type: ignore[arg-type]
    accepted = accept(client, later, invited.json()["token"])
    assert accepted.status_code == 201, accepted.text
    assert my_networks(client, later) == [("network-a", "viewer")]


def test_another_account_cannot_use_the_link_and_learns_nothing_of_the_network(
    client: TestClient, world: World, make: Factory
) -> None:
    make.user("invitee@example.org")
    stranger = make.user("stranger@example.org")
    token = invite(client, world.coordinator, email="invitee@example.org").json()["token"]
    refused = accept(client, stranger, token)
    problem = assert_problem(refused, 403, "forbidden")
    assert "network-a" not in refused.text and "Network A" not in refused.text
    assert "e-mail" in problem["detail"]
    assert my_networks(client, stranger) == []
    [still] = listed(client, world.coordinator)
    assert still["status"] == "pending"


def test_an_unknown_token_is_not_found(client: TestClient, world: World) -> None:
    assert_problem(accept(client, world.viewer, "not-a-real-token"), 404, "not-found")
    assert_problem(client.post(ACCEPT, json={"token": "x y"}, headers=world.viewer.headers), 422)
    assert_problem(client.post(ACCEPT, json={"token": "abc"}), 401)


def test_a_withdrawn_invitation_no_longer_works(
    client: TestClient, world: World, make: Factory
) -> None:
    invitee = make.user("invitee@example.org")
    created = invite(client, world.coordinator, email="invitee@example.org")
    url = created.headers["Location"]
    assert_problem(client.delete(url, headers=world.coordinator.headers), 428)
    stale = world.coordinator.headers | {"If-Match": '"7"'}
    assert_problem(client.delete(url, headers=stale), 412)
    current = world.coordinator.headers | {"If-Match": created.headers["ETag"]}
    withdrawn = client.delete(url, headers=current)
    assert withdrawn.status_code == 204, withdrawn.text

    after = client.get(url, headers=world.coordinator.headers)
    assert after.json()["status"] == "withdrawn"
    assert after.headers["ETag"] == '"2"'
    problem = assert_problem(accept(client, invitee, created.json()["token"]), 409, "conflict")
    assert "withdrawn" in problem["detail"]
    assert my_networks(client, invitee) == []
    again = world.coordinator.headers | {"If-Match": '"2"'}
    assert_problem(client.delete(url, headers=again), 409)


def test_an_expired_invitation_no_longer_works(
    client: TestClient, world: World, make: Factory, db: sessionmaker[Session]
) -> None:
    invitee = make.user("invitee@example.org")
    created = invite(client, world.coordinator, email="invitee@example.org").json()
    # Valid for ACCORD_INVITATION_DAYS (7 by default).
    lifetime = utcnow() + timedelta(days=7) - _parse(created["expires_at"])
    assert abs(lifetime) < timedelta(minutes=5)
    with db() as session:
        mark_written(session, None)  # a bulk update: it writes in every network
        session.execute(update(Invitation).values(expires_at=utcnow() - timedelta(seconds=1)))
        session.commit()
    problem = assert_problem(accept(client, invitee, created["token"]), 409, "conflict")
    assert "expired" in problem["detail"]
    assert [i["status"] for i in listed(client, world.coordinator)] == ["expired"]
    assert listed(client, world.coordinator, status="pending") == []
    # An expired invitation does not stand in the way of a new one.
    assert invite(client, world.coordinator, email="invitee@example.org").status_code == 201


def _parse(value: str) -> Any:
    from datetime import datetime

    return datetime.fromisoformat(value)


def test_invitations_are_listed_by_status_and_paginated(
    client: TestClient, world: World, make: Factory
) -> None:
    first = make.user("first@example.org")
    tokens = {}
    for name in ("first", "second", "third"):
        response = invite(client, world.coordinator, email=f"{name}@example.org")
        assert response.status_code == 201, response.text
        tokens[name] = response.json()
    assert accept(client, first, tokens["first"]["token"]).status_code == 201
    second = tokens["second"]
    withdrawn = client.delete(
        f"{INVITATIONS}/{second['id']}",
        headers=world.coordinator.headers | {"If-Match": '"1"'},
    )
    assert withdrawn.status_code == 204

    assert [i["email"] for i in listed(client, world.coordinator)] == [
        "third@example.org",
        "second@example.org",
        "first@example.org",
    ]
    by_status = {
        status: [i["email"] for i in listed(client, world.coordinator, status=status)]
        for status in ("pending", "accepted", "withdrawn", "expired")
    }
    assert by_status == {
        "pending": ["third@example.org"],
        "accepted": ["first@example.org"],
        "withdrawn": ["second@example.org"],
        "expired": [],
    }
    page = client.get(INVITATIONS, params={"limit": 2}, headers=world.coordinator.headers).json()
    assert len(page["items"]) == 2 and page["next_cursor"]
    rest = client.get(
        INVITATIONS,
        params={"limit": 2, "cursor": page["next_cursor"]},
        headers=world.coordinator.headers,
    ).json()
    assert [i["email"] for i in rest["items"]] == ["first@example.org"]
    assert rest["next_cursor"] is None
    assert page["total"] == rest["total"] == 3
    pending = client.get(
        INVITATIONS, params={"status": "pending"}, headers=world.coordinator.headers
    ).json()
    assert pending["total"] == 1
    assert_problem(
        client.get(INVITATIONS, params={"status": "lost"}, headers=world.coordinator.headers), 422
    )


def test_one_pending_invitation_per_email_and_none_for_members(
    client: TestClient, world: World
) -> None:
    assert invite(client, world.coordinator, email="twice@example.org").status_code == 201
    problem = assert_problem(invite(client, world.coordinator, email="Twice@example.org"), 409)
    assert {e["field"] for e in problem["errors"]} == {"body.email"}
    assert_problem(invite(client, world.coordinator, email="viewer@example.org"), 409)


@pytest.mark.parametrize("who", ["viewer", "editor"])
def test_only_coordinators_and_platform_admins_invite(
    client: TestClient, world: World, who: str
) -> None:
    actor: Actor = getattr(world, who)
    assert_problem(invite(client, actor, email="x@example.org"), 403)
    assert_problem(client.get(INVITATIONS, headers=actor.headers), 403)
    assert invite(client, world.admin, email="x@example.org").status_code == 201
    assert len(listed(client, world.admin)) == 1


def test_a_platform_admin_becomes_a_member_only_by_accepting(
    client: TestClient, world: World
) -> None:
    token = invite(client, world.coordinator, email="admin@example.org").json()["token"]
    assert "network-a" not in {m["network"] for m in _me(client, world.admin)["memberships"]}
    assert accept(client, world.admin, token).status_code == 201
    assert [m["network"] for m in _me(client, world.admin)["memberships"]] == ["network-a"]


def _me(client: TestClient, actor: Actor) -> dict[str, Any]:
    body: dict[str, Any] = client.get("/api/v1/auth/me", headers=actor.headers).json()
    return body


def test_two_accepts_of_one_link_make_one_membership(
    client: TestClient, world: World, make: Factory
) -> None:
    invitee = make.user("invitee@example.org")
    token = invite(client, world.coordinator, email="invitee@example.org").json()["token"]
    first, second = at_once(
        partial(accept, client, invitee, token), partial(accept, client, invitee, token)
    )
    assert sorted([first.status_code, second.status_code]) == [201, 409]
    members = client.get(
        "/api/v1/networks/network-a/members", headers=world.coordinator.headers
    ).json()["items"]
    assert [m["email"] for m in members].count("invitee@example.org") == 1


def test_invitations_are_in_the_audit_trail_without_their_token(
    client: TestClient, world: World, make: Factory
) -> None:
    invitee = make.user("invitee@example.org")
    kept = invite(client, world.coordinator, email="invitee@example.org").json()
    dropped = invite(client, world.coordinator, email="dropped@example.org").json()
    assert (
        client.delete(
            f"{INVITATIONS}/{dropped['id']}",
            headers=world.coordinator.headers | {"If-Match": '"1"'},
        ).status_code
        == 204
    )
    assert accept(client, invitee, kept["token"]).status_code == 201

    created = audit(client, world, "invitation.create")
    [withdrawn] = audit(client, world, "invitation.withdraw")
    [accepted] = audit(client, world, "invitation.accept")
    assert {e["object_id"] for e in created} == {kept["id"], dropped["id"]}
    assert all(e["actor_id"] == str(world.coordinator.id) for e in created)
    assert withdrawn["object_id"] == dropped["id"]
    assert withdrawn["changes"]["status"] == {"before": "pending", "after": "withdrawn"}
    assert accepted["object_id"] == kept["id"]
    assert accepted["actor_id"] == str(invitee.id)
    assert accepted["changes"]["status"] == {"before": "pending", "after": "accepted"}
    trail = client.get("/api/v1/networks/network-a/audit", headers=world.coordinator.headers).text
    assert kept["token"] not in trail and dropped["token"] not in trail
