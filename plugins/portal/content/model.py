"""Markdown documents: one ``Document`` per language version, one ``Entry`` per stable id."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..core.languages import Language
from ..core.site import Route

#: Kind of document -> (language-neutral URL pattern, template). ``home`` is the site root.
KIND_LAYOUT: dict[str, tuple[str, str]] = {
    "page": ("{id}/", "page"),
    "news": ("news/{id}/", "news_item"),
    "program": ("programs/{id}/", "program"),
    "history": ("history/{id}/", "history_page"),
}
HOME_ID = "home"
#: File names a section keeps for its own generated pages (history/timeline/ is the timeline).
RESERVED_IDS: dict[str, tuple[str, ...]] = {"history": ("index", "timeline")}

#: Header fields an editor may write, per kind; anything else is reported as a typo.
COMMON_FIELDS = {"title", "summary", "date", "modified", "translated-from", "source-hash",
                 "machine-translated", "status"}
#: Programme facts that are the same in every language: written in the original, inherited by
#: its translations (which may repeat them, but must then agree).
PROGRAMME_SHARED_FIELDS = ("sdgs", "audiences", "status", "period", "causes", "archive-items")
KIND_FIELDS = {
    "page": COMMON_FIELDS | {"nav", "nav-title"},
    "news": COMMON_FIELDS,
    "program": COMMON_FIELDS | {"lead-agency", *PROGRAMME_SHARED_FIELDS},
    "history": COMMON_FIELDS,
}
REQUIRED_FIELDS = {
    "page": ("title", "summary"),
    "news": ("title", "summary", "date"),
    "program": ("title", "summary", "lead-agency"),
    "history": ("title", "summary"),
}
#: Required in an original only: translations inherit them.
REQUIRED_IN_ORIGINAL = {"program": ("sdgs", "status", "period")}

#: ``Status:`` values per kind; ``draft`` always means "not published".
STATUS_VALUES: dict[str, tuple[str, ...]] = {
    "program": ("planned", "ongoing", "ended", "draft"),
}
DEFAULT_STATUS_VALUES = ("published", "draft")

#: Who a programme is for (``Audiences:``); labels are in the theme catalogue (programs plugin).
AUDIENCES = ("seniors", "families", "companies", "international", "youth", "students")
#: Causes (``Causes:``) are the opportunity feed's vocabulary (opportunity-feed-v1 schema,
#: ``causes``), so that a programme can list the open opportunities of the same cause.
CAUSES = ("seniors", "children-youth", "disability", "health", "education", "culture-arts",
          "libraries-museums", "environment", "animals", "community", "new-residents", "food",
          "disaster-relief", "sports", "tourism", "public-service", "human-rights", "other")
SDG_NUMBERS = range(1, 18)
#: How field names are written in messages, where capitalising each word would mislead.
FIELD_NAMES = {"sdgs": "SDGs"}


def field_name(key: str) -> str:
    """A header key as editors write it: ``lead-agency`` -> ``Lead-Agency``."""
    return FIELD_NAMES.get(key) or "-".join(part.capitalize() for part in key.split("-"))


def content_hash(title: str, body: str) -> str:
    """Fingerprint of what a translator translates; whitespace changes do not count."""
    normalised = " ".join(title.split()) + "\n" + " ".join(body.split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:12]


@dataclass
class Document:
    """One language version of a page or news item."""

    kind: str
    id: str
    language: Language
    source_path: str
    title: str
    summary: str
    body_html: str
    hash: str
    date: date | None = None
    modified: date | None = None
    nav: int | None = None
    nav_title: str | None = None
    translated_from: str | None = None
    recorded_source_hash: str | None = None
    machine_translated: bool = False
    draft: bool = False
    headings: list[dict] = field(default_factory=list)
    #: Kind-specific facts (a programme's SDGs, audiences, period...), parsed and checked.
    meta: dict[str, Any] = field(default_factory=dict)
    #: Line of each header field, for problems found after reading (translation checks).
    field_lines: dict[str, int] = field(default_factory=dict)
    #: Links and images in the body, with their lines (checked once every route is known).
    targets: list = field(default_factory=list)


@dataclass
class Entry:
    """A document in all its languages, linked by its stable id (the file name)."""

    kind: str
    id: str
    versions: dict[str, Document] = field(default_factory=dict)
    route: Route | None = None

    @property
    def path(self) -> str:
        pattern, _ = KIND_LAYOUT[self.kind]
        return "" if self.kind == "page" and self.id == HOME_ID else pattern.format(id=self.id)

    @property
    def template(self) -> str:
        if self.kind == "page" and self.id == HOME_ID:
            return "home"
        return KIND_LAYOUT[self.kind][1]

    @property
    def original(self) -> Document:
        """The version that was written first: the one not translated from another."""
        originals = [doc for doc in self.versions.values() if not doc.translated_from]
        return (originals or list(self.versions.values()))[0]

    @property
    def date(self) -> date | None:
        return self.original.date

    @property
    def meta(self) -> dict[str, Any]:
        """Facts shared by every language version: the original's."""
        return self.original.meta

    def version_for(self, language: Language) -> Document:
        return self.versions.get(language.code) or self.original

    def is_outdated(self, language: Language) -> bool:
        """True when the source changed after this translation was made."""
        doc = self.versions.get(language.code)
        if doc is None or not doc.translated_from:
            return False
        source = self.versions.get(doc.translated_from)
        return source is not None and doc.recorded_source_hash != source.hash
