"""Capacity that cannot mislead a referral: contradictory posts are refused with the
reason, and the beds-tonight board puts who can take someone now first."""

from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import update

from accord.core.database import transaction
from accord.networks.revision import mark_written
from accord.services.models import CapacityPost
from tests.conftest import World


def _services(world: World) -> str:
    return f"/api/v1/networks/{world.a.slug}/services"


def _service(client: TestClient, world: World, name: str, **fields: Any) -> dict[str, Any]:
    body = {"partner_id": world.a_partner["id"], "type": "shelter", "name": name, **fields}
    response = client.post(_services(world), json=body, headers=world.coordinator.headers)
    assert response.status_code == 201, response.text
    return dict(response.json())


def _post(client: TestClient, world: World, service: dict[str, Any], **body: Any) -> Any:
    return client.post(
        f"{_services(world)}/{service['id']}/capacity",
        json=body,
        headers=world.editor.headers,
        params={"lang": body.pop("lang", "en")} if "lang" in body else None,
    )


def test_contradictory_capacity_is_refused_with_the_reason_on_the_field(
    client: TestClient, world: World
) -> None:
    refuge = _service(client, world, "Casa Luna refuge")
    refused = _post(client, world, refuge, status="accepting", beds_free=0)
    assert refused.status_code == 422
    assert refused.headers["content-type"].startswith("application/problem+json")
    [error] = refused.json()["errors"]
    assert error["field"] == "body.beds_free"
    assert "0 beds free" in error["message"]
    french = _post(client, world, refuge, status="accepting", beds_free=0, lang="fr")
    assert "0 lit libre" in french.json()["errors"][0]["message"]
    full = _post(client, world, refuge, status="full", beds_free=2, lang="es")
    assert full.status_code == 422 and "«Completo»" in full.json()["errors"][0]["message"]
    over = _post(client, world, refuge, status="accepting", beds_free=13, beds_total=12)
    assert over.status_code == 422
    assert "13 beds free is more than the 12 beds" in over.json()["errors"][0]["message"]
    # Nothing was posted by the refusals.
    now = client.get(f"{_services(world)}/{refuge['id']}/capacity", headers=world.viewer.headers)
    assert now.json()["status"] == "unknown"

    # The total holds for the next posts: more free than it is refused without repeating it.
    assert (
        _post(client, world, refuge, status="accepting", beds_free=3, beds_total=12).status_code
        == 201
    )
    again = _post(client, world, refuge, status="accepting", beds_free=20)
    assert again.status_code == 422 and "the 12 beds" in again.json()["errors"][0]["message"]
    fine = _post(client, world, refuge, status="full", beds_free=0)
    assert fine.status_code == 201 and fine.json()["beds_total"] == 12
    # Accepting without a count is fine (a crisis centre taking people in).
    assert _post(client, world, refuge, status="accepting").status_code == 201


def _board(client: TestClient, world: World, **params: Any) -> Any:
    response = client.get(
        f"/api/v1/networks/{world.a.slug}/capacity-board",
        params=params,
        headers=world.viewer.headers,
    )
    assert response.status_code == 200, response.text
    return response.json()


def test_the_board_lists_who_can_take_someone_now_first(
    app: FastAPI, client: TestClient, world: World
) -> None:
    full = _service(client, world, "A full refuge", front_door_phone="+1 555 0101")
    _service(client, world, "B never posted", type="crisis_centre")
    stale = _service(client, world, "C stale refuge", front_door_phone="+1 555 0103")
    room = _service(client, world, "D refuge with room", front_door_phone="+1 555 0104")
    waiting = _service(client, world, "E waitlist refuge", front_door_email="e@example.org")
    _service(client, world, "Helpline", type="hotline")  # not on the board
    closed = _service(client, world, "F closed refuge")
    assert _post(client, world, stale, status="accepting", beds_free=5).status_code == 201
    with transaction(app.state.session_factory) as session:
        mark_written(session, None)
        session.execute(
            update(CapacityPost).values(posted_at=datetime.now(UTC) - timedelta(hours=48))
        )
    for service, body in (
        (full, {"status": "full"}),
        (room, {"status": "accepting", "beds_free": 2, "beds_total": 10}),
        (waiting, {"status": "waitlist"}),
        (closed, {"status": "accepting", "beds_free": 4}),
    ):
        assert _post(client, world, service, **body).status_code == 201
    etag = client.get(f"{_services(world)}/{closed['id']}", headers=world.coordinator.headers)
    client.patch(
        f"{_services(world)}/{closed['id']}",
        json={"status": "temporarily_closed"},
        headers=world.coordinator.headers | {"If-Match": etag.headers["etag"]},
    )

    items = _board(client, world)["items"]
    # Room first; then unknown (the stale post, fresher than never, before the never posted);
    # then the waitlist; full last. A closed refuge and a helpline are not on it.
    assert [i["name"] for i in items] == [
        "D refuge with room",
        "C stale refuge",
        "B never posted",
        "E waitlist refuge",
        "A full refuge",
    ]
    assert [i["room"] for i in items] == ["beds_free", "unknown", "unknown", "waitlist", "full"]
    top = items[0]
    assert (top["capacity"]["beds_free"], top["capacity"]["beds_total"]) == (2, 10)
    assert top["front_door_phone"] == "+1 555 0104" and top["capacity"]["age_minutes"] == 0
    assert (
        items[1]["capacity"]["beds_free"] is None and items[1]["capacity"]["age_minutes"] >= 48 * 60
    )
    assert items[2]["no_contact"] is True and items[3]["no_contact"] is False

    # Paged in the same order, and by type.
    first = _board(client, world, limit=2)
    second = _board(client, world, limit=10, cursor=first["next_cursor"])
    assert [i["name"] for i in first["items"] + second["items"]] == [i["name"] for i in items]
    assert [i["name"] for i in _board(client, world, type="crisis_centre")["items"]] == [
        "B never posted"
    ]


def test_the_board_never_shows_a_confidential_address(client: TestClient, world: World) -> None:
    refuge = _service(client, world, "Hidden refuge", front_door_phone="+1 555 0100")
    client.post(
        f"{_services(world)}/{refuge['id']}/locations",
        json={"name": "Refuge", "address": "12 Hidden Lane", "confidential": True},
        headers=world.coordinator.headers,
    )
    board = _board(client, world)
    assert "12 Hidden Lane" not in str(board)
    assert board["items"][0]["front_door_phone"] == "+1 555 0100"


def test_the_board_filtered_by_a_region_lists_its_districts_shelters(
    client: TestClient, world: World
) -> None:
    """As every area filter: a region in the gazetteer also finds its districts."""
    areas = f"/api/v1/networks/{world.a.slug}/areas"
    region = client.post(
        areas, json={"code": "county", "names": {"en": "County"}}, headers=world.coordinator.headers
    ).json()
    client.post(
        areas,
        json={"code": "harbour", "names": {"en": "Harbour"}, "parent_id": region["id"]},
        headers=world.coordinator.headers,
    )
    _service(client, world, "Harbour refuge", areas=["harbour"])
    _service(client, world, "Hill refuge", areas=["hills"])
    names = [e["name"] for e in _board(client, world, area="county")["items"]]
    assert names == ["Harbour refuge"]
