"""What a coordinator reads in a route-finder answer: who can take someone now first,
how to reach each service (or that nobody recorded a way), where a partner with no
service of its own leads, and which criterion left each service out."""

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.conftest import World, partner_body
from tests.pathways.test_pathways import Net, _names, _post, _routes, build_net


@pytest.fixture
def net(client: TestClient, world: World) -> Net:
    return build_net(client, world)


def _capacity(client: TestClient, net: Net, service: str, **body: Any) -> None:
    response = client.post(
        net.url(f"services/{net.s[service]['id']}/capacity"),
        json=body,
        headers=net.world.coordinator.headers,
    )
    assert response.status_code == 201, response.text


def _shelter_routes(client: TestClient, net: Net) -> list[dict[str, Any]]:
    answer = _routes(
        client,
        net,
        entry={"kind": "service", "id": net.s["police"]["id"]},
        needs=["emergency_shelter"],
    )
    return list(answer["needs"][0]["routes"])


def test_known_room_comes_before_unknown_and_unknown_before_full(
    client: TestClient, net: Net
) -> None:
    crisis = _post(
        client,
        net.world,
        "services",
        {
            "partner_id": net.world.a_partner["id"],
            "name": "Crisis centre C",
            "type": "crisis_centre",
        },
    )
    net.s["crisis"] = crisis
    _post(
        client,
        net.world,
        "pathways",
        {
            "from_service_id": net.s["police"]["id"],
            "to_service_id": crisis["id"],
            "needs": ["emergency_shelter"],
            "channel": "phone",
            "status": "active",
            "expected_response_minutes": 10,
        },
    )
    # Before any post: fewest hand-overs, then quickest (the crisis centre answers fastest).
    assert [r["target"]["service"]["name"] for r in _shelter_routes(client, net)] == [
        "Crisis centre C",
        "Shelter B",
        "Shelter A",
    ]
    # Shelter B is full; Shelter A, two hand-overs away, has two beds: room first, then the
    # crisis centre whose capacity nobody knows, and the full shelter last.
    _capacity(client, net, "shelter_b", status="full", beds_free=0)
    _capacity(client, net, "shelter_a", status="accepting", beds_free=2)
    routes = _shelter_routes(client, net)
    assert [r["target"]["service"]["name"] for r in routes] == [
        "Shelter A",
        "Crisis centre C",
        "Shelter B",
    ]
    assert [r["target"]["room"] for r in routes] == ["beds_free", "unknown", "full"]
    assert _names(routes[0]) == ["Police desk", "24/7 hotline", "Shelter A"]
    assert (
        routes[0]["target"]["beds_free"] == 2 and routes[0]["target"]["capacity_age_minutes"] == 0
    )
    # A waitlist sits between unknown and full.
    _capacity(client, net, "crisis", status="waitlist")
    assert [r["target"]["room"] for r in _shelter_routes(client, net)] == [
        "beds_free",
        "waitlist",
        "full",
    ]


def test_every_target_carries_its_front_door_or_says_there_is_none(
    client: TestClient, net: Net
) -> None:
    answer = _routes(
        client,
        net,
        entry={"kind": "service", "id": net.s["police"]["id"]},
        needs=["safety_planning", "emergency_shelter"],
    )
    targets = {
        r["target"]["service"]["name"]: r["target"] for n in answer["needs"] for r in n["routes"]
    }
    hotline = targets["24/7 hotline"]
    assert hotline["front_door_phone"] == "+1 555 0199" and hotline["no_contact"] is False
    assert hotline["no_contact_note"] is None
    shelter = targets["Shelter B"]  # nobody recorded a phone or an e-mail
    assert shelter["front_door_phone"] is None and shelter["front_door_email"] is None
    assert shelter["no_contact"] is True
    assert shelter["no_contact_note"] == (
        "No way to reach this service is recorded: no front-door phone or e-mail."
    )
    french = client.post(
        net.url("pathways/routes"),
        params={"lang": "fr"},
        json={
            "entry": {"kind": "service", "id": net.s["police"]["id"]},
            "needs": ["emergency_shelter"],
        },
        headers=net.world.viewer.headers,
    ).json()
    notes = {r["target"]["no_contact_note"] for r in french["needs"][0]["routes"]}
    assert any(note and note.startswith("Aucun moyen de joindre ce service") for note in notes)


