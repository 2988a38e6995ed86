"""Search benchmark: Pagefind index size, bytes a browser fetches for a first query and for a
filtered query, query time in headless Chromium, and the Algolia record count. Figures only.

    .venv/bin/python bench/bench_search.py                 # the sample site
    .venv/bin/python bench/bench_search.py --records 10000 # a 10,000-opportunity feed
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import os
import subprocess
import sys
import threading
import time
from datetime import date
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from make_feed import make_feed

from make_corpus import ROOT, make_corpus

NOW = "2026-11-28T12:00:00+08:00"


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002
        pass


def build(records: int) -> Path:
    env = {**os.environ, "PORTAL_NOW": NOW}
    if records:
        project = make_corpus(ROOT / "bench" / "out" / f"search-{records}", 0)
        feed = project / "feed.json"
        feed.write_text(json.dumps(make_feed(records, base_date=date(2026, 11, 28)),
                                   ensure_ascii=False), "utf-8")
        env["PORTAL_OPPORTUNITIES_FEED"] = str(feed)
    else:
        project = ROOT
    output = ROOT / "bench" / "out" / f"search-site-{records}"
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py",
                             "-o", str(output)], cwd=project, env=env, capture_output=True,
                            text=True)
    if result.returncode:
        sys.exit(result.stdout[-3000:] + result.stderr[-3000:])
    print(f"build: {time.perf_counter() - started:.1f} s;",
          next((ln for ln in result.stdout.splitlines() if "Pagefind indexed" in ln), ""))
    return output


def measure(output: Path) -> None:
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT / "plugins"))
    from portal.search.records import records_by_language, site_records

    index_bytes = sum(p.stat().st_size for p in (output / "pagefind").rglob("*") if p.is_file())
    files = sum(1 for p in (output / "pagefind").rglob("*") if p.is_file())
    grouped = records_by_language(site_records(output))
    pages = {lang: len({r["page_id"] for r in recs}) for lang, recs in grouped.items()}
    print(f"pagefind bundle: {index_bytes / 1e6:.1f} MB in {files} files")
    print("algolia records:", {lang: len(recs) for lang, recs in grouped.items()},
          "pages:", pages)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(output)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    cases = [("first query (en)", "/search/?q=elderly"),
             ("first query (zh)", "/zh-tw/search/?q=" + "%E9%95%B7%E8%80%85"),
             ("filtered opportunity query (en)",
              "/search/opportunities/?q=volunteer&english=Yes&district=Da%27an&sort=deadline")]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                             args=["--no-sandbox"])
        for label, url in cases:
            page = browser.new_page()
            sizes: dict[str, int] = {}

            def seen(response, sizes=sizes):
                if "/pagefind/" in response.url:
                    with contextlib.suppress(Exception):  # a response without a body
                        sizes[response.url] = len(response.body())

            page.on("response", seen)
            page.goto(base + url.split("?")[0])
            page.wait_for_selector("[data-search-form]:not([hidden])", timeout=60_000)
            sizes.clear()
            started = time.perf_counter()
            page.goto(base + url)
            page.wait_for_selector("[data-search-done]", state="attached", timeout=60_000)
            first = time.perf_counter() - started
            first_bytes = sum(sizes.values())
            # The same page, a second query once everything is loaded: the query time itself.
            started = time.perf_counter()
            page.evaluate("""() => { const i = document.querySelector('[data-search-input]');
                i.value = i.value + ' taipei'; i.form.requestSubmit(); }""")
            page.wait_for_function("document.querySelector('[data-search]').dataset.searchDone"
                                   " !== '1'", timeout=60_000)
            again = time.perf_counter() - started
            print(f"{label}: {first_bytes / 1024:.0f} KiB of /pagefind/ in "
                  f"{len(sizes)} requests, page+query {first * 1000:.0f} ms; "
                  f"next query {again * 1000:.0f} ms")
            page.close()
        browser.close()
    httpd.shutdown()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=0,
                        help="synthetic opportunities (0: the sample feed)")
    args = parser.parse_args()
    measure(build(args.records))


if __name__ == "__main__":
    main()
