"""What a visitor notices first: the header, the main menu, the home page and the form controls,
checked in headless Chromium on the real build (issue 18)."""

from __future__ import annotations

import pytest

WIDE = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
TOP_LEVEL = "nav.main-nav > ul > li"


@pytest.fixture(scope="module")
def no_script(browser):
    """Pages as a browser without JavaScript shows them, at phone and desktop widths."""
    contexts = {}

    def page(viewport: dict):
        key = viewport["width"]
        if key not in contexts:
            contexts[key] = browser.new_context(viewport=viewport, java_script_enabled=False)
        return contexts[key].new_page()

    yield page
    for context in contexts.values():
        context.close()


@pytest.mark.parametrize("url", ["/", "/zh-tw/", "/zh-tw/opportunities/", "/archive/"])
def test_the_menu_has_at_most_seven_entries_on_one_row_aligned_with_the_page(
        server, no_script, url):
    page = no_script(WIDE)
    page.goto(server + url)
    items = page.locator(TOP_LEVEL)
    assert 1 < items.count() <= 7
    boxes = [items.nth(i).bounding_box() for i in range(items.count())]
    assert all(box and box["height"] > 0 for box in boxes), "every entry shows on a wide screen"
    assert len({round(box["y"]) for box in boxes}) == 1, f"the menu wraps: {boxes}"
    # The first entry's text starts where the page's own text does (the grid's left edge).
    first_text = page.evaluate("""() => {
        const a = document.querySelector(
            'nav.main-nav > ul > li a, nav.main-nav > ul > li summary');
        return a.getBoundingClientRect().left + parseFloat(getComputedStyle(a).paddingLeft);
    }""")
    content = page.evaluate("document.querySelector('main h1').getBoundingClientRect().left")
    assert abs(first_text - content) <= 2, (first_text, content)
    assert not page.locator(".site-menu > summary").is_visible(), "no menu button when wide"
    page.close()


def test_a_group_opens_on_a_wide_screen_without_javascript(server, no_script):
    page = no_script(WIDE)
    page.goto(server + "/")
    group = page.locator(".menu-group").filter(has_text="Programmes")
    statistics = group.get_by_role("link", name="Statistics")
    assert not statistics.is_visible()
    group.locator("summary").click()
    assert statistics.is_visible()
    statistics.click()
    assert page.url.endswith("/statistics/")
    page.close()


@pytest.mark.parametrize("url", ["/", "/zh-tw/", "/zh-tw/programs/older-volunteers/"])
def test_on_a_phone_the_menu_is_a_button_that_works_without_javascript(server, no_script, url):
    page = no_script(PHONE)
    page.goto(server + url)
    header = page.locator("header.site-header").bounding_box()
    assert header["height"] <= 0.12 * PHONE["height"], f"the header is {header['height']}px high"
    button = page.locator(".site-menu > summary")
    assert button.is_visible()
    box = button.bounding_box()
    assert box["y"] + box["height"] <= header["height"], "the button is in the header's bar"
    links = page.locator("nav.main-nav a")
    assert not any(links.nth(i).is_visible() for i in range(links.count()))
    assert not page.locator(".header-search input").is_visible()
    button.click()
    assert all(links.nth(i).is_visible() for i in range(links.count())), \
        "open, the menu lists every section, grouped ones included"
    assert page.locator(".header-search input").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    button.click()
    assert not links.first.is_visible()
    page.close()


def test_every_page_has_a_search_field_in_its_header_that_searches_the_site(site, server,
                                                                             browser):
    missing = []
    for path in site.html_files():
        soup = site.soup(path)
        form = soup.select_one("header form[role=search]")
        field = form and form.select_one("input[type=search][name=q]")
        label = field and form.find("label", attrs={"for": field.get("id")})
        if not (field and label and label.get_text(strip=True)):
            missing.append(site.url_of(path))
            continue
        expected = "/zh-tw/search/" if soup.html["lang"].startswith("zh") else "/search/"
        if form["action"] != expected or form.get("method") != "get":
            missing.append(site.url_of(path))
    assert not missing, f"{len(missing)} pages without a working header search: {missing[:5]}"
    page = browser.new_page(viewport=WIDE)
    page.goto(server + "/news/")
    page.fill("header input[name=q]", "marathon")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url("**/search/?q=marathon")
    assert page.input_value("#search-q") == "marathon", "the search page takes the query"
    page.close()


@pytest.mark.parametrize("url", ["/", "/zh-tw/search/", "/search/opportunities/",
                                 "/zh-tw/search/opportunities/"])
@pytest.mark.parametrize("viewport", [PHONE, WIDE], ids=["phone", "wide"])
def test_form_controls_are_44px_targets_with_16px_text(server, browser, url, viewport):
    page = browser.new_page(viewport=viewport)
    page.goto(server + url)
    if "search" in url:
        page.wait_for_selector("form[data-search-form]:not([hidden])")
        if "opportunities" in url:
            page.wait_for_selector("[data-search-filters] select")
    page.evaluate("document.querySelectorAll('.site-menu').forEach(d => d.open = true)")
    controls = page.evaluate("""() => [...document.querySelectorAll(
            'input, select, button, textarea, summary')]
        .filter(el => el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden')
        .map(el => { const box = el.getBoundingClientRect();
            return {what: el.outerHTML.slice(0, 80), type: el.type || el.tagName,
                    width: box.width, height: box.height,
                    font: parseFloat(getComputedStyle(el).fontSize)}; })""")
    assert controls
    small = [c for c in controls if c["type"] not in ("checkbox", "radio")
             and (c["height"] < 44 or c["width"] < 44 or c["font"] < 16)]
    boxes = [c for c in controls if c["type"] in ("checkbox", "radio")
             and (c["height"] < 24 or c["width"] < 24)]
    assert not small and not boxes, small + boxes
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    page.close()


def test_the_home_page_says_what_to_do_and_leaves_the_sources_to_about(site):
    for url, about in (("/", "/about/"), ("/zh-tw/", "/zh-tw/about/")):
        home = site.page(url)
        h1 = home.select_one("main h1").get_text(strip=True)
        brand = home.select_one(".brand").get_text(strip=True)
        assert h1 != brand and brand not in h1
        headings = [h.get_text(strip=True) for h in home.select("main h2")]
        assert not {"Sources", "資料來源"} & set(headings), headings
        assert home.select_one("main a.button[href$='/opportunities/']")
        tiles = home.select(".tile-list a.tile")
        assert 4 <= len(tiles) <= 8
        assert all("/opportunities/cause/" in a["href"] for a in tiles)
        assert home.select_one(f"main a[href='{url}international/']")
        assert len(home.select(".latest-news .card")) == 3
        sources = site.page(about).find(["h2"], string=["Sources", "資料來源"])
        assert "76,230" in home.get_text() and "2020" in sources.find_next("ul").get_text()


def test_cause_tiles_count_the_roles_their_listing_shows(site):
    for tile in site.page("/").select(".tile-list a.tile"):
        listing = site.page(tile["href"])
        shown = listing.select_one(".result-count").get_text(" ", strip=True)
        number = tile.select_one(".tile-count").get_text().split()[0]
        assert number in shown.split(), (tile["href"], number, shown)
