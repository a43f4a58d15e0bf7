"""The overview: what needs attention in a network now, each domain contributing its own
items, each item linking to the screen (and filters) that fixes it."""

import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import update

from accord.core.database import transaction
from accord.core.vocabulary import Need
from accord.networks.revision import mark_written
from accord.services.models import CapacityPost
from tests.conftest import Actor, World

API = "/api/v1/networks"


def _overview(client: TestClient, world: World, actor: Actor, **params: Any) -> dict[str, Any]:
    response = client.get(f"{API}/{world.a.slug}/overview", params=params, headers=actor.headers)
    assert response.status_code == 200, response.text
    return dict(response.json())


def _items(answer: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [item for item in answer["items"] if item["kind"] == kind]


def _post(client: TestClient, world: World, path: str, body: dict[str, Any]) -> dict[str, Any]:
    response = client.post(
        f"{API}/{world.a.slug}/{path}", json=body, headers=world.coordinator.headers
    )
    assert response.status_code == 201, response.text
    return dict(response.json())


def _roles(client: TestClient, world: World, **params: Any) -> list[dict[str, Any]]:
    response = client.get(
        f"{API}/{world.a.slug}/roles",
        params={"limit": 200, **params},
        headers=world.coordinator.headers,
    )
    assert response.status_code == 200, response.text
    return list(response.json()["items"])


def _shelter(client: TestClient, world: World, **fields: Any) -> dict[str, Any]:
    body = {"partner_id": world.a_partner["id"], "name": "Night Shelter", "type": "shelter"}
    return _post(client, world, "services", body | fields)


def test_roles_nobody_covers_by_priority_until_someone_takes_them_on(
    client: TestClient, world: World
) -> None:
    before = _items(_overview(client, world, world.coordinator), "roles_uncovered")
    by_severity = {item["severity"]: item for item in before}
    assert set(by_severity) == {"high", "medium"}  # page-004 roles first, implied ones after
    assert by_severity["high"]["link"] == {"screen": "coverage_gaps", "filters": {}}
    police_roles = [r for r in _roles(client, world, sector="police") if not r["implied"]]
    assert by_severity["high"]["title"] == f"{by_severity['high']['count']} roles nobody covers"

    _post(
        client,
        world,
        "commitments",
        {
            "partner_id": world.a_other_partner["id"],
            "role_id": police_roles[0]["id"],
            "status": "planned",
        },
    )
    after = _items(_overview(client, world, world.coordinator), "roles_uncovered")
    high = next(item for item in after if item["severity"] == "high")
    assert high["count"] == by_severity["high"]["count"] - 1


def test_commitments_overdue_for_review_appear_and_go(client: TestClient, world: World) -> None:
    role = _roles(client, world, sector="police")[0]
    assert _items(_overview(client, world, world.coordinator), "commitment_reviews_overdue") == []
    commitment = _post(
        client,
        world,
        "commitments",
        {
            "partner_id": world.a_other_partner["id"],
            "role_id": role["id"],
            "status": "in_place",
            "review_date": (date.today() - timedelta(days=3)).isoformat(),
        },
    )
    [item] = _items(_overview(client, world, world.coordinator), "commitment_reviews_overdue")
    assert (item["count"], item["severity"]) == (1, "medium")
    assert item["title"] == "1 commitment overdue for review"
    assert item["link"]["screen"] == "coverage_gaps"

    url = f"{API}/{world.a.slug}/commitments/{commitment['id']}"
    response = client.patch(
        url,
        json={"review_date": (date.today() + timedelta(days=90)).isoformat()},
        headers=world.coordinator.headers | {"If-Match": f'"{commitment["version"]}"'},
    )
    assert response.status_code == 200, response.text
    assert _items(_overview(client, world, world.coordinator), "commitment_reviews_overdue") == []


def test_shelters_with_capacity_out_of_date_link_to_the_filtered_services_list(
    app: FastAPI, client: TestClient, world: World
) -> None:
    shelter = _shelter(client, world)
    _post(
        client,
        world,
        "services",
        {"partner_id": world.a_partner["id"], "name": "Advice line", "type": "hotline"},
    )
    [item] = _items(_overview(client, world, world.coordinator), "capacity_out_of_date")
    assert (item["count"], item["severity"]) == (1, "high")  # a hotline has no beds to count
    link = item["link"]
    assert link["screen"] == "services"
    assert link["filters"] == {
        "type": ["shelter", "crisis_centre"],
        "status": ["active"],
        "capacity": ["unknown"],
    }
    # The link's filters, given to the services list, list the service that needs it.
    listed = client.get(
        f"{API}/{world.a.slug}/services", params=link["filters"], headers=world.viewer.headers
    )
    assert listed.status_code == 200, listed.text
    assert [s["id"] for s in listed.json()["items"]] == [shelter["id"]]

    posted = client.post(
        f"{API}/{world.a.slug}/services/{shelter['id']}/capacity",
        json={"status": "accepting", "beds_free": 2},
        headers=world.editor.headers,
    )
    assert posted.status_code == 201, posted.text
    assert _items(_overview(client, world, world.coordinator), "capacity_out_of_date") == []
    listed = client.get(
        f"{API}/{world.a.slug}/services", params=link["filters"], headers=world.viewer.headers
    )
    assert listed.json()["items"] == []
    accepting = client.get(
        f"{API}/{world.a.slug}/services",
        params={"capacity": "accepting"},
        headers=world.viewer.headers,
    )
    assert [s["id"] for s in accepting.json()["items"]] == [shelter["id"]]

    # Two days on with no new post, it is out of date again.
    with transaction(app.state.session_factory) as session:
        mark_written(session, None)
        session.execute(
            update(CapacityPost).values(posted_at=datetime.now(UTC) - timedelta(hours=48))
        )
    [item] = _items(_overview(client, world, world.coordinator), "capacity_out_of_date")
    assert item["count"] == 1
    accepting = client.get(
        f"{API}/{world.a.slug}/services",
        params={"capacity": "accepting"},
        headers=world.viewer.headers,
    )
    assert accepting.json()["items"] == []


def test_pathway_health_findings_by_severity_and_reviews_overdue(
    client: TestClient, world: World
) -> None:
    # Nothing offered yet: no need is met anywhere.
    [nothing] = _items(_overview(client, world, world.coordinator), "pathway_findings")
    assert (nothing["severity"], nothing["count"]) == ("high", len(Need))
    assert nothing["link"]["filters"] == {"kind": ["unmet_need_in_area"]}
    police = _post(
        client,
        world,
        "services",
        {
            "partner_id": world.a_other_partner["id"],
            "name": "Police desk",
            "type": "police_response",
            "entry_point": True,
        },
    )
    shelter = _shelter(client, world)
    _post(
        client,
        world,
        "pathways",
        {
            "from_service_id": police["id"],
            "to_service_id": shelter["id"],
            "needs": ["emergency_shelter"],
            "channel": "phone",
            "status": "active",
            "review_date": (date.today() - timedelta(days=1)).isoformat(),
        },
    )
    answer = _overview(client, world, world.coordinator)
    findings = _items(answer, "pathway_findings")
    assert findings, answer
    health = client.get(
        f"{API}/{world.a.slug}/pathways/health", headers=world.coordinator.headers
    ).json()["findings"]
    for item in findings:
        assert item["link"]["screen"] == "pathway_health"
        kinds = set(item["link"]["filters"]["kind"])
        # The count is what the health page shows under the item's filter.
        assert item["count"] == len([f for f in health if f["kind"] in kinds])
    high = next(item for item in findings if item["severity"] == "high")
    assert high["count"] < nothing["count"]  # shelter is met now
    counted = {k for item in findings for k in item["link"]["filters"]["kind"]}
    assert "pathway_review_overdue" not in counted  # its own item, not counted twice

    [review] = _items(answer, "pathway_reviews_overdue")
    assert (review["count"], review["severity"]) == (1, "medium")
    assert review["link"] == {
        "screen": "pathway_health",
        "filters": {"kind": ["pathway_review_overdue"]},
    }
    assert [item["severity"] for item in answer["items"]] == sorted(
        (item["severity"] for item in answer["items"]), key=["high", "medium", "low"].index
    )


def test_partners_not_yet_assessed_only_for_who_may_read_assessments(
    client: TestClient, world: World
) -> None:
    [item] = _items(_overview(client, world, world.coordinator), "partners_unassessed")
    assert (item["count"], item["severity"]) == (2, "low")
    assert item["link"] == {"screen": "stakeholder_map", "filters": {}}
    for member in (world.viewer, world.editor):
        assert _items(_overview(client, world, member), "partners_unassessed") == []
        assert _overview(client, world, member)["items"]  # the rest they see

    url = f"{API}/{world.a.slug}/partners/{world.a_partner['id']}/assessment"
    etag = client.get(url, headers=world.coordinator.headers).headers["etag"]
    response = client.patch(
        url,
        json={"influence": 4, "commitment": 5},
        headers=world.coordinator.headers | {"If-Match": etag},
    )
    assert response.status_code == 200, response.text
    [item] = _items(_overview(client, world, world.coordinator), "partners_unassessed")
    assert item["count"] == 1

    network = f"{API}/{world.a.slug}"
    etag = client.get(network, headers=world.coordinator.headers).headers["etag"]
    opened = client.patch(
        network,
        json={"assessments_visible_to_members": True},
        headers=world.coordinator.headers | {"If-Match": etag},
    )
    assert opened.status_code == 200, opened.text
    [item] = _items(_overview(client, world, world.viewer), "partners_unassessed")
    assert item["count"] == 1


def test_area_codes_the_gazetteer_does_not_name_for_coordinators(
    client: TestClient, world: World
) -> None:
    def unnamed(actor: Actor) -> list[dict[str, Any]]:
        return _items(_overview(client, world, actor), "areas_unnamed")

    assert unnamed(world.coordinator) == []
    # A service names two areas, and a location a third: none is in the gazetteer yet.
    service = _shelter(client, world, areas=["harbour", "hills"])
    _post(client, world, f"services/{service['id']}/locations", {"name": "Office", "area": "docks"})
    (item,) = unnamed(world.coordinator)
    assert (item["count"], item["severity"], item["link"]) == (
        3,
        "low",
        {"screen": "areas", "filters": {}},
    )
    assert item["title"] == "3 areas known only by their codes"
    assert unnamed(world.viewer) == []  # only coordinators keep the gazetteer
    _post(client, world, "areas", {"code": "harbour", "names": {"en": "Harbour"}})
    assert unnamed(world.coordinator)[0]["count"] == 2


def test_the_overview_speaks_the_language_asked_for(client: TestClient, world: World) -> None:
    french = _overview(client, world, world.coordinator, lang="fr")
    assert french["language"] == "fr"
    [item] = _items(french, "partners_unassessed")
    assert item["title"] == "2 partenaires pas encore évalués"
    response = client.get(
        f"{API}/{world.a.slug}/overview",
        headers=world.coordinator.headers | {"Accept-Language": "es-ES,es;q=0.9"},
    )
    [item] = _items(response.json(), "partners_unassessed")
    assert item["title"] == "2 socios aún sin evaluar"


def test_the_etag_holds_until_the_network_changes(client: TestClient, world: World) -> None:
    url = f"{API}/{world.a.slug}/overview"
    first = client.get(url, headers=world.coordinator.headers)
    etag = first.headers["etag"]
    again = client.get(url, headers=world.coordinator.headers | {"If-None-Match": etag})
    assert again.status_code == 304
    _shelter(client, world)
    changed = client.get(url, headers=world.coordinator.headers | {"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed.headers["etag"] != etag
    # Network B's shelter-less answer is B's own: A's shelter is not counted there.
    other = client.get(f"{API}/{world.b.slug}/overview", headers=world.other_coordinator.headers)
    assert _items(other.json(), "capacity_out_of_date") == []
    assert _items(changed.json(), "capacity_out_of_date")[0]["count"] == 1


def test_another_network_is_not_found(client: TestClient, world: World) -> None:
    response = client.get(f"{API}/{world.b.slug}/overview", headers=world.coordinator.headers)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")
    missing = client.get(
        f"{API}/no-such-{uuid.uuid4().hex[:6]}/overview", headers=world.coordinator.headers
    )
    assert missing.status_code == 404
