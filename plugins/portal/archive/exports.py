"""Data downloads: every published item's metadata as CSV and JSON, described by a Data Package
(https://datapackage.org/, version 2) so the files can be checked and loaded by tools."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..core.jsontext import indented_json
from ..core.site import Site
from .model import Item

LIST_DELIMITER = "|"
DATA_DIR = "archive/data/"


@dataclass(frozen=True)
class Column:
    """A field of the downloads: its name, Table Schema type, description and value."""

    name: str
    type: str
    description: str
    value: Callable[[Item], Any]
    required: bool = False


def _column_code(code: str) -> str:
    return code.lower().replace("-", "_")


def columns(site: Site, date_words: Callable[[Item, str], str]) -> list[Column]:
    """The fields, with one title, description and date column per language of the site."""
    default = site.default
    cols = [
        Column("id", "string", "Stable identifier of the item; also its web address.",
               lambda item: item.id, True),
        Column("url", "string", "Address of the item's page in the default language.",
               lambda item: site.absolute(default, item.path), True),
        Column("type", "string", "Kind of item (photo, document, newsletter, oral-history, "
                                 "object, record).", lambda item: item.type, True),
        Column("dcmi_type", "string", "DCMI Type of the item.",
               lambda item: item.dcmi_type, True),
    ]
    for language in site.languages:
        code, suffix = language.code, _column_code(language.code)
        cols += [
            Column(f"title_{suffix}", "string", f"Title in {language.native_name} "
                                                "(empty when not translated).",
                   lambda item, code=code: item.title.get(code)),
            Column(f"description_{suffix}", "string",
                   f"Description in {language.native_name}, Markdown.",
                   lambda item, code=code: item.description.get(code)),
            Column(f"date_{suffix}", "string", f"The date in words, in {language.native_name}.",
                   lambda item, code=code: date_words(item, code)),
        ]
    cols += [
        Column("date_edtf", "string", "The date in the Extended Date/Time Format (EDTF).",
               lambda item: item.date.edtf, True),
        Column("date_earliest", "date", "Earliest day the date can mean.",
               lambda item: item.date.lower, True),
        Column("date_latest", "date", "Latest day the date can mean.",
               lambda item: item.date.upper, True),
        Column("creators", "list", "Creators as 'name (role)', names in the default language.",
               lambda item: [f"{c.name.first()} ({c.role})" for c in item.creators]),
        Column("subjects", "list", "Subject keys (see the subject vocabulary).",
               lambda item: [term.key for term in item.subjects]),
        Column("places", "list", "Place keys (see the place vocabulary).",
               lambda item: [term.key for term in item.places]),
        Column("sdgs", "list", "Numbers of the UN Sustainable Development Goals.",
               lambda item: [str(n) for n in item.sdgs]),
        Column("language", "list", "Languages of the item itself (BCP 47 tags).",
               lambda item: list(item.item_languages)),
        Column("source_url", "string", "Where the original can be found.",
               lambda item: item.source.url if item.source else ""),
        Column("rights_uri", "string", "Rights statement or licence (URI).",
               lambda item: item.rights.statement.uri, True),
        Column("rights_holder", "string", "Rights holder, in the default language.",
               lambda item: item.rights.holder.first() if item.rights.holder else ""),
        Column("access", "string", "public, or metadata_only when the files are not "
                                   "published.", lambda item: item.access, True),
        Column("made_by_project", "boolean", "True when the portal project made the item "
                                             "(a summary, chart or illustration).",
               lambda item: item.made_by_project, True),
        Column("related", "list", "Ids of related items.",
               lambda item: [other.id for other in item.related]),
        Column("media", "list", "Addresses of the published files.",
               lambda item: [site.absolute(default, m.path) for m in item.published_media]),
        Column("iiif_manifest", "string", "Address of the IIIF Presentation 3 manifest.",
               lambda item: site.absolute(default, item.manifest_path)
               if item.has_manifest else ""),
    ]
    return cols


def _plain(value: Any) -> Any:
    """A value as JSON holds it."""
    if isinstance(value, date):
        return value.isoformat()
    return value


def _cell(value: Any) -> str:
    """A value as a CSV cell: lists joined with the declared delimiter."""
    if isinstance(value, list):
        return LIST_DELIMITER.join(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(_plain(value))


def items_csv(items: list[Item], cols: list[Column]) -> str:
    # A byte order mark lets spreadsheet programs open the Chinese text as UTF-8.
    buffer = io.StringIO("\ufeff")
    buffer.seek(0, io.SEEK_END)
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([col.name for col in cols])
    for item in items:
        writer.writerow([_cell(col.value(item)) for col in cols])
    return buffer.getvalue()


def items_json(items: list[Item], cols: list[Column]) -> str:
    records = [{col.name: _plain(col.value(item)) for col in cols} for item in items]
    return indented_json(records)


def _schema(cols: list[Column], json_lists: bool) -> dict:
    fields = []
    for col in cols:
        field: dict[str, Any] = {"name": col.name, "type": col.type,
                                 "description": col.description}
        if col.type == "list":
            field["itemType"] = "string"
            if not json_lists:
                field["delimiter"] = LIST_DELIMITER
        if col.required:
            field["constraints"] = {"required": True}
        fields.append(field)
    return {"fields": fields, "primaryKey": ["id"]}


def datapackage(site: Site, cols: list[Column], sizes: dict[str, int]) -> str:
    package = {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": "taipei-volunteers-memory-archive",
        "title": "Taipei Volunteers memory archive: item metadata",
        "description": "Metadata of every published item of the portal's memory archive of "
                       "volunteering in Taipei. Embargoed items are left out until their date.",
        "homepage": site.absolute(site.default, "archive/"),
        "licenses": [{"name": "OGDL-Taiwan-1.0",
                      "title": "Open Government Data License, version 1.0",
                      "path": "https://data.gov.tw/license"}],
        "resources": [
            {"name": "items-csv", "path": "items.csv", "type": "table", "format": "csv",
             "mediatype": "text/csv", "encoding": "utf-8", "bytes": sizes["items.csv"],
             "schema": _schema(cols, json_lists=False)},
            {"name": "items-json", "path": "items.json", "type": "table", "format": "json",
             "mediatype": "application/json", "encoding": "utf-8",
             "bytes": sizes["items.json"], "schema": _schema(cols, json_lists=True)},
        ],
    }
    return json.dumps(package, ensure_ascii=False, indent=1) + "\n"


def exports(site: Site, items: list[Item], date_words: Callable[[Item, str], str]
            ) -> dict[str, str]:
    """File name (under archive/data/) -> text, for every download."""
    cols = columns(site, date_words)
    files = {"items.csv": items_csv(items, cols), "items.json": items_json(items, cols)}
    sizes = {name: len(text.encode("utf-8")) for name, text in files.items()}
    files["datapackage.json"] = datapackage(site, cols, sizes)
    return files


#: The downloads, in the order they are made (the data package describes the other two).
EXPORT_FILES = ("items.csv", "items.json", "datapackage.json")


def export_file(name: str, site: Site, items: list[Item]) -> str:
    """One of ``EXPORT_FILES``; made only when the items changed."""
    return exports(site, items, lambda item, code: item.date_words[code])[name]
