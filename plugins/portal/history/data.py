"""``data/timeline.yml``: dated, sourced, bilingual entries of the history timeline."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..core import edtf_dates
from ..core.data_files import Checker, LineMap, LocalText, open_data_file
from ..core.errors import Problem
from ..core.languages import Language

ENTRY_ID = re.compile(r"[a-z0-9][a-z0-9-]*")
ENTRY_FIELDS = ("id", "date", "title", "text", "sources", "archive_items", "verified")
SOURCE_FIELDS = ("title", "url")


@dataclass(frozen=True)
class Source:
    title: LocalText
    url: str | None = None


@dataclass(frozen=True)
class TimelineEntry:
    """One event: when (EDTF), what, and where that is written down."""

    id: str
    date: edtf_dates.EdtfDate
    title: LocalText
    text: LocalText
    sources: tuple[Source, ...]
    archive_items: tuple[str, ...] = ()
    verified: bool = True
    line: int = 0

    @property
    def anchor(self) -> str:
        """Fragment id on the timeline page (prefixed so it cannot clash with the theme's)."""
        return f"event-{self.id}"


@dataclass
class Decade:
    start: int
    entries: list[TimelineEntry] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"decade-{self.start}"


def by_decade(entries: list[TimelineEntry]) -> list[Decade]:
    """Entries in date order (earliest first, then shortest), grouped by the decade they start."""
    decades: dict[int, Decade] = {}
    for entry in sorted(entries, key=lambda e: (e.date.sort_key, e.id)):
        decades.setdefault(entry.date.decade, Decade(entry.date.decade)).entries.append(entry)
    return [decades[start] for start in sorted(decades)]


def load_timeline(path: Path, languages: tuple[Language, ...]
                  ) -> tuple[list[TimelineEntry], list[Problem]]:
    root, check, problems = open_data_file(path, languages, ("entries",))
    if root is None:
        return [], problems + check.problems
    listed = check.sequence(root.get("entries"), root.line_of("entries"), "'entries'")
    entries: list[TimelineEntry] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(listed or []):
        mapping = check.mapping(item, listed.line_of(index), "a timeline entry")
        if mapping is None:
            continue
        entry = _entry(check, mapping)
        if entry is None:
            continue
        if entry.id in seen:
            check.add(mapping.line_of("id"), f"id '{entry.id}' is already used on line "
                                             f"{seen[entry.id]}; every entry needs its own id")
            continue
        seen[entry.id] = mapping.line_of("id")
        entries.append(entry)
    return entries, problems + check.problems


def _entry(check: Checker, mapping: LineMap) -> TimelineEntry | None:
    check.unknown_keys(mapping, ENTRY_FIELDS, "a timeline entry")
    entry_id = mapping.get("id")
    if not (isinstance(entry_id, str) and ENTRY_ID.fullmatch(entry_id)):
        check.add(mapping.line_of("id"), "a timeline entry needs an 'id' in lower-case letters, "
                                         f"digits and hyphens, like 'act-promulgated', not "
                                         f"{entry_id!r}")
        return None
    what = f"entry '{entry_id}'"
    date = None
    if mapping.get("date") in (None, ""):
        check.add(mapping.line, f"{what} needs a 'date' (EDTF, {edtf_dates.EXAMPLES})")
    else:
        try:
            date = edtf_dates.parse(mapping["date"])
        except edtf_dates.EdtfError as error:
            check.add(mapping.line_of("date"), f"{what}: date {error}")
    title = check.text(mapping, "title", what)
    text = check.text(mapping, "text", what)
    sources = _sources(check, mapping, what)
    archive_items: tuple[str, ...] = ()
    if mapping.get("archive_items") is not None:
        items = check.sequence(mapping["archive_items"], mapping.line_of("archive_items"),
                               f"'archive_items' of {what}") or []
        for position, item in enumerate(items):
            if not (isinstance(item, str) and ENTRY_ID.fullmatch(item)):
                check.add(items.line_of(position), f"{what}: {item!r} is not an archive item id "
                                                   "(the folder name under memory_archive/)")
        archive_items = tuple(i for i in items if isinstance(i, str) and ENTRY_ID.fullmatch(i))
    verified = mapping.get("verified", True)
    if not isinstance(verified, bool):
        check.add(mapping.line_of("verified"), f"{what}: 'verified' must be true or false")
        verified = True
    if date is None or title is None or text is None or not sources:
        return None
    return TimelineEntry(entry_id, date, title, text, tuple(sources), archive_items, verified,
                         mapping.line)


def _sources(check: Checker, mapping: LineMap, what: str) -> list[Source]:
    if mapping.get("sources") is None:
        check.add(mapping.line, f"{what} needs 'sources': at least one, so readers can check it")
        return []
    listed = check.sequence(mapping["sources"], mapping.line_of("sources"),
                            f"'sources' of {what}")
    if listed is None:
        return []
    if not listed:
        check.add(listed.line, f"{what} needs at least one source")
    sources = []
    for index, item in enumerate(listed):
        source = check.mapping(item, listed.line_of(index), f"a source of {what}")
        if source is None:
            continue
        check.unknown_keys(source, SOURCE_FIELDS, f"a source of {what}")
        title = check.text(source, "title", f"a source of {what}")
        url = source.get("url")
        if url is not None and not (isinstance(url, str) and url.startswith("https://")):
            check.add(source.line_of("url"), f"a source of {what}: 'url' must start with https://")
            url = None
        if title is not None:
            sources.append(Source(title, url))
    return sources
