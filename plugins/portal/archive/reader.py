"""Reading ``memory_archive/<folder>/item.yml`` into an ``Item``, checking every field.

Every mistake becomes a ``Problem`` naming the folder, the file, the line and the field, in words
an editor understands; nothing is published while one remains.
"""

from __future__ import annotations

import os
import re
import wave
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

import markdown
import nh3
from babel import Locale, UnknownLocaleError
from markupsafe import Markup
from PIL import Image

from ..core.errors import Problem
from ..core.languages import Language
from .dates import EdtfDate, EdtfError, parse_date
from .model import (
    ACCESS_LEVELS,
    CREATOR_ROLES,
    ITEM_TYPES,
    Creator,
    Item,
    Localised,
    Media,
    Rights,
    Source,
    Term,
)
from .rights import find_statement
from .yamlfile import Key, YamlFile, read_yaml

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ITEM_FILE = "item.yml"

FIELDS = ("id", "type", "title", "description", "date", "creators", "subjects", "places",
          "sdgs", "language", "source", "rights", "access", "embargo_until", "related",
          "note", "made_by_project", "transcript", "media")
REQUIRED = ("type", "title", "description", "date", "rights", "access")
MEDIA_FIELDS = ("file", "alt", "caption", "label", "transcript", "captions", "duration")

IMAGE_TYPES = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png",
               ".webp": "image/webp", ".gif": "image/gif", ".tif": "image/tiff",
               ".tiff": "image/tiff"}
AUDIO_TYPES = {".mp3": "audio/mpeg", ".m4a": "audio/mp4", ".ogg": "audio/ogg",
               ".oga": "audio/ogg", ".opus": "audio/ogg", ".wav": "audio/wav"}
VIDEO_TYPES = {".mp4": "video/mp4", ".webm": "video/webm"}
KNOWN_FILES = ("JPEG, PNG, WebP, GIF or TIFF images, PDF, MP3, M4A, OGG or WAV audio, "
               "MP4 or WebM video")

#: What editors' Markdown may keep once rendered (descriptions, notes and transcripts).
ALLOWED_TAGS = {"p", "br", "ul", "ol", "li", "em", "strong", "a", "blockquote", "code", "abbr",
                "q", "cite", "span", "dl", "dt", "dd"}
ALLOWED_ATTRIBUTES = {"a": {"href", "hreflang", "title"}, "abbr": {"title"}, "*": {"lang"}}
ROOT_LINK = re.compile(r'href="/(?!/)')


@dataclass
class Vocabulary:
    """Subject or place keys with their labels, read from a YAML file under data/."""

    kind: str
    path: str
    terms: dict[str, Term]


@dataclass
class ReadContext:
    """What reading an item needs from the rest of the build."""

    languages: tuple[Language, ...]
    subjects: Vocabulary
    places: Vocabulary
    md: markdown.Markdown
    base_path: str = ""


def render_markdown(md: markdown.Markdown, text: str, base_path: str = "") -> Markup:
    """Editors' Markdown as HTML cleaned with an allow-list (untrusted text never reaches a page
    unescaped); headings become plain text so that a page keeps one h1 and its heading order."""
    md.reset()
    html = nh3.clean(md.convert(text), tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                     url_schemes={"http", "https", "mailto"})
    if base_path:
        html = ROOT_LINK.sub(f'href="{base_path}/', html)
    return Markup(html)  # cleaned by nh3 just above, so safe to insert as HTML


