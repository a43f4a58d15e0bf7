"""Property-based: random referrals in a small network, every question the statistics allow
for their year (by receiving partner, pathway and need; by month, quarter and year), asked
through the API as any member would — and no combination of the answers gives back a
suppressed count.

The attacker knows the rules: a published count r > 0 is a true count within rounding of r
and at least the threshold; 0 is exactly 0; a suppressed count is at least 1 (a
complementary suppression looks like a primary one). It puts every answer side by side and
narrows each cell's range by every sum that holds between them — statuses add up to the
row's total, months to their quarter, quarters to the year, pathways (and off-pathway
referrals) to their receiving partner, partners to the total — and bounds each need by its
total, until nothing narrows. Every suppressed cell must still have at least two possible
values, and the truth must lie in every range (or the attacker, and the test, would be
wrong). The same cell must also read the same in every answer it appears in."""

import random
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi import FastAPI
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import delete

from accord.core.database import transaction
from accord.core.vocabulary import ReferralStatus
from accord.referrals.models import Referral
from tests.referrals.conftest import THROUGH_THE_DATABASE, Referrals, add_referral_row

YEAR = 2025
STATUSES = [status.value for status in ReferralStatus]
NEEDS = ["emergency_shelter", "safety_planning"]
INFINITY = 10**9
Cell = tuple[str, str, str]  # (period, group, status)


def _quarter(month: int) -> str:
    return f"{YEAR}-Q{(month - 1) // 3 + 1}"


@st.composite
def referral_sets(draw: st.DrawFn) -> list[tuple[int, int, str, tuple[str, ...]]]:
    """(month, route, status, needs) per referral: mostly few, so that suppression matters;
    route 0 and 1 are the police's pathway and an off-pathway referral to the refuge, 2 the
    refuge's pathway to legal aid."""
    months = draw(st.lists(st.integers(1, 12), min_size=1, max_size=3, unique=True))
    kinds = st.tuples(
        st.sampled_from(months),
        st.integers(0, 2),
        st.sampled_from(STATUSES),
        st.sampled_from([("emergency_shelter",), ("safety_planning",), tuple(NEEDS)]),
    )
    groups = draw(st.lists(st.tuples(kinds, st.integers(1, 14)), min_size=1, max_size=6))
    return [kind for kind, count in groups for _ in range(count)]


@pytest.fixture
def routes(net: Referrals) -> Iterator[list[dict[str, Any]]]:
    services = net.services
    yield [
        {
            "pathway": net.pathways["police_to_refuge"]["id"],
            "from": services["police"],
            "to": services["refuge"],
        },
        {"pathway": None, "from": services["police"], "to": services["refuge"]},
        {
            "pathway": net.pathways["refuge_to_legal"]["id"],
            "from": services["refuge"],
            "to": services["legal"],
        },
    ]


def _insert(
    app: FastAPI, net: Referrals, routes: list[dict[str, Any]], referrals: list[Any]
) -> None:
    chance = random.Random(len(referrals))  # noqa: S311 - test data, not secrets
    with transaction(app.state.session_factory) as session:
        session.execute(delete(Referral).where(Referral.network_id == net.world.a.id))  # type: ignore[arg-type]
        for month, route, status, needs in referrals:
            path = routes[route]
            sent = datetime(YEAR, month, chance.randint(1, 28), 12, tzinfo=UTC)
            received = status not in ("sent", "expired", "revoked") or chance.random() < 0.3
            accepted = status in ("accepted", "completed")
            add_referral_row(
                session,
                net.world.a.id,
                path,
                sent,
                needs,
                status=status,
                received_at=sent + timedelta(minutes=30) if received else None,
                minutes_to_receive=chance.randint(1, 600) if received else None,
                accepted_at=sent + timedelta(hours=1) if accepted else None,
                minutes_to_accept=chance.randint(30, 900) if accepted else None,
                declined_at=sent + timedelta(hours=1) if status == "declined" else None,
            )


def _truth(
    routes: list[dict[str, Any]], referrals: list[Any]
) -> tuple[Counter[Cell], dict[str, list[str]]]:
    """The exact count of every cell, and the group tree (a key -> its children)."""
    counts: Counter[Cell] = Counter()
    tree: dict[str, set[str]] = {"total": set()}
    for month, route, status, needs in referrals:
        path = routes[route]
        partner = f"partner:{path['to']['partner_id']}"
        leaf = (
            f"pathway:{path['pathway']}"
            if path["pathway"]
            else f"off_pathway:{path['to']['partner_id']}"
        )
        tree["total"].add(partner)
        tree.setdefault(partner, set()).add(leaf)
        groups = ["total", partner, leaf, *(f"need:{n}" for n in needs)]
        for period in (str(YEAR), _quarter(month), f"{YEAR}-{month:02d}"):
            for group in groups:
                for state in ("total", status):
                    counts[(period, group, state)] += 1
    return counts, {key: sorted(kids) for key, kids in tree.items()}


