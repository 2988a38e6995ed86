"""Search: golden queries in both languages against the built site with Pagefind in headless
Chromium, the search-record model, and the Algolia path (the real client against a loopback
server that answers like Algolia's REST API)."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import quote

import pytest

from conftest import ROOT, closed_for_users, run_build
from portal.cli import main as portal
from portal.search.algolia import index_settings
from portal.search.records import records_by_language, site_records


def search(browser, server, url: str) -> list[dict]:
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(server + url)
    page.wait_for_selector("[data-search-done]", state="attached", timeout=20_000)
    results = [{"url": item.query_selector("a").get_attribute("href"),
                "title": item.query_selector("a").inner_text(),
                "facts": item.query_selector(".search-result-facts").inner_text()}
               for item in page.query_selector_all(".search-result")]
    status = page.inner_text("[data-search-status]")
    page.close()
    assert not errors, errors
    assert status
    return results


GOLDEN = [
    # (search page, query, must return (URL parts), must not return)
    ("/search/", "elderly", ["zhongshan-lunch-club-0123", "senior-smartphone"],
     ["beach-cleanup", "tree-planting"]),
    ("/search/", "beach clean-up", ["shimen-beach-cleanup-0145", "tamsui-beach-cleanup-0095"],
     ["lunch-club", "senior-smartphone"]),
    ("/zh-tw/search/", "長者", ["neihu-lunch-club-0044", "wenshan-lunch-club-0089"],
     ["riverside-cleanup", "community-garden", "disaster-drill"]),
    ("/zh-tw/search/", "淨灘", ["shimen-beach-cleanup-0145"], ["lunch-club", "riverside"]),
    ("/zh-tw/search/", "企業志工", ["xinyi-festive-meal-packing-0042",
                                  "shilin-festive-meal-packing-0110"], ["lunch-club"]),
    ("/zh-tw/search/", "大安區", ["daan-sign-language-support-0050"], ["xinyi-", "beitou-"]),
]


@pytest.mark.parametrize(("where", "query", "wanted", "unwanted"), GOLDEN,
                         ids=[g[1] for g in GOLDEN])
def test_golden_queries(browser, server, where, query, wanted, unwanted):
    results = search(browser, server, f"{where}?q={quote(query)}")
    urls = [r["url"] for r in results]
    for part in wanted:
        assert any(part in url for url in urls), (query, part, urls)
    for part in unwanted:
        assert not any(part in url for url in urls[:10]), (query, part, urls)
    prefix = "/zh-tw/" if where.startswith("/zh-tw/") else "/"
    assert all(url.startswith(prefix) for url in urls)
    if prefix == "/zh-tw/":
        assert "/zh-tw/search/" not in urls and all("繁體中文" in r["facts"] for r in results)


def test_a_query_for_elders_does_not_rank_village_chief_pages_first(browser, server, site):
    """長者 (elders) must not put roles that only mention 里長 (village chief) on top."""
    results = search(browser, server, "/zh-tw/search/?q=" + quote("長者"))
    assert results
    top = site.page(results[0]["url"]).main.get_text()
    assert "長者" in results[0]["title"] and "長者" in top
    for result in results[:3]:
        text = site.page(result["url"]).main.get_text()
        assert "長者" in text, result


def test_results_show_type_language_and_status(browser, server):
    results = search(browser, server, "/search/?q=" + quote("beach clean-up"))
    assert "Opportunity" in results[0]["facts"] and "English" in results[0]["facts"]
    assert "Open" in results[0]["facts"]


def test_english_friendly_roles_in_daan_by_filter(browser, server, site):
    feed = json.loads((site.output / "opportunities" / "opportunities.json").read_text("utf-8"))
    expected = {f"/opportunities/{r['id']}/" for r in feed["opportunities"]
                if r["suitability"].get("english_friendly") and not closed_for_users(r)
                and any(loc.get("district") == "daan" for loc in r["locations"])}
    assert expected
    results = search(browser, server, "/search/opportunities/?english=Yes&district=Da%27an")
    assert {r["url"] for r in results} == expected


def test_opportunity_search_sorts_by_deadline(browser, server, site):
    results = search(browser, server, "/search/opportunities/?sort=deadline")
    deadlines = []
    for result in results:
        spans = site.page(result["url"]).select("[data-pagefind-sort^='deadline:']")
        deadlines.append(spans[0]["data-pagefind-sort"])
    assert deadlines and deadlines == sorted(deadlines)


def test_search_page_without_javascript_explains_and_links_to_the_static_lists(site):
    page = site.page("/search/opportunities/")
    static = page.select_one("[data-search-static]")
    assert not static.has_attr("hidden")
    assert static.find("a", href="/opportunities/")
    assert page.select_one("[data-search-form]").has_attr("hidden")
    assert page.find("script", src="/theme/js/search.js")
    assert not page.find("script", src=lambda s: s and s.startswith("http"))
    assert not page.select("[style]")


def test_pagefind_bundle_is_served_from_the_site_with_an_index_per_language(site):
    entry = json.loads((site.output / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
    assert set(entry["languages"]) == {"en", "zh-hant-tw"}
    assert (site.output / "pagefind" / "pagefind.js").exists()


def test_listings_navigation_and_notices_are_not_indexed(site):
    assert not site.page("/opportunities/").find(attrs={"data-pagefind-body": True})
    page = site.page("/about/")
    assert page.main.has_attr("data-pagefind-body")
    assert page.select_one("nav.breadcrumbs").has_attr("data-pagefind-ignore")


# -- records and Algolia ------------------------------------------------------------------------


def test_records_are_small_with_page_lang_section_ids(site):
    records = list(site_records(site.output))
    grouped = records_by_language(records)
    assert set(grouped) == {"en", "zh-TW"}
    for record in records:
        size = len(json.dumps(record, ensure_ascii=False).encode("utf-8"))
        assert size < 10_000, record["objectID"]
        page_id, lang, section = record["objectID"].rsplit(":", 2)
        assert page_id == record["page_id"] and lang == record["lang"] and section.isdigit()
    ids = [r["objectID"] for r in records]
    assert len(ids) == len(set(ids))
    kinds = {r["type"] for r in records}
    assert {"page", "news", "programme", "opportunity", "archive-item", "sdg"} <= kinds


def test_index_settings_declare_facets_distinct_and_chinese():
    zh, en = index_settings("zh-TW"), index_settings("en")
    assert zh["indexLanguages"] == zh["queryLanguages"] == ["zh"]
    assert en["queryLanguages"] == ["en"]
    assert zh["attributeForDistinct"] == "page_id" and zh["distinct"] is True
    assert "searchable(district)" in zh["attributesForFaceting"]


class FakeAlgolia(BaseHTTPRequestHandler):
    """Answers like Algolia's REST API for what replace_all_objects and set_settings call."""

    received: dict
    reject = False

    def log_message(self, format, *args):  # noqa: A002
        pass

    def _answer(self, status: int, body: dict) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _handle(self) -> None:
        store = self.server.received
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length) or b"{}") if length else {}
        store["keys"].add(self.headers.get("x-algolia-api-key"))
        store["calls"].append((self.command, self.path.split("?")[0]))
        if self.server.reject:
            self._answer(403, {"message": "Invalid Application-ID or API key", "status": 403})
            return
        parts = self.path.split("?")[0].strip("/").split("/")
        if self.command == "GET" and "task" in parts:
            self._answer(200, {"status": "published", "pendingTask": False})
            return
        index = parts[2] if len(parts) > 2 else ""
        indices = store["indices"]
        if parts[-1] == "settings":
            indices.setdefault(index, {"records": {}, "settings": {}})["settings"] = body
        elif parts[-1] == "batch":
            target = indices.setdefault(index, {"records": {}, "settings": {}})
            for request in body["requests"]:
                target["records"][request["body"]["objectID"]] = request["body"]
        elif parts[-1] == "operation":
            source = indices.get(index, {"records": {}, "settings": {}})
            destination = indices.setdefault(body["destination"], {"records": {}, "settings": {}})
            if body["operation"] == "copy":
                destination["settings"] = dict(source["settings"])
            else:
                indices[body["destination"]] = indices.pop(index)
        elif self.command == "DELETE":
            indices.pop(index, None)
        self._answer(200, {"taskID": 1, "updatedAt": "2026-11-28T04:00:00Z",
                           "objectIDs": [], "createdAt": "2026-11-28T04:00:00Z"})

    do_GET = do_POST = do_PUT = do_DELETE = _handle


