"""Rendering a route in one language through the theme, and writing only changed bytes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .languages import Language
from .site import Route, site_of

#: Called with ``changed`` after every write (``portal build`` counts and shows progress).
write_listeners: list[Callable[[bool], None]] = []


def write_if_changed(target: Path, data: str | bytes) -> bool:
    """Write ``data`` to ``target`` unless it already holds exactly these bytes."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    changed = not (target.exists() and target.read_bytes() == payload)
    if changed:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(payload)
    for listener in write_listeners:
        listener(changed)
    return changed


def render_route(generator, route: Route, language: Language, template: str, **extra) -> Path:
    """Render ``template`` for ``route`` in ``language`` and write it to the output folder."""
    site = site_of(generator)
    context = {**generator.context, **site.page_context(route, language), "template": template,
               **extra}
    html = generator.get_template(template).render(context)
    target = site.output_file(generator.output_path, language, route.path)
    write_if_changed(target, html)
    return target
