"""Turning one Markdown file into a ``Document``, with every problem reported by file and line."""

from __future__ import annotations

import re
from pathlib import Path

import markdown

from ..core.errors import Problem
from ..core.languages import Language
from .frontmatter import parse_bool, parse_date, split_header
from .model import KIND_FIELDS, REQUIRED_FIELDS, Document, content_hash

ROOT_LINK = re.compile(r'(href|src)="/(?!/)')
#: Markdown's table alignment is an inline style, which a strict Content-Security-Policy blocks.
ALIGN_STYLE = re.compile(r'style="text-align: (left|right|center);"')


def make_markdown(settings: dict) -> markdown.Markdown:
    """One Markdown instance for the whole build (reset between files: creating one is slow)."""
    config = settings.get("MARKDOWN", {})
    configs = {name: opts for name, opts in config.get("extension_configs", {}).items()
               if not name.endswith(".meta")}
    return markdown.Markdown(extensions=list(configs), extension_configs=configs,
                             output_format=config.get("output_format", "html"))


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
    for key in REQUIRED_FIELDS[kind]:
        if not header.values.get(key):
            line = header.line_of(key) if key in header.values else 1
            problems.append(Problem(display, line, f"missing {key.capitalize()}: every {kind} "
                                                   f"needs a '{key.capitalize()}:' line"))
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
    if "status" in header.values and header.values["status"] not in ("published", "draft"):
        problems.append(header.problem("status", "Status: write published or draft"))
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
    ), problems