class Fields:
    """The checks shared by every field of one YAML file; problems are collected, not raised."""

    def __init__(self, doc: YamlFile, where: str, languages: tuple[Language, ...]):
        self.doc = doc
        self.where = where  # "memory_archive/<folder>/" for messages about files
        self.languages = languages
        self.problems: list[Problem] = []

    def problem(self, keys: Key, message: str) -> None:
        self.problems.append(self.doc.problem(keys, message))

    @staticmethod
    def name(keys: Key) -> str:
        """``media[2].alt`` for ("media", 2, "alt"): how an editor finds the field."""
        text = ""
        for key in keys:
            text += f"[{key + 1}]" if isinstance(key, int) else (f".{key}" if text else key)
        return text

    def language_code(self, value: str) -> str | None:
        for language in self.languages:
            if language.code.lower() == str(value).lower():
                return language.code
        return None

    def localised(self, keys: Key, value: Any) -> Localised | None:
        """A text per language: ``{en: ..., zh-TW: ...}``; at least one language is needed."""
        codes = ", ".join(lang.code for lang in self.languages)
        field = self.name(keys)
        if not isinstance(value, dict) or not value:
            self.problem(keys, f"{field}: write the text once per language, on its own lines "
                               f"under {field}:, for example '  en: ...' (languages: {codes})")
            return None
        values: dict[str, str] = {}
        for key, text in value.items():
            code = self.language_code(key)
            if code is None:
                self.problem(keys + (str(key),), f"{field}: unknown language '{key}'; "
                                                 f"use one of {codes}")
                continue
            if not isinstance(text, str) or not text.strip():
                self.problem(keys + (str(key),), f"{field}.{key}: the text is empty; write it "
                                                 "or remove the line")
                continue
            values[code] = text.strip()
        return Localised(values, self.languages) if values else None

    def text_list(self, keys: Key, value: Any) -> list:
        if value is None:
            return []
        if not isinstance(value, list):
            self.problem(keys, f"{self.name(keys)}: write a list, one entry per line starting "
                               "with '- '")
            return []
        return value

    def media_path(self, folder: Path, keys: Key, value: Any) -> Path | None:
        """A file inside the item's folder; never outside it, even through a symbolic link."""
        field = self.name(keys)
        if not isinstance(value, str) or not value.strip():
            self.problem(keys, f"{field}: write the path of a file in {self.where}, for "
                               "example media/photo.jpg")
            return None
        relative = PurePosixPath(value.strip())
        inside = folder.resolve()
        target = (folder / relative).resolve()
        if relative.is_absolute() or ".." in relative.parts or not target.is_relative_to(inside):
            self.problem(keys, f"{field}: '{value}' points outside the item's folder; keep the "
                               f"file in {self.where}media/ and write media/<file name>")
            return None
        if not target.is_file():
            self.problem(keys, f"{field}: the file '{value}' is missing from {self.where}; "
                               "check the name (capital letters count)")
            return None
        try:
            with target.open("rb") as handle:
                handle.read(1)
        except OSError as error:
            self.problem(keys, f"{field}: the file '{value}' cannot be read ({error.strerror})")
            return None
        return folder / relative


def read_vocabulary(path: Path, display: str, kind: str, languages: tuple[Language, ...]
                    ) -> tuple[Vocabulary, list[Problem]]:
    """``key: {en: label, zh-TW: label}`` entries; a missing file is an empty vocabulary."""
    vocabulary = Vocabulary(kind, display, {})
    if not path.exists():
        return vocabulary, []
    doc, problems = read_yaml(path, display)
    if doc is None:
        return vocabulary, problems
    if not isinstance(doc.data, dict):
        return vocabulary, [Problem(display, 1, f"write one {kind} per line: a key, a colon, "
                                                "then its labels per language")]
    fields = Fields(doc, display, languages)
    for key, labels in doc.data.items():
        key = str(key)
        if not SLUG.match(key):
            fields.problem((key,), f"{kind} key '{key}': use lower-case letters, digits and "
                                   "hyphens only, for example volunteer-service-act")
            continue
        label = fields.localised((key,), labels)
        if label is not None:
            vocabulary.terms[key] = Term(key, label, kind)
    return vocabulary, problems + fields.problems


def find_item_folders(root: Path) -> list[Path]:
    """Item folders: every folder directly under the archive that is not hidden."""
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))


def folder_key(folder: Path) -> str:
    """What ``read_item`` reads of a folder: the bytes of item.yml, the other files by name,
    size and time (media are checked, not read)."""
    from ..core.fingerprint import digest_bytes

    parts: list[bytes | str] = [str(folder)]
    for relative, entry in sorted(files_under(str(folder), ())):
        if relative[-1] == ITEM_FILE:
            with open(entry.path, "rb") as item_file:
                parts.append(item_file.read())
        else:
            stat = entry.stat()
            parts.append(f"{'/'.join(relative)}:{stat.st_size}:{stat.st_mtime_ns}")
    return digest_bytes(*parts)


