"""Referral statistics: counts by status, acceptance rate, and the median and 90th percentile
of the minutes to receive and to accept, by calendar month, quarter or year and by pathway,
receiving partner or need.

Who reads what (`scope`):
- `network`: any member reads every referral of the network and of the networks nested below
  it (a national network consolidates its sub-networks'), through disclosure control
  (accord/disclosure): small counts suppressed, every count rounded. A nested network's
  referrals are one group (`network`), so a consolidated answer never names which of its
  partners contributed a cell.
- `partner`: a partner's own editors read, exactly, the referrals it sent or received.

No differencing: periods are fixed UTC calendar months, quarters and years of one year, and
groups come from closed lists. Every answer of a year is a slice of one protected lattice
(periods by groups by statuses): months and quarters, partners, pathways and needs are the
same numbers suppressed the same way, so putting answers side by side gives nothing back.
The needs overlap (a referral can have several), so they are parts of the total beside the
partners' tree (`Axis.parts`), adding up to nothing. (A year still under way changes as
referrals come in: two answers a day apart may differ by one referral; accord/disclosure
protects each answer, not the difference between two.)

A rate, median or percentile is published only where the row's total is and it is computed
from at least `threshold` referrals; a rate also needs its accepted and declined counts each
zero or at least the threshold, since a rate of a small count gives it back. Minutes are
given to two significant figures, rounded down (tallies.two_significant).

Where the figures come from: the network's from the tallies the database keeps beside the
referrals (tallies.py: a national year is a few thousand rows there, against 670,000
referrals), each percentile computed in the database from its group's minute histogram; a
partner's own from its referrals."""

import math
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import product
from typing import Any

from sqlalchemy import case, extract, func, literal, or_, select
from sqlmodel import Session, col

from accord.core.database import fetch_rows
from accord.core.errors import Forbidden
from accord.core.kept import EVERYONE, KeptAnswers, Part
from accord.core.vocabulary import ReferralStatus
from accord.disclosure import Axis, Policy, Protected, protect
from accord.networks import service as networks
from accord.networks.access import NetworkAccess
from accord.networks.models import Network
from accord.networks.revision import revisions_of
from accord.referrals.models import (
    GroupKind,
    Referral,
    ReferralNeed,
    StatCount,
    StatCounts,
    StatMeasure,
    StatsAnswer,
    StatsGroup,
    StatsGroupBy,
    StatsPeriod,
    StatsRow,
)
from accord.referrals.service import is_party
from accord.referrals.tallies import ReferralMinuteTally, ReferralTally, two_significant

TOTAL = "total"
STATUSES = tuple(status.value for status in ReferralStatus)
STATUS_AXIS = Axis("status", {TOTAL: STATUSES})
ROUNDING_BASE = 5


@dataclass(frozen=True)
class StatsQuery:
    group_by: StatsGroupBy
    period: StatsPeriod
    year: int
    partner_id: uuid.UUID | None = None


def _month(year: int, month: int) -> str:
    return f"{year}-{month:02d}"


def _quarter(year: int, quarter: int) -> str:
    return f"{year}-Q{quarter}"


def period_axis(year: int) -> Axis:
    children: dict[str, list[str]] = {str(year): [_quarter(year, q) for q in range(1, 5)]}
    for quarter in range(1, 5):
        children[_quarter(year, quarter)] = [
            _month(year, month) for month in range(3 * quarter - 2, 3 * quarter + 1)
        ]
    return Axis("period", children)


def _period_keys(year: int, period: StatsPeriod) -> list[str]:
    if period == StatsPeriod.year:
        return [str(year)]
    if period == StatsPeriod.quarter:
        return [_quarter(year, q) for q in range(1, 5)]
    return [_month(year, m) for m in range(1, 13)]


# --- what is counted -------------------------------------------------------------------------


@dataclass
class Leaves:
    """Exact figures by (month, leaf group, status), and the accepted and declined ones
    rates are computed from, by (month, leaf group)."""

    counts: dict[tuple[str, ...], int] = field(default_factory=lambda: defaultdict(int))
    accepted: dict[tuple[str, str], int] = field(default_factory=lambda: defaultdict(int))
    declined: dict[tuple[str, str], int] = field(default_factory=lambda: defaultdict(int))
    # The partner's own minutes, by (month, leaf group, measure); the network's come from
    # the minute tallies, a percentile at a time (`_network_timings`).
    minutes: dict[tuple[str, str, str], list[int]] = field(
        default_factory=lambda: defaultdict(list)
    )

    def merge(self, other: "Leaves") -> None:
        self.counts.update(other.counts)
        self.accepted.update(other.accepted)
        self.declined.update(other.declined)
        self.minutes.update(other.minutes)


