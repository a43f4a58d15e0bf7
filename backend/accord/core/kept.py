"""Kept answers: every value this app keeps between requests, in one place.

One invalidation for all of them, by construction: a value is kept under the **revision**
of its network that the building request read, in the same snapshot as the rows it was
built from (networks/revision.py: every committed write in a network moves it, whoever
writes: a route, the CLI, an import, a worker). A request that reads another revision builds
anew; nothing has to remember to clear anything.

A kept answer never depends on who asks unless keyed by it: `get` takes the audience (what
the caller may see, `NetworkAccess.audience`) as part of the key, or `EVERYONE` for values
that hold no answer (the route graph: data the answers are computed from).

A kind read only from a few tables may be kept under a **part** of the revision that moves
only with writes to those tables (`PART_TABLES`): the route graph and pathway health do not
change with a capacity post, an assessment or a contact, which are most of a network's
writes. That too holds by construction: building such a kind records every table its
statements read, and reading one outside its part is refused (`ReadOutsidePart`), so a new
query cannot make it stale unnoticed.

Such a kind may also be **patched**: `get(..., patch=)` offers the value kept at an earlier
revision of the part, which the patch brings up to date from what the commits in between
recorded they changed (networks/revision.py `changes_between`), or declines (None) and the
value is built anew. The patch is read-checked like a build.
"""

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any, Generic, TypeVar

from sqlalchemy import Table, event
from sqlalchemy.orm import Session
from sqlalchemy.sql.util import find_tables

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class BuiltCache(Generic[K, V]):
    """`kept`: how many values at most (the least recently used go first); None: no limit."""

    def __init__(self, kept: int | None = None) -> None:
        self._kept = kept
        self._values: OrderedDict[K, tuple[tuple[object, ...], V]] = OrderedDict()
        self._building: dict[K, threading.Lock] = {}
        self._lock = threading.Lock()

    def get(
        self,
        key: K,
        fingerprint: tuple[object, ...],
        build: Callable[[], V],
        still_current: Callable[[V], bool] | None = None,
        patch: Callable[[V, tuple[object, ...]], V | None] | None = None,
    ) -> V:
        """The value kept for `key` if built at this fingerprint (and, with `still_current`,
        if that says it still holds: a value that also depends on the time), else
        `build()`'s; with `patch`, a value kept at another fingerprint is first offered to
        `patch(value, its fingerprint)`, whose answer (unless None) is kept instead."""
        if (found := self._fresh(key, fingerprint, still_current)) is not None:
            return found[1]
        with self._lock:
            building = self._building.setdefault(key, threading.Lock())
        # One thread builds; the others asking for the same key wait for its value.
        with building:
            if (found := self._fresh(key, fingerprint, still_current)) is not None:
                return found[1]
            try:
                value = self._patched(key, patch) if patch is not None else None
                if value is None:
                    value = build()
            except BaseException:
                # Nothing kept, nothing left behind: keys may come from requests (a page's
                # cursor, a record's id), and one that fails must not grow the cache.
                with self._lock:
                    if key not in self._values:
                        self._building.pop(key, None)
                raise
            with self._lock:
                self._values[key] = (fingerprint, value)
                self._values.move_to_end(key)
                while self._kept is not None and len(self._values) > self._kept:
                    dropped, _ = self._values.popitem(last=False)
                    self._building.pop(dropped, None)
        return value

    def _patched(self, key: K, patch: Callable[[V, tuple[object, ...]], V | None]) -> V | None:
        with self._lock:
            found = self._values.get(key)
        return None if found is None else patch(found[1], found[0])

    def clear(self) -> None:
        with self._lock:
            self._values.clear()
            self._building.clear()

    def __len__(self) -> int:
        return len(self._values)

    def _fresh(
        self,
        key: K,
        fingerprint: tuple[object, ...],
        still_current: Callable[[V], bool] | None,
    ) -> tuple[object, V] | None:
        with self._lock:
            found = self._values.get(key)
            if found is None or found[0] != fingerprint:
                return None
            if still_current is not None and not still_current(found[1]):
                return None
            self._values.move_to_end(key)
            return found


EVERYONE = "everyone"


class Part(IntEnum):
    """A counter of a network's revision (networks/revision.py)."""

    every_write = 0  # moves with every committed write in the network
    routes = 1  # moves only with writes to ROUTE_TABLES
    referrals = 2  # moves only with writes to REFERRAL_TABLES
    directory = 3  # moves only with writes to DIRECTORY_TABLES
    coverage = 4  # moves only with writes to COVERAGE_TABLES


# What the route graph and pathway health are built from: services and their labels, their
# partners (names, sectors, population labels), pathways and their needs, the gazetteer,
# and the network's own record (its languages).
ROUTE_TABLES = frozenset(
    {
        "services",
        "service_labels",
        "partners",
        "partner_labels",
        "pathways",
        "pathway_needs",
        "areas",
        "networks",
    }
)
# What the network's referral statistics are read from: the tallies, which the database moves
# with the referrals and their needs, and whatever a write to which changes them too (a
# partner's or service's deletion deletes its referrals, a pathway's makes them off-pathway,
# a network's record holds the disclosure threshold and its nesting the lineage).
REFERRAL_TABLES = frozenset(
    {
        "referrals",
        "referral_needs",
        "referral_tallies",
        "referral_minute_tallies",
        "network_lineage",
        "networks",
        "partners",
        "services",
        "pathways",
    }
)
# What the partner directory's pages and records are built from: the partners, their labels
# and assessments, the gazetteer an area filter reads, the network's record. A referral, a
# capacity post or a pathway leaves them kept.
DIRECTORY_TABLES = frozenset(
    {"partners", "partner_labels", "stakeholder_assessments", "areas", "networks"}
)
# What the coverage matrix is built from: the role catalogue and the network's roles, the
# partners' commitments to them and their history, the partners with their labels and
# stages, the gazetteer. Referrals, services, pathways and capacity posts leave it kept.
COVERAGE_TABLES = frozenset(
    {
        "roles",
        "network_roles",
        "catalogue_state",
        "role_commitments",
        "commitment_status_changes",
        "partners",
        "partner_labels",
        "partner_stage_changes",
        "areas",
        "networks",
    }
)
PART_TABLES: dict[Part, frozenset[str]] = {
    Part.routes: ROUTE_TABLES,
    Part.referrals: REFERRAL_TABLES,
    Part.directory: DIRECTORY_TABLES,
    Part.coverage: COVERAGE_TABLES,
}

