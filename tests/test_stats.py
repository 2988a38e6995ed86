"""The statistics dashboard: build-time SVG charts that match their tables, figures formatted
per locale with their sources, honest targets, and editors' mistakes in data/stats.yml."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from babel.numbers import format_decimal, format_percent

from conftest import ROOT, build_with_edit, copy_project, run_build
from portal.core.languages import Language
from portal.stats import format_figure
from portal.stats.data import load_stats

SVG = "{http://www.w3.org/2000/svg}"
EN = Language("en", "", "en", "en", "en", "English", "en")
ZH = Language("zh-TW", "zh-tw", "zh-Hant-TW", "zh-TW", "zh_Hant_TW", "繁體中文", "zh-tw", True)
FR = Language("fr", "fr", "fr", "fr", "fr", "Français", "fr")
PAGES = {"en": ("/statistics/", EN), "zh-TW": ("/zh-tw/statistics/", ZH)}


def stats():
    data, problems = load_stats(ROOT / "data/stats.yml", (EN, ZH))
    assert not problems
    return data


def raw_svgs(site, url: str) -> list[ET.Element]:
    """Every chart SVG of a page, parsed as XML straight from the file (as a browser gets it)."""
    html = site.file_for(url).read_text(encoding="utf-8")
    blocks = re.findall(r'<svg class="chart-svg".*?</svg>', html, flags=re.S)
    return [ET.fromstring(block) for block in blocks]


@pytest.mark.parametrize("code", PAGES)
def test_every_chart_is_an_svg_with_title_and_description_and_its_table_has_the_same_data(
        site, code):
    url, _ = PAGES[code]
    svgs = raw_svgs(site, url)
    page = site.page(url)
    figures = page.select("figure.chart")
    assert len(svgs) == len(figures) == len(stats().charts()) >= 3
    assert not page.find("script"), "no chart JavaScript"
    for svg, figure in zip(svgs, figures, strict=True):
        assert svg.get("role") == "img"
        title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
        assert title is not None and title.text.strip() and desc is not None and desc.text.strip()
        assert svg.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
        assert svg.get("viewBox")
        labels = [t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "chart-label"]
        values = [t.text for t in svg.iter(f"{SVG}text") if "chart-value" in t.get("class")]
        rows = figure.select("table.chart-table tbody tr")
        assert labels == [row.th.get_text(strip=True) for row in rows]
        assert values == [row.select_one("td").get_text(strip=True) for row in rows]
        bars = [r for r in svg.iter(f"{SVG}rect") if r.get("class") == "chart-bar"]
        assert len(bars) == len([row for row in rows if "missing" not in row.get("class", [])])
        assert figure.figcaption.get_text(strip=True) == title.text


def test_bars_are_drawn_to_scale(site):
    svg = raw_svgs(site, "/statistics/")
    by_title = {s.find(f"{SVG}title").text: s for s in svg}
    bodies = by_title["City bodies using volunteers, end of 2020"]
    widths = [float(r.get("width")) for r in bodies.iter(f"{SVG}rect")]
    assert widths[0] / widths[1] == pytest.approx(27 / 12, rel=0.01)
    share = by_title["Older volunteers (65 and over) as a share of all volunteers"]
    (bar,) = [r for r in share.iter(f"{SVG}rect")]
    assert float(bar.get("width")) == pytest.approx(330 * 0.21, rel=0.01), "21% of a 0–100% scale"


@pytest.mark.parametrize("code", PAGES)
def test_figures_are_formatted_for_the_page_locale_and_cite_their_source(site, code):
    url, language = PAGES[code]
    page = site.page(url)
    sources = {li["id"] for li in page.select("#sources ~ ul li")}
    cards = page.select(".figure-card")
    assert len(cards) >= 15
    for card in cards:
        data = card.select_one("data")
        if data is None:
            assert "figure-missing" in card["class"]
            continue
        value = float(data["value"])
        text = data.get_text()
        digits = text.split(".")[-1].rstrip("%") if "." in text else ""
        if text.endswith("%"):
            expected = format_percent(value, ("+" if text.startswith("+") else "") + "#,##0" +
                                      ("." + "0" * len(digits) if digits else "") + "%",
                                      locale=language.locale)
        else:
            expected = format_decimal(value, "#,##0" + ("." + "0" * len(digits) if digits
                                                          else ""), locale=language.locale)
        assert text == expected or text in (f"about {expected}", f"約{expected}"), text
        link = card.select_one(".meta a")
        assert link["href"].lstrip("#") in sources, text
    text = page.get_text()
    assert "76,230" in text and "1,100,411" in text and "21%" in text and "+1.5%" in text
    if code == "zh-TW":
        assert "2020年（民國109年）" in text and "約56.91" in text
        assert "2021年12月31日（民國110年）" in text
    else:
        assert "about 56.91" in text and "December 31, 2021" in text


def test_babel_formats_a_figure_for_any_locale():
    figures = stats().figures
    assert format_figure(figures["taipei-volunteers-2020"], FR) == "76\u202f230"
    assert format_figure(figures["taipei-hours-per-volunteer-2020"], FR) == "56,91"
    assert format_figure(figures["target-participation-2021"], EN) == "+1.5%"
    assert format_figure(figures["bodies-share-2020"], EN) == "86.67%"


@pytest.mark.parametrize("code", PAGES)
def test_targets_are_shown_honestly_without_invented_results(site, code):
    url, _ = PAGES[code]
    progress = site.page(url).find("section", attrs={"aria-labelledby": "section-progress"})
    text = progress.get_text(" ")
    if code == "en":
        assert "21%" in text and "+1.5%" in text and "76,230" in text
        assert "not published in the plan" in text and "no result published" in text
    else:
        assert "計畫未公布" in text and "尚未公布結果" in text
    result_rows = [row for row in progress.select("tr.missing")]
    assert len(result_rows) == 2, "2020 share and 2021 result: no number is made up"
    for row in result_rows:
        assert not re.search(r"\d+(\.\d+)?%", row.select_one("td").get_text())


def test_the_dashboard_took_over_the_statistics_page_and_its_menu_entry(site):
    assert not (ROOT / "content/en/pages/statistics.md").exists()
    for url, label in (("/statistics/", "Statistics"), ("/zh-tw/statistics/", "統計資料")):
        page = site.page(url)
        assert page.body["data-template"] == "stats_dashboard"
        current = page.select_one(".main-nav a[aria-current=page]")
        assert current.get_text() == label
    assert site.page("/").find("a", href="/statistics/"), "the home page links still work"


BAD_STATS = {
    "value with a thousands separator": (
        "    value: 76230\n", "    value: 76,230\n",
        "data/stats.yml:{line}: figure 'taipei-volunteers-2020': 'value' must be a number"),
    "unknown source": (
        "    source: mohw-2019\n", "    source: mohw\n",
        "data/stats.yml:{line}: figure 'taiwan-volunteers-2019': unknown source 'mohw'"),
    "percent written as a whole number": (
        "    value: 0.21\n", "    value: 21\n",
        "data/stats.yml:{line}: figure 'target-older-share-2021': write a percent as a "
        "fraction"),
    "chart row naming no figure": (
        "          - district-offices-2020\n", "          - district-office-2020\n",
        "data/stats.yml:{line}: chart 'city-bodies': no figure with id 'district-office-2020'"),
    "bad date": (
        "    date: 2019-12\n", "    date: end of 2019\n",
        "data/stats.yml:{line}: figure 'taiwan-volunteers-2019': date 'end of 2019' is not an "
        "EDTF date"),
}


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return copy_project(tmp_path_factory.mktemp("stats-project"))


@pytest.mark.parametrize("name", BAD_STATS)
def test_mistakes_in_stats_yml_stop_the_build_with_file_and_line(project, tmp_path, name):
    old, new, expected = BAD_STATS[name]
    result, line = build_with_edit(project, tmp_path / "out", "data/stats.yml", old, new)
    messages = result.stdout + result.stderr
    assert result.returncode != 0
    assert expected.format(line=line) in messages, messages
    assert "Traceback" not in messages
    assert not (tmp_path / "out" / "index.html").exists()


def test_a_chart_label_too_long_to_draw_is_refused(project, tmp_path):
    path = project / "data/stats.yml"
    original = path.read_text(encoding="utf-8")
    long = "Share in 2020 as counted by every agency and every district office of the city"
    path.write_text(original.replace("label: {en: Share in 2020,", f"label: {{en: {long},"),
                    encoding="utf-8")
    try:
        result = run_build(project, tmp_path / "out")
    finally:
        path.write_text(original, encoding="utf-8")
    assert result.returncode != 0
    assert "chart 'older-share': the en text" in result.stderr
    assert "too long to fit in the chart" in result.stderr
