"""Atomic output: the build writes into a temporary sibling folder that replaces OUTPUT_PATH
only when the whole build succeeded, so a failed build never leaves a half-written site."""

from __future__ import annotations

import atexit
import shutil
import uuid
from pathlib import Path

from blinker import signal

#: Sent with ``output_path`` once every page is written and before the output is swapped in,
#: for steps that work on the finished site (search indexing).
output_ready = signal("portal-output-ready")


def _discard(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)


def begin_build(pelican) -> None:
    """Redirect this run of ``pelican`` to a fresh temporary folder beside OUTPUT_PATH."""
    if not pelican.settings.get("PORTAL_ATOMIC_OUTPUT", True):
        return
    final = Path(pelican.settings["OUTPUT_PATH"]).resolve()
    final.parent.mkdir(parents=True, exist_ok=True)
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
    retired = final.parent / f".{final.name}-old-{uuid.uuid4().hex[:8]}"
    if final.exists():
        final.rename(retired)
    staging.rename(final)
    _discard(retired)
    pelican.output_path = str(final)
