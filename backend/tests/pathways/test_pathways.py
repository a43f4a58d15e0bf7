"""Referral pathways, the route finder and pathway health on a hand-built network whose
right answers are known.

    police desk (entry, north) ──shelter 120'──▶ shelter B (south, en, migrant)
        │  └──medical 15'──▶ A&E (no onward pathway: a dead end)
        └──shelter+safety 30'──▶ hotline (entry, 24/7, en+es) ──shelter 60'──▶ shelter A
                                    │   ◀──safety (back-referral)──┘ (north, 24/7, es, wheelchair)
                                    └──legal──▶ legal aid (inactive)
    counselling: only a draft pathway leads there (unreachable)
"""

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from accord.core.database import transaction
from accord.pathways import finder, health
from accord.pathways.models import Pathway, PathwayNeed
from accord.services.models import Service
from tests.conftest import World, partner_body


@dataclass
class Net:
    world: World
    s: dict[str, dict[str, Any]]  # services by short name
    p: dict[str, dict[str, Any]]  # pathways by short name

    def url(self, path: str) -> str:
        return f"/api/v1/networks/{self.world.a.slug}/{path}"


def _post(client: TestClient, world: World, path: str, body: dict[str, Any]) -> dict[str, Any]:
    response = client.post(
        f"/api/v1/networks/{world.a.slug}/{path}", json=body, headers=world.coordinator.headers
    )
    assert response.status_code == 201, response.text
    return dict(response.json())


@pytest.fixture
def net(client: TestClient, world: World) -> Net:
    return build_net(client, world)


def build_net(client: TestClient, world: World) -> Net:
    """The network drawn at the top of this file."""
    hospital = _post(
        client, world, "partners", partner_body(name="General Hospital", sector="health")
    )
    helpline = _post(
        client,
        world,
        "partners",
        partner_body(name="Women's Helpline", sector="specialist_ngo", populations=["older_women"]),
    )

    def service(name: str, partner: dict[str, Any], **fields: Any) -> dict[str, Any]:
        return _post(
            client, world, "services", {"partner_id": partner["id"], "name": name, **fields}
        )

    s = {
        "police": service(
            "Police desk",
            world.a_other_partner,
            type="police_response",
            entry_point=True,
            areas=["north"],
            languages=["en"],
        ),
        "hotline": service(
            "24/7 hotline",
            helpline,
            type="hotline",
            entry_point=True,
            open_24_7=True,
            languages=["en", "es"],
            front_door_phone="+1 555 0199",
        ),
        "shelter_a": service(
            "Shelter A",
            world.a_partner,
            type="shelter",
            open_24_7=True,
            wheelchair_access=True,
            languages=["es"],
            areas=["north"],
            populations=["disabled"],
        ),
        "shelter_b": service(
            "Shelter B",
            world.a_partner,
            type="shelter",
            languages=["en"],
            areas=["south"],
            populations=["migrant"],
        ),
        "ae": service("A&E", hospital, type="medical_care", languages=["en"]),
        "legal": service("Legal aid", helpline, type="legal_aid", status="inactive"),
        "counselling": service("Counselling", helpline, type="psychosocial_support"),
    }

    def pathway(a: str, b: str, needs: list[str], **fields: Any) -> dict[str, Any]:
        body = {
            "from_service_id": s[a]["id"],
            "to_service_id": s[b]["id"],
            "needs": needs,
            "channel": "phone",
            "status": "active",
            **fields,
        }
        return _post(client, world, "pathways", body)

    yesterday = (date.today() - timedelta(days=1)).isoformat()
    p = {
        "police_hotline": pathway(
            "police",
            "hotline",
            ["emergency_shelter", "safety_planning"],
            expected_response_minutes=30,
        ),
        "hotline_shelter_a": pathway(
            "hotline", "shelter_a", ["emergency_shelter"], expected_response_minutes=60
        ),
        "police_shelter_b": pathway(
            "police",
            "shelter_b",
            ["emergency_shelter"],
            expected_response_minutes=120,
            review_date=yesterday,
        ),
        "police_ae": pathway("police", "ae", ["medical_treatment"], expected_response_minutes=15),
        "hotline_legal": pathway("hotline", "legal", ["legal_advice"]),
        "shelter_a_hotline": pathway("shelter_a", "hotline", ["safety_planning"]),
        "police_counselling": pathway(
            "police", "counselling", ["psychosocial_support"], status="draft"
        ),
    }
    return Net(world, s, p)


