"""Every new network works: a network just created through the API answers every GET of
the OpenAPI document, empty and once it has its first partner and service (no entry point
yet: what every network looks like while it starts out)."""

import re
import uuid
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import sessionmaker
from sqlmodel import Session

from accord.core.vocabulary import MembershipRole
from accord.networks.models import Network
from tests.conftest import Actor, Factory, partner_body

API = "/api/v1"
SLUG = "brand-new"
# Lists that hold nothing until someone adds to them; the others start with rows of their
# own: the members (its coordinator), the role catalogue, the audit trail, the accounts.
EMPTY_LISTS = {
    "partners-list_partners",
    "services-list_services",
    "pathways-list_pathways",
    "commitments-list_commitments",
}


def _gets(app: FastAPI) -> list[tuple[str, str, list[str]]]:
    """(operation id, path, path parameters) of every GET in the document."""
    return [
        (operations["get"]["operationId"], path, re.findall(r"{(\w+)}", path))
        for path, operations in app.openapi()["paths"].items()
        if "get" in operations
    ]


def _call_every_get(
    client: TestClient,
    app: FastAPI,
    callers: tuple[Actor, Actor],
    records: dict[str, str],
) -> dict[str, Any]:
    """Call each GET; a record id we do not have is a random one, which must answer 404.
    Returns the 2xx JSON bodies by operation id."""
    admin, coordinator = callers
    bodies: dict[str, Any] = {}
    failures = []
    for operation_id, path, parameters in _gets(app):
        values = {"network": SLUG, **records}
        made_up = [name for name in parameters if name not in values]
        values |= {name: str(uuid.uuid4()) for name in made_up}
        caller = coordinator if "network" in parameters else admin
        response = client.get(API + path.removeprefix(API).format(**values), headers=caller.headers)
        if made_up:
            problem = response.headers.get("content-type", "").startswith("application/problem")
            if response.status_code != 404 or not problem:
                failures.append(f"{operation_id} with a made-up {made_up}: {response.status_code}")
        elif not 200 <= response.status_code < 300:
            failures.append(f"{operation_id}: {response.status_code} {response.text[:200]}")
        elif response.headers["content-type"].startswith("application/json"):
            bodies[operation_id] = response.json()
    assert not failures, "\n".join(failures)
    return bodies


def test_every_get_works_in_a_new_network(
    client: TestClient, app: FastAPI, make: Factory, db: sessionmaker[Session]
) -> None:
    admin = make.user(admin=True)
    created = client.post(
        f"{API}/networks",
        json={"slug": SLUG, "name": "Brand New", "level": "local", "languages": ["en"]},
        headers=admin.headers,
    )
    assert created.status_code == 201, created.text
    coordinator = make.user()
    with db() as session:
        network = session.get(Network, uuid.UUID(created.json()["id"]))
    assert network is not None
    # Added as the platform admin would: how a coordinator joins is the members' own story.
    make.member(network, coordinator, MembershipRole.coordinator)
    callers = (admin, coordinator)

    empty = _call_every_get(client, app, callers, {})
    for operation_id in EMPTY_LISTS:
        # Lists people browse by filters also say how many match: none.
        page = {k: v for k, v in empty[operation_id].items() if k != "total"}
        assert page == {"items": [], "next_cursor": None}, operation_id
        assert empty[operation_id].get("total", 0) == 0, operation_id
    assert [m["user_id"] for m in empty["networks-list_members"]["items"]] == [str(coordinator.id)]
    assert empty["partners-stakeholder_map"]["points"] == []
    assert empty["pathways-pathway_health"]["checked_services"] == 0

    network_url = f"{API}/networks/{SLUG}"
    partner = client.post(
        f"{network_url}/partners", json=partner_body(), headers=coordinator.headers
    )
    assert partner.status_code == 201, partner.text
    service = client.post(
        f"{network_url}/services",
        json={"partner_id": partner.json()["id"], "name": "First Shelter", "type": "shelter"},
        headers=coordinator.headers,
    )
    assert service.status_code == 201, service.text

    records = {"partner_id": partner.json()["id"], "service_id": service.json()["id"]}
    starting = _call_every_get(client, app, callers, records)
    health = starting["pathways-pathway_health"]
    assert health["checked_services"] == 1
    unreachable = [f for f in health["findings"] if f["kind"] == "unreachable_service"]
    assert [f["service_ids"] for f in unreachable] == [[service.json()["id"]]]
    assert not [f for f in health["findings"] if f["kind"] == "single_point_of_failure"]
    assert [s["id"] for s in starting["services-list_services"]["items"]] == [service.json()["id"]]
    assert starting["services-list_locations"] == []
