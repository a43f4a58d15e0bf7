"""Input as a client sends it: JSON values taken for what they are, dates that are dates,
names that look like what they are, and every answer a route gives declared."""

import uuid
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.conftest import World, partner_body

PROBLEM = "application/problem+json"


def _partners(world: World) -> str:
    return f"/api/v1/networks/{world.a.slug}/partners"


def _refused(response: Any, field: str) -> dict[str, Any]:
    assert response.status_code == 422, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    body = response.json()
    assert field in [error["field"] for error in body["errors"]], body
    return body


def _assessment(client: TestClient, world: World) -> tuple[str, dict[str, str]]:
    url = f"{_partners(world)}/{world.a_partner['id']}/assessment"
    etag = client.get(url, headers=world.coordinator.headers).headers["etag"]
    return url, world.coordinator.headers | {"If-Match": etag}


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("influence", True),  # true is not 1
        ("influence", "3"),  # "3" is not 3
        ("influence", 3.5),
        ("champion", 1),  # 1 is not true
        ("champion", "yes"),
        ("champion", "true"),
    ],
)
def test_json_values_are_not_coerced(
    client: TestClient, world: World, field: str, value: Any
) -> None:
    url, headers = _assessment(client, world)
    _refused(client.patch(url, json={field: value}, headers=headers), f"body.{field}")


def test_ids_codes_and_dates_still_arrive_as_json_strings(client: TestClient, world: World) -> None:
    url, headers = _assessment(client, world)
    answer = client.patch(
        url,
        # 3.0 is an integer to JSON Schema, and so to the API.
        json={"influence": 3.0, "commitment": 2, "champion": True, "decision_authority": "full"},
        headers=headers,
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["influence"] == 3 and answer.json()["champion"] is True
    role = client.get(
        f"/api/v1/networks/{world.a.slug}/roles?limit=1", headers=world.coordinator.headers
    ).json()["items"][0]
    created = client.post(
        f"/api/v1/networks/{world.a.slug}/commitments",
        json={
            "partner_id": world.a_partner["id"],
            "role_id": role["id"],
            "status": "planned",
            "review_date": "2027-01-31",
        },
        headers=world.coordinator.headers,
    )
    assert created.status_code == 201, created.text
    assert created.json()["review_date"] == "2027-01-31"


@pytest.mark.parametrize(
    "value", [0, 1700000000, "2027-01-31T00:00:00", "2027-02-30", "31/01/2027"]
)
def test_a_date_is_a_calendar_date_and_nothing_else(
    client: TestClient, world: World, value: Any
) -> None:
    role = client.get(
        f"/api/v1/networks/{world.a.slug}/roles?limit=1", headers=world.coordinator.headers
    ).json()["items"][0]
    response = client.post(
        f"/api/v1/networks/{world.a.slug}/commitments",
        json={
            "partner_id": world.a_partner["id"],
            "role_id": role["id"],
            "status": "planned",
            "review_date": value,
        },
        headers=world.coordinator.headers,
    )
    _refused(response, "body.review_date")


@pytest.mark.parametrize("value", ["0", "1700000000", "2026-11-22T00:00:00", "2026-11-22T10:00"])
def test_as_of_takes_a_date_only(client: TestClient, world: World, value: str) -> None:
    url = f"/api/v1/networks/{world.a.slug}/coverage"
    response = client.get(url, params={"as_of": value}, headers=world.coordinator.headers)
    _refused(response, "query.as_of")
    fine = client.get(url, params={"as_of": "2026-11-22"}, headers=world.coordinator.headers)
    assert fine.status_code == 200 and fine.json()["as_of"] == "2026-11-22"


def test_a_uuid_field_refuses_what_is_not_a_uuid(client: TestClient, world: World) -> None:
    response = client.post(
        f"/api/v1/networks/{world.a.slug}/services",
        json={"partner_id": 12, "type": "shelter", "name": "Night shelter"},
        headers=world.coordinator.headers,
    )
    _refused(response, "body.partner_id")


def test_a_partner_with_a_strict_body_is_still_created(client: TestClient, world: World) -> None:
    body = partner_body(name=f"Strict {uuid.uuid4().hex[:4]}", populations=["older_women"])
    response = client.post(_partners(world), json=body, headers=world.coordinator.headers)
    assert response.status_code == 201, response.text


# --- names -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("Casa de Acogida\u200b Luna", "U+200B"),  # zero-width space
        ("Casa\u2060Luna", "U+2060"),  # word joiner
        ("\ufeffCasa Luna", "U+FEFF"),
        ("Casa \u202eanuL", "U+202E"),  # right-to-left override: displays "Casa Luna"
        ("Casa \u2067Luna\u2069", "U+2067"),  # right-to-left isolate
    ],
)
def test_names_with_invisible_characters_are_refused_saying_which(
    client: TestClient, world: World, name: str, why: str
) -> None:
    response = client.post(
        _partners(world), json=partner_body(name=name), headers=world.coordinator.headers
    )
    problem = _refused(response, "body.name")
    assert why in problem["errors"][0]["message"]


