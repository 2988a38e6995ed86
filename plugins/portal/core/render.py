"""Rendering a route in one language through the theme, and writing only changed bytes."""

from __future__ import annotations

from pathlib import Path

from blinker import signal

from .languages import Language
from .site import Route, site_of

#: Sent (with ``route``, ``language``, ``template`` and the mutable ``context``) before a page is
#: rendered, so a plugin can describe the page to the theme (the search plugin adds ``search``).
page_rendering = signal("portal-page-rendering")
#: Sent (with ``changed``) after every file the build writes or finds unchanged, so
#: ``portal build`` can count them and show progress.
file_written = signal("portal-file-written")


def write_if_changed(target: Path, data: str | bytes) -> bool:
    """Write ``data`` to ``target`` unless it already holds exactly these bytes."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    changed = not (target.exists() and target.read_bytes() == payload)
    if changed:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(payload)
    file_written.send(target, changed=changed)
    return changed


def render_route(generator, route: Route, language: Language, template: str, **extra) -> Path:
    """Render ``template`` for ``route`` in ``language`` and write it to the output folder."""
    site = site_of(generator)
    context = {**generator.context, **site.page_context(route, language), "template": template,
               **extra}
    page_rendering.send(generator, route=route, language=language, template=template,
                        context=context)
    html = generator.get_template(template).render(context)
    target = site.output_file(generator.output_path, language, route.path)
    write_if_changed(target, html)
    return target
