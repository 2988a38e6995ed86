"""``data/stats.yml``: every figure once, with its date and source, and the dashboard sections,
cards and charts that show them. A value that was never published is written as such (``missing``
with the reason), never as a number."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..core import edtf_dates
from ..core.data_files import Checker, LineList, LineMap, LocalText, open_data_file
from ..core.errors import Problem
from ..core.languages import Language

ID = re.compile(r"[a-z0-9][a-z0-9-]*")
FORMATS = ("number", "percent", "change")
SOURCE_FIELDS = ("short", "title", "url")
FIGURE_FIELDS = ("id", "label", "value", "format", "digits", "approximate", "date", "source",
                 "note")
SECTION_FIELDS = ("id", "title", "intro", "cards", "charts", "items", "notes")
CHART_FIELDS = ("id", "title", "description", "rows", "max")
ROW_FIELDS = ("figure", "label", "missing", "date")
#: Room for a label or a "not published" text inside a chart (SVG units at 15px text).
CHART_TEXT_ROOM = 470


def text_width(text: str) -> float:
    """Rough drawn width at 15px: wide (CJK) characters take a full em, others about half."""
    return sum(15 if unicodedata.east_asian_width(c) in "WF" else 8.5 for c in text)


@dataclass(frozen=True)
class StatSource:
    id: str
    short: LocalText
    title: LocalText
    url: str | None = None

    @property
    def anchor(self) -> str:
        return f"source-{self.id}"


@dataclass(frozen=True)
class Figure:
    """One published figure: what it counts, its value, when, and who published it."""

    id: str
    label: LocalText
    value: float
    format: str
    digits: int
    approximate: bool
    date: edtf_dates.EdtfDate
    source: StatSource
    note: LocalText | None = None


@dataclass(frozen=True)
class Row:
    """A card or a chart bar: a figure, or a value that is not published (with the reason)."""

    label: LocalText
    figure: Figure | None = None
    missing: LocalText | None = None
    date: edtf_dates.EdtfDate | None = None

    @property
    def when(self) -> edtf_dates.EdtfDate | None:
        return self.figure.date if self.figure else self.date

    @property
    def source(self) -> StatSource | None:
        return self.figure.source if self.figure else None


@dataclass
class Chart:
    id: str
    title: LocalText
    description: LocalText
    rows: list[Row]
    format: str
    max: float


@dataclass
class Section:
    id: str
    title: LocalText
    intro: LocalText | None = None
    cards: list[Row] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    items: list[LocalText] = field(default_factory=list)
    notes: list[LocalText] = field(default_factory=list)


@dataclass
class Stats:
    sources: dict[str, StatSource] = field(default_factory=dict)
    figures: dict[str, Figure] = field(default_factory=dict)
    sections: list[Section] = field(default_factory=list)

    def used_sources(self) -> list[StatSource]:
        """Sources of the figures shown, in the order they first appear."""
        used: dict[str, StatSource] = {}
        for section in self.sections:
            rows = section.cards + [row for chart in section.charts for row in chart.rows]
            for row in rows:
                if row.source:
                    used.setdefault(row.source.id, row.source)
        return list(used.values())

    def charts(self) -> list[Chart]:
        return [chart for section in self.sections for chart in section.charts]


def load_stats(path: Path, languages: tuple[Language, ...]) -> tuple[Stats, list[Problem]]:
    stats = Stats()
    root, check, problems = open_data_file(path, languages, ("sources", "figures", "sections"))
    if root is None:
        return stats, problems + check.problems
    for source_id, value in (check.mapping(root.get("sources"), root.line_of("sources"),
                                           "'sources'") or {}).items():
        entry = check.mapping(value, root["sources"].line_of(source_id), f"source '{source_id}'")
        if entry is None:
            continue
        check.unknown_keys(entry, SOURCE_FIELDS, f"source '{source_id}'")
        short = check.text(entry, "short", f"source '{source_id}'")
        title = check.text(entry, "title", f"source '{source_id}'")
        url = entry.get("url")
        if url is not None and not (isinstance(url, str) and url.startswith("https://")):
            check.add(entry.line_of("url"), f"source '{source_id}': 'url' must start with https://")
            url = None
        if short and title:
            stats.sources[str(source_id)] = StatSource(str(source_id), short, title, url)
    for index, item in enumerate(_items(check, root, "figures")):
        entry = check.mapping(item, root["figures"].line_of(index), "a figure")
        if entry is None:
            continue
        figure = _figure(check, entry, stats)
        if figure is None:
            continue
        if figure.id in stats.figures:
            check.add(entry.line_of("id"), f"figure id '{figure.id}' is used twice")
            continue
        stats.figures[figure.id] = figure
    for index, item in enumerate(_items(check, root, "sections")):
        entry = check.mapping(item, root["sections"].line_of(index), "a section")
        if entry is not None:
            section = _section(check, entry, stats)
            if section is not None:
                stats.sections.append(section)
    chart_ids = [chart.id for chart in stats.charts()]
    for chart_id in {c for c in chart_ids if chart_ids.count(c) > 1}:
        check.add(root.line_of("sections"), f"chart id '{chart_id}' is used twice")
    return stats, problems + check.problems


def _items(check: Checker, mapping: LineMap, key: str) -> LineList:
    if key not in mapping:
        check.add(mapping.line, f"the file needs '{key}'")
        return LineList()
    return check.sequence(mapping[key], mapping.line_of(key), f"'{key}'") or LineList()


def _id(check: Checker, entry: LineMap, what: str) -> str | None:
    value = entry.get("id")
    if isinstance(value, str) and ID.fullmatch(value):
        return value
    check.add(entry.line_of("id"), f"{what} needs an 'id' in lower-case letters, digits and "
                                   f"hyphens, not {value!r}")
    return None


def _date(check: Checker, entry: LineMap, what: str, required: bool = True
          ) -> edtf_dates.EdtfDate | None:
    if entry.get("date") in (None, ""):
        if required:
            check.add(entry.line, f"{what} needs a 'date': when the figure applies "
                                  f"(EDTF, {edtf_dates.EXAMPLES})")
        return None
    try:
        return edtf_dates.parse(entry["date"])
    except edtf_dates.EdtfError as error:
        check.add(entry.line_of("date"), f"{what}: date {error}")
        return None


def _figure(check: Checker, entry: LineMap, stats: Stats) -> Figure | None:
    check.unknown_keys(entry, FIGURE_FIELDS, "a figure")
    figure_id = _id(check, entry, "a figure")
    what = f"figure '{figure_id}'"
    label = check.text(entry, "label", what)
    note = check.text(entry, "note", what, required=False)
    value = entry.get("value")
    if isinstance(value, bool) or not isinstance(value, int | float):
        check.add(entry.line_of("value"), f"{what}: 'value' must be a number without thousands "
                                          f"separators (76230, 56.91, 0.21 for 21%), not "
                                          f"{value!r}")
        value = None
    kind = entry.get("format", "number")
    if kind not in FORMATS:
        check.add(entry.line_of("format"), f"{what}: 'format' must be one of "
                                           f"{', '.join(FORMATS)}, not {kind!r}")
    if kind in ("percent", "change") and isinstance(value, int | float) and abs(value) > 1:
        check.add(entry.line_of("value"), f"{what}: write a {kind} as a fraction (0.21 for 21%)")
    digits = entry.get("digits", 0)
    if isinstance(digits, bool) or not isinstance(digits, int) or not 0 <= digits <= 4:
        check.add(entry.line_of("digits"), f"{what}: 'digits' must be 0 to 4")
        digits = 0
    approximate = entry.get("approximate", False)
    if not isinstance(approximate, bool):
        check.add(entry.line_of("approximate"), f"{what}: 'approximate' must be true or false")
        approximate = False
    date = _date(check, entry, what)
    source = None
    source_id = entry.get("source")
    if source_id is None:
        check.add(entry.line, f"{what} needs a 'source' (one of: {', '.join(stats.sources)})")
    elif source_id not in stats.sources:
        check.add(entry.line_of("source"), f"{what}: unknown source {source_id!r}; sources: "
                                           f"{', '.join(stats.sources)}")
    else:
        source = stats.sources[source_id]
    if None in (figure_id, label, value, date, source) or kind not in FORMATS:
        return None
    return Figure(figure_id, label, value, kind, digits, approximate, date, source, note)


def _row(check: Checker, item, line: int, stats: Stats, what: str) -> Row | None:
    """``- figure-id`` or ``- {figure: id}`` or ``- {label: ..., missing: ..., date: ...}``."""
    if isinstance(item, str):
        item = LineMap(figure=item)
        item.line = line
        item.lines["figure"] = line
    entry = check.mapping(item, line, f"a row of {what}")
    if entry is None:
        return None
    check.unknown_keys(entry, ROW_FIELDS, f"a row of {what}")
    if "figure" in entry:
        figure = stats.figures.get(entry["figure"])
        if figure is None:
            check.add(entry.line_of("figure"), f"{what}: no figure with id {entry['figure']!r}")
            return None
        label = check.text(entry, "label", f"a row of {what}", required=False) or figure.label
        return Row(label, figure)
    label = check.text(entry, "label", f"a row of {what}")
    missing = check.text(entry, "missing", f"a row of {what}")
    if missing is None and "missing" not in entry:
        check.add(entry.line, f"a row of {what} needs either 'figure' (an id from 'figures') or "
                              "'missing' (why there is no value, e.g. not published in the plan)")
    date = _date(check, entry, f"a row of {what}", required=False)
    if label is None or missing is None:
        return None
    return Row(label, None, missing, date)


def _section(check: Checker, entry: LineMap, stats: Stats) -> Section | None:
    check.unknown_keys(entry, SECTION_FIELDS, "a section")
    section_id = _id(check, entry, "a section")
    what = f"section '{section_id}'"
    title = check.text(entry, "title", what)
    if section_id is None or title is None:
        return None
    section = Section(section_id, title, check.text(entry, "intro", what, required=False))
    if entry.get("cards") is not None:
        cards = check.sequence(entry["cards"], entry.line_of("cards"), f"'cards' of {what}") or []
        for index, item in enumerate(cards):
            row = _row(check, item, cards.line_of(index), stats, what)
            if row:
                section.cards.append(row)
    if entry.get("charts") is not None:
        charts = check.sequence(entry["charts"], entry.line_of("charts"),
                                f"'charts' of {what}") or []
        for index, item in enumerate(charts):
            mapping = check.mapping(item, charts.line_of(index), f"a chart of {what}")
            chart = _chart(check, mapping, stats) if mapping is not None else None
            if chart:
                section.charts.append(chart)
    for key in ("items", "notes"):
        if entry.get(key) is None:
            continue
        texts = check.sequence(entry[key], entry.line_of(key), f"'{key}' of {what}") or []
        for index, item in enumerate(texts):
            holder = LineMap(text=item)
            holder.line = holder.lines["text"] = texts.line_of(index)
            text = check.text(holder, "text", f"'{key}' of {what}")
            if text:
                getattr(section, key).append(text)
    return section


def _chart(check: Checker, entry: LineMap, stats: Stats) -> Chart | None:
    check.unknown_keys(entry, CHART_FIELDS, "a chart")
    chart_id = _id(check, entry, "a chart")
    what = f"chart '{chart_id}'"
    title = check.text(entry, "title", what)
    description = check.text(entry, "description", what)
    listed = check.sequence(entry.get("rows"), entry.line_of("rows"), f"'rows' of {what}") or []
    rows = [row for index, item in enumerate(listed)
            if (row := _row(check, item, listed.line_of(index), stats, what))]
    for row in rows:
        for text in (row.label, row.missing):
            for code, value in (text.values.items() if text else ()):
                if text_width(value) > CHART_TEXT_ROOM:
                    check.add(entry.line_of("rows"), f"{what}: the {code} text {value!r} is too "
                                                     "long to fit in the chart; shorten it")
    formats = {row.figure.format for row in rows if row.figure}
    if len(formats) > 1:
        check.add(entry.line_of("rows"), f"{what}: every bar must be the same kind of figure "
                                         f"(found {', '.join(sorted(formats))})")
        return None
    if not formats:
        check.add(entry.line_of("rows"), f"{what} needs at least one row with a figure")
        return None
    kind = formats.pop()
    largest = max(abs(row.figure.value) for row in rows if row.figure)
    scale = entry.get("max", 1.0 if kind == "percent" else largest)
    if isinstance(scale, bool) or not isinstance(scale, int | float) or scale < largest \
            or scale <= 0:
        check.add(entry.line_of("max"), f"{what}: 'max' must be a number at least as large as "
                                        f"the largest bar ({largest})")
        scale = largest or 1
    if chart_id is None or title is None or description is None:
        return None
    return Chart(chart_id, title, description, rows, kind, float(scale))
