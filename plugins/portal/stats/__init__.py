"""The statistics dashboard at ``statistics/``: figures from ``data/stats.yml`` formatted by Babel
for each language, progress towards the 2021 targets, and bar charts drawn at build time as SVG
(with a title, a description and the same data as a table beside each): no chart JavaScript."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from babel.numbers import format_decimal, format_percent
from pelican import signals
from pelican.generators import Generator

from ..core.data_files import Shown, data_path
from ..core.errors import display_path, fail_build
from ..core.languages import Language
from ..core.render import render_route
from ..core.site import NavItem, Route, site_of
from ..i18n import N_, labels, translate
from .data import Chart, Figure, Row, Stats, load_stats

DASHBOARD_KEY = "stats:dashboard"
#: The dashboard took over the editors' statistics page, and its place in the main menu.
NAV_ORDER = 4

#: Geometry of a bar chart, in SVG user units (the SVG scales to the width of the page).
CHART_WIDTH = 480
BAR_ROOM = 330          # widest bar; the rest of the width is for the value after it
ROW_HEIGHT = 64
LABEL_BASELINE = 17
BAR_TOP = 25
BAR_HEIGHT = 22
VALUE_BASELINE = BAR_TOP + 16


def format_figure(figure: Figure, language: Language,
                  gettext: Callable[[str], str] | None = None) -> str:
    """A figure as the reader's locale writes it: ``76,230``, ``21%``, ``+1.5%``, ``about 56.91``.
    """
    decimals = "." + "0" * figure.digits if figure.digits else ""
    if figure.format == "percent":
        text = format_percent(figure.value, f"#,##0{decimals}%", locale=language.babel_locale)
    elif figure.format == "change":
        text = format_percent(figure.value, f"+#,##0{decimals or '.0'}%;-#,##0{decimals or '.0'}%",
                              locale=language.babel_locale)
    else:
        text = format_decimal(figure.value, f"#,##0{decimals}", locale=language.babel_locale)
    if figure.approximate and gettext:
        text = gettext("about %(value)s") % {"value": text}
    return text


@dataclass
class RowView:
    """A card or a bar as one language shows it."""

    label: Shown
    text: Shown
    missing: bool
    row: Row
    note: Shown | None = None
    bar_width: float = 0.0
    top: int = 0

    @property
    def label_y(self) -> int:
        return self.top + LABEL_BASELINE

    @property
    def bar_y(self) -> int:
        return self.top + BAR_TOP

    @property
    def value_y(self) -> int:
        return self.top + VALUE_BASELINE

    @property
    def value_x(self) -> float:
        return round(self.bar_width + 8, 1) if not self.missing else 0


@dataclass
class ChartView:
    chart: Chart
    title: Shown
    description: Shown
    rows: list[RowView]
    width: int = CHART_WIDTH

    @property
    def height(self) -> int:
        return len(self.rows) * ROW_HEIGHT + 4


class StatsGenerator(Generator):
    """Reads the statistics, registers the dashboard and writes it in every language."""

    def generate_context(self) -> None:
        site = site_of(self)
        path = data_path(self.settings, self.settings["PORTAL_STATS_FILE"])
        stats, problems = load_stats(path, site.languages)
        every = site.every_language
        clash = site.add_route(Route(
            DASHBOARD_KEY, "statistics/", every, site.default.code, source=display_path(path),
            titles=labels(self.settings, site.languages, N_("Volunteering in Taipei in figures"))))
        if clash:
            problems.append(clash)
        if any(p.severity == "error" for p in problems):
            fail_build(problems)
        site.nav.append(NavItem(NAV_ORDER, DASHBOARD_KEY, labels(self.settings, site.languages,
                                                                 N_("Statistics"))))
        self.stats = stats
        self.context["PORTAL_STATS"] = stats

    def generate_output(self, writer) -> None:
        site = site_of(self)
        for language in site.languages:
            sections = [(section, [self.row_view(row, language) for row in section.cards],
                         [self.chart_view(chart, language) for chart in section.charts])
                        for section in self.stats.sections]
            render_route(self, site.route(DASHBOARD_KEY), language, "stats_dashboard",
                         stats=self.stats, sections=sections,
                         sources=self.stats.used_sources())

    def _gettext(self, language: Language) -> Callable[[str], str]:
        return lambda message: translate(self.settings, language, message)

    def row_view(self, row: Row, language: Language) -> RowView:
        if row.figure:
            text = Shown(format_figure(row.figure, language, self._gettext(language)), language)
            note = row.figure.note.shown(language) if row.figure.note else None
            return RowView(row.label.shown(language), text, False, row, note)
        return RowView(row.label.shown(language), row.missing.shown(language), True, row)

    def chart_view(self, chart: Chart, language: Language) -> ChartView:
        rows = []
        for index, row in enumerate(chart.rows):
            view = self.row_view(row, language)
            view.top = index * ROW_HEIGHT + 4
            if row.figure:
                # A bar never vanishes: the smallest shown value keeps a sliver of width.
                view.bar_width = round(max(2.0, BAR_ROOM * abs(row.figure.value) / chart.max), 1)
            rows.append(view)
        return ChartView(chart, chart.title.shown(language), chart.description.shown(language),
                         rows)


def get_generators(pelican) -> type[Generator]:
    return StatsGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)


__all__ = ["Stats", "StatsGenerator", "format_figure", "load_stats", "register"]
