"""A route graph kept from before a change and patched with the changed rows is the graph
built afresh: the same services, pathways and routes, whatever the change was; and where
the change cannot be told (an area, a history no longer kept), it is built again."""

import uuid
from collections.abc import Callable
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from httpx import Response
from sqlalchemy import select

from accord.core.database import transaction
from accord.core.kept import Part
from accord.networks import revision
from accord.pathways import graph as route_graph
from accord.pathways.graph import RouteGraph
from accord.services.models import Service
from tests.conftest import World


def _as_data(found: RouteGraph) -> dict[str, Any]:
    return {
        "services": found.services,
        "pathways": sorted(found.pathways),
        "nodes": set(found.graph.nodes),
        "edges": {(u, v, edge) for u, v, edge in found.graph.edges(data="edge")},
        "for_need": {
            need: {(u, v, e.id) for u, v, e in found.for_need(need).edges(data="edge")}
            for need in route_graph.Need
        },
    }


class Network:
    def __init__(self, app: FastAPI, client: TestClient, world: World) -> None:
        self.app, self.client, self.world = app, client, world
        self.base = f"/api/v1/networks/{world.a.slug}"
        self.headers = world.coordinator.headers

    def call(self, method: str, path: str, body: Any = None) -> Response:
        headers = dict(self.headers)
        if method in ("PATCH", "DELETE"):
            headers["If-Match"] = self.client.get(self.base + path, headers=self.headers).headers[
                "etag"
            ]
        response = self.client.request(method, self.base + path, json=body, headers=headers)
        assert response.status_code < 300, response.text
        return response

    def service(self, partner_id: str, type_: str, name: str, **fields: Any) -> str:
        body = {"partner_id": partner_id, "type": type_, "name": name, **fields}
        return str(self.call("POST", "/services", body).json()["id"])

    def pathway(self, source: str, target: str, needs: list[str]) -> str:
        body = {
            "from_service_id": source,
            "to_service_id": target,
            "needs": needs,
            "channel": "phone",
            "status": "active",
        }
        return str(self.call("POST", "/pathways", body).json()["id"])

    def now(self) -> tuple[RouteGraph, int]:
        """The graph built afresh, and the routes revision it is at."""
        with self.app.state.sessions.read() as session:
            at = session.scalar(select(revision.revision_of(self.world.a.id, Part.routes)))
            return route_graph._build_graph(session, self.world.a.id), int(at or 0)

    def patched(self, old: RouteGraph, since: int) -> tuple[RouteGraph | None, int]:
        with self.app.state.sessions.read() as session:
            at = int(
                session.scalar(select(revision.revision_of(self.world.a.id, Part.routes))) or 0
            )
            return route_graph._patched(session, self.world.a.id, old, since, at), at

    def assert_patched_as_built(self, change: Callable[[], object]) -> RouteGraph:
        old, since = self.now()
        old.for_need(route_graph.Need.emergency_shelter)  # the old graph's own views, made
        change()
        patched, at = self.patched(old, since)
        assert at > since, "the change did not move the routes part"
        assert patched is not None, "a change to named rows is patched, not rebuilt"
        fresh, _ = self.now()
        assert _as_data(patched) == _as_data(fresh)
        assert _as_data(old) != _as_data(fresh) or change.__name__ == "no_visible_change"
        return patched


@pytest.fixture
def network(app: FastAPI, client: TestClient, world: World) -> Network:
    return Network(app, client, world)


def test_each_kind_of_change_patches_the_graph_into_the_one_built_afresh(
    network: Network, world: World
) -> None:
    shelter_partner, police = world.a_partner["id"], world.a_other_partner["id"]
    desk = network.service(police, "police_response", "Front desk", entry_point=True)
    refuge = network.service(shelter_partner, "shelter", "Refuge", languages=["es"])
    line = network.service(shelter_partner, "hotline", "Line")
    to_refuge = network.pathway(desk, refuge, ["emergency_shelter"])
    network.pathway(line, refuge, ["emergency_shelter", "safety_planning"])
    counselling: dict[str, str] = {}

    def add_a_service() -> None:
        counselling["id"] = network.service(shelter_partner, "psychosocial_support", "Counselling")

    def add_a_pathway() -> None:
        counselling["pathway"] = network.pathway(
            refuge, counselling["id"], ["psychosocial_support"]
        )

    def delete_refuge_by_script() -> None:
        with transaction(network.app.state.session_factory) as session:
            session.delete(session.get(Service, uuid.UUID(refuge)))

    changes: list[Callable[[], object]] = [
        add_a_service,
        add_a_pathway,
        lambda: network.call(
            "PATCH", f"/pathways/{to_refuge}", {"needs": ["emergency_shelter", "housing"]}
        ),
        lambda: network.call("PATCH", f"/pathways/{to_refuge}", {"status": "suspended"}),
        lambda: network.call("PATCH", f"/pathways/{to_refuge}", {"status": "active"}),
        # Labels (their own table) and the service's own columns.
        lambda: network.call("PATCH", f"/services/{refuge}", {"languages": ["es", "fr"]}),
        lambda: network.call("PATCH", f"/services/{refuge}", {"areas": ["north"]}),
        lambda: network.call("PATCH", f"/services/{line}", {"entry_point": True}),
        # A closed service leaves the routes with every pathway of it, and comes back.
        lambda: network.call("PATCH", f"/services/{refuge}", {"status": "temporarily_closed"}),
        lambda: network.call("PATCH", f"/services/{refuge}", {"status": "active"}),
        # A partner's name and sector show on each of its services.
        lambda: network.call("PATCH", f"/partners/{shelter_partner}", {"name": "Riverside"}),
        lambda: network.call("PATCH", f"/partners/{police}", {"sector": "justice"}),
        lambda: network.call("DELETE", f"/pathways/{counselling['pathway']}"),
        # Deleting a service takes its pathways with it (the database's cascade): the API
        # refuses while it has any, a script may not.
        delete_refuge_by_script,
        # Deleting a partner takes its services and their pathways.
        lambda: network.call("DELETE", f"/partners/{shelter_partner}"),
    ]
    for change in changes:
        network.assert_patched_as_built(change)
    final, _ = network.now()
    assert set(final.services) == {uuid.UUID(desk)}
    assert final.pathways == []


