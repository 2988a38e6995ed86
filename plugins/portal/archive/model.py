"""The archive's typed model: items, their media and the vocabularies they point into.

Everything a template, an export or a manifest says about an item is read from these objects,
so a fact (a title, a date in words, a media address) is worked out once.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from functools import cached_property
from pathlib import Path

from markupsafe import Markup

from ..core.languages import Language
from ..i18n import N_
from .dates import EdtfDate
from .rights import RightsStatement

#: Item types editors write, their DCMI Type and their name (plural for browse pages).
ITEM_TYPES: dict[str, tuple[str, str, str]] = {
    "photo": ("StillImage", N_("Photo"), N_("Photos")),
    "document": ("Text", N_("Document"), N_("Documents")),
    "newsletter": ("Text", N_("Newsletter"), N_("Newsletters")),
    "oral-history": ("Sound", N_("Oral history"), N_("Oral histories")),
    "object": ("PhysicalObject", N_("Object"), N_("Objects")),
    "record": ("Dataset", N_("Record"), N_("Records")),
}
DCMI = "http://purl.org/dc/dcmitype/"

CREATOR_ROLES: dict[str, str] = {
    "author": N_("Author"),
    "publisher": N_("Publisher"),
    "compiler": N_("Compiler"),
    "editor": N_("Editor"),
    "illustrator": N_("Illustrator"),
    "photographer": N_("Photographer"),
    "interviewer": N_("Interviewer"),
    "interviewee": N_("Interviewee"),
    "translator": N_("Translator"),
    "contributor": N_("Contributor"),
}

ACCESS_LEVELS: dict[str, str] = {
    "public": N_("Public: description and files"),
    "metadata_only": N_("Description only: the files are not published"),
    "embargoed": N_("Embargoed until a date"),
}


@dataclass(frozen=True)
class Picked:
    """A text chosen for a page: its value, the language it is in, and whether that language is
    a fallback (so the template marks it with ``lang`` and a visible label)."""

    text: str
    language: Language
    fallback: bool

    def __str__(self) -> str:
        return self.text


@dataclass
class Localised:
    """One text in several languages, keyed by language code."""

    values: dict[str, str]
    languages: tuple[Language, ...]

    def __bool__(self) -> bool:
        return bool(self.values)

    def pick(self, language: Language) -> Picked | None:
        """The text in ``language``, else in the first language of the table that has it."""
        if language.code in self.values:
            return Picked(self.values[language.code], language, False)
        for other in self.languages:
            if other.code in self.values:
                return Picked(self.values[other.code], other, True)
        return None

    def get(self, code: str) -> str:
        return self.values.get(code, "")

    def first(self) -> str:
        picked = self.pick(self.languages[0])
        return picked.text if picked else ""


@dataclass
class Term:
    """An entry of a vocabulary (subject or place): a stable key and its labels."""

    key: str
    label: Localised
    kind: str


@dataclass
class Creator:
    name: Localised
    role: str
    person: bool = False


@dataclass
class Source:
    url: str
    name: Localised | None = None


@dataclass
class Rights:
    statement: RightsStatement
    holder: Localised | None = None
    note: Localised | None = None


@dataclass
class Derivative:
    """A web copy of an image: where it is published and its size."""

    width: int
    height: int
    path: str  # site path, language-neutral: archive/media/<id>/<name>


@dataclass
class Media:
    """One file of an item. Images get derivatives; other files are copied as they are."""

    source: Path
    name: str  # file name as published
    kind: str  # image, pdf, audio, video
    mime: str
    size: int
    alt: Localised | None = None
    caption: Localised | None = None
    label: Localised | None = None
    transcript: Localised | None = None  # sanitised HTML per language
    captions: dict[str, Path] = field(default_factory=dict)  # language code -> WebVTT file
    duration: float | None = None
    width: int = 0
    height: int = 0
    derivatives: list[Derivative] = field(default_factory=list)
    path: str = ""  # site path of the published file (non-images) or largest derivative

    @property
    def largest(self) -> Derivative | None:
        return self.derivatives[-1] if self.derivatives else None

    @property
    def thumbnail(self) -> Derivative | None:
        return self.derivatives[0] if self.derivatives else None

    def caption_path(self, code: str) -> str:
        return f"{self.path.rsplit('/', 1)[0]}/{self.captions[code].name}"


#: Fields of an item that point at other items.
_LINKS = frozenset({"related", "previous", "next", "lines"})


@dataclass
class Item:
    """One archive item, read from ``memory_archive/<folder>/item.yml``."""

    id: str
    folder: str
    source_path: str
    type: str
    title: Localised
    description: Localised
    description_html: Localised
    date: EdtfDate
    rights: Rights
    access: str = "public"
    embargo_until: date | None = None
    creators: list[Creator] = field(default_factory=list)
    subjects: list[Term] = field(default_factory=list)
    places: list[Term] = field(default_factory=list)
    sdgs: tuple[int, ...] = ()
    item_languages: tuple[str, ...] = ()
    source: Source | None = None
    related_ids: tuple[str, ...] = ()
    note: Localised | None = None
    made_by_project: bool = False
    transcript: Localised | None = None
    media: list[Media] = field(default_factory=list)
    #: Line of every key of item.yml, for problems found once every item is read.
    lines: dict = field(default_factory=dict, repr=False)
    # Filled in by the generator once every item is known.
    date_words: dict[str, str] = field(default_factory=dict)
    citations: list[Citation] = field(default_factory=list)
    related: list[Item] = field(default_factory=list)
    previous: Item | None = None
    next: Item | None = None
    route_key: str = ""

    def _own(self) -> tuple:
        return tuple(getattr(self, f.name) for f in fields(self) if f.name not in _LINKS)

    @cached_property
    def own_data(self) -> OwnData:
        """The item's own data, one object per item: digested once, however many pages
        show the item as a neighbour."""
        return OwnData(self)

    def __fingerprint__(self) -> tuple:
        # Neighbours count by their own data only: following their links in turn would chain
        # every item of the timeline into every item page.
        return (self.own_data, [item.own_data for item in self.related],
                self.previous.own_data if self.previous else None,
                self.next.own_data if self.next else None)

    @property
    def path(self) -> str:
        return f"archive/items/{self.id}/"

    @property
    def dcmi_type(self) -> str:
        return ITEM_TYPES[self.type][0]

    @property
    def type_name(self) -> str:
        return ITEM_TYPES[self.type][1]

    @property
    def shows_media(self) -> bool:
        return self.access != "metadata_only"

    @property
    def published_media(self) -> list[Media]:
        return self.media if self.shows_media else []

    @property
    def images(self) -> list[Media]:
        return [m for m in self.published_media if m.kind == "image"]

    @property
    def thumbnail(self) -> Derivative | None:
        images = self.images
        return images[0].thumbnail if images else None

    @property
    def has_manifest(self) -> bool:
        """A IIIF manifest is made for items that publish images, audio or video."""
        return any(m.kind in ("image", "audio", "video") for m in self.published_media)

    @property
    def manifest_path(self) -> str:
        return f"archive/iiif/{self.id}/manifest.json"

    def is_published(self, today: date) -> bool:
        return self.access != "embargoed" or (self.embargo_until is not None
                                               and self.embargo_until <= today)


@dataclass
class Citation:
    """How to cite an item in one language; ``text`` marks passages in other languages."""

    language: Language
    text: Markup


class OwnData:
    """What an item itself says, without its links (see ``Item.own_data``)."""

    def __init__(self, item: Item) -> None:
        self.item = item

    def __fingerprint__(self) -> tuple:
        return self.item._own()
