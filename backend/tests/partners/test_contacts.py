"""Staff contacts of a partner: who reads, who writes, validation, versions and audit."""

import uuid
from typing import Any

from fastapi.testclient import TestClient

from tests.conftest import Actor, World

AUDIT = "/api/v1/networks/network-a/audit"


def contacts_url(partner_id: str, contact_id: str | None = None, slug: str = "network-a") -> str:
    base = f"/api/v1/networks/{slug}/partners/{partner_id}/contacts"
    return base if contact_id is None else f"{base}/{contact_id}"


def assert_problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert body["type"] and body["title"]
    return body


def fields_of(problem: dict[str, Any]) -> set[str]:
    return {error["field"] for error in problem.get("errors") or []}


def add_contact(client: TestClient, actor: Actor, partner_id: str, **fields: Any) -> Any:
    body = {"name": "Amina Staff", **fields}
    return client.post(contacts_url(partner_id), json=body, headers=actor.headers)


def added(client: TestClient, actor: Actor, partner_id: str, **fields: Any) -> dict[str, Any]:
    response = add_contact(client, actor, partner_id, **fields)
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def write(
    client: TestClient,
    method: str,
    actor: Actor,
    partner_id: str,
    contact_id: str,
    body: Any = None,
    etag: str | None = '"1"',
) -> Any:
    headers = dict(actor.headers)
    if etag is not None:
        headers["If-Match"] = etag
    return client.request(method, contacts_url(partner_id, contact_id), json=body, headers=headers)


def listed(client: TestClient, actor: Actor, partner_id: str, **params: Any) -> list[str]:
    response = client.get(contacts_url(partner_id), params=params, headers=actor.headers)
    assert response.status_code == 200, response.text
    return [c["name"] for c in response.json()["items"]]


# --- create and read ---------------------------------------------------------------------


def test_a_coordinator_adds_a_contact_with_etag_and_location(
    client: TestClient, world: World
) -> None:
    pid = world.a_partner["id"]
    body = {
        "name": "Amina Okafor",
        "job_title": "Head of services",
        "email": "amina@riverside.example.org",
        "phone": "+44 (0)20 7946-0000",
    }
    response = client.post(contacts_url(pid), json=body, headers=world.coordinator.headers)
    assert response.status_code == 201, response.text
    contact = response.json()
    for field, value in body.items():
        assert contact[field] == value, field
    assert contact["partner_id"] == pid
    assert contact["version"] == 1
    assert response.headers["ETag"] == '"1"'
    assert response.headers["Location"] == contacts_url(pid, contact["id"])
    fetched = client.get(response.headers["Location"], headers=world.viewer.headers)
    assert fetched.status_code == 200, fetched.text
    assert fetched.headers["ETag"] == '"1"'
    assert fetched.json() == contact


def test_only_the_name_is_required(client: TestClient, world: World) -> None:
    contact = added(client, world.coordinator, world.a_partner["id"], name="Just A Name")
    assert (contact["job_title"], contact["email"], contact["phone"]) == (None, None, None)
    problem = assert_problem(
        client.post(
            contacts_url(world.a_partner["id"]),
            json={"email": "a@example.org"},
            headers=world.coordinator.headers,
        ),
        422,
    )
    assert "body.name" in fields_of(problem)


def test_contacts_are_listed_by_name_for_every_member(client: TestClient, world: World) -> None:
    pid = world.a_partner["id"]
    for name in ("Zoe Zed", "Adam Ant", "Mia Mid"):
        added(client, world.coordinator, pid, name=name)
    added(client, world.coordinator, world.a_other_partner["id"], name="Other Partner Person")
    for actor in (world.coordinator, world.editor, world.viewer):
        assert listed(client, actor, pid) == ["Adam Ant", "Mia Mid", "Zoe Zed"]
    assert listed(client, world.viewer, world.a_other_partner["id"]) == ["Other Partner Person"]


