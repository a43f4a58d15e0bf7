"""A partner's engagement stage and its history, the stakeholder assessment, and the map."""

import uuid
from datetime import datetime
from typing import Any

from fastapi.testclient import TestClient

from tests.conftest import Actor, World, partner_body

PARTNERS = "/api/v1/networks/network-a/partners"
AUDIT = "/api/v1/networks/network-a/audit"


def url(partner_id: str | uuid.UUID, suffix: str = "", slug: str = "network-a") -> str:
    return f"/api/v1/networks/{slug}/partners/{partner_id}{suffix}"


def assert_problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert body["type"] and body["title"]
    return body


def fields_of(problem: dict[str, Any]) -> set[str]:
    return {error["field"] for error in problem.get("errors") or []}


def create(client: TestClient, actor: Actor, **fields: Any) -> dict[str, Any]:
    response = client.post(PARTNERS, json=partner_body(**fields), headers=actor.headers)
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def move(
    client: TestClient,
    actor: Actor,
    partner_id: str,
    stage: str,
    note: str | None = None,
    etag: str | None = None,
) -> Any:
    headers = dict(actor.headers)
    if etag is not None:
        headers["If-Match"] = etag
    body: dict[str, Any] = {"stage": stage}
    if note is not None:
        body["note"] = note
    return client.post(url(partner_id, "/stage"), json=body, headers=headers)


def history(client: TestClient, actor: Actor, partner_id: str, **params: Any) -> Any:
    return client.get(url(partner_id, "/stage-history"), params=params, headers=actor.headers)


def assess(client: TestClient, actor: Actor, partner_id: str, body: Any, etag: str | None) -> Any:
    headers = dict(actor.headers)
    if etag is not None:
        headers["If-Match"] = etag
    return client.patch(url(partner_id, "/assessment"), json=body, headers=headers)


def audit_events(client: TestClient, actor: Actor, **filters: str) -> list[dict[str, Any]]:
    response = client.get(AUDIT, params=filters, headers=actor.headers)
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


# --- stage -------------------------------------------------------------------------------


def test_a_coordinator_moves_the_stage_and_gets_the_partner_with_a_new_etag(
    client: TestClient, world: World
) -> None:
    pid = world.a_partner["id"]
    response = move(client, world.coordinator, pid, "approached", note="Phoned the director.")
    assert response.status_code == 200, response.text
    assert response.headers["ETag"] == '"2"'
    moved = response.json()
    assert moved["id"] == pid
    assert moved["stage"] == "approached"
    assert moved["version"] == 2
    moved_at = datetime.fromisoformat(moved["stage_changed_at"])
    assert moved_at > datetime.fromisoformat(world.a_partner["stage_changed_at"])
    assert moved["name"] == "Riverside Shelter"
    fetched = client.get(url(pid), headers=world.viewer.headers)
    assert fetched.headers["ETag"] == '"2"'
    assert fetched.json()["stage"] == "approached"


def test_stage_history_lists_changes_newest_first_from_the_initial_entry(
    client: TestClient, world: World
) -> None:
    pid = world.a_partner["id"]
    assert move(client, world.coordinator, pid, "approached", note="First call.").status_code == 200
    assert move(client, world.coordinator, pid, "met").status_code == 200
    response = history(client, world.viewer, pid)
    assert response.status_code == 200, response.text
    page = response.json()
    assert page["next_cursor"] is None
    steps = [(h["from_stage"], h["to_stage"], h["note"]) for h in page["items"]]
    assert steps == [
        ("approached", "met", None),
        ("identified", "approached", "First call."),
        (None, "identified", None),
    ]
    assert {h["changed_by_name"] for h in page["items"]} == {"Cora Coordinator"}
    assert {h["changed_by"] for h in page["items"]} == {str(world.coordinator.id)}
    times = [datetime.fromisoformat(h["changed_at"]) for h in page["items"]]
    assert times == sorted(times, reverse=True)


def test_a_partner_created_at_a_later_stage_starts_its_history_there(
    client: TestClient, world: World
) -> None:
    created = create(client, world.coordinator, stage="active")
    items = history(client, world.coordinator, created["id"]).json()["items"]
    assert [(h["from_stage"], h["to_stage"]) for h in items] == [(None, "active")]


