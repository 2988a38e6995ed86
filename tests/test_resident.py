"""Rebuilds in a build process that stays up (`portal build --resident`, behind `portal serve`):
after each kind of edit, the site it leaves is byte for byte what a clean build of the same
sources makes; an editor's mistake fails the rebuild and leaves the site as it was; and the
next save after the fix builds the right site again."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_incremental import assert_same_site, edit_feed, edit_markdown, tree

from conftest import BUILD_NOW, SITEURL, copy_project, run_build


class Builder:
    """A resident builder on a project: ``build()`` asks for a rebuild and waits for it."""

    def __init__(self, project: Path, output: Path) -> None:
        env = {**os.environ, "PORTAL_NOW": BUILD_NOW, "PORTAL_SITEURL": SITEURL}
        env.pop("PORTAL_OPPORTUNITIES_FEED", None)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "portal.cli", "build", "--resident", "-o", str(output)],
            cwd=project, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True)
        self.first = self._status()

    def _status(self) -> str:
        for line in self.process.stdout:
            if line.startswith("portal-build:"):
                return line.split()[1]
        raise AssertionError("the builder stopped: " + self.process.stderr.read()[-3000:])

    def build(self) -> str:
        self.process.stdin.write("build\n")
        self.process.stdin.flush()
        return self._status()

    def close(self) -> str:
        if not self.process.stdin.closed:
            self.process.stdin.close()
        self.process.wait(timeout=120)
        return self.process.stderr.read()


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return copy_project(tmp_path_factory.mktemp("resident") / "project")


@pytest.fixture(scope="module")
def builder(project, tmp_path_factory):
    output = tmp_path_factory.mktemp("resident-out") / "output"
    started = Builder(project, output)
    yield started, output
    started.close()


def clean_build(project: Path, tmp_path: Path) -> Path:
    clean = tmp_path / "clean"
    result = run_build(project, clean, "pelicanconf.py", "PORTAL_SEARCH_INDEX=false")
    assert result.returncode == 0, result.stderr[-3000:]
    return clean


def test_the_first_build_and_a_rebuild_without_changes(builder, project, tmp_path):
    resident, output = builder
    assert resident.first == "ok"
    before = {path: path.stat().st_mtime_ns for path in output.rglob("*") if path.is_file()}
    assert resident.build() == "ok"
    after = {path: path.stat().st_mtime_ns for path in output.rglob("*") if path.is_file()}
    assert after == before, "a rebuild with nothing changed wrote files"
    assert_same_site(output, clean_build(project, tmp_path))


def test_feed_edits_rebuild_to_exactly_the_clean_site(builder, project, tmp_path):
    resident, output = builder
    changed = edit_feed(project)  # a retitled record in another district, one record gone
    assert resident.build() == "ok"
    page = (output / "opportunities" / changed["edited"] / "index.html").read_text("utf-8")
    assert "edited for the incremental test" in page
    assert not (output / "opportunities" / changed["removed"]).exists()
    assert_same_site(output, clean_build(project, tmp_path))


def test_a_record_added_and_the_feed_header_changed(builder, project, tmp_path):
    resident, output = builder
    path = project / "data" / "opportunities.sample.json"
    feed = json.loads(path.read_text("utf-8"))
    copy = json.loads(json.dumps(feed["opportunities"][0]))
    copy["id"] = "resident-test-copy"
    copy["title"]["en"] = "A copied record for the resident builder test"
    feed["opportunities"].insert(3, copy)
    path.write_text(json.dumps(feed, ensure_ascii=False, indent=1), "utf-8")
    assert resident.build() == "ok"
    assert (output / "opportunities" / "resident-test-copy" / "index.html").exists()
    assert_same_site(output, clean_build(project, tmp_path))

    feed["generated_at"] = "2026-11-28T09:30:00+08:00"
    path.write_text(json.dumps(feed, ensure_ascii=False, indent=2), "utf-8")
    assert resident.build() == "ok"
    assert_same_site(output, clean_build(project, tmp_path))


def test_markdown_and_menu_title_edits(builder, project, tmp_path):
    resident, output = builder
    edit_markdown(project, "content/en/news/international-volunteer-day-2026.md",
                  "It is a day to thank volunteers", "It is the day to thank volunteers")
    edit_markdown(project, "content/zh-tw/pages/about.md", "Nav-Title: ", "Nav-Title: （改）")
    assert resident.build() == "ok"
    assert "（改）" in (output / "zh-tw" / "opportunities" / "index.html").read_text("utf-8")
    assert_same_site(output, clean_build(project, tmp_path))


def test_a_mistake_fails_the_rebuild_and_the_fix_builds_again(builder, project, tmp_path):
    resident, output = builder
    site = tree(output)
    path = project / "data" / "opportunities.sample.json"
    good = path.read_text("utf-8")
    path.write_text(good[: len(good) // 2], "utf-8")  # a truncated feed, no last good copy
    about = project / "content" / "en" / "pages" / "about.md"
    good_about = about.read_text("utf-8")
    about.write_text(good_about.replace("Title:", "Titel:", 1), "utf-8")
    assert resident.build() == "failed"
    assert tree(output) == site, "a failed rebuild changed the site"
    path.write_text(good, "utf-8")
    about.write_text(good_about, "utf-8")
    assert resident.build() == "ok"
    assert_same_site(output, clean_build(project, tmp_path))


def test_an_archive_item_edited(builder, project, tmp_path):
    resident, output = builder
    item = project / "memory_archive" / "act-amendment-2013" / "item.yml"
    text = item.read_text("utf-8")
    lines = text.splitlines()
    english = next(index for index, line in enumerate(lines) if line.strip().startswith("en:"))
    lines[english] = lines[english].rstrip().rstrip('"') + ' (edited while previewing)"' \
        if lines[english].rstrip().endswith('"') else lines[english] + " (edited while previewing)"
    item.write_text("\n".join(lines) + "\n", "utf-8")
    assert resident.build() == "ok"
    page = (output / "archive" / "items" / "act-amendment-2013" / "index.html").read_text("utf-8")
    assert "(edited while previewing)" in page
    assert_same_site(output, clean_build(project, tmp_path))


def test_when_the_builder_stops_it_leaves_a_manifest_for_the_next_build(builder, project):
    # Caches and the manifest are saved when the builder stops; a plain build after it then
    # finds every page up to date, and indexes for search the pages the preview changed
    # (its rebuilds do not index).
    resident, output = builder
    resident.close()
    env = {**os.environ, "PORTAL_NOW": BUILD_NOW, "PORTAL_SITEURL": SITEURL}
    env.pop("PORTAL_OPPORTUNITIES_FEED", None)
    result = subprocess.run([sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py",
                             "-o", str(output)],
                            cwd=project, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Build: 0 files made" in result.stdout, result.stdout[-2000:]
    assert "Search: Pagefind indexed" in result.stdout, "the preview's changes were not indexed"
