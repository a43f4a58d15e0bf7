"""Services, their locations and capacity — above all, who may see a refuge's address."""

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import update

from accord.core.database import transaction
from accord.networks.revision import mark_written
from accord.services.models import CapacityPost
from tests.conftest import World

REFUGE_ADDRESS = "12 Hidden Lane, Riverside"


def _services(world: World) -> str:
    return f"/api/v1/networks/{world.a.slug}/services"


def _create(client: TestClient, world: World, actor: Any = None, **fields: Any) -> dict[str, Any]:
    body = {
        "partner_id": world.a_partner["id"],
        "type": "shelter",
        "name": "Casa Luna refuge",
        "front_door_phone": "+1 555 0100",
        **fields,
    }
    response = client.post(
        _services(world), json=body, headers=(actor or world.coordinator).headers
    )
    assert response.status_code == 201, response.text
    return dict(response.json())


@pytest.fixture
def refuge(client: TestClient, world: World) -> dict[str, Any]:
    """A shelter of world.a_partner (the editor's partner) with a public office and a
    confidential refuge address."""
    service = _create(client, world, open_24_7=True, wheelchair_access=True, languages=["es", "en"])
    base = f"{_services(world)}/{service['id']}/locations"
    headers = world.coordinator.headers
    office = client.post(
        base,
        json={"name": "Advice office", "address": "1 High St", "area": "old-town"},
        headers=headers,
    )
    hidden = client.post(
        base,
        json={"name": "Refuge", "address": REFUGE_ADDRESS, "area": "south", "confidential": True},
        headers=headers,
    )
    assert office.status_code == hidden.status_code == 201
    return {**service, "office": office.json(), "hidden": hidden.json()}


def _everywhere(client: TestClient, world: World, actor: Any, refuge: dict[str, Any]) -> list[Any]:
    """Every way a member can read the service: list, detail, locations, one location."""
    headers = actor.headers
    one = f"{_services(world)}/{refuge['id']}"
    return [
        client.get(_services(world), headers=headers).json(),
        client.get(one, headers=headers).json(),
        client.get(f"{one}/locations", headers=headers).json(),
        client.get(f"{one}/locations/{refuge['hidden']['id']}", headers=headers),
    ]


def test_coordinators_and_the_partners_editors_see_the_confidential_address(
    client: TestClient, world: World, refuge: dict[str, Any]
) -> None:
    for actor in (world.coordinator, world.editor):
        listed, detail, locations, hidden = _everywhere(client, world, actor, refuge)
        assert REFUGE_ADDRESS in str(listed) and REFUGE_ADDRESS in str(detail)
        assert {loc["address"] for loc in locations} == {"1 High St", REFUGE_ADDRESS}
        assert hidden.status_code == 200 and hidden.json()["address"] == REFUGE_ADDRESS


def test_everyone_else_gets_the_front_door_and_no_address(
    client: TestClient, world: World, refuge: dict[str, Any], make: Any
) -> None:
    from accord.core.vocabulary import MembershipRole

    other_editor = make.user("other.editor@example.org")
    make.member(world.a, other_editor, MembershipRole.partner_editor, [])
    for actor in (world.viewer, other_editor):
        listed, detail, locations, hidden = _everywhere(client, world, actor, refuge)
        for body in (listed, detail, locations):
            text = str(body)
            assert REFUGE_ADDRESS not in text and "Refuge" not in text and "'south'" not in text
        assert detail["has_confidential_location"] is True
        assert detail["front_door_phone"] == "+1 555 0100"
        assert [loc["name"] for loc in detail["locations"]] == ["Advice office"]
        assert [loc["address"] for loc in locations] == ["1 High St"]
        assert hidden.status_code == 404  # it does not exist for them
    # An editor of another partner cannot reach it to change it either: it is not there.
    url = f"{_services(world)}/{refuge['id']}/locations/{refuge['hidden']['id']}"
    response = client.patch(
        url, json={"name": "X"}, headers=other_editor.headers | {"If-Match": "*"}
    )
    assert response.status_code == 404


def test_the_audit_trail_of_a_confidential_location_is_for_coordinators(
    client: TestClient, world: World, refuge: dict[str, Any]
) -> None:
    assert (
        client.get(
            f"/api/v1/networks/{world.a.slug}/audit", headers=world.viewer.headers
        ).status_code
        == 403
    )


def test_filters_find_a_24_7_wheelchair_service_in_spanish(
    client: TestClient, world: World, refuge: dict[str, Any]
) -> None:
    _create(client, world, name="Day centre", type="psychosocial_support", languages=["en"])
    headers = world.viewer.headers
    found = client.get(
        _services(world),
        params={"open_24_7": True, "wheelchair_access": True, "language": "ES", "type": "shelter"},
        headers=headers,
    ).json()["items"]
    assert [s["name"] for s in found] == ["Casa Luna refuge"]
    # The partner's sector comes with the service: the pathway map colours by it.
    assert (found[0]["partner_name"], found[0]["partner_sector"]) == (
        "Riverside Shelter",
        "specialist_ngo",
    )
    assert (
        client.get(_services(world), params={"q": "day"}, headers=headers).json()["items"][0][
            "name"
        ]
        == "Day centre"
    )
    assert (
        client.get(_services(world), params={"status": "defunct"}, headers=headers).json()["items"]
        == []
    )


