"""A network's data is invisible to everyone outside it: every route under
/networks/{network} answers 404 to a member of another network, for every method, exactly
as for a network that does not exist, and nothing in the network changes."""

import re
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.conftest import Factory, World

NETWORK_PATH = "/api/v1/networks/{network}"


def _network_routes(app: FastAPI) -> list[tuple[str, str]]:
    """Every operation of the OpenAPI document under a network (test_openapi.py proves the
    document lists every route)."""
    return [
        (method.upper(), path)
        for path, operations in app.openapi()["paths"].items()
        if path.startswith(NETWORK_PATH)
        for method in operations
    ]


def _fill(path: str, world: World, ids: dict[str, str], slug: str) -> str:
    values = {"network": slug, "partner_id": world.a_partner["id"], **ids}
    return re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], path)


def _snapshot(client: TestClient, world: World) -> dict[str, Any]:
    headers = world.coordinator.headers
    base = f"/api/v1/networks/{world.a.slug}"
    return {
        "network": client.get(base, headers=headers).json(),
        "partners": client.get(f"{base}/partners", headers=headers).json(),
        "contacts": client.get(
            f"{base}/partners/{world.a_partner['id']}/contacts", headers=headers
        ).json(),
        "members": client.get(f"{base}/members", headers=headers).json(),
        "history": client.get(
            f"{base}/partners/{world.a_partner['id']}/stage-history", headers=headers
        ).json(),
        "assessment": client.get(
            f"{base}/partners/{world.a_partner['id']}/assessment", headers=headers
        ).json(),
        "roles": client.get(f"{base}/roles", params={"limit": 200}, headers=headers).json(),
        "commitments": client.get(f"{base}/commitments", headers=headers).json(),
        "services": client.get(f"{base}/services", headers=headers).json(),
        "pathways": client.get(f"{base}/pathways", headers=headers).json(),
        "invitations": client.get(f"{base}/invitations", headers=headers).json(),
        "areas": client.get(f"{base}/areas/tree", headers=headers).json(),
    }


def _setup_ids(client: TestClient, world: World) -> dict[str, str]:
    """One record of each kind in network A, so every route has a real id to try."""
    base = f"/api/v1/networks/{world.a.slug}"
    headers = world.coordinator.headers
    contact = client.post(
        f"{base}/partners/{world.a_partner['id']}/contacts",
        json={"name": "Staff Member", "email": "staff@example.org"},
        headers=headers,
    )
    assert contact.status_code == 201
    members = client.get(f"{base}/members", headers=headers).json()["items"]
    role = client.post(
        f"{base}/roles", json={"sector": "health", "title": {"en": "A role of A"}}, headers=headers
    )
    assert role.status_code == 201
    commitment = client.post(
        f"{base}/commitments",
        json={
            "partner_id": world.a_partner["id"],
            "role_id": role.json()["id"],
            "status": "planned",
        },
        headers=headers,
    )
    assert commitment.status_code == 201
    service = client.post(
        f"{base}/services",
        json={"partner_id": world.a_partner["id"], "type": "shelter", "name": "Refuge of A"},
        headers=headers,
    )
    assert service.status_code == 201
    location = client.post(
        f"{base}/services/{service.json()['id']}/locations",
        json={"name": "Refuge", "address": "Somewhere safe", "confidential": True},
        headers=headers,
    )
    assert location.status_code == 201
    other_service = client.post(
        f"{base}/services",
        json={"partner_id": world.a_partner["id"], "type": "hotline", "name": "Hotline of A"},
        headers=headers,
    )
    pathway = client.post(
        f"{base}/pathways",
        json={
            "from_service_id": other_service.json()["id"],
            "to_service_id": service.json()["id"],
            "needs": ["emergency_shelter"],
            "channel": "phone",
            "status": "active",
        },
        headers=headers,
    )
    assert pathway.status_code == 201
    referral = client.post(
        f"{base}/referrals",
        json={
            "pathway_id": pathway.json()["id"],
            "needs": ["emergency_shelter"],
            "urgency": "routine",
            "consent_given": True,
        },
        headers=world.editor.headers,
    )
    assert referral.status_code == 201, referral.text
    invitation = client.post(
        f"{base}/invitations",
        json={"email": "guest@example.org", "role": "viewer"},
        headers=headers,
    )
    assert invitation.status_code == 201
    area = client.post(
        f"{base}/areas", json={"code": "old-town", "names": {"en": "Old Town"}}, headers=headers
    )
    assert area.status_code == 201
    return {
        "area_id": area.json()["id"],
        "invitation_id": invitation.json()["id"],
        "pathway_id": pathway.json()["id"],
        "referral_id": referral.json()["id"],
        "service_id": service.json()["id"],
        "location_id": location.json()["id"],
        "contact_id": contact.json()["id"],
        "membership_id": members[0]["id"],
        "role_id": role.json()["id"],
        "commitment_id": commitment.json()["id"],
    }


