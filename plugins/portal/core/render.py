"""Rendering a route in one language through the theme, and writing files: both become jobs of
the build plan (``core.plan``), which skips what is unchanged and writes only changed bytes."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from pathlib import Path

from blinker import signal
from jinja2 import pass_context
from jinja2.runtime import Context
from jinja2.utils import concat
from markupsafe import Markup

from . import resident
from .languages import Language
from .plan import BuildPlan, FileJob, PageJob, record_inputs, recording_apart
from .site import Route, site_of

#: Sent (with ``route``, ``language``, ``template`` and the mutable ``context``) before a page is
#: rendered, so a plugin can describe the page to the theme (the search plugin adds ``search``).
#: What a listener reads from ``context`` counts among the page's inputs.
page_rendering = signal("portal-page-rendering")
#: Sent (with ``changed``) after every file the build writes or finds unchanged, so
#: ``portal build`` can count them and show progress.
file_written = signal("portal-file-written")

#: The plan of the build running in this process (set by ``core.output``).
_active: BuildPlan | None = None


@pass_context
def language_part(context: Context, name: str) -> Markup:
    """``{% include name %}`` for a part of the page that shows only the site and the page's
    language, the same on every page of that language (the footer): rendered once per
    language, template environment and process, then the same text. What it read when it
    was rendered is recorded for every page that shows it, as if rendered there."""
    site, language = context.resolve("site"), context.resolve("lang")
    key = (name, language.code, id(context.environment))
    made = site.parts.get(key)
    if made is None:
        with recording_apart() as recorded:
            template = context.environment.get_template(name)
            text = Markup(concat(template.root_render_func(
                template.new_context(context.get_all(), shared=True))))
        made = site.parts[key] = (text, frozenset(recorded.names), frozenset(recorded.routes))
    else:
        record_inputs(made[1], made[2])
    return made[0]


def activate(plan: BuildPlan | None) -> None:
    global _active
    _active = plan
    if plan is not None:
        plan._announce = lambda name, changed: _announce_name(plan, name, changed)
        plan.tell_kept = bool(file_written.receivers)


def shell_digest() -> str:
    """Digest of the code, theme, catalogues and settings of the build running here ("" when
    no build plan is active): what a result kept between builds must be made under."""
    return _active.shell_files if _active is not None else ""


def announce(target: Path, changed: bool) -> None:
    file_written.send(target, changed=changed)


def _announce_name(plan: BuildPlan, name: str, changed: bool) -> None:
    # Tens of thousands of files per build: no path is made when nobody listens.
    if file_written.receivers:
        announce(plan.final / name, changed)


def _plan_and_name(target: Path) -> tuple[BuildPlan, str] | None:
    if _active is None:
        return None
    try:
        return _active, target.relative_to(_active.staging).as_posix()
    except ValueError:
        return None


def write_if_changed(target: Path, data: str | bytes) -> bool:
    """Write ``data`` to ``target`` (a file in the output folder) unless the site already holds
    exactly these bytes there. Returns whether it was queued or written."""
    found = _plan_and_name(Path(target))
    if found is None:
        payload = data.encode("utf-8") if isinstance(data, str) else data
        changed = not (target.exists() and target.read_bytes() == payload)
        if changed:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(payload)
        announce(target, changed)
        return changed
    plan, name = found
    plan.add(FileJob(name, _same, (data,)))
    return True


def produce_file(target: Path, producer: Callable[..., str | bytes], *inputs) -> None:
    """Write ``producer(*inputs)`` to ``target``; not even computed when ``inputs`` are those
    of the last build (they must be all the producer depends on)."""
    found = _plan_and_name(Path(target))
    if found is None:
        write_if_changed(target, producer(*inputs))
        return
    plan, name = found
    plan.add(FileJob(name, producer, inputs))


def render_route(generator, route: Route, language: Language, template: str, *,
                 lazy: dict[str, tuple[Callable, tuple]] | None = None, **extra) -> None:
    """Render ``template`` for ``route`` in ``language`` into the output folder.

    ``extra`` is the page's own data. ``lazy`` maps more names to ``(function, arguments)``
    computed only if the page is rendered (in a worker), from arguments that say all they
    depend on.
    """
    site = site_of(generator)
    name = site.output_name(language, route.path)
    job = PageJob(name, generator, route, language, template, extra, lazy or {},
                  site.page_context, page_rendering.send)
    if _active is None:
        target = Path(generator.output_path) / name
        write_if_changed(target, job.produce())
        return
    if _active.site is None:
        _active.site = site
    _active.add(job)


def render_group(generator, key: Hashable, inputs: tuple,
                 register: Callable[[], None]) -> None:
    """Call ``register()`` (which renders routes and produces files), unless a build process
    that stays up made the same files from the same ``inputs`` last time: they are kept then.
    ``inputs`` must be all the files depend on besides the site's shell (code, theme,
    settings, languages, menu), the shared context and the routes they link."""
    if _active is None or _active.earlier is None and not resident.enabled():
        register()
        return
    if _active.site is None:
        _active.site = site_of(generator)
    _active.group((type(generator).__name__, key), inputs, generator.context, register)


def _same(data: str | bytes) -> str | bytes:
    return data
