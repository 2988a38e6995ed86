"""Turning one Markdown file into a ``Document``, with every problem reported by file and line."""

from __future__ import annotations

import re
from pathlib import Path

import markdown

from ..core import edtf_dates
from ..core.errors import Problem
from ..core.languages import Language
from .frontmatter import Header, parse_bool, parse_date, parse_list, split_header
from .links import markdown_targets
from .model import (
    AUDIENCES,
    CAUSES,
    DEFAULT_STATUS_VALUES,
    KIND_FIELDS,
    REQUIRED_FIELDS,
    REQUIRED_IN_ORIGINAL,
    RESERVED_IDS,
    SDG_NUMBERS,
    STATUS_VALUES,
    Document,
    content_hash,
    field_name,
)

ROOT_LINK = re.compile(r'(href|src)="/(?!/)')
#: Markdown's table alignment is an inline style, which a strict Content-Security-Policy blocks.
ALIGN_STYLE = re.compile(r'style="text-align: (left|right|center);"')
ITEM_ID = re.compile(r"[a-z0-9][a-z0-9-]*")


def make_markdown(settings: dict) -> markdown.Markdown:
    """One Markdown instance for the whole build (reset between files: creating one is slow)."""
    config = settings.get("MARKDOWN", {})
    configs = {name: opts for name, opts in config.get("extension_configs", {}).items()
               if not name.endswith(".meta")}
    return markdown.Markdown(extensions=list(configs), extension_configs=configs,
                             output_format=config.get("output_format", "html"))


def reading_settings(settings: dict, languages: tuple[Language, ...], base_path: str
                     ) -> tuple[str, ...]:
    """What a file read with ``make_markdown`` depends on besides the file itself (results
    of reading are kept between builds under these)."""
    from ..core.fingerprint import settings_text

    return repr(languages), base_path, settings_text(settings.get("MARKDOWN"))


def read_document(path: Path, display: str, kind: str, language: Language,
                  languages: dict[str, Language], md: markdown.Markdown,
                  base_path: str = "") -> tuple[Document | None, list[Problem]]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        return None, [Problem(display, 1, f"the file is not UTF-8 text ({error.reason}); "
                                          "save it as UTF-8")]
    header, problems = split_header(display, text)
    allowed = KIND_FIELDS[kind]
    for key in header.values:
        if key not in allowed:
            problems.append(header.problem(key, f"unknown field '{key}' for a {kind}; "
                                                f"allowed fields: {', '.join(sorted(allowed))}"))
    translated = "translated-from" in header.values
    required = REQUIRED_FIELDS[kind] + (() if translated else REQUIRED_IN_ORIGINAL.get(kind, ()))
    for key in required:
        if not header.values.get(key):
            line = header.line_of(key) if key in header.values else 1
            problems.append(Problem(display, line, f"missing {field_name(key)}: every {kind} "
                                                   f"needs a '{field_name(key)}:' line"))
    if path.stem in RESERVED_IDS.get(kind, ()):
        problems.append(Problem(display, 1, f"the file name '{path.name}' is kept for a page the "
                                            "site makes itself; choose another file name"))
    doc_date, problem = parse_date(header, "date")
    modified, problem2 = parse_date(header, "modified")
    machine, problem3 = parse_bool(header, "machine-translated")
    problems += [p for p in (problem, problem2, problem3) if p]

    nav = None
    if "nav" in header.values:
        if header.values["nav"].isdigit():
            nav = int(header.values["nav"])
        else:
            problems.append(header.problem("nav", "Nav: write a whole number giving the "
                                                  "position in the main menu"))
    translated_from = header.values.get("translated-from")
    if translated_from is not None and translated_from not in languages:
        problems.append(header.problem(
            "translated-from", f"unknown language {translated_from!r} in Translated-From; "
                               f"known languages: {', '.join(languages)}"))
    if translated_from == language.code:
        problems.append(header.problem("translated-from",
                                       "a document cannot be a translation of its own language"))
    statuses = STATUS_VALUES.get(kind, DEFAULT_STATUS_VALUES)
    if "status" in header.values and header.values["status"] not in statuses:
        problems.append(header.problem("status", f"Status: write {', '.join(statuses[:-1])} "
                                                 f"or {statuses[-1]}"))
    meta: dict = {}
    if kind == "program":
        meta, found = programme_meta(header)
        problems += found
    if any(p.severity == "error" for p in problems):
        return None, problems

    md.reset()
    body_html = ALIGN_STYLE.sub(r'class="align-\1"', md.convert(header.body))
    if base_path:
        body_html = ROOT_LINK.sub(lambda m: f'{m[1]}="{base_path}/', body_html)
    title = header.values["title"]
    return Document(
        kind=kind,
        id=path.stem,
        language=language,
        source_path=display,
        title=title,
        summary=header.values.get("summary", ""),
        body_html=body_html,
        hash=content_hash(title, header.body),
        date=doc_date,
        modified=modified,
        nav=nav,
        nav_title=header.values.get("nav-title"),
        translated_from=translated_from,
        recorded_source_hash=header.values.get("source-hash"),
        machine_translated=machine,
        draft=header.values.get("status") == "draft",
        headings=getattr(md, "toc_tokens", []),
        meta=meta,
        field_lines=dict(header.lines),
        targets=markdown_targets(header.body, header.body_line),
    ), problems


def programme_meta(header: Header) -> tuple[dict, list[Problem]]:
    """A programme's facts from its header, each checked against its vocabulary."""
    problems: list[Problem] = []
    meta: dict = {"lead_agency": header.values.get("lead-agency", "")}
    if "sdgs" in header.values:
        numbers = []
        for item in parse_list(header, "sdgs"):
            if item.isdigit() and int(item) in SDG_NUMBERS:
                numbers.append(int(item))
            else:
                problems.append(header.problem("sdgs", f"SDGs: {item!r} is not a goal number; "
                                                       "write numbers from 1 to 17, for example "
                                                       "SDGs: 3, 10, 11"))
        if not numbers and not problems:
            problems.append(header.problem("sdgs", "SDGs: give at least one goal number"))
        meta["sdgs"] = tuple(sorted(set(numbers)))
    for key, vocabulary in (("audiences", AUDIENCES), ("causes", CAUSES)):
        if key not in header.values:
            continue
        values = parse_list(header, key)
        for item in values:
            if item not in vocabulary:
                problems.append(header.problem(key, f"{field_name(key)}: unknown value {item!r}; "
                                                    f"choose from {', '.join(vocabulary)}"))
        meta[key] = tuple(dict.fromkeys(v for v in values if v in vocabulary))
    if "archive-items" in header.values:
        ids = parse_list(header, "archive-items")
        for item in ids:
            if not ITEM_ID.fullmatch(item):
                problems.append(header.problem(
                    "archive-items", f"Archive-Items: {item!r} is not an archive item id (the "
                                     "folder name under memory_archive/, like 'team-photo-1985')"))
        meta["archive_items"] = tuple(dict.fromkeys(ids))
    if "status" in header.values:
        meta["status"] = header.values["status"]
    if "period" in header.values:
        try:
            meta["period"] = edtf_dates.parse(header.values["period"])
        except edtf_dates.EdtfError as error:
            problems.append(header.problem("period", f"Period: {error}"))
    return meta, problems
