"""Memberships: who belongs to a network, with which role, and what that lets them do."""

from functools import partial
from typing import Any

import pytest
from fastapi.testclient import TestClient

from accord.core.vocabulary import MembershipRole
from tests.conftest import Actor, Factory, World, at_once

MEMBERS = "/api/v1/networks/network-a/members"
INVITATIONS = "/api/v1/networks/network-a/invitations"


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


def members(client: TestClient, actor: Actor, **params: Any) -> list[dict[str, Any]]:
    response = client.get(MEMBERS, params=params, headers=actor.headers)
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


def membership_of(client: TestClient, world: World, actor: Actor) -> dict[str, Any]:
    [found] = [m for m in members(client, world.coordinator) if m["user_id"] == str(actor.id)]
    return found


def invite(client: TestClient, by: Actor, body: dict[str, Any]) -> Any:
    return client.post(INVITATIONS, json=body, headers=by.headers)


def join(
    client: TestClient, world: World, by: Actor, invitee: Actor, body: dict[str, Any]
) -> dict[str, Any]:
    """The invitee becomes a member the only way there is: invited, then accepting."""
    invited = invite(client, by, body)
    assert invited.status_code == 201, invited.text
    accepted = client.post(
        "/api/v1/invitations/accept",
        json={"token": invited.json()["token"]},
        headers=invitee.headers,
    )
    assert accepted.status_code == 201, accepted.text
    return membership_of(client, world, invitee)


def with_etag(actor: Actor, etag: str | None) -> dict[str, str]:
    headers = dict(actor.headers)
    if etag is not None:
        headers["If-Match"] = etag
    return headers


def audit(client: TestClient, world: World, action: str) -> list[dict[str, Any]]:
    response = client.get(
        "/api/v1/networks/network-a/audit",
        params={"action": action},
        headers=world.coordinator.headers,
    )
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


# --- listing and reading -----------------------------------------------------------------


def test_coordinator_lists_the_members_with_roles_and_partners(
    client: TestClient, world: World
) -> None:
    listed = members(client, world.coordinator)
    assert [(m["full_name"], m["email"], m["role"], m["partner_ids"]) for m in listed] == [
        ("Cora Coordinator", "coordinator@example.org", "coordinator", []),
        ("Edna Editor", "editor@example.org", "partner_editor", [world.a_partner["id"]]),
        ("Vic Viewer", "viewer@example.org", "viewer", []),
    ]
    assert all(m["version"] == 1 for m in listed)
    # Nobody from network B is listed.
    assert str(world.other_coordinator.id) not in {m["user_id"] for m in listed}


def test_member_list_filters_by_role_and_pages(client: TestClient, world: World) -> None:
    assert [m["full_name"] for m in members(client, world.coordinator, role="viewer")] == [
        "Vic Viewer"
    ]
    assert [m["full_name"] for m in members(client, world.coordinator, role="coordinator")] == [
        "Cora Coordinator"
    ]
    first = client.get(MEMBERS, params={"limit": 2}, headers=world.coordinator.headers).json()
    assert [m["full_name"] for m in first["items"]] == ["Cora Coordinator", "Edna Editor"]
    assert first["total"] == 3  # every page says how many in all
    viewers = client.get(MEMBERS, params={"role": "viewer"}, headers=world.coordinator.headers)
    assert viewers.json()["total"] == 1
    rest = client.get(
        MEMBERS,
        params={"limit": 2, "cursor": first["next_cursor"]},
        headers=world.coordinator.headers,
    ).json()
    assert [m["full_name"] for m in rest["items"]] == ["Vic Viewer"]
    assert rest["next_cursor"] is None and rest["total"] == 3


def test_platform_admin_manages_members_without_being_one(client: TestClient, world: World) -> None:
    assert len(members(client, world.admin)) == 3


@pytest.mark.parametrize("who", ["viewer", "editor"])
def test_members_who_are_not_coordinators_cannot_see_the_member_list(
    client: TestClient, world: World, who: str
) -> None:
    actor: Actor = getattr(world, who)
    assert_problem(client.get(MEMBERS, headers=actor.headers), 403)
    viewer = membership_of(client, world, world.viewer)
    assert_problem(client.get(f"{MEMBERS}/{viewer['id']}", headers=actor.headers), 403)
    assert_problem(invite(client, actor, {"email": "admin@example.org", "role": "viewer"}), 403)


