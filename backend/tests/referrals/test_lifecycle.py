"""A referral from sending to closing: every legal step by the side that may take it, every
illegal one refused with 409 and nothing changed, consent and needs as the pathway says,
expiry, and the onward referral a decline can send."""

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi import FastAPI

from accord.core.database import transaction
from accord.core.vocabulary import ReferralStatus
from accord.referrals import service
from accord.referrals.lifecycle import TRANSITIONS
from accord.referrals.models import Referral
from tests.referrals.conftest import Referrals


def _audit_actions(net: Referrals, referral_id: str) -> list[str]:
    response = net.client.get(
        f"/api/v1/networks/{net.world.a.slug}/audit",
        params={"object_type": "referral", "object_id": referral_id},
        headers=net.world.coordinator.headers,
    )
    assert response.status_code == 200, response.text
    return sorted(event["action"] for event in response.json()["items"])


def test_sent_received_accepted_completed_each_step_timed_and_audited(net: Referrals) -> None:
    referral = net.sent(
        sender_reference="DV-2026-0042", needs=["emergency_shelter", "safety_planning"]
    )
    assert referral["status"] == "sent" and referral["fhir_status"] == "requested"
    assert referral["off_pathway"] is False
    assert referral["sender"]["service_id"] == net.services["police"]["id"]
    assert referral["receiver"]["partner_id"] == net.world.a_partner["id"]
    assert referral["needs"] == ["emergency_shelter", "safety_planning"]
    sent_at = datetime.fromisoformat(referral["sent_at"])
    # Due within the pathway's own 120 minutes; expires after 3 times that (the default).
    assert datetime.fromisoformat(referral["due_at"]) - sent_at == timedelta(minutes=120)
    assert datetime.fromisoformat(referral["expires_at"]) - sent_at == timedelta(minutes=360)
    assert referral["overdue"] is False

    received = net.moved(referral, net.shelter, "received")
    assert received["fhir_status"] == "received" and received["received_at"] is not None
    accepted = net.moved(received, net.shelter, "accepted")
    assert accepted["fhir_status"] == "accepted" and accepted["accepted_at"] is not None
    completed = net.moved(accepted, net.shelter, "completed")
    assert completed["status"] == "completed" and completed["fhir_status"] == "completed"
    assert completed["version"] == referral["version"] + 3

    # The sender sees where it went, with its own reference.
    seen = net.client.get(f"{net.base}/{referral['id']}", headers=net.police.headers)
    assert seen.status_code == 200
    assert seen.json()["status"] == "completed"
    assert seen.json()["sender_reference"] == "DV-2026-0042"
    assert seen.headers["ETag"] == f'"{completed["version"]}"'
    assert _audit_actions(net, referral["id"]) == [
        "referral.accepted",
        "referral.completed",
        "referral.received",
        "referral.send",
    ]


def _reach(net: Referrals, status: ReferralStatus, app: FastAPI) -> dict[str, Any]:
    """A referral brought to `status` the way people would."""
    referral = net.sent()
    steps = {
        ReferralStatus.sent: [],
        ReferralStatus.received: [(net.shelter, "received", {})],
        ReferralStatus.accepted: [(net.shelter, "received", {}), (net.shelter, "accepted", {})],
        ReferralStatus.declined: [
            (net.shelter, "received", {}),
            (net.shelter, "declined", {"decline_reason": "no_capacity"}),
        ],
        ReferralStatus.completed: [
            (net.shelter, "received", {}),
            (net.shelter, "accepted", {}),
            (net.shelter, "completed", {}),
        ],
        ReferralStatus.revoked: [(net.police, "revoked", {})],
    }
    if status == ReferralStatus.expired:
        with transaction(app.state.session_factory) as session:
            assert service.expire_due(session, datetime.now(UTC) + timedelta(days=1)) == 1
        return dict(
            net.client.get(f"{net.base}/{referral['id']}", headers=net.police.headers).json()
        )
    for actor, target, fields in steps[status]:
        referral = net.moved(referral, actor, target, **fields)
    return referral


MOVABLE = ("received", "accepted", "declined", "completed", "revoked")


