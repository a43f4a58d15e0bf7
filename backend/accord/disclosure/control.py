"""Disclosure control of counts: what a published statistic may show, so that no small count
can be worked out from it, however many of its numbers are put together.

A statistic is a table of exact counts over several axes (periods, groups, statuses). Each
axis is a tree of keys. On an *additive* axis a parent's count is the sum of its children's:
a year is its quarters, a quarter its three months, "total" its statuses. A *part* counts
some of what its parent counts, overlapping other parts: one referral can have several
needs, so the needs do not add up to the total (a non-additive axis, or `Axis.parts`). A
*cell* has one key per axis. The caller gives the exact count of every cell of the whole
lattice (every combination of keys, parents included: a calendar year, say) and publishes
slices of that one answer, so that months and quarters, partners and pathways agree, and the
same question always gets the same answer: `protect` depends only on the counts, the axes and
the policy.

What is published of each cell:

1. **Primary suppression.** A count from 1 to k-1 is suppressed (k = `Policy.threshold`, a
   network setting never below 5). A zero is published as 0.
2. **Complementary suppression.** Along an additive axis a parent and its children (the other
   axes' keys held fixed) form a *relation*: parent = sum of children. A relation with exactly
   one suppressed member would give it back by subtraction, so one more member is suppressed:
   the smallest non-zero published child (ties: the first in the axis' order), or the parent
   if there is none; until no relation has exactly one suppressed member.
3. **Rounding.** Every published non-zero count, cells and totals alike, is rounded to the
   nearest multiple of `Policy.rounding_base` (5 by default; halves up), so that differences
   of published numbers (a quarter less its published months, a partner less its pathways)
   give ranges, not values.

That is the approach of the ONS's and OpenSAFELY's disclosure control: primary suppression of
small cells, complementary suppression so that totals cannot give them back, and rounding.
Random lattices (tests/disclosure/test_properties.py) showed it is not enough, hence:

4. **No rounded value that says a count exactly.** With k = 7 and rounding to 5, a published
   5 could only be 7. A count is published only if at least half the counts of its rounding
   bucket could be published too (`Policy.smallest_published`: k = 7 suppresses 7 as well;
   k = 5 and k = 10 suppress nothing more).
5. **An audit of what the published numbers give away together.** A year published as 10
   holds 10 to 12; if one of its quarters is published (so at least k = 10) and the other
   two are suppressed (so at least 1 each), all three are exact: 10, 1 and 1. No relation
   there has a single suppressed member, so rule 2 cannot see it; in a simulated year of
   5,400 referrals over 234 pathways of 48 partners (38,488 cells), rules 1 to 3 left 588 of
   13,603 suppressed cells pinned. So `protect` works out what an attacker who knows these
   rules can: each cell's range as published (a rounded r: the counts that round to r, at
   least `smallest_published`; a 0: 0; suppressed: at least 1, and no upper bound, since a
   complementary suppression looks like a primary one), narrowed by every relation (a
   parent's bounds from the sum of its children's, a child's from its parent's less its
   siblings') and every part (at most its parent) until nothing narrows. Where that leaves a
   suppressed cell one possible value, the published count its bound came from is suppressed
   too (the smallest published sibling in that sum, else its parent), rule 2 runs again, and
   so on until no suppressed cell is pinned (here 19 more cells).

   The audit is exact for that attacker, not an estimate: a bound derived from other bounds
   is the count itself exactly when each of them is, so which cells' lower and upper bounds
   are exact is worked out on sets of cells (one byte a cell, whole planes of them per
   operation), not on numbers.

So the guarantee holds by construction: `protect` answers only once its audit finds no
suppressed cell pinned. An attacker who sees every published cell of a lattice (every slice:
every question that can be asked of it), knows the rules and narrows every range by interval
propagation to the end still has at least two possible values for every suppressed cell. (An
attacker who solved all the sums at once rather than range by range might know more.) The
property test checks that with an attacker modelled on its own, without this code, on random
lattices: periods of months, quarters and a year; partners with or without pathways, needs,
or both on one axis; a few statuses; counts mostly small, so that suppression matters;
thresholds 5 to 12, rounding to 1, 3, 5 or 10.

What the guarantee does not cover, for callers: publish every breakdown of one population
from one lattice (put partners and needs on one axis, the needs as `Axis.parts` of "total"):
two lattices protected apart share their totals, each may suppress a shared cell the other
publishes, and one then gives the other away. And answers for a period still open change as
referrals come in: two answers a day apart can differ by one referral.

A `Protected` answer holds only what is published: neither the exact counts nor why a cell is
suppressed. A rate, median or percentile is published only from cells none of which is
suppressed (`derived_allowed`).
"""

