"""The one search-record model.

``describe`` turns the typed model a page is rendered from (a document, an opportunity, an archive
item, an SDG) into a ``PageSearch``: the record's type, status, facet values and sort keys. The
theme writes it into the page as ``data-pagefind-*`` attributes (``partials/search_markup.html``),
so Pagefind indexes exactly that; ``records_from_html`` reads the same markup back from the built
page to make the Algolia records. Nothing else says what a page is for search.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from ..core.languages import Language
from ..i18n import N_, translate

#: Record types: code -> label (theme catalogue).
TYPES = {
    "page": N_("Page"),
    "news": N_("News"),
    "programme": N_("Programme"),
    "history": N_("History"),
    "opportunity": N_("Opportunity"),
    "archive-item": N_("Archive item"),
    "sdg": N_("SDG"),
}
#: Archive access levels as a short status.
ARCHIVE_ACCESS = {"public": N_("Public"), "metadata_only": N_("Description only"),
                  "embargoed": N_("Embargoed")}
#: Content kinds (portal.content) -> record type.
CONTENT_TYPES = {"page": "page", "news": "news", "program": "programme", "history": "history"}
#: Facets, in the order the opportunity search shows them: key -> label (theme catalogue).
FACETS = {
    "district": N_("District"),
    "cause": N_("Cause"),
    "sdg": N_("SDG"),
    "suitable": N_("Suitable for"),
    "english": N_("English-friendly"),
    "language": N_("Languages on site"),
    "schedule": N_("Schedule"),
    "audience": N_("Audience"),
    "subject": N_("Subject"),
}
#: Sort keys (ISO dates, compared as text): key -> (label, direction).
SORTS = {
    "soonest": (N_("Soonest"), "asc"),
    "deadline": (N_("Deadline"), "asc"),
    "newest": (N_("Newest"), "desc"),
}
#: Sort value for "no deadline" (sorts last).
NO_DEADLINE = "9999-12-31"
#: Algolia's record limit is 10 KB on most plans; records stay under this many bytes of JSON.
MAX_RECORD_BYTES = 9_000


@dataclass
class PageSearch:
    """What search knows about one page in one language, besides its text."""

    page_id: str
    lang: str
    type: str
    type_label: str
    status: str = ""
    status_label: str = ""
    facets: dict[str, list[str]] = field(default_factory=dict)
    sorts: dict[str, str] = field(default_factory=dict)

    @property
    def filters(self) -> list[tuple[str, str]]:
        pairs = [("type", self.type_label), ("lang", self.lang)]
        if self.status_label:
            pairs.append(("status", self.status_label))
        pairs += [(key, value) for key, values in self.facets.items() for value in values]
        return pairs

    @property
    def meta(self) -> list[tuple[str, str]]:
        return [("page_id", self.page_id), ("type", self.type), ("type_label", self.type_label),
                ("status", self.status), ("status_label", self.status_label)]


def describe(settings: dict, template: str, language: Language, context: dict
             ) -> PageSearch | None:
    """The search description of a page about to be rendered, or None when it is not indexed
    (listings, facet pages, untranslated fallbacks: they repeat what the indexed pages say)."""
    if context.get("is_fallback"):
        return None
    route = context["route"]

    def t(message: str) -> str:
        return translate(settings, language, message)

    def record(kind: str, **values) -> PageSearch:
        return PageSearch(route.key, language.code, kind, t(TYPES[kind]), **values)

    entry = context.get("entry")
    if entry is not None and template != "home":
        kind = CONTENT_TYPES.get(entry.kind, "page")
        facets: dict[str, list[str]] = {}
        status = status_label = ""
        if kind == "programme":
            from ..programs import AUDIENCE_LABELS, STATUS_LABELS

            meta = entry.meta
            status = meta.get("status", "")
            status_label = t(STATUS_LABELS[status]) if status in STATUS_LABELS else ""
            facets["sdg"] = [_sdg(context, number, language) for number in meta.get("sdgs", ())]
            facets["audience"] = [t(AUDIENCE_LABELS[a]) for a in meta.get("audiences", ())
                                  if a in AUDIENCE_LABELS]
        sorts = {"newest": entry.date.isoformat()} if entry.date else {}
        return record(kind, status=status, status_label=status_label,
                      facets=_clean(facets), sorts=sorts)
    opp = context.get("opp")
    if template == "opportunity" and opp is not None:
        if not opp.listed:
            return None
        return _opportunity(opp, language, context, t, record)
    item = context.get("item")
    if template == "archive_item" and item is not None:
        facets = {"sdg": [_sdg(context, n, language) for n in item.sdgs],
                  "subject": [term.label.pick(language).text for term in item.subjects
                              if term.label.pick(language)]}
        return record("archive-item", status=item.access,
                      status_label=t(ARCHIVE_ACCESS.get(item.access, N_("Public"))),
                      facets=_clean(facets))
    goal = context.get("goal")
    if template == "sdg" and goal is not None:
        return record("sdg", facets={"sdg": [_sdg(context, goal.number, language)]})
    if template in ("stats_dashboard", "history_timeline"):
        return record("page")
    return None


def _opportunity(opp, language: Language, context: dict, t, record) -> PageSearch:
    from ..i18n.formatting import tag_display_name
    from ..opportunities.vocabulary import CAUSES, DISTRICTS, SCHEDULE_TYPES, STATES, SUITABILITY

    online = t(N_("Online"))
    spoken = opp.record.get("languages", {}).get("spoken_on_site", [])
    facets = {
        "district": [t(DISTRICTS[code]) if code in DISTRICTS else online
                     for code in opp.districts],
        "cause": [t(CAUSES[code]) for code in opp.causes if code in CAUSES],
        "sdg": [_sdg(context, number, language) for number in opp.sdgs],
        "suitable": [t(SUITABILITY[key][0]) for key in opp.suitable_for
                     if key != "english-friendly"],
        "english": [t(N_("Yes"))] if opp.english_friendly else [],
        "language": [tag_display_name(tag, language.locale, t) for tag in spoken],
        "schedule": [t(SCHEDULE_TYPES[opp.record["schedule"]["type"]])]
        if opp.record["schedule"]["type"] in SCHEDULE_TYPES else [],
    }
    deadline = opp.deadline
    sorts = {"soonest": opp.sort_start.strftime("%Y-%m-%dT%H:%M"),
             "deadline": deadline.strftime("%Y-%m-%dT%H:%M") if deadline else NO_DEADLINE,
             "newest": opp.published.strftime("%Y-%m-%dT%H:%M")}
    return record("opportunity", status=opp.state, status_label=t(STATES[opp.state]),
                  facets=_clean(facets), sorts=sorts)


def _sdg(context: dict, number: int, language: Language) -> str:
    goals = context.get("PORTAL_SDGS")
    goal = goals.goals.get(number) if goals is not None else None
    return f"{number}. {goal.name(language)}" if goal else str(number)


def _clean(facets: dict[str, list[str]]) -> dict[str, list[str]]:
    return {key: list(dict.fromkeys(v for v in values if v)) for key, values in facets.items()
            if any(values)}


# -- from the built page back to records ---------------------------------------------------------


@dataclass
class Section:
    heading: str
    anchor: str
    text: list[str] = field(default_factory=list)


class _PageReader(HTMLParser):
    """Reads what the theme marked for search: the body, its filters, meta, sorts, sections."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
            "source", "track", "wbr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.html_lang = ""
        self.title = ""
        self.filters: list[tuple[str, str]] = []
        self.meta: dict[str, str] = {}
        self.sorts: dict[str, str] = {}
        self.sections: list[Section] = [Section("", "")]
        self.indexed = False
        self._depth = 0          # open elements inside the body
        self._ignore_at: int | None = None
        self._heading: list[str] | None = None
        self._heading_level = ""
        self._in_body = False
        self._skip_text = 0      # script/style

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "html":
            self.html_lang = values.get("lang", "")
        if "data-pagefind-body" in values:
            self._in_body, self.indexed, self._depth = True, True, 0
        if not self._in_body:
            return
        for name, target in (("data-pagefind-filter", "filter"), ("data-pagefind-meta", "meta"),
                             ("data-pagefind-sort", "sort")):
            spec = values.get(name)
            if spec and ":" in spec:
                key, value = spec.split(":", 1)
                if target == "filter":
                    self.filters.append((key, value))
                elif target == "meta":
                    self.meta[key] = value
                else:
                    self.sorts[key] = value
        if tag in self.VOID:
            return
        self._depth += 1
        if tag in ("script", "style", "template"):
            self._skip_text += 1
        if self._ignore_at is None and "data-pagefind-ignore" in values:
            self._ignore_at = self._depth
        if self._ignore_at is None and tag in ("h1", "h2"):
            self._heading, self._heading_level = [], tag
            if tag == "h2":
                self.sections.append(Section("", values.get("id", "")))

    def handle_endtag(self, tag):
        if not self._in_body or tag in self.VOID:
            return
        if tag in ("script", "style", "template"):
            self._skip_text = max(0, self._skip_text - 1)
        if self._heading is not None and tag == self._heading_level:
            text = " ".join("".join(self._heading).split())
            if tag == "h1" and not self.title:
                self.title = text
            elif tag == "h2":
                self.sections[-1].heading = text
            self._heading = None
        if self._ignore_at is not None and self._depth == self._ignore_at:
            self._ignore_at = None
        self._depth -= 1
        if self._depth == 0:
            self._in_body = False

    def handle_data(self, data):
        if not self._in_body or self._ignore_at is not None or self._skip_text:
            return
        if self._heading is not None:
            self._heading.append(data)
            return
        self.sections[-1].text.append(data)