@dataclass(frozen=True)
class Timing:
    """The median and 90th percentile of `count` referrals' minutes, to two significant
    figures (tallies.two_significant)."""

    count: int
    median: int
    p90: int


# (period, group, measure) -> its timing; None: no referral took that step.
TimingOf = Callable[[str, str, str], "Timing | None"]


def _year_bounds(year: int) -> tuple[datetime, datetime]:
    return datetime(year, 1, 1, tzinfo=UTC), datetime(year + 1, 1, 1, tzinfo=UTC)


def _partner_conditions(network_id: uuid.UUID, year: int, partner_id: uuid.UUID) -> list[Any]:
    """The referrals the partner sent or received in the year, in its network."""
    start, end = _year_bounds(year)
    return [
        col(Referral.network_id) == network_id,
        col(Referral.sent_at) >= start,
        col(Referral.sent_at) < end,
        or_(col(Referral.from_partner_id) == partner_id, col(Referral.to_partner_id) == partner_id),
    ]


def _partner_leaves(
    session: Session, conditions: list[Any], year: int, *, by_need: bool
) -> tuple[Leaves, dict[str, str]]:
    """A partner's own figures, counted from its referrals: the leaves of the partners'
    lattice (by_need False) or of the needs' one, and each partner-level group's parent
    (pathway and off-pathway groups under their receiving partner)."""
    month = extract("month", col(Referral.sent_at))
    groups: list[Any] = (
        [col(ReferralNeed.value)]
        if by_need
        else [col(Referral.to_partner_id), col(Referral.pathway_id)]
    )
    accepted = func.sum(case((col(Referral.accepted_at).is_not(None), 1), else_=0))
    declined = func.sum(case((col(Referral.declined_at).is_not(None), 1), else_=0))
    counted = select(month, *groups, col(Referral.status), func.count(), accepted, declined)
    timed = select(
        month, *groups, col(Referral.minutes_to_receive), col(Referral.minutes_to_accept)
    )
    if by_need:
        counted = counted.join(ReferralNeed, col(ReferralNeed.referral_id) == col(Referral.id))
        timed = timed.join(ReferralNeed, col(ReferralNeed.referral_id) == col(Referral.id))
    counted = counted.where(*conditions).group_by(month, *groups, col(Referral.status))
    timed = timed.where(*conditions, col(Referral.minutes_to_receive).is_not(None))
    leaves, parents = Leaves(), {}

    def leaf_of(values: Sequence[Any]) -> str:
        if by_need:
            return f"need:{values[0]}"
        partner, pathway = values
        leaf = f"pathway:{pathway}" if pathway is not None else f"off_pathway:{partner}"
        parents[leaf] = f"partner:{partner}"
        return leaf

    width = len(groups)
    for row in fetch_rows(session, counted):
        key = (_month(year, int(row[0])), leaf_of(row[1 : 1 + width]))
        status, count, accepted_count, declined_count = row[1 + width :]
        leaves.counts[(*key, str(status))] += count
        leaves.accepted[key] += int(accepted_count or 0)
        leaves.declined[key] += int(declined_count or 0)
    for row in fetch_rows(session, timed):
        month_key, group = _month(year, int(row[0])), leaf_of(row[1 : 1 + width])
        leaves.minutes[(month_key, group, "receive")].append(int(row[1 + width]))
        if row[2 + width] is not None:
            leaves.minutes[(month_key, group, "accept")].append(int(row[2 + width]))
    return leaves, parents


def _tally_group(key: str, slugs: Mapping[uuid.UUID, str]) -> tuple[str, str | None]:
    """A tally's group key as the lattice names it, with its parent in the partners' tree
    (None: under the total, or a need)."""
    kind, _, rest = key.partition(":")
    if kind == "pathway":
        pathway, _, partner = rest.partition(":")
        if not partner:  # the minute tallies name a pathway alone
            return f"pathway:{uuid.UUID(pathway)}", None
        return f"pathway:{uuid.UUID(pathway)}", f"partner:{uuid.UUID(partner)}"
    if kind == "off_pathway":
        return f"off_pathway:{uuid.UUID(rest)}", f"partner:{uuid.UUID(rest)}"
    if kind == "partner":
        return f"partner:{uuid.UUID(rest)}", None
    if kind == "network":
        return f"network:{slugs[uuid.UUID(rest)]}", None
    return key, None  # total, need:<code>


def _month_range(year: int) -> tuple[int, int]:
    return year * 100 + 1, year * 100 + 12


