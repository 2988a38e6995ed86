"""Browsing the archive: facets (decade, type, subject, SDG, place), their pages and the timeline.

Each facet value is a page listing its items in timeline order; every page works without
JavaScript because it is plain links and lists."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..core.site import Route
from .model import Item, Localised

#: Facets in the order the archive home lists them: key, URL folder.
FACETS = ("decades", "types", "subjects", "sdgs", "places")


@dataclass
class Group:
    """Items under one heading of a browse page (a year on a decade page)."""

    key: str
    label: Localised | None
    items: list[Item]


@dataclass
class FacetValue:
    """One page of a facet: a decade, a type, a subject, an SDG or a place."""

    facet: str
    key: str
    label: Localised
    route: Route
    items: list[Item] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)


@dataclass
class Facet:
    """The index page of a facet and its values."""

    key: str
    title: Localised
    route: Route
    values: list[FacetValue] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.values)


def group_by_year(items: list[Item], year_label: Callable[[int | None], Localised]
                  ) -> list[Group]:
    """Items of a decade under one heading per year; items known only to the decade go last."""
    groups: dict[int | None, list[Item]] = {}
    for item in items:
        groups.setdefault(item.date.year, []).append(item)
    ordered = sorted(year for year in groups if year is not None)
    result = [Group(f"y{year}", year_label(year), groups[year]) for year in ordered]
    if None in groups:
        result.append(Group("year-unknown", year_label(None), groups[None]))
    return result
