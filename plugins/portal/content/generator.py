"""Generator for editors' Markdown: every language read in one pass, pages written per language."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from pelican.generators import Generator

from ..core import resident
from ..core.errors import Problem, display_path, fail_build, report
from ..core.fingerprint import digest_bytes
from ..core.languages import Language
from ..core.parallel import remembered_map
from ..core.render import render_group, render_route, shell_digest
from ..core.site import Listing, NavItem, Route, site_of
from ..i18n import N_, labels
from .links import link_problems
from .model import PROGRAMME_SHARED_FIELDS, Entry, field_name
from .reader import make_markdown, read_document, reading_settings


@dataclass
class KeptDocuments:
    """Entries as the last build left them, in a build process that stays up."""

    entries: dict[tuple[str, str], Entry]
    news_pages: list[tuple[Route, list[Entry]]]
    nav: list[NavItem]
    listings: list[Listing]


def _same_documents(kept: dict[tuple[str, str], Entry],
                    entries: dict[tuple[str, str], Entry]) -> bool:
    """The same entries, each with the very same documents in the same languages."""
    return list(kept) == list(entries) and all(
        list(kept[key].versions) == list(entry.versions) and
        all(doc is kept[key].versions[code] for code, doc in entry.versions.items())
        for key, entry in entries.items())


class DocumentsGenerator(Generator):
    """Reads ``content/<lang>/<kind>/*.md`` once and renders each entry in every language."""

    def generate_context(self) -> None:
        site = site_of(self)
        problems: list[Problem] = []
        entries = self._read_entries(problems)
        self._check_translations(entries, problems)
        self._check_shared_facts(entries, problems)
        # A build process that stays up keeps the entries, their routes and the news pages
        # while every document read is the very one of the last build (documents are kept
        # between builds, ``_read_entries``) and the shell is the same.
        kept: KeptDocuments | None = resident.recall("documents", shell_digest()) \
            if resident.enabled() else None
        if kept is not None and not any(p.severity == "error" for p in problems) and \
                _same_documents(kept.entries, entries):
            self._reuse(site, kept)
            return
        first_nav, first_listing = len(site.nav), len(site.listings)
        for entry in entries.values():
            entry.route = Route(
                key=f"{entry.kind}:{entry.id}",
                path=entry.path,
                languages=frozenset(entry.versions),
                original=entry.original.language.code,
                source=entry.original.source_path,
                lastmod=entry.original.modified or entry.original.date,
                titles={code: doc.title for code, doc in entry.versions.items()},
            )
            clash = site.add_route(entry.route)
            if clash:
                problems.append(clash)
            if entry.original.nav is not None:
                short = {code: doc.nav_title for code, doc in entry.versions.items()
                         if doc.nav_title}
                site.nav.append(NavItem(entry.original.nav, entry.route.key, short))
        self.news_pages = self._paginate_news(site, entries)
        site.nav.append(NavItem(90, "news-index:1", labels(self.settings, site.languages,
                                                           N_("News")), section="news"))
        site.listings += [Listing(entry.kind, entry.route.key, sort_date=entry.date)
                          for entry in entries.values() if entry.kind == "news"]
        if any(p.severity == "error" for p in problems):
            fail_build(problems)
        self.entries = entries
        self.context["PORTAL_DOCUMENTS"] = entries
        resident.keep("documents", shell_digest(), KeptDocuments(
            entries, self.news_pages, site.nav[first_nav:], site.listings[first_listing:]))

    def _reuse(self, site, kept: KeptDocuments) -> None:
        problems = [clash for clash in (site.add_route(entry.route)
                                        for entry in kept.entries.values()) if clash]
        for route, _ in kept.news_pages:
            site.add_route(route)  # as ``_paginate_news`` does
        if problems:
            fail_build(problems)
        site.nav += kept.nav
        site.listings += kept.listings
        self.news_pages = kept.news_pages
        self.entries = kept.entries
        self.context["PORTAL_DOCUMENTS"] = kept.entries

    def _read_entries(self, problems: list[Problem]) -> dict[tuple[str, str], Entry]:
        site = site_of(self)
        kinds: dict[str, str] = self.settings["PORTAL_CONTENT_KINDS"]
        languages = {lang.code: lang for lang in site.languages}
        md = make_markdown(self.settings)
        entries: dict[tuple[str, str], Entry] = {}
        self.unreadable_paths: set[str] = set()
        #: Drafts (``Status: draft``): read and checked, not published.
        self.drafts: list = []
        root = Path(self.path)
        files: list[tuple[Path, str, Language]] = []
        for lang_dir in sorted(p for p in root.iterdir() if p.is_dir()):
            language = site.language_for_dir(lang_dir.name)
            if language is None:
                folders = ", ".join(lang.content_dir for lang in site.languages)
                problems.append(Problem(display_path(lang_dir), 0,
                                        f"no language uses the folder '{lang_dir.name}' "
                                        f"(language folders: {folders}); add the language to "
                                        "PORTAL_LANGUAGES or rename the folder"))
                continue
            for kind_dir in sorted(p for p in lang_dir.iterdir() if p.is_dir()):
                kind = kinds.get(kind_dir.name)
                if kind is None:
                    problems.append(Problem(display_path(kind_dir), 0,
                                            f"unknown section folder '{kind_dir.name}' "
                                            f"(sections: {', '.join(kinds)})"))
                    continue
                files += [(path, kind, language) for path in sorted(kind_dir.glob("*.md"))]

        def read(file: tuple[Path, str, Language]) -> tuple:
            path, kind, language = file
            return read_document(path, display_path(path), kind, language, languages, md,
                                 site.base_path)

        def key(file: tuple[Path, str, Language]) -> str:
            path, kind, language = file
            return digest_bytes(str(path), kind, language.code, path.read_bytes())

        # Documents are never changed once read: a build process that stays up keeps them.
        read_all = remembered_map("documents", read, files, key, self.settings, repr(kinds),
                                  *reading_settings(self.settings, site.languages,
                                                    site.base_path), immutable=True)
        for (path, kind, language), (doc, found) in zip(files, read_all, strict=True):
            problems.extend(found)
            if doc is None:
                # Reported already; links to it are not reported a second time.
                self.unreadable_paths.add(Entry(kind, path.stem).path)
            if doc is not None and doc.draft:
                self.drafts.append(doc)
            if doc is None or doc.draft:
                continue
            entry = entries.setdefault((kind, doc.id), Entry(kind, doc.id))
            entry.versions[language.code] = doc
        return entries

    @staticmethod
    def _check_translations(entries: dict, problems: list[Problem]) -> None:
        for entry in entries.values():
            for doc in entry.versions.values():
                if doc.translated_from and doc.translated_from not in entry.versions:
                    problems.append(Problem(
                        doc.source_path, 1,
                        f"Translated-From: {doc.translated_from}, but there is no "
                        f"{doc.translated_from} document named '{doc.id}.md' in the same section; "
                        "check the file name or remove the Translated-From line"))

    @staticmethod
    def _check_shared_facts(entries: dict, problems: list[Problem]) -> None:
        """A translated programme inherits its original's facts; if it repeats one, it must
        say the same, or the two languages would file the programme differently."""
        for entry in entries.values():
            if entry.kind != "program":
                continue
            original = entry.original
            for doc in entry.versions.values():
                if doc is original:
                    continue
                for field in PROGRAMME_SHARED_FIELDS:
                    key = field.replace("-", "_")
                    if key in doc.meta and doc.meta[key] != original.meta.get(key):
                        problems.append(Problem(
                            doc.source_path, doc.field_lines.get(field, 1),
                            f"{field_name(field)}: differs from {original.source_path}; a "
                            "translation takes this from its original, so remove the line or "
                            "make it the same"))

    def _paginate_news(self, site, entries) -> list[tuple[Route, list[Entry]]]:
        news = sorted((e for e in entries.values() if e.kind == "news"),
                      key=lambda e: (e.date, e.id), reverse=True)
        per_page = self.settings["PORTAL_NEWS_PER_PAGE"]
        every_language = site.every_language
        pages = []
        for number in range(1, max(1, math.ceil(len(news) / per_page)) + 1):
            path = "news/" if number == 1 else f"news/page/{number}/"
            route = Route(key=f"news-index:{number}", path=path, languages=every_language,
                          original=site.default.code, in_sitemap=True)
            site.add_route(route)
            pages.append((route, news[(number - 1) * per_page:number * per_page]))
        return pages

    def generate_output(self, writer) -> None:
        site = site_of(self)
        entries = list(self.entries.values())
        for language in site.languages:
            render_group(self, ("documents", language.code), (entries, language),
                         partial(self._documents, entries, language))
        total = len(self.news_pages)
        for number, (route, items) in enumerate(self.news_pages, start=1):
            pagination = {
                "number": number, "total": total,
                "previous": self.news_pages[number - 2][0] if number > 1 else None,
                "next": self.news_pages[number][0] if number < total else None,
            }
            for language in site.languages:
                render_route(self, route, language, "news_index", items=items,
                             pagination=pagination)


    def _documents(self, entries: list[Entry], language: Language) -> None:
        for entry in entries:
            render_route(self, entry.route, language, entry.template, entry=entry,
                         doc=entry.version_for(language), outdated=entry.is_outdated(language))


def check_links(generators) -> None:
    """Once every section has registered its pages: links and images in editors' Markdown."""
    documents = next((g for g in generators if isinstance(g, DocumentsGenerator)), None)
    if documents is None or not hasattr(documents, "entries"):
        return
    site = site_of(documents)
    problems = link_problems(
        site, [doc for entry in documents.entries.values() for doc in entry.versions.values()],
        Path(documents.theme) / "static", frozenset(documents.unreadable_paths))
    if any(p.severity == "error" for p in problems):
        fail_build(problems)
    else:
        report(problems)