def _network_leaves(
    session: Session, network_id: uuid.UUID, slugs: Mapping[uuid.UUID, str], year: int
) -> tuple[Leaves, Leaves, dict[str, str]]:
    """The network's figures of the year from its tallies (its own referrals and every
    nested network's): the partners' lattice's leaves, the needs', and the parents."""
    first, last = _month_range(year)
    rows = fetch_rows(
        session,
        select(
            col(ReferralTally.month),
            col(ReferralTally.group_key),
            col(ReferralTally.status),
            col(ReferralTally.count),
            col(ReferralTally.accepted),
            col(ReferralTally.declined),
        ).where(
            col(ReferralTally.network_id) == network_id,
            col(ReferralTally.month).between(first, last),
            col(ReferralTally.count) != 0,
        ),
    )
    groups, needs, parents = Leaves(), Leaves(), {}
    for month, key, status, count, accepted, declined in rows:
        leaf, parent = _tally_group(key, slugs)
        leaves = needs if leaf.startswith("need:") else groups
        if parent is not None:
            parents[leaf] = parent
        cell = (_month(year, month % 100), leaf)
        leaves.counts[(*cell, status)] += count
        leaves.accepted[cell] += accepted
        leaves.declined[cell] += declined
    return groups, needs, parents


def _network_timings(
    session: Session,
    network_id: uuid.UUID,
    slugs: Mapping[uuid.UUID, str],
    query: StatsQuery,
) -> dict[tuple[str, str, str], Timing]:
    """The median and 90th percentile of every row the answer shows, each from its group's
    minute histogram in the database (the nearest rank: the first bucket whose running
    count reaches half, or nine tenths, of all)."""
    t = ReferralMinuteTally
    first, last = _month_range(query.year)
    month = col(t.month) - query.year * 100
    period: Any
    if query.period == StatsPeriod.month:
        period = month
    elif query.period == StatsPeriod.quarter:
        period = (month + 2) // 3
    else:
        period = literal(0)
    kinds = _SHOWN_KINDS[query.group_by]
    wanted = or_(
        col(t.group_key) == TOTAL, *(col(t.group_key).startswith(f"{kind}:") for kind in kinds)
    )
    merged = (
        select(
            period.label("period"),
            col(t.group_key).label("group_key"),
            col(t.measure).label("measure"),
            col(t.minutes).label("minutes"),
            func.sum(col(t.count)).label("count"),
        )
        .where(col(t.network_id) == network_id, col(t.month).between(first, last), wanted)
        .group_by(period, col(t.group_key), col(t.measure), col(t.minutes))
        .having(func.sum(col(t.count)) != 0)
        .subquery()
    )
    partition = [merged.c.period, merged.c.group_key, merged.c.measure]
    running = (
        select(
            *partition,
            merged.c.minutes,
            func.sum(merged.c.count)
            .over(partition_by=partition, order_by=merged.c.minutes)
            .label("running"),
            func.sum(merged.c.count).over(partition_by=partition).label("n"),
        )
    ).subquery()
    ranked = select(
        running.c.period,
        running.c.group_key,
        running.c.measure,
        func.max(running.c.n),
        func.min(case((running.c.running * 2 >= running.c.n, running.c.minutes))),
        func.min(case((running.c.running * 10 >= running.c.n * 9, running.c.minutes))),
    ).group_by(running.c.period, running.c.group_key, running.c.measure)
    timings = {}
    for period_number, key, measure, count, median, p90 in fetch_rows(session, ranked):
        label = _period_label(query.year, query.period, int(period_number))
        group, _ = _tally_group(key, slugs)
        timings[(label, group, measure)] = Timing(int(count), int(median), int(p90))
    return timings


def _period_label(year: int, period: StatsPeriod, number: int) -> str:
    if period == StatsPeriod.month:
        return _month(year, number)
    if period == StatsPeriod.quarter:
        return _quarter(year, number)
    return str(year)


def _partner_timings(lattice: "Lattice") -> TimingOf:
    """A partner's own timings, from its referrals' minutes, rounded as the network's are."""

    def timing(period: str, group: str, measure: str) -> Timing | None:
        periods, groups, _ = lattice.axes
        values = [
            two_significant(value)
            for m in _below(periods, period)
            for g in _below(groups, group)
            for value in lattice.leaves.minutes.get((m, g, measure), ())
        ]
        if not values:
            return None
        return Timing(len(values), _nearest_rank(values, 0.5), _nearest_rank(values, 0.9))

    return timing


