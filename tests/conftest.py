"""Shared fixtures: the real site built once per session, served on loopback, and a browser."""

from __future__ import annotations

import copy
import functools
import json
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from datetime import datetime
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
#: The public address, as the default build uses it (a test build shows no "localhost").
SITEURL = "https://volunteer.example.taipei"
#: Every test build happens at this moment, so deadlines and expiry are reproducible.
BUILD_NOW = "2026-11-28T12:00:00+08:00"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
PROJECT_PARTS = ("content", "theme", "plugins", "data", "memory_archive", "pelicanconf.py",
                 "publishconf.py")


def run_build(project: Path, output: Path, settings: str = "pelicanconf.py",
              *extra: str, env: dict | None = None, state: Path | None = None
              ) -> subprocess.CompletedProcess:
    """Build ``project`` with the real Pelican command line, as `make html` does.

    The feed's last-good copy and import report live in ``state`` (default: beside
    ``output``), so test builds never share them with each other or with a developer's."""
    state = state or output.parent / f"{output.name}-state"
    environment = {key: value for key, value in os.environ.items()
                   if key != "PORTAL_OPPORTUNITIES_FEED"}
    environment.update({"PORTAL_SITEURL": SITEURL, "PORTAL_NOW": BUILD_NOW, **(env or {})})
    overrides = [f"PORTAL_FEED_CACHE_DIR={json.dumps(str(state / 'cache'))}",
                 f"PORTAL_FEED_REPORT={json.dumps(str(state / 'report.json'))}",
                 f"PORTAL_BUILD_CACHE_DIR={json.dumps(str(state / 'build'))}"]
    return subprocess.run(
        [sys.executable, "-m", "pelican", "content", "-s", settings, "-o", str(output),
         "-e", *overrides, *extra],
        cwd=project, capture_output=True, text=True, env=environment, timeout=900,
    )


def copy_project(destination: Path) -> Path:
    """A throwaway copy of the site's sources, for tests that change content or settings."""
    destination.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, destination / part,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        elif source.exists():
            shutil.copy2(source, destination / part)
    return destination


def build_with_edit(project: Path, output: Path, relative: str, old: str, new: str
                    ) -> tuple[subprocess.CompletedProcess, int]:
    """Build ``project`` with ``old`` replaced by ``new`` in one file, as an editor's slip;
    the file is restored afterwards. Returns the result and the line ``old`` started on."""
    path = project / relative
    original = path.read_text(encoding="utf-8")
    line = original[:original.index(old)].count("\n") + 1
    path.write_text(original.replace(old, new, 1), encoding="utf-8")
    try:
        return run_build(project, output), line
    finally:
        path.write_text(original, encoding="utf-8")


@dataclass
class BuiltSite:
    """The output folder of a build, with parsed pages cached."""

    output: Path
    log: str = ""
    parsed: dict[Path, BeautifulSoup] = field(default_factory=dict)

    @property
    def report(self) -> dict:
        """The feed import report written by this build."""
        return json.loads((self.output.parent / f"{self.output.name}-state" / "report.json")
                          .read_text("utf-8"))

    def html_files(self) -> list[Path]:
        return sorted(self.output.rglob("*.html"))

    def soup(self, path: Path) -> BeautifulSoup:
        """The parsed page (a fresh copy, so a test may change it freely)."""
        if path not in self.parsed:
            self.parsed[path] = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        return copy.copy(self.parsed[path])

    def page(self, url_path: str) -> BeautifulSoup:
        return self.soup(self.file_for(url_path))

    def file_for(self, url_path: str) -> Path:
        """The file a static server sends for a root-relative or absolute URL path."""
        if url_path.startswith(SITEURL):
            url_path = url_path[len(SITEURL):]
        path = url_path.split("#", 1)[0].split("?", 1)[0].lstrip("/")
        target = self.output / path
        if path == "" or path.endswith("/") or target.is_dir():
            target = target / "index.html"
        return target

    def url_of(self, path: Path) -> str:
        relative = path.relative_to(self.output).as_posix()
        return "/" + (relative[: -len("index.html")] if relative.endswith("index.html")
                      else relative)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> BuiltSite:
    output = tmp_path_factory.mktemp("site") / "output"
    result = run_build(ROOT, output)
    assert result.returncode == 0, result.stdout + result.stderr
    return BuiltSite(output, log=result.stdout + result.stderr)


@pytest.fixture(scope="session")
def server(site):
    """The built site on a loopback port, as `make serve` would serve it."""
    handler = functools.partial(QuietHandler, directory=str(site.output))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - signature of the base class
        pass


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing: run tests/ensure_system_tools.sh")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run",
                  "--disable-quic"],
        )
        yield instance
        instance.close()


def language_table() -> list[dict]:
    sys.path.insert(0, str(ROOT))
    try:
        import pelicanconf
    finally:
        sys.path.pop(0)
    return pelicanconf.PORTAL_LANGUAGES


def language_of_path(url_path: str) -> dict:
    """The language row whose URL prefix starts ``url_path`` (the default row otherwise)."""
    table = language_table()
    for row in table[1:]:
        if url_path.lstrip("/").startswith(row["prefix"] + "/") or \
                url_path.strip("/") == row["prefix"]:
            return row
    return table[0]


def sample_pages(site: BuiltSite, per_kind: int = 3) -> list[Path]:
    """Up to ``per_kind`` pages of every (template, language, fallback) combination."""
    buckets: dict[tuple, list[Path]] = {}
    for path in site.html_files():
        soup = site.soup(path)
        body = soup.body
        fallback = soup.find("article", attrs={"lang": True}) is not None
        key = (body.get("data-template"), soup.html.get("lang"), fallback)
        buckets.setdefault(key, []).append(path)
    chosen = []
    for paths in buckets.values():
        step = max(1, len(paths) // per_kind)
        chosen.extend(paths[::step][:per_kind])
    return sorted(chosen)


def closed_for_users(record: dict) -> bool:
    """When a user must not find a role in any listing, read straight from a normalised record
    (as published in opportunities.json)."""
    now = datetime.fromisoformat(BUILD_NOW)

    def passed(value: str | None) -> bool:
        return bool(value) and datetime.fromisoformat(value) < now

    application = record["application"]
    sessions = record["schedule"].get("sessions")
    return (record["status"] in ("full", "closed", "cancelled")
            or application.get("positions_remaining") == 0
            or passed(record.get("expires_at"))
            or (passed(application.get("deadline")) and not application.get("until_filled"))
            or bool(sessions and all(passed(s["end"]) for s in sessions)))
