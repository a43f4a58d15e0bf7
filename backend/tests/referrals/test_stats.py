"""Referral statistics as a coordinator, a viewer and a partner's editor read them: small
counts suppressed (a flag, never a number) and not given back by their row's total, every
count rounded, the partner's own figures exact, a national network consolidating its
sub-networks' without naming their partners."""

import uuid
from datetime import UTC, datetime
from typing import Any

from fastapi import FastAPI

from accord.core.database import transaction
from accord.core.vocabulary import MembershipRole
from accord.networks.models import Network
from accord.referrals.models import Referral
from tests.conftest import Factory
from tests.referrals.conftest import Referrals

MONTH = datetime.now(UTC).strftime("%Y-%m")
QUARTER = f"{datetime.now(UTC).year}-Q{(datetime.now(UTC).month - 1) // 3 + 1}"


def _send_many(
    net: Referrals, count: int, actor: Any = None, **fields: Any
) -> list[dict[str, Any]]:
    item = {
        "op": "create",
        "pathway_id": net.pathways["police_to_refuge"]["id"],
        "needs": ["emergency_shelter"],
        "urgency": "routine",
        "consent_given": True,
    } | fields
    response = net.client.post(
        f"{net.base}:batch", json={"items": [item] * count}, headers=(actor or net.police).headers
    )
    assert response.status_code == 200 and response.json()["failed"] == 0, response.text
    return [r["referral"] for r in response.json()["results"]]


def _receive(net: Referrals, referrals: list[dict[str, Any]]) -> None:
    items = [
        {"op": "transition", "referral_id": r["id"], "version": r["version"], "status": "received"}
        for r in referrals
    ]
    response = net.client.post(
        f"{net.base}:batch", json={"items": items}, headers=net.shelter.headers
    )
    assert response.json()["failed"] == 0, response.text


def _stats(net: Referrals, actor: Any = None, **params: Any) -> Any:
    response = net.client.get(
        f"{net.base}/stats", params=params, headers=(actor or net.world.coordinator).headers
    )
    assert response.status_code == 200, response.text
    return response.json()


def _row(answer: dict[str, Any], period: str, kind: str = "total", **match: Any) -> dict[str, Any]:
    (row,) = [
        r
        for r in answer["rows"]
        if r["period"] == period
        and r["group"]["kind"] == kind
        and all(r["group"][k] == v for k, v in match.items())
    ]
    return row


def _values(row: dict[str, Any]) -> dict[str, int | None]:
    return {status: count["value"] for status, count in row["counts"].items()}


def test_small_counts_are_suppressed_with_a_sibling_and_the_rest_rounded(net: Referrals) -> None:
    referrals = _send_many(net, 14)
    _receive(net, referrals[:11])  # 11 received, 3 still only sent
    answer = _stats(net, group_by="to_partner", period="month")
    assert answer["scope"] == "network" and answer["threshold"] == 10
    assert answer["rounding_base"] == 5
    total = _row(answer, MONTH)
    # 3 sent is small; alone it would be 14 - 11: so the 11 received is suppressed too.
    assert _values(total) == {
        "total": 15,
        "sent": None,
        "received": None,
        "accepted": 0,
        "declined": 0,
        "completed": 0,
        "revoked": 0,
        "expired": 0,
    }
    assert total["counts"]["sent"]["suppressed"] is True
    assert total["counts"]["received"]["suppressed"] is True
    assert total["counts"]["accepted"] == {"value": 0, "suppressed": False}
    # 11 received, within minutes: a median from 11 referrals may be shown.
    assert total["minutes_to_receive_median"] == {"value": 0.0, "suppressed": False}
    assert total["acceptance_rate_percent"] == {"value": None, "suppressed": False}
    shelter = _row(answer, MONTH, "partner", id=net.world.a_partner["id"])
    assert _values(shelter) == _values(total)
    # The quarter is the same numbers, suppressed the same way.
    quarter = _row(_stats(net, group_by="to_partner", period="quarter"), QUARTER)
    assert _values(quarter) == _values(total)
    # Every member reads them, the viewer too.
    assert _stats(net, net.world.viewer, group_by="to_partner")["rows"] == answer["rows"]


def test_a_partner_reads_its_own_figures_exactly(net: Referrals) -> None:
    referrals = _send_many(net, 14)
    _receive(net, referrals[:11])
    own = _stats(net, net.police, partner_id=net.world.a_other_partner["id"], group_by="pathway")
    assert own["scope"] == "partner" and own["threshold"] is None
    total = _row(own, MONTH)
    assert _values(total)["total"] == 14
    assert _values(total)["sent"] == 3 and _values(total)["received"] == 11
    pathway = _row(own, MONTH, "pathway", id=net.pathways["police_to_refuge"]["id"])
    assert _values(pathway)["total"] == 14
    # Another partner's exact figures are not for the police, nor for coordinators.
    for actor, partner in (
        (net.police, net.world.a_partner),
        (net.world.coordinator, net.world.a_partner),
    ):
        response = net.client.get(
            f"{net.base}/stats", params={"partner_id": partner["id"]}, headers=actor.headers
        )
        assert response.status_code == 403