def test_a_patch_is_built_on_over_several_changes(network: Network, world: World) -> None:
    """A graph kept several revisions back takes all of them in one patch."""
    partner = world.a_partner["id"]
    hotline = network.service(partner, "hotline", "Line", entry_point=True)
    old, since = network.now()
    refuge = network.service(partner, "shelter", "Refuge")
    network.pathway(hotline, refuge, ["emergency_shelter"])
    network.call("PATCH", f"/services/{hotline}", {"open_24_7": True})
    patched, at = network.patched(old, since)
    assert at == since + 3
    assert patched is not None
    assert _as_data(patched) == _as_data(network.now()[0])


def test_what_a_change_cannot_name_builds_the_graph_again(
    network: Network, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    partner = world.a_partner["id"]
    network.service(partner, "hotline", "Line", areas=["north"])
    # An area moves what every service reaches: the change names no service.
    old, since = network.now()
    network.call("POST", "/areas", {"code": "north", "names": {"en": "North"}})
    assert network.patched(old, since)[0] is None

    # A history no longer kept (more revisions since than are kept) cannot be patched over.
    monkeypatch.setattr(revision, "CHANGES_KEPT", 2)
    old, since = network.now()
    for name in ("One", "Two", "Three"):
        network.service(partner, "legal_aid", name)
    assert network.patched(old, since)[0] is None
    # The latest changes still are.
    old, since = network.now()
    network.service(partner, "legal_aid", "Four")
    assert network.patched(old, since)[0] is not None


def test_single_points_of_failure_carry_over_only_for_needs_the_change_left_alone(
    app: FastAPI, network: Network, world: World
) -> None:
    partner, police = world.a_partner["id"], world.a_other_partner["id"]
    desk = network.service(police, "police_response", "Desk", entry_point=True)
    middle = network.service(police, "advocacy", "Middle")
    refuge = network.service(partner, "shelter", "Refuge")
    network.pathway(desk, middle, ["emergency_shelter"])
    network.pathway(middle, refuge, ["emergency_shelter"])
    health = f"{network.base}/pathways/health"

    def single_points() -> list[Any]:
        answer = network.client.get(health, headers=network.headers).json()
        return [f for f in answer["findings"] if f["kind"] == "single_point_of_failure"]

    # The only refuge, and the one way to it.
    assert [f["service_ids"] for f in single_points()] == [[refuge], [middle]]

    def kept_and_fresh() -> list[Any]:
        kept = single_points()
        app.state.kept.clear()
        assert kept == single_points()
        return [f["service_ids"] for f in kept]

    # A new start moves every need's answer, also those the service does not meet itself.
    network.call("PATCH", f"/services/{middle}", {"entry_point": True})
    assert kept_and_fresh() == [[refuge]]
    network.call("PATCH", f"/services/{middle}", {"entry_point": False})
    assert kept_and_fresh() == [[refuge], [middle]]
    # A second way round, for the same need: the kept answer for it must not carry over.
    network.pathway(desk, refuge, ["emergency_shelter"])
    assert kept_and_fresh() == [[refuge]]


def test_a_patched_graph_ranks_services_of_the_same_name_as_a_fresh_one(
    network: Network, world: World
) -> None:
    """A service closed and opened again comes back at the end of a patched graph's
    services; two refuges of one name and one distance must still be listed as after a
    fresh build (by id), or the same question would get two answers."""
    shelter_partner, police = world.a_partner["id"], world.a_other_partner["id"]
    desk = network.service(police, "police_response", "Front desk", entry_point=True)
    refuges = [network.service(shelter_partner, "shelter", "Refuge") for _ in range(3)]
    for refuge in refuges:
        network.pathway(desk, refuge, ["emergency_shelter"])
    question = {"entry": {"kind": "service", "id": desk}, "needs": ["emergency_shelter"]}

    def targets() -> list[str]:
        response = network.client.post(
            network.base + "/pathways/routes", json=question, headers=network.headers
        )
        assert response.status_code == 200, response.text
        return [r["target"]["service"]["id"] for r in response.json()["needs"][0]["routes"]]

    targets()  # the graph kept, to be patched
    first = min(refuges, key=uuid.UUID)
    network.call("PATCH", f"/services/{first}", {"status": "temporarily_closed"})
    targets()
    network.call("PATCH", f"/services/{first}", {"status": "active"})
    patched = targets()
    network.app.state.kept.clear()
    assert patched == targets() == sorted(refuges, key=uuid.UUID)
