"""Markdown documents: one ``Document`` per language version, one ``Entry`` per stable id."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date

from ..core.languages import Language
from ..core.site import Route

#: Kind of document -> (language-neutral URL pattern, template). ``home`` is the site root.
KIND_LAYOUT: dict[str, tuple[str, str]] = {
    "page": ("{id}/", "page"),
    "news": ("news/{id}/", "news_item"),
}
HOME_ID = "home"

#: Header fields an editor may write, per kind; anything else is reported as a typo.
COMMON_FIELDS = {"title", "summary", "date", "modified", "translated-from", "source-hash",
                 "machine-translated", "status"}
KIND_FIELDS = {"page": COMMON_FIELDS | {"nav", "nav-title"}, "news": COMMON_FIELDS}
REQUIRED_FIELDS = {"page": ("title", "summary"), "news": ("title", "summary", "date")}


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

    def version_for(self, language: Language) -> Document:
        return self.versions.get(language.code) or self.original

    def is_outdated(self, language: Language) -> bool:
        """True when the source changed after this translation was made."""
        doc = self.versions.get(language.code)
        if doc is None or not doc.translated_from:
            return False
        source = self.versions.get(doc.translated_from)
        return source is not None and doc.recorded_source_hash != source.hash