@pytest.fixture
def fake_algolia():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), FakeAlgolia)
    httpd.received = {"keys": set(), "calls": [], "indices": {}}
    httpd.reject = False
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()


def algolia_env(monkeypatch, server, key="admin-key-for-tests"):
    monkeypatch.setenv("ALGOLIA_APP_ID", "TESTAPP")
    monkeypatch.setenv("ALGOLIA_ADMIN_KEY", key)
    monkeypatch.setenv("ALGOLIA_HOSTS", f"http://127.0.0.1:{server.server_address[1]}")
    monkeypatch.chdir(ROOT)


def test_push_sends_every_record_and_the_settings_with_the_admin_key(site, fake_algolia,
                                                                     monkeypatch):
    algolia_env(monkeypatch, fake_algolia)
    assert portal(["search", "push", "-o", str(site.output)]) == 0
    indices = fake_algolia.received["indices"]
    assert set(indices) == {"taipei_volunteers_en", "taipei_volunteers_zh-TW"}
    expected = records_by_language(site_records(site.output))
    assert len(indices["taipei_volunteers_zh-TW"]["records"]) == len(expected["zh-TW"])
    assert indices["taipei_volunteers_zh-TW"]["settings"]["queryLanguages"] == ["zh"]
    assert fake_algolia.received["keys"] == {"admin-key-for-tests"}
    assert ("POST", "/1/indexes/taipei_volunteers_en/operation") in fake_algolia.received["calls"]


