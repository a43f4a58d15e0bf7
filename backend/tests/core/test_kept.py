"""A built value is reused while its rows are unchanged, rebuilt when they change, built
once when many ask at the same time, and the least recently used goes when full."""

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from accord.core.kept import BuiltCache


def test_reused_until_the_fingerprint_moves() -> None:
    cache: BuiltCache[str, int] = BuiltCache()
    builds = iter(range(10))
    assert cache.get("a", (1,), lambda: next(builds)) == 0
    assert cache.get("a", (1,), lambda: next(builds)) == 0
    assert cache.get("a", (2,), lambda: next(builds)) == 1


def test_built_once_when_many_ask_at_once() -> None:
    cache: BuiltCache[str, int] = BuiltCache()
    calls = 0
    lock = threading.Lock()

    def build() -> int:
        nonlocal calls
        with lock:
            calls += 1
        time.sleep(0.05)
        return 42

    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(lambda _: cache.get("a", (1,), build), range(8)))
    assert answers == [42] * 8 and calls == 1


def test_the_least_recently_used_goes_first() -> None:
    cache: BuiltCache[str, str] = BuiltCache(kept=2)
    cache.get("a", (1,), lambda: "a1")
    cache.get("b", (1,), lambda: "b1")
    cache.get("a", (1,), lambda: "a2")  # a is used again
    cache.get("c", (1,), lambda: "c1")  # b goes
    assert cache.get("a", (1,), lambda: "a3") == "a1"
    assert cache.get("b", (1,), lambda: "b2") == "b2"


def test_a_failed_build_keeps_nothing_and_is_tried_again() -> None:
    # Keys can come from requests (an unknown record's id): failures must not pile up.
    cache: BuiltCache[str, int] = BuiltCache(kept=2)

    def missing() -> int:
        raise LookupError("no such record")

    for key in ("x", "y", "z"):
        with pytest.raises(LookupError):
            cache.get(key, (1,), missing)
    assert cache._building == {} and len(cache._values) == 0
    assert cache.get("x", (1,), lambda: 7) == 7
