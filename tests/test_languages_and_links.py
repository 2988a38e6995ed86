"""Languages, translation links, hreflang, the sitemap and internal links on the built site."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

from conftest import SITEURL, language_of_path, language_table

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def neutral(url_path: str) -> str:
    """A URL path without its language prefix, to compare the same page across languages."""
    row = language_of_path(url_path)
    path = url_path.lstrip("/")
    return path[len(row["prefix"]) + 1:] if row["prefix"] else path


def test_home_pages_are_english_and_chinese_and_link_to_each_other(site):
    english = site.page("/")
    chinese = site.page("/zh-tw/")
    assert english.html["lang"] == "en"
    assert chinese.html["lang"] == "zh-Hant-TW"
    assert english.find("a", attrs={"hreflang": "zh-TW", "href": "/zh-tw/"})
    assert chinese.find("a", attrs={"hreflang": "en", "href": "/"})
    assert "志工" in chinese.h1.get_text()


def test_every_page_declares_the_language_of_its_folder(site):
    for path in site.html_files():
        url = site.url_of(path)
        expected = language_of_path(url)["html_lang"]
        assert site.soup(path).html.get("lang") == expected, url


def test_switcher_on_every_page_goes_to_the_same_page_in_each_language(site):
    codes = {row["hreflang"] for row in language_table()}
    for path in site.html_files():
        url = site.url_of(path)
        switcher = site.soup(path).select(".language-switcher a")
        assert {a["hreflang"] for a in switcher} == codes, url
        for link in switcher:
            assert neutral(link["href"]) == neutral(url), (url, link["href"])
            assert site.file_for(link["href"]).exists(), (url, link["href"])


def alternates(soup) -> dict[str, str]:
    return {link["hreflang"]: link["href"]
            for link in soup.select('link[rel="alternate"][hreflang]')}


def test_hreflang_sets_are_absolute_reciprocal_and_resolve_to_the_right_language(site):
    by_hreflang = {row["hreflang"]: row for row in language_table()}
    checked = 0
    for path in site.html_files():
        soup = site.soup(path)
        links = alternates(soup)
        if not links:
            continue
        checked += 1
        url = site.url_of(path)
        assert SITEURL + url in links.values(), f"{url} is missing from its own hreflang set"
        assert links["x-default"].startswith(SITEURL)
        for hreflang, href in links.items():
            assert href.startswith(SITEURL + "/"), href
            target = site.file_for(href)
            assert target.exists(), f"{url}: hreflang {hreflang} -> {href} does not exist"
            target_soup = site.soup(target)
            assert alternates(target_soup) == links, f"{url} and {href} disagree"
            if hreflang != "x-default":
                assert target_soup.html["lang"] == by_hreflang[hreflang]["html_lang"]
    assert checked >= 20


def test_untranslated_page_is_shown_in_its_original_language_with_a_notice(site):
    soup = site.page("/zh-tw/open-data/")
    assert soup.html["lang"] == "zh-Hant-TW"
    notice = soup.select_one(".notice")
    assert notice and "尚未翻譯" in notice.get_text()
    article = soup.find("article")
    assert article["lang"] == "en"
    assert article.h1.get_text() == "Open data"
    assert alternates(soup) == {}, "a fallback page is not part of the hreflang set"
    assert soup.find("link", rel="canonical")["href"] == SITEURL + "/open-data/"
    english = alternates(site.page("/open-data/"))
    assert "zh-TW" not in english and english["en"] == SITEURL + "/open-data/"


def test_sitemap_lists_real_pages_with_reciprocal_alternates(site):
    tree = ET.parse(site.output / "sitemap.xml")
    entries = {}
    for url in tree.getroot().iter(f"{SITEMAP}url"):
        loc = url.find(f"{SITEMAP}loc").text
        entries[loc] = {link.get("hreflang"): link.get("href")
                        for link in url.iter(f"{XHTML}link")}
    assert SITEURL + "/" in entries and SITEURL + "/zh-tw/" in entries
    assert SITEURL + "/zh-tw/open-data/" not in entries
    for loc, links in entries.items():
        assert site.file_for(loc).exists(), loc
        assert loc in links.values(), f"{loc} is not among its own alternates"
        for hreflang, href in links.items():
            if hreflang != "x-default":
                assert entries.get(href) == links, f"{loc} <-> {href} not reciprocal"
        assert alternates(site.page(loc)) == links, f"sitemap and page disagree for {loc}"


def test_no_broken_internal_links_or_fragments(site):
    broken = []
    for path in site.html_files():
        soup = site.soup(path)
        ids = {tag["id"] for tag in soup.find_all(id=True)}
        for tag in soup.find_all(["a", "link", "img", "script", "source"]):
            ref = tag.get("href") or tag.get("src")
            if not ref or ref.startswith(("mailto:", "tel:")):
                continue
            parts = urlsplit(ref)
            if parts.scheme and not ref.startswith(SITEURL):
                continue
            if ref.startswith("#"):
                if ref[1:] not in ids:
                    broken.append(f"{site.url_of(path)}: {ref}")
                continue
            assert ref.startswith(("/", SITEURL)), f"{site.url_of(path)}: relative link {ref}"
            target = site.file_for(ref)
            if not target.exists():
                broken.append(f"{site.url_of(path)}: {ref}")
            elif parts.fragment and target.suffix == ".html":
                target_ids = {t["id"] for t in site.soup(target).find_all(id=True)}
                if parts.fragment not in target_ids:
                    broken.append(f"{site.url_of(path)}: {ref} (no such fragment)")
    assert not broken, "\n".join(broken)


def test_pages_load_nothing_from_other_hosts_and_have_no_inline_script_or_style(site):
    for path in site.html_files():
        soup = site.soup(path)
        url = site.url_of(path)
        assert not soup.find("style"), url
        assert not soup.find(style=True), url
        for script in soup.find_all("script"):
            # Data blocks (JSON-LD, the search page's settings) are not executed.
            assert script.get("src") or script.get("type") in ("application/ld+json",
                                                               "application/json"), url
        for tag in soup.find_all(["link", "script", "img", "iframe", "source"]):
            ref = tag.get("src") or (tag.get("href") if tag.name != "link" or
                                     tag.get("rel") != ["alternate"] and
                                     tag.get("rel") != ["canonical"] else None)
            if ref:
                assert not urlsplit(ref).netloc, f"{url} loads {ref}"