def _routes(client: TestClient, net: Net, **query: Any) -> dict[str, Any]:
    response = client.post(net.url("pathways/routes"), json=query, headers=net.world.viewer.headers)
    assert response.status_code == 200, response.text
    return dict(response.json())


def _names(route: dict[str, Any]) -> list[str]:
    steps = route["steps"]
    return (
        [steps[0]["from_service"]["name"], *(s["to_service"]["name"] for s in steps)]
        if steps
        else [route["target"]["service"]["name"]]
    )


def test_the_question_of_the_issue_is_answered_in_one_call(client: TestClient, net: Net) -> None:
    """She came to the police, speaks Spanish, uses a wheelchair, needs shelter tonight."""
    answer = _routes(
        client,
        net,
        entry={"kind": "service", "id": net.s["police"]["id"]},
        needs=["emergency_shelter"],
        language="es",
        needs_24_7=True,
        needs_wheelchair=True,
    )
    (shelter,) = answer["needs"]
    assert shelter["met"] is True
    (route,) = shelter["routes"]
    assert _names(route) == ["Police desk", "24/7 hotline", "Shelter A"]
    assert route["total_expected_response_minutes"] == 90
    fits = {(fit["code"], fit["value"]) for fit in route["target"]["fits"]}
    assert {
        ("meets_need", "emergency_shelter"),
        ("open_24_7", None),
        ("wheelchair_access", None),
        ("works_in_language", "es"),
    } <= fits
    assert "Wheelchair accessible." in [fit["text"] for fit in route["target"]["fits"]]
    assert [step["agreed_for"] for step in route["steps"]] == ["emergency_shelter"] * 2
    assert route["steps"][0]["why"] == "Active pathway agreed for this need."
    assert route["steps"][0]["consent_required"] is True


def test_the_route_finder_answers_while_someone_is_writing(
    app: FastAPI, client: TestClient, net: Net
) -> None:
    """Asking for routes only reads: it must not queue behind a write (on SQLite, the
    database's single write lock) even though the question comes as a POST."""
    with app.state.sessions.write() as writer:
        writer.connection()  # a write transaction is open, holding SQLite's write lock
        answer = client.post(
            net.url("pathways/routes"),
            json={
                "entry": {"kind": "service", "id": net.s["police"]["id"]},
                "needs": ["emergency_shelter"],
            },
            headers=net.world.coordinator.headers,
        )
        writer.rollback()
    assert answer.status_code == 200, answer.text


def test_a_service_with_pathways_is_not_deleted_with_them(client: TestClient, net: Net) -> None:
    """Deleting a service never removes the agreements it is part of behind anyone's back:
    409 until its pathways are removed (each audited) or the service is kept as defunct."""
    headers = net.world.coordinator.headers
    url = net.url(f"services/{net.s['hotline']['id']}")
    etag = client.get(url, headers=headers).headers["etag"]
    refused = client.delete(url, headers=headers | {"If-Match": etag})
    assert refused.status_code == 409 and "pathway" in refused.json()["detail"]
    assert (
        client.get(net.url(f"pathways/{net.p['hotline_legal']['id']}"), headers=headers).status_code
        == 200
    )


def test_fewest_hand_overs_come_first(client: TestClient, net: Net) -> None:
    answer = _routes(
        client,
        net,
        entry={"kind": "service", "id": net.s["police"]["id"]},
        needs=["emergency_shelter"],
    )
    routes = answer["needs"][0]["routes"]
    assert [_names(r) for r in routes] == [
        ["Police desk", "Shelter B"],
        ["Police desk", "24/7 hotline", "Shelter A"],
    ]


def test_unmet_needs_say_why(client: TestClient, net: Net) -> None:
    answer = _routes(
        client,
        net,
        entry={"kind": "service", "id": net.s["hotline"]["id"]},
        needs=["medical_treatment", "forensic_examination", "legal_advice"],
    )
    by_need = {n["need"]: n for n in answer["needs"]}
    medical = by_need["medical_treatment"]
    assert medical["met"] is False and medical["unmet"] == "no_route_reaches"
    assert medical["fitting_services"] >= 1
    assert "no active agreed pathway" in medical["unmet_reason"]
    forensic = by_need["forensic_examination"]
    assert forensic["unmet"] == "no_service_fits" and forensic["fitting_services"] == 0
    assert "No active service" in forensic["unmet_reason"]
    assert by_need["legal_advice"]["met"] is False  # the only legal aid is inactive


