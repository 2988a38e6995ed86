"""Programmes: pages in both languages, SDG links both ways, the no-JavaScript index filters,
editors' mistakes, and links to sections other engineers build (opportunities, archive)."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT, copy_project, run_build
from portal.content.frontmatter import parse_list, split_header

PREFIX = {"en": "", "zh-TW": "/zh-tw"}
AUDIENCES = ("seniors", "families", "companies", "international", "youth", "students")


def programmes() -> dict[str, dict[str, list[str]]]:
    """Each English programme's SDGs and audiences, read from its header."""
    found = {}
    for path in sorted((ROOT / "content/en/programs").glob("*.md")):
        header, _ = split_header(str(path), path.read_text(encoding="utf-8"))
        found[path.stem] = {"sdgs": parse_list(header, "sdgs"),
                            "audiences": parse_list(header, "audiences")}
    return found


ISSUE_PROGRAMMES = {
    "corporate-volunteering", "older-volunteers", "intergenerational-volunteers",
    "international-volunteers", "multilingual-website", "volunteer-academy",
    "family-youth-silver", "city-exchange", "memory-archive", "sdg-blueprint",
    "volunteer-training", "management-platform", "agency-coaching",
}


def test_every_programme_of_the_plan_exists_in_both_languages():
    english = {p.stem for p in (ROOT / "content/en/programs").glob("*.md")}
    chinese = {p.stem for p in (ROOT / "content/zh-tw/programs").glob("*.md")}
    assert english == chinese == ISSUE_PROGRAMMES


@pytest.mark.parametrize("code", PREFIX)
def test_programme_pages_link_to_their_goals_and_the_goals_link_back(site, code):
    prefix = PREFIX[code]
    for slug, facts in programmes().items():
        url = f"{prefix}/programs/{slug}/"
        page = site.page(url)
        assert page.html["lang"] == ("en" if code == "en" else "zh-Hant-TW")
        assert not page.select(".notice"), f"{url} is a real translation, up to date"
        badges = page.select(".facts .sdg-badges a.sdg-badge")
        assert [a["href"] for a in badges] == [f"{prefix}/sdgs/{n}/" for n in facts["sdgs"]]
        for number in facts["sdgs"]:
            goal = site.page(f"{prefix}/sdgs/{number}/")
            section = goal.find("section", attrs={"aria-labelledby": "goal-programmes"})
            assert section.find("a", href=url), f"goal {number} does not list {url}"
        for number in set(map(str, range(1, 18))) - set(facts["sdgs"]):
            goal = site.page(f"{prefix}/sdgs/{number}/")
            assert not goal.find("a", href=url), f"goal {number} should not list {url}"


@pytest.mark.parametrize("code", PREFIX)
def test_programme_facts_show_status_period_agency_and_audiences(site, code):
    page = site.page(f"{PREFIX[code]}/programs/older-volunteers/")
    facts = {dt.get_text(strip=True): dt.find_next_sibling("dd") for dt in page.select(".facts dt")}
    expected = {"en": ("Status", "Period ended", "Period", "2021", "Lead agency",
                       "Who it is for", "Older people"),
                "zh-TW": ("狀態", "期程已結束", "期程", "2021年（民國110年）", "主責機關",
                          "適合對象", "長者")}[code]
    status, status_text, period, period_text, agency, audience, audience_text = expected
    assert facts[status].get_text(strip=True) == status_text
    assert facts[period].get_text(strip=True) == period_text
    assert facts[period].find("time", datetime="2021")
    assert facts[agency].get_text(strip=True)
    link = facts[audience].find("a")
    assert link.get_text() == audience_text
    assert link["href"] == f"{PREFIX[code]}/programs/audience/seniors/"
    platform = site.page(f"{PREFIX[code]}/programs/management-platform/")
    since = {"en": "from July 2019", "zh-TW": "2019年7月（民國108年）起"}[code]
    assert since in platform.select_one(".facts").get_text()


@pytest.mark.parametrize("code", PREFIX)
def test_the_index_filters_by_goal_and_audience_with_plain_links(site, code):
    prefix = PREFIX[code]
    listed = programmes()
    index = site.page(f"{prefix}/programs/")
    assert not index.find("script"), "the filters work without JavaScript"
    cards = index.select(".programme-card h3 a")
    assert {a["href"] for a in cards} == {f"{prefix}/programs/{slug}/" for slug in listed}
    goal_numbers = sorted({n for facts in listed.values() for n in facts["sdgs"]}, key=int)
    goal_links = [a["href"] for a in index.select(".filters .sdg-badge")]
    assert goal_links == [f"{prefix}/programs/sdg/{n}/" for n in goal_numbers]
    audience_links = [a["href"] for a in index.select(".filters .filter-link")]
    used = [key for key in AUDIENCES if any(key in f["audiences"] for f in listed.values())]
    assert audience_links == [f"{prefix}/programs/audience/{key}/" for key in used]
    for number in goal_numbers:
        page = site.page(f"{prefix}/programs/sdg/{number}/")
        shown = {a["href"] for a in page.select(".programme-card h3 a")}
        assert shown == {f"{prefix}/programs/{s}/" for s, f in listed.items()
                         if number in f["sdgs"]}, number
        current = page.select_one(".filters [aria-current=page]")
        assert current["href"] == f"{prefix}/programs/sdg/{number}/"
    for key in used:
        page = site.page(f"{prefix}/programs/audience/{key}/")
        shown = {a["href"] for a in page.select(".programme-card h3 a")}
        assert shown == {f"{prefix}/programs/{s}/" for s, f in listed.items()
                         if key in f["audiences"]}, key


