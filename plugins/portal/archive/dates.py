"""Archive dates: EDTF strings parsed with the ``edtf`` library and said in words per language.

Only the forms an editor of this collection needs are accepted (a day, month or year, a decade or
century written with X, ``~`` circa, ``?`` uncertain, and ranges of these, open or closed); the
rest of EDTF (seasons, sets, long years) is refused with a message rather than shown wrongly.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import edtf

from ..i18n import N_
from ..i18n.formatting import localised_date, localised_month, localised_year

EXAMPLES = ("2001-01-20 (a day), 2019-09 (a month), 2001 (a year), 1999~ (circa 1999), "
            "2001? (uncertain), 198X (the 1980s) or 2001/2003 (from 2001 to 2003)")


#: The page language's gettext: message id -> translated text.
Gettext = Callable[[str], str]


class DateError(ValueError):
    """An EDTF value the archive cannot use; the message is written for editors."""


@dataclass(frozen=True)
class DatePart:
    """One end of a date: a day, month, year, decade or century, possibly circa or uncertain."""

    year: int
    month: int | None = None
    day: int | None = None
    #: "decade" for 198X, "century" for 19XX, None when every digit of the year is known.
    span: str | None = None
    approximate: bool = False
    uncertain: bool = False


@dataclass(frozen=True)
class ArchiveDate:
    """An item's date: the editor's EDTF text, its earliest and latest days, and its parts."""

    edtf: str
    lower: date
    upper: date
    start: DatePart | None
    end: DatePart | None = None
    interval: bool = False

    @property
    def sort_key(self) -> tuple[date, date]:
        return (self.lower, self.upper)

    @property
    def decade(self) -> int:
        """The decade an item is filed under: that of its earliest day."""
        return self.lower.year // 10 * 10

    @property
    def year(self) -> int | None:
        """The year an item is filed under within its decade; None when only the decade is known."""
        part = self.start or self.end
        if part is None or part.span:
            return None
        return self.lower.year

    @property
    def exact(self) -> date | None:
        """The day, when the date is one known day (for schema.org ``dateCreated``)."""
        part = self.start
        if self.interval or part is None or part.day is None or part.approximate \
                or part.uncertain:
            return None
        return self.lower


def _digits(value: str | None) -> int | None:
    if value is None or set(value) <= {"X"}:
        return None
    if "X" in value:
        raise DateError("only the last digits of a year may be X (198X, 19XX)")
    return int(value)


def _part(obj) -> DatePart:
    """A parsed EDTF date (with or without a qualifier) as a ``DatePart``."""
    approximate = bool(getattr(obj, "is_approximate", False)
                       or getattr(obj, "is_uncertain_and_approximate", False))
    uncertain = bool(getattr(obj, "is_uncertain", False)
                     or getattr(obj, "is_uncertain_and_approximate", False))
    inner = obj.date if isinstance(obj, edtf.UncertainOrApproximate) else obj
    if type(inner) not in (edtf.Date, edtf.Unspecified):
        raise DateError("this form of EDTF (a set, a season or a year with X in the middle) "
                        "is not used in this archive")
    year_text = inner.year or ""
    if year_text.startswith("-") or len(year_text) != 4:
        raise DateError("write a four-digit year")
    span = None
    if year_text.endswith("XX"):
        span = "century"
    elif year_text.endswith("X"):
        span = "decade"
    if span and (inner.month or inner.day):
        raise DateError("a decade or century (198X, 19XX) cannot have a month or day")
    year = int(year_text.replace("X", "0")) if span else _digits(year_text)
    month = _digits(inner.month)
    day = _digits(inner.day) if month is not None else None
    return DatePart(year=year, month=month, day=day, span=span, approximate=approximate,
                    uncertain=uncertain)


@lru_cache(maxsize=4096)
def parse_date(text: str) -> ArchiveDate:
    """Parse an editor's EDTF date; raises ``DateError`` with a message an editor understands.

    Remembered, because parsing EDTF is slow and many items share a date or a year."""
    text = text.strip()
    try:
        parsed = edtf.parse_edtf(text)
    except Exception as error:  # the parser raises several exception types for bad input
        raise DateError(f"'{text}' is not a date the archive understands; write it in EDTF, "
                        f"for example {EXAMPLES}") from error
    try:
        if isinstance(parsed, edtf.Interval):
            return _interval(text, parsed)
        part = _part(parsed)
        lower = edtf.struct_time_to_date(parsed.lower_strict())
        upper = edtf.struct_time_to_date(parsed.upper_strict())
    except DateError as error:
        raise DateError(f"'{text}': {error}; for example {EXAMPLES}") from error
    except (ValueError, TypeError, OverflowError) as error:
        raise DateError(f"'{text}' is not a real date; for example {EXAMPLES}") from error
    return ArchiveDate(text, lower, upper, part)


def _interval(text: str, parsed) -> ArchiveDate:
    ends: list[DatePart | None] = []
    bounds: list[date | None] = []
    for side in (parsed.lower, parsed.upper):
        if isinstance(side, edtf.UnspecifiedIntervalSection):
            if not side.is_open:
                raise DateError("leave no side of a range empty; write .. for an open end")
            ends.append(None)
            bounds.append(None)
            continue
        part = _part(side)
        ends.append(part)
        bounds.append(edtf.struct_time_to_date(side.lower_strict() if not bounds
                                               else side.upper_strict()))
    if bounds[0] is None and bounds[1] is None:
        raise DateError("a range needs at least one known end")
    # An open end ("2001/..", "../2001") is filed by its known end alone.
    lower = bounds[0] or _start_of(ends[1])
    upper = bounds[1] or lower
    if lower > upper:
        raise DateError("the range ends before it starts")
    return ArchiveDate(text, lower, upper, ends[0], ends[1], interval=True)


def _start_of(part: DatePart | None) -> date:
    assert part is not None
    return date(part.year, part.month or 1, part.day or 1)


# -- in words --------------------------------------------------------------------------------

def _plain(part: DatePart, language, gettext: Gettext) -> str:
    if part.span:
        return gettext(N_("%(decade)ss")) % {"decade": part.year}
    if part.day is not None:
        return localised_date(date(part.year, part.month or 1, part.day), language)
    if part.month is not None:
        return localised_month(date(part.year, part.month, 1), language)
    return localised_year(part.year, language)


def _qualified(part: DatePart, language, gettext: Gettext) -> str:
    text = _plain(part, language, gettext)
    if part.approximate:
        text = gettext(N_("circa %(date)s")) % {"date": text}
    if part.uncertain:
        text = gettext(N_("%(date)s (uncertain)")) % {"date": text}
    return text


def date_in_words(value: ArchiveDate, language, gettext: Gettext) -> str:
    """``circa 1999`` / ``約1999年（民國88年）``, ``2001 to 2003`` / ``2001年…至2003年…``."""
    if not value.interval:
        assert value.start is not None
        return _qualified(value.start, language, gettext)
    if value.start is None:
        assert value.end is not None
        return gettext(N_("until %(date)s")) % {
            "date": _qualified(value.end, language, gettext)}
    if value.end is None:
        return gettext(N_("from %(date)s")) % {
            "date": _qualified(value.start, language, gettext)}
    return gettext(N_("%(start)s to %(end)s")) % {
        "start": _qualified(value.start, language, gettext),
        "end": _qualified(value.end, language, gettext)}


def decade_label(decade: int, language, gettext: Gettext) -> str:
    return gettext(N_("%(decade)ss")) % {"decade": decade}
