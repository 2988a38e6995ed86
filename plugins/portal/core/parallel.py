"""Work spread over the CPU cores, and remembered between builds.

``parallel_map`` forks worker processes that inherit the build's data copy-on-write (nothing is
sent to them) and return their results through temporary files. ``remembered_map`` keeps each
result under a key of the input it was computed from, so the next build computes only what is
new or changed: feed records, archive items and Markdown files are each read once per change,
not once per build.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import os
import pickle
import tempfile
import traceback
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

from . import resident
from .fingerprint import code_digest, digest_bytes

Item = TypeVar("Item")
Result = TypeVar("Result")

#: Below this many items, a worker process costs more than it saves.
PARALLEL_FROM = 64


def worker_count(settings: dict) -> int:
    return settings.get("PORTAL_BUILD_WORKERS", 0) or os.cpu_count() or 1


def run_shares(function: Callable[[Item], Result], shares: list[list[Item]],
               on_result: Callable[[Result], None] | None = None) -> list[list[Result]]:
    """``function`` over every item of every share: the first share in this process, each
    other one in a forked process that inherits the build's data copy-on-write (nothing is
    sent to it) and returns its results through a temporary file. This process takes a share
    itself: one process fewer copies the data. ``on_result`` sees every result, this
    process's as they come."""
    return _run_forked(function, shares, on_result)


#: How many bytes a run's number takes in the pipe of ``run_pulled``.
_RUN_NUMBER = 4
#: What a pipe holds on any system (POSIX guarantees PIPE_BUF): the numbers are all written
#: before any process reads.
_PIPE_CAPACITY = 4096


