"""Incremental builds: after a change, a rebuild into the same output folder re-makes only what
the change touches, and the result is byte for byte what a clean build of the same sources
makes; parallel and serial rendering agree; a failed rebuild leaves the site as it was."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import copy_project, run_build

#: Pagefind names its index files by content hashes that differ from run to run even for the
#: same pages, so the bundle is compared by what it covers, not byte for byte.
SEARCH_BUNDLE = "pagefind"


def tree(output: Path) -> dict[str, bytes]:
    return {path.relative_to(output).as_posix(): path.read_bytes()
            for path in sorted(output.rglob("*"))
            if path.is_file() and path.relative_to(output).parts[0] != SEARCH_BUNDLE}


def assert_same_site(incremental: Path, clean: Path) -> None:
    left, right = tree(incremental), tree(clean)
    assert sorted(set(left) - set(right)) == [], "files only in the incremental build"
    assert sorted(set(right) - set(left)) == [], "files missing from the incremental build"
    differing = [name for name in left if left[name] != right[name]]
    assert differing == [], f"{len(differing)} files differ, e.g. {differing[:5]}"


def counts(result) -> dict[str, int]:
    """The build's own summary: files made, kept, written, removed."""
    found = re.search(r"Build: (\d+) files made, (\d+) unchanged and skipped, (\d+) written, "
                      r"(\d+) removed", result.stdout)
    assert found, result.stdout + result.stderr
    return dict(zip(("made", "kept", "written", "removed"), map(int, found.groups()),
                    strict=True))


def built(project: Path, output: Path, *extra: str, env: dict | None = None) -> dict[str, int]:
    result = run_build(project, output, "pelicanconf.py", *extra, env=env)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    return {**counts(result), "indexed": "Search: Pagefind indexed" in result.stdout}


def edit_feed(project: Path) -> dict:
    """One record retitled and moved to another district, one record gone from the feed."""
    path = project / "data" / "opportunities.sample.json"
    feed = json.loads(path.read_text("utf-8"))
    records = feed["opportunities"]
    first = next(r for r in records if r["status"] == "open" and r["locations"][0].get("district"))
    first["title"]["en"] = "Language buddy for newcomers (edited for the incremental test)"
    first["title"]["zh-TW"] = "語言夥伴（增量建置測試修改）"
    first["locations"][0]["district"] = "wanhua" if first["locations"][0]["district"] != \
        "wanhua" else "datong"
    gone = next(r for r in records if r["status"] == "open" and r is not first)
    records.remove(gone)
    path.write_text(json.dumps(feed, ensure_ascii=False, indent=1), "utf-8")
    return {"edited": first["id"], "removed": gone["id"]}


def edit_markdown(project: Path, relative: str, old: str, new: str) -> None:
    path = project / relative
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return copy_project(tmp_path_factory.mktemp("incremental") / "project")


@pytest.fixture(scope="module")
def first_build(project, tmp_path_factory) -> tuple[Path, dict]:
    output = tmp_path_factory.mktemp("incremental-out") / "output"
    return output, built(project, output)


def test_a_rebuild_with_no_change_renders_and_writes_nothing(project, first_build):
    output, first = first_build
    assert first["made"] > 800 and first["kept"] == 0
    before = {path: path.stat().st_mtime_ns for path in output.rglob("*") if path.is_file()}
    again = built(project, output)
    assert again["made"] == 0 and again["written"] == 0 and again["removed"] == 0
    assert again["kept"] == first["made"]
    assert not again["indexed"], "search was re-indexed although no page changed"
    after = {path: path.stat().st_mtime_ns for path in output.rglob("*") if path.is_file()}
    assert after == before


def test_feed_and_markdown_changes_rebuild_to_exactly_the_clean_site(project, first_build,
                                                                      tmp_path):
    output, first = first_build
    changed = edit_feed(project)
    edit_markdown(project, "content/en/news/international-volunteer-day-2026.md",
                  "It is a day to thank volunteers", "It is the day to thank volunteers")
    again = built(project, output)
    # Only the pages that show the edited record or story, and the listings of the removed
    # one, are made again: a small part of the site.
    assert 0 < again["made"] < first["made"] * 0.25, again
    assert again["removed"] >= 2  # the removed record's page in both languages
    assert again["indexed"], "changed pages were not re-indexed for search"
    assert not (output / "opportunities" / changed["removed"]).exists()
    page = (output / "opportunities" / changed["edited"] / "index.html").read_text("utf-8")
    assert "edited for the incremental test" in page

    clean = tmp_path / "clean"
    built(project, clean)
    assert_same_site(output, clean)