@pytest.mark.parametrize("current", list(ReferralStatus))
def test_every_step_the_lifecycle_does_not_allow_is_refused_and_changes_nothing(
    net: Referrals, app: FastAPI, current: ReferralStatus
) -> None:
    referral = _reach(net, current, app)
    assert referral["status"] == current.value
    for target in MOVABLE:
        if ReferralStatus(target) in TRANSITIONS[current]:
            continue
        fields = {"decline_reason": "not_eligible"} if target == "declined" else {}
        actor = net.police if target == "revoked" else net.shelter
        response = net.move(referral, actor, target, **fields)
        assert response.status_code == 409, (current, target, response.text)
        assert response.headers["content-type"] == "application/problem+json"
        assert current.value in response.json()["detail"]
    after = net.client.get(f"{net.base}/{referral['id']}", headers=net.police.headers).json()
    assert after["status"] == current.value and after["version"] == referral["version"]


def test_each_side_takes_only_its_own_steps(net: Referrals) -> None:
    referral = net.sent()
    assert net.move(referral, net.police, "received").status_code == 403  # the sender
    assert net.move(referral, net.shelter, "revoked").status_code == 403  # the receiver
    # A third partner's editor does not even see it.
    assert net.move(referral, net.legal, "received").status_code == 404
    revoked = net.moved(referral, net.police, "revoked")
    assert revoked["fhir_status"] == "cancelled" and revoked["revoked_at"] is not None


def test_a_decline_names_its_reason_and_referred_onward_sends_the_next_referral(
    net: Referrals,
) -> None:
    referral = net.moved(net.sent(sender_reference="PR-77"), net.shelter, "received")
    missing = net.move(referral, net.shelter, "declined")
    assert missing.status_code == 422
    assert missing.json()["errors"][0]["field"] == "body.decline_reason"
    no_service = net.move(referral, net.shelter, "declined", decline_reason="referred_onward")
    assert no_service.status_code == 422
    assert no_service.json()["errors"][0]["field"] == "body.onward_service_id"
    stray = net.move(
        referral,
        net.shelter,
        "declined",
        decline_reason="no_capacity",
        onward_service_id=net.services["legal"]["id"],
    )
    assert stray.status_code == 422

    declined = net.moved(
        referral,
        net.shelter,
        "declined",
        decline_reason="referred_onward",
        onward_service_id=net.services["legal"]["id"],
    )
    assert declined["fhir_status"] == "rejected"
    assert declined["decline_reason"] == "referred_onward"
    onward_id = declined["onward_referral_id"]
    onward = net.client.get(f"{net.base}/{onward_id}", headers=net.shelter.headers).json()
    assert onward["previous_referral_id"] == referral["id"]
    assert onward["pathway_id"] == net.pathways["refuge_to_legal"]["id"]
    assert onward["sender"]["service_id"] == net.services["refuge"]["id"]
    assert onward["receiver"]["service_id"] == net.services["legal"]["id"]
    assert onward["needs"] == referral["needs"] and onward["status"] == "sent"
    # The onward referral has no reference of the first sender's: the police do not see it.
    assert onward["sender_reference"] is None
    assert net.client.get(f"{net.base}/{onward_id}", headers=net.police.headers).status_code == 404
    # The legal aid centre receives it.
    inbox = net.client.get(net.base, params={"direction": "received"}, headers=net.legal.headers)
    assert [r["id"] for r in inbox.json()["items"]] == [onward_id]


def test_consent_is_asked_where_the_pathway_says_and_always_off_pathway(net: Referrals) -> None:
    without = net.send(consent_given=False)
    assert without.status_code == 422
    assert without.json()["errors"][0]["field"] == "body.consent_given"
    # refuge -> legal aid does not ask for it.
    shelter_sends = net.send(
        actor=net.shelter,
        pathway_id=net.pathways["refuge_to_legal"]["id"],
        needs=["legal_advice"],
        consent_given=False,
    )
    assert shelter_sends.status_code == 201, shelter_sends.text
    off = {
        "pathway_id": None,
        "from_service_id": net.services["police"]["id"],
        "to_service_id": net.services["legal"]["id"],
        "needs": ["legal_advice"],
    }
    assert net.send(consent_given=False, **off).status_code == 422
    sent = net.send(consent_given=True, **off)
    assert sent.status_code == 201, sent.text
    assert sent.json()["off_pathway"] is True and sent.json()["pathway_id"] is None
    # Off-pathway, the time comes from the urgency: same day, 8 hours.
    body = sent.json()
    due = datetime.fromisoformat(body["due_at"]) - datetime.fromisoformat(body["sent_at"])
    assert due == timedelta(hours=8)


