"""The SDG hub and goal pages, and the project's own badges, on the real built site."""

from __future__ import annotations

import re

import pytest
import yaml

from conftest import ROOT, build_with_edit, copy_project

LANGUAGES = {"en": "", "zh-TW": "/zh-tw"}
AA = 4.5


def goals() -> list[dict]:
    data = yaml.safe_load((ROOT / "data/sdgs.yml").read_text(encoding="utf-8"))
    return data["goals"]


def luminance(colour: str) -> float:
    """WCAG 2.x relative luminance, written out here rather than imported from the plugin."""
    rgb = [int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first: str, second: str) -> float:
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def custom_properties(css: str) -> dict[str, dict[str, str]]:
    """``--name: #value`` of the theme's :root blocks, for the light and the dark scheme."""
    dark_start = css.index("@media (prefers-color-scheme: dark)")
    first_dark_block = css[dark_start:css.index("}\n}", dark_start)]
    light = dict(re.findall(r"(--[\w-]+):\s*(#[0-9a-fA-F]{6})", css[:dark_start]))
    dark = {**light, **dict(re.findall(r"(--[\w-]+):\s*(#[0-9a-fA-F]{6})", first_dark_block))}
    return {"light": light, "dark": dark}


def test_the_data_file_lists_all_17_goals_with_both_names_and_a_colour():
    listed = goals()
    assert [goal["number"] for goal in listed] == list(range(1, 18))
    for goal in listed:
        assert goal["name"]["en"] and goal["name"]["zh-TW"], goal
        assert re.fullmatch(r"#[0-9A-F]{6}", goal["colour"]), goal


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_goal_has_a_page_in_both_languages_linked_from_the_hub(site, code):
    prefix = LANGUAGES[code]
    hub = site.page(f"{prefix}/sdgs/")
    badges = hub.select(".sdg-grid .sdg-badge")
    assert len(badges) == 17
    for goal, badge in zip(goals(), badges, strict=True):
        url = f"{prefix}/sdgs/{goal['number']}/"
        assert badge["href"] == url
        page = site.page(url)
        assert goal["name"][code] in page.h1.get_text(), url
        assert page.html["lang"] == ("en" if code == "en" else "zh-Hant-TW")


@pytest.mark.parametrize("code", LANGUAGES)
def test_badges_carry_the_number_and_the_name_as_real_text(site, code):
    hub = site.page(f"{LANGUAGES[code]}/sdgs/")
    for goal, badge in zip(goals(), hub.select(".sdg-grid .sdg-badge"), strict=True):
        number = badge.select_one(".sdg-number")
        assert number.select_one(".visually-hidden")  # "Goal" for screen readers
        number.select_one(".visually-hidden").decompose()
        assert number.get_text(strip=True) == str(goal["number"])
        assert badge.select_one(".sdg-name").get_text(strip=True) == goal["name"][code]
        assert f"sdg-{goal['number']}" in badge["class"]
    assert not hub.find("img", src=re.compile("sdg", re.I)), "no UN icon artwork"


def test_badge_colours_come_from_the_data_and_their_text_meets_aa_in_both_schemes(site):
    generated = (site.output / "theme/css/sdgs.css").read_text(encoding="utf-8")
    rules = {int(n): (colour, ink) for n, colour, ink in re.findall(
        r"\.sdg-(\d+) \{ --sdg: (#[0-9A-Fa-f]{6}); --sdg-ink: (#[0-9A-Fa-f]{6}); \}", generated)}
    assert "prefers-color-scheme" not in generated, "swatches must read the same in both schemes"
    theme = (ROOT / "theme/static/css/site.css").read_text(encoding="utf-8")
    assert re.search(r"\.sdg-number \{[^}]*background: var\(--sdg\);[^}]*color: var\(--sdg-ink\)",
                     theme)
    assert re.search(r"\.sdg-badge \{[^}]*background: var\(--bg\); color: var\(--text\)", theme)
    schemes = custom_properties(theme)
    for goal in goals():
        colour, ink = rules[goal["number"]]
        assert colour.upper() == goal["colour"]
        ratio = contrast(ink, colour)
        assert ratio >= AA, f"goal {goal['number']}: {ink} on {colour} is {ratio:.2f}:1"
        for scheme, values in schemes.items():
            # The name is ordinary text on the page background, beside the swatch.
            assert contrast(values["--text"], values["--bg"]) >= AA, scheme
            assert contrast(values["--text"], values["--bg-alt"]) >= AA, scheme