def files_under(folder: str, prefix: tuple[str, ...]) -> list[tuple[tuple[str, ...], os.DirEntry]]:
    """Every file below ``folder`` with its path as parts (sorted like paths), by plain
    ``os.scandir``: this runs for every item of the archive at every build."""
    found = []
    with os.scandir(folder) as entries:
        for entry in entries:
            relative = (*prefix, entry.name)
            if entry.is_dir():
                found += files_under(entry.path, relative)
            elif entry.is_file():
                found.append((relative, entry))
    return found


def read_item(folder: Path, display_root: str, context: ReadContext
              ) -> tuple[Item | None, list[Problem]]:
    where = f"{display_root}/{folder.name}/"
    display = where + ITEM_FILE
    path = folder / ITEM_FILE
    if not path.is_file():
        return None, [Problem(where, 0, f"this folder has no {ITEM_FILE}; every item folder "
                                        f"needs one (or remove the folder)")]
    doc, problems = read_yaml(path, display)
    if doc is None:
        return None, problems
    if not isinstance(doc.data, dict):
        return None, [Problem(display, 1, "write the item's fields as 'field: value' lines")]
    fields = Fields(doc, where, context.languages)
    data: dict = doc.data

    for key in list(data):
        plain = str(key).strip("“”‘’「」\"' ")
        if plain != key and plain in FIELDS and plain not in data:
            fields.problem((str(key),), f"field name '{key}' contains a typographic quote; type "
                                        f"it with plain letters: {plain}")
            data[plain] = data.pop(key)
            continue
        if key not in FIELDS:
            fields.problem((str(key),), f"unknown field '{key}'; the fields of an item are "
                                        f"{', '.join(FIELDS)}")
    for key in REQUIRED:
        if data.get(key) in (None, "", [], {}):
            fields.problem((), f"{key}: this field is required and missing")

    item_id = _item_id(fields, folder, data.get("id"))
    item_type = data.get("type")
    if item_type is not None and item_type not in ITEM_TYPES:
        fields.problem(("type",), f"type: '{item_type}' is not a type of item; use one of "
                                  f"{', '.join(ITEM_TYPES)}")
    title = fields.localised(("title",), data["title"]) if data.get("title") else None
    description = (fields.localised(("description",), data["description"])
                   if data.get("description") else None)
    item_date = _date(fields, data.get("date"))
    rights = _rights(fields, data.get("rights")) if data.get("rights") else None
    access, embargo = _access(fields, data.get("access"), data.get("embargo_until"))
    note = fields.localised(("note",), data["note"]) if data.get("note") is not None else None
    made = data.get("made_by_project", False)
    if not isinstance(made, bool):
        fields.problem(("made_by_project",), "made_by_project: write true or false")
        made = False

    item = None
    if not any(p.severity == "error" for p in fields.problems) and title and description \
            and item_date and rights and item_type in ITEM_TYPES and item_id:
        item = Item(
            id=item_id, folder=where, source_path=display, type=item_type, title=title,
            description=description,
            description_html=_html(description, context),
            date=item_date, rights=rights, access=access, embargo_until=embargo,
            note=Localised({code: render_markdown(context.md, text, context.base_path)
                            for code, text in note.values.items()}, context.languages)
            if note else None,
            made_by_project=made,
        )
    creators = _creators(fields, data.get("creators"))
    subjects = _terms(fields, "subjects", data.get("subjects"), context.subjects)
    places = _terms(fields, "places", data.get("places"), context.places)
    sdgs = _sdgs(fields, data.get("sdgs"))
    item_languages = _languages(fields, data.get("language"))
    source = _source(fields, data.get("source"))
    related = _related(fields, data.get("related"))
    transcript = (_transcript(fields, folder, ("transcript",), data["transcript"], context)
                  if data.get("transcript") is not None else None)
    media = _media(fields, folder, item_id or folder.name, data.get("media"), context)
    if item is None or any(p.severity == "error" for p in fields.problems):
        return None, problems + fields.problems
    item.creators, item.subjects, item.places, item.sdgs = creators, subjects, places, sdgs
    item.item_languages, item.source, item.related_ids = item_languages, source, related
    item.transcript, item.media, item.lines = transcript, media, doc.lines
    return item, problems + fields.problems


def _html(text: Localised, context: ReadContext) -> Localised:
    return Localised({code: render_markdown(context.md, value, context.base_path)
                      for code, value in text.values.items()}, context.languages)


