"""`portal i18n status` counts on a tree with known gaps, `portal new` files that pass `check`
and build, and `portal serve` on loopback reloading after a change."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from cli_helpers import portal
from conftest import copy_project


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return copy_project(tmp_path_factory.mktemp("editing"))


def status(project) -> dict:
    result = portal(project, "i18n", "status", "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_i18n_status_counts_match_known_gaps(project):
    before = status(project)["counts"]
    pages = project / "content"
    # One missing translation, one outdated, one machine-translated.
    (pages / "zh-tw" / "pages" / "accessibility.md").unlink()
    source = pages / "en" / "pages" / "contact.md"
    source.write_text(source.read_text(encoding="utf-8") + "\nA new sentence.\n", "utf-8")
    about = pages / "zh-tw" / "pages" / "about.md"
    head, _, body = about.read_text(encoding="utf-8").partition("\n\n")
    about.write_text(head + "\nMachine-Translated: yes\n\n" + body, "utf-8")
    after = status(project)
    zh = after["counts"]["pages"]["zh-TW"]
    was = before["pages"]["zh-TW"]
    assert zh["missing"] == was["missing"] + 1
    assert zh["outdated"] == was["outdated"] + 1
    assert zh["machine"] == was["machine"] + 1
    assert zh["translated"] == was["translated"] - 3  # accessibility, contact, about
    gaps = {(g["id"], g["language"]): g for g in after["gaps"]}
    assert gaps[("accessibility", "zh-TW")]["file"] == "content/zh-tw/pages/accessibility.md"
    assert gaps[("contact", "zh-TW")]["state"] == "outdated"
    assert "portal i18n stamp content/zh-tw/pages/contact.md" in \
        gaps[("contact", "zh-TW")]["action"]
    assert {"archive", "timeline", "news", "programs", "history"} <= set(after["counts"])
    table = portal(project, "i18n", "status")
    assert table.returncode == 0 and "accessibility" in table.stdout


def test_new_creates_files_that_pass_check_and_build(project, tmp_path):
    created = []
    for kind, title in (("page", "Volunteering with your family"),
                        ("news", "Winter clean-up day"),
                        ("program", "Neighbourhood reading volunteers"),
                        ("archive-item", "Reading club founded")):
        result = portal(project, "new", kind, "--lang", "en", "--title", title)
        assert result.returncode == 0, result.stdout + result.stderr
        created += re.findall(r"^(\S+): ", result.stdout, re.M)
    assert "content/en/pages/volunteering-with-your-family.md" in created
    assert "content/zh-tw/pages/volunteering-with-your-family.md" in created
    assert "memory_archive/reading-club-founded/item.yml" in created
    stub = (project / "content/zh-tw/pages/volunteering-with-your-family.md").read_text("utf-8")
    assert "Status: draft" in stub and "Translated-From: en" in stub
    again = portal(project, "new", "page", "--title", "Volunteering with your family")
    assert again.returncode == 1 and "already exists" in again.stderr
    clash = portal(project, "new", "page", "--title", "Statistics")
    assert clash.returncode == 1 and "/statistics/ is already used" in clash.stderr
    check = portal(project, "check")
    assert " 0 errors" in " " + check.stdout.splitlines()[-1], check.stdout
    output = tmp_path / "out"
    build = portal(project, "build", "-q", "-o", str(output))
    assert build.returncode == 0, build.stdout + build.stderr
    english = output / "volunteering-with-your-family" / "index.html"
    chinese = output / "zh-tw" / "volunteering-with-your-family" / "index.html"
    assert english.exists() and chinese.exists()
    # The stub is a draft: the Chinese address shows the English page, marked as English.
    assert 'lang="en"' in chinese.read_text("utf-8")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback
        return response.read().decode("utf-8")


def test_serve_answers_on_loopback_and_reloads_after_a_change(tmp_path):
    project = copy_project(tmp_path / "serve")
    port = free_port()
    import os

    from conftest import BUILD_NOW
    env = {**os.environ, "PORTAL_NOW": BUILD_NOW}
    process = subprocess.Popen([sys.executable, "-m", "portal.cli", "serve", "--port",
                                str(port), "-o", str(tmp_path / "out")], cwd=project, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 240
        page = None
        while time.monotonic() < deadline:
            try:
                page = fetch(base + "/about/")
                break
            except OSError:
                time.sleep(0.5)
        assert page is not None, "the preview server never answered"
        assert '<script src="/__portal/livereload.js"></script>' in page
        built = (tmp_path / "out" / "about" / "index.html").read_text("utf-8")
        assert "livereload" not in built, "the built page itself must stay script-free"
        assert "location.reload" in fetch(base + "/__portal/livereload.js")
        version = fetch(base + "/__portal/version")
        about = project / "content" / "en" / "pages" / "about.md"
        about.write_text(about.read_text("utf-8") + "\nA sentence added while previewing.\n",
                         "utf-8")
        while time.monotonic() < deadline:
            if fetch(base + "/__portal/version") != version:
                break
            time.sleep(0.5)
        assert fetch(base + "/__portal/version") != version, "no reload signal"
        assert "A sentence added while previewing." in fetch(base + "/about/")
    finally:
        process.terminate()
        try:
            log = process.communicate(timeout=10)[0]
        except subprocess.TimeoutExpired:
            process.kill()
            log = process.communicate()[0]
    assert f"http://127.0.0.1:{port}/" in log, "bound to loopback by default"
