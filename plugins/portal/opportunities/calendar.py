"""RFC 5545 calendars for an opportunity, built with the icalendar library."""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import cache

from icalendar import Calendar, Event, Timezone, vRecur

from ..core.languages import Language
from .model import TAIPEI, Opportunity, duration


def _location(opp: Opportunity, language: Language) -> str:
    parts = []
    for location in opp.record["locations"]:
        for name in ("venue_name", "address"):
            text = opp.text(location.get(name), language)
            if text:
                parts.append(text.text)
    return ", ".join(parts)


@cache
def taipei_timezone() -> bytes:
    """The serialised VTIMEZONE block, made once: deriving and folding it is most of the cost
    of a calendar, and it is the same in every one."""
    return Timezone.from_tzid("Asia/Taipei").to_ical()


def has_events(opp: Opportunity) -> bool:
    """Whether ``calendar`` has anything to put in a file for this opportunity."""
    schedule = opp.record["schedule"]
    if schedule.get("sessions"):
        return any(s.get("status") != "cancelled" for s in schedule["sessions"])
    return bool(schedule.get("recurrence")) or opp.period[0] is not None


def calendar(opp: Opportunity, language: Language, page_url: str, uid_domain: str) -> bytes | None:
    """The opportunity's dates as an iCalendar file, or None when it has no dates at all."""
    title = opp.field_text("title", language).text
    summary = opp.field_text("summary", language)
    description = (summary.text + "\n\n" if summary else "") + page_url
    where = _location(opp, language)
    stamp = opp.updated

    def event(uid: str, name: str) -> Event:
        item = Event()
        item.add("uid", f"{uid}@{uid_domain}")
        item.add("dtstamp", stamp)
        item.add("summary", name)
        item.add("description", description)
        item.add("url", page_url)
        if where:
            item.add("location", where)
        return item

    cal = Calendar()
    cal.add("prodid", "-//Taipei Volunteers//Opportunities//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    schedule = opp.record["schedule"]
    if schedule.get("sessions"):
        for session in schedule["sessions"]:
            if session.get("status") == "cancelled":
                continue
            label = opp.text(session.get("label"), language)
            item = event(f"{opp.id}-{session['id']}", f"{title} ({label.text})" if label else title)
            item.add("dtstart", datetime.fromisoformat(session["start"]).astimezone(TAIPEI))
            item.add("dtend", datetime.fromisoformat(session["end"]).astimezone(TAIPEI))
            cal.add_component(item)
    elif schedule.get("recurrence"):
        recurrence = schedule["recurrence"]
        start = datetime.fromisoformat(recurrence["dtstart"]).replace(tzinfo=TAIPEI)
        item = event(opp.id, title)
        item.add("dtstart", start)
        item.add("duration", duration(recurrence["duration"]))
        item.add("rrule", vRecur.from_ical(recurrence["rrule"]))
        for day in recurrence.get("exdates", []):
            item.add("exdate", datetime.combine(datetime.fromisoformat(day).date(), start.time(),
                                                TAIPEI))
        cal.add_component(item)
    else:
        first, last = opp.period
        if first is None:
            return None
        item = event(opp.id, title)
        item.add("dtstart", first)
        item.add("dtend", (last or first) + timedelta(days=1))
        cal.add_component(item)
    events = cal.walk("VEVENT")
    if not events:
        return None
    body = cal.to_ical()
    if any(isinstance(item["dtstart"].dt, datetime) for item in events):
        body = body.replace(b"BEGIN:VEVENT", taipei_timezone() + b"BEGIN:VEVENT", 1)
    return body