# For a part whose kept values can be patched rather than rebuilt: how a written row of each
# of its tables names what changed, as (subject, the row's column holding the subject's id).
# The commit hook records them (networks/revision.py `RevisionChange`); a write to a table of
# the part not listed here (the gazetteer, the network's record) or one whose rows it cannot
# see is recorded as `EVERYTHING`, and what is kept under the part is rebuilt.
PART_SUBJECTS: dict[Part, dict[str, tuple[str, str]]] = {
    Part.routes: {
        "services": ("service", "id"),
        "service_labels": ("service", "service_id"),
        "partners": ("partner", "id"),
        "partner_labels": ("partner", "partner_id"),
        "pathways": ("pathway", "id"),
        "pathway_needs": ("pathway", "pathway_id"),
    }
}
EVERYTHING = "everything"
# What a patch reads besides its part's tables: the changes themselves, written in the same
# commits that moved the part.
CHANGES_TABLE = "revision_changes"


@dataclass(frozen=True)
class Kind:
    size: int  # how many values one process keeps (the least recently used go first)
    part: Part = Part.every_write  # the revision counter its values are kept under


KINDS = {
    "partner-pages": Kind(256, Part.directory),
    "partner-records": Kind(4096, Part.directory),
    "route-graphs": Kind(64, Part.routes),
    "route-answers": Kind(4096),
    "coverage": Kind(16, Part.coverage),
    "pathway-health": Kind(256, Part.routes),
    "referral-stats": Kind(256, Part.referrals),
}


class ReadOutsidePart(RuntimeError):
    """A kind kept under a part of the revision read a table outside that part."""


class KeptAnswers:
    """Every kept answer of one app (made in `create_app`), by kind; see the module's
    docstring for the rules that keep them current."""

    def __init__(self) -> None:
        self._kinds: dict[str, BuiltCache[Hashable, object]] = {
            name: BuiltCache(kept=kind.size) for name, kind in KINDS.items()
        }

    def get(
        self,
        kind: str,
        session: Session,
        network_id: Hashable,
        revisions: Sequence[int],
        audience: Hashable,
        key: Hashable,
        build: Callable[[], V],
        still_current: Callable[[V], bool] | None = None,
        patch: Callable[[V, int], V | None] | None = None,
        also: tuple[object, ...] = (),
    ) -> V:
        """The value kept for this network, audience and key at the network's `revisions`
        (every counter, indexed by `Part`, as the request read them) and `also` (what else
        it depends on: the revisions of the networks nested below it, for a consolidated
        answer), else `build()`'s (which reads through `session`). With `still_current`, a
        kept value that says it no longer holds (it shows something that has grown too old)
        is built again.

        With `patch` (kinds kept under a part with `PART_SUBJECTS`): a value kept at an
        earlier revision of the part is handed to `patch(value, its revision)`, which
        returns it brought up to this revision from what changed since, or None to build
        anew. The patch is read-checked like a build."""
        part = KINDS[kind].part
        patch_at: Callable[[V, tuple[object, ...]], V | None] | None = None
        if part != Part.every_write:
            build = _reading_only(session, kind, part, build)
            if patch is not None:
                given = patch

                def patch_at(old: V, fingerprint: tuple[object, ...]) -> V | None:
                    revision = fingerprint[0]
                    if not isinstance(revision, int) or revision >= revisions[part]:
                        return None  # a value newer than this request's snapshot
                    return _reading_only(session, kind, part, lambda: given(old, revision))()

        value = self._kinds[kind].get(
            (network_id, audience, key),
            (revisions[part], *also),
            build,
            still_current,  # type: ignore[arg-type]
            patch_at,  # type: ignore[arg-type]
        )
        return value  # type: ignore[return-value]

    def clear(self) -> None:
        for cache in self._kinds.values():
            cache.clear()

    def __len__(self) -> int:
        return sum(len(cache) for cache in self._kinds.values())


def _reading_only(
    session: Session, kind: str, part: Part, build: Callable[[], V]
) -> Callable[[], V]:
    allowed = PART_TABLES[part] | {CHANGES_TABLE}

    def checked() -> V:
        # Listened for on the connection, which every statement goes through: the ORM's
        # (session.execute) and the plain column reads of hot paths (`fetch_rows`) alike.
        connection = session.connection()
        read: set[str] = set()

        def record(_conn: Any, statement: Any, *_args: Any) -> None:
            read.update(table.name for table in find_tables(statement) if isinstance(table, Table))

        event.listen(connection, "before_execute", record)
        try:
            value = build()
        finally:
            event.remove(connection, "before_execute", record)
        outside = read - allowed
        if outside:
            raise ReadOutsidePart(
                f"{kind} is kept under the {part.name} revision, which does not move with "
                f"writes to {', '.join(sorted(outside))}: add them to its part or keep it "
                "under every write."
            )
        return value

    return checked
