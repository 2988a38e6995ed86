"""Languages on the page: gettext catalogues for the theme, Babel formatting, and the
language links (hreflang, switcher) that ``portal.core.site`` derives from the route model."""

from __future__ import annotations

from pelican import signals

from ..core.errors import Problem
from .catalogs import catalogue_path, install_catalogues, load_catalogues
from .formatting import FILTERS, localised_date, minguo_year

_cache: dict[tuple, tuple] = {}


def catalogues_for(settings: dict):
    from ..core.languages import languages_from_settings

    languages = languages_from_settings(settings)
    key = (settings["PORTAL_TRANSLATIONS_DIR"], languages)
    stamp = tuple(
        catalogue_path(settings["PORTAL_TRANSLATIONS_DIR"], lang).stat().st_mtime_ns
        if catalogue_path(settings["PORTAL_TRANSLATIONS_DIR"], lang).exists() else 0
        for lang in languages
    )
    cached = _cache.get(key)
    if cached is None or cached[0] != stamp:
        catalogues, problems = load_catalogues(settings["PORTAL_TRANSLATIONS_DIR"], languages)
        for problem in problems:
            print(problem)
        _cache[key] = (stamp, catalogues)
    return _cache[key][1]


def add_filters(pelican) -> None:
    pelican.settings["JINJA_FILTERS"] = {**pelican.settings.get("JINJA_FILTERS", {}), **FILTERS}
    env = pelican.settings.setdefault("JINJA_ENVIRONMENT", {})
    extensions = env.setdefault("extensions", [])
    if "jinja2.ext.i18n" not in extensions:
        extensions.append("jinja2.ext.i18n")
    env["autoescape"] = True


def install_gettext(generator) -> None:
    install_catalogues(generator.env, catalogues_for(generator.settings))


def register() -> None:
    signals.initialized.connect(add_filters)
    signals.generator_init.connect(install_gettext)


__all__ = ["FILTERS", "Problem", "localised_date", "minguo_year", "register"]