def test_capacity_is_fresh_or_unknown(
    app: FastAPI, client: TestClient, world: World, refuge: dict[str, Any]
) -> None:
    url = f"{_services(world)}/{refuge['id']}/capacity"
    nothing = client.get(url, headers=world.viewer.headers).json()
    assert (nothing["status"], nothing["fresh"], nothing["posted_at"]) == ("unknown", False, None)
    posted = client.post(
        url, json={"status": "accepting", "beds_free": 3}, headers=world.editor.headers
    )
    assert posted.status_code == 201
    now = client.get(url, headers=world.viewer.headers).json()
    assert (now["status"], now["beds_free"], now["fresh"]) == ("accepting", 3, True)
    assert now["age_minutes"] == 0
    detail = client.get(f"{_services(world)}/{refuge['id']}", headers=world.viewer.headers).json()
    assert detail["capacity"]["beds_free"] == 3
    # Two days later, nobody has posted again: the old number must not be shown as current.
    with transaction(app.state.session_factory) as session:
        mark_written(session, None)  # a bulk update: it writes in every network
        session.execute(
            update(CapacityPost).values(posted_at=datetime.now(UTC) - timedelta(hours=48))
        )
    stale = client.get(url, headers=world.viewer.headers).json()
    assert (stale["status"], stale["beds_free"], stale["fresh"]) == ("unknown", None, False)
    assert stale["age_minutes"] >= 48 * 60 and stale["posted_at"] is not None


def test_who_may_post_capacity_and_change_services(
    client: TestClient, world: World, refuge: dict[str, Any]
) -> None:
    url = f"{_services(world)}/{refuge['id']}"
    assert (
        client.post(
            f"{url}/capacity", json={"status": "full"}, headers=world.viewer.headers
        ).status_code
        == 403
    )
    assert (
        client.post(
            _services(world),
            json={
                "partner_id": world.a_other_partner["id"],
                "type": "police_response",
                "name": "Desk",
            },
            headers=world.editor.headers,
        ).status_code
        == 403
    )
    etag = client.get(url, headers=world.editor.headers).headers["etag"]
    changed = client.patch(
        url,
        json={"status": "temporarily_closed"},
        headers=world.editor.headers | {"If-Match": etag},
    )
    assert changed.status_code == 200 and changed.json()["status"] == "temporarily_closed"
    assert (
        client.patch(
            url, json={"status": "active"}, headers=world.editor.headers | {"If-Match": etag}
        ).status_code
        == 412
    )


def test_eligibility_and_hours_are_validated(client: TestClient, world: World) -> None:
    headers = world.coordinator.headers
    base = {"partner_id": world.a_partner["id"], "type": "shelter", "name": "Checks"}
    ages = client.post(
        _services(world), json={**base, "age_min": 30, "age_max": 18}, headers=headers
    )
    assert ages.status_code == 409 and ages.json()["errors"][0]["field"] == "body.age_max"
    hours = client.post(
        _services(world),
        json={**base, "opening_hours": [{"day": "mon", "opens": "9am", "closes": "17:00"}]},
        headers=headers,
    )
    assert hours.status_code == 422
    good = client.post(
        _services(world),
        json={
            **base,
            "genders": ["women", "women"],
            "populations": ["migrant", "disabled", "migrant"],
            "opening_hours": [{"day": "fri", "opens": "20:00", "closes": "02:00"}],
        },
        headers=headers,
    ).json()
    assert good["genders"] == ["women"] and good["populations"] == ["migrant", "disabled"]
    assert good["opening_hours"] == [{"day": "fri", "opens": "20:00", "closes": "02:00"}]


def test_a_service_of_another_network_is_404(
    client: TestClient, world: World, refuge: dict[str, Any]
) -> None:
    other = f"/api/v1/networks/{world.b.slug}/services/{refuge['id']}"
    assert client.get(other, headers=world.other_coordinator.headers).status_code == 404
    foreign = client.post(
        f"/api/v1/networks/{world.b.slug}/services",
        json={"partner_id": world.a_partner["id"], "type": "shelter", "name": "Stolen"},
        headers=world.other_coordinator.headers,
    )
    assert foreign.status_code == 404


def test_deleting_a_service_is_audited(
    client: TestClient, world: World, refuge: dict[str, Any]
) -> None:
    url = f"{_services(world)}/{refuge['id']}"
    headers = world.coordinator.headers
    etag = client.get(url, headers=headers).headers["etag"]
    assert client.delete(url, headers=headers | {"If-Match": etag}).status_code == 204
    assert client.get(url, headers=headers).status_code == 404
    actions = [
        e["action"]
        for e in client.get(f"/api/v1/networks/{world.a.slug}/audit", headers=headers).json()[
            "items"
        ]
    ]
    assert actions[0] == "service.delete" and "location.create" in actions


def test_q_finds_services_ignoring_accents_and_case(client: TestClient, world: World) -> None:
    _create(client, world, name="Atención psicológica", type="psychosocial_support")
    _create(client, world, name="Refuge du Lac", description="Hébergement d'urgence")
    found = client.get(_services(world), params={"q": "ATENCION"}, headers=world.viewer.headers)
    assert [item["name"] for item in found.json()["items"]] == ["Atención psicológica"]
    found = client.get(_services(world), params={"q": "hebergement"}, headers=world.viewer.headers)
    assert [item["name"] for item in found.json()["items"]] == ["Refuge du Lac"]


def test_a_page_says_how_many_services_match_in_all(client: TestClient, world: World) -> None:
    for name in ("Refuge One", "Refuge Two", "Refuge Three"):
        _create(client, world, name=name)
    _create(client, world, name="Advice Line", type="hotline")
    first = client.get(_services(world), params={"limit": 2}, headers=world.viewer.headers).json()
    assert (len(first["items"]), first["total"]) == (2, 4)
    shelters = client.get(
        _services(world), params={"type": "shelter"}, headers=world.viewer.headers
    )
    assert shelters.json()["total"] == 3
