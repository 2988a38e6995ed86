"""Languages on the page: gettext catalogues for the theme, Babel formatting, and the
language links (hreflang, switcher) that ``portal.core.site`` derives from the route model."""

from __future__ import annotations

from pelican import signals

from ..core.errors import Problem, report
from .catalogs import catalogue_path, install_catalogues, load_catalogues, page_gettext
from .formatting import FILTERS, localised_date, minguo_year

_cache: dict[tuple, tuple] = {}


def catalogues_for(settings: dict, reload: bool = False):
    """The compiled catalogues of every language; ``reload`` re-reads changed ``.po`` files
    (once per generator, so `make devserver` picks up new translations)."""
    from ..core.languages import languages_from_settings

    languages = languages_from_settings(settings)
    key = (settings["PORTAL_TRANSLATIONS_DIR"], languages)
    cached = _cache.get(key)
    if cached is not None and not reload:
        return cached[1]
    stamp = tuple(
        catalogue_path(settings["PORTAL_TRANSLATIONS_DIR"], lang).stat().st_mtime_ns
        if catalogue_path(settings["PORTAL_TRANSLATIONS_DIR"], lang).exists() else 0
        for lang in languages
    )
    if cached is None or cached[0] != stamp:
        catalogues, problems = load_catalogues(settings["PORTAL_TRANSLATIONS_DIR"], languages)
        report(problems)
        _cache[key] = (stamp, catalogues)
    return _cache[key][1]


def N_(message: str) -> str:  # noqa: N802 - the gettext convention for "mark for extraction"
    """Mark a string in Python code for `make translations`; translate it later with
    ``translate``."""
    return message


def translate(settings: dict, language, message: str) -> str:
    """A theme-catalogue string in ``language``, for text built in Python (menu labels)."""
    return catalogues_for(settings)[language.code].gettext(message)


def labels(settings: dict, languages, message: str) -> dict[str, str]:
    """``message`` in every language, keyed by language code."""
    return {language.code: translate(settings, language, message) for language in languages}


def add_filters(pelican) -> None:
    pelican.settings["JINJA_FILTERS"] = {**pelican.settings.get("JINJA_FILTERS", {}), **FILTERS}
    env = pelican.settings.setdefault("JINJA_ENVIRONMENT", {})
    extensions = env.setdefault("extensions", [])
    if "jinja2.ext.i18n" not in extensions:
        extensions.append("jinja2.ext.i18n")
    env["autoescape"] = True


def install_gettext(generator) -> None:
    install_catalogues(generator.env, catalogues_for(generator.settings, reload=True))


def add_page_gettext(generator, *, language, context, **_) -> None:
    """A page is rendered with the gettext of its own language."""
    context.update(page_gettext(generator.env, language.code))


def register() -> None:
    from ..core.render import page_rendering

    signals.initialized.connect(add_filters)
    signals.generator_init.connect(install_gettext)
    page_rendering.connect(add_page_gettext)


__all__ = ["FILTERS", "N_", "Problem", "labels", "localised_date", "minguo_year", "register",
           "translate"]
