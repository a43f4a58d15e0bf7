"""The directory's pages and records are kept per process until the network's revision
moves: every committed write in the network shows at once, nothing else rebuilds them,
and an unchanged page answers If-None-Match with 304."""

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import sessionmaker
from sqlmodel import Session

from accord.networks.models import Network
from accord.networks.revision import revision_of
from tests.conftest import World, partner_body
from tests.partners.test_routes import names, url


def revision(db: sessionmaker[Session], slug: str) -> int:
    with db() as session:
        network_id = session.scalar(select(Network.id).where(Network.slug == slug))
        return int(session.scalar(select(revision_of(network_id))) or 0)


def test_a_committed_write_moves_its_network_revision_and_nothing_else_does(
    client: TestClient, world: World, db: sessionmaker[Session]
) -> None:
    coordinator = world.coordinator.headers
    before_a, before_b = revision(db, "network-a"), revision(db, "network-b")
    assert client.get(url(), headers=coordinator).status_code == 200
    # A read, a refused write and a write that fails validation leave it where it was.
    assert client.post(url(), json=partner_body(), headers=world.viewer.headers).status_code == 403
    assert client.post(url(), json={"name": ""}, headers=coordinator).status_code == 422
    duplicate = partner_body(name="Riverside Shelter")
    assert client.post(url(), json=duplicate, headers=coordinator).status_code == 409
    assert revision(db, "network-a") == before_a
    assert client.post(url(), json=partner_body(), headers=coordinator).status_code == 201
    assert revision(db, "network-a") == before_a + 1
    assert revision(db, "network-b") == before_b


def test_the_list_shows_every_change_at_once(client: TestClient, world: World) -> None:
    coordinator = world.coordinator.headers
    assert names(client.get(url(), headers=coordinator)) == ["Central Police", "Riverside Shelter"]
    added = client.post(url(), json=partner_body(name="Bayside Refuge"), headers=coordinator)
    assert added.status_code == 201
    assert names(client.get(url(), headers=coordinator)) == [
        "Bayside Refuge",
        "Central Police",
        "Riverside Shelter",
    ]
    partner_id = world.a_other_partner["id"]
    renamed = client.patch(
        url(partner_id),
        json={"name": "Police Service"},
        headers={**coordinator, "If-Match": '"1"'},
    )
    assert renamed.status_code == 200, renamed.text
    assert names(client.get(url(), headers=coordinator)) == [
        "Bayside Refuge",
        "Police Service",
        "Riverside Shelter",
    ]
    # The record too, including what the partner's own editor changes.
    shelter = world.a_partner["id"]
    assert client.get(url(shelter), headers=coordinator).json()["acronym"] is None
    edited = client.patch(
        url(shelter), json={"acronym": "RS"}, headers={**world.editor.headers, "If-Match": '"1"'}
    )
    assert edited.status_code == 200, edited.text
    record = client.get(url(shelter), headers=world.viewer.headers)
    assert record.json()["acronym"] == "RS"
    assert record.headers["ETag"] == '"2"'
    assert (
        client.delete(url(shelter), headers={**coordinator, "If-Match": '"2"'}).status_code == 204
    )
    assert client.get(url(shelter), headers=coordinator).status_code == 404
    assert "Riverside Shelter" not in names(client.get(url(), headers=coordinator))


def test_an_unchanged_page_answers_304_and_a_changed_one_the_new_page(
    client: TestClient, world: World
) -> None:
    coordinator = world.coordinator.headers
    first = client.get(url(), params={"sector": "police"}, headers=coordinator)
    etag = first.headers["ETag"]
    assert first.headers["Cache-Control"] == "private, no-cache"
    # Asked again, the same page, with the same ETag; a viewer's page is another one (it
    # leaves out the assessments), with its own ETag.
    again = client.get(url(), params={"sector": "police"}, headers=coordinator)
    assert again.headers["ETag"] == etag and again.content == first.content
    viewers = client.get(url(), params={"sector": "police"}, headers=world.viewer.headers)
    assert viewers.headers["ETag"] != etag
    unchanged = client.get(
        url(), params={"sector": "police"}, headers={**coordinator, "If-None-Match": etag}
    )
    assert unchanged.status_code == 304 and unchanged.content == b""
    assert unchanged.headers["ETag"] == etag
    # Another filter is another page.
    other = client.get(url(), params={"sector": "health"}, headers=coordinator)
    assert other.headers["ETag"] != etag and other.json()["items"] == []

    client.post(
        url(), json=partner_body(name="Harbour Police", sector="police"), headers=coordinator
    )
    changed = client.get(
        url(), params={"sector": "police"}, headers={**coordinator, "If-None-Match": etag}
    )
    assert changed.status_code == 200
    assert changed.headers["ETag"] != etag
    assert [item["name"] for item in changed.json()["items"]] == [
        "Central Police",
        "Harbour Police",
    ]


def test_kept_pages_never_cross_networks(client: TestClient, world: World) -> None:
    # Same filters, same revision number, another network: its own page, and 404 for
    # a partner of the other network even once that partner's record is kept.
    a_page: dict[str, Any] = client.get(url(), headers=world.coordinator.headers).json()
    b_page = client.get(url(slug="network-b"), headers=world.other_coordinator.headers).json()
    assert {i["name"] for i in a_page["items"]} == {"Central Police", "Riverside Shelter"}
    assert [i["name"] for i in b_page["items"]] == ["Hillside Clinic"]
    b_id = world.b_partner["id"]
    assert (
        client.get(url(b_id, "network-b"), headers=world.other_coordinator.headers).status_code
        == 200
    )
    assert client.get(url(b_id), headers=world.coordinator.headers).status_code == 404
    assert client.get(url(slug="network-b"), headers=world.coordinator.headers).status_code == 404