def read_page(html: str) -> _PageReader:
    reader = _PageReader()
    reader.feed(html)
    reader.close()
    return reader


def _text(parts: list[str]) -> str:
    return " ".join(" ".join(parts).split())


def _fit(record: dict) -> dict:
    """Trim the text until the record's JSON is under MAX_RECORD_BYTES."""
    size = len(json.dumps(record, ensure_ascii=False).encode("utf-8"))
    while size > MAX_RECORD_BYTES and record["text"]:
        over = size - MAX_RECORD_BYTES
        encoded = record["text"].encode("utf-8")
        record["text"] = encoded[: max(0, len(encoded) - over - 16)].decode("utf-8", "ignore")
        size = len(json.dumps(record, ensure_ascii=False).encode("utf-8"))
    return record


#: Longest text of one section record before it is split further, in characters.
SECTION_CHARS = 2_500


def records_from_html(html: str, url: str) -> list[dict]:
    """The Algolia records of one built page: one per section (``page_id:lang:section``)."""
    page = read_page(html)
    if not page.indexed or "page_id" not in page.meta:
        return []
    filters: dict[str, list[str]] = {}
    for key, value in page.filters:
        filters.setdefault(key, []).append(value)
    lang = (filters.pop("lang", [""]) or [""])[0]
    base = {
        "page_id": page.meta["page_id"], "lang": lang, "url": url, "title": page.title,
        "type": page.meta.get("type", ""), "type_label": page.meta.get("type_label", ""),
        "status": page.meta.get("status", ""), "status_label": page.meta.get("status_label", ""),
        **{key: values for key, values in filters.items() if key not in ("type", "status")},
        **{f"sort_{key}": value for key, value in page.sorts.items()},
    }
    records = []
    number = 0
    for section in page.sections:
        text = _text(section.text)
        if not text and number > 0 and not section.heading:
            continue
        chunks = [text[i:i + SECTION_CHARS] for i in range(0, len(text), SECTION_CHARS)] or [""]
        for part, chunk in enumerate(chunks):
            anchor = f"#{section.anchor}" if section.anchor else ""
            record = {**base, "objectID": f"{base['page_id']}:{lang}:{number}",
                      "section": section.heading, "url": url + anchor, "text": chunk,
                      "part": part}
            records.append(_fit(record))
            number += 1
    return records


def site_records(output: Path, html_langs: dict[str, str] | None = None
                 ) -> Iterator[dict]:
    """Every record of a built site, read from its pages."""
    for path in sorted(output.rglob("index.html")):
        relative = path.relative_to(output).as_posix()
        url = "/" + relative[: -len("index.html")]
        yield from records_from_html(path.read_text("utf-8"), url)


def records_by_language(records: Iterable[dict]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {}
    for record in records:
        grouped.setdefault(record["lang"], []).append(record)
    return grouped


__all__ = ["FACETS", "SORTS", "TYPES", "PageSearch", "asdict", "describe", "read_page",
           "records_by_language", "records_from_html", "site_records"]
