"""The tallies the network's statistics are read from are kept by the database in the same
statement as the referrals: whatever happens to the referrals (sent, moved on, expired,
their pathway deleted, their partner deleted, their network moved under another), the kept
tallies are those counted again from the rows."""

import threading
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi import FastAPI
from sqlalchemy import bindparam, text

from accord.core.database import transaction
from accord.networks.models import Network
from accord.referrals import tallies
from accord.referrals.models import Referral
from accord.referrals.service import expire_due
from accord.referrals.tallies import two_significant
from tests.conftest import Factory
from tests.referrals.conftest import Referrals, add_referral_row, assert_tallies_kept_as_counted


def _age(app: FastAPI, referral: dict[str, Any], minutes: int) -> None:
    """As if the referral had been sent `minutes` ago (and in that month), still due."""
    with transaction(app.state.session_factory) as session:
        row = session.get(Referral, uuid.UUID(referral["id"]))
        assert row is not None
        row.sent_at -= timedelta(minutes=minutes)


def _nest(app: FastAPI, network: Network, parent: Network | None) -> None:
    with transaction(app.state.session_factory) as session:
        row = session.get(Network, network.id)
        assert row is not None
        row.parent_id = parent.id if parent else None


def test_the_kept_tallies_are_the_ones_counted_from_the_referrals(
    net: Referrals, app: FastAPI, make: Factory
) -> None:
    national = make.network("national-net")
    _nest(app, net.world.a, national)
    along = [net.sent() for _ in range(6)]
    onward = [
        net.sent(
            actor=net.shelter,
            pathway_id=net.pathways["refuge_to_legal"]["id"],
            needs=["emergency_shelter", "legal_advice"],
        )
        for _ in range(3)
    ]
    straight = net.sent(
        pathway_id=None,
        from_service_id=net.services["police"]["id"],
        to_service_id=net.services["legal"]["id"],
        needs=["legal_advice"],
    )
    ages = [3, 47, 130, 1234, 45_678, 40 * 24 * 60]
    for referral, minutes in zip(along + onward, ages, strict=False):
        _age(app, referral, minutes)
    received = [net.moved(r, net.shelter, "received") for r in along[:5]]
    accepted = [net.moved(r, net.shelter, "accepted") for r in received[:3]]
    net.moved(accepted[0], net.shelter, "completed")
    net.moved(received[3], net.shelter, "declined", decline_reason="no_capacity")
    net.moved(along[5], net.police, "revoked")
    legal = [net.moved(r, net.legal, "received") for r in onward[:2]]
    net.moved(legal[0], net.legal, "accepted")
    kept = assert_tallies_kept_as_counted(app)
    assert any(row[2].startswith("network:") for row in kept[0])  # the national network's
    assert {row[3] for row in kept[1]} == {"receive", "accept"}

    with transaction(app.state.session_factory) as session:
        late = session.get(Referral, uuid.UUID(straight["id"]))
        assert late is not None
        late.expires_at = datetime.now(UTC) - timedelta(minutes=1)
    with transaction(app.state.session_factory) as session:
        assert expire_due(session) == 1
    assert_tallies_kept_as_counted(app)

    # The pathway deleted: its referrals stay, off-pathway.
    pathway = net.pathways["refuge_to_legal"]
    response = net.client.delete(
        f"/api/v1/networks/{net.world.a.slug}/pathways/{pathway['id']}",
        headers=net.world.coordinator.headers | {"If-Match": f'"{pathway["version"]}"'},
    )
    assert response.status_code == 204, response.text
    kept = assert_tallies_kept_as_counted(app)
    assert not any(pathway["id"].replace("-", "") in row[2] for row in kept[0])

    # A network moved out from under the national one, and back.
    _nest(app, net.world.a, None)
    kept = assert_tallies_kept_as_counted(app)
    assert not any(row[2].startswith("network:") for row in kept[0])
    _nest(app, net.world.a, national)
    assert_tallies_kept_as_counted(app)

    # The receiving partner deleted: its referrals go with it.
    partner = net.client.get(
        f"/api/v1/networks/{net.world.a.slug}/partners/{net.world.a_partner['id']}",
        headers=net.world.coordinator.headers,
    )
    response = net.client.delete(
        f"/api/v1/networks/{net.world.a.slug}/partners/{net.world.a_partner['id']}",
        headers=net.world.coordinator.headers | {"If-Match": partner.headers["ETag"]},
    )
    assert response.status_code == 204, response.text
    assert_tallies_kept_as_counted(app)


