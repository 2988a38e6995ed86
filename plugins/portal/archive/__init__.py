"""The memory archive: ``memory_archive/<id>/item.yml`` published as a bilingual digital
collection (item pages, browse pages, a timeline, IIIF manifests and data downloads)."""

from __future__ import annotations

from babel import Locale, UnknownLocaleError
from babel.units import format_unit
from jinja2 import pass_context
from pelican import signals

from .generator import ArchiveGenerator


@pass_context
def filesize(context, size: int) -> str:
    """``12 kB`` / ``1.4 MB`` in the page's locale."""
    locale = context["lang"].locale
    if size < 1_000_000:
        return format_unit(max(1, round(size / 1000)), "digital-kilobyte", length="short",
                           locale=locale)
    return format_unit(round(size / 1_000_000, 1), "digital-megabyte", length="short",
                       locale=locale)


@pass_context
def language_tag_name(context, tag: str) -> str:
    """A BCP 47 tag (``zh-Hant``) as a language name in the page's language."""
    try:
        return Locale.parse(tag, sep="-").get_display_name(context["lang"].locale) or tag
    except (UnknownLocaleError, ValueError):
        return tag


def add_filters(pelican) -> None:
    pelican.settings["JINJA_FILTERS"] = {**pelican.settings.get("JINJA_FILTERS", {}),
                                         "filesize": filesize,
                                         "language_tag_name": language_tag_name}


def get_generators(pelican) -> type[ArchiveGenerator]:
    return ArchiveGenerator


def register() -> None:
    signals.initialized.connect(add_filters)
    signals.get_generators.connect(get_generators)


__all__ = ["ArchiveGenerator", "register"]
