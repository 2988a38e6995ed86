"""axe-core (WCAG 2.2 A/AA) in headless Chromium and the Nu HTML Checker on a sample of pages
covering every template in every language, plus browser checks a keyboard or phone user notices."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from conftest import ROOT, sample_pages

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


@pytest.fixture(scope="module")
def sample(site):
    pages = sample_pages(site)
    templates = {(site.soup(p).body["data-template"], site.soup(p).html["lang"]) for p in pages}
    assert len(pages) >= 20, f"only {len(pages)} pages sampled"
    for template in {t for t, _ in templates}:
        assert {lang for t, lang in templates if t == template} == {"en", "zh-Hant-TW"}, template
    return pages


def axe_violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
        ".then(r => r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))})))",
        WCAG_TAGS,
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_wcag_22_aa_violations(site, server, browser, sample, scheme):
    assert AXE.exists(), "run `npm ci` (make test does) to install axe-core"
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    problems = {}
    for path in sample:
        url = site.url_of(path)
        page.goto(server + url)
        violations = axe_violations(page)
        if violations:
            problems[url] = violations
    context.close()
    assert not problems, json.dumps(problems, indent=1, ensure_ascii=False)


def test_nu_html_checker_reports_no_errors(site):
    assert VNU.exists(), "run `npm ci` (make test does) to install vnu-jar"
    java = shutil.which("java")
    assert java, "Java is needed for the Nu HTML Checker"
    files = [str(p) for p in site.html_files()]
    result = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json", *files],
                            capture_output=True, text=True, timeout=600)
    report = json.loads(result.stderr or result.stdout or '{"messages": []}')
    errors = [f"{m.get('url', '').split('/output/')[-1]}:{m.get('lastLine')}: {m['message']}"
              for m in report["messages"] if m.get("type") == "error"]
    assert not errors, "\n".join(errors[:50])
    assert len(files) >= 20


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_main_content(server, browser):
    page = browser.new_page()
    page.goto(server + "/zh-tw/about/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "跳到主要內容"
    assert page.evaluate("getComputedStyle(document.activeElement).top") != "-160px"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.close()


def test_access_keys_follow_the_taiwan_convention(site):
    for url in ("/", "/zh-tw/statistics/"):
        soup = site.page(url)
        keys = {"".join(a["accesskey"]): a for a in soup.select("a[accesskey]")}
        assert set(keys) == {"U", "C", "Z"}
        assert all(a.get_text() == ":::" and a.get("title") for a in keys.values())
        assert keys["U"].find_parent("header") and keys["C"].find_parent("main")
        assert keys["Z"].find_parent("footer")


def test_pages_fit_a_320px_screen_without_sideways_scrolling(site, server, browser, sample):
    page = browser.new_page(viewport={"width": 320, "height": 640})
    too_wide = {}
    for path in sample:
        url = site.url_of(path)
        page.goto(server + url)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            too_wide[url] = width
    page.close()
    assert not too_wide, f"wider than a 320px screen: {too_wide}"


def test_pages_request_nothing_from_other_hosts_and_run_without_console_errors(server, browser):
    page = browser.new_page()
    requests, errors = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    for url in ("/", "/zh-tw/about/", "/news/", "/zh-tw/sitemap/"):
        page.goto(server + url)
    page.close()
    assert requests and all(r.startswith(server) for r in requests), requests
    assert not errors, errors


BROKEN_PAGE = """<!DOCTYPE html><html><head><title>x</title></head><body>
<img src="a.png"><p style="color:#ccc;background:#fff">faint</p><a href="#"></a>
<div><li>stray</li></div></body></html>"""


def test_the_checkers_do_report_a_broken_page(tmp_path, browser):
    """The two checkers above are live: a page with known faults makes them complain."""
    broken = tmp_path / "broken.html"
    broken.write_text(BROKEN_PAGE, encoding="utf-8")
    page = browser.new_page()
    page.goto(broken.as_uri())
    found = {v["id"] for v in axe_violations(page)}
    page.close()
    assert {"image-alt", "color-contrast", "html-has-lang", "link-name"} <= found
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json",
                             str(broken)], capture_output=True, text=True, timeout=300)
    assert json.loads(result.stderr)["messages"], "vnu found nothing wrong in a broken page"