def _group_axis(leaves: Iterable[str], parents: Mapping[str, str], needs: Iterable[str]) -> Axis:
    """The partners' tree (total > partners > their pathways and off-pathway referrals;
    nested networks under the total), with the needs as parts of the total."""
    children: dict[str, set[str]] = defaultdict(set)
    for leaf in leaves:
        parent = parents.get(leaf)
        if parent is None:
            children[TOTAL].add(leaf)
        else:
            children[TOTAL].add(parent)
            children[parent].add(leaf)
    children.setdefault(TOTAL, set())
    tree = {key: sorted(kids) for key, kids in sorted(children.items(), key=_total_first)}
    return Axis("group", tree, parts={TOTAL: sorted(set(needs))})


def _total_first(item: tuple[str, Any]) -> tuple[bool, str]:
    return (item[0] != TOTAL, item[0])


def _chains(axis: Axis) -> dict[str, tuple[str, ...]]:
    """Each key with the keys above it (those its count adds to)."""
    chains: dict[str, tuple[str, ...]] = {}
    for key in axis.keys:
        parent = axis.parent.get(key) if axis.additive else None
        if parent is not None and key not in axis.children.get(parent, ()):
            parent = None  # a part (a need) counts some of its parent's, adding up to nothing
        chains[key] = (key, *(chains[parent] if parent is not None else ()))
    return chains


def _rolled_up(
    leaves: Mapping[tuple[str, ...], int], axes: Sequence[Axis]
) -> dict[tuple[str, ...], int]:
    chains = [_chains(axis) for axis in axes]
    counts: dict[tuple[str, ...], int] = defaultdict(int)
    for cell, count in leaves.items():
        for combined in product(*(chain[key] for chain, key in zip(chains, cell, strict=True))):
            counts[combined] += count
    return counts


def _below(axis: Axis, key: str) -> list[str]:
    """The leaves under `key` (itself, for a leaf)."""
    kids = axis.children.get(key, ())
    if not kids:
        return [key]
    return [leaf for kid in kids for leaf in _below(axis, kid)]


# --- the answer ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Lattice:
    axes: tuple[Axis, Axis, Axis]
    leaves: Leaves
    published: Protected | None  # None: the partner's own exact figures
    exact: Mapping[tuple[str, ...], int]


def _lattice(leaves: Leaves, group_axis: Axis, year: int, policy: Policy | None) -> Lattice:
    axes = (period_axis(year), group_axis, STATUS_AXIS)
    exact = _rolled_up(leaves.counts, axes)
    published = protect(exact, axes, policy) if policy is not None else None
    return Lattice(axes, leaves, published, exact)


def _count(lattice: Lattice, cell: tuple[str, ...]) -> StatCount:
    if lattice.published is None:
        return StatCount(value=lattice.exact.get(cell, 0), suppressed=False)
    value = lattice.published[cell]
    return StatCount(value=value, suppressed=value is None)


def _nearest_rank(values: list[int], share: float) -> int:
    ordered = sorted(values)
    return ordered[max(math.ceil(share * len(ordered)) - 1, 0)]


def _row(
    lattice: Lattice, period: str, group: str, threshold: int | None, timing: TimingOf
) -> StatsRow:
    periods, groups, _ = lattice.axes
    keys = [(m, g) for m in _below(periods, period) for g in _below(groups, group)]
    accepted = sum(lattice.leaves.accepted.get(k, 0) for k in keys)
    declined = sum(lattice.leaves.declined.get(k, 0) for k in keys)
    total = _count(lattice, (period, group, TOTAL))
    # Exact figures for the partner itself; beyond it, only from enough referrals.
    least = threshold or 1

    def enough(count: int) -> bool:
        return count == 0 or count >= least

    def measures(measure: str) -> tuple[StatMeasure, StatMeasure]:
        found = timing(period, group, measure)
        if found is None:
            unknown = StatMeasure(value=None, suppressed=False)
            return unknown, unknown
        if total.suppressed or found.count < least:
            hidden = StatMeasure(value=None, suppressed=True)
            return hidden, hidden
        return (
            StatMeasure(value=found.median, suppressed=False),
            StatMeasure(value=found.p90, suppressed=False),
        )

    if accepted + declined == 0:
        rate = StatMeasure(value=None, suppressed=False)
    elif (
        total.suppressed
        or not (enough(accepted) and enough(declined))
        or accepted + declined < least
    ):
        rate = StatMeasure(value=None, suppressed=True)
    else:
        rate = StatMeasure(value=round(100 * accepted / (accepted + declined)), suppressed=False)
    receive_median, receive_p90 = measures("receive")
    accept_median, accept_p90 = measures("accept")
    return StatsRow(
        period=period,
        group=_group(group),
        counts=StatCounts(
            **{status: _count(lattice, (period, group, status)) for status in (TOTAL, *STATUSES)}
        ),
        acceptance_rate_percent=rate,
        minutes_to_receive_median=receive_median,
        minutes_to_receive_p90=receive_p90,
        minutes_to_accept_median=accept_median,
        minutes_to_accept_p90=accept_p90,
    )


