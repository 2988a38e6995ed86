"""The history section: narrative pages, and the timeline's order, decades, dates and sources."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import ROOT, build_with_edit, copy_project
from portal.core.edtf_dates import EdtfError, parse
from portal.core.languages import Language
from portal.history.data import load_timeline
from portal.i18n.formatting import localised_edtf

EN = Language("en", "", "en", "en", "en", "English", "en")
ZH = Language("zh-TW", "zh-tw", "zh-Hant-TW", "zh-TW", "zh_Hant_TW", "繁體中文", "zh-tw", True)
PREFIX = {"en": "", "zh-TW": "/zh-tw"}


def timeline():
    entries, problems = load_timeline(ROOT / "data/timeline.yml", (EN, ZH))
    assert not problems
    return entries


@pytest.mark.parametrize("code", PREFIX)
def test_timeline_lists_every_entry_in_date_order_grouped_by_decade(site, code):
    page = site.page(f"{PREFIX[code]}/history/timeline/")
    expected = sorted(timeline(), key=lambda e: (e.date.sort_key, e.id))
    shown = [li["id"] for li in page.select("ol.timeline > li")]
    assert shown == [entry.anchor for entry in expected]
    decades = [section.h2["id"] for section in page.select("section.decade")]
    assert decades == sorted(decades) == [f"decade-{d}" for d in (1980, 2000, 2010, 2020)]
    for section in page.select("section.decade"):
        start = int(section.h2["id"].split("-")[1])
        for li in section.select("ol.timeline > li"):
            machine = li.select_one(".timeline-date time")["datetime"]
            assert start <= int(machine[:4]) < start + 10, li["id"]
    machines = [li.select_one("time")["datetime"] for li in page.select("ol.timeline > li")]
    assert machines == sorted(machines, key=lambda m: (m[:4], m)), "earliest first"
    nav = [a["href"] for a in page.select(".decade-nav a")]
    assert nav == [f"#{d}" for d in decades]


@pytest.mark.parametrize("code", PREFIX)
def test_every_timeline_entry_names_its_source_and_unverified_ones_say_so(site, code):
    page = site.page(f"{PREFIX[code]}/history/timeline/")
    by_id = {entry.anchor: entry for entry in timeline()}
    language = EN if code == "en" else ZH
    for li in page.select("ol.timeline > li"):
        entry = by_id[li["id"]]
        sources = li.select(".timeline-sources li")
        assert len(sources) == len(entry.sources) >= 1, li["id"]
        for shown, source in zip(sources, entry.sources, strict=True):
            assert shown.get_text(strip=True) == source.title(language)
            if source.url:
                assert shown.a["href"] == source.url
        assert li.h3.get_text(strip=True) == entry.title(language)
        assert bool(li.select_one(".unverified-note")) == (not entry.verified), li["id"]
    assert page.select("li.unverified"), "the anniversary forum is marked as unverified"


def test_timeline_dates_read_naturally_with_minguo_years_in_chinese(site):
    english = site.page("/history/timeline/")
    chinese = site.page("/zh-tw/history/timeline/")
    act = "#event-volunteer-service-act .timeline-date"
    assert english.select_one(act).get_text(strip=True) == "January 20, 2001"
    assert chinese.select_one(act).get_text(strip=True) == "2001年1月20日（民國90年）"
    platform = "#event-management-platform .timeline-date"
    assert english.select_one(platform).get_text(strip=True) == "July 2019"
    assert chinese.select_one(platform).get_text(strip=True) == "2019年7月（民國108年）"
    assert chinese.select_one("#decade-1980").get_text() == "1980年代"
    assert english.select_one("#decade-1980").get_text() == "1980s"


@pytest.mark.parametrize("code", PREFIX)
def test_history_section_has_narrative_pages_and_the_timeline_in_both_languages(site, code):
    prefix = PREFIX[code]
    hub = site.page(f"{prefix}/history/")
    links = {a["href"] for a in hub.select(".card h2 a")}
    assert links == {f"{prefix}/history/volunteer-service-act/",
                     f"{prefix}/history/taipei-volunteering/", f"{prefix}/history/timeline/"}
    for link in links:
        page = site.page(link)
        crumbs = [a["href"] for a in page.select(".breadcrumbs a")]
        assert crumbs[-1] == f"{prefix}/history/", link
        assert not page.select(".notice"), f"{link}: translation missing or outdated"
    act = site.page(f"{prefix}/history/volunteer-service-act/").get_text()
    assert ("20 January 2001" if code == "en" else "2001年1月20日") in act


def test_edtf_dates_are_parsed_and_described_at_their_own_precision():
    assert parse("2001-01-20").sort_key == (date(2001, 1, 20), date(2001, 1, 20))
    assert parse("2019-07").latest == date(2019, 7, 31)
    assert parse("199X").decade == 1990
    assert (parse("19XX").lower, parse("19XX").upper) == (date(1900, 1, 1), date(1999, 12, 31))
    assert parse("2019-07/..").latest is None
    cases = {
        "2001-01-20": ("January 20, 2001", "2001年1月20日（民國90年）"),
        "2019-07": ("July 2019", "2019年7月（民國108年）"),
        "2021": ("2021", "2021年（民國110年）"),
        "199X": ("1990s", "1990s"),  # no catalogue here: the msgid itself
        "2019~": ("circa 2019", "circa 2019年（民國108年）"),
        "2019-07/..": ("from July 2019", "from 2019年7月（民國108年）"),
    }
    for text, (english, chinese) in cases.items():
        assert localised_edtf(parse(text), EN) == english
        assert localised_edtf(parse(text), ZH) == chinese
    for bad in ("2021-13-01", "2019-02-29", "1XXX", "2019/", "2020/2019", "1985S2", ""):
        with pytest.raises(EdtfError):
            parse(bad)


BAD_TIMELINE = {
    "date that is not EDTF": (
        "    date: 2001-01-20\n", "    date: 20 January 2001\n",
        "data/timeline.yml:{line}: entry 'volunteer-service-act': date '20 January 2001' is "
        "not an EDTF date"),
    "impossible day": (
        "    date: 2001-01-20\n", "    date: 2001-02-29\n",
        "data/timeline.yml:{line}: entry 'volunteer-service-act': date '2001-02-29' is not a "
        "real day"),
    "duplicate id": (
        "  - id: honor-card\n", "  - id: record-book-rules\n",
        "data/timeline.yml:{line}: id 'record-book-rules' is already used on line"),
    "source without a url scheme": (
        "        url: https://undocs.org/A/RES/40/212\n", "        url: undocs.org/A/RES/40/212\n",
        "data/timeline.yml:{line}: a source of entry 'international-volunteer-day': 'url' must "
        "start with https://"),
    "text that is not per language": (
        "      en: Article 15 of the Act, on the obligations of volunteers, is amended.\n",
        "      english: Article 15 of the Act, on the obligations of volunteers, is amended.\n",
        "data/timeline.yml:{line}: unknown language 'english' in 'text' of entry "
        "'amendment-2014'"),
    "broken YAML": (
        "  - id: honor-card\n", "  - id: honor-card\n   bad: [\n",
        "data/timeline.yml:{next}: this is not valid YAML"),
}


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return copy_project(tmp_path_factory.mktemp("history-project"))


@pytest.mark.parametrize("name", BAD_TIMELINE)
def test_mistakes_in_timeline_yml_stop_the_build_with_file_and_line(project, tmp_path, name):
    old, new, expected = BAD_TIMELINE[name]
    result, line = build_with_edit(project, tmp_path / "out", "data/timeline.yml", old, new)
    messages = result.stdout + result.stderr
    assert result.returncode != 0
    assert expected.format(line=line, next=line + 1) in messages, messages
    assert "Traceback" not in messages
    assert not (tmp_path / "out" / "index.html").exists()


@pytest.mark.parametrize("text", [
    "2001-01-20", "2019-07", "2013", "0999", "1985-04-12T23:20:30", "2001-01-20/2001-01-20",
    "1993/1994", "2019-07/2021-12-31", "199X", "19XX", "2019~", "2019?", "2019%", "2019-07/..",
    "../2019", "2001-21", "1984?-06", "2004-06-~01", "[1667,1760-12]", "Y170000002", "-0100",
])
def test_level_0_shortcut_gives_the_value_of_the_full_edtf_parser(text):
    """Dates are parsed with the EDTF library's level-0 grammar first, for speed; a value it
    gives must be exactly what the full parser gives."""
    from edtf import parse_edtf

    from portal.core.edtf_dates import _parse_value

    expected = parse_edtf(text)
    found = _parse_value(text)
    assert (type(found), repr(found), str(found)) == (type(expected), repr(expected),
                                                      str(expected))
