"""The audit trail as a coordinator reads it: newest first, filterable, paged."""

from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient

from tests.conftest import World


def _audit(world: World) -> str:
    return f"/api/v1/networks/{world.a.slug}/audit"


def _rename(client: TestClient, world: World, name: str) -> None:
    url = f"/api/v1/networks/{world.a.slug}/partners/{world.a_partner['id']}"
    etag = client.get(url, headers=world.coordinator.headers).headers["etag"]
    response = client.patch(
        url, json={"name": name}, headers=world.coordinator.headers | {"If-Match": etag}
    )
    assert response.status_code == 200


def test_newest_first_with_who_and_what_changed(client: TestClient, world: World) -> None:
    _rename(client, world, "Riverside Women's Shelter")
    items = client.get(_audit(world), headers=world.coordinator.headers).json()["items"]
    latest = items[0]
    assert latest["action"] == "partner.update"
    assert latest["actor_name"] == "Cora Coordinator"
    assert latest["changes"] == {
        "name": {"before": "Riverside Shelter", "after": "Riverside Women's Shelter"}
    }
    times = [item["created_at"] for item in items]
    assert times == sorted(times, reverse=True)


def test_filters_narrow_the_trail(client: TestClient, world: World) -> None:
    _rename(client, world, "Renamed Shelter")
    headers = world.coordinator.headers
    by_object = client.get(
        _audit(world), params={"object_id": world.a_partner["id"]}, headers=headers
    ).json()["items"]
    assert {item["object_id"] for item in by_object} == {world.a_partner["id"]}
    by_action = client.get(
        _audit(world), params={"action": "partner.update"}, headers=headers
    ).json()["items"]
    assert [item["action"] for item in by_action] == ["partner.update"]
    by_actor = client.get(
        _audit(world), params={"actor_id": str(world.other_coordinator.id)}, headers=headers
    ).json()["items"]
    assert by_actor == []  # B's coordinator never acted in A
    future = (datetime.now(UTC) + timedelta(hours=1)).isoformat()
    assert (
        client.get(_audit(world), params={"since": future}, headers=headers).json()["items"] == []
    )
    until_past = client.get(
        _audit(world), params={"until": "2000-01-01T00:00:00Z"}, headers=headers
    ).json()
    assert until_past["items"] == []


def test_times_must_be_iso_8601(client: TestClient, world: World) -> None:
    for bad in ("1", "yesterday", "2026-11-22T10:00:00"):
        response = client.get(
            _audit(world), params={"since": bad}, headers=world.coordinator.headers
        )
        assert response.status_code == 422, bad
        assert response.json()["errors"][0]["field"] == "query.since"


def test_the_trail_pages_without_gaps(client: TestClient, world: World) -> None:
    for number in range(4):
        _rename(client, world, f"Shelter {number}")
    headers = world.coordinator.headers
    everything = client.get(_audit(world), params={"limit": 200}, headers=headers).json()["items"]
    seen, cursor = [], None
    while True:
        params: dict[str, object] = {"limit": 2}
        if cursor:
            params["cursor"] = cursor
        page = client.get(_audit(world), params=params, headers=headers).json()
        seen += [item["id"] for item in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert seen == [item["id"] for item in everything]


def test_only_coordinators_read_the_trail(client: TestClient, world: World) -> None:
    for actor in (world.viewer, world.editor):
        assert client.get(_audit(world), headers=actor.headers).status_code == 403