import math
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache, reduce
from itertools import compress, product, repeat
from operator import add, and_, itemgetter, mod, sub
from types import MappingProxyType
from typing import Final

Cell = tuple[str, ...]  # one key per axis, in the axes' order
Published = int | None  # a count as published: 0, a rounded count, or SUPPRESSED
SUPPRESSED: Final = None  # what a suppressed count is published as (JSON null)

MIN_THRESHOLD: Final = 5  # no network may publish a count below this
MAX_SETTING: Final = 100  # of the threshold and the rounding base (they are kept in bytes)


@dataclass(frozen=True)
class Axis:
    """One dimension of a statistic: a forest of keys. `children` names each parent's
    children (keys without an entry are leaves; an entry with no children declares a lone
    key), which add up to it unless `additive` is False. `parts` names keys that each count
    some of what their parent counts, not adding up (needs beside the partners, under
    "total"). `keys` lists every key, each before its children and parts, in the order given;
    `parent` maps every key but the roots to its parent."""

    name: str
    children: Mapping[str, Sequence[str]]
    additive: bool = True  # False: the children are parts (the needs of a total)
    parts: Mapping[str, Sequence[str]] = field(default_factory=dict)
    keys: tuple[str, ...] = field(init=False, repr=False, compare=False)
    parent: Mapping[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Copies that the caller cannot change afterwards.
        children = {key: tuple(kids) for key, kids in self.children.items()}
        parts = {key: tuple(kids) for key, kids in self.parts.items()}
        parent: dict[str, str] = {}
        for edges in (children, parts):
            for key, kids in edges.items():
                for kid in kids:
                    if kid in parent or kid == key:
                        raise ValueError(f"axis {self.name!r}: key {kid!r} has two parents")
                    parent[kid] = key
        named = set(children) | set(parts) | set(parent)
        if not named:
            raise ValueError(f"axis {self.name!r} has no keys")
        keys: list[str] = []
        pending = [key for key in reversed([*children, *parts]) if key not in parent]
        while pending:  # depth first: each key, then its children, then its parts
            key = pending.pop()
            if key not in keys:
                keys.append(key)
                pending.extend(reversed([*children.get(key, ()), *parts.get(key, ())]))
        if len(keys) != len(named):
            raise ValueError(f"axis {self.name!r}: its keys do not form a tree (a cycle)")
        object.__setattr__(self, "children", MappingProxyType(children))
        object.__setattr__(self, "parts", MappingProxyType(parts))
        object.__setattr__(self, "keys", tuple(keys))
        object.__setattr__(self, "parent", MappingProxyType(parent))

    def __reduce__(self) -> tuple[type["Axis"], tuple[object, ...]]:
        # Copied and pickled from plain values (a mapping proxy is neither).
        return (Axis, (self.name, dict(self.children), self.additive, dict(self.parts)))


@dataclass(frozen=True)
class Policy:
    """k (`threshold`): counts 1..k-1 are suppressed; `rounding_base`: every other non-zero
    count is published rounded to its nearest multiple, halves up."""

    threshold: int = 10
    rounding_base: int = 5

    def __post_init__(self) -> None:
        if self.threshold < MIN_THRESHOLD:
            raise ValueError(f"the threshold is never below {MIN_THRESHOLD}")
        if self.threshold > MAX_SETTING:
            raise ValueError(f"the threshold is at most {MAX_SETTING}")
        if not 1 <= self.rounding_base <= MAX_SETTING:
            raise ValueError(f"the rounding base is from 1 to {MAX_SETTING}")

    def rounded(self, count: int) -> int:
        base = self.rounding_base
        return (count + base // 2) // base * base

    @property
    def smallest_published(self) -> int:
        """The smallest count published (rule 4): the threshold, unless fewer than half the
        counts that round as it does can be published (k = 7, rounding to 5: only 7 rounds to 5
        and is at least 7); then the first count of the next bucket. Never rounds to 0."""
        k, base = self.threshold, self.rounding_base
        top = self.rounded(k) + (base - 1) // 2  # the largest count rounding as k does
        return k if top - k + 1 >= (base + 1) // 2 else top + 1


class Protected(Mapping[Cell, Published]):
    """What may be published of one lattice: for every cell (in a stable order), 0, a
    rounded count or SUPPRESSED. Holds neither the exact counts nor why a cell is
    suppressed."""

    __slots__ = ("_lattice", "_published", "policy")

    def __init__(self, lattice: "_Lattice", published: list[Published], policy: Policy):
        self._lattice = lattice
        self._published = published
        self.policy = policy

    @property
    def axes(self) -> tuple[Axis, ...]:
        return self._lattice.axes

    def __getitem__(self, cell: Cell) -> Published:
        return self._published[self._lattice.index[cell]]

    def __iter__(self) -> Iterator[Cell]:
        return iter(self._lattice.cells)

    def __len__(self) -> int:
        return len(self._published)

    def is_suppressed(self, cell: Cell) -> bool:
        return self[cell] is SUPPRESSED


def derived_allowed(
    protected: Protected, cells: Iterable[Cell], *, sample_size: int | None = None
) -> bool:
    """Whether a rate, median or percentile computed from `cells` may be published: only if
    none of them is suppressed (a rate of a suppressed count would give the count back), and,
    when given, the number of values it was computed from is at least the threshold."""
    if sample_size is not None and sample_size < protected.policy.threshold:
        return False
    return not any(protected.is_suppressed(cell) for cell in cells)


def protect(counts: Mapping[Cell, int], axes: Sequence[Axis], policy: Policy) -> Protected:
    """The published form of a lattice of exact counts (module docstring). `counts` holds
    the count of every cell (a missing cell is 0); along an additive axis a parent's count
    must be the sum of its children's (ValueError otherwise)."""
    lattice = _lattice(_shape(axes))
    values = lattice.values(counts)
    facts = _Facts(lattice, values, policy)
    suppression = _Suppression(lattice, values, facts.primary)
    while True:
        suppression.settle()  # rule 2
        more = _Audit(lattice, facts, suppression.hidden).repairs()  # rule 5
        if not more:
            break
        for cell in more:
            suppression.suppress(cell)
    # Rule 3: rounding, halves up: count + base/2, less that sum's remainder by the base.
    half = policy.rounding_base // 2
    published: list[Published] = list(map(sub, map(add, values, repeat(half)), facts.rounding_off))
    for cell in _positions(suppression.hidden):
        published[cell] = SUPPRESSED
    return Protected(lattice, published, policy)


# The lattice's layout. Cells are numbered row-major over the axes, taken from the fewest keys
# to the most (the axis with the most keys, the groups, varies fastest): a cell's key on an
# axis is cell // stride % size, and a relation's cells lie at fixed offsets from its parent
# cell. A *plane* of an axis holds every cell with one key of it, in a fixed order of the
# other axes' keys: a few slices of a list or byte string (strided slices across blocks, or
# runs within them, whichever are fewer). A set of cells is a byte string, one byte (0 or 1)
# a cell; a plane of a set read as one integer (int.from_bytes) lets one operation (&, |, ^)
# treat every relation of one parent key at once, the planes of the parent and of each child
# lying cell for cell over each other.


@dataclass(frozen=True, eq=False)
class _Along:
    """One axis of the lattice."""

    position: int  # of the axis, as the caller gave them
    stride: int  # cells between two keys of this axis, the others' keys the same
    size: int  # keys of this axis
    cells: int  # of the lattice
    children: tuple[tuple[int, ...], ...]  # key -> its children, which add up to it
    to_parent: tuple[int, ...]  # key -> cell offset to its parent's cell (0: nothing to add)
    parts: tuple[tuple[int, ...], ...]  # key -> its parts, which do not add up to it
    whole: tuple[int, ...]  # key -> the key it is a part of (-1: none)
    # Worked out from the above:
    sums: tuple[tuple[int, tuple[int, ...]], ...] = field(init=False)  # (parent, children)
    wholes: tuple[tuple[int, tuple[int, ...]], ...] = field(init=False)  # (parent, parts)
    in_sums: tuple[tuple[int, ...], ...] = field(init=False)  # key -> its families in sums
    in_wholes: tuple[tuple[int, ...], ...] = field(init=False)  # key -> ... in wholes
    slices: tuple[tuple[slice, ...], ...] = field(init=False)  # key -> its plane's slices
    ones: int = field(init=False)  # a plane of a set holding every cell

    def __post_init__(self) -> None:
        def families(edges: tuple[tuple[int, ...], ...]) -> tuple[tuple[int, tuple[int, ...]], ...]:
            return tuple((key, kids) for key, kids in enumerate(edges) if kids)

        def member_of(
            found: tuple[tuple[int, tuple[int, ...]], ...],
        ) -> tuple[tuple[int, ...], ...]:
            of: list[list[int]] = [[] for _ in range(self.size)]
            for i, (key, kids) in enumerate(found):
                for member in (key, *kids):
                    of[member].append(i)
            return tuple(tuple(indices) for indices in of)

        block = self.stride * self.size
        strided = self.stride * self.stride <= self.cells // self.size  # stride <= blocks
        slices = [
            tuple(
                slice(at, None, block) for at in range(key * self.stride, (key + 1) * self.stride)
            )
            if strided
            else tuple(
                slice(at, at + self.stride) for at in range(key * self.stride, self.cells, block)
            )
            for key in range(self.size)
        ]
        sums, wholes = families(self.children), families(self.parts)
        found = {
            "sums": sums,
            "wholes": wholes,
            "in_sums": member_of(sums),
            "in_wholes": member_of(wholes),
            "slices": tuple(slices),
            "ones": int.from_bytes(b"\x01" * (self.cells // self.size), "little"),
        }
        for name, value in found.items():
            object.__setattr__(self, name, value)

    def key(self, cell: int) -> int:
        return cell // self.stride % self.size

    def family(self, parent_cell: int) -> list[int]:
        """The children's cells of the relation whose parent cell is `parent_cell`."""
        key = self.key(parent_cell)
        return [parent_cell + (kid - key) * self.stride for kid in self.children[key]]

    def values_plane(self, values: list[int], key: int) -> list[int]:
        plane: list[int] = []
        for part in self.slices[key]:
            plane += values[part]
        return plane

    def plane(self, flags: bytes | bytearray, key: int) -> int:
        parts = self.slices[key]
        if len(parts) == 1:
            return int.from_bytes(flags[parts[0]], "little")
        return int.from_bytes(b"".join([flags[part] for part in parts]), "little")

    def put(self, flags: bytearray, key: int, plane: int) -> None:
        raw = plane.to_bytes(self.cells // self.size, "little")
        parts = self.slices[key]
        width = len(raw) // len(parts)
        for i, part in enumerate(parts):
            flags[part] = raw[i * width : (i + 1) * width]

    def touched(self, changed: int, parts: bool) -> list[int]:
        """The families (indices in `wholes` if `parts`, else in `sums`) with a member among
        the `changed` cells (a set of cells read as one integer)."""
        member_of = self.in_wholes if parts else self.in_sums
        flags = changed.to_bytes(self.cells, "little")
        keys: set[int] = set()
        if changed.bit_count() > self.size:  # fewer planes to look at than changed cells
            keys.update(key for key in range(self.size) if self.plane(flags, key))
        else:
            at = flags.find(1)
            while at >= 0:
                keys.add(at // self.stride % self.size)
                at = flags.find(1, at + 1)
        return sorted({family for key in keys for family in member_of[key]})

    def sums_hold(self, values: list[int]) -> bool:
        for key, kids in self.sums:
            total = self.values_plane(values, kids[0])
            for kid in kids[1:]:
                total = list(map(add, total, self.values_plane(values, kid)))
            if total != self.values_plane(values, key):
                return False
        return True


_Edges = tuple[tuple[str, tuple[str, ...]], ...]
_Shape = tuple[tuple[str, _Edges, bool, _Edges], ...]


def _shape(axes: Sequence[Axis]) -> _Shape:
    """What the lattice's layout depends on, in order: the key it is kept under."""
    if not axes:
        raise ValueError("a statistic has at least one axis")
    if len({axis.name for axis in axes}) != len(axes):
        raise ValueError("two axes of one name")

    def edges(of: Mapping[str, Sequence[str]]) -> _Edges:
        return tuple((key, tuple(kids)) for key, kids in of.items())

    return tuple(
        (axis.name, edges(axis.children), axis.additive, edges(axis.parts)) for axis in axes
    )


@dataclass(frozen=True, eq=False)
class _Lattice:
    axes: tuple[Axis, ...]  # as the caller gave them
    cells: tuple[Cell, ...]  # by number, keys in the caller's axis order
    index: Mapping[Cell, int]
    additive: tuple[_Along, ...]  # the axes along which something adds up
    with_parts: tuple[_Along, ...]  # the axes with parts

    def values(self, counts: Mapping[Cell, int]) -> list[int]:
        """Every cell's count by cell number, checked."""
        values = [0] * len(self.cells)
        index = self.index
        try:
            for cell, count in counts.items():
                values[index[cell]] = count
        except KeyError as unknown:
            raise ValueError(f"a cell outside the axes' keys: {unknown}") from None
        if not set(map(type, values)) <= {int}:
            raise TypeError("counts are integers")
        if values and min(values) < 0:
            raise ValueError("counts are never negative")
        for along in self.additive:
            if not along.sums_hold(values):
                name = self.axes[along.position].name
                raise ValueError(f"axis {name!r} adds up, but a parent is not its children's sum")
        return values


@lru_cache(maxsize=8)  # a year of a large network's groups: some 50k cells, 10 MB
def _lattice(shape: _Shape) -> _Lattice:
    axes = tuple(
        Axis(name, dict(children), additive, dict(parts))
        for name, children, additive, parts in shape
    )
    layout = sorted(range(len(axes)), key=lambda position: len(axes[position].keys))
    size = math.prod(len(axis.keys) for axis in axes)
    along: dict[int, _Along] = {}
    stride = size
    for position in layout:
        axis = axes[position]
        stride //= len(axis.keys)
        at = {key: i for i, key in enumerate(axis.keys)}
        kids = [tuple(at[kid] for kid in axis.children.get(key, ())) for key in axis.keys]
        parts = [tuple(at[kid] for kid in axis.parts.get(key, ())) for key in axis.keys]
        if not axis.additive:
            kids, parts = [()] * len(kids), [p + k for p, k in zip(parts, kids, strict=True)]
        summed = {kid for family in kids for kid in family}
        whole = {part: key for key, family in enumerate(parts) for part in family}
        along[position] = _Along(
            position=position,
            stride=stride,
            size=len(axis.keys),
            cells=size,
            children=tuple(kids),
            to_parent=tuple(
                (at[axis.parent[key]] - i) * stride if i in summed else 0
                for i, key in enumerate(axis.keys)
            ),
            parts=tuple(parts),
            whole=tuple(whole.get(i, -1) for i in range(len(axis.keys))),
        )
    # Cells numbered in the layout's order, named with their keys in the caller's.
    in_layout = product(*(axes[position].keys for position in layout))
    if len(axes) == 1:
        cells = tuple(in_layout)
    else:
        cells = tuple(map(itemgetter(*(layout.index(p) for p in range(len(axes)))), in_layout))
    return _Lattice(
        axes=axes,
        cells=cells,
        index={cell: i for i, cell in enumerate(cells)},
        additive=tuple(along[p] for p in range(len(axes)) if along[p].sums),
        with_parts=tuple(along[p] for p in range(len(axes)) if along[p].wholes),
    )


def _positions(flags: bytes | bytearray) -> list[int]:
    """The cells whose byte is 1 (of bytes 0 and 1)."""
    if flags.count(1) * 8 > len(flags):  # many: walk them all at C speed
        return list(compress(range(len(flags)), flags))
    found, at = [], flags.find(1)
    while at >= 0:
        found.append(at)
        at = flags.find(1, at + 1)
    return found


def _whole(flags: bytes | bytearray) -> int:
    return int.from_bytes(flags, "little")


@cache
def _between(low: int, high: int) -> bytes:
    """A table for bytes.translate: a byte from low to high - 1 to 1, any other to 0."""
    return bytes(1 if low <= value < high else 0 for value in range(256))


@cache
def _rounding_off(base: int) -> bytes:
    """A table for bytes.translate: a count's remainder by the base to what rounding takes
    off the count + base/2 (that sum's remainder)."""
    return bytes((value + base // 2) % base if value < base else 0 for value in range(256))


class _Facts:
    """What each cell's count says, as sets of cells: whether it is 0, 1, below the smallest
    published (rules 1 and 4) or that smallest, and whether it is the lowest or the highest
    count of its rounding bucket (so that, published, its lower or upper bound is exact)."""

    def __init__(self, lattice: _Lattice, values: list[int], policy: Policy) -> None:
        base, smallest = policy.rounding_base, policy.smallest_published
        # Counts above 255 are all alike here: none is small, and each is a byte.
        small = bytes(
            values if max(values, default=0) < 256 else [v if v < 256 else 255 for v in values]
        )
        self.zero = small.translate(_between(0, 1))
        self.one = small.translate(_between(1, 2))
        self.primary = small.translate(_between(1, smallest))
        self.smallest = small.translate(_between(smallest, smallest + 1))
        remainders = bytes(map(mod, values, repeat(base)))
        # A published r holds r - base/2 .. r + (base - 1)/2, and at least `smallest`.
        bottom, top = (base - base // 2) % base, (base - 1) // 2
        self.bucket_bottom = remainders.translate(_between(bottom, bottom + 1))
        self.bucket_top = remainders.translate(_between(top, top + 1))
        self.rounding_off = remainders.translate(_rounding_off(base))
        self.every = b"\x01" * len(values)
        self.values = values
        # Per axis: each key's plane of the cells whose count is not 0; per part: the
        # parent cells whose part holds as many as they do.
        self.nonzero = {
            along.position: [along.ones ^ along.plane(self.zero, key) for key in range(along.size)]
            for along in lattice.additive
        }
        self.same: dict[tuple[int, int, int], int] = {}
        for along in lattice.with_parts:
            for key, parts in along.wholes:
                whole = along.values_plane(values, key)
                for part in parts:
                    equal = bytes(map(int.__eq__, whole, along.values_plane(values, part)))
                    self.same[along.position, key, part] = int.from_bytes(equal, "little")


class _Suppression:
    """Which cells are suppressed, with rule 2 run to its fixpoint over a worklist: each
    relation (named by its axis and parent cell) knows whether none, one, or two or more of
    its members are suppressed, so only relations that a newly suppressed cell is in are
    looked at again."""

    def __init__(self, lattice: _Lattice, values: list[int], primary: bytes) -> None:
        self.additive = lattice.additive
        self.values = values
        self.hidden = bytearray(primary)
        # counted[a][parent cell]: whether 0, 1 or 2 (two or more) of its relation's members
        # along additive axis a are suppressed; for the primary suppressions, plane by plane.
        self.counted: list[bytearray] = []
        self.pending: deque[tuple[int, int]] = deque()
        for a, along in enumerate(self.additive):
            counted = bytearray(len(values))
            for key, kids in along.sums:
                once, twice = along.plane(primary, key), 0
                for kid in kids:
                    member = along.plane(primary, kid)
                    twice |= once & member
                    once |= member
                along.put(counted, key, once + twice)  # 1: exactly one; 2: two or more
            self.counted.append(counted)
            # First in, first out: the primary suppressions' relations first, then those
            # that complements leave with one suppressed member.
            self.pending.extend((a, cell) for cell in _positions(counted.translate(_between(1, 2))))

    def settle(self) -> None:
        while self.pending:
            a, parent_cell = self.pending.popleft()
            if self.counted[a][parent_cell] == 1:
                self.suppress(self._complement(self.additive[a], parent_cell))

    def _complement(self, along: _Along, parent_cell: int) -> int:
        """The member to suppress beside a relation's one suppressed member: its smallest
        non-zero published child (the first in the axis' order on a tie), else its parent.
        Zeros stay published: a suppressed zero would say nothing that the 0 does not."""
        values, hidden = self.values, self.hidden
        chosen, smallest = parent_cell, 0
        for cell in along.family(parent_cell):
            value = values[cell]
            if value and not hidden[cell] and (not smallest or value < smallest):
                chosen, smallest = cell, value
        # The parent only when the suppressed member is a child: the sums were checked, so a
        # suppressed parent has a non-zero child, and that child is published.
        assert chosen != parent_cell or not hidden[parent_cell]
        return chosen

    def suppress(self, cell: int) -> None:
        if self.hidden[cell]:
            return
        self.hidden[cell] = 1
        # Every relation the cell is a member of: as a parent, and as a child.
        for a, along in enumerate(self.additive):
            counted, key = self.counted[a], along.key(cell)
            up = along.to_parent[key]
            for parent_cell in (cell if along.children[key] else -1, cell + up if up else -1):
                if parent_cell >= 0 and counted[parent_cell] < 2:
                    counted[parent_cell] += 1
                    if counted[parent_cell] == 1:
                        self.pending.append((a, parent_cell))


class _Audit:
    """Rule 5: whether an attacker could pin a suppressed cell, and what to suppress if so.

    The attacker's bounds come from interval propagation: a parent's bound from the sum of
    its children's, a child's from its parent's less its siblings' opposite bounds, a part's
    upper bound from its parent's and a parent's lower bound from its part's. A bound derived
    so is a sum of bounds that all err the same way, so it is the count itself exactly when
    each of them is. The cells whose lower bound (`low`) or upper bound (`high`) is exact are
    therefore the least sets closed under those derivations, from what is exact as published:
    zeros both ways, suppressed 1s from below, published counts at the bottom or the top of
    their rounding bucket. A suppressed cell in both is pinned."""

    def __init__(self, lattice: _Lattice, facts: _Facts, hidden: bytearray) -> None:
        self.facts, self.hidden = facts, hidden
        suppressed, zero = _whole(hidden), _whole(facts.zero)
        published = _whole(facts.every) ^ (suppressed | zero)
        low = zero | (suppressed & _whole(facts.one))
        low |= published & (_whole(facts.bucket_bottom) | _whole(facts.smallest))
        high = zero | (published & _whole(facts.bucket_top))
        size = len(hidden)
        self.low = bytearray(low.to_bytes(size, "little"))
        self.high = bytearray(high.to_bytes(size, "little"))
        # (whether parts or sums derived more, along which axis, what was exact after): to
        # follow a bound back to where it came from.
        self.steps: list[tuple[bool, _Along | None, bytes, bytes]] = [
            (False, None, bytes(self.low), bytes(self.high))
        ]
        # Semi-naive: a family is derived from again only when one of its members' bounds
        # has become exact since (None: not derived from yet).
        work = [(False, along) for along in lattice.additive]
        work += [(True, along) for along in lattice.with_parts]
        changed: list[int | None] = [None] * len(work)
        while any(change != 0 for change in changed):
            for i, (by_parts, along) in enumerate(work):
                change = changed[i]
                if change == 0:
                    continue
                changed[i] = 0
                every = along.wholes if by_parts else along.sums
                families = (
                    [every[f] for f in along.touched(change, by_parts)]
                    if change is not None
                    else list(every)
                )
                if not families:
                    continue
                low, high = _whole(self.low), _whole(self.high)
                if by_parts:
                    self._parts(along, families)
                else:
                    self._sums(along, families)
                grown = (_whole(self.low) ^ low) | (_whole(self.high) ^ high)
                if grown:
                    self.steps.append((by_parts, along, bytes(self.low), bytes(self.high)))
                    changed = [None if c is None else c | grown for c in changed]

    def _sums(self, along: _Along, families: list[tuple[int, tuple[int, ...]]]) -> None:
        """The sum derivations of `families` along `along`: a child's bound from what was
        exact before this step; a parent's from its children's, deepest families first, so
        that a sum of sums is exact in one step (each derivation after what it derives from,
        for `repairs` to follow back)."""
        members = {member for key, kids in families for member in (key, *kids)}
        low = {key: along.plane(self.low, key) for key in members}
        high = {key: along.plane(self.high, key) for key in members}
        nonzero, ones = self.facts.nonzero[along.position], along.ones
        more_low, more_high = dict(low), dict(high)
        for key, kids in families:
            # A child: its parent's bound less its siblings' opposite ones, all exact.
            kid_low, kid_high = [low[kid] for kid in kids], [high[kid] for kid in kids]
            for ready, siblings, more in (
                (low[key] & nonzero[key] & ~reduce(and_, kid_low), kid_high, more_low),
                (high[key] & nonzero[key] & ~reduce(and_, kid_high), kid_low, more_high),
            ):
                if not ready:  # no exact parent, or every child's bound is exact already
                    continue
                lacking, once, twice = [], 0, 0
                for exact in siblings:
                    lacks = ones ^ exact
                    lacking.append(lacks)
                    twice |= once & lacks
                    once |= lacks
                none_lack, one_lacks = ready ^ (ready & once), ready & (once ^ twice)
                for kid, lacks in zip(kids, lacking, strict=True):
                    more[kid] |= none_lack | (one_lacks & lacks)
        for key, kids in sorted(families, reverse=True):  # a parent's key before its children's
            # A parent: the sum of its children's exact bounds.
            more_low[key] |= reduce(and_, [more_low[kid] for kid in kids])
            more_high[key] |= reduce(and_, [more_high[kid] for kid in kids])
        self._keep(along, low, more_low, self.low)
        self._keep(along, high, more_high, self.high)

    def _parts(self, along: _Along, families: list[tuple[int, tuple[int, ...]]]) -> None:
        """A part is at most its parent: a part as large as its parent has the parent's upper
        bound, and the parent the part's lower bound."""
        members = {member for key, parts in families for member in (key, *parts)}
        low = {key: along.plane(self.low, key) for key in members}
        high = {key: along.plane(self.high, key) for key in members}
        more_low, more_high = dict(low), dict(high)
        for key, parts in families:
            for part in parts:
                same = self.facts.same[along.position, key, part]
                more_high[part] |= high[key] & same
                more_low[key] |= low[part] & same
        self._keep(along, low, more_low, self.low)
        self._keep(along, high, more_high, self.high)

    @staticmethod
    def _keep(
        along: _Along, before: dict[int, int], after: dict[int, int], flags: bytearray
    ) -> None:
        for key, plane in after.items():
            if plane != before[key]:
                along.put(flags, key, plane)

    def repairs(self) -> list[int]:
        """The cells to suppress so that no suppressed cell stays pinned (none: none is).

        For each pinned cell, follow how its upper bound became exact back to the published
        count it came from (no suppressed cell's upper bound is exact as published): there,
        suppress the smallest published sibling of the suppressed child, whose exact lower
        bound closed the sum, else the published parent itself. One step at a time: what
        that leaves pinned, the next audit finds."""
        pinned = _whole(self.hidden) & _whole(self.low) & _whole(self.high)
        if not pinned:
            return []
        hidden, values, steps = self.hidden, self.facts.values, self.steps
        # since[cell]: the first step after which its upper bound was exact (the number of
        # steps before it; past the 255th, looked for).
        every = _whole(self.facts.every)
        since = sum(every ^ _whole(high) for _, _, _, high in steps[:255]).to_bytes(
            len(hidden), "little"
        )
        chosen: set[int] = set()
        seen: set[int] = set()
        stack = _positions(pinned.to_bytes(len(hidden), "little"))[::-1]
        while stack:
            cell = stack.pop()
            if cell in seen:
                continue
            seen.add(cell)
            step = since[cell]
            if step == 255:
                step = next(i for i, (_, _, _, high) in enumerate(steps) if high[cell])
            (by_parts, along, _, after), (_, _, low, high) = steps[step], steps[step - 1]
            assert along is not None  # so the step derived it
            key = along.key(cell)
            if by_parts:  # a part as large as its parent, whose upper bound was exact
                whole_cell = cell - (key - along.whole[key]) * along.stride
                if hidden[whole_cell]:
                    stack.append(whole_cell)
                else:
                    chosen.add(whole_cell)
                continue
            if along.to_parent[key]:
                parent_cell = cell + along.to_parent[key]
                siblings = [c for c in along.family(parent_cell) if c != cell]
                if high[parent_cell] and all(low[c] for c in siblings):
                    if hidden[parent_cell]:
                        stack.append(parent_cell)
                        continue
                    shown = [c for c in siblings if values[c] and not hidden[c]]
                    chosen.add(min(shown, key=lambda c: (values[c], c)) if shown else parent_cell)
                    continue
            # Else the sum of its children's upper bounds, exact by the end of that step
            # (deeper sums first): follow one suppressed child (rule 2 left one).
            family = along.family(cell)
            assert family and all(after[c] for c in family)
            stack.append(next(c for c in family if hidden[c]))
        if not chosen:  # never publish a pinned count, even were the reasoning above wrong
            raise RuntimeError("a suppressed count is pinned, and no count was found to hide")
        return sorted(chosen)