def _item_id(fields: Fields, folder: Path, value: Any) -> str | None:
    if value is None:
        if SLUG.match(folder.name):
            return folder.name
        fields.problem((), f"the folder name '{folder.name}' cannot be a web address; rename "
                           "the folder with lower-case letters, digits and hyphens, or add an "
                           "id: field")
        return None
    if not isinstance(value, str) or not SLUG.match(value):
        fields.problem(("id",), f"id: '{value}' cannot be a web address; use lower-case "
                                "letters, digits and hyphens, for example act-promulgated-2001")
        return None
    return value


def _date(fields: Fields, value: Any) -> EdtfDate | None:
    if value is None:
        return None
    # YAML reads 2001 as a number; the archive wants the text (dates stay text, see yamlfile).
    text = str(value)
    try:
        return parse_date(text)
    except EdtfError as error:
        fields.problem(("date",), f"date: {error}")
        return None


def _rights(fields: Fields, value: Any) -> Rights | None:
    if not isinstance(value, dict) or "uri" not in value:
        fields.problem(("rights",), "rights: write the rights statement's address under "
                                    "rights: as 'uri: ...', for example "
                                    "uri: http://rightsstatements.org/vocab/InC/1.0/")
        return None
    for key in value:
        if key not in ("uri", "holder", "note"):
            fields.problem(("rights", str(key)), f"rights: unknown field '{key}'; use uri, "
                                                 "holder and note")
    statement = find_statement(str(value["uri"]))
    if statement is None:
        fields.problem(("rights", "uri"), f"rights.uri: '{value['uri']}' is not a "
                                          "rightsstatements.org statement or a Creative "
                                          "Commons 4.0 licence or public domain tool; for "
                                          "example http://rightsstatements.org/vocab/InC/1.0/ "
                                          "or https://creativecommons.org/licenses/by/4.0/")
        return None
    holder = (fields.localised(("rights", "holder"), value["holder"])
              if value.get("holder") is not None else None)
    note = (fields.localised(("rights", "note"), value["note"])
            if value.get("note") is not None else None)
    return Rights(statement, holder, note)


def _access(fields: Fields, value: Any, until: Any) -> tuple[str, date | None]:
    if value is None:
        return "public", None
    if value not in ACCESS_LEVELS:
        fields.problem(("access",), f"access: '{value}' is not an access level; use "
                                    f"{', '.join(ACCESS_LEVELS)}")
        return "public", None
    if value != "embargoed":
        if until is not None:
            fields.problem(("embargo_until",), "embargo_until: only embargoed items have an "
                                               "embargo date; set access: embargoed or remove "
                                               "the line")
        return value, None
    if until is None:
        fields.problem(("access",), "access: embargoed items need embargo_until: YYYY-MM-DD, "
                                    "the day the item may be published")
        return value, None
    try:
        return value, date.fromisoformat(str(until))
    except ValueError:
        fields.problem(("embargo_until",), f"embargo_until: '{until}' is not a date; write it "
                                           "as YYYY-MM-DD, for example 2030-01-01")
        return value, None


def _creators(fields: Fields, value: Any) -> list[Creator]:
    creators = []
    for index, entry in enumerate(fields.text_list(("creators",), value)):
        keys: Key = ("creators", index)
        if not isinstance(entry, dict) or "name" not in entry:
            fields.problem(keys, f"creators[{index + 1}]: write name: (per language) and role:")
            continue
        for key in entry:
            if key not in ("name", "role", "person"):
                fields.problem(keys + (str(key),), f"creators[{index + 1}]: unknown field "
                                                   f"'{key}'; use name, role and person")
        name = fields.localised(keys + ("name",), entry["name"])
        person = entry.get("person", False)
        if not isinstance(person, bool):
            fields.problem(keys + ("person",), f"creators[{index + 1}].person: write true for "
                                               "a person, false for an organisation")
            person = False
        role = entry.get("role", "contributor")
        if role not in CREATOR_ROLES:
            fields.problem(keys + ("role",), f"creators[{index + 1}].role: '{role}' is not a "
                                             f"role; use one of {', '.join(CREATOR_ROLES)}")
            continue
        if name:
            creators.append(Creator(name, role, person))
    return creators


