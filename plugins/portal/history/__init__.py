"""The 20th-anniversary history section: narrative pages (``content/<lang>/history/*.md``, read
by ``portal.content``), the section page ``history/`` and the timeline ``history/timeline/`` from
``data/timeline.yml``, grouped by decade as ordered lists that need no JavaScript."""

from __future__ import annotations

from pelican import signals
from pelican.generators import Generator

from ..core.data_files import data_path
from ..core.errors import Problem, display_path, fail_build, report
from ..core.languages import Language
from ..core.links import ARCHIVE_ITEM, Link, archive_route, has_section, link_to
from ..core.render import render_route
from ..core.site import NavItem, Route, Site, site_of
from ..i18n import N_, labels
from .data import Decade, TimelineEntry, by_decade, load_timeline

INDEX_KEY = "history:index"
TIMELINE_KEY = "history:timeline"
#: Position of the history section in the main menu.
NAV_ORDER = 12


class HistoryGenerator(Generator):
    """Reads the timeline, registers the section and timeline pages, and writes them."""

    def generate_context(self) -> None:
        site = site_of(self)
        path = data_path(self.settings, self.settings["PORTAL_TIMELINE_FILE"])
        entries, problems = load_timeline(path, site.languages)
        every = site.every_language
        for route in (
            Route(INDEX_KEY, "history/", every, site.default.code,
                  titles=labels(self.settings, site.languages, N_("History"))),
            Route(TIMELINE_KEY, "history/timeline/", every, site.default.code,
                  source=display_path(path),
                  titles=labels(self.settings, site.languages, N_("Timeline of volunteering"))),
        ):
            clash = site.add_route(route)
            if clash:
                problems.append(clash)
        if any(p.severity == "error" for p in problems):
            fail_build(problems)
        site.nav.append(NavItem(NAV_ORDER, INDEX_KEY, labels(self.settings, site.languages,
                                                             N_("History")), section="history"))
        self.source = display_path(path)
        self.decades: list[Decade] = by_decade(entries)
        self.context["PORTAL_TIMELINE"] = self.decades

    def generate_output(self, writer) -> None:
        site = site_of(self)
        self._warn_about_unknown_archive_items(site)
        documents = self.context.get("PORTAL_DOCUMENTS", {})
        pages = sorted((e for e in documents.values() if e.kind == "history"),
                       key=lambda e: (e.original.title.casefold(), e.id))
        for language in site.languages:
            render_route(self, site.route(INDEX_KEY), language, "history_index",
                         pages=pages, decades=self.decades)
            archive = {entry.id: self.archive_links(site, entry, language)
                       for decade in self.decades for entry in decade.entries}
            render_route(self, site.route(TIMELINE_KEY), language, "history_timeline",
                         decades=self.decades, archive=archive)

    @staticmethod
    def archive_links(site: Site, entry: TimelineEntry, language: Language) -> list[Link]:
        """Links to the archive items an entry names, for those the archive has published."""
        routes = (archive_route(site, item) for item in entry.archive_items)
        return [link_to(site, route, language) for route in routes if route is not None]

    def _warn_about_unknown_archive_items(self, site: Site) -> None:
        report(unknown_archive_items(site, self.decades, self.source))


def unknown_archive_items(site: Site, decades: list[Decade], source: str) -> list[Problem]:
    """Once the archive exists, an id it does not know is most likely a typo."""
    if not has_section(site, ARCHIVE_ITEM):
        return []
    return [Problem(source, entry.line, f"entry '{entry.id}': no archive item '{item}' (yet); "
                                        "the link is left out", "warning")
            for decade in decades for entry in decade.entries for item in entry.archive_items
            if archive_route(site, item) is None]


def get_generators(pelican) -> type[Generator]:
    return HistoryGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)


__all__ = ["HistoryGenerator", "TimelineEntry", "by_decade", "load_timeline", "register"]