def test_rates_and_percentiles_from_too_few_referrals_are_suppressed(net: Referrals) -> None:
    received = _send_many(net, 12)
    _receive(net, received)
    fetched = net.client.get(net.base, params={"limit": 200}, headers=net.shelter.headers).json()
    by_id = {r["id"]: r for r in fetched["items"]}
    # 10 accepted and 2 declined: a rate of 83% would give the 2 back.
    for index, referral in enumerate(received):
        current = by_id[referral["id"]]
        if index < 10:
            net.moved(current, net.shelter, "accepted")
        else:
            net.moved(current, net.shelter, "declined", decline_reason="no_capacity")
    total = _row(_stats(net, period="year"), str(datetime.now(UTC).year))
    assert total["acceptance_rate_percent"] == {"value": None, "suppressed": True}
    assert total["minutes_to_accept_median"] == {"value": 0.0, "suppressed": False}
    own = _row(
        _stats(net, net.shelter, period="year", partner_id=net.world.a_partner["id"]),
        str(datetime.now(UTC).year),
    )
    assert own["acceptance_rate_percent"] == {"value": 83.0, "suppressed": False}


def test_needs_are_counted_each_and_the_total_is_the_partners_total(net: Referrals) -> None:
    _send_many(net, 12, needs=["emergency_shelter", "safety_planning"])
    _send_many(net, 3, needs=["safety_planning"])
    answer = _stats(net, group_by="need")
    shelter = _row(answer, MONTH, "need", code="emergency_shelter")
    safety = _row(answer, MONTH, "need", code="safety_planning")
    assert _values(shelter)["total"] == 10 and _values(safety)["total"] == 15
    total = _row(answer, MONTH)
    by_partner = _row(_stats(net, group_by="to_partner"), MONTH)
    assert total == by_partner


def test_a_national_network_consolidates_its_sub_networks_without_naming_their_partners(
    net: Referrals, app: FastAPI, make: Factory
) -> None:
    """Network A becomes a sub-network of a national one: the national network's answer
    holds A's referrals as one group."""
    national = make.network("national-net", "National network")
    make.member(national, net.world.viewer, MembershipRole.viewer)
    with transaction(app.state.session_factory) as session:
        row = session.get(Network, net.world.a.id)
        assert row is not None
        row.parent_id = national.id
    _send_many(net, 12)
    response = net.client.get(
        f"/api/v1/networks/{national.slug}/referrals/stats",
        params={"group_by": "pathway"},
        headers=net.world.viewer.headers,
    )
    assert response.status_code == 200, response.text
    answer = response.json()
    assert answer["networks"] == [national.slug, net.world.a.slug]
    kinds = {row["group"]["kind"] for row in answer["rows"]}
    assert kinds == {"total", "network"}
    group = _row(answer, MONTH, "network", code=net.world.a.slug)
    assert _values(group)["total"] == 10
    assert net.pathways["police_to_refuge"]["id"] not in response.text
    assert net.world.a_partner["id"] not in response.text


def test_another_year_has_nothing_and_bad_questions_are_refused(net: Referrals) -> None:
    _send_many(net, 3)
    answer = _stats(net, year=2001, period="quarter")
    assert [row["period"] for row in answer["rows"]] == ["2001-Q1", "2001-Q2", "2001-Q3", "2001-Q4"]
    assert all(_values(row)["total"] == 0 for row in answer["rows"])
    for params in ({"year": 1999}, {"period": "week"}, {"group_by": "sender_reference"}):
        response = net.client.get(f"{net.base}/stats", params=params, headers=net.police.headers)
        assert response.status_code == 422, params


def test_statistics_count_expired_referrals_as_expired(net: Referrals, app: FastAPI) -> None:
    referrals = _send_many(net, 12)
    with transaction(app.state.session_factory) as session:
        for referral in referrals:
            row = session.get(Referral, uuid.UUID(referral["id"]))
            assert row is not None
            row.expires_at = datetime.now(UTC)
    from accord.referrals.service import expire_due

    with transaction(app.state.session_factory) as session:
        assert expire_due(session) == 12
    total = _row(_stats(net), MONTH)
    assert _values(total)["expired"] == 10 and _values(total)["sent"] == 0


def test_a_kept_national_answer_moves_with_a_sub_network_s_referrals(
    net: Referrals, app: FastAPI, make: Factory
) -> None:
    """The national answer is kept; a referral sent or moved in a nested network is in the
    next answer all the same (its revision is part of what the answer is kept under), as
    is a network newly nested."""
    national = make.network("national-net", "National network")
    make.member(national, net.world.viewer, MembershipRole.viewer)
    url = f"/api/v1/networks/{national.slug}/referrals/stats"

    def answer() -> Any:
        response = net.client.get(url, headers=net.world.viewer.headers)
        assert response.status_code == 200, response.text
        kept = response.json()
        app.state.kept.clear()
        assert net.client.get(url, headers=net.world.viewer.headers).json() == kept
        return kept

    def nest() -> None:
        with transaction(app.state.session_factory) as session:
            row = session.get(Network, net.world.a.id)
            assert row is not None
            row.parent_id = national.id

    before = answer()
    referrals = _send_many(net, 30)
    assert answer() == before  # not nested yet: none of its referrals
    nest()
    nested = answer()
    assert _values(_row(nested, MONTH))["total"] == 30
    _send_many(net, 10)
    assert _values(_row(answer(), MONTH))["total"] == 40
    _receive(net, referrals)
    assert _values(_row(answer(), MONTH))["received"] == 30
