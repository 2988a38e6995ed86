"""Dates as editors write them for history: Extended Date/Time Format (EDTF, ISO 8601-2).

Parsed with the ``edtf`` library, then reduced to the forms the site can show and sort honestly:
a day (``2001-01-20``), a month (``2019-07``), a year (``2013``), a decade (``199X``), each of them
approximate (``~``) or uncertain (``?``), and intervals of those (``2019-07/2021``), open at one
end (``2019-07/..``). Anything else (seasons, sets, unspecified months) is refused with a message,
rather than shown in a way that claims more precision than the source has.
"""

from __future__ import annotations

import calendar
import functools
from dataclasses import dataclass
from datetime import date

from edtf import (
    Date,
    EDTFParseException,
    Interval,
    Level1Interval,
    UncertainOrApproximate,
    Unspecified,
    UnspecifiedIntervalSection,
    parse_edtf,
)
from edtf.parser.grammar import level0Expression
from pyparsing import ParseException

DAY, MONTH, YEAR, DECADE, CENTURY = "day", "month", "year", "decade", "century"
#: Years a decade or century point covers.
SPAN = {DECADE: 10, CENTURY: 100}

EXAMPLES = "for example 2001-01-20, 2019-07, 2013, 199X (a decade), 19XX (a century), " \
           "2019~ (about), 2019? (uncertain) or 2019-07/2021-12-31 (a period)"


class EdtfError(ValueError):
    """An EDTF value the site cannot use; the message is written for editors."""


@dataclass(frozen=True)
class Point:
    """One date at day, month, year, decade or century precision."""

    year: int
    month: int | None = None
    day: int | None = None
    precision: str = YEAR
    approximate: bool = False
    uncertain: bool = False

    @property
    def first(self) -> date:
        """The earliest day this date could mean."""
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def last(self) -> date:
        """The latest day this date could mean."""
        if self.precision in SPAN:
            return date(self.year + SPAN[self.precision] - 1, 12, 31)
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return date(self.year, month, day)

    @property
    def machine(self) -> str | None:
        """The value for an HTML ``datetime`` attribute (None for a decade)."""
        if self.precision == DAY:
            return self.first.isoformat()
        if self.precision == MONTH:
            return f"{self.year:04d}-{self.month:02d}"
        if self.precision == YEAR:
            return f"{self.year:04d}"
        return None


@dataclass(frozen=True)
class EdtfDate:
    """A parsed EDTF value: a single date, or a period with a start and/or an end."""

    text: str
    start: Point | None
    end: Point | None
    is_interval: bool = False

    @property
    def earliest(self) -> date:
        return (self.start or self.end).first  # type: ignore[union-attr]

    @property
    def latest(self) -> date | None:
        """The last day covered; None when the period is still open (``2019-07/..``)."""
        if not self.is_interval:
            return self.start.last  # type: ignore[union-attr]
        return self.end.last if self.end else None

    @property
    def sort_key(self) -> tuple[date, date]:
        return self.earliest, self.latest or date.max

    @property
    def decade(self) -> int:
        return self.earliest.year // 10 * 10

    @property
    def machine(self) -> str | None:
        return None if self.is_interval else self.start.machine  # type: ignore[union-attr]

    @property
    def lower(self) -> date:
        return self.earliest

    @property
    def upper(self) -> date:
        """The last day covered; for a period still open, its known start."""
        return self.latest or self.earliest

    @property
    def year(self) -> int | None:
        """The year something is filed under within its decade; None when only a decade or
        century is known."""
        point = self.start or self.end
        return None if point is None or point.precision in SPAN else self.earliest.year

    @property
    def exact(self) -> date | None:
        """The day, when the value is one known day (for schema.org ``dateCreated``)."""
        point = self.start
        if self.is_interval or point is None or point.precision != DAY \
                or point.approximate or point.uncertain:
            return None
        return point.first

    @property
    def edtf(self) -> str:
        return self.text

    def __str__(self) -> str:
        return self.text


def _point(value, text: str) -> Point:
    approximate = uncertain = False
    if isinstance(value, UncertainOrApproximate):
        approximate = bool(value.is_approximate or value.is_uncertain_and_approximate)
        uncertain = bool(value.is_uncertain or value.is_uncertain_and_approximate)
        value = value.date
    if isinstance(value, Unspecified):
        year = str(value.year)
        known = year.rstrip("X")
        if value.month or value.day or len(year) != 4 or len(known) not in (2, 3) \
                or not known.isdigit():
            raise EdtfError(f"'{text}': only a decade (199X) or a century (19XX) may leave "
                            "digits unspecified")
        return Point(int(known.ljust(4, "0")), precision=DECADE if len(known) == 3 else CENTURY,
                     approximate=approximate or bool(value.is_approximate),
                     uncertain=uncertain or bool(value.is_uncertain))
    if type(value) is not Date or value.significant_digits:
        raise EdtfError(f"'{text}' is valid EDTF, but the site cannot show that form; "
                        f"write {EXAMPLES}")
    year = str(value.year)
    if not year.isdigit() or len(year) != 4:
        raise EdtfError(f"'{text}': write the year with four digits")
    month = int(value.month) if value.month else None
    day = int(value.day) if value.day else None
    if day is not None:
        try:
            date(int(year), month, day)  # type: ignore[arg-type]
        except ValueError:
            raise EdtfError(f"'{text}' is not a real day of the calendar") from None
    precision = DAY if day else MONTH if month else YEAR
    return Point(int(year), month, day, precision, approximate, uncertain)


def _parse_value(text: str) -> object:
    """The ``edtf`` library's value for ``text``. Level 0 (plain ISO 8601 days, months, years
    and periods) is most of what editors write, and the library's level-0 grammar alone is
    about four times quicker than its full parser, which tries every level for each value.
    Where level 0 matches the whole text the full parser returns the same value (it ranks
    level 0 first), so only the other texts go to it."""
    try:
        return level0Expression.parse_string(text, parse_all=True)[0]
    except ParseException:
        return parse_edtf(text)


@functools.lru_cache(maxsize=8192)
def parse(text: str | int) -> EdtfDate:
    """Parse an editor's EDTF value; raises ``EdtfError`` with a message for the editor.

    Remembered: the grammar takes about 2 ms a value, archive items share many dates, and
    the result is immutable."""
    text = str(text).strip()
    if not text:
        raise EdtfError(f"the date is empty; write {EXAMPLES}")
    try:
        value = _parse_value(text)
    except EDTFParseException:
        raise EdtfError(f"'{text}' is not an EDTF date; write {EXAMPLES}") from None
    if isinstance(value, Interval | Level1Interval):
        ends = []
        for side in (value.lower, value.upper):
            if isinstance(side, UnspecifiedIntervalSection):
                if not side.is_open:
                    raise EdtfError(f"'{text}': an unknown end of a period cannot be shown; "
                                    "write '..' for an open end")
                ends.append(None)
            else:
                ends.append(_point(side, text))
        start, end = ends
        if start is None and end is None:
            raise EdtfError(f"'{text}': a period needs at least one date")
        if start and end and end.last < start.first:
            raise EdtfError(f"'{text}': the period ends before it starts")
        return EdtfDate(text, start, end, is_interval=True)
    point = _point(value, text)
    return EdtfDate(text, point, None)