def test_a_referral_goes_only_where_and_for_what_the_pathway_agreed(net: Referrals) -> None:
    outside = net.send(needs=["legal_advice"])
    assert outside.status_code == 422 and "legal_advice" in outside.json()["detail"]
    draft = net.send(
        actor=net.legal, pathway_id=net.pathways["draft"]["id"], needs=["police_report"]
    )
    assert draft.status_code == 409 and "draft" in draft.json()["detail"]
    wrong_end = net.send(to_service_id=net.services["legal"]["id"])
    assert wrong_end.status_code == 409
    assert wrong_end.json()["errors"][0]["field"] == "body.to_service_id"
    # Only the sending partner's editors send its referrals: not the receiver, not coordinators.
    assert net.send(actor=net.shelter).status_code == 403
    assert net.send(actor=net.world.coordinator).status_code == 403
    assert net.send(actor=net.world.viewer).status_code == 403
    neither = net.send(pathway_id=None)
    assert neither.status_code == 422


def test_an_unreceived_referral_expires_after_its_time_and_then_cannot_move(
    net: Referrals, app: FastAPI
) -> None:
    waiting = net.sent()
    received = net.moved(net.sent(), net.shelter, "received")
    with transaction(app.state.session_factory) as session:
        # Not yet: the pathway's 120 minutes times 3 have not passed.
        assert service.expire_due(session, datetime.now(UTC) + timedelta(minutes=300)) == 0
        assert service.expire_due(session, datetime.now(UTC) + timedelta(minutes=361)) == 1
    expired = net.client.get(f"{net.base}/{waiting['id']}", headers=net.police.headers).json()
    assert expired["status"] == "expired" and expired["fhir_status"] == "failed"
    assert expired["expired_at"] == waiting["expires_at"]
    assert net.move(expired, net.shelter, "received").status_code == 409
    # A received referral does not expire.
    again = net.client.get(f"{net.base}/{received['id']}", headers=net.police.headers).json()
    assert again["status"] == "received"
    assert "referral.expired" in _audit_actions(net, waiting["id"])


def test_a_referral_past_its_time_expires_when_someone_tries_to_move_it(
    net: Referrals, app: FastAPI
) -> None:
    """The sweep runs every minute; a step asked before it ran still finds it expired (and
    changes nothing: the next sweep records the expiry)."""
    referral = net.sent()
    with transaction(app.state.session_factory) as session:
        row = session.get(Referral, uuid.UUID(referral["id"]))
        assert row is not None
        row.expires_at = datetime.now(UTC) - timedelta(minutes=1)
        row.due_at = datetime.now(UTC) - timedelta(minutes=2)
    late = net.move(referral, net.shelter, "received")
    assert late.status_code == 409 and "expired" in late.json()["detail"]
    waiting = net.client.get(f"{net.base}/{referral['id']}", headers=net.police.headers).json()
    assert waiting["status"] == "sent" and waiting["overdue"] is True
    with transaction(app.state.session_factory) as session:
        assert service.expire_due(session) == 1
    after = net.client.get(f"{net.base}/{referral['id']}", headers=net.police.headers).json()
    assert after["status"] == "expired"


def test_moving_a_referral_needs_its_current_version(net: Referrals) -> None:
    referral = net.sent()
    url = f"{net.base}/{referral['id']}"
    missing = net.client.patch(url, json={"status": "received"}, headers=net.shelter.headers)
    assert missing.status_code == 428
    net.moved(referral, net.shelter, "received")
    stale = net.move(referral, net.shelter, "accepted")
    assert stale.status_code == 412
