"""One typed ``Opportunity`` per accepted feed record; every page, calendar, feed and search
record about an opportunity is derived from it."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import cached_property
from operator import attrgetter
from typing import ClassVar, NamedTuple
from zoneinfo import ZoneInfo

from dateutil.rrule import rrule, rruleset, rrulestr

from ..core.languages import Language
from ..core.site import Listing, Route
from .vocabulary import LISTED_STATES, ONLINE, SUITABILITY

TAIPEI = ZoneInfo("Asia/Taipei")


def instant(value: str | None) -> datetime | None:
    """An RFC 3339 instant from the feed, in Asia/Taipei time."""
    return datetime.fromisoformat(value).astimezone(TAIPEI) if value else None


def local_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def duration(value: str) -> timedelta:
    hours = minutes = 0
    number = ""
    for char in value[2:]:
        if char.isdigit():
            number += char
        elif char == "H":
            hours, number = int(number), ""
        elif char == "M":
            minutes, number = int(number), ""
    return timedelta(hours=hours, minutes=minutes)


_UTC_UNTIL = re.compile(r"UNTIL=(\d{8}T\d{6})Z")


def local_until(text: str) -> str:
    """An RRULE whose UNTIL is in UTC, rewritten in Taipei wall-clock time."""
    def to_local(match: re.Match) -> str:
        moment = datetime.strptime(match[1], "%Y%m%dT%H%M%S").replace(tzinfo=UTC)
        return "UNTIL=" + moment.astimezone(TAIPEI).strftime("%Y%m%dT%H%M%S")

    return _UTC_UNTIL.sub(to_local, text)


def recurrence_rule(text: str, start: datetime) -> rrule | rruleset:
    """The feed's RRULE (UNTIL in UTC) from ``start``, in Taipei wall-clock time."""
    parsed = _parsed_rule(text)
    if parsed is None:
        return rrulestr(local_until(text), dtstart=start)
    return parsed.replace(dtstart=start)


@functools.lru_cache(maxsize=4096)
def _parsed_rule(text: str) -> rrule | None:
    """A plain RRULE parsed once for every record that repeats it: reading its UNTIL is most
    of the time dateutil takes, and many records share a rule. A rule that names its own start
    or is a set is not shared (None)."""
    if "DTSTART" in text.upper():
        return None
    parsed = rrulestr(local_until(text), dtstart=_ANY_START)
    return parsed if type(parsed) is rrule else None


_ANY_START = datetime(2000, 1, 1)


class Text(NamedTuple):
    """A piece of feed text as shown on a page: possibly in another language than the page."""

    text: str
    html_lang: str
    lang_code: str
    fallback: bool
    machine: bool


@dataclass
class Occurrence:
    start: datetime
    end: datetime
    label: dict | None = None
    status: str = "open"
    remaining: int | None = None
    capacity: int | None = None