def test_a_partner_with_no_service_starts_from_the_front_doors(
    client: TestClient, net: Net
) -> None:
    unit = _post(
        client,
        net.world,
        "partners",
        partner_body(name="Police Domestic Abuse Unit", sector="police"),
    )
    answer = _routes(
        client, net, entry={"kind": "partner", "id": unit["id"]}, needs=["emergency_shelter"]
    )
    assert answer["entry_partner"] == {"id": unit["id"], "name": "Police Domestic Abuse Unit"}
    assert answer["entry_via_front_doors"] is True
    assert sorted(s["name"] for s in answer["entry_services"]) == ["24/7 hotline", "Police desk"]
    assert answer["entry_note"].startswith("Police Domestic Abuse Unit has no service of its own")
    shelter = answer["needs"][0]
    assert shelter["met"] is True
    assert {r["target"]["service"]["name"] for r in shelter["routes"]} == {"Shelter A", "Shelter B"}


def test_a_partner_with_no_service_in_a_network_without_front_doors(
    client: TestClient, world: World
) -> None:
    response = client.post(
        f"/api/v1/networks/{world.a.slug}/pathways/routes",
        json={"entry": {"kind": "partner", "id": world.a_partner["id"]}, "needs": ["housing"]},
        headers=world.viewer.headers,
    )
    assert response.status_code == 200, response.text
    answer = response.json()
    assert answer["entry_services"] == [] and answer["entry_via_front_doors"] is True
    assert "Nothing is recorded from Riverside Shelter" in answer["entry_note"]
    (housing,) = answer["needs"]
    assert (housing["met"], housing["unmet"]) == (False, "nothing_from_entry")


def test_an_unmet_need_says_which_criterion_excluded_which_service(
    client: TestClient, net: Net
) -> None:
    answer = _routes(
        client,
        net,
        entry={"kind": "service", "id": net.s["hotline"]["id"]},
        needs=["emergency_shelter", "medical_treatment"],
        language="pt",
        needs_24_7=True,
    )
    shelter, _medical = answer["needs"]
    assert shelter["met"] is False and shelter["unmet"] == "no_service_fits"
    excluded = {e["service"]["name"]: e["reasons"] for e in shelter["excluded"]}
    # Those failing fewest criteria first: Shelter A is open 24/7 but not in Portuguese.
    assert [e["service"]["name"] for e in shelter["excluded"]] == ["Shelter A", "Shelter B"]
    assert [(r["code"], r["value"]) for r in excluded["Shelter A"]] == [("not_in_language", "pt")]
    assert [r["text"] for r in excluded["Shelter A"]] == [
        "Does not work in Portuguese and offers no interpreters."
    ]
    assert [r["code"] for r in excluded["Shelter B"]] == ["not_open_24_7", "not_in_language"]
    assert shelter["excluded_total"] == 2
    # A&E fits nothing here either (not 24/7, English only); and asked plainly, it fits but
    # no agreed pathway leads there from the hotline.
    plain = _routes(
        client,
        net,
        entry={"kind": "service", "id": net.s["hotline"]["id"]},
        needs=["medical_treatment", "legal_advice"],
    )
    reasons = {
        n["need"]: {e["service"]["name"]: [r["code"] for r in e["reasons"]] for e in n["excluded"]}
        for n in plain["needs"]
    }
    assert reasons["medical_treatment"] == {"A&E": ["no_agreed_route"]}
    assert reasons["legal_advice"] == {"Legal aid": ["not_active"]}
    spanish = client.post(
        net.url("pathways/routes"),
        params={"lang": "es"},
        json={
            "entry": {"kind": "service", "id": net.s["hotline"]["id"]},
            "needs": ["legal_advice"],
        },
        headers=net.world.viewer.headers,
    ).json()
    assert (
        spanish["needs"][0]["excluded"][0]["reasons"][0]["text"]
        == "No está activo en este momento."
    )
