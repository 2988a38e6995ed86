"""``data/sdgs.yml``: the 17 goals, their names per language and UN colours, checked by line."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..core.data_files import Checker, LineList, LineMap, LocalText, open_data_file
from ..core.errors import Problem
from ..core.languages import Language
from .colours import AA_NORMAL_TEXT, best_ink

COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")
GOAL_FIELDS = ("number", "name", "colour", "taipei_priority")
SOURCE_FIELDS = ("about", "title", "url")


@dataclass(frozen=True)
class Goal:
    """One Sustainable Development Goal as the site shows it."""

    number: int
    name: LocalText
    colour: str
    ink: str
    contrast: float
    taipei_priority: int | None = None

    @property
    def css_class(self) -> str:
        return f"sdg-{self.number}"

    @property
    def route_key(self) -> str:
        return f"sdg:{self.number}"


@dataclass(frozen=True)
class Source:
    about: LocalText
    title: LocalText
    url: str | None = None


@dataclass
class Goals:
    """Every goal by number, and where the names and colours come from."""

    goals: dict[int, Goal] = field(default_factory=dict)
    sources: list[Source] = field(default_factory=list)

    def __iter__(self) -> Iterator[Goal]:
        return iter(self.goals[number] for number in sorted(self.goals))

    def __len__(self) -> int:
        return len(self.goals)

    def get(self, number: int) -> Goal | None:
        return self.goals.get(number)

    def stylesheet(self) -> str:
        """Per-goal custom properties; the badge rules themselves are in site.css."""
        lines = ["/* Written by the build (portal.sdgs) from data/sdgs.yml: do not edit. */"]
        for goal in self:
            lines.append(f".{goal.css_class} {{ --sdg: {goal.colour}; --sdg-ink: {goal.ink}; }}")
        return "\n".join(lines) + "\n"


def load_goals(path: Path, languages: tuple[Language, ...]) -> tuple[Goals, list[Problem]]:
    goals = Goals()
    root, check, problems = open_data_file(path, languages, ("sources", "goals"))
    if root is None:
        return goals, problems + check.problems
    for index, item in enumerate(check.sequence(root.get("sources", LineList()),
                                                root.line_of("sources"), "'sources'") or []):
        entry = check.mapping(item, root["sources"].line_of(index), "a source")
        if entry is None:
            continue
        check.unknown_keys(entry, SOURCE_FIELDS, "a source")
        about = check.text(entry, "about", "a source")
        title = check.text(entry, "title", "a source")
        url = entry.get("url")
        if url is not None and not (isinstance(url, str) and url.startswith("https://")):
            check.add(entry.line_of("url"), "a source's 'url' must start with https://")
            url = None
        if about and title:
            goals.sources.append(Source(about, title, url))
    listed = check.sequence(root.get("goals"), root.line_of("goals"), "'goals'")
    for index, item in enumerate(listed or []):
        entry = check.mapping(item, listed.line_of(index), "a goal")
        if entry is None:
            continue
        goal = _goal(check, entry)
        if goal is None:
            continue
        if goal.number in goals.goals:
            check.add(entry.line_of("number"), f"goal {goal.number} is listed twice")
            continue
        goals.goals[goal.number] = goal
    missing = [str(n) for n in range(1, 18) if n not in goals.goals]
    if listed is not None and missing and not check.problems:
        check.add(listed.line, f"'goals' must list all 17 goals; missing: {', '.join(missing)}")
    return goals, problems + check.problems


def _goal(check: Checker, entry: LineMap) -> Goal | None:
    check.unknown_keys(entry, GOAL_FIELDS, "a goal")
    number = entry.get("number")
    if not (isinstance(number, int) and not isinstance(number, bool) and 1 <= number <= 17):
        check.add(entry.line_of("number"), f"a goal's 'number' must be 1 to 17, not {number!r}")
        return None
    what = f"goal {number}"
    name = check.text(entry, "name", what)
    colour = entry.get("colour")
    if not (isinstance(colour, str) and COLOUR.fullmatch(colour)):
        check.add(entry.line_of("colour"), f"{what}: 'colour' must be written #RRGGBB in quotes, "
                                           f"for example colour: \"#E5243B\", not {colour!r}")
        return None
    ink, ratio = best_ink(colour)
    # Black or white always reaches at least sqrt(21) = 4.58:1, so this only bites if the
    # threshold is raised (to AAA's 7:1, say); it keeps the promise explicit either way.
    if ratio < AA_NORMAL_TEXT:
        check.add(entry.line_of("colour"), f"{what}: neither black nor white text is readable on "
                                           f"{colour} ({ratio:.2f}:1, WCAG AA needs "
                                           f"{AA_NORMAL_TEXT}:1); choose a darker or lighter shade")
        return None
    priority = entry.get("taipei_priority")
    if priority is not None and not (isinstance(priority, int) and 2015 <= priority <= 2100):
        check.add(entry.line_of("taipei_priority"),
                  f"{what}: 'taipei_priority' is the year Taipei made it a priority, like 2019")
        priority = None
    if name is None:
        return None
    return Goal(number, name, colour.upper(), ink, ratio, priority)