def test_an_entry_point_that_meets_the_need_itself(client: TestClient, net: Net) -> None:
    answer = _routes(
        client,
        net,
        entry={"kind": "service", "id": net.s["hotline"]["id"]},
        needs=["safety_planning"],
    )
    first = answer["needs"][0]["routes"][0]
    assert first["steps"] == [] and first["target"]["service"]["name"] == "24/7 hotline"
    assert first["target"]["front_door_phone"] == "+1 555 0199"


def test_a_partner_can_be_the_entry_point(client: TestClient, net: Net) -> None:
    answer = _routes(
        client,
        net,
        entry={"kind": "partner", "id": net.world.a_other_partner["id"]},
        needs=["medical_treatment"],
    )
    assert [s["name"] for s in answer["entry_services"]] == ["Police desk"]
    assert _names(answer["needs"][0]["routes"][0]) == ["Police desk", "A&E"]


def test_the_route_finder_takes_codes_only(client: TestClient, net: Net) -> None:
    headers = net.world.viewer.headers
    entry = {"kind": "service", "id": net.s["police"]["id"]}
    for body in (
        {"entry": entry, "needs": ["a free-text story about her"]},
        {"entry": entry, "needs": ["emergency_shelter"], "survivor_name": "anyone"},
        {"entry": entry, "needs": []},
    ):
        assert (
            client.post(net.url("pathways/routes"), json=body, headers=headers).status_code == 422
        )
    unknown = client.post(
        net.url("pathways/routes"),
        json={"entry": {"kind": "service", "id": str(uuid.uuid4())}, "needs": ["housing"]},
        headers=headers,
    )
    assert unknown.status_code == 404


def test_capacity_shows_on_the_target(client: TestClient, net: Net) -> None:
    question = {"entry": {"kind": "service", "id": net.s["police"]["id"]}}
    before = _routes(client, net, **question, needs=["emergency_shelter"])
    assert {r["target"]["capacity"] for r in before["needs"][0]["routes"]} == {"unknown"}
    posted = client.post(
        net.url(f"services/{net.s['shelter_b']['id']}/capacity"),
        json={"status": "full", "beds_free": 0},
        headers=net.world.editor.headers,
    )
    assert posted.status_code == 201
    answer = _routes(
        client,
        net,
        entry={"kind": "service", "id": net.s["police"]["id"]},
        needs=["emergency_shelter"],
    )
    targets = {r["target"]["service"]["name"]: r["target"] for r in answer["needs"][0]["routes"]}
    assert (targets["Shelter B"]["capacity"], targets["Shelter B"]["beds_free"]) == ("full", 0)
    assert targets["Shelter A"]["capacity"] == "unknown"


