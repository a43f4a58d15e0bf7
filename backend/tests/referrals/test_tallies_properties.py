"""Property-based: random sequences of what can happen to referrals and networks — sent along
a pathway or off it with one or two needs, moved on a step or several (their minutes set on
the way), their pathway taken away, deleted, their network nested under another, moved
higher or out — written as rows, the way any code would, each in its own transaction. After
every sequence the tallies the triggers kept are the tallies counted again from the rows."""

import random
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi import FastAPI
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlmodel import col, select

from accord.core.database import transaction
from accord.networks.models import Network
from accord.referrals.models import Referral
from tests.conftest import Factory
from tests.referrals.conftest import (
    THROUGH_THE_DATABASE,
    Referrals,
    add_referral_row,
    assert_tallies_kept_as_counted,
)

NEEDS = [("emergency_shelter",), ("safety_planning",), ("emergency_shelter", "legal_advice")]
# Each status a referral can be in, with the steps taken to reach it (what they set).
REACHED = {
    "sent": [],
    "received": ["received"],
    "accepted": ["received", "accepted"],
    "completed": ["received", "accepted", "completed"],
    "declined": ["received", "declined"],
    "revoked": ["revoked"],
    "expired": ["expired"],
}
# Where network A sits: nowhere, under N, under G, or under N under G.
NESTINGS = ["alone", "under_n", "under_g", "under_n_under_g"]

operations = st.one_of(
    st.tuples(
        st.just("send"),
        st.integers(0, 2),  # route
        st.sampled_from(range(len(NEEDS))),
        st.integers(1, 12),  # month of sending
    ),
    st.tuples(st.just("step"), st.integers(0, 50), st.sampled_from(sorted(REACHED))),
    st.tuples(st.just("off_pathway"), st.integers(0, 50)),
    st.tuples(st.just("delete"), st.integers(0, 50)),
    st.tuples(st.just("nest"), st.sampled_from(NESTINGS)),
)


def _routes(net: Referrals) -> list[dict[str, Any]]:
    """The police's pathway to the refuge, the same off-pathway, the refuge's to legal aid."""
    services, pathways = net.services, net.pathways
    ends = [
        (pathways["police_to_refuge"]["id"], "police", "refuge"),
        (None, "police", "refuge"),
        (pathways["refuge_to_legal"]["id"], "refuge", "legal"),
    ]
    return [
        {"pathway": pathway, "from": services[source], "to": services[target]}
        for pathway, source, target in ends
    ]


def _send(
    session: Any, net: Referrals, route: dict[str, Any], needs: tuple[str, ...], month: int
) -> None:
    sent = datetime(2025, month, 10, 12, tzinfo=UTC)
    add_referral_row(session, net.world.a.id, route, sent, needs)


def _step(row: Referral, status: str, chance: random.Random) -> None:
    """The referral as if it had taken the steps to `status` (from wherever it was)."""
    for step in REACHED[status]:
        at = row.sent_at + timedelta(minutes=chance.randint(1, 20_000))
        setattr(row, f"{step}_at", at)
        if step == "received":
            row.minutes_to_receive = chance.randint(0, 20_000)
        elif step == "accepted":
            row.minutes_to_accept = chance.randint(0, 40_000)
    row.status = status
    row.version += 1


def _nest(session: Any, net: Referrals, how: str, above: dict[str, uuid.UUID]) -> None:
    a = session.get(Network, net.world.a.id)
    n = session.get(Network, above["n"])
    n.parent_id = above["g"] if how == "under_n_under_g" else None
    session.flush()
    a.parent_id = {"alone": None, "under_n": n.id, "under_g": above["g"]}.get(how, n.id)


@given(steps=st.lists(operations, min_size=1, max_size=10))
@settings(THROUGH_THE_DATABASE, max_examples=30)
def test_whatever_happens_the_kept_tallies_are_the_counted_ones(
    net: Referrals, app: FastAPI, make: Factory, steps: list[Any]
) -> None:
    above = {}
    for slug in ("grand-net", "national-net"):
        with transaction(app.state.session_factory) as session:
            found = session.scalars(select(Network).where(col(Network.slug) == slug)).first()
        above[slug[0]] = found.id if found else make.network(slug).id
    routes = _routes(net)
    chance = random.Random(len(steps))  # noqa: S311 - test data, not secrets
    for operation in steps:
        with transaction(app.state.session_factory) as session:
            rows = session.scalars(
                select(Referral)
                .where(col(Referral.network_id) == net.world.a.id)
                .order_by(col(Referral.sent_at), col(Referral.id))
            ).all()
            kind, *args = operation
            if kind == "send":
                _send(session, net, routes[args[0]], NEEDS[args[1]], args[2])
            elif kind == "nest":
                _nest(session, net, args[0], above)
            elif rows:
                row = rows[args[0] % len(rows)]
                if kind == "step":
                    _step(row, args[1], chance)
                elif kind == "off_pathway":
                    row.pathway_id, row.off_pathway = None, True
                else:
                    session.delete(row)
    assert_tallies_kept_as_counted(app)