def test_a_name_of_combining_marks_only_is_refused(client: TestClient, world: World) -> None:
    response = client.post(
        _partners(world),
        json=partner_body(name="\u0301\u0308\u0327"),
        headers=world.coordinator.headers,
    )
    problem = _refused(response, "body.name")
    assert "accents" in problem["errors"][0]["message"]


def test_names_are_stored_composed(client: TestClient, world: World) -> None:
    response = client.post(
        _partners(world),
        json=partner_body(name="Cafe\u0301 Solidaire"),
        headers=world.coordinator.headers,
    )
    assert response.status_code == 201, response.text
    assert response.json()["name"] == "Caf\u00e9 Solidaire"


@pytest.mark.parametrize(
    "look_alike",
    [
        "casa de acogida luna",  # case
        "Casa de Acogida Lun\u0061",  # the same letters
        "Casa de Acogida  Luna",  # two spaces
        "\uff23asa de \uff21cogida \uff2cuna",  # fullwidth letters
    ],
)
def test_a_look_alike_partner_name_is_a_duplicate(
    client: TestClient, world: World, look_alike: str
) -> None:
    headers = world.coordinator.headers
    first = client.post(
        _partners(world), json=partner_body(name="Casa de Acogida Luna"), headers=headers
    )
    assert first.status_code == 201, first.text
    again = client.post(_partners(world), json=partner_body(name=look_alike), headers=headers)
    assert again.status_code == 409, again.text
    assert again.json()["errors"][0]["field"] == "body.name"


def test_decomposed_accents_make_a_duplicate_on_create_and_rename(
    client: TestClient, world: World
) -> None:
    headers = world.coordinator.headers
    assert (
        client.post(
            _partners(world), json=partner_body(name="\u00c9lan Vital"), headers=headers
        ).status_code
        == 201
    )
    decomposed = "E\u0301LAN VITAL"
    assert (
        client.post(
            _partners(world), json=partner_body(name=decomposed), headers=headers
        ).status_code
        == 409
    )
    url = f"{_partners(world)}/{world.a_partner['id']}"
    etag = client.get(url, headers=headers).headers["etag"]
    renamed = client.patch(url, json={"name": decomposed}, headers=headers | {"If-Match": etag})
    assert renamed.status_code == 409, renamed.text
    # Renaming a partner to another spelling of its own name is fine.
    own = client.patch(
        url, json={"name": "RIVERSIDE SHELTER"}, headers=headers | {"If-Match": etag}
    )
    assert own.status_code == 200, own.text


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        ("roles", {"sector": "health", "title": {"en": "Night \u202eclinic"}}, "body.title.en"),
        ("services", {"type": "shelter", "name": "Night\u200bShelter"}, "body.name"),
    ],
)
def test_every_name_and_title_follows_the_same_rules(
    client: TestClient, world: World, path: str, body: dict[str, Any], field: str
) -> None:
    if path == "services":
        body = {**body, "partner_id": world.a_partner["id"]}
    response = client.post(
        f"/api/v1/networks/{world.a.slug}/{path}", json=body, headers=world.coordinator.headers
    )
    _refused(response, field)


def test_a_network_name_follows_the_name_rules(client: TestClient, world: World) -> None:
    response = client.post(
        "/api/v1/networks",
        json={"slug": "look-alike", "name": "Network\u200b A", "level": "local"},
        headers=world.admin.headers,
    )
    _refused(response, "body.name")


# --- every answer a route gives is declared --------------------------------------------


def _operations(client: TestClient) -> list[tuple[str, str, dict[str, Any]]]:
    document = client.get("/openapi.json").json()
    return [
        (method.upper(), path, operation)
        for path, operations in document["paths"].items()
        for method, operation in operations.items()
    ]


def _header_parameters(operation: dict[str, Any]) -> set[str]:
    return {p["name"].lower() for p in operation.get("parameters", []) if p["in"] == "header"}


def test_every_answer_a_kind_of_route_gives_is_declared(client: TestClient) -> None:
    """What the shared machinery answers, by what an operation takes: a network in the path
    (404 for one you may not see), a body (400 not JSON, 413 too large, 422), a token (401),
    an Idempotency-Key (409 reused), If-Match (412 stale, 428 missing)."""
    missing = []
    for method, path, operation in _operations(client):
        declared = {int(code) for code in operation["responses"] if code.isdigit()}
        expected = {422}
        if "{network}" in path:
            expected.add(404)
        if "requestBody" in operation:
            expected |= {400, 413}
        if operation.get("security"):
            expected.add(401)
        headers = _header_parameters(operation)
        if "idempotency-key" in headers:
            expected.add(409)
        if "if-match" in headers:
            expected |= {412, 428}
        if expected - declared:
            missing.append(f"{method} {path}: {sorted(expected - declared)}")
    assert not missing, "\n".join(missing)