def test_a_capacity_post_stops_showing_once_it_is_too_old_even_in_a_repeated_answer(
    client: TestClient, net: Net, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Answers are kept until the network changes; an old "full" must still not be shown
    as today's once the post is older than the maximum age (24 hours by default)."""
    question = {"entry": {"kind": "service", "id": net.s["police"]["id"]}}
    posted = client.post(
        net.url(f"services/{net.s['shelter_b']['id']}/capacity"),
        json={"status": "full", "beds_free": 0},
        headers=net.world.editor.headers,
    )
    assert posted.status_code == 201

    def shelter_b() -> dict[str, Any]:
        answer = _routes(client, net, **question, needs=["emergency_shelter"])
        routes = answer["needs"][0]["routes"]
        return next(r["target"] for r in routes if r["target"]["service"]["name"] == "Shelter B")

    assert (shelter_b()["capacity"], shelter_b()["beds_free"]) == ("full", 0)
    later = datetime.now(UTC) + timedelta(hours=25)
    monkeypatch.setattr(finder, "utcnow", lambda: later)
    assert (shelter_b()["capacity"], shelter_b()["beds_free"]) == ("unknown", None)


def _findings(client: TestClient, net: Net, **params: Any) -> list[dict[str, Any]]:
    response = client.get(
        net.url("pathways/health"), params=params, headers=net.world.viewer.headers
    )
    assert response.status_code == 200, response.text
    return list(response.json()["findings"])


def _of(findings: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [f for f in findings if f["kind"] == kind]


def test_every_health_finding_names_what_to_fix(client: TestClient, net: Net) -> None:
    findings = _findings(client, net)
    s, p = net.s, net.p
    assert [f["service_ids"] for f in _of(findings, "unreachable_service")] == [
        [s["counselling"]["id"]]
    ]
    (dead_end,) = _of(findings, "dead_end")
    assert dead_end["service_ids"] == [s["ae"]["id"]] and dead_end["pathway_ids"] == [
        p["police_ae"]["id"]
    ]
    (closed,) = _of(findings, "pathway_to_inactive_service")
    assert closed["pathway_ids"] == [p["hotline_legal"]["id"]] and closed["service_ids"] == [
        s["legal"]["id"]
    ]
    (overdue,) = _of(findings, "pathway_review_overdue")
    assert overdue["pathway_ids"] == [p["police_shelter_b"]["id"]]
    spof = {(f["need"], f["service_ids"][0]) for f in _of(findings, "single_point_of_failure")}
    assert ("medical_treatment", s["ae"]["id"]) in spof
    assert not [
        f for f in _of(findings, "single_point_of_failure") if f["need"] == "emergency_shelter"
    ]
    unmet = {(f["need"], f["area"]) for f in _of(findings, "unmet_need_in_area")}
    assert ("police_report", "south") in unmet and ("police_report", "north") not in unmet
    assert ("emergency_shelter", "north") not in unmet and (
        "emergency_shelter",
        "south",
    ) not in unmet
    populations = {(f["need"], f["population"]) for f in _of(findings, "population_not_served")}
    assert ("emergency_shelter", "older_women") in populations
    assert ("emergency_shelter", "migrant") not in populations
    assert all(f["reason"] for f in findings)


def test_explanations_come_in_the_language_asked_for(client: TestClient, net: Net) -> None:
    """Codes stay the same; the texts beside them follow `lang`, then Accept-Language."""
    body = {
        "entry": {"kind": "service", "id": net.s["police"]["id"]},
        "needs": ["emergency_shelter", "forensic_examination"],
        "needs_wheelchair": True,
    }
    url = f"/api/v1/networks/{net.world.a.slug}/pathways/routes"
    headers = net.world.coordinator.headers
    french = client.post(url, json=body, params={"lang": "fr"}, headers=headers).json()
    shelter, forensic = french["needs"]
    fits = {fit["code"]: fit["text"] for fit in shelter["routes"][0]["target"]["fits"]}
    assert fits["wheelchair_access"] == "Accessible en fauteuil roulant."
    assert shelter["routes"][0]["steps"][0]["why"] == "Parcours actif convenu pour ce besoin."
    assert forensic["unmet"] == "no_service_fits"
    assert forensic["unmet_reason"].startswith("Aucun service actif")

    spanish = client.post(url, json=body, headers=headers | {"Accept-Language": "es-MX, en;q=0.5"})
    assert spanish.json()["needs"][1]["unmet_reason"].startswith("Ningún servicio activo")

    findings = client.get(
        f"/api/v1/networks/{net.world.a.slug}/pathways/health",
        params={"lang": "es"},
        headers=headers,
    ).json()["findings"]
    (overdue,) = _of(findings, "pathway_review_overdue")
    assert overdue["reason"].startswith("La revisión de la ruta Police desk → Shelter B")
    # The day is written as people write it, never as ISO.
    due = date.today() - timedelta(days=1)
    months = "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre"
    month = (months + " diciembre").split()[due.month - 1]
    assert overdue["reason"].endswith(f"estaba prevista el {due.day} de {month} de {due.year}.")
    assert due.isoformat() not in overdue["reason"]


def test_health_for_one_area(client: TestClient, net: Net) -> None:
    unmet = {
        (f["need"], f["area"])
        for f in _of(_findings(client, net, area="south"), "unmet_need_in_area")
    }
    assert unmet and {area for _need, area in unmet} == {"south"}


def test_a_language_no_service_of_a_needed_type_speaks(client: TestClient, net: Net) -> None:
    headers = net.world.coordinator.headers
    network = client.get(f"/api/v1/networks/{net.world.a.slug}", headers=headers)
    changed = client.patch(
        f"/api/v1/networks/{net.world.a.slug}",
        json={"languages": ["en", "fr"]},
        headers=headers | {"If-Match": network.headers["etag"]},
    )
    assert changed.status_code == 200
    languages = {
        (f["need"], f["language"]) for f in _of(_findings(client, net), "language_not_served")
    }
    assert ("emergency_shelter", "fr") in languages and ("emergency_shelter", "en") not in languages


def test_pathway_rules(client: TestClient, net: Net) -> None:
    headers = net.world.coordinator.headers
    loop = client.post(
        net.url("pathways"),
        json={
            "from_service_id": net.s["police"]["id"],
            "to_service_id": net.s["police"]["id"],
            "needs": ["housing"],
            "channel": "phone",
        },
        headers=headers,
    )
    assert loop.status_code == 409
    again = client.post(
        net.url("pathways"),
        json={
            "from_service_id": net.s["police"]["id"],
            "to_service_id": net.s["hotline"]["id"],
            "needs": ["housing"],
            "channel": "phone",
        },
        headers=headers,
    )
    assert again.status_code == 409
    # The answer points at the pathway that exists, for the client to offer instead.
    existing = client.get(again.headers["location"], headers=headers).json()
    assert (existing["from_service"]["name"], existing["to_service"]["name"]) == (
        "Police desk",
        "24/7 hotline",
    )
    foreign = client.post(
        f"/api/v1/networks/{net.world.b.slug}/pathways",
        json={
            "from_service_id": net.s["police"]["id"],
            "to_service_id": net.s["hotline"]["id"],
            "needs": ["housing"],
            "channel": "phone",
        },
        headers=net.world.other_coordinator.headers,
    )
    assert foreign.status_code == 404
    assert (
        client.post(
            net.url("pathways"),
            json={
                "from_service_id": net.s["ae"]["id"],
                "to_service_id": net.s["police"]["id"],
                "needs": ["police_report"],
                "channel": "phone",
            },
            headers=net.world.viewer.headers,
        ).status_code
        == 403
    )


def test_suspending_a_pathway_takes_it_off_the_routes(client: TestClient, net: Net) -> None:
    headers = net.world.coordinator.headers
    question = {"entry": {"kind": "service", "id": net.s["police"]["id"]}}
    # Asked before the change too: what the route finder kept must not outlive it.
    before = _routes(client, net, **question, needs=["emergency_shelter"])
    assert {_names(r)[-1] for r in before["needs"][0]["routes"]} == {"Shelter A", "Shelter B"}
    url = net.url(f"pathways/{net.p['police_shelter_b']['id']}")
    etag = client.get(url, headers=headers).headers["etag"]
    assert (
        client.patch(
            url, json={"status": "suspended"}, headers=headers | {"If-Match": etag}
        ).status_code
        == 200
    )
    answer = _routes(
        client,
        net,
        entry={"kind": "service", "id": net.s["police"]["id"]},
        needs=["emergency_shelter"],
    )
    assert [_names(r)[-1] for r in answer["needs"][0]["routes"]] == ["Shelter A"]
    listed = client.get(
        net.url("pathways"), params={"status": "suspended"}, headers=headers
    ).json()["items"]
    assert [p["id"] for p in listed] == [net.p["police_shelter_b"]["id"]]
    by_need = client.get(
        net.url("pathways"), params={"need": "medical_treatment"}, headers=headers
    ).json()["items"]
    assert [p["id"] for p in by_need] == [net.p["police_ae"]["id"]]


def test_the_health_answer_follows_every_write_and_the_calendar(
    client: TestClient, net: Net, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The answer is kept (health.check), yet a change shows at once, and a review falls
    overdue the day after it was due with nobody writing anything."""
    headers = net.world.coordinator.headers

    def overdue() -> set[str]:
        return {f["pathway_ids"][0] for f in _of(_findings(client, net), "pathway_review_overdue")}

    def patch(pathway: str, body: dict[str, Any]) -> None:
        url = net.url(f"pathways/{net.p[pathway]['id']}")
        etag = client.get(url, headers=headers).headers["etag"]
        response = client.patch(url, json=body, headers=headers | {"If-Match": etag})
        assert response.status_code == 200, response.text

    tomorrow = date.today() + timedelta(days=1)
    patch("police_ae", {"review_date": tomorrow.isoformat()})
    assert overdue() == {net.p["police_shelter_b"]["id"]}
    assert overdue() == {net.p["police_shelter_b"]["id"]}  # the kept answer, unchanged
    patch("police_shelter_b", {"status": "suspended"})
    assert overdue() == set()
    monkeypatch.setattr(health, "current_day", lambda: tomorrow + timedelta(days=1))
    assert overdue() == {net.p["police_ae"]["id"]}


def test_a_dashboard_polling_health_gets_304_until_the_routes_change(
    client: TestClient, net: Net
) -> None:
    headers = net.world.coordinator.headers
    url = net.url("pathways/health")
    first = client.get(url, headers=headers)
    assert first.status_code == 200 and first.headers["etag"]
    again = client.get(url, headers=headers | {"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304 and again.content == b""
    # Another language is another answer, with its own ETag.
    french = client.get(url, params={"lang": "fr"}, headers=headers)
    assert french.headers["etag"] != first.headers["etag"]
    pathway = net.url(f"pathways/{net.p['police_shelter_b']['id']}")
    etag = client.get(pathway, headers=headers).headers["etag"]
    changed = client.patch(
        pathway, json={"status": "suspended"}, headers=headers | {"If-Match": etag}
    )
    assert changed.status_code == 200, changed.text
    after = client.get(url, headers=headers | {"If-None-Match": first.headers["etag"]})
    assert after.status_code == 200 and after.json() != first.json()


def test_the_health_check_finishes_on_a_large_network(app: FastAPI, world: World) -> None:
    """300 services and 3,000 pathways, made straight in the database."""
    import random

    chance = random.Random(5)  # noqa: S311
    types = [
        "hotline",
        "police_response",
        "shelter",
        "medical_care",
        "legal_aid",
        "psychosocial_support",
        "housing",
    ]
    needs = ["emergency_shelter", "medical_treatment", "legal_advice", "housing", "safety_planning"]
    with transaction(app.state.session_factory) as session:
        ids = []
        for index in range(300):
            service = Service(
                network_id=world.a.id,
                partner_id=uuid.UUID(world.a_partner["id"]),
                type=types[index % len(types)],
                name=f"Service {index}",
                entry_point=index % 25 == 0,
            )
            session.add(service)
            ids.append(service.id)
        session.flush()
        pairs = set()
        while len(pairs) < 3000:
            a, b = chance.sample(ids, 2)
            pairs.add((a, b))
        for a, b in pairs:
            pathway = Pathway(
                network_id=world.a.id,
                from_service_id=a,
                to_service_id=b,
                channel="phone",
                status="active",
            )
            session.add(pathway)
            session.flush()
            session.add(PathwayNeed(pathway_id=pathway.id, kind="need", value=chance.choice(needs)))
    with app.state.sessions.read() as session:
        result = health.check(session, app.state.kept, world.a.id, revisions=(0, 0))
    assert result.checked_services == 300 and result.checked_pathways == 3000
    assert sum(result.counts.values()) == len(json.loads(result.rendered.body)["findings"])


def test_a_need_named_twice_counts_once_on_create_and_change(client: TestClient, net: Net) -> None:
    headers = net.world.coordinator.headers
    created = client.post(
        net.url("pathways"),
        json={
            "from_service_id": net.s["ae"]["id"],
            "to_service_id": net.s["counselling"]["id"],
            "needs": ["psychosocial_support", "psychosocial_support", "medical_treatment"],
            "channel": "phone",
        },
        headers=headers,
    )
    assert created.status_code == 201, created.text
    assert created.json()["needs"] == ["psychosocial_support", "medical_treatment"]
    url = net.url(f"pathways/{created.json()['id']}")
    changed = client.patch(
        url,
        json={"needs": ["medical_treatment", "medical_treatment"]},
        headers=headers | {"If-Match": created.headers["etag"]},
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["needs"] == ["medical_treatment"]


def test_a_partners_pathways_are_those_from_or_to_any_of_its_services(
    client: TestClient, net: Net
) -> None:
    """What the partner's page lists: every pathway one of its services sends or receives."""

    def of_partner(partner_id: str) -> set[str]:
        response = client.get(
            net.url("pathways"),
            params={"partner_id": partner_id},
            headers=net.world.viewer.headers,
        )
        assert response.status_code == 200, response.text
        return {p["id"] for p in response.json()["items"]}

    shelters = net.s["shelter_a"]["partner_id"]
    assert of_partner(shelters) == {
        net.p[name]["id"] for name in ("hotline_shelter_a", "police_shelter_b", "shelter_a_hotline")
    }
    assert of_partner(net.s["ae"]["partner_id"]) == {net.p["police_ae"]["id"]}
    assert of_partner(str(uuid.uuid4())) == set()
