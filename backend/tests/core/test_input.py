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
        ("influence", 3.0),
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
        url, json={"influence": 3, "champion": True, "decision_authority": "full"}, headers=headers
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


@pytest.mark.parametrize("value", [0, 1700000000, "2027-01-31T00:00:00", "2027-02-30", "31/01/2027"])
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
