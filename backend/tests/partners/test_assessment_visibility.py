"""Stakeholder assessments (trust, risks, influence…) are the coordinators' working notes:
other members read partners without them, unless the network opens them to members."""

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.conftest import Actor, World

PROBLEM = "application/problem+json"


def _partners(world: World) -> str:
    return f"/api/v1/networks/{world.a.slug}/partners"


def _assess(client: TestClient, world: World) -> dict[str, Any]:
    url = f"{_partners(world)}/{world.a_partner['id']}/assessment"
    headers = world.coordinator.headers
    etag = client.get(url, headers=headers).headers["etag"]
    response = client.patch(
        url,
        json={"trusted_by_survivors": 2, "influence": 4, "risks": "Reputation in the district."},
        headers=headers | {"If-Match": etag},
    )
    assert response.status_code == 200, response.text
    return dict(response.json())


def _open_to_members(client: TestClient, world: World, visible: bool) -> dict[str, Any]:
    url = f"/api/v1/networks/{world.a.slug}"
    etag = client.get(url, headers=world.coordinator.headers).headers["etag"]
    response = client.patch(
        url,
        json={"assessments_visible_to_members": visible},
        headers=world.coordinator.headers | {"If-Match": etag},
    )
    assert response.status_code == 200, response.text
    return dict(response.json())


def _members(world: World) -> list[Actor]:
    return [world.viewer, world.editor]


def test_members_read_partners_without_assessments(client: TestClient, world: World) -> None:
    _assess(client, world)
    record = f"{_partners(world)}/{world.a_partner['id']}"
    for member in _members(world):
        partner = client.get(record, headers=member.headers)
        assert partner.status_code == 200
        assert partner.json()["assessment"] is None
        assert "Reputation" not in partner.text
        page = client.get(_partners(world), headers=member.headers)
        assert [p["assessment"] for p in page.json()["items"]] == [None, None]
        assert "Reputation" not in page.text
    coordinator = client.get(record, headers=world.coordinator.headers).json()
    assert coordinator["assessment"]["risks"] == "Reputation in the district."


@pytest.mark.parametrize("path", ["/{partner}/assessment", "/stakeholder-map"])
def test_members_are_refused_the_assessment_and_the_map(
    client: TestClient, world: World, path: str
) -> None:
    url = _partners(world) + path.format(partner=world.a_partner["id"])
    for member in _members(world):
        response = client.get(url, headers=member.headers)
        assert response.status_code == 403, response.text
        assert response.headers["content-type"].startswith(PROBLEM)
    assert client.get(url, headers=world.coordinator.headers).status_code == 200


@pytest.mark.parametrize("first", ["coordinator", "viewer"])
def test_kept_answers_never_cross_from_coordinator_to_viewer(
    client: TestClient, world: World, first: str
) -> None:
    """The directory's pages and records are kept per network revision: a body built for a
    coordinator must never be served to a viewer, nor the other way round."""
    _assess(client, world)
    record = f"{_partners(world)}/{world.a_partner['id']}"
    order = [world.coordinator, world.viewer]
    if first == "viewer":
        order.reverse()
    answers = {}
    for actor in order:
        answers[actor.user.email] = (
            client.get(record, headers=actor.headers).json(),
            client.get(_partners(world), headers=actor.headers).json(),
        )
    seen_by_viewer = answers[world.viewer.user.email]
    seen_by_coordinator = answers[world.coordinator.user.email]
    assert seen_by_viewer[0]["assessment"] is None
    assert all(p["assessment"] is None for p in seen_by_viewer[1]["items"])
    assert seen_by_coordinator[0]["assessment"]["influence"] == 4
    assert all(p["assessment"] is not None for p in seen_by_coordinator[1]["items"])


def test_a_network_may_open_assessments_to_members(client: TestClient, world: World) -> None:
    saved = _assess(client, world)
    network = client.get(f"/api/v1/networks/{world.a.slug}", headers=world.viewer.headers)
    assert network.json()["assessments_visible_to_members"] is False
    assert _open_to_members(client, world, True)["assessments_visible_to_members"] is True
    record = f"{_partners(world)}/{world.a_partner['id']}"
    for member in _members(world):
        assert client.get(record, headers=member.headers).json()["assessment"] == saved
        assert client.get(f"{record}/assessment", headers=member.headers).json() == saved
        assert (
            client.get(f"{_partners(world)}/stakeholder-map", headers=member.headers).status_code
            == 200
        )
    _open_to_members(client, world, False)
    assert client.get(record, headers=world.viewer.headers).json()["assessment"] is None


def test_only_coordinators_open_assessments(client: TestClient, world: World) -> None:
    url = f"/api/v1/networks/{world.a.slug}"
    etag = client.get(url, headers=world.viewer.headers).headers["etag"]
    for member in _members(world):
        response = client.patch(
            url,
            json={"assessments_visible_to_members": True},
            headers=member.headers | {"If-Match": etag},
        )
        assert response.status_code == 403, response.text


def test_an_editor_changing_their_partner_gets_it_back_without_assessment(
    client: TestClient, world: World
) -> None:
    _assess(client, world)
    record = f"{_partners(world)}/{world.a_partner['id']}"
    etag = client.get(record, headers=world.editor.headers).headers["etag"]
    response = client.patch(
        record, json={"acronym": "RS"}, headers=world.editor.headers | {"If-Match": etag}
    )
    assert response.status_code == 200, response.text
    assert response.json()["assessment"] is None
