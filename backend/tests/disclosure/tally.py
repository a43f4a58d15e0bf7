"""Lattices of counts for the tests: the count of every cell, parents included, tallied from
the counts of what is counted (referrals), so that the sums hold as they do in real data."""

from collections import Counter
from collections.abc import Mapping, Sequence
from itertools import product

from accord.disclosure import Axis, Cell

# Where one kind of referral is counted, one entry per axis: on an additive axis its leaf key
# (it is counted there and in every ancestor); on a non-additive axis every key it is counted
# in (e.g. "total" and each of its needs).
Kind = tuple[str | frozenset[str], ...]


def ancestors_and_self(axis: Axis, key: str) -> list[str]:
    keys = [key]
    while keys[-1] in axis.parent:
        keys.append(axis.parent[keys[-1]])
    return keys


def tally(axes: Sequence[Axis], kinds: Mapping[Kind, int]) -> dict[Cell, int]:
    counts: Counter[Cell] = Counter()
    for kind, count in kinds.items():
        where = [
            ancestors_and_self(axis, entry) if isinstance(entry, str) else sorted(entry)
            for axis, entry in zip(axes, kind, strict=True)
        ]
        for cell in product(*where):
            counts[cell] += count
    return dict(counts)
