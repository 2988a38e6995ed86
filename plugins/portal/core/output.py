"""Atomic output: a failed build never leaves a half-written site.

The first build (or one with incremental builds turned off) writes the whole site into a
temporary sibling folder that replaces OUTPUT_PATH when the build succeeds. Later builds write
only the files whose bytes changed into that temporary folder; once every page has rendered,
they are moved into OUTPUT_PATH one by one (each move atomic) and files the site no longer has
are removed. Every check that can fail on an editor's input runs before anything is moved.
"""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import threading
import uuid
from pathlib import Path

from blinker import signal

from . import render, resident
from .fingerprint import code_digest, digest_bytes, files_digest, settings_text
from .parallel import wait_for_background, worker_count
from .plan import BuildPlan, EarlierBuild, Manifest

#: Sent with ``output_path`` (the finished site) and ``bundle_path`` (where the search bundle
#: goes) for steps that work on the finished site; ``changed_pages`` is None when every page
#: is new, else the number of HTML files changed or removed.
output_ready = signal("portal-output-ready")


def _discard(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)


def _project_root(settings: dict) -> Path:
    return Path(settings["PATH"]).resolve().parent


def manifest_path(settings: dict, final: Path) -> Path:
    """Where the plan of the build into ``final`` is kept between builds."""
    key = digest_bytes(str(final))[:12]
    return _project_root(settings) / settings["PORTAL_BUILD_CACHE_DIR"] / f"{key}.json"


def _shell_files(settings: dict) -> str:
    """Digest of what every page depends on besides its data: the portal's code, the theme,
    the catalogues, the settings and the versions of the libraries that render."""
    from importlib.metadata import version

    libraries = [version(name) for name in ("pelican", "jinja2", "babel", "markdown", "nh3")]
    return digest_bytes(
        code_digest(), files_digest(Path(settings["THEME"])),
        files_digest(_project_root(settings) / settings["PORTAL_TRANSLATIONS_DIR"]),
        *libraries, sys.version,
        *(f"{key}={settings_text(value)}" for key, value in sorted(settings.items())
          if key not in _NOT_IN_PAGES))


#: Settings that change no page: where the site goes, the build's own site model, and whether
#: Pagefind runs (the manifest says when the index is behind the pages).
_NOT_IN_PAGES = frozenset({"OUTPUT_PATH", "PORTAL_SITE", "PORTAL_SEARCH_INDEX"})


def begin_build(pelican) -> None:
    """Point this run of ``pelican`` at a fresh temporary folder beside OUTPUT_PATH, make the
    build plan, and delete the site a previous build replaced while this one is generated."""
    resident.run_soon()
    settings = pelican.settings
    final = Path(settings["OUTPUT_PATH"]).resolve()
    atomic = settings.get("PORTAL_ATOMIC_OUTPUT", True)
    shell_files = _shell_files(settings)
    previous = Manifest()
    earlier = None
    if settings.get("PORTAL_INCREMENTAL", True) and final.is_dir():
        store = manifest_path(settings, final)
        earlier = resident.recall("build", digest_bytes(str(final), shell_files))
        if earlier is not None and _stamp(store) == earlier.manifest_stamp:
            previous = earlier.manifest
        else:
            earlier = None
            previous = Manifest.load(store, final)
    complete = not previous.files
    if atomic:
        final.parent.mkdir(parents=True, exist_ok=True)
        retired = list(final.parent.glob(f".{final.name}-old-*"))
        cleaner = threading.Thread(target=lambda: [_discard(path) for path in retired])
        cleaner.start()
        pelican.portal_cleaner = cleaner
        staging = final.parent / f".{final.name}-building-{uuid.uuid4().hex[:8]}"
        staging.mkdir()
        atexit.register(_discard, staging)
        pelican.output_path = str(staging)
    else:
        staging = final
        complete = False
    pelican.portal_final_output = final
    plan = BuildPlan(final, staging, previous, complete, worker_count(settings),
                     settings, shell_files, earlier)
    pelican.portal_plan = plan
    render.activate(plan)


