"""Feed text made safe for pages: Markdown rendered, then cleaned with an allow-list, and
schedules described in words."""

from __future__ import annotations

import functools

import markdown
import nh3
from babel.dates import format_time
from babel.lists import format_list
from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

from ..core.languages import Language
from ..i18n import N_, translate
from .model import Opportunity, Text, duration
from .vocabulary import DAY_PARTS, WEEKDAYS

ALLOWED_TAGS = {"p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "blockquote",
                "code"}
ALLOWED_SCHEMES = {"https", "http", "mailto", "tel"}
_md = markdown.Markdown(extensions=["sane_lists"], output_format="html")


@pass_context
def feed_text(context: Context, text: Text | None) -> Markup:
    """A short text from the feed for the page being rendered: escaped, marked with its
    language when that is not the page's, and labelled when it is not translated or machine
    translated. A plain function rather than a template macro: an opportunity page shows a
    dozen of them, and a macro call costs several times as much."""
    if not text:
        return Markup()
    if text.html_lang != context.resolve_or_missing("lang").html_lang:
        return _FALLBACK.format(text.html_lang, text.text, _label(context, N_("(not translated)")))
    if text.machine:
        return _MACHINE.format(text.text, _label(context, N_("(machine translated)")))
    return escape(text.text)


def _label(context: Context, message: str) -> Markup:
    return context.call(context.resolve_or_missing("_"), message)


_FALLBACK = Markup('<span lang="{}">{}</span> <small class="fallback-label">{}</small>')
_MACHINE = Markup('{} <small class="fallback-label">{}</small>')


def safe_markdown(text: str) -> Markup:
    """Untrusted Markdown to HTML that keeps only harmless tags, attributes and link schemes."""
    return _cleaned_html(text)


@functools.lru_cache(maxsize=8192)
def _cleaned_html(text: str) -> Markup:
    # Remembered for the build (a few megabytes): a text shown untranslated on the page in
    # the other language is rendered right after the page in its own, and organisations post
    # the same description for each date or season of a role.
    _md.reset()
    html = _md.convert(text)
    cleaned = nh3.clean(html, tags=ALLOWED_TAGS, attributes={"a": {"href"}},
                        url_schemes=ALLOWED_SCHEMES, link_rel="nofollow noopener noreferrer")
    return Markup(cleaned)


_ORDINALS = {1: N_("first"), 2: N_("second"), 3: N_("third"), 4: N_("fourth"), -1: N_("last")}
_CODES = {"MO": "mon", "TU": "tue", "WE": "wed", "TH": "thu", "FR": "fri", "SA": "sat",
          "SU": "sun"}


def recurrence_words(opp: Opportunity, language: Language, settings: dict) -> str:
    """``Every week on Tuesday and Thursday, 09:30–12:00`` in the page's language."""
    recurrence = opp.record["schedule"].get("recurrence")
    if not recurrence:
        return ""

    def _(message: str) -> str:
        return translate(settings, language, message)

    parts = dict(item.split("=", 1) for item in recurrence["rrule"].split(";"))
    interval = int(parts.get("INTERVAL", "1"))
    days = []
    ordinal = None
    for token in filter(None, parts.get("BYDAY", "").split(",")):
        code = token[-2:]
        if token[:-2]:
            ordinal = int(token[:-2])
        days.append(_(WEEKDAYS[_CODES[code]]))
    day_list = format_list(days, locale=language.babel_locale) if days else ""
    frequency = parts["FREQ"]
    if frequency == "DAILY":
        words = _("Every day") if interval == 1 else _("Every %(n)s days") % {"n": interval}
    elif frequency == "WEEKLY":
        words = (_("Every week on %(days)s") % {"days": day_list} if interval == 1 else
                 _("Every %(n)s weeks on %(days)s") % {"n": interval, "days": day_list})
    elif frequency == "MONTHLY" and ordinal in _ORDINALS and days:
        words = _("Every month on the %(ordinal)s %(day)s") % {
            "ordinal": _(_ORDINALS[ordinal]), "day": day_list}
    elif frequency == "MONTHLY" and "BYMONTHDAY" in parts:
        words = _("Every month on day %(day)s") % {"day": parts["BYMONTHDAY"]}
    elif frequency == "MONTHLY":
        words = _("Every month")
    else:
        words = _("Every year")
    from datetime import datetime

    start = datetime.fromisoformat(recurrence["dtstart"])
    end = start + duration(recurrence["duration"])
    times = "{}–{}".format(format_time(start.time(), "HH:mm", locale=language.babel_locale),
                           format_time(end.time(), "HH:mm", locale=language.babel_locale))
    return f"{words}, {times}"


def time_slot_words(slots: list[str], language: Language, settings: dict) -> list[str]:
    """``mon-morning`` -> ``Monday morning`` (``星期一上午``)."""
    words = []
    for slot in slots:
        day, part = slot.split("-", 1)
        words.append(translate(settings, language, N_("%(day)s %(part)s")) % {
            "day": translate(settings, language, WEEKDAYS[day]),
            "part": translate(settings, language, DAY_PARTS[part])})
    return words
