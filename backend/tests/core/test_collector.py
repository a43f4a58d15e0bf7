"""Pausing the garbage collector for a build restarts it after the last build under way,
also when a build fails, and leaves it off when it was off."""

import gc
import threading

import pytest

from accord.core import collector


def test_the_collector_runs_again_after_the_last_build_under_way() -> None:
    assert gc.isenabled()
    first_inside, second_started, first_done = threading.Event(), threading.Event(), []

    def first() -> None:
        with collector.paused():
            first_inside.set()
            second_started.wait(5)
        first_done.append(gc.isenabled())

    thread = threading.Thread(target=first)
    thread.start()
    first_inside.wait(5)
    with collector.paused():
        second_started.set()
        thread.join(5)
        assert first_done == [False]  # the other build is still under way
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_failed_build_restarts_the_collector() -> None:
    with pytest.raises(ValueError), collector.paused():
        raise ValueError("the build failed")
    assert gc.isenabled()


def test_a_collector_switched_off_stays_off() -> None:
    gc.disable()
    try:
        with collector.paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