def test_non_members_get_not_found(client: TestClient, world: World) -> None:
    outsider = world.other_coordinator
    assert_problem(client.get(MEMBERS, headers=outsider.headers), 404)
    viewer = membership_of(client, world, world.viewer)
    assert_problem(client.get(f"{MEMBERS}/{viewer['id']}", headers=outsider.headers), 404)
    assert_problem(
        invite(client, outsider, {"email": "other@example.org", "role": "coordinator"}), 404
    )
    assert len(members(client, world.coordinator)) == 3


def test_a_membership_of_another_network_is_not_found(client: TestClient, world: World) -> None:
    b_members = client.get(
        "/api/v1/networks/network-b/members", headers=world.other_coordinator.headers
    ).json()["items"]
    [b_coordinator] = b_members
    url = f"{MEMBERS}/{b_coordinator['id']}"
    assert_problem(client.get(url, headers=world.coordinator.headers), 404)
    assert_problem(
        client.patch(url, json={"role": "viewer"}, headers=with_etag(world.coordinator, '"1"')), 404
    )
    assert_problem(client.delete(url, headers=with_etag(world.coordinator, '"1"')), 404)
    still = client.get(
        f"/api/v1/networks/network-b/members/{b_coordinator['id']}",
        headers=world.other_coordinator.headers,
    )
    assert still.status_code == 200
    assert still.json()["role"] == "coordinator"


# --- adding ------------------------------------------------------------------------------


def test_members_are_no_longer_added_directly(
    client: TestClient, world: World, make: Factory
) -> None:
    make.user("newcomer@example.org")
    for actor in (world.coordinator, world.admin):
        response = client.post(
            MEMBERS, json={"email": "newcomer@example.org", "role": "viewer"}, headers=actor.headers
        )
        assert_problem(response, 405)
    assert "newcomer@example.org" not in {m["email"] for m in members(client, world.coordinator)}


def test_platform_admin_invites_a_coordinator(
    client: TestClient, world: World, make: Factory
) -> None:
    lead = make.user("lead@example.org")
    assert_problem(client.get(MEMBERS, headers=lead.headers), 404)
    joined = join(
        client, world, world.admin, lead, {"email": "lead@example.org", "role": "coordinator"}
    )
    assert joined["role"] == "coordinator"
    assert client.get(MEMBERS, headers=lead.headers).status_code == 200


def test_inviting_someone_who_is_already_a_member_conflicts(
    client: TestClient, world: World
) -> None:
    response = invite(
        client, world.coordinator, {"email": "viewer@example.org", "role": "coordinator"}
    )
    assert_problem(response, 409, "conflict")
    assert membership_of(client, world, world.viewer)["role"] == "viewer"


def test_partners_of_another_network_cannot_be_linked(
    client: TestClient, world: World, make: Factory
) -> None:
    make.user("newcomer@example.org")
    response = invite(
        client,
        world.coordinator,
        {
            "email": "newcomer@example.org",
            "role": "partner_editor",
            "partner_ids": [world.b_partner["id"]],
        },
    )
    problem = assert_problem(response, 404, "not-found")
    assert fields_of(problem) == {"body.partner_ids"}
    listed = client.get(INVITATIONS, headers=world.coordinator.headers).json()["items"]
    assert listed == []

    viewer = membership_of(client, world, world.viewer)
    refused = client.patch(
        f"{MEMBERS}/{viewer['id']}",
        json={"role": "partner_editor", "partner_ids": [world.b_partner["id"]]},
        headers=with_etag(world.coordinator, '"1"'),
    )
    assert fields_of(assert_problem(refused, 404)) == {"body.partner_ids"}
    after = membership_of(client, world, world.viewer)
    assert (after["role"], after["partner_ids"], after["version"]) == ("viewer", [], 1)


# --- changing and removing ---------------------------------------------------------------


def test_coordinator_changes_a_role_and_partners_with_if_match(
    client: TestClient, world: World
) -> None:
    viewer = membership_of(client, world, world.viewer)
    url = f"{MEMBERS}/{viewer['id']}"
    body = {"role": "partner_editor", "partner_ids": [world.a_other_partner["id"]]}

    assert_problem(client.patch(url, json=body, headers=world.coordinator.headers), 428)
    etag = client.get(url, headers=world.coordinator.headers).headers["ETag"]
    response = client.patch(url, json=body, headers=with_etag(world.coordinator, etag))
    assert response.status_code == 200, response.text
    assert response.headers["ETag"] == '"2"'
    assert response.json()["role"] == "partner_editor"
    assert response.json()["partner_ids"] == [world.a_other_partner["id"]]

    stale = client.patch(url, json={"role": "viewer"}, headers=with_etag(world.coordinator, etag))
    assert_problem(stale, 412, "stale-version")
    after = client.get(url, headers=world.coordinator.headers)
    assert after.headers["ETag"] == '"2"'
    assert (after.json()["role"], after.json()["partner_ids"]) == (
        "partner_editor",
        [world.a_other_partner["id"]],
    )
    me = client.get("/api/v1/auth/me", headers=world.viewer.headers).json()
    assert [(m["network"], m["role"], m["partner_ids"]) for m in me["memberships"]] == [
        ("network-a", "partner_editor", [world.a_other_partner["id"]])
    ]


