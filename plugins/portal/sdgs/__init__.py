"""The UN Sustainable Development Goals: ``data/sdgs.yml``, the project's own badges (with a
stylesheet generated from the data), the SDG hub ``sdgs/`` and one page per goal ``sdgs/<n>/``
gathering the programmes, open opportunities and archive items other sections link to it."""

from __future__ import annotations

from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from ..core.data_files import data_path
from ..core.errors import display_path, fail_build
from ..core.languages import Language
from ..core.links import ARCHIVE_ITEM, OPPORTUNITY, PROGRAMME, Link, links_to
from ..core.render import render_route, write_if_changed
from ..core.site import NavItem, Route, Site, site_of
from ..i18n import N_, labels, translate
from .data import Goal, Goals, load_goals

HUB_KEY = "sdg:index"
#: Position of the SDG hub in the main menu.
NAV_ORDER = 11


def goal_title(settings: dict, site: Site, goal: Goal) -> dict[str, str]:
    """``Goal 3: Good Health and Well-being`` in every language."""
    return {lang.code: translate(settings, lang, N_("Goal %(number)s: %(name)s"))
            % {"number": goal.number, "name": goal.name(lang)} for lang in site.languages}


class SdgGenerator(Generator):
    """Reads the goals, registers the hub and goal pages, and writes them with their links."""

    def generate_context(self) -> None:
        site = site_of(self)
        path = data_path(self.settings, self.settings["PORTAL_SDGS_FILE"])
        goals, problems = load_goals(path, site.languages)
        every = site.every_language
        source = display_path(path)
        routes = [Route(HUB_KEY, "sdgs/", every, site.default.code, source=source,
                        titles=labels(self.settings, site.languages,
                                      N_("Sustainable Development Goals")))]
        routes += [Route(goal.route_key, f"sdgs/{goal.number}/", every, site.default.code,
                         source=source, titles=goal_title(self.settings, site, goal))
                   for goal in goals]
        for route in routes:
            clash = site.add_route(route)
            if clash:
                problems.append(clash)
        if any(p.severity == "error" for p in problems):
            fail_build(problems)
        site.nav.append(NavItem(NAV_ORDER, HUB_KEY, labels(self.settings, site.languages,
                                                           N_("UN SDGs")), section="sdg"))
        self.goals = goals
        self.context["PORTAL_SDGS"] = goals

    def generate_output(self, writer) -> None:
        site = site_of(self)
        stylesheet = Path(self.output_path) / self.settings["PORTAL_SDG_STYLESHEET"]
        write_if_changed(stylesheet, self.goals.stylesheet())
        members = linked_keys(site, [goal.number for goal in self.goals])
        for language in site.languages:
            # The links are made while the page renders; which pages link to a goal is part
            # of what the page is made from (their titles are recorded as each link is made).
            render_route(self, site.route(HUB_KEY), language, "sdg_hub",
                         lazy={"linked": (every_goal_linked, (site, members, language))})
            for goal in self.goals:
                render_route(self, site.route(goal.route_key), language, "sdg", goal=goal,
                             lazy={"linked": (goal_linked,
                                              (site, members[goal.number], language))},
                             previous=self.goals.get(goal.number - 1),
                             next=self.goals.get(goal.number + 1))


#: Sections that link to goals: listing kind -> (name in templates, open ones only).
SECTIONS = {PROGRAMME: ("programmes", False), OPPORTUNITY: ("opportunities", True),
            ARCHIVE_ITEM: ("archive", True)}


def linked_keys(site: Site, numbers: list[int]) -> dict[int, dict[str, tuple[str, ...]]]:
    """Route keys of what other sections file under each goal: every programme (ended ones
    are history too), open opportunities only, and archive items. One pass over the
    listings."""
    found: dict[int, dict[str, list[str]]] = {
        number: {name: [] for name, _ in SECTIONS.values()} for number in numbers}
    for listing in site.listings:
        section = SECTIONS.get(listing.kind)
        if section is None or (section[1] and not listing.active):
            continue
        for number in listing.sdgs:
            if number in found:
                found[number][section[0]].append(listing.route_key)
    return {number: {name: tuple(keys) for name, keys in sections.items()}
            for number, sections in found.items()}


def goal_linked(site: Site, keys: dict[str, tuple[str, ...]],
                language: Language) -> dict[str, list[Link]]:
    return {name: links_to(site, section_keys, language)
            for name, section_keys in keys.items()}


def every_goal_linked(site: Site, members: dict[int, dict[str, tuple[str, ...]]],
                      language: Language) -> dict[int, dict[str, list[Link]]]:
    return {number: goal_linked(site, keys, language) for number, keys in members.items()}


def get_generators(pelican) -> type[Generator]:
    return SdgGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)


__all__ = ["Goal", "Goals", "SdgGenerator", "load_goals", "register"]
