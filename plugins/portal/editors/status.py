"""Translation status of every document in every language, for ``portal i18n status``."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path

from ..core.errors import display_path
from .site_reader import SiteRead

#: Order of the states in tables and counts.
STATES = ("original", "translated", "outdated", "machine", "untranslated", "missing")


@dataclass(frozen=True)
class Status:
    """One document in one language."""

    section: str
    id: str
    language: str
    state: str
    file: str
    action: str = ""


def document_statuses(read: SiteRead) -> list[Status]:
    documents = read.generator("DocumentsGenerator")
    if documents is None or not hasattr(documents, "entries"):
        return []
    site = read.site
    folders = {kind: folder for folder, kind in read.settings["PORTAL_CONTENT_KINDS"].items()}
    root = Path(read.settings["PATH"])
    drafts = {(doc.kind, doc.id, doc.language.code): doc for doc in documents.drafts}
    rows = []
    for entry in sorted(documents.entries.values(), key=lambda e: (e.kind, e.id)):
        section = folders[entry.kind]
        for language in site.languages:
            doc = entry.versions.get(language.code)
            expected = display_path(root / language.content_dir / section / f"{entry.id}.md")
            if doc is None:
                draft = drafts.get((entry.kind, entry.id, language.code))
                if draft is not None:
                    rows.append(Status(section, entry.id, language.code, "untranslated",
                                       draft.source_path, "translate it, remove 'Status: draft', "
                                       f"then portal i18n stamp {draft.source_path}"))
                else:
                    rows.append(Status(section, entry.id, language.code, "missing", expected,
                                       f"create it: portal new {entry.kind} --lang "
                                       f"{language.code} … or translate "
                                       f"{entry.original.source_path}"))
            elif doc is entry.original:
                rows.append(Status(section, entry.id, language.code, "original",
                                   doc.source_path))
            elif entry.is_outdated(language):
                source = entry.versions[doc.translated_from].source_path
                rows.append(Status(section, entry.id, language.code, "outdated", doc.source_path,
                                   f"update it from {source}, then portal i18n stamp "
                                   f"{doc.source_path}"))
            elif doc.machine_translated:
                rows.append(Status(section, entry.id, language.code, "machine", doc.source_path,
                                   "have a person check it, then remove 'Machine-Translated'"))
            else:
                rows.append(Status(section, entry.id, language.code, "translated",
                                   doc.source_path))
    return rows


def archive_statuses(read: SiteRead) -> list[Status]:
    """An archive item is translated into a language when its title and description are."""
    archive = read.generator("ArchiveGenerator")
    if archive is None or not hasattr(archive, "items"):
        return []
    rows = []
    default = read.site.default.code
    for item in archive.items:
        for language in read.site.languages:
            code = language.code
            has = bool(item.title.get(code)) and bool(item.description.get(code))
            if code == default and has:
                state, action = "original", ""
            elif has:
                state, action = "translated", ""
            else:
                state = "missing"
                action = f"add the {code} text under title: and description:"
            rows.append(Status("archive", item.id, code, state, item.source_path, action))
    return rows


def timeline_statuses(read: SiteRead) -> list[Status]:
    history = read.generator("HistoryGenerator")
    if history is None or not hasattr(history, "decades"):
        return []
    rows = []
    default = read.site.default.code
    for decade in history.decades:
        for entry in decade.entries:
            for language in read.site.languages:
                code = language.code
                has = bool(entry.title.values.get(code)) and bool(entry.text.values.get(code))
                state = ("original" if code == default else "translated") if has else "missing"
                action = "" if has else (f"add the {code} text to title: and text: "
                                         f"(line {entry.line})")
                rows.append(Status("timeline", entry.id, code, state, history.source, action))
    return rows


def all_statuses(read: SiteRead) -> list[Status]:
    return document_statuses(read) + archive_statuses(read) + timeline_statuses(read)


def counts(rows: list[Status]) -> dict[str, dict[str, dict[str, int]]]:
    """section -> language -> state -> count (every state present, zeros included)."""
    result: dict[str, dict[str, dict[str, int]]] = {}
    tally = Counter((row.section, row.language, row.state) for row in rows)
    for row in rows:
        result.setdefault(row.section, {}).setdefault(row.language, dict.fromkeys(STATES, 0))
    for (section, language, state), number in tally.items():
        result[section][language][state] = number
    return result


def as_json(rows: list[Status], languages: list[str]) -> dict:
    return {"languages": languages, "counts": counts(rows),
            "gaps": [asdict(row) for row in rows if row.action],
            "documents": [asdict(row) for row in rows]}
