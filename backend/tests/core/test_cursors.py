"""Cursors are tamper-evident and bound to their list and its filters: every list of the
OpenAPI document answers 400 problem+json on `query.cursor` to any cursor it did not issue
for the same list, scope and filters (never 500, never somebody else's rows), and pages
through its rows with the cursors it did issue, without duplicates or gaps."""

import base64
import os
import uuid
from dataclasses import dataclass
from typing import Any

import orjson
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.conftest import Actor, World, partner_body

API = "/api/v1"
# Who may read each list (the rest are read by the network's coordinator).
PLATFORM_LISTS = {"users-list_users", "networks-list_networks"}
# Lists with no filter of their own: "same list, other filters" does not apply to them.
UNFILTERED = {
    "networks-list_networks",
    "partners-stage_history",
    "partners-list_contacts",
}
# Lists of one record's rows: a cursor of another record's list must not serve here.
OF_A_RECORD = {"partners-stage_history", "partners-list_contacts"}


@dataclass
class ListOperation:
    operation_id: str
    path: str  # with the path parameters filled in
    parameters: list[dict[str, Any]]  # the query parameters the document declares
    statuses: set[str]  # the statuses the document declares
    caller: Actor


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _list_operations(app: FastAPI, world: World) -> list[ListOperation]:
    """Every GET of the document that takes a cursor, with its path filled in."""
    values = {"network": world.a.slug, "partner_id": world.a_partner["id"]}
    found = []
    for path, operations in app.openapi()["paths"].items():
        get = operations.get("get")
        if not get:
            continue
        query = [p for p in get.get("parameters", []) if p["in"] == "query"]
        if not any(p["name"] == "cursor" for p in query):
            continue
        caller = world.admin if get["operationId"] in PLATFORM_LISTS else world.coordinator
        found.append(
            ListOperation(
                get["operationId"], path.format(**values), query, set(get["responses"]), caller
            )
        )
    return found


def _page(client: TestClient, op: ListOperation, **params: Any) -> Any:
    return client.get(op.path, params=params, headers=op.caller.headers)


def _other_filter(op: ListOperation, document: dict[str, Any]) -> dict[str, Any]:
    """One filter of the list set to a valid value other than its default."""

    def resolved(schema: dict[str, Any]) -> dict[str, Any]:
        if "$ref" in schema:
            return resolved(document["components"]["schemas"][schema["$ref"].split("/")[-1]])
        return schema

    for parameter in op.parameters:
        if parameter["name"] in ("cursor", "limit", "lang"):
            continue
        schema = parameter["schema"]
        for option in map(resolved, schema.get("anyOf", [schema])):
            if option.get("type") == "null":
                continue
            enum = option.get("enum") or resolved(option.get("items", {})).get("enum")
            if enum:
                return {parameter["name"]: next(v for v in enum if v != schema.get("default"))}
            if option.get("type") == "boolean":
                return {parameter["name"]: not schema.get("default", False)}
            if option.get("format") == "uuid":
                return {parameter["name"]: str(uuid.uuid4())}
            if option.get("format") == "date-time":
                return {parameter["name"]: "2020-01-01T00:00:00Z"}
            if option.get("type") == "string":
                return {parameter["name"]: "zz"}
    raise AssertionError(f"{op.operation_id} has no filter to change")


