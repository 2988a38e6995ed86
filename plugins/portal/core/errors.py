"""Editor-facing errors: ``file:line: message``, never a traceback."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in an editor's input."""

    path: str
    line: int
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        label = "" if self.severity == "error" else f"{self.severity}: "
        return f"{where}: {label}{self.message}"


class EditorError(Exception):
    """Raised when editors' input stops the build; carries every problem found."""

    exitcode = 1

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def display_path(path: str | Path, root: str | Path | None = None) -> str:
    """Path as an editor sees it: relative to the project when possible."""
    path = Path(path)
    for base in (root, Path.cwd()):
        if base is None:
            continue
        try:
            return str(path.resolve().relative_to(Path(base).resolve()))
        except ValueError:
            continue
    return str(path)


#: Set by ``collecting()``: problems go here instead of stopping the process (``portal check``).
_collectors: list[list[Problem]] = []


@contextmanager
def collecting() -> Iterator[list[Problem]]:
    """Within this block ``fail_build`` and ``report`` record problems and return, so that a
    checker can read every section with the same code the build uses and list every problem."""
    found: list[Problem] = []
    _collectors.append(found)
    try:
        yield found
    finally:
        _collectors.remove(found)


def report(problems: list[Problem]) -> None:
    """Warnings found while building: printed by a build, collected by ``portal check``."""
    if _collectors:
        _collectors[-1].extend(problems)
        return
    for problem in sorted(problems):
        print(problem, file=sys.stderr)


def fail_build(problems: list[Problem]) -> None:
    """Print every problem and stop the build with a non-zero exit, without a traceback."""
    if _collectors:
        _collectors[-1].extend(problems)
        return
    errors = [p for p in problems if p.severity == "error"]
    for problem in sorted(problems):
        print(problem, file=sys.stderr)
    print(
        f"Build stopped: {len(errors)} error(s). output/ was left as it was.",
        file=sys.stderr,
    )
    raise SystemExit(1)


def yaml_hint(reason: str, text: str, line: int) -> str | None:
    """Plain words for the YAML slips editors make most, or None to keep the parser's."""
    source = text.splitlines()[line - 1] if 0 < line <= len(text.splitlines()) else ""
    indent = source[:len(source) - len(source.lstrip())]
    if "\t" in reason or "\\t" in reason or "\t" in indent:
        return ("YAML uses spaces, not tabs: indent this line with spaces (two per level), "
                "never the Tab key")
    if any(q in source.split(":", 1)[0] for q in "“”‘’「」"):
        return ("a typographic quote (“ ” ‘ ’) is in a field name: type field names with plain "
                "letters, and use straight quotes (\" or ') around text")
    if "mapping values are not allowed" in reason:
        return ("text that contains ': ' must be in quotes, or a line is indented more than the "
                "one above it")
    if "expected <block end>" in reason or "did not find expected key" in reason:
        return ("the indentation does not match the lines above: line up this field with the "
                "other fields of the same item (spaces only)")
    return None
