"""Work spread over the CPU cores, and remembered between builds.

``parallel_map`` forks worker processes that inherit the build's data copy-on-write (nothing is
sent to them) and return their results through temporary files. ``remembered_map`` keeps each
result under a key of the input it was computed from, so the next build computes only what is
new or changed: feed records, archive items and Markdown files are each read once per change,
not once per build.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import tempfile
import traceback
from collections.abc import Callable, Hashable, Sequence
from pathlib import Path
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

#: Below this many items, a worker process costs more than it saves.
PARALLEL_FROM = 64


def worker_count(settings: dict) -> int:
    return settings.get("PORTAL_BUILD_WORKERS", 0) or os.cpu_count() or 1


def parallel_map(function: Callable[[Item], Result], items: Sequence[Item],
                 workers: int) -> list[Result]:
    """``[function(item) for item in items]``, in ``workers`` processes when worth it."""
    workers = min(workers, max(1, len(items) // PARALLEL_FROM))
    if workers <= 1:
        return [function(item) for item in items]
    gc.collect()
    gc.freeze()
    try:
        with tempfile.TemporaryDirectory(prefix="portal-workers-") as scratch:
            children = []
            # This process takes the first share itself: one process fewer to copy the data.
            for index in range(1, workers):
                pid = os.fork()
                if pid == 0:  # pragma: no cover - runs in the worker process
                    _work(function, items, index, workers, Path(scratch) / f"{index}.pickle")
                children.append(pid)
            results: list[Any] = [None] * len(items)
            results[0::workers] = [function(item) for item in items[0::workers]]
            failed = any(os.waitpid(pid, 0)[1] != 0 for pid in children)
            for index in range(1, workers):
                outcome = pickle.loads((Path(scratch) / f"{index}.pickle").read_bytes())
                if isinstance(outcome, str):
                    raise RuntimeError("a worker process failed:\n" + outcome)
                results[index::workers] = outcome
            if failed:
                raise RuntimeError("a worker process failed")
            return results
    finally:
        gc.unfreeze()


def _work(function, items, index: int, workers: int, target: Path) -> None:  # pragma: no cover
    status = 0
    try:
        outcome: Any = [function(item) for item in items[index::workers]]
    except BaseException:
        outcome, status = traceback.format_exc(), 1
    try:
        target.write_bytes(pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL))
    except BaseException:
        target.write_bytes(pickle.dumps(traceback.format_exc()))
        status = 1
    os._exit(status)


def remembered_map(name: str, function: Callable[[Item], Result], items: Sequence[Item],
                   key_of: Callable[[Item], Hashable], settings: dict, version: str = ""
                   ) -> list[Result]:
    """``parallel_map`` that reuses the results of the last build for items whose key is the
    same. ``version`` names everything else the results depend on (code, settings)."""
    store = _store(settings, name)
    remembered: dict = {}
    try:
        saved_version, remembered = pickle.loads(store.read_bytes())
        if saved_version != version:
            remembered = {}
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError,
            ImportError):
        remembered = {}
    keys = [key_of(item) for item in items]
    missing = [index for index, key in enumerate(keys) if key not in remembered]
    if missing:
        fresh = parallel_map(function, [items[index] for index in missing],
                             worker_count(settings))
        for index, result in zip(missing, fresh, strict=True):
            remembered[keys[index]] = result
    results = [remembered[key] for key in keys]
    if missing or len(remembered) != len(set(keys)):
        kept = {key: remembered[key] for key in keys}
        store.parent.mkdir(parents=True, exist_ok=True)
        scratch = store.with_suffix(".tmp")
        scratch.write_bytes(pickle.dumps((version, kept), protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(scratch, store)
    return results


def _store(settings: dict, name: str) -> Path:
    root = Path(settings["PATH"]).resolve().parent
    return root / settings.get("PORTAL_BUILD_CACHE_DIR", ".cache/build") / f"{name}.pickle"


def digest_bytes(*parts: bytes | str) -> str:
    hasher = hashlib.blake2b(digest_size=16)
    for part in parts:
        hasher.update(part.encode("utf-8") if isinstance(part, str) else part)
        hasher.update(b"\0")
    return hasher.hexdigest()