def test_every_network_route_is_404_to_a_member_of_another_network(
    app: FastAPI, client: TestClient, world: World
) -> None:
    ids = _setup_ids(client, world)
    before = _snapshot(client, world)
    outsider = world.other_coordinator.headers | {"If-Match": "*"}
    routes = _network_routes(app)
    assert len(routes) >= 20, "expected every network route to be checked"

    for method, template in routes:
        path = _fill(template, world, ids, world.a.slug)
        response = client.request(method, path, headers=outsider, json={"name": "Hijacked"})
        assert response.status_code == 404, f"{method} {path} answered {response.status_code}"
        assert response.headers["content-type"].startswith("application/problem+json")
        # Indistinguishable from a network that does not exist.
        missing = client.request(
            method,
            _fill(template, world, ids, "no-such-network"),
            headers=outsider,
            json={"name": "Hijacked"},
        )
        assert missing.status_code == 404
        assert response.json()["detail"] == missing.json()["detail"]

    assert _snapshot(client, world) == before


def _comparable(response: Any) -> tuple[int, str, dict[str, Any]]:
    body = {k: v for k, v in response.json().items() if k != "instance"}
    return response.status_code, response.headers["content-type"], body


def test_a_network_you_may_not_see_answers_exactly_as_one_that_does_not_exist(
    app: FastAPI, client: TestClient, world: World, make: Factory
) -> None:
    """Every network-scoped operation of the OpenAPI document, `GET /networks/{network}`
    and the invitations included: same status, same body apart from `instance`, for a
    member of another network and for an account that belongs to none."""
    ids = _setup_ids(client, world)
    before = _snapshot(client, world)
    strangers = {"member elsewhere": world.other_coordinator, "no network at all": make.user()}
    routes = _network_routes(app)
    assert ("GET", NETWORK_PATH) in routes
    assert ("POST", f"{NETWORK_PATH}/invitations") in routes

    for who, stranger in strangers.items():
        headers = stranger.headers | {"If-Match": '"1"'}
        for method, template in routes:
            body = {"email": "guest@example.org", "role": "coordinator", "name": "Hijacked"}
            hidden = client.request(
                method, _fill(template, world, ids, world.a.slug), headers=headers, json=body
            )
            missing = client.request(
                method, _fill(template, world, ids, "no-such-network"), headers=headers, json=body
            )
            assert hidden.status_code == 404, f"{who}: {method} {template} {hidden.text}"
            assert _comparable(hidden) == _comparable(missing), f"{who}: {method} {template}"

    assert _snapshot(client, world) == before


def test_records_of_another_network_are_404_under_your_own_network(
    client: TestClient, world: World
) -> None:
    """B's coordinator cannot reach A's partner through B's slug either."""
    base = f"/api/v1/networks/{world.b.slug}/partners/{world.a_partner['id']}"
    headers = world.other_coordinator.headers | {"If-Match": "*"}
    for method, path in [
        ("GET", base),
        ("PATCH", base),
        ("DELETE", base),
        ("GET", f"{base}/contacts"),
        ("GET", f"{base}/assessment"),
        ("GET", f"{base}/stage-history"),
        ("POST", f"{base}/stage"),
    ]:
        body = {"stage": "met"} if path.endswith("/stage") else {"name": "Hijacked"}
        response = client.request(method, path, headers=headers, json=body)
        assert response.status_code == 404, f"{method} {path}"
    partner = client.get(
        f"/api/v1/networks/{world.a.slug}/partners/{world.a_partner['id']}",
        headers=world.coordinator.headers,
    ).json()
    assert partner["name"] == world.a_partner["name"]
    assert partner["stage"] == world.a_partner["stage"]


def test_lists_never_mix_networks(client: TestClient, world: World) -> None:
    a = client.get(f"/api/v1/networks/{world.a.slug}/partners", headers=world.coordinator.headers)
    b = client.get(
        f"/api/v1/networks/{world.b.slug}/partners", headers=world.other_coordinator.headers
    )
    assert {p["id"] for p in a.json()["items"]} == {
        world.a_partner["id"],
        world.a_other_partner["id"],
    }
    assert {p["id"] for p in b.json()["items"]} == {world.b_partner["id"]}
    networks = client.get("/api/v1/networks", headers=world.other_coordinator.headers).json()
    assert [n["slug"] for n in networks["items"]] == [world.b.slug]


def test_a_platform_admin_who_is_not_a_member_manages_the_network_but_reads_no_records(
    client: TestClient, world: World
) -> None:
    base = f"/api/v1/networks/{world.a.slug}"
    headers = world.admin.headers
    assert client.get(base, headers=headers).status_code == 200
    assert client.get(f"{base}/members", headers=headers).status_code == 200
    for path in (
        "/partners",
        "/partners/stakeholder-map",
        "/audit",
        f"/partners/{world.a_partner['id']}",
    ):
        assert client.get(base + path, headers=headers).status_code == 403, path