def test_stage_history_pages_with_a_cursor(client: TestClient, world: World) -> None:
    pid = world.a_partner["id"]
    for stage in ("approached", "met", "roundtable"):
        assert move(client, world.coordinator, pid, stage).status_code == 200
    seen: list[str] = []
    cursor = None
    for _ in range(5):
        params = {"limit": 3, **({"cursor": cursor} if cursor else {})}
        page = history(client, world.coordinator, pid, **params).json()
        seen += [h["to_stage"] for h in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == ["roundtable", "met", "approached", "identified"]
    assert_problem(history(client, world.coordinator, pid, cursor="nonsense"), 400)


def test_moving_to_the_current_stage_answers_409(client: TestClient, world: World) -> None:
    pid = world.a_partner["id"]
    problem = assert_problem(move(client, world.coordinator, pid, "identified"), 409)
    assert fields_of(problem) == {"body.stage"}
    assert len(history(client, world.coordinator, pid).json()["items"]) == 1


def test_stage_if_match_is_optional_but_a_stale_one_answers_412(
    client: TestClient, world: World
) -> None:
    pid = world.a_partner["id"]
    assert move(client, world.coordinator, pid, "approached", etag='"1"').status_code == 200
    stale = move(client, world.coordinator, pid, "met", etag='"1"')
    assert_problem(stale, 412)
    assert stale.headers["ETag"] == '"2"'
    assert client.get(url(pid), headers=world.coordinator.headers).json()["stage"] == "approached"
    without = move(client, world.coordinator, pid, "met")
    assert without.status_code == 200, without.text
    assert without.headers["ETag"] == '"3"'


def test_only_coordinators_move_the_stage(client: TestClient, world: World) -> None:
    pid = world.a_partner["id"]
    for actor in (world.editor, world.viewer):
        assert_problem(move(client, actor, pid, "approached"), 403)
    assert client.get(url(pid), headers=world.coordinator.headers).json()["stage"] == "identified"
    assert len(history(client, world.coordinator, pid).json()["items"]) == 1


def test_invalid_stage_changes_answer_422(client: TestClient, world: World) -> None:
    pid = world.a_partner["id"]
    cases: list[tuple[Any, str]] = [
        ({"stage": "finished"}, "body.stage"),
        ({}, "body.stage"),
        ({"stage": "met", "note": "x" * 2001}, "body.note"),
        ({"stage": "met", "note": "nul\u0000"}, "body.note"),
        ({"stage": "met", "extra": 1}, "body.extra"),
    ]
    for body, field in cases:
        response = client.post(url(pid, "/stage"), json=body, headers=world.coordinator.headers)
        problem = assert_problem(response, 422)
        assert field in fields_of(problem), (body, problem)
    assert client.get(url(pid), headers=world.coordinator.headers).json()["stage"] == "identified"


def test_stage_of_an_unknown_or_foreign_partner_answers_404(
    client: TestClient, world: World
) -> None:
    for pid in (str(uuid.uuid4()), world.b_partner["id"]):
        assert_problem(move(client, world.coordinator, pid, "met"), 404)
        assert_problem(history(client, world.coordinator, pid), 404)


def test_a_stage_change_is_audited(client: TestClient, world: World) -> None:
    pid = world.a_partner["id"]
    assert (
        move(client, world.coordinator, pid, "met", note="Met at the town hall.").status_code == 200
    )
    events = audit_events(client, world.coordinator, object_id=pid, action="partner.stage_change")
    assert len(events) == 1
    assert events[0]["object_type"] == "partner"
    assert events[0]["actor_name"] == "Cora Coordinator"
    assert events[0]["changes"]["stage"] == {"before": "identified", "after": "met"}
    assert events[0]["changes"]["note"] == {"before": None, "after": "Met at the town hall."}


def test_a_stage_change_with_an_idempotency_key_happens_once(
    client: TestClient, world: World
) -> None:
    pid = world.a_partner["id"]
    headers = {**world.coordinator.headers, "Idempotency-Key": "move-1"}
    first = client.post(url(pid, "/stage"), json={"stage": "met"}, headers=headers)
    again = client.post(url(pid, "/stage"), json={"stage": "met"}, headers=headers)
    assert first.status_code == again.status_code == 200, again.text
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.json()["version"] == 2
    assert len(history(client, world.coordinator, pid).json()["items"]) == 2


# --- assessment --------------------------------------------------------------------------


def test_a_new_partner_has_an_empty_assessment_with_its_own_etag(
    client: TestClient, world: World
) -> None:
    response = client.get(
        url(world.a_partner["id"], "/assessment"), headers=world.coordinator.headers
    )
    assert response.status_code == 200, response.text
    assert response.headers["ETag"] == '"1"'
    assert response.json() == {
        "trusted_by_survivors": None,
        "connected_respected": None,
        "influence": None,
        "commitment": None,
        "risks": None,
        "champion": False,
        "decision_authority": "unknown",
        "version": 1,
        "assessed_by": None,
        "assessed_at": None,
    }


def test_a_coordinator_records_the_assessment(client: TestClient, world: World) -> None:
    pid = world.a_partner["id"]
    body = {
        "trusted_by_survivors": 5,
        "connected_respected": 4,
        "influence": 3,
        "commitment": 1,
        "risks": "Small team; funding ends next year.",
        "champion": True,
        "decision_authority": "limited",
    }
    response = assess(client, world.coordinator, pid, body, '"1"')
    assert response.status_code == 200, response.text
    assert response.headers["ETag"] == '"2"'
    saved = response.json()
    for field, value in body.items():
        assert saved[field] == value, field
    assert saved["version"] == 2
    assert saved["assessed_by"] == str(world.coordinator.id)
    assert saved["assessed_at"] is not None
    fetched = client.get(url(pid, "/assessment"), headers=world.coordinator.headers)
    assert fetched.json() == saved
    assert fetched.headers["ETag"] == '"2"'
    partner = client.get(url(pid), headers=world.coordinator.headers).json()
    assert partner["assessment"] == saved


def test_an_assessment_patch_changes_only_the_fields_sent(client: TestClient, world: World) -> None:
    pid = world.a_partner["id"]
    assert (
        assess(client, world.coordinator, pid, {"influence": 4, "risks": "r"}, '"1"').status_code
        == 200
    )
    response = assess(client, world.coordinator, pid, {"commitment": 2}, '"2"')
    assert response.status_code == 200, response.text
    saved = response.json()
    assert (saved["influence"], saved["commitment"], saved["risks"]) == (4, 2, "r")
    cleared = assess(client, world.coordinator, pid, {"influence": None, "risks": ""}, '"3"').json()
    assert (cleared["influence"], cleared["commitment"], cleared["risks"]) == (None, 2, None)


def test_an_assessment_patch_without_a_change_keeps_its_etag(
    client: TestClient, world: World
) -> None:
    pid = world.a_partner["id"]
    response = assess(client, world.coordinator, pid, {"decision_authority": "unknown"}, '"1"')
    assert response.status_code == 200, response.text
    assert response.headers["ETag"] == '"1"'
    assert response.json()["assessed_at"] is None


def test_scores_outside_1_to_5_answer_422(client: TestClient, world: World) -> None:
    pid = world.a_partner["id"]
    for score in (0, 6, -1, "high", 2.5):
        for field in ("influence", "commitment", "trusted_by_survivors", "connected_respected"):
            response = assess(client, world.coordinator, pid, {field: score}, '"1"')
            problem = assert_problem(response, 422)
            assert fields_of(problem) == {f"body.{field}"}, (score, problem)
    assert (
        client.get(url(pid, "/assessment"), headers=world.coordinator.headers).json()["version"]
        == 1
    )


def test_invalid_assessment_values_answer_422(client: TestClient, world: World) -> None:
    pid = world.a_partner["id"]
    cases = [
        ({"decision_authority": "maybe"}, "body.decision_authority"),
        ({"decision_authority": None}, "body.decision_authority"),
        ({"champion": None}, "body.champion"),
        ({"champion": "perhaps"}, "body.champion"),
        ({"risks": "x" * 4001}, "body.risks"),
        ({"risks": "a\u0000b"}, "body.risks"),
        ({"partner_id": str(uuid.uuid4())}, "body.partner_id"),
    ]
    for body, field in cases:
        problem = assert_problem(assess(client, world.coordinator, pid, body, '"1"'), 422)
        assert field in fields_of(problem), (body, problem)


def test_every_decision_authority_value_is_accepted(client: TestClient, world: World) -> None:
    pid = world.a_partner["id"]
    etag = '"1"'
    for value in ("full", "limited", "none", "unknown"):
        response = assess(client, world.coordinator, pid, {"decision_authority": value}, etag)
        assert response.status_code == 200, response.text
        assert response.json()["decision_authority"] == value
        etag = response.headers["ETag"]


def test_the_assessment_needs_its_own_etag_in_if_match(client: TestClient, world: World) -> None:
    pid = world.a_partner["id"]
    # Move the partner to version 2 while the assessment stays at version 1.
    assert move(client, world.coordinator, pid, "met").status_code == 200
    assert_problem(assess(client, world.coordinator, pid, {"influence": 3}, None), 428)
    stale = assess(client, world.coordinator, pid, {"influence": 3}, '"2"')  # the partner's ETag
    assert_problem(stale, 412)
    assert stale.headers["ETag"] == '"1"'
    ok = assess(client, world.coordinator, pid, {"influence": 3}, '"1"')
    assert ok.status_code == 200, ok.text


def test_only_coordinators_assess_even_the_editors_own_partner(
    client: TestClient, world: World
) -> None:
    pid = world.a_partner["id"]
    for actor in (world.editor, world.viewer):
        assert_problem(assess(client, actor, pid, {"influence": 5}, '"1"'), 403)
    assessment = client.get(url(pid, "/assessment"), headers=world.coordinator.headers).json()
    assert assessment["influence"] is None


def test_the_assessment_of_an_unknown_or_foreign_partner_answers_404(
    client: TestClient, world: World
) -> None:
    for pid in (str(uuid.uuid4()), world.b_partner["id"]):
        assert_problem(client.get(url(pid, "/assessment"), headers=world.coordinator.headers), 404)
        assert_problem(assess(client, world.coordinator, pid, {"influence": 2}, '"1"'), 404)


def test_an_assessment_change_is_audited_with_only_the_changed_fields(
    client: TestClient, world: World
) -> None:
    pid = world.a_partner["id"]
    body = {"influence": 4, "champion": True, "decision_authority": "unknown"}
    assert assess(client, world.coordinator, pid, body, '"1"').status_code == 200
    events = audit_events(client, world.coordinator, object_id=pid, action="assessment.update")
    assert len(events) == 1
    assert events[0]["actor_name"] == "Cora Coordinator"
    assert events[0]["changes"] == {
        "influence": {"before": None, "after": 4},
        "champion": {"before": False, "after": True},
    }


def test_a_conditional_get_of_the_partner_sees_a_new_assessment(
    client: TestClient, world: World
) -> None:
    pid = world.a_partner["id"]
    first = client.get(url(pid), headers=world.coordinator.headers)
    etag = first.headers["ETag"]
    assert assess(client, world.coordinator, pid, {"influence": 5}, '"1"').status_code == 200
    again = client.get(url(pid), headers={**world.coordinator.headers, "If-None-Match": etag})
    assert again.status_code == 200
    assert again.json()["assessment"]["influence"] == 5


# --- stakeholder map ---------------------------------------------------------------------


def stakeholder_map(client: TestClient, actor: Actor, params: Any = None) -> dict[str, Any]:
    response = client.get(f"{PARTNERS}/stakeholder-map", params=params, headers=actor.headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def test_the_map_places_only_partners_with_influence_and_commitment(
    client: TestClient, world: World
) -> None:
    full = create(client, world.coordinator, name="Assessed Org", sector="health", stage="met")
    assert (
        assess(
            client,
            world.coordinator,
            full["id"],
            {"influence": 4, "commitment": 2, "champion": True},
            '"1"',
        ).status_code
        == 200
    )
    assert (
        assess(
            client, world.coordinator, world.a_partner["id"], {"influence": 5}, '"1"'
        ).status_code
        == 200
    )
    body = stakeholder_map(client, world.coordinator)
    assert set(body) == {"points", "unassessed"}
    assert len(body["points"]) == 1
    point = body["points"][0]
    assert point["partner_id"] == full["id"]
    assert (point["name"], point["sector"], point["stage"]) == ("Assessed Org", "health", "met")
    assert (point["influence"], point["commitment"], point["champion"]) == (4, 2, True)
    unassessed = {p["name"]: p for p in body["unassessed"]}
    assert set(unassessed) == {"Central Police", "Riverside Shelter"}
    assert unassessed["Riverside Shelter"]["influence"] == 5
    assert unassessed["Riverside Shelter"]["commitment"] is None


def test_the_map_takes_the_same_filters_as_the_list(client: TestClient, world: World) -> None:
    for pid in (world.a_partner["id"], world.a_other_partner["id"]):
        body = {"influence": 3, "commitment": 3}
        assert assess(client, world.coordinator, pid, body, '"1"').status_code == 200
    create(client, world.coordinator, name="Police Academy", sector="police")
    police = stakeholder_map(client, world.coordinator, {"sector": "police"})
    assert [p["name"] for p in police["points"]] == ["Central Police"]
    assert [p["name"] for p in police["unassessed"]] == ["Police Academy"]
    searched = stakeholder_map(client, world.coordinator, {"q": "shelter"})
    assert [p["name"] for p in searched["points"]] == ["Riverside Shelter"]
    assert searched["unassessed"] == []
    assert_problem(
        client.get(
            f"{PARTNERS}/stakeholder-map", params={"sector": "bakery"}, headers=world.viewer.headers
        ),
        422,
    )


def test_the_map_is_scoped_to_members_of_the_network(client: TestClient, world: World) -> None:
    body = stakeholder_map(client, world.coordinator)
    names = {p["name"] for p in body["points"] + body["unassessed"]}
    assert names == {"Central Police", "Riverside Shelter"}
    assert_problem(
        client.get(f"{PARTNERS}/stakeholder-map", headers=world.other_coordinator.headers), 404
    )