def run_pulled(function: Callable[[Item], Result], runs: list[list[Item]], workers: int,
               on_result: Callable[[Result], None] | None = None) -> None:
    """``function`` over every item of every run, in ``workers`` processes (this one and
    forked ones, as ``run_shares``) that each take the next run whenever they finish one, so
    that they finish together however much the runs differ in cost. The runs' numbers wait
    in a pipe: a read of one number is atomic, so each run is taken by one process only."""
    if len(runs) * _RUN_NUMBER > _PIPE_CAPACITY:
        size = -(-len(runs) * _RUN_NUMBER // _PIPE_CAPACITY)
        runs = [[item for run in runs[start:start + size] for item in run]
                for start in range(0, len(runs), size)]
    read_end, write_end = os.pipe()
    try:
        with os.fdopen(write_end, "wb") as numbers:
            numbers.write(b"".join(number.to_bytes(_RUN_NUMBER, "little")
                                   for number in range(len(runs))))

        def pulled() -> Iterator[Item]:
            while number := os.read(read_end, _RUN_NUMBER):
                yield from runs[int.from_bytes(number, "little")]

        _run_forked(function, [pulled() for _ in range(max(1, workers))], on_result)
    finally:
        os.close(read_end)


def _run_forked(function: Callable[[Item], Result], shares: Sequence[Iterable[Item]],
                on_result: Callable[[Result], None] | None) -> list[list[Result]]:
    report = on_result or (lambda result: None)

    def own() -> list[Result]:
        results = []
        for item in shares[0]:
            results.append(function(item))
            report(results[-1])
        return results

    if len(shares) == 1:
        return [own()]
    # Frozen, the shared objects are never walked by the collector, which would otherwise
    # touch (and so copy) each of them in every process. No full collection first: over a
    # build's millions of objects it costs a third of a second each time, in this process
    # alone, and the little cyclic garbage frozen with them is collected after unfreezing.
    gc.freeze()
    try:
        with tempfile.TemporaryDirectory(prefix="portal-workers-") as scratch:
            children = {}
            for index in range(1, len(shares)):
                target = Path(scratch) / f"{index}.pickle"
                pid = os.fork()
                if pid == 0:  # pragma: no cover - runs in the worker process
                    _work(function, shares[index], target)
                children[pid] = target
            outcomes = [own()]
            for pid, target in children.items():
                os.waitpid(pid, 0)
                outcome = _load(target) if target.exists() else "no result"
                if isinstance(outcome, str):
                    raise RuntimeError("a worker process failed:\n" + outcome)
                for result in outcome:
                    report(result)
                outcomes.append(outcome)
            return outcomes
    finally:
        gc.unfreeze()


def parallel_map(function: Callable[[Item], Result], items: Sequence[Item],
                 workers: int) -> list[Result]:
    """``[function(item) for item in items]``, in ``workers`` processes when worth it."""
    workers = min(workers, max(1, len(items) // PARALLEL_FROM))
    outcomes = run_shares(function, [list(items[index::workers]) for index in range(workers)])
    results: list[Any] = [None] * len(items)
    for index, outcome in enumerate(outcomes):
        results[index::workers] = outcome
    return results


def in_background(work: Callable[[], Any]) -> Callable[[], None]:
    """Start ``work`` in a forked process, for what it leaves on disk (a store that
    ``remembered_map`` reads later in the build), while this process goes on with other
    work; it uses a core that the build's single-process steps leave idle. Returns the
    function that waits for it to end. Its failures are not reported here: whatever it did
    not do, the build does itself when it gets there."""
    gc.freeze()  # the collector would touch (and so copy) every shared object in the child
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the forked process
        status = 1
        try:
            work()
            status = 0
        finally:
            os._exit(status)
    gc.unfreeze()
    ended: list[bool] = []

    def wait() -> None:
        if not ended:
            with contextlib.suppress(ChildProcessError):  # already waited for
                os.waitpid(pid, 0)
            ended.append(True)

    _background.append(wait)
    return wait


def work_ahead(settings: dict, work: Callable[[], Any]) -> Callable[[], None] | None:
    """``in_background(work)`` when a core is spare for it: more than one worker, and not in
    the preview's builder, which keeps such results in memory rather than in stores. Returns
    the function that waits for it, or None when nothing was started."""
    if worker_count(settings) > 1 and not resident.enabled():
        return in_background(work)
    return None


#: How to wait for each process ``in_background`` started in this build.
_background: list[Callable[[], None]] = []


def wait_for_background() -> None:
    """Wait for the processes ``in_background`` started (at the end of a build: what they
    leave on disk is then complete for the next one)."""
    while _background:
        _background.pop()()


# A build that stops early (an editor's mistake) waits too: nothing is left writing into the
# project once the command has returned.
atexit.register(wait_for_background)


def _work(function, items: Iterable, target: Path) -> None:  # pragma: no cover - a worker
    status = 0
    try:
        outcome: Any = [function(item) for item in items]
    except BaseException:
        outcome, status = traceback.format_exc(), 1
    try:
        with open(target, "wb") as stream:
            pickle.dump(outcome, stream, protocol=pickle.HIGHEST_PROTOCOL)
    except BaseException:
        target.write_bytes(pickle.dumps(traceback.format_exc()))
        status = 1
    os._exit(status)


def _load(path: Path) -> Any:
    """A pickle read as a stream, like every pickle here is written: a store or a worker's
    results for 10,000 records is tens of megabytes, and a whole copy of it as bytes would
    add to the build's peak memory."""
    with open(path, "rb") as stream:
        return pickle.load(stream)


def remembered_map(name: str, function: Callable[[Item], Result], items: Sequence[Item],
                   key_of: Callable[[Item], Hashable], settings: dict, *depends_on: bytes | str,
                   workers: int | None = None, immutable: bool = False) -> list[Result]:
    """``parallel_map`` that reuses the results of the last build for items whose key is the
    same. ``depends_on`` names what else the results depend on (schemas, settings); the
    portal's code always counts. ``workers``: processes (default: one per core).
    ``immutable``: nothing changes the results once made, so a build process that stays up
    (``core.resident``) keeps them in memory and hands the same objects to the next build,
    and saves the store after the build; other results are read afresh from the store."""
    version = digest_bytes(code_digest(), *depends_on)
    store = _store(settings, name)
    remembered: dict = (resident.recall(f"store:{store}", version) if immutable else None) \
        or {}
    if not remembered:
        try:
            saved_version, remembered = _load(store)
            if saved_version != version:
                remembered = {}
        except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError,
                AttributeError, ImportError):
            remembered = {}
    keys = [key_of(item) for item in items]
    missing = [index for index, key in enumerate(keys) if key not in remembered]
    if missing:
        fresh = parallel_map(function, [items[index] for index in missing],
                             workers or worker_count(settings))
        for index, result in zip(missing, fresh, strict=True):
            remembered[keys[index]] = result
    results = [remembered[key] for key in keys]
    if missing or len(remembered) != len(set(keys)):
        remembered = {key: remembered[key] for key in keys}
        if immutable:
            resident.later(lambda: _save(store, version, remembered), f"store:{store}")
        else:
            _save(store, version, remembered)
    if immutable:
        resident.keep(f"store:{store}", version, remembered)
    return results


def _save(store: Path, version: str, remembered: dict) -> None:
    store.parent.mkdir(parents=True, exist_ok=True)
    # A name of this process's own: a process in the background may fill the same store.
    scratch = store.with_suffix(f".{os.getpid()}.tmp")
    with open(scratch, "wb") as stored:
        pickle.dump((version, remembered), stored, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(scratch, store)


def store_settings(settings: dict) -> dict[str, str]:
    """The settings ``remembered_map`` reads to find its store, as plain data: a build job
    that remembers results takes them as one of its inputs."""
    return {"PATH": str(settings["PATH"]),
            "PORTAL_BUILD_CACHE_DIR": settings["PORTAL_BUILD_CACHE_DIR"]}


def _store(settings: dict, name: str) -> Path:
    root = Path(settings["PATH"]).resolve().parent
    return root / settings.get("PORTAL_BUILD_CACHE_DIR", ".cache/build") / f"{name}.pickle"