def test_an_unknown_parent_network_is_a_declared_404(client: TestClient, world: World) -> None:
    response = client.post(
        "/api/v1/networks",
        json={"slug": "orphan", "name": "Orphan", "level": "local", "parent": "no-such-network"},
        headers=world.admin.headers,
    )
    assert response.status_code == 404, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    operation = client.get("/openapi.json").json()["paths"]["/api/v1/networks"]["post"]
    assert "404" in operation["responses"]


@pytest.mark.parametrize(
    "path", ["/api/v1/auth/token", "/api/v1/auth/refresh", "/api/v1/auth/logout"]
)
@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE"])
def test_a_post_only_route_answers_other_methods_with_405_and_allow(
    client: TestClient, method: str, path: str
) -> None:
    response = client.request(method, path)
    assert response.status_code == 405, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    assert response.headers["allow"] == "POST"


@pytest.mark.parametrize("method", ["GET", "POST", "DELETE"])
def test_an_unknown_api_path_is_a_problem_404_whatever_the_method(
    client: TestClient, method: str
) -> None:
    response = client.request(method, "/api/v1/no-such-thing/here")
    assert response.status_code == 404, response.text
    assert response.headers["content-type"].startswith(PROBLEM)


# --- no survivor data in free text -----------------------------------------------------

SURVIVOR = {
    "email": "Maria Lopez wrote from maria.lopez@example.org",
    "phone": "Call Maria on 0612 345 678",
    "date": "Maria Lopez, born 12/03/1990, lives at 14 Calle Mayor",
    "iso date": "Date of birth 1990-03-12",
    "written date": "Maria, born 12 March 1990",
    "french date": "née le 12 mars 1990",
    "spanish date": "nacida el 12 de marzo de 1990",
}


@pytest.mark.parametrize("text", SURVIVOR.values(), ids=SURVIVOR.keys())
def test_a_stage_note_refuses_survivor_data(client: TestClient, world: World, text: str) -> None:
    url = f"{_partners(world)}/{world.a_partner['id']}/stage"
    response = client.post(
        url, json={"stage": "active", "note": text}, headers=world.coordinator.headers
    )
    _refused(response, "body.note")
    history = client.get(
        f"{_partners(world)}/{world.a_partner['id']}/stage-history",
        headers=world.coordinator.headers,
    ).json()["items"]
    assert all(text != change["note"] for change in history)


@pytest.mark.parametrize("text", SURVIVOR.values(), ids=SURVIVOR.keys())
def test_assessment_risks_refuse_survivor_data(client: TestClient, world: World, text: str) -> None:
    url, headers = _assessment(client, world)
    _refused(client.patch(url, json={"risks": text}, headers=headers), "body.risks")


def test_the_refusal_says_why_in_the_language_asked(client: TestClient, world: World) -> None:
    url, headers = _assessment(client, world)
    body = {"risks": "Born 12/03/1990"}
    english = _refused(client.patch(url, json=body, headers=headers), "body.risks")
    assert "date of birth" in english["errors"][0]["message"]
    french = client.patch(url, json=body, headers=headers | {"Accept-Language": "fr-FR,fr;q=0.9"})
    assert "date de naissance" in _refused(french, "body.risks")["errors"][0]["message"]
    assert french.headers["content-language"] == "fr"
    spanish = client.patch(
        url, json={"risks": "maria@example.org"}, headers=headers | {"Accept-Language": "es"}
    )
    assert "correo electrónico" in _refused(spanish, "body.risks")["errors"][0]["message"]


@pytest.mark.parametrize(
    ("path", "field", "body"),
    [
        ("partners", "description", partner_body(description="Contact 0612 345 678 at night")),
        (
            "roles",
            "description.en",
            {"sector": "health", "title": {"en": "Night clinic"}, "description": {"en": "a@b.org"}},
        ),
    ],
)
def test_every_free_text_field_refuses_it(
    client: TestClient, world: World, path: str, field: str, body: dict[str, Any]
) -> None:
    response = client.post(
        f"/api/v1/networks/{world.a.slug}/{path}", json=body, headers=world.coordinator.headers
    )
    _refused(response, f"body.{field}")


def test_ordinary_notes_and_staff_contacts_pass(client: TestClient, world: World) -> None:
    headers = world.coordinator.headers
    url = f"{_partners(world)}/{world.a_partner['id']}"
    note = "Signed the 2025-2026 MoU in March 2026; 40 beds, 3 staff, see https://x.org/2026-03-12"
    moved = client.post(f"{url}/stage", json={"stage": "active", "note": note}, headers=headers)
    assert moved.status_code == 200, moved.text
    contact = client.post(
        f"{url}/contacts",
        json={"name": "Ana Ruiz", "email": "ana@shelter.example.org", "phone": "+34 612 345 678"},
        headers=headers,
    )
    assert contact.status_code == 201, contact.text
