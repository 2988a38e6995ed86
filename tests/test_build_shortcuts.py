"""Shortcuts a build takes for speed give exactly what the plain way gives: the open-data file
put together from records encoded once, recurrence rules parsed once for every record that
repeats them, the keys under which checked feed records are remembered, and output file names
worked out without path arithmetic."""

from __future__ import annotations

import copy
import json
from datetime import datetime, timedelta
from pathlib import PurePosixPath

import pytest
from dateutil.rrule import rrulestr

from conftest import ROOT, language_table
from portal.core.jsontext import item_json, object_json_from
from portal.core.site import Site
from portal.opportunities.importer import _content_key
from portal.opportunities.model import local_until, recurrence_rule

SAMPLE_FEED = ROOT / "data" / "opportunities.sample.json"


def sample_feed() -> dict:
    return json.loads(SAMPLE_FEED.read_text("utf-8"))


@pytest.mark.parametrize("document", [
    sample_feed(),
    {"schema_version": "1.0", "opportunities": [], "withdrawn": []},
    {"opportunities": [{"text": "two\nlines \"quoted\" 中文", "nested": [[], {}, [1, {"a": []}]]}],
     "withdrawn": [{"id": "x", "reason": None}], "last": {"deep": {"er": [1.5, True]}}},
    {},
])
@pytest.mark.parametrize("indent", [1, 2])
def test_open_data_from_encoded_records_is_the_plain_encoding(document, indent):
    encoded = {key: [item_json(item, indent) for item in value]
               for key, value in document.items() if key == "opportunities"}
    expected = json.dumps(document, ensure_ascii=False, indent=indent) + "\n"
    assert object_json_from(document, encoded, indent) == expected.encode("utf-8")


def recurrences() -> list[dict]:
    found = [record["schedule"]["recurrence"] for record in sample_feed()["opportunities"]
             if record.get("schedule", {}).get("recurrence")]
    assert found, "the sample feed has no recurring opportunity"
    # Rules whose dates depend on their start (no BYDAY, a 31st, 29 February), a count, an
    # interval, and rules written as a set or with a start of their own.
    return found + [
        {"rrule": "FREQ=WEEKLY", "dtstart": "2026-03-04T10:00:00"},
        {"rrule": "FREQ=MONTHLY", "dtstart": "2026-01-31T09:30:00"},
        {"rrule": "FREQ=MONTHLY;BYMONTHDAY=31;COUNT=4", "dtstart": "2026-01-31T09:30:00"},
        {"rrule": "FREQ=YEARLY", "dtstart": "2024-02-29T08:00:00"},
        {"rrule": "FREQ=DAILY;INTERVAL=3;UNTIL=20270101T000000Z",
         "dtstart": "2026-12-30T09:00:00"},
        {"rrule": "FREQ=WEEKLY;BYDAY=MO,FR;UNTIL=20270115T155959Z",
         "dtstart": "2026-12-01T18:00:00"},
        {"rrule": "DTSTART:20261201T080000\nRRULE:FREQ=WEEKLY;COUNT=3",
         "dtstart": "2026-11-01T10:00:00"},
        {"rrule": "RRULE:FREQ=WEEKLY;COUNT=2\nRRULE:FREQ=MONTHLY;COUNT=2",
         "dtstart": "2026-11-01T10:00:00"},
    ]


@pytest.mark.parametrize("recurrence", recurrences(), ids=lambda r: r["rrule"][:40])
def test_a_shared_rule_gives_the_dates_of_its_own_parse(recurrence):
    start = datetime.fromisoformat(recurrence["dtstart"])
    plain = rrulestr(local_until(recurrence["rrule"]), dtstart=start, forceset=False)
    shared = recurrence_rule(recurrence["rrule"], start)
    for after in (start, datetime(2026, 11, 28, 12), datetime(2027, 1, 31)):
        assert list(shared.xafter(after, count=12, inc=True)) == \
            list(plain.xafter(after, count=12, inc=True))
    # Asked again (now from the shared parse), with another start: still its own dates.
    later = start + timedelta(days=10)
    assert list(recurrence_rule(recurrence["rrule"], later).xafter(later, count=6, inc=True)) \
        == list(rrulestr(local_until(recurrence["rrule"]), dtstart=later)
                .xafter(later, count=6, inc=True))


def test_a_broken_rule_fails_every_time_it_is_read():
    for _ in range(2):
        with pytest.raises(ValueError):
            recurrence_rule("FREQ=FORTNIGHTLY", datetime(2026, 1, 1))


def test_a_record_is_remembered_under_a_key_of_its_content_alone():
    records = sample_feed()["opportunities"]
    keys = [_content_key(record) for record in records]
    assert len(set(keys)) == len(records), "two different records share a key"
    # The same text read again, alone or elsewhere in a feed, has the same key.
    again = json.loads(json.dumps([records[-1], *records]))
    assert _content_key(again[0]) == _content_key(again[-1]) == keys[-1]
    # Any change to a value anywhere in the record changes the key.
    for change in (lambda r: r["title"].update(en=r["title"]["en"] + "."),
                   lambda r: r["locations"][0].update(district="wanhua-x"),
                   lambda r: r.update(status="closed" if r["status"] != "closed" else "open"),
                   lambda r: r.update(extra_field=1)):
        edited = copy.deepcopy(records[0])
        change(edited)
        assert _content_key(edited) != keys[0]


@pytest.mark.parametrize("path", [
    "", "about/", "opportunities/", "opportunities/opp-0042/", "opportunities/district/wanhua/2/",
    "news/2026/volunteer-day/", "opportunities/feed.json", "opportunities/feed.atom",
    "archive/media/item-1/photo-640.jpg", "sitemap.xml", "404.html", "robots.txt",
    "v1.2/", "a.b/c/", ".hidden/", "a/./b/", "a//b/", "a/b", "a/b.", "a/.b/", "/rooted/", "a/../b/",
    "中文/頁面/", "with space/",
])
def test_output_names_are_those_of_path_arithmetic(path):
    site = Site.from_settings({"PORTAL_LANGUAGES": language_table(), "SITEURL": ""})
    for language in site.languages:
        pure = PurePosixPath(language.path(path))
        expected = str(pure / "index.html" if not pure.suffix else pure)
        assert site.output_name(language, path) == expected