def _key(group: dict[str, Any]) -> str:
    if group["kind"] == "total":
        return "total"
    return f"{group['kind']}:{group['id'] or group['code']}"


def _published(net: Referrals) -> dict[Cell, int | None]:
    seen: dict[Cell, int | None] = {}
    for group_by in ("to_partner", "pathway", "need"):
        for period in ("month", "quarter", "year"):
            response = net.client.get(
                f"{net.base}/stats",
                params={"group_by": group_by, "period": period, "year": YEAR},
                headers=net.world.viewer.headers,
            )
            assert response.status_code == 200, response.text
            for row in response.json()["rows"]:
                for status, count in row["counts"].items():
                    cell = (row["period"], _key(row["group"]), status)
                    value = None if count["suppressed"] else count["value"]
                    assert seen.get(cell, value) == value, f"{cell} reads two ways"
                    seen[cell] = value
    return seen


def _relations(cells: set[Cell], tree: dict[str, list[str]]) -> list[tuple[Cell, list[Cell]]]:
    periods: dict[str, list[str]] = {str(YEAR): [f"{YEAR}-Q{q}" for q in range(1, 5)]}
    for q in range(1, 5):
        periods[f"{YEAR}-Q{q}"] = [f"{YEAR}-{m:02d}" for m in range(3 * q - 2, 3 * q + 1)]
    relations = []
    for period, group, status in cells:
        if status == "total":
            relations.append(((period, group, status), [(period, group, s) for s in STATUSES]))
        if period in periods:
            relations.append(
                ((period, group, status), [(p, group, status) for p in periods[period]])
            )
        if group in tree:
            relations.append(((period, group, status), [(period, g, status) for g in tree[group]]))
    return relations


def _attack(
    shown: dict[Cell, int | None], relations: list[tuple[Cell, list[Cell]]], threshold: int
) -> dict[Cell, list[int]]:
    bounds: dict[Cell, list[int]] = {}

    def bound(cell: Cell) -> list[int]:
        if cell not in bounds:
            value = shown.get(cell, 0)  # a row not in the answer has no referral at all
            if value is None:
                bounds[cell] = [1, INFINITY]
            elif value == 0:
                bounds[cell] = [0, 0]
            else:
                bounds[cell] = [max(threshold, value - 2), value + 2]
        return bounds[cell]

    for cell in shown:
        bound(cell)
    changed = True
    while changed:
        changed = False
        for parent, children in relations:
            p, kids = bound(parent), [bound(c) for c in children]
            low, high = sum(k[0] for k in kids), sum(min(k[1], INFINITY) for k in kids)
            if low > p[0] or high < p[1]:
                p[0], p[1] = max(p[0], low), min(p[1], high)
                changed = True
            for kid in kids:
                others_low = low - kid[0]
                others_high = high - kid[1]
                new_low, new_high = max(kid[0], p[0] - others_high), min(kid[1], p[1] - others_low)
                if new_low > kid[0] or new_high < kid[1]:
                    kid[0], kid[1] = new_low, new_high
                    changed = True
        for (period, group, status), limits in bounds.items():
            if group.startswith("need:"):  # a need is at most its total
                total = bound((period, "total", status))
                if limits[1] > total[1]:
                    limits[1] = total[1]
                    changed = True
    return bounds


@given(referrals=referral_sets())
@settings(THROUGH_THE_DATABASE, max_examples=25)
def test_no_combination_of_questions_gives_back_a_suppressed_count(
    net: Referrals, app: FastAPI, routes: list[dict[str, Any]], referrals: list[Any]
) -> None:
    _insert(app, net, routes, referrals)
    truth, tree = _truth(routes, referrals)
    shown = _published(net)
    bounds = _attack(shown, _relations(set(shown), tree), threshold=10)
    for cell, (low, high) in bounds.items():
        assert low <= truth.get(cell, 0) <= high, f"the attacker is wrong about {cell}"
    for cell, value in shown.items():
        if value is None:
            low, high = bounds[cell]
            assert high - low >= 1, f"{cell} = {truth[cell]} can be worked out: [{low}, {high}]"
        else:
            assert abs(value - truth[cell]) <= 2, cell
            # Nothing below the threshold is shown: a shown count is 0 or rounds from >= 10.
            assert value == 0 or value >= 10, f"{cell} shows {value}"