def test_programmes_are_in_the_main_menu_and_their_pages_mark_the_section(site):
    menu = site.page("/programs/older-volunteers/").select_one(".main-nav")
    link = menu.find("a", href="/programs/")
    assert link.get_text() == "Programmes" and link["aria-current"] == "true"
    assert site.page("/zh-tw/programs/").select_one(".main-nav a[href='/zh-tw/programs/']")[
        "aria-current"] == "page"


PROGRAMME = "content/en/programs/new-programme.md"
HEADER = ("Title: A new programme\nSummary: Something.\nLead-Agency: Somebody\nSDGs: 3\n"
          "Status: ongoing\nPeriod: 2021\n")

MISTAKES = {
    "goal number out of range": (
        PROGRAMME, HEADER.replace("SDGs: 3", "SDGs: 3, 18") + "\nText.\n",
        f"{PROGRAMME}:4: SDGs: '18' is not a goal number"),
    "unknown audience": (
        PROGRAMME, HEADER + "Audiences: seniors, pensioners\n\nText.\n",
        f"{PROGRAMME}:7: Audiences: unknown value 'pensioners'; choose from seniors, families"),
    "unknown cause": (
        PROGRAMME, HEADER + "Causes: knitting\n\nText.\n",
        f"{PROGRAMME}:7: Causes: unknown value 'knitting'"),
    "status of a page": (
        PROGRAMME, HEADER.replace("Status: ongoing", "Status: published") + "\nText.\n",
        f"{PROGRAMME}:5: Status: write planned, ongoing, ended or draft"),
    "period that is not EDTF": (
        PROGRAMME, HEADER.replace("Period: 2021", "Period: 2021 to 2022") + "\nText.\n",
        f"{PROGRAMME}:6: Period: '2021 to 2022' is not an EDTF date"),
    "missing SDGs in an original": (
        PROGRAMME, HEADER.replace("SDGs: 3\n", "") + "\nText.\n",
        f"{PROGRAMME}:1: missing SDGs: every program needs a 'SDGs:' line"),
    "translation that files the programme differently": (
        "content/zh-tw/programs/older-volunteers.md",
        "Title: 高齡志工\nSummary: 摘要。\nLead-Agency: 臺北市政府\nSDGs: 3, 4\n"
        "Translated-From: en\nSource-Hash: abc\n\n內文。\n",
        "content/zh-tw/programs/older-volunteers.md:4: SDGs: differs from "
        "content/en/programs/older-volunteers.md"),
    "reserved history file name": (
        "content/en/history/timeline.md", "Title: Timeline\nSummary: Something.\n\nText.\n",
        "content/en/history/timeline.md:1: the file name 'timeline.md' is kept for a page"),
}


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return copy_project(tmp_path_factory.mktemp("programme-project"))


@pytest.mark.parametrize("name", MISTAKES)
def test_mistakes_in_a_programme_stop_the_build_with_file_and_line(project, tmp_path, name):
    relative, text, expected = MISTAKES[name]
    path = project / relative
    original = path.read_text(encoding="utf-8") if path.exists() else None
    path.write_text(text, encoding="utf-8")
    try:
        result = run_build(project, tmp_path / "out")
    finally:
        if original is None:
            path.unlink()
        else:
            path.write_text(original, encoding="utf-8")
    messages = result.stdout + result.stderr
    assert result.returncode != 0
    assert expected in messages, messages
    assert "Traceback" not in messages
    assert not (tmp_path / "out" / "index.html").exists()


STUB_SECTIONS = '''
"""Stand-ins for the opportunities and archive sections other engineers are building."""

from pelican import signals
from pelican.generators import Generator

from portal.core.render import render_route
from portal.core.site import Listing, Route, site_of

PAGES = [
    ("opportunity", "opportunity:beach-clean", "opportunities/beach-clean/",
     {"en": "Beach clean-up", "zh-TW": "淨灘"}, {14}, {"environment"}, True),
    ("opportunity", "opportunity:lunch-club", "opportunities/lunch-club/",
     {"en": "Lunch club companion", "zh-TW": "共餐陪伴"}, {3}, {"seniors"}, True),
    ("opportunity", "opportunity:closed-role", "opportunities/closed-role/",
     {"en": "A role that has closed", "zh-TW": "已截止"}, {3}, {"seniors"}, False),
    ("archive-item", "archive-item:team-photo-1985", "archive/team-photo-1985/",
     {"en": "Team photo, 1985", "zh-TW": "1985年團體照"}, {11}, set(), True),
]


class StubSections(Generator):
    def generate_context(self):
        site = site_of(self)
        every = frozenset(lang.code for lang in site.languages)
        for kind, key, path, titles, sdgs, topics, active in PAGES:
            site.add_route(Route(key, path, every, "en", titles=titles))
            site.listings.append(Listing(kind, key, sdgs=frozenset(sdgs),
                                         topics=frozenset(topics), active=active))
        # The real sections' listing pages, which editors' pages link to (checked links).
        for key, path in (("stub:opportunities", "opportunities/"), ("stub:archive", "archive/"),
                          ("stub:english", "opportunities/for/english-friendly/")):
            site.add_route(Route(key, path, every, "en", in_sitemap=False))

    def generate_output(self, writer):
        site = site_of(self)
        for _, key, *_rest in PAGES:
            for language in site.languages:
                render_route(self, site.route(key), language, "sitemap", groups={})


def get_generators(pelican):
    return StubSections


def register():
    signals.get_generators.connect(get_generators)
'''


