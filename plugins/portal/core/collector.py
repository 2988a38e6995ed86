"""Python's cycle collector while a build runs.

With Python's default thresholds, the collection of the oldest generation ran about a dozen
times per build of the reference corpus, and each walks every object the build holds: a
parsed feed of 10,000 records alone is millions. That was about a fifth of a one-record
rebuild. During a build the collector looks at young objects less often, and at old ones
only when young collections have run many times over; what a build holds is mostly kept
until it ends anyway. The thresholds before the build are restored after it.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

from . import resident

#: Allocations between young collections; young collections between middle ones; middle
#: collections between full ones (Python's defaults: 700, 10, 10).
BUILD_THRESHOLDS = (50_000, 20, 100)

_before: tuple[int, int, int] | None = None


def collect_less(pelican: object = None) -> None:
    """Set the build's thresholds (``initialized`` signal)."""
    global _before
    if _before is None:
        _before = gc.get_threshold()
    gc.set_threshold(*BUILD_THRESHOLDS)


def collect_as_before(pelican: object = None) -> None:
    """Restore the thresholds of before the build (``finalized`` signal); not in a build
    process that stays up, whose whole life is builds and what they keep for the next."""
    global _before
    if _before is not None and not resident.enabled():
        gc.set_threshold(*_before)
        _before = None


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """No collection at all while a large, acyclic structure is read (a parsed feed and its
    records): there are no cycles to find, and the collector would walk every new object
    several times as the structure grows."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
