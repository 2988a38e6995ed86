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
from ..core.links import ARCHIVE_ITEM, OPPORTUNITY, PROGRAMME, Link, links_for
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
        for language in site.languages:
            linked = {goal.number: self.linked(site, goal, language) for goal in self.goals}
            render_route(self, site.route(HUB_KEY), language, "sdg_hub", linked=linked)
            for goal in self.goals:
                render_route(self, site.route(goal.route_key), language, "sdg", goal=goal,
                             linked=linked[goal.number],
                             previous=self.goals.get(goal.number - 1),
                             next=self.goals.get(goal.number + 1))

    @staticmethod
    def linked(site: Site, goal: Goal, language: Language) -> dict[str, list[Link]]:
        """What other sections link to ``goal``: every programme (ended ones are history too),
        open opportunities only, and archive items."""
        return {
            "programmes": links_for(site, site.listings_of(PROGRAMME, sdg=goal.number,
                                                           active_only=False), language),
            "opportunities": links_for(site, site.listings_of(OPPORTUNITY, sdg=goal.number),
                                       language),
            "archive": links_for(site, site.listings_of(ARCHIVE_ITEM, sdg=goal.number),
                                 language),
        }


def get_generators(pelican) -> type[Generator]:
    return SdgGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)


__all__ = ["Goal", "Goals", "SdgGenerator", "load_goals", "register"]