def test_a_page_title_in_the_menu_reaches_every_page(project, first_build, tmp_path):
    output, _ = first_build
    edit_markdown(project, "content/zh-tw/pages/about.md", "Nav-Title: ", "Nav-Title: （新）")
    built(project, output)
    clean = tmp_path / "clean"
    built(project, clean)
    assert_same_site(output, clean)
    assert "（新）" in (output / "zh-tw" / "opportunities" / "index.html").read_text("utf-8")


def test_a_page_title_in_the_footer_reaches_every_page(project, first_build, tmp_path):
    """The footer is rendered once per language and shared by every page; the pages that
    show it still depend on the titles it shows."""
    output, _ = first_build
    edit_markdown(project, "content/zh-tw/pages/accessibility.md", "Title: 無障礙聲明",
                  "Title: 無障礙聲明（修訂）")
    again = built(project, output)
    assert again["made"] > 400, again
    clean = tmp_path / "clean"
    built(project, clean)
    assert_same_site(output, clean)
    for page in ("zh-tw/opportunities/index.html", "zh-tw/archive/index.html", "zh-tw/index.html"):
        footer = (output / page).read_text("utf-8").rsplit("<footer", 1)[1]
        assert "無障礙聲明（修訂）" in footer
    assert "無障礙聲明（修訂）" not in (output / "opportunities" / "index.html").read_text("utf-8")


def test_a_file_deleted_from_the_output_is_made_again(project, first_build):
    output, _ = first_build
    page = output / "about" / "index.html"
    expected = page.read_bytes()
    page.unlink()
    again = built(project, output)
    assert again["made"] == 1 and page.read_bytes() == expected


def test_serial_and_parallel_rendering_make_the_same_site(project, tmp_path):
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    built(project, serial, "PORTAL_BUILD_WORKERS=1", "PORTAL_SEARCH_INDEX=false")
    built(project, parallel, "PORTAL_BUILD_WORKERS=2", "PORTAL_SEARCH_INDEX=false")
    assert_same_site(serial, parallel)


def test_a_failed_rebuild_leaves_the_site_and_the_next_build_is_right(project, first_build,
                                                                        tmp_path):
    output, _ = first_build
    before = tree(output)
    story = project / "content" / "en" / "news" / "platform-launch-2019.md"
    original = story.read_text("utf-8")
    story.write_text(original.replace("Date: ", "Date: not-a-date ", 1), "utf-8")
    try:
        result = run_build(project, output)
    finally:
        story.write_text(original, "utf-8")
    assert result.returncode != 0
    assert "platform-launch-2019.md" in result.stdout + result.stderr
    assert tree(output) == before
    built(project, output)
    clean = tmp_path / "clean"
    built(project, clean)
    assert_same_site(output, clean)


def test_a_record_added_to_the_feed_reaches_every_page_that_lists_it(project, first_build,
                                                                     tmp_path):
    # Programme pages find related opportunities while they render: a new record must reach
    # them although they never linked it before.
    output, _ = first_build
    path = project / "data" / "opportunities.sample.json"
    feed = json.loads(path.read_text("utf-8"))
    added = json.loads(json.dumps(feed["opportunities"][0]))
    added["id"] = "added-for-the-incremental-test"
    added["title"]["en"] = "A record added for the incremental test"  # first by title
    feed["opportunities"].insert(2, added)
    path.write_text(json.dumps(feed, ensure_ascii=False, indent=1), "utf-8")
    built(project, output)
    clean = tmp_path / "clean"
    built(project, clean)
    assert_same_site(output, clean)
    assert "/opportunities/added-for-the-incremental-test/" in \
        (output / "programs" / "memory-archive" / "index.html").read_text("utf-8")
