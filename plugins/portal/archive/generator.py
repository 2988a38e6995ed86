"""The memory archive generator: reads every item once, registers its pages and listings, then
writes the pages per language and the media, manifests and downloads once for all languages."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path

from markupsafe import Markup, escape
from pelican.generators import Generator

from ..content.reader import make_markdown, reading_settings
from ..core import resident
from ..core.clock import build_time
from ..core.errors import Problem, display_path, fail_build
from ..core.fingerprint import digest_bytes
from ..core.languages import Language
from ..core.parallel import remembered_map, work_ahead, worker_count
from ..core.render import produce_file, render_group, render_route, shell_digest
from ..core.site import Listing, NavItem, Route, Site, site_of
from ..i18n import N_, catalogues_for, labels
from ..i18n.formatting import localised_year
from .browse import FACETS, Facet, FacetValue, group_by_year
from .dates import date_in_words, decade_label
from .exports import DATA_DIR, EXPORT_FILES, export_file
from .iiif import manifest
from .jsonld import item_jsonld, script_json
from .media import make_derivatives, plan_derivatives, write_media
from .model import ACCESS_LEVELS, CREATOR_ROLES, ITEM_TYPES, Citation, Item, Localised, Picked
from .reader import (
    ReadContext,
    files_under,
    find_item_folders,
    folder_key,
    read_item,
    read_vocabulary,
)


@dataclass
class ArchiveSources:
    """What the collection is read from, each item folder with the digest of what is read."""

    root: Path
    vocabulary_files: list[Path]
    keys: dict[Path, str]
    depends_on: tuple


@dataclass
class KeptArchive:
    """The collection as the last build left it, in a build process that stays up."""

    items: list[Item]
    unreadable: set[str]
    home: Route
    timeline: Route
    facets: dict[str, Facet]
    routes: list[Route]


FACET_TITLES = {
    "decades": N_("Browse by decade"),
    "types": N_("Browse by type"),
    "subjects": N_("Browse by subject"),
    "sdgs": N_("Browse by Sustainable Development Goal"),
    "places": N_("Browse by place"),
}


class ArchiveGenerator(Generator):
    """Publishes ``memory_archive/`` as a bilingual digital collection."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # The items are read ahead, while the sections before this one are made: a process
        # of its own fills the store of read items, which this generator then finds full.
        site = site_of(self)
        self._read_ahead = work_ahead(
            self.settings, lambda: self._read(site, [], self._sources(site), workers=1))

    def generate_context(self) -> None:
        site = site_of(self)
        problems: list[Problem] = []
        # Looked up once: the shared helper checks the catalogue files on every call.
        catalogues = catalogues_for(self.settings)
        self.gettext = {lang.code: catalogues[lang.code].gettext for lang in site.languages}
        self.today = build_time(self.settings).date()
        self._routes: list[Route] = []
        # A build process that stays up keeps the whole collection while nothing it is made
        # from changes: the code, theme, catalogues and settings (the shell), the day, and
        # every file of the archive and its vocabularies, as the file system stamps them.
        scope = self._kept_scope(site) if resident.enabled() else None
        kept: KeptArchive | None = resident.recall("archive", scope) if scope else None
        if kept is not None:
            self._reuse(site, kept)
            return
        if self._read_ahead is not None:
            self._read_ahead()
        sources = self._sources(site)
        items = self._read(site, problems, sources)
        self._check_collection(items, problems, self.unreadable)
        if any(p.severity == "error" for p in problems):
            fail_build(problems)

        self.items = sorted((item for item in items if item.is_published(self.today)),
                            key=lambda item: (item.date.sort_key, item.id))
        by_id = {item.id: item for item in self.items}
        widths = sorted(self.settings["PORTAL_ARCHIVE_IMAGE_WIDTHS"])
        for index, item in enumerate(self.items):
            # Links to items that are not published (embargoed) are left out, never shown.
            item.related = [by_id[other] for other in item.related_ids if other in by_id]
            item.previous = self.items[index - 1] if index else None
            item.next = self.items[index + 1] if index + 1 < len(self.items) else None
            item.date_words = {lang.code: date_in_words(item.date, lang, self.gettext[lang.code])
                               for lang in site.languages}
            plan_derivatives(item, widths)

        self._register_routes(site, problems)
        for item in self.items:
            item.citations = [self._citation(site, item, lang) for lang in site.languages]
        if any(p.severity == "error" for p in problems):
            fail_build(problems)
        self._publish(site)
        if scope:
            resident.keep("archive", scope, KeptArchive(self.items, self.unreadable, self.home,
                                                        self.timeline, self.facets,
                                                        self._routes))

    def _kept_scope(self, site: Site) -> str:
        """Every file the collection is read from, by name, size, times and inode (a write
        changes the change time, which no tool can set back), with what else it depends on."""
        data_dir = Path(self.settings["PORTAL_DATA_DIR"])
        root = Path(self.settings["PORTAL_ARCHIVE_DIR"])
        stamps = [shell_digest(), self.today.isoformat(), str(root.resolve()),
                  *reading_settings(self.settings, site.languages, site.base_path)]
        for setting in ("PORTAL_ARCHIVE_SUBJECTS", "PORTAL_ARCHIVE_PLACES"):
            path = data_dir / self.settings[setting]
            stamps.append(f"{path}:{resident.file_stamp(path) if path.is_file() else 'missing'}")
        if root.is_dir():
            stamps += [f"{'/'.join(relative)}:{resident.stat_stamp(entry.stat())}"
                       for relative, entry in sorted(files_under(str(root), ()))]
        return digest_bytes(*stamps)

    def _publish(self, site: Site) -> None:
        """What the rest of the site sees of the archive: menu entry, listings, context."""
        site.nav.append(NavItem(60, "archive:home", labels(self.settings, site.languages,
                                                           N_("Archive")), section="archive"))
        site.listings += [
            Listing("archive-item", item.route_key, sdgs=frozenset(item.sdgs),
                    topics=frozenset(term.key for term in item.subjects),
                    sort_date=item.date.lower)
            for item in self.items
        ]
        self.context["PORTAL_ARCHIVE"] = self.items

    def _reuse(self, site: Site, kept: KeptArchive) -> None:
        """The collection of the last build, unchanged: its routes are registered again in
        this build's site (another section may now clash with one)."""
        self.items, self.unreadable = kept.items, kept.unreadable
        self.home, self.timeline, self.facets = kept.home, kept.timeline, kept.facets
        self._routes = kept.routes
        problems = [clash for clash in map(site.add_route, kept.routes) if clash]
        if problems:
            fail_build(problems)
        self._publish(site)

    # -- reading -----------------------------------------------------------------------------

    def _sources(self, site: Site) -> ArchiveSources:
        data_dir = Path(self.settings["PORTAL_DATA_DIR"])
        vocabulary_files = [data_dir / self.settings[setting]
                            for setting in ("PORTAL_ARCHIVE_SUBJECTS", "PORTAL_ARCHIVE_PLACES")]
        root = Path(self.settings["PORTAL_ARCHIVE_DIR"])
        folders = list(find_item_folders(root))
        depends_on = (*reading_settings(self.settings, site.languages, site.base_path),
                      *(path.read_bytes() for path in vocabulary_files if path.is_file()))
        return ArchiveSources(root, vocabulary_files, {folder: folder_key(folder)
                                                       for folder in folders}, depends_on)

    def _read(self, site: Site, problems: list[Problem], sources: ArchiveSources,
              workers: int | None = None) -> list[Item]:
        vocabularies = []
        for kind, path in zip(("subject", "place"), sources.vocabulary_files, strict=True):
            vocabulary, found = read_vocabulary(path, display_path(path), kind, site.languages)
            problems.extend(found)
            vocabularies.append(vocabulary)
        context = ReadContext(site.languages, vocabularies[0], vocabularies[1],
                              make_markdown(self.settings), site.base_path)
        root = sources.root
        items = []
        #: Folders whose item has errors (reported once; links to them are not reported again).
        self.unreadable: set[str] = set()
        folders = list(sources.keys)

        def read(folder: Path) -> tuple[Item | None, list[Problem]]:
            return read_item(folder, display_path(root), context)

        for folder, (item, found) in zip(folders, remembered_map(
                "archive-items", read, folders, sources.keys.__getitem__, self.settings,
                *sources.depends_on, workers=workers), strict=True):
            problems.extend(found)
            if item is not None:
                items.append(item)
            else:
                self.unreadable.add(folder.name)
        return items

    @staticmethod
    def _check_collection(items: list[Item], problems: list[Problem],
                          unreadable: set[str] = frozenset()) -> None:
        """Checks that need every item: unique ids and related items that exist."""
        by_id: dict[str, list[Item]] = {}
        for item in items:
            by_id.setdefault(item.id, []).append(item)
        for same in by_id.values():
            if len(same) < 2:
                continue
            files = ", ".join(item.source_path for item in same)
            for item in same:
                problems.append(Problem(item.source_path, item.lines.get(("id",), 0),
                                        f"id: '{item.id}' is the id of {len(same)} items "
                                        f"({files}); every item needs its own id, because "
                                        "it is the item's web address"))
        seen = by_id
        for item in items:
            for index, other in enumerate(item.related_ids):
                line = item.lines.get(("related", index), 0)
                if other == item.id:
                    problems.append(Problem(item.source_path, line,
                                            "related: an item cannot be related to itself"))
                elif other not in seen and other not in unreadable:
                    problems.append(Problem(item.source_path, line,
                                            f"related: there is no item with the id '{other}'"))

    # -- routes ------------------------------------------------------------------------------

    def _route(self, site: Site, key: str, path: str, titles: dict[str, str],
               problems: list[Problem], languages: frozenset[str] | None = None,
               original: str | None = None, source: str = "") -> Route:
        every = site.every_language
        route = Route(key=key, path=path, languages=languages or every,
                      original=original or site.default.code, source=source, titles=titles)
        self._routes.append(route)
        clash = site.add_route(route)
        if clash:
            problems.append(clash)
        return route

    def _labels(self, site: Site, message: str, **values) -> dict[str, str]:
        return {lang.code: self.gettext[lang.code](message) % values if values
                else self.gettext[lang.code](message) for lang in site.languages}

    def _localised(self, site: Site, values: dict[str, str]) -> Localised:
        return Localised(values, site.languages)

    def _register_routes(self, site: Site, problems: list[Problem]) -> None:
        self.home = self._route(site, "archive:home", "archive/",
                                self._labels(site, N_("Memory archive")), problems)
        self.timeline = self._route(site, "archive:timeline", "archive/timeline/",
                                    self._labels(site, N_("Timeline of the archive")), problems)
        for item in self.items:
            titled = [lang.code for lang in site.languages if item.title.get(lang.code)]
            route = self._route(
                site, f"archive:item:{item.id}", item.path,
                {lang.code: item.title.pick(lang).text for lang in site.languages}, problems,
                # An item is "translated" where its title is: elsewhere the page is a fallback,
                # left out of hreflang and the sitemap, with its title marked as such.
                languages=frozenset(titled), original=titled[0], source=item.source_path)
            route.lastmod = None
            item.route_key = route.key
        self.facets = {key: self._facet(site, key, problems) for key in FACETS}

    def _facet(self, site: Site, key: str, problems: list[Problem]) -> Facet:
        title = self._labels(site, FACET_TITLES[key])
        facet = Facet(key, self._localised(site, title),
                      self._route(site, f"archive:{key}", f"archive/{key}/", title, problems))
        buckets: dict[str, tuple[Localised, list[Item]]] = {}
        order: list[str] = []

        def add(value_key: str, label: Localised, item: Item) -> None:
            if value_key not in buckets:
                buckets[value_key] = (label, [])
                order.append(value_key)
            buckets[value_key][1].append(item)

        for item in self.items:
            if key == "decades":
                decade = item.date.decade
                add(f"{decade}s", self._localised(site, {
                    lang.code: decade_label(decade, lang, self.gettext[lang.code])
                    for lang in site.languages}), item)
            elif key == "types":
                add(item.type, self._localised(site, self._labels(site, ITEM_TYPES[item.type][2])),
                    item)
            elif key == "subjects":
                for term in item.subjects:
                    add(term.key, term.label, item)
            elif key == "sdgs":
                for number in item.sdgs:
                    add(str(number), self._localised(site, self._labels(
                        site, N_("SDG %(number)s"), number=number)), item)
            else:
                for term in item.places:
                    add(term.key, term.label, item)

        if key in ("decades", "sdgs"):
            order.sort(key=lambda value: int(value.rstrip("s")))
        elif key == "types":
            order.sort(key=list(ITEM_TYPES).index)
        else:
            order.sort(key=lambda value: buckets[value][0].first().lower())
        for value_key in order:
            label, items = buckets[value_key]
            route = self._route(site, f"archive:{key}:{value_key}",
                                f"archive/{key}/{value_key}/",
                                {lang.code: label.pick(lang).text for lang in site.languages},
                                problems)
            value = FacetValue(key, value_key, label, route, items)
            if key == "decades":
                value.groups = group_by_year(items, lambda year: self._year_label(site, year))
            facet.values.append(value)
        return facet

    def _year_label(self, site: Site, year: int | None) -> Localised:
        if year is None:
            return self._localised(site, self._labels(site, N_("Year not known")))
        return self._localised(site, {lang.code: localised_year(year, lang)
                                      for lang in site.languages})

    # -- citations ---------------------------------------------------------------------------

    def _citation(self, site: Site, item: Item, language: Language) -> Citation:
        """How to cite ``item`` in ``language``; fallback passages keep their own ``lang``."""

        def marked(picked: Picked | None) -> Markup:
            if picked is None:
                return Markup("")
            if picked.language == language:
                return escape(picked.text)
            return Markup('<span lang="{}">{}</span>').format(picked.language.html_lang,
                                                               picked.text)

        separator = self.gettext[language.code](N_(", "))
        creators = Markup(escape(separator)).join(marked(c.name.pick(language))
                                                  for c in item.creators)
        values = {
            "creators": creators,
            "title": marked(item.title.pick(language)),
            "date": escape(item.date_words[language.code]),
            "archive": escape(self.gettext[language.code](
                N_("Taipei Volunteers memory archive"))),
            "url": escape(site.absolute(language, item.path)),
        }
        pattern = (N_("%(creators)s. “%(title)s.” %(date)s. %(archive)s. %(url)s")
                   if item.creators else N_("“%(title)s.” %(date)s. %(archive)s. %(url)s"))
        # The pattern comes from the project's own catalogue; the values are escaped above.
        text = Markup(self.gettext[language.code](pattern)) % values
        return Citation(language, text)

    # -- output ------------------------------------------------------------------------------

    def generate_output(self, writer) -> None:
        site = site_of(self)
        output = Path(self.output_path)
        cache = Path(self.settings["PORTAL_ARCHIVE_CACHE_DIR"])
        render_group(self, ("media",), (self.items, str(cache.resolve())),
                     partial(self._media, output, cache))
        common = {"archive_home": self.home, "facets": self.facets, "timeline": self.timeline,
                  "archive_items": self.items, "archive_downloads": self._downloads(site),
                  "creator_roles": CREATOR_ROLES, "access_levels": ACCESS_LEVELS}
        decades = self.facets["decades"].values
        for language in site.languages:
            render_route(self, self.home, language, "archive_home", **common)
            render_route(self, self.timeline, language, "archive_timeline", decades=decades,
                         **common)
            for facet in self.facets.values():
                render_route(self, facet.route, language, "archive_facets", facet=facet,
                             **common)
                for value in facet.values:
                    render_route(self, value.route, language, "archive_browse", facet=facet,
                                 value=value, **common)
            archive_name = self.gettext[language.code](N_("Taipei Volunteers memory archive"))
            render_group(self, ("items", language.code),
                         (self.items, language, archive_name, common),
                         partial(self._item_pages, site, language, archive_name, common))
        for item in self.items:
            if item.has_manifest:
                produce_file(output / item.manifest_path, manifest, item, site,
                             self._iiif_labels(site, item), item.date_words,
                             self.settings["PORTAL_SOURCE_TIMEZONE"])
        for name in EXPORT_FILES:
            produce_file(output / DATA_DIR / name, export_file, name, site, self.items)

    def _media(self, output: Path, cache: Path) -> None:
        make_derivatives(self.items, cache, worker_count(self.settings))
        for item in self.items:
            write_media(item, output, cache)

    def _item_pages(self, site: Site, language: Language, archive_name: str,
                    common: dict) -> None:
        for item in self.items:
            render_group(self, ("item", item.id, language.code),
                         (item, language, archive_name, common),
                         partial(self._item_page, site, item, language, archive_name, common))

    def _item_page(self, site: Site, item: Item, language: Language, archive_name: str,
                   common: dict) -> None:
        jsonld = script_json(item_jsonld(item, site, language, archive_name))
        render_route(self, site.route(item.route_key), language, "archive_item", item=item,
                     jsonld=jsonld, **common)

    def _iiif_labels(self, site: Site, item: Item) -> dict[str, dict[str, str]]:
        return {
            "type": self._labels(site, N_("Type")),
            "type_value": self._labels(site, item.type_name),
            "date": self._labels(site, N_("Date")),
            "creators": self._labels(site, N_("Creators")),
            "rights_holder": self._labels(site, N_("Rights holder")),
            "site_name": self._labels(site, N_("Taipei Volunteers memory archive")),
            "captions": self._labels(site, N_("Captions")),
        }

    @staticmethod
    def _downloads(site: Site) -> list[dict]:
        return [
            {"name": "items.csv", "href": site.href(site.default, DATA_DIR + "items.csv"),
             "format": "CSV", "what": N_("Metadata of every published item, one row each")},
            {"name": "items.json", "href": site.href(site.default, DATA_DIR + "items.json"),
             "format": "JSON", "what": N_("The same metadata as a JSON list")},
            {"name": "datapackage.json",
             "href": site.href(site.default, DATA_DIR + "datapackage.json"),
             "format": "JSON", "what": N_("Description of both files (Data Package)")},
        ]