def test_links_to_opportunities_and_archive_items_appear_once_those_sections_exist(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "plugins/stubsections").mkdir()
    (project / "plugins/stubsections/__init__.py").write_text(STUB_SECTIONS, encoding="utf-8")
    with (project / "pelicanconf.py").open("a", encoding="utf-8") as settings:
        # The stand-in replaces the real sections, so what it registers is all there is.
        settings.write('\nPLUGINS = [p for p in PLUGINS if p not in ("portal.opportunities", '
                       '"portal.archive")] + ["stubsections"]\n')
    archive = project / "content/en/programs/memory-archive.md"
    archive.write_text(re.sub(r"^Archive-Items:.*$",
                              "Archive-Items: team-photo-1985, not-yet-published",
                              archive.read_text(encoding="utf-8"), count=1, flags=re.M),
                       encoding="utf-8")
    timeline = project / "data/timeline.yml"
    timeline.write_text(re.sub(r"(  - id: volunteer-service-act\n)    archive_items: .*\n",
                               r"\1    archive_items: [team-photo-1985]\n",
                               timeline.read_text(encoding="utf-8")), encoding="utf-8")

    result = run_build(project, tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    assert ("content/en/programs/memory-archive.md:5: warning: Archive-Items: no archive item "
            "'not-yet-published' (yet)") in result.stderr
    out = tmp_path / "out"

    def page(path):
        from bs4 import BeautifulSoup
        return BeautifulSoup((out / path / "index.html").read_text("utf-8"), "html.parser")

    goal = page("sdgs/3")
    opportunities = goal.find("section", attrs={"aria-labelledby": "goal-opportunities"})
    assert [a["href"] for a in opportunities.select("a")] == ["/opportunities/lunch-club/"]
    assert opportunities.select_one(".count").get_text() == "(1)", "closed roles are left out"
    chinese = page("zh-tw/sdgs/14")
    section = chinese.find("section", attrs={"aria-labelledby": "goal-opportunities"})
    assert section.find("a", href="/zh-tw/opportunities/beach-clean/").get_text() == "淨灘"
    archive_goal = page("sdgs/11").find("section", attrs={"aria-labelledby": "goal-archive"})
    assert archive_goal.find("a", href="/archive/team-photo-1985/")
    hub = page("sdgs").get_text(" ")
    assert "1 open opportunity" in hub and "1 archive item" in hub

    older = page("programs/older-volunteers")  # cause "seniors" and SDG 3
    related = older.find("section", attrs={"aria-labelledby": "related-opportunities"})
    assert [a["href"] for a in related.select("li a")] == ["/opportunities/lunch-club/"]
    memory = page("programs/memory-archive")
    items = memory.find("section", attrs={"aria-labelledby": "related-archive"})
    assert [a["href"] for a in items.select("a")] == ["/archive/team-photo-1985/"]
    entry = page("history/timeline").find(id="event-volunteer-service-act")
    assert entry.select_one(".timeline-archive a")["href"] == "/archive/team-photo-1985/"


def test_real_sections_are_linked_from_goals_programmes_and_the_timeline(site):
    """With the opportunity listing and the archive built, their items appear where they
    belong: open roles on goal pages, archive items on the timeline and the archive programme."""
    goal = site.page("/sdgs/3/").find("section", attrs={"aria-labelledby": "goal-opportunities"})
    links = [a["href"] for a in goal.select("a[href^='/opportunities/']")]
    assert links, "goal 3 lists no open opportunity"
    for href in links[:5]:
        detail = site.page(href)
        assert not detail.select_one(".state-banner"), f"{href} is closed but listed on goal 3"
        assert detail.find("a", href="/opportunities/sdg/3/"), f"{href} is not tagged goal 3"
    entry = site.page("/history/timeline/").find(id="event-volunteer-service-act")
    target = entry.select_one(".timeline-archive a")["href"]
    assert target.startswith("/archive/") and site.file_for(target).exists()
    programme = site.page("/programs/memory-archive/")
    items = programme.find("section", attrs={"aria-labelledby": "related-archive"})
    assert len(items.select("a[href^='/archive/']")) == 4
