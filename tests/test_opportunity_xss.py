"""Everything in the feed is untrusted: XSS payloads in every text field must not run in
Chromium, and no payload markup may reach the DOM, on any page or format built from it."""

from __future__ import annotations

import copy
import itertools
import json

import pytest
from icalendar import Calendar

from conftest import ROOT, closed_for_users, copy_project, run_build

SAMPLE = json.loads((ROOT / "data/opportunities.sample.json").read_text("utf-8"))
PAYLOADS = [
    "<script>window.__xss=1</script>",
    '<img src=x onerror="window.__xss=1">',
    '"><svg onload=window.__xss=1>',
    "</script><script>window.__xss=1</script>",
    "[click me](javascript:window.__xss=1)",
    '<a href="javascript:window.__xss=1">link</a>',
    "<iframe src=\"javascript:window.__xss=1\"></iframe>",
    "<style>body{display:none}</style>",
    "{{ 7*7 }} {% raw %}",
    '![x](x" onerror="window.__xss=1)',
    "<math><mi xlink:href=\"javascript:window.__xss=1\">x</mi></math>",
    "line\u2028separator</title><script>window.__xss=1</script>",
    "<details open ontoggle=window.__xss=1>",
    "&lt;script&gt;window.__xss=1&lt;/script&gt;",
]
URL_PAYLOAD = 'https://evil.example.org/"><script>window.__xss=1</script>'


def poison(value, payloads):
    """Every LocalizedText string and every free-text string gets the next payload."""
    if isinstance(value, dict):
        if value and set(value) <= {"en", "zh-TW"}:
            return {lang: f"{text} {next(payloads)}" for lang, text in value.items()}
        return {key: item if key == "translation" else poison(item, payloads)
                for key, item in value.items()}
    if isinstance(value, list):
        return [poison(item, payloads) for item in value]
    return value


@pytest.fixture(scope="module")
def poisoned_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("xss")
    project = copy_project(tmp / "project")
    feed = copy.deepcopy(SAMPLE)
    payloads = itertools.cycle(PAYLOADS)
    chosen = [r for r in feed["opportunities"]
              if "_quirk" not in r and not closed_for_users(r)][:6]
    for record in chosen:
        poisoned = poison(record, payloads)
        record.clear()
        record.update(poisoned)
        record["application"]["method"] = "external-form"
        record["application"]["url"] = URL_PAYLOAD
        record["application"].setdefault("contact", {})["email"] = 'a@b.org"><b>x</b>'
        record["organisation"]["website"] = URL_PAYLOAD
        record["tags"] = PAYLOADS[:3]
    (tmp / "feed.json").write_text(json.dumps(feed, ensure_ascii=False), "utf-8")
    result = run_build(project, tmp / "output", env={
        "PORTAL_OPPORTUNITIES_FEED": str(tmp / "feed.json")})
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads((tmp / "output-state/report.json").read_text("utf-8"))
    ids = [r["id"] for r in chosen]
    rejected = {r["id"] for r in report["rejected"]}
    assert not rejected & set(ids), report["rejected"]
    return tmp / "output", ids


def test_no_payload_runs_or_reaches_the_dom_in_chromium(poisoned_site, browser):
    output, ids = poisoned_site
    page = browser.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    urls = ["/opportunities/", "/zh-tw/opportunities/"]
    urls += [f"{prefix}/opportunities/{rid}/" for rid in ids for prefix in ("", "/zh-tw")]
    for url in urls:
        page.goto((output / url.lstrip("/") / "index.html").as_uri())
        page.wait_for_timeout(50)
        found = page.evaluate("""() => ({
            xss: window.__xss,
            handlers: [...document.querySelectorAll('*')].flatMap(el =>
                [...el.attributes].filter(a => a.name.startsWith('on')).map(a => el.tagName)),
            scripts: [...document.scripts].filter(s => s.type !== 'application/ld+json').length,
            frames: document.querySelectorAll('iframe, object, embed, svg, math, style').length,
            badLinks: [...document.querySelectorAll('a[href]')].filter(a =>
                !/^(https?:|mailto:|tel:|\\/|#)/.test(a.getAttribute('href'))).length,
            hidden: getComputedStyle(document.body).display,
            text: document.body.innerText,
        })""")
        assert found["xss"] is None, url
        assert found["handlers"] == [], (url, found["handlers"])
        assert found["scripts"] == 0 and found["frames"] == 0, url
        assert found["badLinks"] == 0, url
        assert found["hidden"] != "none"
        assert "49" not in found["text"].split("{{")[0][-5:], url
    assert not dialogs
    detail = (output / f"opportunities/{ids[0]}/index.html").read_text("utf-8")
    assert "<script>window.__xss" not in detail
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in detail or "window.__xss" not in detail


def test_json_ld_cannot_be_broken_out_of(poisoned_site):
    output, ids = poisoned_site
    from bs4 import BeautifulSoup

    for rid in ids:
        soup = BeautifulSoup((output / f"opportunities/{rid}/index.html").read_text("utf-8"),
                             "html.parser")
        scripts = soup.find_all("script")
        assert len(scripts) == 1 and scripts[0]["type"] == "application/ld+json"
        data = json.loads(scripts[0].string)
        assert "</script>" in json.dumps(data) or "<script>" in json.dumps(data)


def test_calendars_and_feeds_stay_well_formed(poisoned_site):
    import xml.etree.ElementTree as ET

    output, ids = poisoned_site
    for rid in ids:
        ics = output / f"opportunities/{rid}/calendar.ics"
        if ics.exists():
            calendar = Calendar.from_ical(ics.read_bytes())
            assert len(calendar.walk("VEVENT")) >= 1
    feed = json.loads((output / "opportunities/feed.json").read_text("utf-8"))
    assert any("<script>" in item["title"] for item in feed["items"]), "payload kept as text"
    ET.parse(output / "opportunities/feed.atom")
