"""Locale-aware formatting for templates: Babel dates and numbers, Minguo (ROC) years."""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_skeleton, format_time
from babel.numbers import format_decimal, format_percent
from babel.units import format_unit
from jinja2 import pass_context
from markupsafe import Markup

MINGUO_OFFSET = 1911


def N_(message: str) -> str:  # noqa: N802 - portal.i18n.N_, which imports this module
    return message


def minguo_year(year: int) -> int:
    """Republic of China (Minguo) year: 2021 is 民國110年."""
    return year - MINGUO_OFFSET


def localised_date(value: date | datetime, language, format: str = "long") -> str:
    """``January 20, 2001`` / ``2001年1月20日（民國90年）`` for languages that use Minguo years."""
    return _date_text(value, value.isoformat(), language, format)


# Formatted texts are remembered for the build: pages show the same few thousand dates and
# numbers tens of thousands of times, and Babel takes some microseconds for each. Moments are
# also keyed by their ISO text (two moments in other time zones can be equal, yet show other
# dates and times), numbers by their type (1, 1.0 and True are equal).

@lru_cache(maxsize=8192, typed=True)
def _date_text(value: date | datetime, iso: str, language, format: str) -> str:
    text = format_date(value, format=format, locale=language.babel_locale)
    if language.minguo:
        text += f"（民國{minguo_year(value.year)}年）"
    return text


@lru_cache(maxsize=8192, typed=True)
def _time_text(value: datetime, iso: str, language) -> str:
    return format_time(value, "HH:mm", locale=language.babel_locale)


@lru_cache(maxsize=8192, typed=True)
def _number_text(value: float | int, digits: int | None, language) -> str:
    pattern = None if digits is None else "#,##0." + "0" * digits if digits else "#,##0"
    return format_decimal(value, format=pattern, locale=language.babel_locale)


def localised_year(year: int, language) -> str:
    if language.minguo:
        return f"{year}年（民國{minguo_year(year)}年）"
    return str(year)


@pass_context
def date_filter(context, value: date | datetime | None, format: str = "long") -> str:
    return "" if value is None else localised_date(value, context["lang"], format)


@pass_context
def datetime_filter(context, value: datetime | None) -> str:
    """Date in words and 24-hour time: ``November 28, 2026, 09:00``."""
    if value is None:
        return ""
    language = context["lang"]
    separator = " " if language.minguo else ", "
    iso = value.isoformat()
    return (_date_text(value, iso, language, "long") + separator
            + _time_text(value, iso, language))


@pass_context
def time_filter(context, value: datetime) -> str:
    return _time_text(value, value.isoformat(), context["lang"])


@pass_context
def year_filter(context, year: int) -> str:
    return localised_year(year, context["lang"])


@pass_context
def number_filter(context, value: float | int, digits: int | None = None) -> str:
    return _number_text(value, digits, context["lang"])


@pass_context
def percent_filter(context, value: float, digits: int = 0) -> str:
    pattern = "#,##0%" if not digits else "#,##0." + "0" * digits + "%"
    return format_percent(value, format=pattern, locale=context["lang"].babel_locale)


def localised_month(value: date, language) -> str:
    """``July 2019`` / ``2019年7月（民國108年）``."""
    text = format_skeleton("yMMMM", value, locale=language.babel_locale)
    if language.minguo:
        text += f"（民國{minguo_year(value.year)}年）"
    return text


def _edtf_point(point, language, gettext) -> str:
    from ..core.edtf_dates import DAY, MONTH, SPAN

    if point.precision == DAY:
        text = localised_date(point.first, language)
    elif point.precision == MONTH:
        text = localised_month(point.first, language)
    elif point.precision in SPAN:
        text = gettext("%(decade)ss") % {"decade": point.year}
    else:
        text = localised_year(point.year, language)
    if point.approximate:
        text = gettext("circa %(date)s") % {"date": text}
    if point.uncertain:
        text = gettext("%(date)s (uncertain)") % {"date": text}
    return text


def localised_edtf(value, language, gettext=None) -> str:
    """An EDTF date (``portal.core.edtf_dates.EdtfDate``) in words, at the precision it has:
    ``July 2019``, ``about 2019``, ``the 1990s``, ``2019年7月（民國108年）起``."""
    gettext = gettext or (lambda message: message)
    if not value.is_interval:
        return _edtf_point(value.start, language, gettext)
    if value.start and value.end:
        return gettext("%(start)s to %(end)s") % {
            "start": _edtf_point(value.start, language, gettext),
            "end": _edtf_point(value.end, language, gettext)}
    if value.start:
        return gettext("from %(start)s") % {"start": _edtf_point(value.start, language, gettext)}
    return gettext("until %(end)s") % {"end": _edtf_point(value.end, language, gettext)}


@pass_context
def edtf_filter(context, value) -> str:
    from . import translate

    language = context["lang"]
    return "" if value is None else localised_edtf(
        value, language, lambda message: translate(context, language, message))


#: Languages of Taiwan by the names Taiwan uses (translated through the theme catalogue).
#: CLDR has no name for Taiwan Sign Language and calls the others "Min Nan Chinese" (閩南語)
#: and "Hakka Chinese" (客家話), where the Ministry of Culture and the city say 臺語 / 客語.
TAIWAN_LANGUAGES: dict[str, str] = {
    "nan": N_("Taiwanese"),
    "hak": N_("Hakka"),
    "tsl": N_("Taiwan Sign Language"),
}


def tag_display_name(tag: str, locale: str, gettext=None) -> str:
    """A BCP 47 tag (``zh-Hant``, ``nan``, ``tsl``) as a language name in ``locale``.

    Taiwan's own languages come from ``TAIWAN_LANGUAGES`` through ``gettext``; every other
    language's name comes from CLDR (Babel), by its language subtag (``zh-Hant`` is 中文,
    as people say it; the script is a matter of writing, not of speaking). A tag CLDR does
    not know is shown as written, which the raw-code test of the built site catches."""
    base = tag.replace("_", "-").split("-", 1)[0].lower()
    if base in TAIWAN_LANGUAGES:
        message = TAIWAN_LANGUAGES[base]
        return gettext(message) if gettext else message
    return _cldr_language(base, locale) or tag


@lru_cache(maxsize=512)
def _cldr_language(code: str, locale: str) -> str | None:
    try:
        return Locale.parse(locale).languages.get(code)
    except (UnknownLocaleError, ValueError):
        return None


@pass_context
def language_tag_name(context, tag: str) -> str:
    """A language tag as the name of the language in the page's language."""
    gettext = context.get("gettext")
    return tag_display_name(tag, context["lang"].locale,
                            gettext and (lambda message: gettext(context.eval_ctx, message)))


@pass_context
def filesize(context, size: int) -> str:
    """``12 kB`` / ``1.4 MB`` in the page's locale."""
    locale = context["lang"].babel_locale
    if size < 1_000_000:
        return format_unit(max(1, round(size / 1000)), "digital-kilobyte", length="short",
                           locale=locale)
    return format_unit(round(size / 1_000_000, 1), "digital-megabyte", length="short",
                       locale=locale)


def language_name(language) -> Markup:
    """A language's own name, marked with its language for screen readers."""
    return Markup('<span lang="{}">{}</span>').format(language.html_lang, language.native_name)


FILTERS = {
    "language_tag_name": language_tag_name,
    "filesize": filesize,
    "language_name": language_name,
    "date": date_filter,
    "datetime": datetime_filter,
    "time": time_filter,
    "year": year_filter,
    "number": number_filter,
    "percent": percent_filter,
    "edtf": edtf_filter,
}
