"""Reading a Markdown file's ``Key: value`` header with the line number of every field."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ..core.errors import Problem

KEY_LINE = re.compile(r"^(?P<key>[^\s:][^:]*?)\s*:\s*(?P<value>.*)$")
DATE_VALUE = re.compile(r"\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?")
SMART_QUOTES = "“”‘’「」"


@dataclass
class Header:
    """The header of one file: values and the line each came from."""

    path: str
    values: dict[str, str] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1

    def line_of(self, key: str) -> int:
        return self.lines.get(key, 1)

    def problem(self, key: str, message: str, severity: str = "error") -> Problem:
        return Problem(self.path, self.line_of(key), message, severity)


def split_header(path: str, text: str) -> tuple[Header, list[Problem]]:
    """Split ``text`` into header fields and body; report lines that are not ``Key: value``."""
    header = Header(path)
    problems: list[Problem] = []
    lines = text.splitlines()
    index = 0
    last_key = None
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            break
        if line[0] in " \t" and last_key:
            header.values[last_key] += " " + line.strip()
        else:
            match = KEY_LINE.match(line)
            if not match:
                problems.append(Problem(path, index + 1,
                                        f"expected 'Key: value' in the header, found {line!r}; "
                                        "leave one empty line between the header and the text"))
                break
            key = match["key"].strip()
            if any(q in key for q in SMART_QUOTES):
                problems.append(Problem(path, index + 1,
                                        f"field name {key!r} contains a typographic quote; "
                                        "type field names with plain letters"))
                # Read on as if typed plainly, so this is the one message about the line.
                key = key.strip(SMART_QUOTES + "\"' ")
            key = key.lower()
            if key in header.values:
                problems.append(Problem(path, index + 1, f"field '{key}' is given twice"))
            header.values[key] = match["value"].strip()
            header.lines[key] = index + 1
            last_key = key
        index += 1
    header.body = "\n".join(lines[index + 1:])
    header.body_line = index + 2
    return header, problems


def parse_date(header: Header, key: str) -> tuple[date | None, Problem | None]:
    raw = header.values.get(key)
    if raw is None:
        return None, None
    try:
        if not DATE_VALUE.fullmatch(raw):
            raise ValueError(raw)
        return date.fromisoformat(raw[:10]), None
    except ValueError:
        return None, header.problem(
            key, f"{key.capitalize()}: {raw!r} is not a valid date; "
                 "write it as YYYY-MM-DD, for example 2021-01-20")


def parse_bool(header: Header, key: str) -> tuple[bool, Problem | None]:
    raw = header.values.get(key, "").lower()
    if raw in ("", "no", "false"):
        return False, None
    if raw in ("yes", "true"):
        return True, None
    return False, header.problem(key, f"{key.capitalize()}: write yes or no, not {raw!r}")


LIST_SEPARATORS = re.compile(r"[,，、;；]")


def parse_list(header: Header, key: str) -> list[str]:
    """A comma-separated field (``SDGs: 3, 10, 11``); Chinese commas are accepted too."""
    raw = header.values.get(key, "")
    return [item.strip() for item in LIST_SEPARATORS.split(raw) if item.strip()]
