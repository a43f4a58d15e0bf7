"""Who sees a referral, what a referral may hold (codes, never anything about the woman),
and batches for agency systems."""

import uuid
from typing import Any

import pytest
from fastapi import FastAPI

from tests.referrals.conftest import Referrals


def test_the_two_partners_see_it_coordinators_without_the_reference_others_not_at_all(
    net: Referrals,
) -> None:
    referral = net.sent(sender_reference="CASE/2026/117")
    url = f"{net.base}/{referral['id']}"
    for actor in (net.police, net.shelter):
        seen = net.client.get(url, headers=actor.headers)
        assert seen.status_code == 200 and seen.json()["sender_reference"] == "CASE/2026/117"
    coordinator = net.client.get(url, headers=net.world.coordinator.headers)
    assert coordinator.status_code == 200 and coordinator.json()["sender_reference"] is None
    listed = net.client.get(net.base, headers=net.world.coordinator.headers).json()["items"]
    assert [r["sender_reference"] for r in listed] == [None]
    # A third partner's editor and a viewer: not found, and no list.
    assert net.client.get(url, headers=net.legal.headers).status_code == 404
    assert net.client.get(url, headers=net.world.viewer.headers).status_code == 404
    assert net.client.get(net.base, headers=net.legal.headers).json()["items"] == []
    viewer_list = net.client.get(net.base, headers=net.world.viewer.headers)
    assert viewer_list.status_code == 403
    assert "statistics" in viewer_list.json()["detail"]
    # Another network's coordinator: not found either.
    other = f"/api/v1/networks/{net.world.b.slug}/referrals/{referral['id']}"
    assert net.client.get(other, headers=net.world.other_coordinator.headers).status_code == 404
    assert net.client.get(url, headers=net.world.other_coordinator.headers).status_code == 404
    # The audit log, read by coordinators, never holds the reference.
    events = net.client.get(
        f"/api/v1/networks/{net.world.a.slug}/audit",
        params={"object_type": "referral"},
        headers=net.world.coordinator.headers,
    ).text
    assert "CASE/2026/117" not in events


def test_the_inboxes_hold_what_each_partner_sent_and_received(net: Referrals) -> None:
    first = net.sent()
    second = net.sent(urgency="immediate")
    onward = net.send(
        actor=net.shelter,
        pathway_id=net.pathways["refuge_to_legal"]["id"],
        needs=["legal_advice"],
        consent_given=True,
    ).json()

    def ids(actor: Any, **params: Any) -> list[str]:
        response = net.client.get(net.base, params=params, headers=actor.headers)
        assert response.status_code == 200, response.text
        return [r["id"] for r in response.json()["items"]]

    assert ids(net.police, direction="sent") == [second["id"], first["id"]]
    assert ids(net.police, direction="received") == []
    assert ids(net.shelter, direction="received") == [second["id"], first["id"]]
    assert ids(net.shelter, direction="sent") == [onward["id"]]
    assert ids(net.shelter) == [onward["id"], second["id"], first["id"]]
    assert ids(net.shelter, urgency="immediate") == [second["id"]]
    assert ids(net.world.coordinator, partner_id=net.world.a_other_partner["id"]) == [
        second["id"],
        first["id"],
    ]
    # Asking for a partner one does not edit shows nothing.
    assert ids(net.legal, partner_id=net.world.a_partner["id"]) == []
    net.moved(first, net.shelter, "received")
    assert ids(net.shelter, direction="received", status="received") == [first["id"]]
    assert ids(net.shelter, overdue="true") == []
    # Pages follow the cursor, newest first.
    page = net.client.get(net.base, params={"limit": 1}, headers=net.shelter.headers).json()
    rest = net.client.get(
        net.base, params={"limit": 5, "cursor": page["next_cursor"]}, headers=net.shelter.headers
    ).json()
    assert [r["id"] for r in page["items"] + rest["items"]] == [
        onward["id"],
        second["id"],
        first["id"],
    ]