@dataclass
class Opportunity:
    """An accepted record, normalised and validated, with what the site derives from it."""

    record: dict
    now: datetime
    languages: tuple[Language, ...]
    stale_after: timedelta
    route: Route | None = None
    extra_routes: dict[str, Route] = field(default_factory=dict)
    #: Digest of the feed record as read and of the schema. ``record`` is a pure function of
    #: them (and of the code, in every page's fingerprint), so fingerprints use it instead of
    #: walking the record again.
    source_digest: str | None = None
    #: A build process that stays up reuses the model of an unchanged record (same record,
    #: clock, origin and languages: ``importer.import_feed``), and with it its digest. Nothing
    #: changes a model once it is made but its route, which is made again the same.
    kept_between_builds: ClassVar[bool] = True

    @property
    def id(self) -> str:
        return self.record["id"]

    @cached_property
    def listing(self) -> Listing:
        """What other sections list of it (once it has its route)."""
        return Listing("opportunity", self.route.key, frozenset(self.sdgs),
                       frozenset(self.causes), self.listed, self.sort_start.date())

    def __fingerprint__(self) -> tuple:
        # Not the build clock itself: only what a page shows that depends on it.
        return (self.source_digest or self.record, self.languages, self.route,
                self.extra_routes, self.state, self.stale, self.occurrences,
                self.next_occurrence, self.sort_start)

    # -- text ----------------------------------------------------------------------------

    def text(self, local: dict | None, language: Language) -> Text | None:
        """``local`` (a LocalizedText) in ``language``, else the best other language."""
        if not local:
            return None
        provenance = self.record.get("translation", {})
        order = [language.code] + [lang.code for lang in self.languages] + list(local)
        for code in order:
            if local.get(code):
                site_lang = next((lang for lang in self.languages if lang.code == code), None)
                html_lang = site_lang.html_lang if site_lang else code
                return Text(local[code], html_lang, code, code != language.code,
                            provenance.get(code) == "machine")
        return None

    def field_text(self, name: str, language: Language) -> Text | None:
        return self.text(self.record.get(name), language)

    @cached_property
    def text_languages(self) -> frozenset[str]:
        """Site languages this opportunity is really written in (its title exists there)."""
        title = self.record["title"]
        provenance = self.record.get("translation", {})
        return frozenset(lang.code for lang in self.languages
                         if title.get(lang.code) and provenance.get(lang.code) != "missing")

    @property
    def original_language(self) -> str:
        provenance = self.record.get("translation", {})
        for code, kind in provenance.items():
            if kind == "original" and code in {lang.code for lang in self.languages}:
                return code
        return next(iter(sorted(self.text_languages)), self.languages[0].code)

    # -- time ----------------------------------------------------------------------------

    @cached_property
    def occurrences(self) -> list[Occurrence]:
        """Upcoming and past dated occurrences (sessions, or the recurrence's next dates)."""
        schedule = self.record["schedule"]
        if schedule.get("sessions"):
            return [Occurrence(instant(s["start"]), instant(s["end"]), s.get("label"),
                               s.get("status", "open"), s.get("remaining"), s.get("capacity"))
                    for s in schedule["sessions"]]
        recurrence = schedule.get("recurrence")
        if recurrence:
            # Recurrence is wall-clock time in Taipei (no DST), so naive local times are exact
            # and far cheaper for dateutil than aware ones.
            start = datetime.fromisoformat(recurrence["dtstart"])
            length = duration(recurrence["duration"])
            rule = recurrence_rule(recurrence["rrule"], start)
            excluded = {date.fromisoformat(d) for d in recurrence.get("exdates", [])}
            local_now = self.now.replace(tzinfo=None)
            upcoming = []
            for when in rule.xafter(max(local_now - length, start), count=6, inc=True):
                if when.date() not in excluded:
                    aware = when.replace(tzinfo=TAIPEI)
                    upcoming.append(Occurrence(aware, aware + length))
            return upcoming
        return []

    @cached_property
    def period(self) -> tuple[date | None, date | None]:
        period = self.record["schedule"].get("period", {})
        return local_date(period.get("start_date")), local_date(period.get("end_date"))

    @cached_property
    def next_occurrence(self) -> Occurrence | None:
        # The earliest by start, the first listed among equals (as a stable sort would give).
        return min((o for o in self.occurrences
                    if o.end >= self.now and o.status != "cancelled"),
                   key=attrgetter("start"), default=None)

    @property
    def deadline(self) -> datetime | None:
        return instant(self.record["application"].get("deadline"))

    @property
    def until_filled(self) -> bool:
        return bool(self.record["application"].get("until_filled"))

    @property
    def opens(self) -> datetime | None:
        return instant(self.record["application"].get("opens_at"))

    @property
    def published(self) -> datetime:
        return instant(self.record["published_at"])

    @property
    def updated(self) -> datetime:
        return instant(self.record["updated_at"])

    @property
    def verified(self) -> datetime | None:
        return instant(self.record.get("verified_at"))

    @property
    def expires(self) -> datetime | None:
        return instant(self.record.get("expires_at"))

    @cached_property
    def has_ended(self) -> bool:
        schedule_type = self.record["schedule"]["type"]
        if schedule_type in ("one-off", "sessions"):
            return self.next_occurrence is None
        end = self.period[1]
        return end is not None and end < self.now.date()

    @cached_property
    def state(self) -> str:
        """What a user is told: open, waitlist, full, closed, cancelled, past-deadline, ended,
        expired."""
        status = self.record["status"]
        if status in ("closed", "cancelled"):
            return status
        if self.expires and self.expires < self.now:
            return "expired"
        if self.has_ended:
            return "ended"
        if self.deadline and self.deadline < self.now and not self.until_filled:
            return "past-deadline"
        if status == "full" or self.record["application"].get("positions_remaining") == 0:
            return "full"
        return status

    @property
    def listed(self) -> bool:
        return self.state in LISTED_STATES

    @property
    def stale(self) -> bool:
        checked = self.verified or self.updated
        return self.now - checked > self.stale_after

    @property
    def sort_start(self) -> datetime:
        """Soonest date a volunteer could take part: the next occurrence, or the period."""
        if self.next_occurrence:
            return self.next_occurrence.start
        # Roles already under way sort from the start of today rather than this very moment,
        # so their pages (whose search data carries this key) do not change every build.
        today = datetime.combine(self.now.date(), datetime.min.time(), TAIPEI)
        start = self.period[0]
        if start:
            return max(datetime.combine(start, datetime.min.time(), TAIPEI), today)
        return today

    # -- facets --------------------------------------------------------------------------

    @cached_property
    def districts(self) -> list[str]:
        codes = []
        for location in self.record["locations"]:
            code = location.get("district") or (ONLINE if location["mode"] == "remote" else None)
            if location["mode"] == "hybrid" and ONLINE not in codes:
                codes.append(ONLINE)
            if code and code not in codes:
                codes.append(code)
        return codes

    @property
    def causes(self) -> list[str]:
        return list(self.record.get("causes", []))

    @property
    def sdgs(self) -> list[int]:
        return sorted(self.record.get("sdgs", []))

    @cached_property
    def suitable_for(self) -> list[str]:
        flags = self.record.get("suitability", {})
        return [key for key, (_, names) in SUITABILITY.items()
                if any(flags.get(name) for name in names)]

    @property
    def english_friendly(self) -> bool:
        return "english-friendly" in self.suitable_for
