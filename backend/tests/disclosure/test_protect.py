"""The rules of disclosure control on examples small enough to check by hand: small counts
suppressed, zeros shown, the rest rounded to 5, and more cells suppressed wherever the
published numbers would give a suppressed count back."""

import copy

import pytest

from accord.disclosure import (
    SUPPRESSED,
    Axis,
    Policy,
    Protected,
    derived_allowed,
    protect,
)
from tests.disclosure.tally import tally

POLICY = Policy()  # k = 10, rounded to 5
ONE_YEAR = Axis("period", {"2026": ()})
QUARTER = Axis("period", {"2026-Q1": ("2026-01", "2026-02", "2026-03")})
STATUSES = Axis("status", {"total": ("sent", "accepted", "declined", "completed")})
NEEDS = Axis("need", {"total": ("housing", "legal")}, additive=False)


def published_count(count: int, policy: Policy = POLICY) -> int | None:
    return protect({("2026",): count}, [ONE_YEAR], policy)[("2026",)]


def test_a_small_count_is_suppressed() -> None:
    assert published_count(3) is SUPPRESSED
    assert published_count(1) is SUPPRESSED
    assert published_count(9) is SUPPRESSED


def test_a_zero_is_published_as_zero() -> None:
    assert published_count(0) == 0
    assert protect({}, [ONE_YEAR], POLICY)[("2026",)] == 0  # a missing cell is a zero


def test_other_counts_are_rounded_to_the_nearest_five_halves_up() -> None:
    assert published_count(10) == 10
    assert published_count(12) == 10
    assert published_count(13) == 15
    assert published_count(1_002) == 1_000
    ten = Policy(threshold=10, rounding_base=10)
    assert published_count(14, ten) == 10
    assert published_count(15, ten) == 20  # a half rounds up


def test_no_rounded_value_says_a_count_exactly() -> None:
    # With k = 7, a published 5 could only mean 7: so 7 is suppressed too.
    seven = Policy(threshold=7)
    assert seven.smallest_published == 8
    assert published_count(7, seven) is SUPPRESSED
    assert published_count(8, seven) == 10  # 10 holds 8 to 12
    assert Policy(threshold=10).smallest_published == 10  # 10 holds 10 to 12
    assert Policy(threshold=5).smallest_published == 5  # 5 holds 5 to 7


def test_a_lone_small_month_in_a_quarter_takes_the_next_smallest_month_with_it() -> None:
    counts = tally([QUARTER], {("2026-01",): 3, ("2026-02",): 12, ("2026-03",): 20})
    published = protect(counts, [QUARTER], POLICY)
    # The quarter (35) less March (20) and February would give January's 3 back.
    assert published[("2026-01",)] is SUPPRESSED
    assert published[("2026-02",)] is SUPPRESSED
    assert published[("2026-03",)] == 20
    assert published[("2026-Q1",)] == 35


def test_a_lone_small_status_in_a_row_takes_the_next_smallest_status_with_it() -> None:
    counts = tally(
        [STATUSES], {("sent",): 25, ("accepted",): 4, ("declined",): 11, ("completed",): 30}
    )
    published = protect(counts, [STATUSES], POLICY)
    assert published[("accepted",)] is SUPPRESSED
    assert published[("declined",)] is SUPPRESSED  # the smallest published status
    assert published[("sent",)] == 25
    assert published[("completed",)] == 30
    assert published[("total",)] == 70


def test_a_tie_takes_the_first_status_in_the_axis_order() -> None:
    counts = tally(
        [STATUSES], {("sent",): 12, ("accepted",): 4, ("declined",): 12, ("completed",): 12}
    )
    published = protect(counts, [STATUSES], POLICY)
    assert [published[(status,)] for status in STATUSES.keys] == [40, None, None, 10, 10]