def test_the_contact_list_pages_with_a_cursor(client: TestClient, world: World) -> None:
    pid = world.a_partner["id"]
    expected = [f"Person {i}" for i in range(5)]
    for name in reversed(expected):
        added(client, world.coordinator, pid, name=name)
    seen: list[str] = []
    cursor = None
    for _ in range(5):
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        page = client.get(contacts_url(pid), params=params, headers=world.viewer.headers).json()
        seen += [c["name"] for c in page["items"]]
        assert page["total"] == 5
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == expected
    problem = assert_problem(
        client.get(contacts_url(pid), params={"cursor": "zzz"}, headers=world.viewer.headers), 400
    )
    assert problem["errors"][0]["field"] == "query.cursor"


def test_invalid_contact_fields_answer_422(client: TestClient, world: World) -> None:
    pid = world.a_partner["id"]
    cases: list[tuple[dict[str, Any], str]] = [
        ({"email": "not-an-email"}, "body.email"),
        ({"email": "two@@example.org"}, "body.email"),
        ({"phone": "call me maybe"}, "body.phone"),
        ({"phone": "020 7946 0000 ext. 12"}, "body.phone"),
        ({"phone": "12"}, "body.phone"),
        ({"phone": "+44 20 +7946"}, "body.phone"),
        ({"name": ""}, "body.name"),
        ({"name": "x" * 201}, "body.name"),
        ({"job_title": "Boss\u0000"}, "body.job_title"),
        ({"nickname": "Ami"}, "body.nickname"),
    ]
    for fields, field in cases:
        problem = assert_problem(add_contact(client, world.coordinator, pid, **fields), 422)
        assert any(f.startswith(field) for f in fields_of(problem)), (fields, problem)
    assert listed(client, world.coordinator, pid) == []


def test_accepted_phone_shapes(client: TestClient, world: World) -> None:
    pid = world.a_partner["id"]
    for phone in ("+1 (555) 010-0199", "020 7946 0000", "01.23.45.67.89", "0800/123-456"):
        response = add_contact(client, world.coordinator, pid, name=f"Caller {phone}", phone=phone)
        assert response.status_code == 201, response.text
        assert response.json()["phone"] == phone


def test_a_partners_own_editor_may_write_its_contacts(client: TestClient, world: World) -> None:
    pid = world.a_partner["id"]
    contact = added(client, world.editor, pid, name="Edited By Editor")
    patched = write(client, "PATCH", world.editor, pid, contact["id"], {"job_title": "Manager"})
    assert patched.status_code == 200, patched.text
    assert patched.json()["job_title"] == "Manager"
    deleted = write(client, "DELETE", world.editor, pid, contact["id"], etag='"2"')
    assert deleted.status_code == 204, deleted.text


def test_an_editor_cannot_write_contacts_of_another_partner(
    client: TestClient, world: World
) -> None:
    other = world.a_other_partner["id"]
    assert_problem(add_contact(client, world.editor, other), 403)
    contact = added(client, world.coordinator, other, name="Police Liaison")
    assert_problem(
        write(client, "PATCH", world.editor, other, contact["id"], {"phone": "999"}), 403
    )
    assert_problem(write(client, "DELETE", world.editor, other, contact["id"]), 403)
    unchanged = client.get(contacts_url(other, contact["id"]), headers=world.editor.headers)
    assert unchanged.status_code == 200
    assert unchanged.json()["phone"] is None


def test_viewers_read_contacts_but_cannot_write(client: TestClient, world: World) -> None:
    pid = world.a_partner["id"]
    contact = added(client, world.coordinator, pid)
    assert (
        client.get(contacts_url(pid, contact["id"]), headers=world.viewer.headers).status_code
        == 200
    )
    assert_problem(add_contact(client, world.viewer, pid), 403)
    assert_problem(write(client, "PATCH", world.viewer, pid, contact["id"], {"name": "X"}), 403)
    assert_problem(write(client, "DELETE", world.viewer, pid, contact["id"]), 403)
    assert listed(client, world.viewer, pid) == ["Amina Staff"]


