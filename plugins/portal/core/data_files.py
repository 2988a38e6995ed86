"""Editors' YAML data files, read with the line of every value so that mistakes are reported
as ``file:line: message``, and the bilingual text those files hold.

PyYAML's safe loader forgets where a value came from; this loader keeps the line of every mapping
key and sequence item, keeps dates as the text the editor typed (EDTF and ISO dates are parsed by
the code that knows what the field means), and reports duplicate keys, which YAML silently drops.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from . import resident
from .errors import Problem, display_path, yaml_hint
from .languages import Language


class LineMap(dict):
    """A YAML mapping that remembers the line of the mapping and of each key."""

    line: int = 1

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.lines: dict[Any, int] = {}

    def line_of(self, key: Any) -> int:
        return self.lines.get(key, self.line)


class LineList(list):
    """A YAML sequence that remembers its own line and the line of each item."""

    line: int = 1

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.lines: list[int] = []

    def line_of(self, index: int) -> int:
        return self.lines[index] if 0 <= index < len(self.lines) else self.line


class _LineLoader(yaml.SafeLoader):
    """Safe loader building LineMap/LineList; collects duplicate keys in ``duplicates``."""

    def __init__(self, stream):
        super().__init__(stream)
        self.duplicates: list[tuple[int, Any]] = []


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineMap:
    loader.flatten_mapping(node)
    mapping = LineMap()
    mapping.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            key = str(key)
        line = key_node.start_mark.line + 1
        if key in mapping:
            loader.duplicates.append((line, key))
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.lines[key] = line
    return mapping


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> LineList:
    sequence = LineList(loader.construct_object(child, deep=True) for child in node.value)
    sequence.line = node.start_mark.line + 1
    sequence.lines = [child.start_mark.line + 1 for child in node.value]
    return sequence


def _construct_timestamp_as_text(loader: _LineLoader, node: yaml.ScalarNode) -> str:
    # An unquoted 2001-01-20 would become a datetime.date; EDTF fields need the text itself.
    return loader.construct_scalar(node)


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp_as_text)


def load_yaml(path: Path, display: str | None = None) -> tuple[Any, list[Problem]]:
    """Read a YAML file; returns ``(data, problems)`` where data is None when it cannot be read."""
    display = display or display_path(path)
    if not path.exists():
        return None, [Problem(display, 0, "the file is missing")]
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        return None, [Problem(display, 1, f"the file is not UTF-8 text ({error.reason}); "
                                          "save it as UTF-8")]
    # A build process that stays up parses a file again only when its text changed; callers
    # get their own copy, as from a fresh parse.
    kept = resident.recall(f"yaml:{path}|{display}", text)
    if kept is not None:
        return copy.deepcopy(kept)
    loader = _LineLoader(text)
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        reason = error.problem or error.context or "invalid YAML"
        hint = yaml_hint(reason, text, line)
        if hint:
            return None, [Problem(display, line, f"this is not valid YAML: {hint}")]
        return None, [Problem(display, line, f"this is not valid YAML: {reason}; check the "
                                             "indentation and quote text that contains ': '")]
    except yaml.YAMLError as error:
        return None, [Problem(display, 1, f"this is not valid YAML: {error}")]
    finally:
        loader.dispose()
    problems = [Problem(display, line, f"'{key}' is given twice; keep only one")
                for line, key in loader.duplicates]
    if resident.enabled():
        resident.keep(f"yaml:{path}|{display}", text, copy.deepcopy((data, problems)))
    return data, problems


def open_data_file(path: Path, languages, keys: tuple[str, ...]
                   ) -> tuple[LineMap | None, Checker, list[Problem]]:
    """Read a data file whose top level is a mapping with only ``keys``: the mapping (None when
    the file cannot be used), the checker for the rest of it, and the problems so far."""
    display = display_path(path)
    data, problems = load_yaml(path, display)
    check = Checker(display, languages)
    if data is None:
        return None, check, problems
    root = check.mapping(data, 1, "the file")
    if root is not None:
        check.unknown_keys(root, keys, "the file")
    return root, check, problems


def data_path(settings: dict, name: str) -> Path:
    """A file in the data folder (PORTAL_DATA_DIR), relative to where the build runs."""
    return Path(settings["PORTAL_DATA_DIR"]) / name


# -- bilingual text ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Shown:
    """Text as a page shows it, with the language it is really written in."""

    text: str
    language: Language

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class LocalText:
    """One text in several languages (``{"en": ..., "zh-TW": ...}`` in a data file).

    A language without its own version shows the default language's, marked with that language,
    so a new site language works before every data file is translated.
    """

    values: dict[str, str]
    languages: tuple[Language, ...]

    def shown(self, language: Language) -> Shown:
        if self.values.get(language.code):
            return Shown(self.values[language.code], language)
        for other in self.languages:
            if self.values.get(other.code):
                return Shown(self.values[other.code], other)
        return Shown("", language)

    def __call__(self, language: Language) -> str:
        return self.shown(language).text


class Checker:
    """Collects problems for one data file, naming the file, the line and the field."""

    def __init__(self, display: str, languages: Iterable[Language]):
        self.display = display
        self.languages = tuple(languages)
        self.problems: list[Problem] = []

    def add(self, line: int, message: str, severity: str = "error") -> None:
        self.problems.append(Problem(self.display, line, message, severity))

    def mapping(self, value: Any, line: int, what: str) -> LineMap | None:
        if isinstance(value, LineMap):
            return value
        self.add(line, f"{what} must be a set of 'key: value' lines")
        return None

    def sequence(self, value: Any, line: int, what: str) -> LineList | None:
        if isinstance(value, LineList):
            return value
        self.add(line, f"{what} must be a list (lines starting with '- ')")
        return None

    def unknown_keys(self, mapping: LineMap, allowed: Iterable[str], what: str) -> None:
        allowed = tuple(allowed)
        for key in mapping:
            if key not in allowed:
                self.add(mapping.line_of(key), f"unknown field '{key}' in {what}; "
                                               f"allowed fields: {', '.join(allowed)}")

    def required(self, mapping: LineMap, keys: Iterable[str], what: str) -> bool:
        ok = True
        for key in keys:
            if mapping.get(key) in (None, ""):
                self.add(mapping.line_of(key) if key in mapping else mapping.line,
                         f"{what} needs '{key}'")
                ok = False
        return ok

    def text(self, mapping: LineMap, key: str, what: str, required: bool = True
             ) -> LocalText | None:
        """A bilingual field: ``{en: ..., zh-TW: ...}``; the default language is required."""
        line = mapping.line_of(key)
        value = mapping.get(key)
        if value is None:
            if required:
                self.add(mapping.line, f"{what} needs '{key}' "
                                       f"(with {', '.join(lang.code for lang in self.languages)})")
            return None
        if isinstance(value, str):
            self.add(line, f"'{key}' in {what} must give the text per language, for example "
                           f"'{key}: {{en: ..., {self.languages[-1].code}: ...}}'")
            return None
        texts = self.mapping(value, line, f"'{key}' in {what}")
        if texts is None:
            return None
        codes = [lang.code for lang in self.languages]
        values: dict[str, str] = {}
        for code, text in texts.items():
            if code not in codes:
                self.add(texts.line_of(code), f"unknown language '{code}' in '{key}' of {what}; "
                                              f"languages: {', '.join(codes)}")
            elif not isinstance(text, str) or not text.strip():
                self.add(texts.line_of(code), f"'{key}' in {what} has no {code} text")
            else:
                values[code] = " ".join(text.split())
        default = self.languages[0].code
        if default not in texts:
            self.add(texts.line, f"'{key}' in {what} needs the {default} text")
        return LocalText(values, self.languages)