def _terms(fields: Fields, field: str, value: Any, vocabulary: Vocabulary) -> list[Term]:
    terms = []
    for index, key in enumerate(fields.text_list((field,), value)):
        term = vocabulary.terms.get(str(key))
        if term is None:
            fields.problem((field, index), f"{field}: '{key}' is not in {vocabulary.path}; "
                                           f"use a key from that file or add it there with "
                                           "its labels")
            continue
        terms.append(term)
    return terms


def _sdgs(fields: Fields, value: Any) -> tuple[int, ...]:
    numbers = []
    for index, number in enumerate(fields.text_list(("sdgs",), value)):
        if isinstance(number, bool) or not isinstance(number, int) or not 1 <= number <= 17:
            fields.problem(("sdgs", index), f"sdgs: '{number}' is not a Sustainable "
                                            "Development Goal; write numbers from 1 to 17")
            continue
        numbers.append(number)
    return tuple(sorted(set(numbers)))


def _languages(fields: Fields, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    tags = []
    for index, tag in enumerate(fields.text_list(("language",), value)):
        try:
            Locale.parse(str(tag), sep="-")
        except (UnknownLocaleError, ValueError, TypeError):
            fields.problem(("language", index), f"language: '{tag}' is not a language tag; "
                                                "write for example zh-Hant or en")
            continue
        tags.append(str(tag))
    return tuple(tags)


def _source(fields: Fields, value: Any) -> Source | None:
    if value is None:
        return None
    url = value.get("url") if isinstance(value, dict) else None
    if not isinstance(value, dict) or not (url or value.get("name")) or \
            (url and not str(url).startswith(("https://", "http://"))):
        fields.problem(("source",), "source: write name: (per language) for where the original "
                                    "is kept and, when it is online, url: (an address starting "
                                    "with https://)")
        return None
    name = fields.localised(("source", "name"), value["name"]) if value.get("name") else None
    return Source(str(url) if url else "", name)


def _related(fields: Fields, value: Any) -> tuple[str, ...]:
    ids = []
    for index, item_id in enumerate(fields.text_list(("related",), value)):
        if not isinstance(item_id, str) or not SLUG.match(item_id):
            fields.problem(("related", index), f"related: '{item_id}' is not an item id")
            continue
        ids.append(item_id)
    return tuple(ids)


def _transcript(fields: Fields, folder: Path, keys: Key, value: Any, context: ReadContext
                ) -> Localised | None:
    """Transcript files (Markdown) per language, rendered and cleaned."""
    files = fields.localised(keys, value)
    if files is None:
        return None
    html = {}
    for code, relative in files.values.items():
        path = fields.media_path(folder, keys + (code,), relative)
        if path is None:
            continue
        if path.suffix.lower() != ".md":
            fields.problem(keys + (code,), f"{fields.name(keys)}.{code}: a transcript is a "
                                           "Markdown file ending in .md")
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            fields.problem(keys + (code,), f"{fields.name(keys)}.{code}: '{relative}' is not "
                                           "UTF-8 text")
            continue
        html[code] = render_markdown(context.md, text, context.base_path)
    return Localised(html, context.languages) if html else None


def _media(fields: Fields, folder: Path, item_id: str, value: Any, context: ReadContext
           ) -> list[Media]:
    media: list[Media] = []
    names: set[str] = set()
    for index, entry in enumerate(fields.text_list(("media",), value)):
        keys: Key = ("media", index)
        label = f"media[{index + 1}]"
        if not isinstance(entry, dict) or "file" not in entry:
            fields.problem(keys, f"{label}: write file: media/<file name>, then its alt text, "
                                 "caption or transcript")
            continue
        for key in entry:
            if key not in MEDIA_FIELDS:
                fields.problem(keys + (str(key),), f"{label}: unknown field '{key}'; use "
                                                   f"{', '.join(MEDIA_FIELDS)}")
        path = fields.media_path(folder, keys + ("file",), entry["file"])
        if path is None:
            continue
        if path.name in names:
            fields.problem(keys + ("file",), f"{label}.file: '{path.name}' is listed twice")
            continue
        names.add(path.name)
        suffix = path.suffix.lower()
        common = {
            "caption": fields.localised(keys + ("caption",), entry["caption"])
            if entry.get("caption") is not None else None,
            "label": fields.localised(keys + ("label",), entry["label"])
            if entry.get("label") is not None else None,
        }
        size = path.stat().st_size
        if suffix in IMAGE_TYPES:
            found = _image(fields, keys, label, path, entry, size, common)
        elif suffix == ".pdf":
            found = _pdf(fields, keys, label, path, size, common)
        elif suffix in AUDIO_TYPES or suffix in VIDEO_TYPES:
            found = _recording(fields, folder, keys, label, path, entry, size, common, context)
        else:
            fields.problem(keys + ("file",), f"{label}.file: '{path.name}' is not a kind of "
                                             f"file the archive publishes ({KNOWN_FILES})")
            found = None
        if found is not None:
            found.path = f"archive/media/{item_id}/{found.name}"
            media.append(found)
    return media


def _image(fields, keys, label, path, entry, size, common) -> Media | None:
    try:
        with Image.open(path) as image:
            image.verify()
        with Image.open(path) as image:
            width, height = image.size
            # Turned photos are published upright, so width and height follow the turn.
            orientation = image.getexif().get(0x0112, 1)
            if orientation in (5, 6, 7, 8):
                width, height = height, width
    except Exception as error:  # Pillow raises many kinds of error for a damaged file
        fields.problem(keys + ("file",), f"{label}.file: '{path.name}' cannot be read as an "
                                         f"image ({error.__class__.__name__}); export it again "
                                         "as JPEG or PNG")
        return None
    alt = fields.localised(keys + ("alt",), entry["alt"]) if entry.get("alt") else None
    if not entry.get("alt"):
        fields.problem(keys, f"{label}.alt: every image needs alt text (what the image shows, "
                             "for people who cannot see it), per language")
    return Media(path, path.name, "image", IMAGE_TYPES[path.suffix.lower()], size, alt=alt,
                 width=width, height=height, **common)


def _pdf(fields, keys, label, path, size, common) -> Media | None:
    with path.open("rb") as handle:
        if handle.read(5) != b"%PDF-":
            fields.problem(keys + ("file",), f"{label}.file: '{path.name}' is not a PDF file")
            return None
    return Media(path, path.name, "pdf", "application/pdf", size, **common)


def _recording(fields, folder, keys, label, path, entry, size, common, context) -> Media | None:
    suffix = path.suffix.lower()
    kind = "audio" if suffix in AUDIO_TYPES else "video"
    mime = AUDIO_TYPES.get(suffix) or VIDEO_TYPES[suffix]
    duration = entry.get("duration")
    if suffix == ".wav":
        try:
            with wave.open(str(path), "rb") as sound:
                duration = sound.getnframes() / sound.getframerate()
        except (wave.Error, EOFError) as error:
            fields.problem(keys + ("file",), f"{label}.file: '{path.name}' cannot be read as "
                                             f"WAV audio ({error})")
            return None
    if isinstance(duration, bool) or not isinstance(duration, int | float) or duration <= 0:
        fields.problem(keys + ("duration",), f"{label}.duration: give the length of the "
                                             "recording in seconds, for example 95.5")
        return None
    if entry.get("transcript") is None:
        fields.problem(keys, f"{label}.transcript: every recording needs a transcript "
                             "(a Markdown file per language), for people who cannot hear it")
    transcript = (_transcript(fields, folder, keys + ("transcript",), entry["transcript"],
                              context) if entry.get("transcript") is not None else None)
    captions: dict = {}
    if entry.get("captions") is not None:
        files = fields.localised(keys + ("captions",), entry["captions"])
        for code, relative in (files.values.items() if files else ()):
            caption_path = fields.media_path(folder, keys + ("captions", code), relative)
            if caption_path is None:
                continue
            head = caption_path.read_bytes()[:10].decode("utf-8", "replace").lstrip("\ufeff")
            if caption_path.suffix.lower() != ".vtt" or not head.startswith("WEBVTT"):
                fields.problem(keys + ("captions", code), f"{label}.captions.{code}: captions "
                                                          "are a WebVTT file (.vtt) that "
                                                          "starts with WEBVTT")
                continue
            captions[code] = caption_path
    elif kind == "video":
        fields.problem(keys, f"{label}.captions: every video needs captions (a WebVTT file "
                             "per language)")
    return Media(path, path.name, kind, mime, size, transcript=transcript, captions=captions,
                 duration=float(duration), **common)
