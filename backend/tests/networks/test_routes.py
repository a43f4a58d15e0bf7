"""Networks: who sees which, creation by platform admins, settings and nesting."""

from functools import partial
from typing import Any

import pytest
from fastapi.testclient import TestClient

from accord.core.vocabulary import MembershipRole
from tests.conftest import Actor, Factory, World, at_once

NETWORKS = "/api/v1/networks"


def new_network(**overrides: Any) -> dict[str, Any]:
    return {"slug": "network-c", "name": "Network C", "level": "local", **overrides}


def read(client: TestClient, actor: Actor, slug: str) -> tuple[dict[str, Any], str]:
    response = client.get(f"{NETWORKS}/{slug}", headers=actor.headers)
    assert response.status_code == 200, response.text
    return response.json(), response.headers["ETag"]


def patch(
    client: TestClient, actor: Actor, slug: str, body: dict[str, Any], etag: str | None
) -> Any:
    headers = dict(actor.headers)
    if etag is not None:
        headers["If-Match"] = etag
    return client.patch(f"{NETWORKS}/{slug}", json=body, headers=headers)


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


# --- listing -----------------------------------------------------------------------------


def test_members_list_only_their_own_networks_with_their_role(
    client: TestClient, world: World
) -> None:
    expected = [
        (world.coordinator, [("network-a", "coordinator")]),
        (world.editor, [("network-a", "partner_editor")]),
        (world.viewer, [("network-a", "viewer")]),
        (world.other_coordinator, [("network-b", "coordinator")]),
    ]
    for actor, networks in expected:
        response = client.get(NETWORKS, headers=actor.headers)
        assert response.status_code == 200, response.text
        page = response.json()
        assert [(n["slug"], n["my_role"]) for n in page["items"]] == networks
        assert page["next_cursor"] is None


def test_platform_admin_lists_every_network_without_a_role(
    client: TestClient, world: World
) -> None:
    response = client.get(NETWORKS, headers=world.admin.headers)
    assert response.status_code == 200, response.text
    items = response.json()["items"]
    assert [(n["slug"], n["name"], n["my_role"]) for n in items] == [
        ("network-a", "Network A", None),
        ("network-b", "Network B", None),
    ]


def test_network_list_pages_with_a_cursor(client: TestClient, world: World) -> None:
    first = client.get(NETWORKS, params={"limit": 1}, headers=world.admin.headers)
    assert first.status_code == 200, first.text
    assert [n["slug"] for n in first.json()["items"]] == ["network-a"]
    cursor = first.json()["next_cursor"]
    assert cursor
    second = client.get(
        NETWORKS, params={"limit": 1, "cursor": cursor}, headers=world.admin.headers
    )
    assert second.status_code == 200, second.text
    assert [n["slug"] for n in second.json()["items"]] == ["network-b"]
    assert second.json()["next_cursor"] is None


def test_listing_networks_needs_a_signed_in_user(client: TestClient, world: World) -> None:
    assert_problem(client.get(NETWORKS), 401)


# --- creating ----------------------------------------------------------------------------


def test_platform_admin_creates_a_network(client: TestClient, world: World) -> None:
    body = new_network(area="Riverside", languages=["EN", "es-mx", "fr"], parent="network-a")
    response = client.post(NETWORKS, json=body, headers=world.admin.headers)
    assert response.status_code == 201, response.text
    created = response.json()
    assert response.headers["ETag"] == '"1"'
    assert response.headers["Location"] == "/api/v1/networks/network-c"
    assert created["slug"] == "network-c"
    assert created["name"] == "Network C"
    assert created["level"] == "local"
    assert created["area"] == "Riverside"
    assert created["languages"] == ["en", "es-MX", "fr"]
    assert created["parent"] == "network-a"
    assert created["my_role"] is None
    assert created["version"] == 1

    fetched = client.get(response.headers["Location"], headers=world.admin.headers)
    assert fetched.status_code == 200, fetched.text
    assert fetched.json() == created
    # Nobody is a member yet, so the coordinator of A does not see it.
    mine = client.get(NETWORKS, headers=world.coordinator.headers).json()["items"]
    assert [n["slug"] for n in mine] == ["network-a"]


def test_only_platform_admins_create_networks(client: TestClient, world: World) -> None:
    response = client.post(NETWORKS, json=new_network(), headers=world.coordinator.headers)
    assert_problem(response, 403)
    assert_problem(client.get(f"{NETWORKS}/network-c", headers=world.admin.headers), 404)


def test_network_slug_must_be_lowercase_words_and_hyphens(
    client: TestClient, make: Factory
) -> None:
    admin = make.user(admin=True)
    for slug in ["Network-C", "network_c", "network c", "-network", "a--b", "c"]:
        response = client.post(NETWORKS, json=new_network(slug=slug), headers=admin.headers)
        problem = assert_problem(response, 422, "validation-error")
        assert "body.slug" in fields_of(problem), slug
    assert client.get(NETWORKS, headers=admin.headers).json()["items"] == []