def test_role_cannot_be_set_to_null(client: TestClient, world: World) -> None:
    viewer = membership_of(client, world, world.viewer)
    response = client.patch(
        f"{MEMBERS}/{viewer['id']}",
        json={"role": None},
        headers=with_etag(world.coordinator, '"1"'),
    )
    assert fields_of(assert_problem(response, 422)) == {"body.role"}


def test_coordinator_removes_a_member_with_if_match(client: TestClient, world: World) -> None:
    viewer = membership_of(client, world, world.viewer)
    url = f"{MEMBERS}/{viewer['id']}"
    assert_problem(client.delete(url, headers=world.coordinator.headers), 428)
    assert_problem(client.delete(url, headers=with_etag(world.coordinator, '"7"')), 412)
    assert client.get("/api/v1/networks/network-a", headers=world.viewer.headers).status_code == 200

    response = client.delete(url, headers=with_etag(world.coordinator, '"1"'))
    assert response.status_code == 204, response.text
    assert_problem(client.get(url, headers=world.coordinator.headers), 404)
    assert "viewer@example.org" not in {m["email"] for m in members(client, world.coordinator)}
    assert_problem(client.get("/api/v1/networks/network-a", headers=world.viewer.headers), 404)
    assert client.get("/api/v1/networks", headers=world.viewer.headers).json()["items"] == []

    # Removed people can be invited back.
    join(
        client,
        world,
        world.coordinator,
        world.viewer,
        {"email": "viewer@example.org", "role": "viewer"},
    )
    assert client.get("/api/v1/networks/network-a", headers=world.viewer.headers).status_code == 200


def test_the_last_coordinator_cannot_be_demoted_or_removed(
    client: TestClient, world: World
) -> None:
    mine = membership_of(client, world, world.coordinator)
    url = f"{MEMBERS}/{mine['id']}"
    demote = client.patch(url, json={"role": "viewer"}, headers=with_etag(world.coordinator, '"1"'))
    assert_problem(demote, 409, "conflict")
    remove = client.delete(url, headers=with_etag(world.coordinator, '"1"'))
    assert_problem(remove, 409, "conflict")
    # A platform admin is held to the same rule.
    assert_problem(client.delete(url, headers=with_etag(world.admin, '"1"')), 409)
    assert membership_of(client, world, world.coordinator)["role"] == "coordinator"
    assert members(client, world.coordinator, role="coordinator")[0]["version"] == 1


def test_a_coordinator_can_step_down_once_another_is_appointed(
    client: TestClient, world: World
) -> None:
    viewer = membership_of(client, world, world.viewer)
    promoted = client.patch(
        f"{MEMBERS}/{viewer['id']}",
        json={"role": "coordinator"},
        headers=with_etag(world.coordinator, '"1"'),
    )
    assert promoted.status_code == 200, promoted.text

    mine = membership_of(client, world, world.coordinator)
    demoted = client.patch(
        f"{MEMBERS}/{mine['id']}",
        json={"role": "viewer"},
        headers=with_etag(world.coordinator, '"1"'),
    )
    assert demoted.status_code == 200, demoted.text
    assert demoted.json()["role"] == "viewer"
    # Now a viewer, the former coordinator no longer manages members…
    assert_problem(client.get(MEMBERS, headers=world.coordinator.headers), 403)
    # …and the new one cannot leave the network without a coordinator.
    remaining = client.delete(
        f"{MEMBERS}/{viewer['id']}", headers=with_etag(world.viewer, promoted.headers["ETag"])
    )
    assert_problem(remaining, 409)


def test_two_coordinators_stepping_down_together_leave_one(
    client: TestClient, make: Factory
) -> None:
    admin = make.user(admin=True)
    for attempt in range(5):
        network = make.network(f"two-leads-{attempt}")
        url = f"/api/v1/networks/{network.slug}/members"
        pair = [make.user(), make.user()]
        ids = [make.member(network, lead, MembershipRole.coordinator).id for lead in pair]

        step_down = [
            partial(
                client.patch,
                f"{url}/{membership_id}",
                json={"role": "viewer"},
                headers=with_etag(lead, '"1"'),
            )
            for lead, membership_id in zip(pair, ids, strict=True)
        ]
        first, second = at_once(*step_down)
        assert sorted([first.status_code, second.status_code]) == [200, 409]
        left = client.get(url, params={"role": "coordinator"}, headers=admin.headers)
        assert len(left.json()["items"]) == 1


