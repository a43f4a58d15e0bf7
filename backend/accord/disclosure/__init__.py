"""Statistical disclosure control: every statistic that leaves a partner goes through
`protect` first, so that no published number lets anyone work out a small count
(control.py explains the guarantee)."""

from accord.disclosure.control import (
    MIN_THRESHOLD,
    SUPPRESSED,
    Axis,
    Cell,
    Policy,
    Protected,
    Published,
    derived_allowed,
    protect,
)

__all__ = [
    "MIN_THRESHOLD",
    "SUPPRESSED",
    "Axis",
    "Cell",
    "Policy",
    "Protected",
    "Published",
    "derived_allowed",
    "protect",
]