def test_needs_do_not_add_up_so_a_small_need_suppresses_no_other() -> None:
    # Referrals with several needs: 3 need housing, 15 legal help, 16 in all.
    counts = tally(
        [NEEDS],
        {
            (frozenset({"total", "housing", "legal"}),): 2,
            (frozenset({"total", "housing"}),): 1,
            (frozenset({"total", "legal"}),): 13,
        },
    )
    assert counts == {("total",): 16, ("housing",): 3, ("legal",): 15}
    published = protect(counts, [NEEDS], POLICY)
    assert published[("housing",)] is SUPPRESSED
    assert published[("legal",)] == 15
    assert published[("total",)] == 15


def test_needs_beside_partners_on_one_axis_add_up_to_nothing() -> None:
    groups = Axis("group", {"total": ("partner-1", "partner-2")}, parts={"total": ("housing",)})
    assert groups.keys == ("total", "partner-1", "partner-2", "housing")
    counts = {("total",): 35, ("partner-1",): 20, ("partner-2",): 15, ("housing",): 3}
    published = protect(counts, [groups], POLICY)
    assert dict(published) == {
        ("total",): 35,
        ("partner-1",): 20,
        ("partner-2",): 15,
        ("housing",): SUPPRESSED,
    }


def test_a_suppressed_cell_whose_siblings_are_zero_takes_its_parent_with_it() -> None:
    months = Axis("period", {"2026-Q1": ("2026-01", "2026-02")})
    statuses = Axis("status", {"total": ("sent", "accepted")})
    counts = tally(
        [months, statuses],
        {("2026-01", "sent"): 3, ("2026-01", "accepted"): 20, ("2026-02", "sent"): 30},
    )
    published = protect(counts, [months, statuses], POLICY)
    # January's 3 takes February's 30 sent with it (the quarter's sent would give it back).
    assert published[("2026-01", "sent")] is SUPPRESSED
    assert published[("2026-02", "sent")] is SUPPRESSED
    # February accepted none, so its total would give its 30 sent back: it goes too.
    assert published[("2026-02", "accepted")] == 0
    assert published[("2026-02", "total")] is SUPPRESSED


def test_every_relation_is_left_with_no_or_at_least_two_suppressed_cells() -> None:
    counts = tally(
        [QUARTER, STATUSES],
        {
            ("2026-01", "sent"): 3,
            ("2026-01", "accepted"): 14,
            ("2026-02", "sent"): 22,
            ("2026-02", "declined"): 2,
            ("2026-03", "completed"): 40,
            ("2026-03", "sent"): 11,
        },
    )
    published = protect(counts, [QUARTER, STATUSES], POLICY)
    for status in STATUSES.keys:
        column = [published[(month, status)] for month in QUARTER.keys]
        assert column.count(SUPPRESSED) != 1, status
    for month in QUARTER.keys:
        row = [published[(month, status)] for status in STATUSES.keys]
        assert row.count(SUPPRESSED) != 1, month


def test_a_published_quarter_that_leaves_no_room_is_suppressed_too() -> None:
    # 12 in the year (published 10: 10 to 12), 10 in the third quarter (published: at least
    # 10), so the first two, suppressed, at least 1 each, would be 1 and 1 exactly.
    year = Axis("period", {"2026": ("2026-Q1", "2026-Q2", "2026-Q3")})
    counts = tally([year], {("2026-Q1",): 1, ("2026-Q2",): 1, ("2026-Q3",): 10})
    published = protect(counts, [year], POLICY)
    assert published[("2026",)] == 10
    assert [published[(q,)] for q in ("2026-Q1", "2026-Q2", "2026-Q3")] == [None] * 3


def test_a_year_of_one_referral_a_month_publishes_nothing_but_zeros() -> None:
    # Twelve months of 1, four quarters of 3: a year published as 10 (10 to 12) would say
    # they are all exactly that.
    quarters = {
        f"2026-Q{q}": tuple(f"2026-{m:02d}" for m in range(3 * q - 2, 3 * q + 1))
        for q in (1, 2, 3, 4)
    }
    year = Axis("period", {"2026": tuple(quarters), **quarters})
    months = [key for key in year.keys if key not in year.children]
    published = protect(tally([year], {(month,): 1 for month in months}), [year], POLICY)
    assert all(published.is_suppressed(cell) for cell in published)