@pytest.fixture
def rows(client: TestClient, world: World) -> World:
    """At least two rows in every list of network A, so each issues a next cursor."""
    headers = world.coordinator.headers
    network = f"{API}/networks/{world.a.slug}"

    def post(path: str, body: dict[str, Any]) -> dict[str, Any]:
        response = client.post(f"{network}/{path}", json=body, headers=headers)
        assert response.status_code in (200, 201), response.text
        return dict(response.json())

    for partner in (world.a_partner, world.a_other_partner):
        for stage in ("approached", "met"):
            post(f"partners/{partner['id']}/stage", {"stage": stage})
        for name in ("Amina Staff", "Bea Staff"):
            post(f"partners/{partner['id']}/contacts", {"name": name})
    services = [
        post("services", {"partner_id": world.a_partner["id"], "name": name, "type": "shelter"})
        for name in ("Shelter One", "Shelter Two")
    ]
    for source, target in ((0, 1), (1, 0)):
        body = {
            "from_service_id": services[source]["id"],
            "to_service_id": services[target]["id"],
            "needs": ["emergency_shelter"],
            "channel": "phone",
            "status": "active",
        }
        pathway = post("pathways", body)
    for urgency in ("routine", "same_day"):
        referral = {"pathway_id": pathway["id"], "needs": ["emergency_shelter"], "urgency": urgency}
        sent = client.post(
            f"{network}/referrals",
            json=referral | {"consent_given": True},
            headers=world.editor.headers,
        )
        assert sent.status_code == 201, sent.text
    region = post("areas", {"code": "riverside", "names": {"en": "Riverside"}})
    post("areas", {"code": "old-town", "names": {"en": "Old Town"}, "parent_id": region["id"]})
    for email in ("first@invited.example", "second@invited.example"):
        post("invitations", {"email": email, "role": "viewer"})
    roles = client.get(f"{network}/roles", params={"limit": 2}, headers=headers).json()["items"]
    for role in roles:
        post(
            "commitments",
            {"partner_id": world.a_partner["id"], "role_id": role["id"], "status": "planned"},
        )
    return world


def _assert_refused(response: Any, why: str) -> None:
    assert response.status_code == 400, f"{why}: {response.status_code} {response.text}"
    assert response.headers["content-type"].startswith("application/problem+json"), why
    problem = response.json()
    assert problem["status"] == 400, why
    assert [e["field"] for e in problem["errors"]] == ["query.cursor"], why


# Values no sort column can take: each answered 500 on some list before cursors were signed.
UNBINDABLE = {
    "a dict": {"a": 1},
    "a list": [1, 2],
    "a naive datetime": "2026-01-01T00:00:00",
    "an integer beyond 64 bits": 2**70,
}


def _json(value: Any) -> str:
    # orjson refuses integers beyond 64 bits; a client's JSON need not.
    return str(value) if isinstance(value, int) else orjson.dumps(value).decode()


def _with_values(genuine: str, values: list[str]) -> str:
    """`genuine` with its sort values replaced by `values` (JSON texts), its layout kept:
    a tag then the values, or the unsigned {"s": sort, "v": values} of earlier cursors."""
    raw = _unb64(genuine)
    listed = ("[" + ",".join(values) + "]").encode()
    try:
        earlier = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return _b64(raw[:16] + listed)
    return _b64(b'{"s":' + orjson.dumps(earlier["s"]) + b',"v":' + listed + b"}")


def _sort_values(genuine: str) -> list[Any]:
    raw = _unb64(genuine)
    try:
        return list(orjson.loads(raw)["v"])
    except orjson.JSONDecodeError:
        return list(orjson.loads(raw[16:]))


