"""Atomic output: the build writes into a temporary sibling folder that replaces OUTPUT_PATH
only when the whole build succeeded, so a failed build never leaves a half-written site."""

from __future__ import annotations

import atexit
import shutil
import threading
import uuid
from pathlib import Path

from blinker import signal

#: Sent with ``output_path`` once every page is written and before the output is swapped in,
#: for steps that work on the finished site (search indexing).
output_ready = signal("portal-output-ready")


def _discard(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)


def begin_build(pelican) -> None:
    """Redirect this run of ``pelican`` to a fresh temporary folder beside OUTPUT_PATH, and
    delete the site the previous build replaced while this one is being generated."""
    if not pelican.settings.get("PORTAL_ATOMIC_OUTPUT", True):
        return
    final = Path(pelican.settings["OUTPUT_PATH"]).resolve()
    final.parent.mkdir(parents=True, exist_ok=True)
    retired = list(final.parent.glob(f".{final.name}-old-*"))
    cleaner = threading.Thread(target=lambda: [_discard(path) for path in retired])
    cleaner.start()
    pelican.portal_cleaner = cleaner
    staging = final.parent / f".{final.name}-building-{uuid.uuid4().hex[:8]}"
    staging.mkdir()
    atexit.register(_discard, staging)
    pelican.portal_final_output = final
    pelican.output_path = str(staging)


def finish_build(pelican) -> None:
    """Announce the finished site, then swap it in place of the previous output."""
    output_ready.send(pelican, output_path=pelican.output_path)
    final: Path | None = getattr(pelican, "portal_final_output", None)
    if final is None:
        return
    staging = Path(pelican.output_path)
    pelican.portal_cleaner.join()
    # The replaced site is deleted by the next build, in the background: removing thousands
    # of files here would add seconds to every preview.
    retired = final.parent / f".{final.name}-old-{uuid.uuid4().hex[:8]}"
    if final.exists():
        final.rename(retired)
    staging.rename(final)
    pelican.output_path = str(final)