def test_network_slug_is_unique(client: TestClient, world: World) -> None:
    response = client.post(
        NETWORKS, json=new_network(slug="network-a", name="Another A"), headers=world.admin.headers
    )
    problem = assert_problem(response, 409, "conflict")
    assert fields_of(problem) == {"body.slug"}
    # The existing network is untouched.
    assert read(client, world.admin, "network-a")[0]["name"] == "Network A"


def test_unknown_parent_is_not_found(client: TestClient, world: World) -> None:
    response = client.post(
        NETWORKS, json=new_network(parent="no-such-network"), headers=world.admin.headers
    )
    problem = assert_problem(response, 404, "not-found")
    assert fields_of(problem) == {"body.parent"}
    assert_problem(client.get(f"{NETWORKS}/network-c", headers=world.admin.headers), 404)


# --- reading -----------------------------------------------------------------------------


def test_members_and_platform_admin_read_the_network_with_an_etag(
    client: TestClient, world: World
) -> None:
    for actor, role in [
        (world.coordinator, "coordinator"),
        (world.editor, "partner_editor"),
        (world.viewer, "viewer"),
        (world.admin, None),
    ]:
        body, etag = read(client, actor, "network-a")
        assert etag == '"1"'
        assert body["slug"] == "network-a"
        assert body["name"] == "Network A"
        assert body["languages"] == ["en"]
        assert body["parent"] is None
        assert body["my_role"] == role
        assert body["version"] == 1


def test_a_network_you_do_not_belong_to_looks_like_one_that_does_not_exist(
    client: TestClient, world: World
) -> None:
    hidden = client.get(f"{NETWORKS}/network-a", headers=world.other_coordinator.headers)
    missing = client.get(f"{NETWORKS}/no-such-network", headers=world.other_coordinator.headers)
    hidden_body = assert_problem(hidden, 404, "not-found")
    missing_body = assert_problem(missing, 404, "not-found")
    assert hidden_body.keys() == missing_body.keys()
    assert hidden_body["detail"] == missing_body["detail"]
    assert "Network A" not in hidden.text


# --- updating ----------------------------------------------------------------------------


def test_coordinator_changes_name_area_and_languages(client: TestClient, world: World) -> None:
    _, etag = read(client, world.coordinator, "network-a")
    response = patch(
        client,
        world.coordinator,
        "network-a",
        {"name": "Riverside Network", "area": "Riverside district", "languages": ["EN", "es-mx"]},
        etag,
    )
    assert response.status_code == 200, response.text
    assert response.headers["ETag"] == '"2"'
    updated = response.json()
    assert updated["name"] == "Riverside Network"
    assert updated["area"] == "Riverside district"
    assert updated["languages"] == ["en", "es-MX"]
    assert updated["slug"] == "network-a"
    assert updated["version"] == 2
    assert updated["my_role"] == "coordinator"

    body, new_etag = read(client, world.viewer, "network-a")
    assert new_etag == '"2"'
    assert (body["name"], body["area"], body["languages"]) == (
        "Riverside Network",
        "Riverside district",
        ["en", "es-MX"],
    )


def test_update_without_if_match_is_refused(client: TestClient, world: World) -> None:
    response = patch(client, world.coordinator, "network-a", {"name": "Renamed"}, None)
    assert_problem(response, 428, "if-match-required")
    assert read(client, world.coordinator, "network-a")[0]["name"] == "Network A"


def test_update_with_a_stale_etag_is_refused(client: TestClient, world: World) -> None:
    _, etag = read(client, world.coordinator, "network-a")
    first = patch(client, world.coordinator, "network-a", {"name": "First edit"}, etag)
    assert first.status_code == 200, first.text
    second = patch(client, world.coordinator, "network-a", {"name": "Second edit"}, etag)
    assert_problem(second, 412, "stale-version")
    assert second.headers["ETag"] == '"2"'
    assert read(client, world.coordinator, "network-a")[0]["name"] == "First edit"


def test_a_patch_that_changes_nothing_keeps_the_version(client: TestClient, world: World) -> None:
    _, etag = read(client, world.coordinator, "network-a")
    response = patch(
        client, world.coordinator, "network-a", {"name": "Network A", "languages": ["EN"]}, etag
    )
    assert response.status_code == 200, response.text
    assert response.headers["ETag"] == etag
    assert response.json()["version"] == 1
    audit = client.get(f"{NETWORKS}/network-a/audit", headers=world.coordinator.headers)
    assert all(e["action"] != "network.update" for e in audit.json()["items"])


