"""The moment a build treats as now: deadlines, expiry and embargoes are all judged by it."""

from __future__ import annotations

import os
from datetime import datetime
from zoneinfo import ZoneInfo

from .errors import Problem, fail_build


def build_time(settings: dict) -> datetime:
    """``PORTAL_NOW`` from the environment, else from the settings, else the real time; in the
    time zone editors and the feed write in (``PORTAL_SOURCE_TIMEZONE``)."""
    zone = ZoneInfo(settings.get("PORTAL_SOURCE_TIMEZONE", "Asia/Taipei"))
    value = os.environ.get("PORTAL_NOW") or settings.get("PORTAL_NOW")
    if not value:
        return datetime.now(zone)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        fail_build([Problem("PORTAL_NOW", 0, f"{value!r} is not a date and time; write it like "
                                             "2026-11-28T12:00:00+08:00")])
    return (moment if moment.tzinfo else moment.replace(tzinfo=zone)).astimezone(zone)