def _forgeries(genuine: str) -> dict[str, str]:
    """Cursors the API never issued: made up, or a genuine one altered."""
    raw = _unb64(genuine)
    forged = {
        "random base64": _b64(os.urandom(48)),
        "not base64": "!!!!",
        "too short for a tag": "AA",
        "a character dropped": genuine[:-1],
        "a character added": genuine + "A",
        **{
            f"byte {index} flipped": _b64(
                raw[:index] + bytes([raw[index] ^ 0x01]) + raw[index + 1 :]
            )
            for index in (0, len(raw) // 2, len(raw) - 1)
        },
    }
    values = [_json(value) for value in _sort_values(genuine)]
    for position in range(len(values)):
        for name, value in UNBINDABLE.items():
            changed = [*values[:position], _json(value), *values[position + 1 :]]
            forged[f"{name} as sort value {position}"] = _with_values(genuine, changed)
    return forged


def test_every_list_refuses_a_cursor_it_did_not_issue(
    client: TestClient, app: FastAPI, rows: World
) -> None:
    operations = _list_operations(app, rows)
    assert len(operations) >= 11, [op.operation_id for op in operations]
    genuine: dict[str, str] = {}
    for op in operations:
        first = _page(client, op, limit=1)
        assert first.status_code == 200, f"{op.operation_id}: {first.text}"
        assert first.json()["next_cursor"], f"{op.operation_id} has a single row"
        genuine[op.operation_id] = first.json()["next_cursor"]
        assert _page(client, op, limit=1, cursor=genuine[op.operation_id]).status_code == 200

    for op in operations:
        assert "400" in op.statuses, f"{op.operation_id} does not declare 400"
        mine = genuine[op.operation_id]
        for why, cursor in _forgeries(mine).items():
            _assert_refused(_page(client, op, cursor=cursor), f"{op.operation_id}, {why}")
        for other_id, theirs in genuine.items():
            if other_id != op.operation_id:
                _assert_refused(
                    _page(client, op, cursor=theirs), f"{op.operation_id}, cursor of {other_id}"
                )
        if op.operation_id not in UNFILTERED:
            other = _other_filter(op, app.openapi())
            _assert_refused(
                _page(client, op, cursor=mine, **other), f"{op.operation_id}, other filters {other}"
            )
        if op.operation_id in OF_A_RECORD:
            elsewhere = op.path.replace(rows.a_partner["id"], rows.a_other_partner["id"])
            response = client.get(elsewhere, params={"cursor": mine}, headers=op.caller.headers)
            _assert_refused(response, f"{op.operation_id} of another partner")


def test_a_cursor_of_another_network_is_refused(client: TestClient, world: World) -> None:
    # The other network's coordinator lists its own partners with network A's cursor.
    cursor = client.get(
        f"{API}/networks/{world.a.slug}/partners",
        params={"limit": 1},
        headers=world.coordinator.headers,
    ).json()["next_cursor"]
    assert cursor
    response = client.get(
        f"{API}/networks/{world.b.slug}/partners",
        params={"cursor": cursor},
        headers=world.other_coordinator.headers,
    )
    _assert_refused(response, "network A's cursor on network B")


def test_filters_given_in_another_order_keep_the_cursor(client: TestClient, world: World) -> None:
    url = f"{API}/networks/{world.a.slug}/partners"
    headers = world.coordinator.headers
    first = client.get(
        url, params={"limit": 1, "sector": ["police", "specialist_ngo"]}, headers=headers
    ).json()
    assert first["next_cursor"]
    second = client.get(
        url,
        params={"limit": 1, "sector": ["specialist_ngo", "police"], "cursor": first["next_cursor"]},
        headers=headers,
    )
    assert second.status_code == 200, second.text
    assert [p["name"] for p in first["items"] + second.json()["items"]] == [
        "Central Police",
        "Riverside Shelter",
    ]


@pytest.mark.parametrize(
    ("operation_id", "params"),
    [
        ("partners-list_partners", {}),
        ("partners-list_partners", {"sort": "-updated_at"}),
        ("partners-list_partners", {"sort": "stage"}),
        ("audit-list_audit_events", {}),
        ("users-list_users", {}),
        ("networks-list_members", {}),
        ("roles-list_roles", {"include_retired": True}),
        ("services-list_services", {"type": "shelter"}),
    ],
)
def test_genuine_cursors_page_through_every_row_once(
    client: TestClient, app: FastAPI, rows: World, operation_id: str, params: dict[str, Any]
) -> None:
    op = next(op for op in _list_operations(app, rows) if op.operation_id == operation_id)
    whole = _page(client, op, limit=200, **params)
    assert whole.status_code == 200, whole.text
    everything = whole.json()
    assert everything["next_cursor"] is None
    expected = [item["id"] for item in everything["items"]]
    assert len(expected) >= 2

    seen: list[str] = []
    cursor = None
    for _ in range(len(expected) + 1):
        page = _page(client, op, limit=1, **params, **({"cursor": cursor} if cursor else {}))
        assert page.status_code == 200, page.text
        seen += [item["id"] for item in page.json()["items"]]
        cursor = page.json()["next_cursor"]
        if cursor is None:
            break
    assert seen == expected


def test_a_cursor_after_long_names_in_any_script_still_pages(
    client: TestClient, world: World
) -> None:
    url = f"{API}/networks/{world.a.slug}/partners"
    headers = world.coordinator.headers
    names = ["日" * 200, "本" * 200]  # three bytes each in UTF-8
    for name in names:
        created = client.post(url, json=partner_body(name=name), headers=headers)
        assert created.status_code == 201, created.text
    first = client.get(url, params={"limit": 3, "sort": "name"}, headers=headers).json()
    assert first["next_cursor"]
    second = client.get(
        url, params={"limit": 3, "sort": "name", "cursor": first["next_cursor"]}, headers=headers
    )
    assert second.status_code == 200, second.text
    assert [p["name"] for p in second.json()["items"]] == names[1:]