def test_the_answer_says_nothing_of_a_suppressed_count_or_why() -> None:
    def answer(january: int) -> Protected:
        counts = tally([QUARTER], {("2026-01",): january, ("2026-02",): 12, ("2026-03",): 20})
        # Given in another order: the answer depends on the counts, not on their order.
        return protect(dict(reversed(counts.items())), [QUARTER], POLICY)

    # January's 3 or 4 (the quarter 35 or 36): the same answer, February suppressed alike.
    assert dict(answer(3)) == dict(answer(4))
    assert answer(3).is_suppressed(("2026-01",)) and answer(3).is_suppressed(("2026-02",))


def test_the_same_counts_always_get_the_same_answer() -> None:
    kinds = {
        (month, status): (i * 7 + j * 3) % 17
        for i, month in enumerate(("2026-01", "2026-02", "2026-03"))
        for j, status in enumerate(STATUSES.children["total"])
    }
    counts = tally([QUARTER, STATUSES], kinds)
    first = dict(protect(counts, [QUARTER, STATUSES], POLICY))
    assert all(dict(protect(counts, [QUARTER, STATUSES], POLICY)) == first for _ in range(3))
    shuffled = dict(sorted(counts.items(), key=lambda item: (item[1], item[0][::-1])))
    assert dict(protect(shuffled, [QUARTER, STATUSES], POLICY)) == first
    # And with the same axes given anew (equal, not the same objects).
    again = [Axis("period", dict(QUARTER.children)), Axis("status", dict(STATUSES.children))]
    assert dict(protect(counts, again, POLICY)) == first


def test_a_derived_value_is_allowed_only_from_published_cells() -> None:
    counts = tally(
        [STATUSES], {("sent",): 25, ("accepted",): 4, ("declined",): 11, ("completed",): 30}
    )
    published = protect(counts, [STATUSES], POLICY)
    assert derived_allowed(published, [("completed",), ("total",)])  # a completion rate
    assert not derived_allowed(published, [("accepted",), ("total",)])  # from a small count
    assert not derived_allowed(published, [("declined",), ("total",)])  # from a complement
    # A median of times known for only 8 of the 30 completed referrals.
    assert not derived_allowed(published, [("completed",)], sample_size=8)
    assert derived_allowed(published, [("completed",)], sample_size=10)


def test_the_threshold_is_never_below_five() -> None:
    with pytest.raises(ValueError, match="threshold"):
        Policy(threshold=4)
    assert Policy(threshold=5).threshold == 5
    with pytest.raises(ValueError, match="rounding"):
        Policy(rounding_base=0)


def test_an_axis_lists_every_key_parents_first() -> None:
    periods = Axis(
        "period",
        {"2026": ("2026-Q1", "2026-Q2"), "2026-Q1": ("2026-01", "2026-02", "2026-03")},
    )
    assert periods.keys == ("2026", "2026-Q1", "2026-01", "2026-02", "2026-03", "2026-Q2")
    assert periods.parent["2026-02"] == "2026-Q1"
    assert copy.deepcopy(periods) == periods  # an axis can be kept and copied
    with pytest.raises(ValueError, match="two parents"):
        Axis("period", {"2026-Q1": ("2026-01",), "2026-Q2": ("2026-01",)})
    with pytest.raises(ValueError, match="tree"):
        Axis("period", {"a": ("b",), "b": ("a",)})


def test_counts_that_do_not_add_up_are_refused() -> None:
    with pytest.raises(ValueError, match="sum"):
        protect({("2026-Q1",): 30, ("2026-01",): 12}, [QUARTER], POLICY)
    with pytest.raises(ValueError, match="outside"):
        protect({("2027-01",): 12}, [QUARTER], POLICY)
    with pytest.raises(ValueError, match="negative"):
        protect({("2026-Q1",): -1, ("2026-01",): -1}, [QUARTER], POLICY)