def test_every_page_that_shows_badges_loads_the_generated_stylesheet(site):
    for url in ("/sdgs/", "/zh-tw/sdgs/3/", "/programs/", "/zh-tw/programs/older-volunteers/"):
        links = [link["href"] for link in site.page(url).select('link[rel="stylesheet"]')]
        assert "/theme/css/sdgs.css" in links, url


@pytest.mark.parametrize("code", LANGUAGES)
def test_goal_pages_count_what_is_linked_and_say_so_when_there_is_nothing(site, code):
    prefix = LANGUAGES[code]
    empty = {"en": "No programmes are linked to this goal yet.",
             "zh-TW": "目前還沒有與這項目標相關的方案。"}[code]
    seen_empty = seen_full = False
    for number in range(1, 18):
        page = site.page(f"{prefix}/sdgs/{number}/")
        section = page.find("section", attrs={"aria-labelledby": "goal-programmes"})
        count = int(section.select_one(".count").get_text().strip("()"))
        links = section.select("ul.link-list a")
        assert count == len(links), (code, number)
        if count:
            seen_full = True
        else:
            seen_empty = True
            assert empty in section.get_text()
        for key in ("goal-opportunities", "goal-archive"):
            other = page.find("section", attrs={"aria-labelledby": key})
            assert other.select_one(".count").get_text() == f"({len(other.select('li a'))})"
            assert other.select("li a") or other.p, "an empty section says so"
    assert seen_empty and seen_full


def test_the_hub_cites_one_source_for_the_chinese_names_and_the_un_for_the_colours(site):
    hub = site.page("/sdgs/")
    text = hub.select_one(".sources").get_text(" ")
    assert "FACTS.md" in text and "common" in text and "no single official" in text
    assert "Guidelines for the use of the SDG logo" in text
    chinese = site.page("/zh-tw/sdgs/").select_one(".sources").get_text(" ")
    assert "臺灣常用" in chinese


def test_taipei_priority_goals_are_marked_with_minguo_years_in_chinese(site):
    assert "Taipei priority goal since 2019" in site.page("/sdgs/").get_text()
    chinese = site.page("/zh-tw/sdgs/").get_text()
    assert "自2019年（民國108年）起為臺北市優先目標" in chinese
    assert "自2020年（民國109年）起為臺北市優先目標" in chinese


BAD_SDGS = {
    "goal number out of range": (
        "  - number: 17", "  - number: 18",
        "data/sdgs.yml:{line}: a goal's 'number' must be 1 to 17, not 18"),
    "colour without quotes": (
        '    colour: "#E5243B"', "    colour: red",
        "data/sdgs.yml:{line}: goal 1: 'colour' must be written #RRGGBB"),
    "missing Chinese text is not required but a typo in a language is": (
        "      zh-TW: 終結貧窮", "      zh-tw: 終結貧窮",
        "data/sdgs.yml:{line}: unknown language 'zh-tw' in 'name' of goal 1"),
    "a goal missing": (
        "  - number: 17", "  - number: 16",
        "data/sdgs.yml:{line}: goal 16 is listed twice"),
}


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return copy_project(tmp_path_factory.mktemp("sdg-project"))


@pytest.mark.parametrize("name", BAD_SDGS)
def test_mistakes_in_sdgs_yml_stop_the_build_with_file_and_line(project, tmp_path, name):
    old, new, expected = BAD_SDGS[name]
    result, line = build_with_edit(project, tmp_path / "out", "data/sdgs.yml", old, new)
    messages = result.stdout + result.stderr
    assert result.returncode != 0
    assert expected.format(line=line) in messages, messages
    assert "Traceback" not in messages
    assert not (tmp_path / "out" / "index.html").exists()