def finish_build(pelican) -> None:
    """Render what changed, then put the finished site in place and index it for search."""
    plan: BuildPlan | None = getattr(pelican, "portal_plan", None)
    if plan is None:
        return
    rendered = len(plan.jobs)
    plan.execute()
    wait_for_background()
    render.activate(None)
    print(f"Build: {rendered} files made, {plan.kept} unchanged and skipped, "
          f"{len(plan.changed)} written, {len(plan.removed())} removed")
    final, staging = plan.final, plan.staging
    manifest = plan.manifest()
    store = manifest_path(pelican.settings, final)
    earlier = EarlierBuild(manifest, (0, 0), plan.registered, dict(plan._shells),
                           dict(plan._context_digests), plan.settings, plan.groups,
                           plan.context, plan.site.routes if plan.site else {})

    def save() -> None:
        plan.fill_fingerprints()
        manifest.save(store)
        earlier.manifest_stamp = _stamp(store)

    deferred = resident.enabled()
    if deferred:
        # Saved when the builder stops; meanwhile no manifest describes the site, so a
        # builder killed in between leaves the next build a complete one, never a stale page.
        store.unlink(missing_ok=True)
    if plan.complete:
        output_ready.send(pelican, output_path=str(staging),
                          bundle_path=str(staging / "pagefind"), changed_pages=None)
        if staging != final:
            pelican.portal_cleaner.join()
            # The replaced site is deleted by the next build, in the background: removing
            # thousands of files here would add seconds to every preview.
            if final.exists():
                final.rename(final.parent / f".{final.name}-old-{uuid.uuid4().hex[:8]}")
            staging.rename(final)
        if not deferred:
            save()
    else:
        if staging != final:
            _move_changed(staging, final, plan)
        removed = plan.removed()
        for name in removed:
            _remove(final, name)
        pages = sum(1 for name in plan.changed | set(removed) if name.endswith(".html"))
        manifest.search_stale = pages > 0 or plan.previous.search_stale
        if not deferred:
            save()
        if manifest.search_stale:
            bundle = (staging if staging != final else final.parent / f".{final.name}-search"
                      ) / "pagefind-new"
            output_ready.send(pelican, output_path=str(final), bundle_path=str(bundle),
                              changed_pages=pages)
            # Only an index made here brings search up to date (a build without indexing
            # leaves it to the next one that indexes).
            if bundle.exists():
                _swap_in(bundle, final / "pagefind")
                manifest.search_stale = False
                if not deferred:
                    save()
        if staging != final:
            pelican.portal_cleaner.join()
            _discard(staging)
    pelican.output_path = str(final)
    if deferred:
        resident.later(plan.fill_fingerprints)

        def save_unless_replaced() -> None:
            # Saved when the builder stops. A manifest on disk by then was written by another
            # build (``make html``) after this one, with the files it describes: it stays.
            if not store.exists():
                save()

        resident.later(save_unless_replaced, f"manifest:{store}")
    resident.keep("build", digest_bytes(str(final), plan.shell_files), earlier)


def _stamp(path: Path) -> tuple[int, int]:
    """When and how large: whether the manifest on disk is the one this process wrote."""
    try:
        found = path.stat()
    except OSError:
        return (0, 0)
    return (found.st_mtime_ns, found.st_size)


def _move_changed(staging: Path, final: Path, plan: BuildPlan) -> None:
    """Move what this build wrote into the site; files written by Pelican itself (the
    theme's static files) only when their bytes differ."""
    for folder, _, files in os.walk(staging):
        for file_name in files:
            source = Path(folder) / file_name
            name = source.relative_to(staging).as_posix()
            target = final / name
            if name not in plan.changed and target.exists() and \
                    target.stat().st_size == source.stat().st_size and \
                    target.read_bytes() == source.read_bytes():
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, target)


def _remove(final: Path, name: str) -> None:
    target = final / name
    target.unlink(missing_ok=True)
    folder = target.parent
    while folder != final and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def _swap_in(new: Path, target: Path) -> None:
    old = target.with_name(target.name + f"-old-{uuid.uuid4().hex[:8]}")
    if target.exists():
        target.rename(old)
    new.rename(target)
    _discard(old)