def test_contacts_are_hidden_from_non_members(client: TestClient, world: World) -> None:
    pid = world.a_partner["id"]
    contact = added(client, world.coordinator, pid)
    assert_problem(client.get(contacts_url(pid), headers=world.other_coordinator.headers), 404)
    assert_problem(
        client.get(contacts_url(pid, contact["id"]), headers=world.other_coordinator.headers), 404
    )
    assert_problem(client.get(contacts_url(pid), headers=world.admin.headers), 403)


def test_a_contact_under_another_partner_answers_404(client: TestClient, world: World) -> None:
    contact = added(client, world.coordinator, world.a_other_partner["id"])
    wrong = world.a_partner["id"]  # the editor may edit this partner, but the contact is not its
    assert_problem(
        client.get(contacts_url(wrong, contact["id"]), headers=world.coordinator.headers), 404
    )
    assert_problem(
        write(client, "PATCH", world.editor, wrong, contact["id"], {"name": "Hijack"}), 404
    )
    assert_problem(write(client, "DELETE", world.editor, wrong, contact["id"]), 404)
    still = client.get(
        contacts_url(world.a_other_partner["id"], contact["id"]), headers=world.coordinator.headers
    )
    assert still.json()["name"] == "Amina Staff"


def test_contacts_of_unknown_or_foreign_partners_answer_404(
    client: TestClient, world: World
) -> None:
    for pid in (str(uuid.uuid4()), world.b_partner["id"]):
        assert_problem(client.get(contacts_url(pid), headers=world.coordinator.headers), 404)
        assert_problem(add_contact(client, world.coordinator, pid), 404)
    assert_problem(
        client.get(
            contacts_url(world.a_partner["id"], str(uuid.uuid4())), headers=world.viewer.headers
        ),
        404,
    )


# --- update and delete -------------------------------------------------------------------


def test_a_contact_patch_changes_only_the_fields_sent(client: TestClient, world: World) -> None:
    pid = world.a_partner["id"]
    contact = added(
        client, world.coordinator, pid, job_title="Nurse", email="n@example.org", phone="0123 456"
    )
    response = write(
        client, "PATCH", world.coordinator, pid, contact["id"], {"job_title": "Head nurse"}
    )
    assert response.status_code == 200, response.text
    assert response.headers["ETag"] == '"2"'
    updated = response.json()
    assert updated["job_title"] == "Head nurse"
    assert updated["version"] == 2
    for field in ("name", "email", "phone", "partner_id", "created_at"):
        assert updated[field] == contact[field], field
    response = write(
        client,
        "PATCH",
        world.coordinator,
        pid,
        contact["id"],
        {"email": None, "phone": None},
        etag='"2"',
    )
    assert response.status_code == 200, response.text
    cleared = response.json()
    assert (cleared["email"], cleared["phone"], cleared["job_title"]) == (None, None, "Head nurse")


def test_a_contact_patch_needs_a_current_if_match(client: TestClient, world: World) -> None:
    pid = world.a_partner["id"]
    contact = added(client, world.coordinator, pid)
    assert_problem(
        write(client, "PATCH", world.coordinator, pid, contact["id"], {"name": "B"}, etag=None), 428
    )
    stale = write(client, "PATCH", world.coordinator, pid, contact["id"], {"name": "B"}, etag='"5"')
    assert_problem(stale, 412)
    assert stale.headers["ETag"] == '"1"'
    assert (
        client.get(contacts_url(pid, contact["id"]), headers=world.viewer.headers).json()["name"]
        == "Amina Staff"
    )


def test_invalid_contact_patches_answer_422(client: TestClient, world: World) -> None:
    pid = world.a_partner["id"]
    contact = added(client, world.coordinator, pid)
    for body, field in (
        ({"name": None}, "body.name"),
        ({"email": "nope"}, "body.email"),
        ({"phone": "abc"}, "body.phone"),
        ({"partner_id": world.a_other_partner["id"]}, "body.partner_id"),
    ):
        problem = assert_problem(
            write(client, "PATCH", world.coordinator, pid, contact["id"], body), 422
        )
        assert any(f.startswith(field) for f in fields_of(problem)), (body, problem)
    assert (
        client.get(contacts_url(pid, contact["id"]), headers=world.viewer.headers).headers["ETag"]
        == '"1"'
    )


