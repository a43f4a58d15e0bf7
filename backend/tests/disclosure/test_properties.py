"""The guarantee of disclosure control, on random lattices: an attacker who sees every
published cell of a year (every slice, so every question the API can be asked about it) and
knows the rules cannot work out any suppressed count exactly.

The attacker, written here on its own rather than taken from the code under test: a cell
published as r > 0 holds a count that rounds to r and is at least the smallest published
count (smaller ones are suppressed); a 0 is exactly 0; a suppressed cell holds at least 1,
and nothing more is known of it, since a complementary suppression looks like a primary one.
Every sum relation (a parent is the sum of its children along an additive axis) narrows each
member's range from the others', and a part (a need) is at most its parent (the total), until
nothing narrows any more: interval propagation. Every suppressed cell must be left at least
two possible values, and every true count must lie in its range (else the attacker reasoned
unsoundly, and proved nothing)."""

import math
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain, combinations, product

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accord.disclosure import SUPPRESSED, Axis, Cell, Policy, Protected, protect
from tests.disclosure.tally import Kind, ancestors_and_self, tally

STATUSES = ("sent", "received", "accepted", "declined", "completed", "revoked", "expired")

# Deterministic in CI, and a few seconds (searches of 60,000 random examples found nothing).
EXAMPLES = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@dataclass(frozen=True)
class Case:
    axes: tuple[Axis, ...]
    counts: dict[Cell, int]
    policy: Policy


@st.composite
def periods(draw: st.DrawFn) -> Axis:
    """A year of four quarters of three months, or a shorter year of quarters (none to
    four, of one to three months), or a year of a few months."""
    shape = draw(st.sampled_from(["year", "shorter", "months"]))
    if shape == "months":
        months = [f"2026-{m:02d}" for m in range(1, draw(st.integers(1, 4)) + 1)]
        return Axis("period", {"2026": months})
    lengths = [3, 3, 3, 3] if shape == "year" else draw(st.lists(st.integers(1, 3), max_size=4))
    children: dict[str, list[str]] = {"2026": []}
    for quarter, length in enumerate(lengths, start=1):
        children["2026"].append(f"2026-Q{quarter}")
        first = 3 * quarter - 2
        children[f"2026-Q{quarter}"] = [f"2026-{m:02d}" for m in range(first, first + length)]
    return Axis("period", children)


@dataclass(frozen=True)
class Groups:
    axis: Axis
    kinds: tuple[frozenset[str], ...]  # where one kind of referral is counted on this axis


@st.composite
def groups(draw: st.DrawFn) -> Groups:
    """Partners (with or without their pathways), or needs (a referral may have several, so
    they do not add up: a non-additive axis), or partners with needs beside them on one axis
    (the needs as parts of the total)."""
    shape = draw(st.sampled_from(["partners", "pathways", "needs", "partners and needs"]))
    partners = [f"partner-{i}" for i in range(1, draw(st.integers(1, 3)) + 1)]
    needs = [f"need-{i}" for i in range(1, draw(st.integers(1, 3)) + 1)]
    need_sets = [
        frozenset(c) for c in chain.from_iterable(combinations(needs, n) for n in (0, 1, 2))
    ]
    if shape == "needs":
        axis = Axis("group", {"total": needs}, additive=False)
        return Groups(axis, tuple(frozenset({"total"}) | chosen for chosen in need_sets))
    children: dict[str, list[str]] = {"total": partners}
    if shape == "pathways":
        for partner in partners:
            pathways = draw(st.integers(1, 3))
            children[partner] = [f"{partner}/pathway-{j}" for j in range(1, pathways + 1)]
    if shape == "partners and needs":
        axis = Axis("group", children, parts={"total": needs})
        kinds = tuple(
            frozenset({"total", partner}) | chosen for partner in partners for chosen in need_sets
        )
        return Groups(axis, kinds)
    axis = Axis("group", children)
    leaves = [key for key in axis.keys if key not in axis.children]
    return Groups(axis, tuple(frozenset(ancestors_and_self(axis, leaf)) for leaf in leaves))


# How many referrals of each kind: mostly small, so that suppression matters, with many
# zeros, which an attacker knows exactly; sometimes larger, so that much is published.
COUNTS = {
    "sparse": st.sampled_from([0, 0, 0, 0, 1, 1, 2, 3, 5]),
    "mixed": st.one_of(st.just(0), st.integers(1, 9), st.integers(0, 30)),
    "dense": st.integers(0, 60),
}


@st.composite
def cases(draw: st.DrawFn) -> Case:
    period, grouped = draw(periods()), draw(groups())
    status = Axis("status", {"total": STATUSES[: draw(st.integers(2, 4))]})
    axes = (period, grouped.axis, status)
    months = [key for key in period.keys if key not in period.children]
    kinds: list[Kind] = list(product(months, grouped.kinds, status.children["total"]))
    count = COUNTS[draw(st.sampled_from(sorted(COUNTS)))]
    numbers = draw(st.lists(count, min_size=len(kinds), max_size=len(kinds)))
    policy = Policy(
        threshold=draw(st.integers(5, 12)), rounding_base=draw(st.sampled_from([1, 3, 5, 10]))
    )
    return Case(axes, tally(axes, dict(zip(kinds, numbers, strict=True))), policy)


