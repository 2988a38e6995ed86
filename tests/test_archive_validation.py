"""An editor's mistake in memory_archive/ stops the build with a message naming the folder, the
file, the line and the field; nothing is published and output/ stays as it was.

One build of a project copy holds every broken item (each in its own folder), as an editor who
made several mistakes would see them: all reported at once."""

from __future__ import annotations

import struct
import wave

import pytest

from conftest import copy_project, run_build

VALID = """type: document
title:
  en: A valid title
  zh-TW: 有效的標題
description:
  en: A valid description.
  zh-TW: 有效的描述。
date: 2001-01-20
subjects: [volunteer-service-act]
rights:
  uri: https://creativecommons.org/licenses/by/4.0/
access: public
"""

#: folder -> (item.yml text, the line the message must point at (found by its text), message).
CASES: dict[str, tuple[str, str | None, str]] = {
    "missing-title": (
        VALID.replace("title:\n  en: A valid title\n  zh-TW: 有效的標題\n", ""), None,
        "title: this field is required and missing"),
    "bad-date": (
        VALID.replace("date: 2001-01-20", "date: 2001-13-45"), "date: 2001-13-45",
        "date: '2001-13-45' is not an EDTF date; write for example 2001-01-20, 2019-07"),
    "unsupported-date": (
        VALID.replace("date: 2001-01-20", "date: 2001-21"), "date: 2001-21",
        "date: '2001-21' is valid EDTF, but the site cannot show that form"),
    "unknown-subject": (
        VALID.replace("[volunteer-service-act]", "[volunteer-service-act, no-such-subject]"),
        "subjects:", "subjects: 'no-such-subject' is not in data/archive_subjects.yml"),
    "escaping-media": (
        VALID + "media:\n  - file: ../volunteer-service-act-2001/item.yml\n"
                "    alt:\n      en: Text\n", "  - file:",
        "media[1].file: '../volunteer-service-act-2001/item.yml' points outside the item's "
        "folder"),
    "missing-media": (
        VALID + "media:\n  - file: media/missing.jpg\n    alt:\n      en: Text\n", "  - file:",
        "media[1].file: the file 'media/missing.jpg' is missing from "
        "memory_archive/missing-media/"),
    "unreadable-media": (
        VALID + "media:\n  - file: media/broken.jpg\n    alt:\n      en: Text\n", "  - file:",
        "media[1].file: 'broken.jpg' cannot be read as an image"),
    "image-without-alt": (
        VALID + "media:\n  - file: media/ok.png\n", "  - file:",
        "media[1].alt: every image needs alt text"),
    "recording-without-transcript": (
        VALID + "media:\n  - file: media/talk.wav\n", "  - file:",
        "media[1].transcript: every recording needs a transcript"),
    "duplicate-id": (
        "id: volunteer-service-act-2001\n" + VALID, "id:",
        "id: 'volunteer-service-act-2001' is the id of 2 items "
        "(memory_archive/duplicate-id/item.yml, memory_archive/volunteer-service-act-2001/"
        "item.yml)"),
    "bad-yaml": (
        VALID.replace("access: public", "access: [public"), "access:",
        "this is not valid YAML"),
    "unknown-rights": (
        VALID.replace("https://creativecommons.org/licenses/by/4.0/",
                      "https://example.com/licence"), "  uri:",
        "rights.uri: 'https://example.com/licence' is not a rightsstatements.org statement"),
    "typo-in-a-field": (
        VALID.replace("subjects:", "subjcts:"), "subjcts:",
        "unknown field 'subjcts'; the fields of an item are id, type, title"),
    "unknown-related": (
        VALID + "related: [no-such-item]\n", "related:",
        "related: there is no item with the id 'no-such-item'"),
    "embargo-without-date": (
        VALID.replace("access: public", "access: embargoed"), "access:",
        "access: embargoed items need embargo_until: YYYY-MM-DD"),
    "unknown-language": (
        VALID.replace("  zh-TW: 有效的標題", "  fr: Un titre valide"), "  fr:",
        "title: unknown language 'fr'; use one of en, zh-TW"),
}


def expected_line(text: str, marker: str | None) -> int:
    """Line of the first line starting with ``marker``; 0 (unknown) for a missing field."""
    if marker is None:
        return 0
    return next(number for number, line in enumerate(text.splitlines(), start=1)
                if line.startswith(marker))


def silent_wav(path) -> None:
    with wave.open(str(path), "wb") as sound:
        sound.setnchannels(1)
        sound.setsampwidth(2)
        sound.setframerate(8000)
        sound.writeframes(struct.pack("<h", 0) * 800)


@pytest.fixture(scope="module")
def failed_build(tmp_path_factory):
    from PIL import Image

    project = copy_project(tmp_path_factory.mktemp("archive-mistakes"))
    archive = project / "memory_archive"
    for folder, (text, _, _) in CASES.items():
        media = archive / folder / "media"
        media.mkdir(parents=True)
        (archive / folder / "item.yml").write_text(text, encoding="utf-8")
        (media / "broken.jpg").write_bytes(b"this is not a JPEG file")
        Image.new("RGB", (20, 10), "white").save(media / "ok.png")
        silent_wav(media / "talk.wav")
    output = project / "output"
    output.mkdir()
    (output / "previous-build.txt").write_text("the site that is live now")
    result = run_build(project, output)
    return project, output, result, result.stdout + result.stderr


def test_the_build_stops_without_a_traceback_and_output_is_untouched(failed_build):
    project, output, result, messages = failed_build
    assert result.returncode != 0
    assert "Traceback" not in messages
    assert "Build stopped:" in messages and "output/ was left as it was" in messages
    assert (output / "previous-build.txt").read_text() == "the site that is live now"
    assert not (output / "index.html").exists()
    assert not (output / "archive").exists(), "nothing half-written is published"
    assert not list(project.glob(".output-building-*")), "the staging folder was left behind"


@pytest.mark.parametrize("folder", CASES)
def test_each_mistake_is_named_by_folder_file_line_and_field(failed_build, folder):
    *_, messages = failed_build
    text, marker, message = CASES[folder]
    line = expected_line(text, marker)
    where = f"memory_archive/{folder}/item.yml" + (f":{line}: " if line else ": ")
    lines = [line for line in messages.splitlines() if line.startswith(where)]
    assert any(message in line for line in lines), f"expected {where}{message}\n{messages}"


def test_the_valid_items_of_the_same_build_raise_no_message(failed_build):
    *_, messages = failed_build
    reported = {line.split("/")[1] for line in messages.splitlines()
                if line.startswith("memory_archive/")}
    assert reported == set(CASES) | {"volunteer-service-act-2001"}, \
        "only the broken items (and the item whose id was copied) are reported"
