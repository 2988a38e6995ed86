"""YAML files read with the line of every key, so editors' mistakes point at the right line."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..core.errors import Problem, yaml_hint

Key = tuple[str | int, ...]


#: libyaml's parser when PyYAML was built with it (several times faster), else pure Python.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class TextDatesLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loader that leaves dates as text: the archive parses them itself (EDTF, embargo
    dates), and an impossible date such as 2001-13-45 then gets an editor's message instead of
    an exception from deep inside the YAML library."""


TextDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class YamlFile:
    """A YAML document's data and, for every key and list entry, the line it starts on."""

    path: str
    data: Any
    lines: dict[Key, int] = field(default_factory=dict)

    def line(self, *keys: str | int) -> int:
        """Line of the deepest known key along ``keys`` (0, "unknown", for a missing field)."""
        while keys:
            if keys in self.lines:
                return self.lines[keys]
            keys = keys[:-1]
        return 0

    def problem(self, keys: Key, message: str) -> Problem:
        return Problem(self.path, self.line(*keys), message)


def _record_lines(node: yaml.Node, prefix: Key, lines: dict[Key, int]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = prefix + (str(key_node.value),)
            lines[key] = key_node.start_mark.line + 1
            _record_lines(value_node, key, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, value_node in enumerate(node.value):
            key = prefix + (index,)
            lines[key] = value_node.start_mark.line + 1
            _record_lines(value_node, key, lines)


def read_yaml(path: Path, display: str) -> tuple[YamlFile | None, list[Problem]]:
    """Parse ``path``; YAML mistakes come back as problems with the line the parser stopped at."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        return None, [Problem(display, 0, f"the file is not UTF-8 text ({error.reason}); save "
                                          "it as UTF-8")]
    except OSError as error:
        return None, [Problem(display, 0, f"the file cannot be read ({error.strerror})")]
    loader = TextDatesLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as error:
        # Where an unclosed bracket or quote began is more use to an editor than the end of
        # the file, where the parser noticed it.
        mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 0
        reason = getattr(error, "problem", None) or str(error)
        problem_mark = getattr(error, "problem_mark", None)
        hint = yaml_hint(reason, text, problem_mark.line + 1 if problem_mark else line)
        if hint:
            if problem_mark is not None and "tab" in hint:
                line = problem_mark.line + 1
            return None, [Problem(display, line, f"this is not valid YAML: {hint}")]
        return None, [Problem(display, line, f"this is not valid YAML ({reason}); check the "
                                             "indentation and put quotes around text that "
                                             "contains a colon")]
    finally:
        loader.dispose()
    lines: dict[Key, int] = {}
    if node is not None:
        _record_lines(node, (), lines)
    return YamlFile(display, data, lines), []
