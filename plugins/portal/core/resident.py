"""A build process that stays up between builds (the builder behind ``portal serve``): what one
build leaves to the next in memory, so that a rebuild after one edit does not read, parse and
fingerprint the whole site again.

Off in every other process (``pelican content``, ``make html``, tests that build once): there a
build keeps nothing, and its caches on disk are the only memory between builds.

Everything kept is filed under a *scope*, the digest of what it was made from. A build that
asks for it under another scope (other code, settings, output folder or source) gets nothing.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

_enabled = False
_kept: dict[str, tuple[str, Any]] = {}
#: Work for right after a build has been reported.
_soon: list[Callable[[], Any]] = []
#: Saving for the next process, kept until this one stops: the last work of each kind.
_at_exit: dict[str, Callable[[], Any]] = {}


def enable() -> None:
    """Keep what builds leave for the next one, for the life of this process."""
    global _enabled
    _enabled = True


def disable() -> None:
    global _enabled
    run_pending()
    _enabled = False
    _kept.clear()


def enabled() -> bool:
    return _enabled


def recall(name: str, scope: str) -> Any | None:
    """What the last build kept under ``name``, if it was made under the same ``scope``."""
    found = _kept.get(name)
    return found[1] if found is not None and found[0] == scope else None


def keep(name: str, scope: str, value: Any) -> None:
    """Leave ``value`` for the next build (only in a resident process)."""
    if _enabled:
        _kept[name] = (scope, value)


def forget(name: str) -> None:
    _kept.pop(name, None)


def later(work: Callable[[], Any], kind: str | None = None) -> None:
    """Run ``work`` once the site is in place. In any process but a resident one, at once. In
    a resident one, right after the build has been reported, so the preview reloads first; or,
    for saving what only the next process needs (a cache, the manifest), when the builder
    stops, keeping only the last work given of each ``kind``."""
    if not _enabled:
        work()
    elif kind is None:
        _soon.append(work)
    else:
        _at_exit.pop(kind, None)
        _at_exit[kind] = work


def run_soon() -> None:
    """Do what the last build left for right after it."""
    while _soon:
        _soon.pop(0)()


def run_pending() -> None:
    """Do everything builds left for later (before the process stops)."""
    run_soon()
    while _at_exit:
        _at_exit.pop(next(iter(_at_exit)))()


def file_stamp(path: str | os.PathLike) -> str:
    """A file as it is now, for telling whether it changed without reading it: size, times
    and inode. Any write changes the change time, which no tool can set back."""
    return stat_stamp(os.stat(path))


def stat_stamp(found: os.stat_result) -> str:
    """``file_stamp`` of a file already looked at."""
    return f"{found.st_size}:{found.st_mtime_ns}:{found.st_ctime_ns}:{found.st_ino}"
