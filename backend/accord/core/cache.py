"""Values built from many database rows (a network's route graph, its coverage matrix),
kept per process until a fingerprint of those rows moves (`ChangeFingerprint`)."""

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

import anyio.to_thread

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

    async def aget(self, key: K, fingerprint: tuple[object, ...], build: Callable[[], V]) -> V:
        """As `get`, for async routes: a kept value is returned at once, on the event loop;
        only building one (and waiting for another thread's build) runs in a worker thread."""
        if (found := self._fresh(key, fingerprint)) is not None:
            return found[1]
        return await anyio.to_thread.run_sync(self.get, key, fingerprint, build)

    def _fresh(self, key: K, fingerprint: tuple[object, ...]) -> tuple[object, V] | None:
        with self._lock:
            found = self._values.get(key)
            if found is None or found[0] != fingerprint:
                return None
            self._values.move_to_end(key)
            return found