def test_overdue_referrals_are_the_ones_past_their_time_and_unanswered(
    net: Referrals, app: FastAPI
) -> None:
    from datetime import UTC, datetime, timedelta

    from accord.core.database import transaction
    from accord.referrals.models import Referral

    late, answered = net.sent(), net.sent()
    answered = net.moved(net.moved(answered, net.shelter, "received"), net.shelter, "accepted")
    with transaction(app.state.session_factory) as session:
        for referral in (late, answered):
            row = session.get(Referral, uuid.UUID(referral["id"]))
            assert row is not None
            row.due_at = datetime.now(UTC) - timedelta(minutes=5)
    overdue = net.client.get(net.base, params={"overdue": "true"}, headers=net.shelter.headers)
    assert [r["id"] for r in overdue.json()["items"]] == [late["id"]]
    assert overdue.json()["items"][0]["overdue"] is True
    in_time = net.client.get(net.base, params={"overdue": "false"}, headers=net.shelter.headers)
    assert [r["id"] for r in in_time.json()["items"]] == [answered["id"]]


@pytest.mark.parametrize(
    "reference", ["DV-2026-0042", "A1", "PR/44871", "case:77#3", "1B", "X9.Y8_Z7"]
)
def test_the_senders_own_codes_are_kept(net: Referrals, reference: str) -> None:
    assert net.sent(sender_reference=reference)["sender_reference"] == reference


@pytest.mark.parametrize(
    ("reference", "looks_like"),
    [
        ("Maria Lopez", "name"),
        ("Case 42", "no spaces"),
        ("2026-42", "at least one of each"),
        ("MariaLopez", "name"),
        ("maria@example.org", "e-mail"),
        ("0612345678", "phone"),
        ("+33-6-12-34-56-78", "phone"),
        ("12/03/1990", "date"),
        ("1990-03-12", "date"),
        ("DV-12.03.1990", "date"),
    ],
)
def test_a_reference_that_could_identify_the_woman_is_refused(
    net: Referrals, reference: str, looks_like: str
) -> None:
    response = net.send(sender_reference=reference)
    assert response.status_code == 422, response.text
    error = response.json()["errors"][0]
    assert error["field"] == "body.sender_reference"
    assert looks_like in error["message"].lower()


def test_a_refused_reference_is_explained_in_the_language_asked_for(net: Referrals) -> None:
    response = net.client.post(
        net.base,
        params={"lang": "fr"},
        json={
            "pathway_id": net.pathways["police_to_refuge"]["id"],
            "needs": ["emergency_shelter"],
            "urgency": "routine",
            "consent_given": True,
            "sender_reference": "Jeanne",
        },
        headers=net.police.headers,
    )
    assert response.status_code == 422
    assert "Ressemble à un nom" in response.json()["errors"][0]["message"]


