"""The cyclic garbage collector paused while a large structure of plain values is built.

Python's collector runs a full pass over every tracked object each time the objects that
survived since the last one reach a quarter of the rest. Building a large network's route
graph makes a million small objects (tuples, frozen dataclasses, sets) that only ever
refer forward, so it has nothing to collect in them; yet on a process that already keeps
a few such graphs it ran seven full passes of 150 to 270 ms each in one build. Paused, the
objects are counted once, at the next pass after the build: pathway health of the largest
network, cold, 2.2-2.5 s against 1.9 s (bench/README.md).

One process-wide switch (the collector has no other): a count of the builds under way,
so that one thread's build ending does not restart it under another's."""

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_builds = 0
_was_enabled = True


@contextmanager
def paused() -> Iterator[None]:
    global _builds, _was_enabled
    with _lock:
        if _builds == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _builds += 1
    try:
        yield
    finally:
        with _lock:
            _builds -= 1
            if _builds == 0 and _was_enabled:
                gc.enable()
