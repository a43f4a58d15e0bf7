"""Kept answers: every value this app keeps between requests, in one place.

One invalidation for all of them, by construction: a value is kept under the **revision**
of its network that the building request read, in the same snapshot as the rows it was
built from (networks/revision.py: every committed write in a network moves it, whoever
writes: a route, the CLI, an import, a worker). A request that reads another revision builds
anew; nothing has to remember to clear anything.

A kept answer never depends on who asks unless keyed by it: `get` takes the audience (what
the caller may see, `NetworkAccess.audience`) as part of the key, or `EVERYONE` for values
that hold no answer (the route graph: data the answers are computed from).
"""

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class BuiltCache(Generic[K, V]):
    """`kept`: how many values at most (the least recently used go first); None: no limit."""

    def __init__(self, kept: int | None = None) -> None:
        self._kept = kept
        self._values: OrderedDict[K, tuple[tuple[object, ...], V]] = OrderedDict()
        self._building: dict[K, threading.Lock] = {}
        self._lock = threading.Lock()

    def get(self, key: K, fingerprint: tuple[object, ...], build: Callable[[], V]) -> V:
        """The value kept for `key` if built at this fingerprint, else `build()`'s."""
        if (found := self._fresh(key, fingerprint)) is not None:
            return found[1]
        with self._lock:
            building = self._building.setdefault(key, threading.Lock())
        # One thread builds; the others asking for the same key wait for its value.
        with building:
            if (found := self._fresh(key, fingerprint)) is not None:
                return found[1]
            try:
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

    def clear(self) -> None:
        with self._lock:
            self._values.clear()
            self._building.clear()

    def __len__(self) -> int:
        return len(self._values)

    def _fresh(self, key: K, fingerprint: tuple[object, ...]) -> tuple[object, V] | None:
        with self._lock:
            found = self._values.get(key)
            if found is None or found[0] != fingerprint:
                return None
            self._values.move_to_end(key)
            return found


EVERYONE = "everyone"

# How many values of each kind one process keeps (the least recently used go first).
SIZES = {
    "partner-pages": 256,
    "partner-records": 4096,
    "route-graphs": 64,
    "route-answers": 4096,
    "coverage": 16,
    "pathway-health": 256,
}


class KeptAnswers:
    """Every kept answer of one app (made in `create_app`), by kind; see the module's
    docstring for the one rule that keeps them current."""

    def __init__(self) -> None:
        self._kinds: dict[str, BuiltCache[Hashable, object]] = {
            kind: BuiltCache(kept=size) for kind, size in SIZES.items()
        }

    def get(
        self,
        kind: str,
        network_id: Hashable,
        revision: int,
        audience: Hashable,
        key: Hashable,
        build: Callable[[], V],
    ) -> V:
        """The value kept for this network, audience and key at `revision`, else `build()`'s."""
        value = self._kinds[kind].get((network_id, audience, key), (revision,), build)
        return value  # type: ignore[return-value]

    def clear(self) -> None:
        for cache in self._kinds.values():
            cache.clear()

    def __len__(self) -> int:
        return sum(len(cache) for cache in self._kinds.values())