def sum_relations(axes: Sequence[Axis]) -> list[tuple[Cell, list[Cell]]]:
    """(parent, children) of every sum relation of the lattice."""
    relations = []
    for a, axis in enumerate(axes):
        if not axis.additive:
            continue
        for parent, kids in axis.children.items():
            if kids:
                rest = [other.keys if i != a else (parent,) for i, other in enumerate(axes)]
                for cell in product(*rest):
                    relations.append((cell, [(*cell[:a], kid, *cell[a + 1 :]) for kid in kids]))
    return relations


def part_relations(axes: Sequence[Axis]) -> list[tuple[Cell, Cell]]:
    """(part, whole) of every part of the lattice: a need's cell and its total's."""
    relations = []
    for a, axis in enumerate(axes):
        parts = dict(axis.parts) if axis.additive else {**axis.children, **axis.parts}
        for whole, kids in parts.items():
            rest = [other.keys if i != a else (whole,) for i, other in enumerate(axes)]
            for cell in product(*rest):
                relations += [((*cell[:a], kid, *cell[a + 1 :]), cell) for kid in kids]
    return relations


def attack(published: Protected, case: Case) -> dict[Cell, tuple[float, float]]:
    """The narrowest range of every cell that the attacker can work out."""
    base, smallest = case.policy.rounding_base, case.policy.smallest_published
    low: dict[Cell, float] = {}
    high: dict[Cell, float] = {}
    for cell, shown in published.items():
        if shown is SUPPRESSED:
            low[cell], high[cell] = 1, math.inf
        elif shown == 0:
            low[cell], high[cell] = 0, 0
        else:  # rounds to `shown`, halves up: shown - base/2 <= count < shown + base/2
            low[cell], high[cell] = max(shown - base // 2, smallest), shown + (base - 1) // 2

    # (parent, children): parent = sum(children); (larger, [smaller]): a part and its whole
    constraints = sum_relations(case.axes)
    sums = len(constraints)
    constraints += [(whole, [part]) for part, whole in part_relations(case.axes)]
    touching: dict[Cell, list[int]] = {}
    for i, (parent, kids) in enumerate(constraints):
        for cell in [parent, *kids]:
            touching.setdefault(cell, []).append(i)

    def narrow(cell: Cell, lo: float, hi: float) -> bool:
        narrower = lo > low[cell] or hi < high[cell]
        low[cell], high[cell] = max(low[cell], lo), min(high[cell], hi)
        assert low[cell] <= high[cell], f"the attacker reasoned unsoundly at {cell}"
        return narrower

    queue, queued = deque(range(len(constraints))), set(range(len(constraints)))
    while queue:
        i = queue.popleft()
        queued.discard(i)
        parent, kids = constraints[i]
        narrowed: list[Cell] = []
        if i >= sums:  # the part kids[0] is at most its whole, `parent`
            (part,) = kids
            if narrow(part, low[part], high[parent]):
                narrowed.append(part)
            if narrow(parent, low[part], high[parent]):
                narrowed.append(parent)
        else:  # parent = sum(kids)
            lows, highs = [low[kid] for kid in kids], [high[kid] for kid in kids]
            if narrow(parent, sum(lows), sum(highs)):
                narrowed.append(parent)
            for j, kid in enumerate(kids):
                others_low = sum(lows) - lows[j]
                others_high = sum(h for n, h in enumerate(highs) if n != j)  # inf - inf: nan
                if narrow(kid, low[parent] - others_high, high[parent] - others_low):
                    narrowed.append(kid)
        for cell in narrowed:
            for touched in touching[cell]:
                if touched not in queued:
                    queue.append(touched)
                    queued.add(touched)
    return {cell: (low[cell], high[cell]) for cell in low}


@EXAMPLES
@given(cases())
def test_an_attacker_who_sees_every_cell_cannot_pin_a_suppressed_count(case: Case) -> None:
    published = protect(case.counts, case.axes, case.policy)
    for cell, (lo, hi) in attack(published, case).items():
        true = case.counts.get(cell, 0)
        assert lo <= true <= hi, f"the attacker reasoned unsoundly at {cell}"
        if published.is_suppressed(cell):
            assert hi - lo >= 1, f"{cell}, {true}, is pinned: {lo} to {hi}"


@EXAMPLES
@given(cases())
def test_what_is_published_follows_the_rules(case: Case) -> None:
    published = protect(case.counts, case.axes, case.policy)
    base, smallest = case.policy.rounding_base, case.policy.smallest_published
    assert smallest >= case.policy.threshold
    assert len(published) == math.prod(len(axis.keys) for axis in case.axes)
    for cell, shown in published.items():
        true = case.counts.get(cell, 0)
        if true == 0:
            assert shown == 0
        elif true < smallest:
            assert shown is SUPPRESSED
        elif shown is not SUPPRESSED:  # within rounding of the count, and never 0
            assert shown > 0 and shown % base == 0
            assert shown - base // 2 <= true <= shown + (base - 1) // 2
    for parent, kids in sum_relations(case.axes):
        members = [parent, *kids]
        assert sum(published.is_suppressed(cell) for cell in members) != 1, members
