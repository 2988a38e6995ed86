"""``portal new``: a new document with the right header and a stable id, and an untranslated
stub for every other language (a draft, so it never publishes one language as another: until it
is translated, the site shows the original there with a notice)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..core.languages import Language

KINDS = {"page": "pages", "news": "news", "program": "programs"}
ARCHIVE_KIND = "archive-item"
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class ScaffoldError(Exception):
    """What stops ``portal new``, in words for an editor."""


def slugify(title: str) -> str:
    """A stable id from a title: lower-case ASCII letters, digits and hyphens."""
    from unidecode import unidecode

    text = unidecode(title).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:60].strip("-")


@dataclass
class Created:
    path: Path
    language: str
    stub: bool


def header(fields: list[tuple[str, str]]) -> str:
    return "".join(f"{key}: {value}\n" for key, value in fields)


def document_files(kind: str, slug: str, title: str, summary: str, language: Language,
                   languages: tuple[Language, ...], content_root: Path, today: date
                   ) -> list[tuple[Path, str, Language, bool]]:
    folder = KINDS[kind]
    original = content_root / language.content_dir / folder / f"{slug}.md"
    fields = [("Title", title), ("Summary", summary)]
    if kind == "news":
        fields.append(("Date", today.isoformat()))
    if kind == "program":
        fields += [("Lead-Agency", "Taipei City Government"), ("SDGs", "17"),
                   ("Status", "planned"), ("Period", str(today.year))]
    body = ("Write the text here, in Markdown. Links to other pages start at the site root, "
            "for example [how to volunteer](/how-to-volunteer/).\n")
    files = [(original, header(fields) + "\n" + body, language, False)]
    for other in languages:
        if other == language:
            continue
        path = content_root / other.content_dir / folder / f"{slug}.md"
        stub_fields = [("Title", title), ("Summary", summary)]
        if kind == "news":
            stub_fields.append(("Date", today.isoformat()))
        if kind == "program":
            stub_fields.append(("Lead-Agency", "Taipei City Government"))
        stub_fields += [("Translated-From", language.code), ("Source-Hash", "pending"),
                        ("Status", "draft")]
        note = (f"<!-- Untranslated: not published until it is translated. Translate "
                f"{original.as_posix()} into {other.native_name} here (title, summary and "
                "text), remove the 'Status: draft' line, then run "
                f"`portal i18n stamp {path.as_posix()}`. Until then the site shows the "
                f"{language.native_name} page with a notice. -->\n")
        files.append((path, header(stub_fields) + "\n" + note, other, True))
    return files


def archive_files(slug: str, title: str, summary: str, language: Language,
                  languages: tuple[Language, ...], archive_root: Path, today: date
                  ) -> list[tuple[Path, str, Language, bool]]:
    others = [lang for lang in languages if lang != language]
    todo = "".join(f"  # {lang.code}: (to translate)\n" for lang in others)
    text = (
        "type: document                 # photo, document, newsletter, oral-history, object, "
        "record\n"
        f"title:\n  {language.code}: {quote(title)}\n{todo}"
        f"description:\n  {language.code}: {quote(summary)}\n{todo}"
        f"date: {today.year}                     # EDTF: 2001-01-20, 2019-07, 1999~, 198X\n"
        "rights:\n"
        "  uri: http://rightsstatements.org/vocab/CNE/1.0/   # replace once the rights are "
        "known\n"
        "access: metadata_only          # public once the rights allow it; add media: then\n"
    )
    return [(archive_root / slug / "item.yml", text, language, False)]


def quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
