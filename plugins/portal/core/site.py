"""The site model shared by every generator of one build: languages, routes and their URLs.

Every URL, hreflang set, canonical link and switcher entry is computed here and nowhere else.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath
from typing import ClassVar
from urllib.parse import urlsplit

from .errors import Problem
from .languages import Language, languages_from_settings
from .plan import record_route

#: A folder path such as ``zh-tw/opportunities/opp-0042/``: no empty or ``.`` part, no dot in the
#: last part (which would make it a file name with a suffix).
_PLAIN_FOLDER = re.compile(r"(?:[^/.][^/]*/)*[^/.]+/")


@dataclass
class Route:
    """One page of the site, at the same language-neutral path in every language."""

    key: str
    path: str
    languages: frozenset[str]
    original: str
    source: str = ""
    in_sitemap: bool = True
    lastmod: date | None = None
    titles: dict[str, str] = field(default_factory=dict)

    #: Equal routes have the same digest: every field is text, a set of text, a flag or a
    #: date (``core.fingerprint.same_data`` compares them with ``==``).
    exact_equality: ClassVar[bool] = True
    #: A route does not change once registered, so it carries its digest (a build process
    #: that stays up keeps many routes, with the models that own them, between builds).
    kept_between_builds: ClassVar[bool] = True

    def is_real_in(self, language: Language) -> bool:
        return language.code in self.languages


@dataclass
class NavItem:
    """A main-menu entry: its position and short labels per language (default: page titles)."""

    order: int
    route_key: str
    labels: dict[str, str] = field(default_factory=dict)
    #: Route-key prefix of the pages that belong under this entry (``news`` for news items).
    section: str = ""


@dataclass
class Listing:
    """Something one section publishes that other sections list (programme, opportunity,
    archive item, news): the SDG pages and search records are built from these."""

    kind: str
    route_key: str
    sdgs: frozenset[int] = frozenset()
    topics: frozenset[str] = frozenset()
    active: bool = True
    sort_date: date | None = None


@dataclass
class Site:
    """Languages, base URL and the registry of routes for one build."""

    languages: tuple[Language, ...]
    siteurl: str
    routes: dict[str, Route] = field(default_factory=dict)
    routes_by_path: dict[str, Route] = field(default_factory=dict)
    nav: list[NavItem] = field(default_factory=list)
    listings: list[Listing] = field(default_factory=list)
    menu_order: list[str | list[str]] = field(default_factory=list)
    _kinds: tuple[int, dict[str, list[Listing]]] | None = field(
        default=None, init=False, repr=False, compare=False)
    #: Parts of pages rendered once per language (``core.render.language_part``).
    parts: dict[tuple, tuple] = field(default_factory=dict, init=False, repr=False,
                                      compare=False)

    def __fingerprint__(self) -> tuple:
        # For files made from URLs (sitemap, IIIF, exports): a producer that reads routes
        # takes them as inputs of its own.
        return (self.siteurl, self.languages)

    @classmethod
    def from_settings(cls, settings: dict) -> Site:
        return cls(languages_from_settings(settings), settings.get("SITEURL", "").rstrip("/"),
                   menu_order=list(settings.get("PORTAL_MENU", [])))

    @property
    def default(self) -> Language:
        return self.languages[0]

    @property
    def every_language(self) -> frozenset[str]:
        """Language codes of a generated page, which exists in every language."""
        return frozenset(lang.code for lang in self.languages)

    @property
    def base_path(self) -> str:
        """Path part of SITEURL, so links keep working when the site lives under a sub-folder."""
        return urlsplit(self.siteurl).path.rstrip("/")

    def language(self, code: str) -> Language:
        for language in self.languages:
            if language.code == code:
                return language
        raise KeyError(code)

    def language_for_dir(self, content_dir: str) -> Language | None:
        return next((lang for lang in self.languages if lang.content_dir == content_dir), None)

    # -- routes ---------------------------------------------------------------------------

    def add_route(self, route: Route) -> Problem | None:
        """Register a route; a second route at the same path is an editor's slug clash."""
        other = self.routes_by_path.get(route.path)
        if other is not None:
            # Name the editor's file (Markdown) where there is one: that is what to rename.
            mine, theirs = route, other
            if other.source.endswith(".md") and not route.source.endswith(".md"):
                mine, theirs = other, route
            owner = theirs.source or theirs.key
            return Problem(mine.source or mine.key, 0,
                           f"the address /{route.path} is already used by {owner}; choose "
                           "another file name")
        self.routes[route.key] = route
        self.routes_by_path[route.path] = route
        return None

    def route(self, key: str) -> Route:
        record_route(key)
        return self.routes[key]

    def has(self, key: str) -> bool:
        """Whether the site has route ``key`` (templates link to optional sections with it)."""
        record_route(key)
        return key in self.routes

    def listings_of(self, kind: str | None = None, sdg: int | None = None,
                    active_only: bool = True) -> list[Listing]:
        candidates = self.listings if kind is None else self._of_kind(kind)
        return [item for item in candidates
                if (sdg is None or sdg in item.sdgs) and (item.active or not active_only)]

    def _of_kind(self, kind: str) -> list[Listing]:
        # Listings are only ever added: an index made for as many as there are now is good.
        index = self._kinds
        if index is None or index[0] != len(self.listings):
            by_kind: dict[str, list[Listing]] = {}
            for item in self.listings:
                by_kind.setdefault(item.kind, []).append(item)
            index = self._kinds = (len(self.listings), by_kind)
        return index[1].get(kind, [])

    # -- URLs -----------------------------------------------------------------------------

    def href(self, language: Language, path: str) -> str:
        """Root-relative link, valid on any local server and under SITEURL's sub-folder."""
        return f"{self.base_path}/{language.path(path)}"

    def absolute(self, language: Language, path: str) -> str:
        return f"{self.siteurl}/{language.path(path)}"

    def link(self, language: Language, key: str) -> str:
        record_route(key)
        return self.href(language, self.routes[key].path)

    def output_file(self, output_path: str | os.PathLike, language: Language, path: str) -> Path:
        return Path(output_path) / self.output_name(language, path)

    def output_name(self, language: Language, path: str) -> str:
        """The file, relative to the output folder, of ``path`` in ``language``."""
        name = language.path(path)
        if _PLAIN_FOLDER.fullmatch(name):
            return name + "index.html"  # what the path arithmetic below gives, without it
        pure = PurePosixPath(name)
        return str(pure / "index.html" if not pure.suffix else pure)

    def shown_language(self, route: Route, language: Language) -> Language:
        """The language a page is shown in: its own, or the original when untranslated."""
        return language if route.is_real_in(language) else self.language(route.original)

    def canonical(self, route: Route, language: Language) -> str:
        return self.absolute(self.shown_language(route, language), route.path)

    def alternates(self, route: Route) -> list[tuple[str, str]]:
        """hreflang set: every real translation plus x-default (default language, else original)."""
        real = [lang for lang in self.languages if route.is_real_in(lang)]
        pairs = [(lang.hreflang, self.absolute(lang, route.path)) for lang in real]
        fallback = self.default if route.is_real_in(self.default) else self.language(route.original)
        pairs.append(("x-default", self.absolute(fallback, route.path)))
        return pairs

    def switcher(self, route: Route, current: Language) -> list[dict]:
        return [
            {
                "language": lang,
                "href": self.href(lang, route.path),
                "current": lang == current,
                "translated": route.is_real_in(lang),
            }
            for lang in self.languages
        ]

    def title(self, route: Route, language: Language) -> tuple[str, Language]:
        """A route's title in ``language``, or in its original language when untranslated."""
        record_route(route.key)
        shown = self.shown_language(route, language)
        return route.titles.get(shown.code, route.key), shown

    def _menu_groups(self) -> tuple[list[str], dict[str, str]]:
        """The menu's route keys in order, and the key each grouped entry files under.

        A ``PORTAL_MENU`` entry is a route key or a list of them: a list is one top-level
        entry (a disclosure named after its first route) holding the others, so a menu of
        a dozen sections still has few top-level items."""
        order: list[str] = []
        parent: dict[str, str] = {}
        for entry in self.menu_order:
            keys = [entry] if isinstance(entry, str) else list(entry)
            order += keys
            for key in keys[1:]:
                parent[key] = keys[0]
        return order, parent

    def nav_links(self, language: Language, current: Route | None = None) -> list[dict]:
        """Top-level menu entries, each with ``children`` (the entries grouped under it,
        itself first) when it heads a group."""
        order, parent = self._menu_groups()

        def position(item: NavItem) -> tuple[int, int]:
            if item.route_key in order:
                return (order.index(item.route_key), 0)
            return (len(order), item.order)

        links: list[dict] = []
        heads: dict[str, dict] = {}
        for item in sorted(self.nav, key=position):
            route = self.routes[item.route_key]
            title, shown = self.title(route, language)
            title = item.labels.get(shown.code, title)
            in_section = bool(item.section and current and current.key.startswith(item.section))
            link = {"href": self.href(language, route.path), "title": title, "lang": shown,
                    "current": route is current, "in_section": in_section, "children": []}
            head = heads.get(parent.get(item.route_key, ""))
            if head is None:
                links.append(link)
                heads[item.route_key] = link
            else:
                if not head["children"]:
                    head["children"].append({**head, "children": []})
                head["children"].append(link)
                head["in_section"] = any(child["current"] or child["in_section"]
                                         for child in head["children"])
        return links

    def page_context(self, route: Route, language: Language) -> dict:
        """What every template needs to place a page in the site and among its translations."""
        shown = self.shown_language(route, language)
        fallback = shown != language
        return {
            "site": self,
            "route": route,
            "lang": language,
            "shown_lang": shown,
            "is_fallback": fallback,
            "canonical": self.canonical(route, language),
            "alternates": [] if fallback else self.alternates(route),
            "switcher": self.switcher(route, language),
            "nav": self.nav_links(language, route),
            "home_href": self.href(language, ""),
        }


def site_of(generator) -> Site:
    """The build's Site, created by the first generator that asks for it (one per build run)."""
    site = generator.context.get("PORTAL_SITE")
    if site is None:  # not setdefault: that would make a Site for every page to throw away
        site = generator.context["PORTAL_SITE"] = Site.from_settings(generator.settings)
    return site
