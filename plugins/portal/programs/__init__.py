"""Programmes (``content/<lang>/programs/*.md``, read by ``portal.content``): their listings for
other sections, the index ``programs/`` and its filter pages by SDG (``programs/sdg/<n>/``) and
by audience (``programs/audience/<key>/``), plain links that need no JavaScript."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial

from pelican import signals
from pelican.generators import Generator

from ..content.model import AUDIENCES, Entry
from ..core.errors import Problem, fail_build, report
from ..core.languages import Language
from ..core.links import (
    ARCHIVE_ITEM,
    OPPORTUNITY,
    PROGRAMME,
    Link,
    archive_route,
    has_section,
    link_to,
    links_for,
    related_listings,
)
from ..core.render import render_route
from ..core.site import Listing, NavItem, Route, Site, site_of
from ..i18n import N_, labels, translate

INDEX_KEY = "programs:index"
#: Position of the programmes index in the main menu.
NAV_ORDER = 10

#: Audience keys (content.model.AUDIENCES) and their labels, translated in the theme catalogue.
AUDIENCE_LABELS = {
    "seniors": N_("Older people"),
    "families": N_("Intergenerational families"),
    "companies": N_("Companies"),
    "international": N_("International residents"),
    "youth": N_("Young people"),
    "students": N_("Students"),
}
STATUS_LABELS = {
    "planned": N_("Planned"),
    "ongoing": N_("Ongoing"),
    "ended": N_("Period ended"),
}


@dataclass
class Filter:
    """One filter page: the programmes matching one SDG or one audience."""

    kind: str
    value: int | str
    route: Route
    entries: list[Entry] = field(default_factory=list)


@dataclass
class Programmes:
    """What templates need about programmes; in the context as ``PORTAL_PROGRAMMES``."""

    site: Site
    settings: dict
    entries: list[Entry]
    by_sdg: dict[int, Filter]
    by_audience: dict[str, Filter]
    _related_found: dict[str, list[Listing]] = field(default_factory=dict, init=False,
                                                     repr=False, compare=False)

    def __fingerprint__(self) -> tuple:
        # Pages find their related opportunities and named archive items through the site's
        # listings and routes while they render: which ones exist is part of what they show.
        # (Their titles are recorded as each link is made.)
        related = [[item.route_key for item in self._related(entry)] for entry in self.entries]
        named = [[route.key if route else None
                  for route in map(partial(archive_route, self.site),
                                   entry.meta.get("archive_items", ()))]
                 for entry in self.entries]
        # The settings are part of every page's shell.
        return (self.site, self.entries, self.by_sdg, self.by_audience, related, named)

    def _related(self, entry: Entry) -> list[Listing]:
        # Asked while pages are written, when every section has filed its listings.
        found = self._related_found.get(entry.id)
        if found is None:
            found = self._related_found[entry.id] = related_listings(
                self.site, OPPORTUNITY, entry.meta.get("sdgs", ()), entry.meta.get("causes", ()))
        return found

    def audience_label(self, key: str, language: Language) -> str:
        return translate(self.settings, language, AUDIENCE_LABELS[key])

    def status_label(self, key: str, language: Language) -> str:
        return translate(self.settings, language, STATUS_LABELS[key])

    def opportunities_for(self, entry: Entry, language: Language) -> tuple[list[Link], int]:
        """Open opportunities of the same cause or SDG: the first few, and how many in all."""
        links = links_for(self.site, self._related(entry), language)
        return links[:self.settings["PORTAL_RELATED_LIMIT"]], len(links)

    def archive_for(self, entry: Entry, language: Language) -> list[Link]:
        """Archive items the programme names, for those the archive has published."""
        routes = (archive_route(self.site, item) for item in entry.meta.get("archive_items", ()))
        return [link_to(self.site, route, language) for route in routes if route is not None]


def sort_key(entry: Entry) -> tuple[str, str]:
    # The original's title, so that the order is the same in every language.
    return entry.original.title.casefold(), entry.id


class ProgrammesGenerator(Generator):
    """Registers programme listings and the index and filter pages; writes those pages."""

    def generate_context(self) -> None:
        site = site_of(self)
        documents = self.context.get("PORTAL_DOCUMENTS", {})
        entries = sorted((e for e in documents.values() if e.kind == "program"), key=sort_key)
        for entry in entries:
            period = entry.meta.get("period")
            site.listings.append(Listing(
                PROGRAMME, entry.route.key, sdgs=frozenset(entry.meta.get("sdgs", ())),
                topics=frozenset(entry.meta.get("audiences", ())),
                sort_date=period.earliest if period else None))
        every = site.every_language
        problems: list[Problem] = []

        def add(route: Route) -> Route:
            clash = site.add_route(route)
            if clash:
                problems.append(clash)
            return route

        add(Route(INDEX_KEY, "programs/", every, site.default.code,
                  titles=labels(self.settings, site.languages, N_("Programmes"))))
        goals = self.context.get("PORTAL_SDGS")
        by_sdg: dict[int, Filter] = {}
        for number in sorted({n for e in entries for n in e.meta.get("sdgs", ())}):
            goal = goals.get(number) if goals else None
            titles = {lang.code: translate(self.settings, lang,
                                           N_("Programmes for Goal %(number)s: %(name)s"))
                      % {"number": number, "name": goal.name(lang) if goal else ""}
                      for lang in site.languages}
            route = add(Route(f"programs:sdg-{number}", f"programs/sdg/{number}/", every,
                              site.default.code, titles=titles))
            by_sdg[number] = Filter("sdg", number, route,
                                    [e for e in entries if number in e.meta.get("sdgs", ())])
        by_audience: dict[str, Filter] = {}
        for key in AUDIENCES:
            matching = [e for e in entries if key in e.meta.get("audiences", ())]
            if not matching:
                continue
            titles = {lang.code: translate(self.settings, lang, N_("Programmes: %(audience)s"))
                      % {"audience": translate(self.settings, lang, AUDIENCE_LABELS[key])}
                      for lang in site.languages}
            route = add(Route(f"programs:audience-{key}", f"programs/audience/{key}/", every,
                              site.default.code, titles=titles))
            by_audience[key] = Filter("audience", key, route, matching)
        if problems:
            fail_build(problems)
        site.nav.append(NavItem(NAV_ORDER, INDEX_KEY, labels(self.settings, site.languages,
                                                             N_("Programmes")), section="program"))
        self.programmes = Programmes(site, self.settings, entries, by_sdg, by_audience)
        self.context["PORTAL_PROGRAMMES"] = self.programmes

    def generate_output(self, writer) -> None:
        site = site_of(self)
        self._warn_about_unknown_archive_items(site)
        pages = [(site.route(INDEX_KEY), None, self.programmes.entries)]
        pages += [(f.route, f, f.entries) for f in self.programmes.by_sdg.values()]
        pages += [(f.route, f, f.entries) for f in self.programmes.by_audience.values()]
        for route, active, entries in pages:
            for language in site.languages:
                render_route(self, route, language, "programs_index", programmes=entries,
                             active_filter=active)

    def _warn_about_unknown_archive_items(self, site: Site) -> None:
        report(unknown_archive_items(site, self.programmes.entries))


def unknown_archive_items(site: Site, entries: list[Entry]) -> list[Problem]:
    """Once the archive exists, an id it does not know is most likely a typo (a warning: the
    link is left out until the item is published)."""
    if not has_section(site, ARCHIVE_ITEM):
        return []
    problems = []
    for entry in entries:
        for item in entry.meta.get("archive_items", ()):
            if archive_route(site, item) is None:
                doc = entry.original
                problems.append(Problem(doc.source_path, doc.field_lines.get("archive-items", 1),
                                        f"Archive-Items: no archive item '{item}' (yet); the "
                                        "link is left out", "warning"))
    return problems


def get_generators(pelican) -> type[Generator]:
    return ProgrammesGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)


__all__ = ["AUDIENCE_LABELS", "STATUS_LABELS", "Programmes", "ProgrammesGenerator", "register"]
