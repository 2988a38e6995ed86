"""Search: the search pages, the search description of every indexed page (``records``), the
Pagefind index written after the build, and the Algolia records (``algolia``, ``portal search
push``).

Backends: Pagefind by default (no account, no server); Algolia when an application id and a
search-only key are known at build time (settings or ``ALGOLIA_APP_ID``/``ALGOLIA_SEARCH_KEY``).
"""

from __future__ import annotations

import asyncio
import json
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from markupsafe import Markup
from pelican import signals
from pelican.generators import Generator

from ..core.errors import Problem, fail_build
from ..core.output import output_ready
from ..core.render import page_rendering, render_route
from ..core.site import Route, site_of
from ..i18n import N_, translate
from .records import FACETS, SORTS, TYPES, describe

SEARCH_KEY = "search:all"
OPPORTUNITY_SEARCH_KEY = "search:opportunities"
PAGEFIND_DIR = "pagefind"

#: Strings the search script shows, translated into the page's language.
UI_STRINGS = {
    "any": N_("Any"),
    "results": N_("%(count)s results"),
    "one_result": N_("1 result"),
    "no_results": N_("No results. Try fewer or other words, or fewer filters."),
    "searching": N_("Searching…"),
    "error": N_("Search is not available right now. Please use the lists linked below."),
    "relevance": N_("Best match"),
    "more": N_("Show more results"),
}


def algolia_public(settings: dict) -> tuple[str, str]:
    """The application id and search-only key the pages may use, or empty strings."""
    app = settings["PORTAL_SEARCH_ALGOLIA_APP_ID"] or os.environ.get("ALGOLIA_APP_ID", "")
    key = settings["PORTAL_SEARCH_ALGOLIA_SEARCH_KEY"] or os.environ.get("ALGOLIA_SEARCH_KEY", "")
    return (app, key) if app and key else ("", "")


def backend(settings: dict) -> str:
    return "algolia" if algolia_public(settings)[0] else "pagefind"


def add_search_description(generator, route, language, template, context) -> None:
    """Before every page is rendered: what search knows about it (None: not indexed)."""
    context["search"] = describe(generator.settings, template, language, context)


class SearchGenerator(Generator):
    """The search page and the opportunity search, in every language."""

    def generate_context(self) -> None:
        site = site_of(self)
        every = site.every_language
        for key, path, title in ((SEARCH_KEY, "search/", N_("Search")),
                                 (OPPORTUNITY_SEARCH_KEY, "search/opportunities/",
                                  N_("Search opportunities"))):
            titles = {lang.code: translate(self.settings, lang, title) for lang in site.languages}
            problem = site.add_route(Route(key, path, every, site.default.code, titles=titles))
            if problem:
                fail_build([problem])

    def config(self, site, language, scope: str) -> Markup:
        def t(message: str) -> str:
            return translate(self.settings, language, message)

        app, key = algolia_public(self.settings)
        data = {
            "backend": backend(self.settings),
            "scope": scope,
            "lang": language.code,
            "base": site.base_path + "/",
            "bundle": f"{site.base_path}/{PAGEFIND_DIR}/",
            "strings": {name: t(text) for name, text in UI_STRINGS.items()},
            "facets": {name: t(text) for name, text in FACETS.items()},
            "sorts": {name: t(label) for name, (label, _) in SORTS.items()},
            "sortDirections": {name: direction for name, (_, direction) in SORTS.items()},
            "types": {name: t(label) for name, label in TYPES.items()},
            "opportunityType": t(TYPES["opportunity"]),
            "languages": {lang.code: lang.native_name for lang in site.languages},
        }
        if app:
            data["algolia"] = {"appId": app, "searchKey": key,
                               "index": self.settings["PORTAL_SEARCH_ALGOLIA_PREFIX"]
                               + language.code}
        text = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
        return Markup(text)

    def generate_output(self, writer) -> None:
        site = site_of(self)
        for language in site.languages:
            for key, scope in ((SEARCH_KEY, "all"), (OPPORTUNITY_SEARCH_KEY, "opportunities")):
                render_route(self, site.route(key), language, "search", scope=scope,
                             search_config=self.config(site, language, scope),
                             search_backend=backend(self.settings))


def index_with_pagefind(pelican, output_path: str, bundle_path: str,
                        changed_pages: int | None = None) -> None:
    """Once the pages are written: one Pagefind bundle (published at /pagefind/) with an index
    per language (Pagefind's multilingual mode, keyed on ``<html lang>``), written to
    ``bundle_path``. Builds where no page changed do not call this."""
    settings = pelican.settings
    if not settings.get("PORTAL_SEARCH_INDEX", True) or backend(settings) != "pagefind":
        return
    try:
        from pagefind.index import PagefindIndex
    except ImportError:  # pragma: no cover - a dependency in pyproject.toml
        fail_build([Problem("pyproject.toml", 0, "pagefind[extended] is not installed: "
                                                 "run `make html` to install the dependencies")])

    async def build() -> dict:
        target = Path(bundle_path)
        async with PagefindIndex(config={"output_path": str(target)}) as index:
            await index.add_directory(path=str(output_path), glob="**/*.html")
            await index.write_files()
        return json.loads((target / "pagefind-entry.json").read_text("utf-8"))

    def run() -> dict:
        # In its own thread: the build may itself run inside an event loop (tests, tools).
        with ThreadPoolExecutor(1) as pool:
            return pool.submit(lambda: asyncio.run(build())).result()

    try:
        entry = run()
    except json.JSONDecodeError:
        # The Pagefind service very occasionally garbles a reply; one retry has always done.
        entry = run()
    pages = ", ".join(f"{lang}: {info['page_count']}" for lang, info in
                      entry.get("languages", {}).items())
    print(f"Search: Pagefind indexed {pages or 'no pages'}")


def get_generators(pelican) -> type[Generator]:
    return SearchGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
    page_rendering.connect(add_search_description)
    output_ready.connect(index_with_pagefind)


__all__ = ["SearchGenerator", "algolia_public", "backend", "register"]
