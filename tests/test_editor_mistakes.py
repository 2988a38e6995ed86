"""An editor's mistake stops the build with `file:line: message`, and output/ stays as it was."""

from __future__ import annotations

import pytest

from conftest import copy_project, run_build

GOOD_HEADER = "Title: A page\nSummary: Something.\n"

MISTAKES = {
    "bad date": (
        "content/en/news/bad-date.md",
        "Title: News\nSummary: Something.\nDate: 2021/13/01\n\nText.\n",
        "content/en/news/bad-date.md:3: Date: '2021/13/01' is not a valid date",
    ),
    "unknown language folder": (
        "content/fr/pages/bonjour.md",
        GOOD_HEADER + "\nTexte.\n",
        "content/fr: no language uses the folder 'fr'",
    ),
    "unknown language in Translated-From": (
        "content/zh-tw/pages/about-copy.md",
        GOOD_HEADER + "Translated-From: jp\nSource-Hash: abc\n\n文字。\n",
        "content/zh-tw/pages/about-copy.md:3: unknown language 'jp' in Translated-From",
    ),
    "missing title": (
        "content/en/pages/untitled.md",
        "Summary: Something.\n\nText.\n",
        "content/en/pages/untitled.md:1: missing Title",
    ),
    "translation of nothing": (
        "content/zh-tw/pages/ghost.md",
        GOOD_HEADER + "Translated-From: en\nSource-Hash: abc\n\n文字。\n",
        "content/zh-tw/pages/ghost.md:1: Translated-From: en, but there is no en document "
        "named 'ghost.md'",
    ),
    "typo in a field name": (
        "content/en/pages/typo.md",
        "Title: A page\nSumary: Something.\n\nText.\n",
        "content/en/pages/typo.md:2: unknown field 'sumary'",
    ),
}


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return copy_project(tmp_path_factory.mktemp("project"))


@pytest.mark.parametrize("name", MISTAKES)
def test_mistake_stops_the_build_with_a_clear_message_and_keeps_output(project, name):
    relative, text, expected = MISTAKES[name]
    bad_file = project / relative
    bad_file.parent.mkdir(parents=True, exist_ok=True)
    bad_file.write_text(text, encoding="utf-8")
    output = project / "output"
    output.mkdir(exist_ok=True)
    (output / "previous-build.txt").write_text("the site that is live now")
    try:
        result = run_build(project, output)
    finally:
        bad_file.unlink()
        if not any(bad_file.parent.iterdir()):
            bad_file.parent.rmdir()
            if not any(bad_file.parent.parent.iterdir()):
                bad_file.parent.parent.rmdir()
    messages = result.stdout + result.stderr
    assert result.returncode != 0
    assert expected in messages, messages
    assert "Traceback" not in messages
    assert (output / "previous-build.txt").read_text() == "the site that is live now"
    assert not (output / "index.html").exists(), "a failed build must not write into output/"
    assert not list(project.glob(".output-building-*")), "the staging folder was left behind"


def test_successful_build_replaces_output_completely(project):
    output = project / "output"
    output.mkdir(exist_ok=True)
    (output / "stale.html").write_text("old")
    result = run_build(project, output)
    assert result.returncode == 0, result.stderr
    assert (output / "index.html").exists()
    assert not (output / "stale.html").exists()
    assert not list(project.glob(".output-building-*"))


def test_changed_source_marks_its_translation_outdated(project, tmp_path):
    source = project / "content/en/pages/contact.md"
    original = source.read_text(encoding="utf-8")
    source.write_text(original + "\nA new paragraph added after translation.\n", encoding="utf-8")
    try:
        result = run_build(project, tmp_path / "out")
    finally:
        source.write_text(original, encoding="utf-8")
    assert result.returncode == 0, result.stderr
    chinese = (tmp_path / "out/zh-tw/contact/index.html").read_text(encoding="utf-8")
    english = (tmp_path / "out/contact/index.html").read_text(encoding="utf-8")
    assert "譯文可能不是最新內容" in chinese
    assert 'href="/contact/"' in chinese
    assert "notice-warning" not in english
    untouched = (tmp_path / "out/zh-tw/about/index.html").read_text(encoding="utf-8")
    assert "notice-warning" not in untouched