def test_push_reports_a_rejected_key_without_a_traceback(site, fake_algolia, monkeypatch,
                                                         capsys):
    algolia_env(monkeypatch, fake_algolia, key="wrong")
    fake_algolia.reject = True
    assert portal(["search", "push", "-o", str(site.output)]) == 1
    err = capsys.readouterr().err
    assert "rejected the key (HTTP 403)" in err and "Traceback" not in err


def test_push_without_credentials_says_what_to_set(site, monkeypatch, capsys):
    monkeypatch.delenv("ALGOLIA_APP_ID", raising=False)
    monkeypatch.delenv("ALGOLIA_ADMIN_KEY", raising=False)
    monkeypatch.chdir(ROOT)
    assert portal(["search", "push", "-o", str(site.output)]) == 1
    assert "ALGOLIA_APP_ID and ALGOLIA_ADMIN_KEY not set" in capsys.readouterr().err


def test_dry_run_writes_records_and_settings_and_sends_nothing(site, tmp_path, monkeypatch):
    monkeypatch.setenv("ALGOLIA_HOSTS", "http://127.0.0.1:9")
    monkeypatch.chdir(ROOT)
    assert portal(["search", "push", "-o", str(site.output), "--dry-run", str(tmp_path)]) == 0
    records = json.loads((tmp_path / "taipei_volunteers_en.records.json").read_text("utf-8"))
    settings = json.loads((tmp_path / "taipei_volunteers_zh-TW.settings.json").read_text())
    assert records and settings["indexLanguages"] == ["zh"]


def test_algolia_build_uses_the_search_key_and_never_writes_the_admin_key(tmp_path):
    output = tmp_path / "output"
    admin = "ADMIN-KEY-MUST-NOT-LEAK-7f3a9c"
    result = run_build(ROOT, output, env={"ALGOLIA_APP_ID": "TESTAPP",
                                          "ALGOLIA_SEARCH_KEY": "public-search-key",
                                          "ALGOLIA_ADMIN_KEY": admin})
    assert result.returncode == 0, result.stderr
    config = json.loads(
        (output / "search" / "index.html").read_text("utf-8")
        .split('<script type="application/json" id="search-config">')[1].split("</script>")[0])
    assert config["backend"] == "algolia" and config["algolia"]["searchKey"] == "public-search-key"
    assert config["algolia"]["index"] == "taipei_volunteers_en"
    for path in output.rglob("*"):
        if path.is_file():
            assert admin.encode() not in path.read_bytes(), path
    assert not (output / "pagefind").exists()
