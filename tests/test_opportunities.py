"""The opportunity listing on the real built site, from the default sample feed."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from datetime import datetime

import pytest
from icalendar import Calendar

from conftest import BUILD_NOW, SITEURL, closed_for_users

NOW = datetime.fromisoformat(BUILD_NOW)
DISTRICTS = ["zhongzheng", "datong", "zhongshan", "songshan", "daan", "wanhua", "xinyi",
             "shilin", "beitou", "neihu", "nangang", "wenshan"]


@pytest.fixture(scope="module")
def records(site) -> dict[str, dict]:
    data = json.loads((site.output / "opportunities/opportunities.json").read_text("utf-8"))
    return {record["id"]: record for record in data["opportunities"]}


def listing_ids(site, prefix: str) -> list[str]:
    """Ids of the opportunities shown on every page of the listing at ``prefix``."""
    ids, url = [], prefix
    while url:
        soup = site.page(url)
        ids += [a["href"].rstrip("/").rsplit("/", 1)[-1]
                for a in soup.select(".opportunity-card h2 a")]
        following = soup.select_one('.pagination a[rel="next"]')
        url = following["href"] if following else None
    return ids


def test_build_prints_the_import_counts(site):
    counts = site.report["counts"]
    assert re.search(rf"opportunities: {counts['accepted']} accepted .* {counts['rejected']} "
                     rf"rejected, {counts['expired']} expired or ended, "
                     rf"{counts['withdrawn']} withdrawn", site.log)
    assert counts["accepted"] >= 150 and counts["rejected"] == 0, site.report["rejected"][:3]


def test_listing_shows_every_open_role_once_sorted_and_nothing_closed(site, records):
    shown = listing_ids(site, "/opportunities/")
    assert len(shown) == len(set(shown))
    expected = {rid for rid, record in records.items() if not closed_for_users(record)}
    assert set(shown) == expected
    first = site.page("/opportunities/")
    text = first.select_one(".result-count").get_text(" ", strip=True)
    assert f"{len(expected)} open opportunities" in text and "sorted by soonest date" in text
    assert len(first.select(".opportunity-card")) == 20
    assert listing_ids(site, "/zh-tw/opportunities/") == shown


def test_listing_is_in_date_order(site):
    dates = []
    url = "/opportunities/"
    while url:
        soup = site.page(url)
        when = [card.select(".card-facts dd")[0].find("time")
                for card in soup.select(".opportunity-card")]
        dates += [time["datetime"] for time in when if time]
        following = soup.select_one('.pagination a[rel="next"]')
        url = following["href"] if following else None
    starts = [datetime.fromisoformat(d) for d in dates]
    assert len(starts) > 20 and starts == sorted(starts)


@pytest.mark.parametrize("district", DISTRICTS)
def test_every_district_has_a_facet_page_in_both_languages_showing_only_its_roles(
        site, records, district):
    shown = listing_ids(site, f"/opportunities/district/{district}/")
    assert listing_ids(site, f"/zh-tw/opportunities/district/{district}/") == shown
    for rid in shown:
        assert district in {loc.get("district") for loc in records[rid]["locations"]}
        assert not closed_for_users(records[rid])
    expected = {rid for rid, r in records.items() if not closed_for_users(r)
                and district in {loc.get("district") for loc in r["locations"]}}
    assert set(shown) == expected


@pytest.mark.parametrize("facet", ["for/seniors", "for/families", "for/youth",
                                   "for/corporate-teams", "for/english-friendly",
                                   "cause/environment", "cause/seniors", "sdg/3", "sdg/11"])
def test_facet_pages_exist_without_javascript_and_are_consistent(site, records, facet):
    shown = listing_ids(site, f"/opportunities/{facet}/")
    assert shown, f"{facet} is empty in the sample"
    kind, value = facet.split("/")
    for rid in shown:
        record = records[rid]
        if kind == "for":
            flags = {"seniors": ["seniors"], "families": ["families"],
                     "youth": ["youth", "students_service_learning"],
                     "corporate-teams": ["corporate_teams"],
                     "english-friendly": ["english_friendly"]}[value]
            assert any(record.get("suitability", {}).get(flag) for flag in flags)
        elif kind == "cause":
            assert value in record["causes"]
        else:
            assert int(value) in record["sdgs"]


def test_english_friendly_facet_is_prominent_on_the_english_site(site):
    callout = site.page("/opportunities/").select_one("main .callout a")
    assert callout["href"] == "/opportunities/for/english-friendly/"
    assert "English" in callout.get_text()
    assert site.page("/opportunities/").select_one("main .callout").find_previous("h1")


def open_record(records, **wanted) -> str:
    for rid, record in sorted(records.items()):
        if closed_for_users(record):
            continue
        if all(check(record) for check in wanted.values()):
            return rid
    raise AssertionError(f"no open record with {list(wanted)} in the sample")


def test_detail_page_has_what_a_volunteer_needs_to_decide_and_apply(site, records):
    rid = open_record(records, contact=lambda r: "contact" in r["application"],
                      both=lambda r: "en" in r["title"] and "zh-TW" in r["title"])
    page = site.page(f"/opportunities/{rid}/")
    headings = [h.get_text(strip=True) for h in page.select("main h2")]
    for heading in ("At a glance", "What you will do", "Who can take part",
                    "Insurance and benefits", "How to apply"):
        assert heading in headings
    facts = [dt.get_text(strip=True) for dt in page.select(".facts dt")]
    assert {"Where", "When", "Apply by"} <= set(facts)
    record = records[rid]
    assert record["title"]["en"] == page.h1.get_text()
    contact = record["application"]["contact"]
    if "email" in contact:
        assert page.find("a", href=f"mailto:{contact['email']}")
    chinese = site.page(f"/zh-tw/opportunities/{rid}/")
    assert chinese.h1.get_text() == record["title"]["zh-TW"]
    assert chinese.h1.get("lang") is None


def test_text_missing_in_a_language_falls_back_with_a_label_and_lang(site, records):
    english_only = open_record(records, only=lambda r: set(r["title"]) == {"en"})
    page = site.page(f"/zh-tw/opportunities/{english_only}/")
    assert page.html["lang"] == "zh-Hant-TW"
    assert page.h1["lang"] == "en"
    assert page.select(".fallback-label")
    assert not page.select('link[rel="alternate"][hreflang="zh-TW"]')
    chinese_only = open_record(records, only=lambda r: set(r["title"]) == {"zh-TW"})
    page = site.page(f"/opportunities/{chinese_only}/")
    assert page.h1["lang"] == "zh-Hant-TW"
    assert page.select(".fallback-label")
    card = site.page("/opportunities/").find("a", href=f"/opportunities/{english_only}/")
    listing_pages = [p for p in site.output.glob("zh-tw/opportunities/**/index.html")
                     if f'href="/zh-tw/opportunities/{chinese_only}/"' in p.read_text("utf-8")]
    assert listing_pages or card is None


@pytest.mark.parametrize("state,check", [
    ("full", lambda r: r["status"] == "full"),
    ("closed", lambda r: r["status"] == "closed"),
    ("cancelled", lambda r: r["status"] == "cancelled"),
    ("past deadline", lambda r: r["status"] in ("open", "waitlist")
     and r["application"].get("deadline") and not r["application"].get("until_filled")
     and datetime.fromisoformat(r["application"]["deadline"]) < NOW
     and not (r.get("expires_at") and datetime.fromisoformat(r["expires_at"]) < NOW)),
    ("expired", lambda r: r.get("expires_at") and datetime.fromisoformat(r["expires_at"]) < NOW),
])
def test_closed_roles_keep_their_page_with_a_banner_but_leave_every_listing(
        site, records, state, check):
    matching = [rid for rid, record in sorted(records.items()) if check(record)]
    assert matching, f"the sample has no {state} role"
    listed = set(listing_ids(site, "/opportunities/"))
    for rid in matching:
        for prefix in ("", "/zh-tw"):
            page = site.page(f"{prefix}/opportunities/{rid}/")
            assert page.select_one(".state-banner"), f"{rid} has no banner"
            assert not page.find("script", type="application/ld+json")
        assert rid not in listed
        assert not (site.output / f"opportunities/{rid}/calendar.ics").exists()


def test_withdrawn_roles_get_a_no_longer_available_page(site):
    data = json.loads((site.output / "opportunities/opportunities.json").read_text("utf-8"))
    assert data["withdrawn"]
    for item in data["withdrawn"]:
        page = site.page(f"/opportunities/{item['id']}/")
        assert "no longer available" in page.h1.get_text()
        assert page.find("meta", attrs={"name": "robots", "content": "noindex"})
        assert site.file_for(f"/zh-tw/opportunities/{item['id']}/").exists()


def test_stale_listings_carry_a_note(site, records):
    stale = [rid for rid, r in records.items()
             if (NOW - datetime.fromisoformat(r.get("verified_at") or r["updated_at"])).days > 120]
    assert stale
    for rid in stale[:5]:
        assert "has not confirmed this listing" in site.page(f"/opportunities/{rid}/").get_text()


def test_calendar_files_parse_with_taipei_time_zone_and_recurrence(site, records):
    kinds = set()
    for rid, record in records.items():
        ics = site.output / f"opportunities/{rid}/calendar.ics"
        if closed_for_users(record) or not ics.exists():
            continue
        calendar = Calendar.from_ical(ics.read_bytes())
        events = calendar.walk("VEVENT")
        assert events, rid
        zones = [tz["TZID"] for tz in calendar.walk("VTIMEZONE")]
        kind = record["schedule"]["type"]
        kinds.add(kind)
        if kind != "flexible":
            assert zones == ["Asia/Taipei"], rid
            assert str(events[0]["DTSTART"].dt.tzinfo) == "Asia/Taipei"
        if kind == "recurring":
            rule = events[0]["RRULE"].to_ical().decode()
            assert rule.split(";")[0] == record["schedule"]["recurrence"]["rrule"].split(";")[0]
        title = record["title"].get("en") or record["title"]["zh-TW"]
        assert str(events[0]["SUMMARY"]).startswith(title)
        assert f"/opportunities/{rid}/" in str(events[0]["URL"])
    assert {"one-off", "sessions", "recurring"} <= kinds


def test_job_posting_json_ld_has_the_required_properties(site, records):
    checked = 0
    for rid, record in records.items():
        if closed_for_users(record):
            continue
        script = site.page(f"/opportunities/{rid}/").find("script", type="application/ld+json")
        data = json.loads(script.string)
        assert data["@type"] == "JobPosting" and data["employmentType"] == "VOLUNTEER"
        for key in ("title", "description", "datePosted", "hiringOrganization"):
            assert data[key], (rid, key)
        assert data.get("jobLocation") or data.get("jobLocationType") == "TELECOMMUTE"
        checked += 1
    assert checked > 50


def test_feeds_list_the_open_roles_in_each_language(site):
    listed = set(listing_ids(site, "/opportunities/"))
    for prefix, hreflang in (("", "en"), ("zh-tw/", "zh-TW")):
        feed = json.loads((site.output / prefix / "opportunities/feed.json").read_text("utf-8"))
        assert feed["version"] == "https://jsonfeed.org/version/1.1"
        assert feed["language"] == hreflang
        assert {item["id"] for item in feed["items"]} == listed
        assert all(item["url"].startswith(SITEURL) for item in feed["items"])
        atom = ET.parse(site.output / prefix / "opportunities/feed.atom").getroot()
        entries = atom.findall("{http://www.w3.org/2005/Atom}entry")
        assert len(entries) == len(listed)


def test_quirky_export_values_are_normalised_not_rejected(site, records):
    quirky = {rid: r["_quirk"] for rid, r in records.items() if "_quirk" in r}
    assert len(set(quirky.values())) >= 4, quirky
    for rid in quirky:
        record = records[rid]
        for location in record["locations"]:
            assert location.get("district", "daan") in DISTRICTS + ["outside-taipei"]
        phone = record["application"].get("contact", {}).get("phone")
        assert phone is None or re.fullmatch(r"\+886\d{8,9}", phone)