def test_minutes_are_kept_to_two_significant_figures_the_same_in_the_database(
    app: FastAPI,
) -> None:
    values = [0, 7, 99, 100, 109, 999, 1000, 1099, 12_345, 99_999, 123_456, 7_654_321]
    bucket = text(f"SELECT {tallies._bucket(':v')}").bindparams(bindparam("v"))
    with app.state.session_factory() as session:
        found = [session.execute(bucket, {"v": v}).scalar_one() for v in values]
    assert found == [two_significant(v) for v in values]
    assert found[:9] == [0, 7, 99, 100, 100, 990, 1000, 1000, 12_000]


def test_the_network_and_the_partner_read_the_same_median(net: Referrals, app: FastAPI) -> None:
    """The network's percentiles (from the minute tallies) and a partner's own (from its
    referrals) are the same numbers, to two significant figures."""
    referrals = [net.sent() for _ in range(10)]
    for referral, minutes in zip(referrals, range(100, 1100, 100), strict=True):
        _age(app, referral, minutes + 7)
    for referral in referrals:
        net.moved(referral, net.shelter, "received")

    def median(**params: Any) -> Any:
        response = net.client.get(
            f"{net.base}/stats",
            params={"group_by": "to_partner", "period": "year"} | params,
            headers=net.shelter.headers,
        )
        assert response.status_code == 200, response.text
        (total,) = [r for r in response.json()["rows"] if r["group"]["kind"] == "total"]
        return total["minutes_to_receive_median"], total["minutes_to_receive_p90"]

    network = median()
    own = median(partner_id=net.world.a_partner["id"])
    # Sent 107 ... 1007 minutes ago; the 5th and 9th of ten: 507 -> 500, 907 -> 900.
    assert network == own
    assert network[0] == {"value": 500, "suppressed": False}
    assert network[1] == {"value": 900, "suppressed": False}


def test_referrals_written_while_their_network_moves_are_counted_where_it_now_is(
    net: Referrals, app: FastAPI, make: Factory
) -> None:
    """The move holds its subtree's networks; a referral sent or moved on in it meanwhile
    waits for the move and is counted under the new lineage (without the locks, PostgreSQL
    counted it under the old one, missed by the move: the national network never had it)."""
    national = make.network("national-net")
    before = net.sent()  # sent before the move, moved on during it
    factory = app.state.session_factory
    moving = factory()
    row = moving.get(Network, net.world.a.id)
    assert row is not None
    row.parent_id = national.id
    moving.flush()  # the move's trigger has run; its transaction is still open
    route = {"pathway": None, "from": net.services["police"], "to": net.services["refuge"]}

    def write() -> None:
        with transaction(factory) as session:
            referral = session.get(Referral, uuid.UUID(before["id"]))
            assert referral is not None
            referral.status = "received"
            referral.received_at = datetime.now(UTC)
            referral.minutes_to_receive = 3
        with transaction(factory) as session:
            add_referral_row(session, net.world.a.id, route, datetime.now(UTC), ["legal_advice"])

    writer = threading.Thread(target=write)
    writer.start()
    writer.join(timeout=0.5)  # on PostgreSQL it waits for the move's locks
    moving.commit()
    moving.close()
    writer.join(timeout=30)
    assert not writer.is_alive()
    kept = assert_tallies_kept_as_counted(app)
    national_rows = [r for r in kept[0] if r[0] == str(national.id) and r[2].startswith("network:")]
    assert {r[3]: int(r[4]) for r in national_rows} == {"sent": 1, "received": 1}
