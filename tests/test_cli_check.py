"""`portal check` on a tree with one of each common mistake: one clear message each, with the
right file and line, sorted like a compiler's, and the right exit code."""

from __future__ import annotations

import re
import shutil

import pytest

from cli_helpers import portal
from conftest import copy_project

LINE = re.compile(r"^(?P<where>[^:]+(?::\d+)?): (?P<severity>error|warning): (?P<message>.+)$")

#: file -> (how to break it, the one line expected for it)
MISTAKES = {
    "content/en/news/bad-date.md": (
        "Title: News\nSummary: Something.\nDate: 2021/13/01\n\nText.\n",
        "content/en/news/bad-date.md:3: error: Date: '2021/13/01' is not a valid date"),
    "content/fr/pages/bonjour.md": (
        "Title: Bonjour\nSummary: Quelque chose.\n\nTexte.\n",
        "content/fr: error: no language uses the folder 'fr'"),
    "content/en/pages/smart-quote.md": (
        "Title: A page\n“Summary”: Something.\n\nText.\n",
        "content/en/pages/smart-quote.md:2: error: field name '“Summary”' contains a "
        "typographic quote"),
    "content/en/pages/statistics.md": (
        "Title: Figures\nSummary: Something.\n\nText.\n",
        "content/en/pages/statistics.md: error: the address /statistics/ is already used by "
        "data/stats.yml"),
    "content/en/pages/broken-link.md": (
        "Title: Links\nSummary: Something.\n\nFirst paragraph.\n\nSee [the guide](/no-such-page/)"
        ".\n",
        "content/en/pages/broken-link.md:6: error: /no-such-page/: there is no page at this "
        "address"),
    "content/en/pages/no-alt.md": (
        "Title: Picture\nSummary: Something.\n\n![](/theme/icons/favicon.svg)\n",
        "content/en/pages/no-alt.md:4: error: the image '/theme/icons/favicon.svg' has no alt "
        "text"),
    "content/zh-tw/pages/ghost.md": (
        "Title: 幽靈\nSummary: 沒有原文。\nTranslated-From: en\nSource-Hash: abc\n\n文字。\n",
        "content/zh-tw/pages/ghost.md:1: error: Translated-From: en, but there is no en "
        "document named 'ghost.md'"),
    "content/en/programs/bad-sdg.md": (
        "Title: P\nSummary: S.\nLead-Agency: A\nSDGs: 3, 18\nStatus: ongoing\nPeriod: 2021\n\nT.\n",
        "content/en/programs/bad-sdg.md:4: error: SDGs: '18' is not a goal number"),
}


def break_timeline_with_a_tab(project) -> int:
    path = project / "data" / "timeline.yml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if line.startswith("    title:"))
    lines[number] = "\t" + lines[number].lstrip(" ")
    path.write_text("".join(lines), encoding="utf-8")
    return number + 1


def break_archive_date(project) -> tuple[str, int]:
    folder = sorted(p for p in (project / "memory_archive").iterdir() if p.is_dir())[0]
    path = folder / "item.yml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if line.startswith("date:"))
    lines[number] = "date: 2001-13-45\n"
    path.write_text("".join(lines), encoding="utf-8")
    return f"memory_archive/{folder.name}/item.yml", number + 1


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("broken"))
    for relative, (text, _) in MISTAKES.items():
        path = project / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    tab_line = break_timeline_with_a_tab(project)
    archive_file, archive_line = break_archive_date(project)
    result = portal(project, "check")
    return project, result, tab_line, (archive_file, archive_line)


def test_clean_site_passes(tmp_path):
    project = copy_project(tmp_path / "clean")
    result = portal(project, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"^0 errors, \d+ warnings? in \d+ files?", result.stdout, re.M), result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_each_mistake_gets_one_clear_message(broken):
    _, result, tab_line, (archive_file, archive_line) = broken
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output
    lines = [line for line in result.stdout.splitlines() if LINE.match(line)]
    for relative, (_, expected) in MISTAKES.items():
        assert any(line.startswith(expected) for line in lines), (expected, output)
        file_part = expected.split(":", 1)[0]
        mine = [line for line in lines if line.split(":", 1)[0] == file_part
                and "error" in line]
        assert len(mine) == 1, (relative, mine)
    assert any(line.startswith(f"data/timeline.yml:{tab_line}: error: this is not valid YAML: "
                               "YAML uses spaces, not tabs") for line in lines), output
    assert any(line.startswith(f"{archive_file}:{archive_line}: error: date:")
               for line in lines), output


def test_output_is_sorted_with_a_summary(broken):
    _, result, *_ = broken
    lines = [line for line in result.stdout.splitlines() if LINE.match(line)]
    assert lines == sorted(lines, key=lambda line: (line.split(":")[0],))
    errors = sum(1 for line in lines if ": error: " in line)
    assert re.search(rf"^{errors} errors, \d+ warnings? in \d+ files", result.stdout, re.M)


def test_paths_limit_the_report(broken):
    project, *_ = broken
    result = portal(project, "check", "content/en/news/bad-date.md")
    assert result.returncode == 1
    reported = [line for line in result.stdout.splitlines() if LINE.match(line)]
    assert reported and all(line.startswith("content/en/news/bad-date.md") for line in reported)


def test_warnings_fail_only_with_strict(tmp_path):
    project = copy_project(tmp_path / "outdated")
    source = project / "content" / "en" / "pages" / "contact.md"
    source.write_text(source.read_text(encoding="utf-8") + "\nOne more sentence.\n", "utf-8")
    result = portal(project, "check")
    assert result.returncode == 0, result.stdout
    assert re.search(r"^content/zh-tw/pages/contact\.md:\d+: warning: outdated translation",
                     result.stdout, re.M), result.stdout
    strict = portal(project, "check", "--strict")
    assert strict.returncode == 1


def test_feed_rejects_are_warnings_with_json_paths(tmp_path):
    project = copy_project(tmp_path / "feed")
    feed = project / "data" / "opportunities.sample.json"
    text = feed.read_text(encoding="utf-8")
    # The first record loses its title: the contract requires one.
    import json

    document = json.loads(text)
    del document["opportunities"][0]["title"]
    bad = project / "bad-feed.json"
    bad.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    result = portal(project, "check", "--feed", "bad-feed.json")
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"^bad-feed\.json: warning: record set aside: \$\.opportunities\[0\]",
                     result.stdout, re.M), result.stdout
    assert portal(project, "check", "--strict", "--feed", "bad-feed.json").returncode == 1
    shutil.rmtree(project / ".cache", ignore_errors=True)
