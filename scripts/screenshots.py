"""Screenshots of every template of a built site, in every language, at a phone and a desktop width.

`make screenshots` builds the site and runs this; reviewers then look at the PNG files instead of
setting up a browser. One page per (template, language) pair is chosen from the built output (the
``data-template`` attribute of ``<body>``), served from loopback and photographed full-page with
headless Chromium (Debian's ``chromium``; Chinese needs ``fonts-noto-cjk``).

    .venv/bin/python scripts/screenshots.py [--output output] [--out DIR] [--widths 390 1280]
"""

from __future__ import annotations

import argparse
import functools
import re
import shutil
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

TEMPLATE = re.compile(rb'<body data-template="([^"]+)"')
LANG = re.compile(rb'<html lang="([^"]+)"')
#: Full-page shots taller than this are cut (a 10,000-role listing would make a huge PNG).
MAX_HEIGHT = 6000


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - signature of the base class
        pass


def pages_by_template(output: Path) -> dict[tuple[str, str], Path]:
    """One page per (template, language): the first in path order, which is the shortest URL."""
    chosen: dict[tuple[str, str], Path] = {}
    for path in sorted(output.rglob("*.html"), key=lambda p: (len(p.parts), p.as_posix())):
        head = path.read_bytes()[:4096]
        template, lang = TEMPLATE.search(head), LANG.search(head)
        if template and lang:
            key = (template.group(1).decode(), lang.group(1).decode())
            chosen.setdefault(key, path)
    return chosen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, default=Path("output"), help="the built site")
    parser.add_argument("--out", type=Path, default=Path("screenshots"), help="where PNGs go")
    parser.add_argument("--widths", type=int, nargs="+", default=[390, 1280])
    args = parser.parse_args(argv)
    if not (args.output / "index.html").exists():
        print(f"{args.output}/index.html is missing: build the site first (make html)",
              file=sys.stderr)
        return 2
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).exists():
        print("Chromium is missing: apt-get install chromium fonts-noto-cjk", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    pages = pages_by_template(args.output)
    args.out.mkdir(parents=True, exist_ok=True)
    handler = functools.partial(_Quiet, directory=str(args.output))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    written = 0
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium,
                                                 args=["--no-sandbox", "--disable-gpu"])
            for width in args.widths:
                context = browser.new_context(viewport={"width": width, "height": 900})
                page = context.new_page()
                for (template, lang), path in sorted(pages.items()):
                    url = "/" + path.relative_to(args.output).as_posix()
                    page.goto(base + url.removesuffix("index.html"), wait_until="load")
                    height = min(page.evaluate("document.documentElement.scrollHeight"),
                                 MAX_HEIGHT)
                    target = args.out / f"{template.removesuffix('.html')}.{lang}.{width}.png"
                    page.screenshot(path=str(target), full_page=True,
                                    clip={"x": 0, "y": 0, "width": width, "height": height})
                    written += 1
                context.close()
            browser.close()
    finally:
        httpd.shutdown()
    print(f"{written} screenshots of {len(pages)} pages in {args.out}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