def test_two_writers_with_the_same_etag_cannot_both_win(client: TestClient, make: Factory) -> None:
    for attempt in range(5):
        slug = f"contested-{attempt}"
        coordinator = make.user()
        make.member(make.network(slug), coordinator, MembershipRole.coordinator)
        headers = {**coordinator.headers, "If-Match": '"1"'}

        rename = [
            partial(client.patch, f"{NETWORKS}/{slug}", json={"name": name}, headers=headers)
            for name in ("First", "Second")
        ]
        first, second = at_once(*rename)
        assert sorted([first.status_code, second.status_code]) == [200, 412]
        winner = first if first.status_code == 200 else second
        body, etag = read(client, coordinator, slug)
        assert (body["name"], etag) == (winner.json()["name"], '"2"')


def test_name_cannot_be_set_to_null(client: TestClient, world: World) -> None:
    _, etag = read(client, world.coordinator, "network-a")
    response = patch(client, world.coordinator, "network-a", {"name": None}, etag)
    problem = assert_problem(response, 422, "validation-error")
    assert "body.name" in fields_of(problem)
    body, after = read(client, world.coordinator, "network-a")
    assert (body["name"], after) == ("Network A", etag)


@pytest.mark.parametrize("who", ["viewer", "editor"])
def test_members_who_are_not_coordinators_cannot_change_the_network(
    client: TestClient, world: World, who: str
) -> None:
    actor: Actor = getattr(world, who)
    _, etag = read(client, actor, "network-a")
    assert_problem(patch(client, actor, "network-a", {"name": "Mine now"}, etag), 403)
    assert read(client, world.coordinator, "network-a")[0]["name"] == "Network A"


def test_non_member_cannot_change_the_network(client: TestClient, world: World) -> None:
    response = patch(client, world.other_coordinator, "network-a", {"name": "Mine now"}, '"1"')
    assert_problem(response, 404)
    assert read(client, world.coordinator, "network-a")[0]["name"] == "Network A"


def test_only_platform_admin_changes_nesting(client: TestClient, world: World) -> None:
    _, etag = read(client, world.coordinator, "network-a")
    refused = patch(client, world.coordinator, "network-a", {"parent": "network-b"}, etag)
    assert_problem(refused, 403)
    assert read(client, world.coordinator, "network-a")[0]["parent"] is None

    moved = patch(client, world.admin, "network-a", {"parent": "network-b"}, etag)
    assert moved.status_code == 200, moved.text
    assert moved.json()["parent"] == "network-b"
    assert moved.json()["my_role"] is None
    body, new_etag = read(client, world.coordinator, "network-a")
    assert body["parent"] == "network-b"

    unknown = patch(client, world.admin, "network-a", {"parent": "no-such-network"}, new_etag)
    assert fields_of(assert_problem(unknown, 404)) == {"body.parent"}

    unnested = patch(client, world.admin, "network-a", {"parent": None}, new_etag)
    assert unnested.status_code == 200, unnested.text
    assert read(client, world.coordinator, "network-a")[0]["parent"] is None


def test_a_network_cannot_be_nested_inside_itself_or_its_descendants(
    client: TestClient, world: World
) -> None:
    child = client.post(
        NETWORKS,
        json=new_network(slug="network-a-child", parent="network-a"),
        headers=world.admin.headers,
    )
    assert child.status_code == 201, child.text
    grandchild = client.post(
        NETWORKS,
        json=new_network(slug="network-a-grandchild", parent="network-a-child"),
        headers=world.admin.headers,
    )
    assert grandchild.status_code == 201, grandchild.text

    _, etag = read(client, world.admin, "network-a")
    for parent in ["network-a-child", "network-a-grandchild", "network-a"]:
        response = patch(client, world.admin, "network-a", {"parent": parent}, etag)
        problem = assert_problem(response, 409, "conflict")
        assert fields_of(problem) == {"body.parent"}
    body, after = read(client, world.admin, "network-a")
    assert (body["parent"], after) == (None, etag)


def test_network_update_is_audited(client: TestClient, world: World) -> None:
    _, etag = read(client, world.coordinator, "network-a")
    response = patch(
        client, world.coordinator, "network-a", {"name": "Renamed", "languages": ["en", "fr"]}, etag
    )
    assert response.status_code == 200, response.text

    audit = client.get(
        f"{NETWORKS}/network-a/audit",
        params={"action": "network.update"},
        headers=world.coordinator.headers,
    )
    assert audit.status_code == 200, audit.text
    [event] = audit.json()["items"]
    assert event["object_type"] == "network"
    assert event["object_id"] == str(world.a.id)
    assert event["actor_id"] == str(world.coordinator.id)
    assert event["changes"] == {
        "name": {"before": "Network A", "after": "Renamed"},
        "languages": {"before": ["en"], "after": ["en", "fr"]},
    }
    # Network B's trail does not show A's changes.
    other = client.get(f"{NETWORKS}/network-b/audit", headers=world.other_coordinator.headers)
    assert other.status_code == 200, other.text
    assert all(e["action"] != "network.update" for e in other.json()["items"])
    # Only coordinators read the trail.
    assert_problem(client.get(f"{NETWORKS}/network-a/audit", headers=world.viewer.headers), 403)
