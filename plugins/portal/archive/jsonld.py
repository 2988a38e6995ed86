"""schema.org JSON-LD for an item page (an ``ArchiveComponent``, a kind of ``CreativeWork``)."""

from __future__ import annotations

import json

from markupsafe import Markup

from ..core.languages import Language
from ..core.site import Site
from .model import Item

#: schema.org types per item type, beside ArchiveComponent.
SCHEMA_TYPES = {"photo": "Photograph", "document": "DigitalDocument",
                "newsletter": "Periodical", "oral-history": "CreativeWork",
                "object": "CreativeWork", "record": "Dataset"}


def _text(value, language: Language) -> str | None:
    picked = value.pick(language) if value else None
    return picked.text if picked else None


def item_jsonld(item: Item, site: Site, language: Language, archive_name: str) -> dict:
    """What a search engine needs to know about ``item``, in the page's language."""
    url = site.absolute(language, item.path)
    data: dict = {
        "@context": "https://schema.org",
        "@type": sorted({"ArchiveComponent", SCHEMA_TYPES[item.type]}),
        "@id": url,
        "url": url,
        "identifier": item.id,
        "name": _text(item.title, language),
        "description": " ".join((_text(item.description, language) or "").split()),
        "temporalCoverage": item.date.edtf,
        "additionalType": f"http://purl.org/dc/dcmitype/{item.dcmi_type}",
        "license": item.rights.statement.uri,
        "holdingArchive": {"@type": "ArchiveOrganization", "name": archive_name,
                           "url": site.absolute(language, "archive/")},
        "isPartOf": {"@type": "Collection", "name": archive_name,
                     "url": site.absolute(language, "archive/")},
    }
    if item.date.exact:
        data["dateCreated"] = item.date.exact.isoformat()
    if item.item_languages:
        data["inLanguage"] = list(item.item_languages)
    if item.creators:
        data["creator"] = [{"@type": "Person" if c.person else "Organization",
                            "name": c.name.pick(language).text}
                           for c in item.creators]
    if item.rights.holder:
        data["copyrightHolder"] = {"@type": "Organization",
                                   "name": _text(item.rights.holder, language)}
    if item.subjects:
        data["about"] = [{"@type": "DefinedTerm", "name": _text(t.label, language),
                          "termCode": t.key} for t in item.subjects]
    if item.places:
        data["contentLocation"] = [{"@type": "Place", "name": _text(t.label, language)}
                                   for t in item.places]
    if item.source and item.source.url:
        data["isBasedOn"] = item.source.url
    thumbnail = item.thumbnail
    if thumbnail is not None:
        data["image"] = site.absolute(site.default, thumbnail.path)
    media = [{"@type": "MediaObject", "contentUrl": site.absolute(site.default, m.path),
              "encodingFormat": m.mime, "contentSize": str(m.size)}
             for m in item.published_media]
    if media:
        data["associatedMedia"] = media
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def script_json(data: dict) -> Markup:
    """JSON that is safe inside <script>: no character can end the element early."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)
