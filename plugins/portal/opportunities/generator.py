"""Generator for the opportunity listing: feed -> models -> listing, facet, detail and
withdrawn pages, calendars, feeds and open data, in every language."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from operator import attrgetter
from pathlib import Path
from urllib.parse import urlsplit

from pelican.generators import Generator

from ..core import collector, resident
from ..core.clock import build_time
from ..core.errors import Problem, fail_build
from ..core.fingerprint import digest_bytes
from ..core.jsontext import member_item_json, object_json_from
from ..core.parallel import remembered_map, store_settings, work_ahead
from ..core.render import produce_file, render_group, render_route, shell_digest
from ..core.site import Listing, NavItem, Route, Site, site_of
from ..i18n import N_, labels, translate
from . import vocabulary as vocab
from .calendar import calendar, has_events
from .cards import forget_cards, opportunity_card
from .importer import ImportResult, import_feed
from .model import TAIPEI, Opportunity, instant
from .source import FeedUnusable, LoadedFeed, is_url, load_feed
from .structured import atom_feed, json_feed, posting_script
from .text import feed_text, recurrence_words, safe_markdown, time_slot_words
from .validation import SCHEMA_FILE

BASE = "opportunities/"
#: Records whose detail pages a build process that stays up checks together (``_details``).
DETAILS_RUN = 250
#: facet URL segment -> (code list, how to read an opportunity's values)
FACETS = {
    "district": (list(vocab.DISTRICTS) + [vocab.ONLINE], lambda opp: opp.districts),
    "cause": (list(vocab.CAUSES), lambda opp: opp.causes),
    "sdg": ([str(n) for n in range(1, 18)], lambda opp: [str(n) for n in opp.sdgs]),
    "for": (list(vocab.SUITABILITY), lambda opp: opp.suitable_for),
}


@dataclass
class KeptListing:
    """The listing as the last build left it, in a build process that stays up."""

    feed: LoadedFeed
    result: ImportResult
    listed: list[Opportunity]
    gone: list
    listing_pages: dict
    facet_counts: dict[str, dict[str, int]]
    routes: list[Route]
    listings: list[Listing]
    nav: NavItem


class OpportunitiesGenerator(Generator):
    def generate_context(self) -> None:
        site = site_of(self)
        settings = self.settings
        forget_cards()
        self.env.globals["opportunity_card"] = opportunity_card
        self.env.globals["feed_text"] = feed_text
        self.root = Path(settings["PATH"]).resolve().parent
        self.now = build_time(settings)
        source = settings["OPPORTUNITIES_FEED"]
        schema_dir = str(self.root / settings["PORTAL_SCHEMA_DIR"])
        self._routes: list[Route] = []
        # A build process that stays up keeps the whole listing while the feed file, the
        # schema, the clock and the shell (code, settings…) are the same.
        scope = self._kept_scope(source, schema_dir)
        kept: KeptListing | None = resident.recall("opportunities", scope) if scope else None
        if kept is not None:
            self._reuse(site, kept)
            self._report(source)
            self._share_counts()
            return
        with collector.paused():
            self._import(site, source, schema_dir)
        # Encoded ahead, by a process of its own, for the open-data file: it uses a core that
        # the steps before rendering leave idle, and the file finds them done.
        work_ahead(settings, partial(open_data_records, self.result.opportunities,
                                     store_settings(settings)))
        self._report(source)
        first_listing = len(site.listings)
        self._register(site)
        if scope:
            resident.keep("opportunities", scope, KeptListing(
                self.feed, self.result, self.listed, self.gone, self.listing_pages,
                self.facet_counts, self._routes, site.listings[first_listing:], self._nav))
        self._share_counts()

    def _share_counts(self) -> None:
        """How many listed roles there are in all and per facet value, for other sections'
        pages (the home page's cause tiles): read from the context, so a page that shows a
        count is rendered again when it changes."""
        self.context["PORTAL_OPPORTUNITY_COUNTS"] = {
            "total": len(self.listed), "cause_labels": vocab.CAUSES,
            **{facet: {code: count for code, count in counts.items() if count}
               for facet, counts in self.facet_counts.items()},
        }

    def _kept_scope(self, source: str, schema_dir: str) -> str | None:
        if not resident.enabled() or is_url(source):
            return None
        path = Path(source) if Path(source).is_absolute() else self.root / source
        try:
            stamps = [resident.file_stamp(path),
                      resident.file_stamp(Path(schema_dir) / SCHEMA_FILE)]
        except OSError:
            return None
        return digest_bytes(shell_digest(), self.now.isoformat(), str(path), *stamps)

    def _reuse(self, site: Site, kept: KeptListing) -> None:
        self.feed, self.result, self.listed, self.gone = (kept.feed, kept.result, kept.listed,
                                                          kept.gone)
        self.listing_pages, self.facet_counts = kept.listing_pages, kept.facet_counts
        for route in kept.routes:
            self._add(site, route)
        site.listings += kept.listings
        site.nav.append(kept.nav)

    def _import(self, site: Site, source: str, schema_dir: str) -> None:
        settings = self.settings
        try:
            self.feed: LoadedFeed = load_feed(
                source, self.root, self.root / settings["PORTAL_FEED_CACHE_DIR"],
                settings["PORTAL_FEED_TIMEOUT"], settings["PORTAL_FEED_MAX_BYTES"],
                settings["PORTAL_FEED_MIN_RATIO"], schema_dir)
        except FeedUnusable as error:
            fail_build([Problem(str(error).split(": ", 1)[0], 0,
                                str(error).split(": ", 1)[-1] + " (and there is no last good "
                                "feed to fall back on)")])
        if self.feed.fallback_reason:
            print(f"opportunities: WARNING {self.feed.fallback_reason}; using the last good "
                  f"feed saved {self.feed.last_good_saved_at}")
        self.result: ImportResult = import_feed(
            self.feed.document, schema_dir, self.now, site.languages,
            timedelta(days=settings["PORTAL_STALE_AFTER_DAYS"]), settings,
            self.feed.record_keys, self.feed.origin)
        # The accepted records live on in the models; the raw ones are not needed again, and
        # on a large feed they are a good part of the build's memory.
        self.feed.document["opportunities"] = []

    # -- import report -------------------------------------------------------------------

    def _report(self, source: str) -> None:
        result = self.result
        counts = result.counts()
        for reject in result.rejected:
            print(f"opportunities: rejected {reject}")
        print("opportunities: {accepted} accepted ({listed} listed), {rejected} rejected, "
              "{expired} expired or ended, {withdrawn} withdrawn".format(**counts))
        report = {"source": source, "built_at": self.now.isoformat(),
                  "generated_at": self.feed.document.get("generated_at"),
                  "used_last_good_feed": bool(self.feed.fallback_reason),
                  "fallback_reason": self.feed.fallback_reason, **result.report()}
        path = self.root / self.settings["PORTAL_FEED_REPORT"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", "utf-8")

    # -- routes --------------------------------------------------------------------------

    def _register(self, site) -> None:
        every = site.every_language
        self.listed = sorted((o for o in self.result.opportunities if o.listed),
                             key=lambda o: (o.sort_start, o.id))
        for opp in self.result.opportunities:
            # A model kept from the last build (``import_feed``) keeps its route: made from
            # the same record, origin and languages, it would be the same.
            if opp.route is None:
                opp.route = Route(f"opportunity:{opp.id}", f"{BASE}{opp.id}/",
                                  opp.text_languages or every, opp.original_language,
                                  source=f"{self.feed.origin} id {opp.id}",
                                  in_sitemap=opp.listed, lastmod=opp.updated.date(),
                                  titles={lang.code: opp.record["title"][lang.code]
                                          for lang in site.languages
                                          if lang.code in opp.text_languages})
            self._add(site, opp.route)
            site.listings.append(opp.listing)
        self.gone = []
        for item_id, item in sorted(self.result.withdrawn.items()):
            route = Route(f"opportunity:{item_id}", f"{BASE}{item_id}/", every,
                          site.default.code, in_sitemap=False)
            self._add(site, route)
            self.gone.append((route, item))
        title = labels(self.settings, site.languages, N_("Volunteer opportunities"))
        self.listing_pages = {("all", ""): self._paginate(site, "all", "", self.listed, title)}
        self.facet_counts: dict[str, dict[str, int]] = {}
        for facet, (codes, values_of) in FACETS.items():
            members = {code: [] for code in codes}
            for opp in self.listed:
                for value in values_of(opp):
                    members.setdefault(value, []).append(opp)
            self.facet_counts[facet] = {code: len(items) for code, items in members.items()}
            for code, items in members.items():
                self.listing_pages[(facet, code)] = self._paginate(site, facet, code, items, {})
        # One prefix covers the listing ("opportunities:…") and detail pages ("opportunity:…").
        self._nav = NavItem(10, "opportunities:all::1",
                            labels(self.settings, site.languages, N_("Opportunities")),
                            section="opportunit")
        site.nav.append(self._nav)

    def _add(self, site, route: Route) -> None:
        self._routes.append(route)
        problem = site.add_route(route)
        if problem:
            fail_build([problem])

    def _paginate(self, site, facet: str, code: str, items: list[Opportunity],
                  titles: dict) -> list[tuple[Route, list[Opportunity]]]:
        per_page = self.settings["PORTAL_OPPORTUNITIES_PER_PAGE"]
        base = BASE if facet == "all" else f"{BASE}{facet}/{code}/"
        every = site.every_language
        pages = []
        for number in range(1, max(1, math.ceil(len(items) / per_page)) + 1):
            path = base if number == 1 else f"{base}page/{number}/"
            route = Route(f"opportunities:{facet}:{code}:{number}", path, every,
                          site.default.code, titles=titles if number == 1 else {})
            self._add(site, route)
            pages.append((route, items[(number - 1) * per_page:number * per_page]))
        return pages

    # -- output --------------------------------------------------------------------------

    def generate_output(self, writer) -> None:
        site = site_of(self)
        common = {"feed_info": self.feed, "data_as_of": self._data_as_of(),
                  "vocab": vocab, "facet_counts": self.facet_counts, "now": self.now,
                  "safe_markdown": safe_markdown}
        for language in site.languages:
            facet_menu = self._facet_menu(site, language)
            for (facet, code), pages in self.listing_pages.items():
                render_group(self, ("listing", facet, code, language.code),
                             (pages, language, facet_menu, self._total(facet, code), common),
                             partial(self._listing, facet, code, pages, language, facet_menu,
                                     common))
            # In a build process that stays up, the detail pages of unchanged records are
            # kept as a whole, or else record by record (``core.render.render_group``).
            render_group(self, ("details", language.code),
                         (self.result.opportunities, language, common),
                         partial(self._details, site, language, common))
            for route, item in self.gone:
                render_route(self, route, language, "opportunity_gone", withdrawn=item,
                             withdrawn_at=instant(item["withdrawn_at"]), **common)
            self._feeds(site, language)
        document = self.feed.document
        produce_file(Path(self.output_path) / BASE / "opportunities.json", open_data,
                     {key: document.get(key) for key in OPEN_DATA_HEADER},
                     self.result.opportunities, self.result.withdrawn,
                     store_settings(self.settings))

    def _listing(self, facet: str, code: str, pages: list, language, facet_menu: list,
                 common: dict) -> None:
        for number, (route, items) in enumerate(pages, start=1):
            render_route(self, route, language, "opportunities_list", items=items,
                         facet=facet, facet_code=code, total=self._total(facet, code),
                         pagination=_pagination(pages, number), facet_menu=facet_menu,
                         **common)

    def _details(self, site, language, common: dict) -> None:
        # Runs of records, then each record: one edit looks at one run's records alone.
        everything = self.result.opportunities
        for start in range(0, len(everything), DETAILS_RUN):
            run = everything[start:start + DETAILS_RUN]
            render_group(self, ("details", language.code, start), (run, language, common),
                         partial(self._details_of, site, run, language, common))

    def _details_of(self, site, run: list[Opportunity], language, common: dict) -> None:
        for opp in run:
            render_group(self, ("detail", opp.id, language.code), (opp, language, common),
                         partial(self._detail, site, opp, language, common))

    def _facet_menu(self, site, language) -> list[dict]:
        """Every facet value with its label, link and count, built once per language: the
        same menu appears on every listing page."""
        from babel.numbers import format_decimal

        def _(message: str) -> str:
            return translate(self.settings, language, message)

        labels_of = {
            "for": lambda code: _(vocab.SUITABILITY[code][0]),
            "district": lambda code: _(vocab.DISTRICTS.get(code, "Online")),
            "cause": lambda code: _(vocab.CAUSES[code]),
            "sdg": lambda code: _("Goal %(number)s") % {"number": code},
        }
        titles = {"for": N_("Suitable for"), "district": N_("District"), "cause": N_("Cause"),
                  "sdg": N_("Sustainable Development Goal")}
        return [{"title": _(titles[facet]), "links": [
            {"facet": facet, "code": code, "label": labels_of[facet](code),
             "href": site.link(language, f"opportunities:{facet}:{code}:1"),
             "count": format_decimal(self.facet_counts[facet].get(code, 0),
                                     locale=language.babel_locale)}
            for code in FACETS[facet][0]]} for facet in ("for", "district", "cause", "sdg")]

    def _total(self, facet: str, code: str) -> int:
        return len(self.listed) if facet == "all" else self.facet_counts[facet][code]

    def _detail(self, site, opp: Opportunity, language, common: dict) -> None:
        url = site.absolute(site.shown_language(opp.route, language), opp.route.path)
        has_calendar = opp.listed and has_events(opp)
        if has_calendar:
            target = site.output_file(self.output_path, language, opp.route.path + "calendar.ics")
            produce_file(target, calendar, opp, language, url,
                         urlsplit(site.siteurl).hostname or "localhost")
        time_slots = opp.record["schedule"].get("time_slots", [])
        render_route(self, opp.route, language, "opportunity", opp=opp,
                     has_calendar=has_calendar,
                     lazy={"json_ld": (posting_script, (opp, language, url)),
                           "recurrence": (recurrence_words, (opp, language, self.settings)),
                           "time_slots": (time_slot_words, (time_slots, language,
                                                            self.settings))},
                     **common)

    def _feeds(self, site, language) -> None:
        title = translate(self.settings, language, N_("Volunteer opportunities")) + " | " + \
            translate(self.settings, language, N_("Taipei Volunteers"))
        home = site.absolute(language, BASE)
        for name, builder in (("feed.json", json_feed), ("feed.atom", atom_feed)):
            feed_url = site.absolute(language, BASE + name)
            target = site.output_file(self.output_path, language, BASE + name)
            produce_file(target, _feed_of, builder, site, self.listed, language, title, home,
                         feed_url)

    def _data_as_of(self) -> datetime | None:
        generated = self.feed.document.get("generated_at")
        return datetime.fromisoformat(generated).astimezone(TAIPEI) if generated else None


#: What the open-data file repeats from the top of the feed.
OPEN_DATA_HEADER = ("schema_version", "generated_at", "publisher", "license")


def open_data(header: dict, opportunities: list[Opportunity], withdrawn: dict,
              store: dict[str, str]) -> bytes:
    """``opportunities.json``: every accepted record as normalised, and the withdrawn ids.
    Each record's text is kept between builds under the digest of the record as read (the
    normalised record is made from that alone), so an edit to one record encodes one again."""
    data = {**header, "opportunities": None, "withdrawn": list(withdrawn.values())}
    return object_json_from(data, {"opportunities": open_data_records(opportunities, store)})


def open_data_records(opportunities: list[Opportunity], store: dict[str, str]) -> list[str]:
    """Each record as the open-data file writes it."""
    if all(opp.source_digest for opp in opportunities):
        return remembered_map("open-data-records", _record_json, opportunities,
                              attrgetter("source_digest"), store, workers=1, immutable=True)
    return [_record_json(opp) for opp in opportunities]


def _record_json(opp: Opportunity) -> str:
    return member_item_json(opp.record)


def _feed_of(builder, site: Site, listed: list[Opportunity], language, title: str, home: str,
             feed_url: str) -> str:
    """A feed of the listed opportunities, each with its address. Made from the models
    themselves (and the site's address), so a build that kept them knows the feed is the
    same without comparing thousands of addresses."""
    items = [(opp, site.absolute(language, opp.route.path)) for opp in listed]
    return builder(items, language, title, home, feed_url)


def _pagination(pages: list, number: int) -> dict:
    return {"number": number, "total": len(pages),
            "previous": pages[number - 2][0] if number > 1 else None,
            "next": pages[number][0] if number < len(pages) else None}