def _group(key: str) -> StatsGroup:
    if key == TOTAL:
        return StatsGroup(kind=GroupKind.total, id=None, code=None)
    kind, _, value = key.partition(":")
    if kind in ("need", "network"):
        return StatsGroup(kind=GroupKind(kind), id=None, code=value)
    return StatsGroup(kind=GroupKind(kind), id=uuid.UUID(value), code=None)


_SHOWN_KINDS = {
    StatsGroupBy.to_partner: ("partner", "network"),
    StatsGroupBy.pathway: ("pathway", "off_pathway", "network"),
    StatsGroupBy.need: ("need",),
}


def referral_stats(
    session: Session, kept: KeptAnswers, access: NetworkAccess, query: StatsQuery
) -> StatsAnswer:
    """The answer to `query`: the partner's own figures, counted from its referrals each
    time, or the network's, the same for every member and kept (core/kept.py) under the
    referrals' part of the revision of the network and of every network nested below it,
    which the database moves with the referrals whose tallies it reads."""
    network = session.get(Network, access.network_id)
    assert network is not None  # the access dependency found it
    if query.partner_id is not None:
        if not is_party(access, query.partner_id):
            raise Forbidden(
                "A partner's exact figures are for its own editors; every member reads the "
                "network's, with small counts suppressed."
            )
        return _partner_answer(session, network, query)
    included = networks.with_nested(session, network.id)
    nested = [network_id for network_id, _ in included[1:]]
    return kept.get(
        "referral-stats",
        session,
        network.id,
        access.revisions,
        EVERYONE,
        (query.group_by, query.period, query.year),
        lambda: _network_answer(session, network, included, query),
        also=revisions_of(session, nested, Part.referrals),
    )


def _partner_answer(session: Session, network: Network, query: StatsQuery) -> StatsAnswer:
    assert query.partner_id is not None
    conditions = _partner_conditions(network.id, query.year, query.partner_id)
    groups_of, parents = _partner_leaves(session, conditions, query.year, by_need=False)
    needs, _ = _partner_leaves(session, conditions, query.year, by_need=True)
    shown = _lattice(*_merged(groups_of, needs, parents), query.year, None)
    return _answer(shown, query, [network.slug], None, _partner_timings(shown))


def _network_answer(
    session: Session,
    network: Network,
    included: Sequence[tuple[uuid.UUID, str]],
    query: StatsQuery,
) -> StatsAnswer:
    slugs = dict(included)
    groups_of, needs, parents = _network_leaves(session, network.id, slugs, query.year)
    threshold = network.disclosure_threshold
    policy = Policy(threshold=threshold, rounding_base=ROUNDING_BASE)
    shown = _lattice(*_merged(groups_of, needs, parents), query.year, policy)
    timings = _network_timings(session, network.id, slugs, query)

    def timing(period: str, group: str, measure: str) -> Timing | None:
        return timings.get((period, group, measure))

    return _answer(shown, query, [slug for _, slug in included], threshold, timing)


def _merged(groups_of: Leaves, needs: Leaves, parents: Mapping[str, str]) -> tuple[Leaves, Axis]:
    """The partners' leaves and the needs' in one lattice's leaves, with its group axis."""
    leaves = Leaves()
    leaves.merge(groups_of)
    leaves.merge(needs)  # the keys differ: need groups
    return leaves, _group_axis(_leaf_groups(groups_of), parents, _leaf_groups(needs))


def _answer(
    shown: Lattice,
    query: StatsQuery,
    slugs: list[str],
    threshold: int | None,
    timing: TimingOf,
) -> StatsAnswer:
    kinds = _SHOWN_KINDS[query.group_by]
    group_keys = [key for key in shown.axes[1].keys if key.partition(":")[0] in kinds]
    rows = []
    for period in _period_keys(query.year, query.period):
        rows.append(_row(shown, period, TOTAL, threshold, timing))
        rows.extend(_row(shown, period, key, threshold, timing) for key in group_keys)
    network_scope = threshold is not None
    return StatsAnswer(
        year=query.year,
        period=query.period,
        group_by=query.group_by,
        scope="network" if network_scope else "partner",
        threshold=threshold,
        rounding_base=ROUNDING_BASE if network_scope else None,
        networks=slugs,
        rows=rows,
    )


def _leaf_groups(leaves: Leaves) -> set[str]:
    return {group for _, group, _ in leaves.counts}