# --- what a membership lets a person do --------------------------------------------------


def test_a_partner_editor_edits_only_their_partner_until_removed(
    client: TestClient, world: World, make: Factory
) -> None:
    editor = make.user("new-editor@example.org")
    partners = "/api/v1/networks/network-a/partners"
    mine, theirs = world.a_partner["id"], world.a_other_partner["id"]
    assert_problem(client.get(f"{partners}/{mine}", headers=editor.headers), 404)

    added = join(
        client,
        world,
        world.coordinator,
        editor,
        {"email": "new-editor@example.org", "role": "partner_editor", "partner_ids": [mine]},
    )
    assert added["partner_ids"] == [mine]

    read = client.get(f"{partners}/{mine}", headers=editor.headers)
    assert read.status_code == 200, read.text
    edited = client.patch(
        f"{partners}/{mine}",
        json={"description": "Open every day."},
        headers=with_etag(editor, read.headers["ETag"]),
    )
    assert edited.status_code == 200, edited.text
    assert edited.json()["description"] == "Open every day."

    other = client.get(f"{partners}/{theirs}", headers=editor.headers)
    assert other.status_code == 200, other.text
    refused = client.patch(
        f"{partners}/{theirs}",
        json={"description": "Hijacked."},
        headers=with_etag(editor, other.headers["ETag"]),
    )
    assert_problem(refused, 403)
    assert (
        client.get(f"{partners}/{theirs}", headers=world.coordinator.headers)
        .json()
        .get("description")
        != "Hijacked."
    )

    removed = client.delete(
        f"{MEMBERS}/{added['id']}", headers=with_etag(world.coordinator, f'"{added["version"]}"')
    )
    assert removed.status_code == 204, removed.text
    assert_problem(client.get("/api/v1/networks/network-a", headers=editor.headers), 404)
    after = client.get(f"{partners}/{mine}", headers=world.coordinator.headers)
    assert_problem(
        client.patch(
            f"{partners}/{mine}",
            json={"description": "Still mine?"},
            headers=with_etag(editor, after.headers["ETag"]),
        ),
        404,
    )


# --- audit -------------------------------------------------------------------------------


def test_membership_changes_are_audited(client: TestClient, world: World, make: Factory) -> None:
    newcomer = make.user("newcomer@example.org")
    added = join(
        client,
        world,
        world.coordinator,
        newcomer,
        {"email": "newcomer@example.org", "role": "viewer"},
    )
    membership_id = added["id"]
    url = f"{MEMBERS}/{membership_id}"
    updated = client.patch(
        url,
        json={"role": "partner_editor", "partner_ids": [world.a_partner["id"]]},
        headers=with_etag(world.coordinator, '"1"'),
    )
    assert updated.status_code == 200, updated.text
    removed = client.delete(url, headers=with_etag(world.coordinator, updated.headers["ETag"]))
    assert removed.status_code == 204, removed.text

    [create] = audit(client, world, "membership.create")
    [update] = audit(client, world, "membership.update")
    [delete] = audit(client, world, "membership.delete")
    for event in (create, update, delete):
        assert event["object_type"] == "membership"
        assert event["object_id"] == membership_id
    # The newcomer made themself a member by accepting; the coordinator changed the rest.
    assert create["actor_id"] == str(newcomer.id)
    for event in (update, delete):
        assert event["actor_id"] == str(world.coordinator.id)
        assert event["actor_name"] == "Cora Coordinator"
    assert create["changes"]["role"] == {"before": None, "after": "viewer"}
    assert create["changes"]["email"] == {"before": None, "after": "newcomer@example.org"}
    assert create["changes"]["user_id"] == {"before": None, "after": str(newcomer.id)}
    assert update["changes"] == {
        "role": {"before": "viewer", "after": "partner_editor"},
        "partner_ids": {"before": [], "after": [world.a_partner["id"]]},
    }
    assert delete["changes"]["role"] == {"before": "partner_editor", "after": None}
    assert delete["changes"]["email"] == {"before": "newcomer@example.org", "after": None}

    everything = client.get(
        "/api/v1/networks/network-a/audit",
        params={"object_id": membership_id},
        headers=world.coordinator.headers,
    ).json()["items"]
    assert [e["action"] for e in everything] == [
        "membership.delete",
        "membership.update",
        "membership.create",
    ]