def test_a_batch_answers_item_by_item_and_a_replay_answers_the_same(net: Referrals) -> None:
    received = net.moved(net.sent(), net.shelter, "received")
    pathway = net.pathways["police_to_refuge"]["id"]
    items: list[dict[str, Any]] = [
        {
            "op": "create",
            "pathway_id": pathway,
            "needs": ["emergency_shelter"],
            "urgency": "routine",
            "consent_given": True,
        },
        {
            "op": "create",
            "pathway_id": pathway,
            "needs": ["emergency_shelter"],
            "urgency": "routine",
            "consent_given": False,
        },
        {
            "op": "transition",
            "referral_id": received["id"],
            "version": received["version"],
            "status": "accepted",
        },
        {"op": "transition", "referral_id": str(uuid.uuid4()), "version": 1, "status": "received"},
        {
            "op": "transition",
            "referral_id": received["id"],
            "version": received["version"] + 5,
            "status": "accepted",
        },
        {
            "op": "create",
            "pathway_id": pathway,
            "needs": ["legal_advice"],
            "urgency": "routine",
            "consent_given": True,
        },
    ]
    url = f"{net.base}:batch"
    headers = net.police.headers | {"Idempotency-Key": "batch-0001"}
    response = net.client.post(url, json={"items": items}, headers=headers)
    assert response.status_code == 200, response.text
    body = response.json()
    assert [r["status"] for r in body["results"]] == [201, 422, 403, 404, 412, 422]
    assert body["succeeded"] == 1 and body["failed"] == 5
    assert body["results"][1]["problem"]["fields"] == ["body.consent_given"]
    assert body["results"][0]["referral"]["status"] == "sent"
    # What failed changed nothing: one referral more, and the received one still received.
    sent = net.client.get(net.base, params={"direction": "sent"}, headers=net.police.headers)
    assert len(sent.json()["items"]) == 2
    still = net.client.get(f"{net.base}/{received['id']}", headers=net.shelter.headers).json()
    assert still["status"] == "received" and still["version"] == received["version"]

    replay = net.client.post(url, json={"items": items}, headers=headers)
    assert replay.status_code == 200 and replay.json() == body
    sent = net.client.get(net.base, params={"direction": "sent"}, headers=net.police.headers)
    assert len(sent.json()["items"]) == 2
    other_body = net.client.post(url, json={"items": items[:1]}, headers=headers)
    assert other_body.status_code == 409

    # The receiver's own batch moves it on.
    shelter_batch = net.client.post(
        url,
        json={
            "items": [
                {
                    "op": "transition",
                    "referral_id": received["id"],
                    "version": received["version"],
                    "status": "accepted",
                }
            ]
        },
        headers=net.shelter.headers,
    )
    assert [r["status"] for r in shelter_batch.json()["results"]] == [200]
    assert shelter_batch.json()["results"][0]["referral"]["status"] == "accepted"


def test_a_batch_holds_at_most_500_items(net: Referrals) -> None:
    item = {
        "op": "transition",
        "referral_id": str(uuid.uuid4()),
        "version": 1,
        "status": "received",
    }
    response = net.client.post(
        f"{net.base}:batch", json={"items": [item] * 501}, headers=net.police.headers
    )
    assert response.status_code == 422
    assert (
        net.client.post(
            f"{net.base}:batch", json={"items": []}, headers=net.police.headers
        ).status_code
        == 422
    )


def test_the_overview_names_the_partners_whose_referrals_wait_past_their_time(
    net: Referrals, app: FastAPI
) -> None:
    from datetime import UTC, datetime, timedelta

    from accord.core.database import transaction
    from accord.referrals.models import Referral

    late = [net.sent(), net.sent()]
    net.sent()  # still within its time
    with transaction(app.state.session_factory) as session:
        for referral in late:
            row = session.get(Referral, uuid.UUID(referral["id"]))
            assert row is not None
            row.due_at = datetime.now(UTC) - timedelta(minutes=5)

    def items(actor: Any, lang: str = "en") -> list[dict[str, Any]]:
        response = net.client.get(
            f"/api/v1/networks/{net.world.a.slug}/overview",
            params={"lang": lang},
            headers=actor.headers,
        )
        assert response.status_code == 200, response.text
        return [i for i in response.json()["items"] if i["kind"] == "referrals_overdue"]

    for actor in (net.world.coordinator, net.shelter, net.police):
        (item,) = items(actor)
        assert item["count"] == 2 and item["severity"] == "high"
        assert item["title"] == "2 referrals to Riverside Shelter waiting past their time"
        assert item["link"] == {
            "screen": "referrals",
            "filters": {"partner_id": [net.world.a_partner["id"]], "overdue": ["true"]},
        }
    (french,) = items(net.world.coordinator, "fr")
    assert french["title"].startswith("2 orientations vers Riverside Shelter")
    # Neither a viewer nor a partner with no part in them.
    assert items(net.world.viewer) == []
    assert items(net.legal) == []
    # The link's filters work on the list.
    listed = net.client.get(
        net.base,
        params={"partner_id": net.world.a_partner["id"], "overdue": "true"},
        headers=net.world.coordinator.headers,
    )
    assert sorted(r["id"] for r in listed.json()["items"]) == sorted(r["id"] for r in late)