def test_a_deleted_contact_is_gone(client: TestClient, world: World) -> None:
    pid = world.a_partner["id"]
    contact = added(client, world.coordinator, pid)
    assert_problem(write(client, "DELETE", world.coordinator, pid, contact["id"], etag=None), 428)
    assert_problem(write(client, "DELETE", world.coordinator, pid, contact["id"], etag='"2"'), 412)
    response = write(client, "DELETE", world.coordinator, pid, contact["id"])
    assert response.status_code == 204, response.text
    assert_problem(
        client.get(contacts_url(pid, contact["id"]), headers=world.coordinator.headers), 404
    )
    assert listed(client, world.coordinator, pid) == []


# --- idempotency and audit ---------------------------------------------------------------


def test_adding_a_contact_with_an_idempotency_key_happens_once(
    client: TestClient, world: World
) -> None:
    pid = world.a_partner["id"]
    headers = {**world.coordinator.headers, "Idempotency-Key": "contact-1"}
    body = {"name": "Once Only"}
    first = client.post(contacts_url(pid), json=body, headers=headers)
    again = client.post(contacts_url(pid), json=body, headers=headers)
    assert first.status_code == again.status_code == 201, again.text
    assert again.json()["id"] == first.json()["id"]
    assert again.headers["Idempotent-Replayed"] == "true"
    assert_problem(client.post(contacts_url(pid), json={"name": "Another"}, headers=headers), 409)
    assert listed(client, world.coordinator, pid) == ["Once Only"]


def test_idempotency_keys_belong_to_each_user(client: TestClient, world: World) -> None:
    pid = world.a_partner["id"]
    body = {"name": "Same Body"}
    for actor in (world.coordinator, world.editor):
        response = client.post(
            contacts_url(pid), json=body, headers={**actor.headers, "Idempotency-Key": "shared"}
        )
        assert response.status_code == 201, response.text
        assert "Idempotent-Replayed" not in response.headers
    assert listed(client, world.coordinator, pid) == ["Same Body", "Same Body"]


def test_contact_writes_are_audited(client: TestClient, world: World) -> None:
    pid = world.a_partner["id"]
    contact = added(client, world.editor, pid, name="Audit Me", email="audit@example.org")
    assert (
        write(
            client,
            "PATCH",
            world.coordinator,
            pid,
            contact["id"],
            {"job_title": "Lead", "name": "Audit Me"},
        ).status_code
        == 200
    )
    assert (
        write(client, "DELETE", world.coordinator, pid, contact["id"], etag='"2"').status_code
        == 204
    )
    response = client.get(
        AUDIT,
        params={"object_type": "contact", "object_id": contact["id"]},
        headers=world.coordinator.headers,
    )
    assert response.status_code == 200, response.text
    events = response.json()["items"]
    assert [e["action"] for e in events] == ["contact.delete", "contact.update", "contact.create"]
    delete_event, update_event, create_event = events
    assert create_event["actor_name"] == "Edna Editor"
    assert create_event["object_id"] == contact["id"]
    assert create_event["changes"]["name"] == {"before": None, "after": "Audit Me"}
    assert create_event["changes"]["email"] == {"before": None, "after": "audit@example.org"}
    assert create_event["changes"]["partner_id"] == {"before": None, "after": pid}
    assert update_event["actor_name"] == "Cora Coordinator"
    assert update_event["changes"] == {"job_title": {"before": None, "after": "Lead"}}
    assert delete_event["changes"]["name"] == {"before": "Audit Me", "after": None}
    assert_problem(client.get(AUDIT, headers=world.viewer.headers), 403)
