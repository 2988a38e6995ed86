"""Links between sections, built from ``Site.listings`` and the route registry.

Sections are built by different plugins, possibly not all installed: a page asks for what exists
when the pages are written (every context is complete by then) and shows nothing for the rest.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .languages import Language
from .site import Listing, Route, Site

#: Listing kinds of the sections that link to each other.
PROGRAMME, OPPORTUNITY, ARCHIVE_ITEM = "programme", "opportunity", "archive-item"


@dataclass(frozen=True)
class Link:
    """A link to another page, titled in the reader's language or marked with the one shown."""

    href: str
    title: str
    lang: Language
    route: Route


def link_to(site: Site, route: Route, language: Language) -> Link:
    title, shown = site.title(route, language)
    return Link(site.href(language, route.path), title, shown, route)


def links_for(site: Site, listings: Iterable[Listing], language: Language) -> list[Link]:
    """Links to the pages of ``listings`` that exist, in title order for this language."""
    return links_to(site, (item.route_key for item in listings), language)


def links_to(site: Site, keys: Iterable[str], language: Language) -> list[Link]:
    """Links to the pages of these routes that exist, in title order for this language."""
    links = [link_to(site, site.routes[key], language) for key in keys if key in site.routes]
    return sorted(links, key=lambda link: (link.title.casefold(), link.href))


def archive_route(site: Site, item_id: str) -> Route | None:
    """The page of an archive item, by the id editors write (its folder name), if it exists.

    The archive section registers ``archive-item:<id>`` routes; the listings are searched too, so
    a differently keyed archive still resolves as long as its route key ends in ``:<id>``.
    """
    route = site.routes.get(f"{ARCHIVE_ITEM}:{item_id}")
    if route is not None:
        return route
    for listing in site.listings:
        if listing.kind == ARCHIVE_ITEM and listing.route_key.rsplit(":", 1)[-1] == item_id:
            return site.routes.get(listing.route_key)
    return None


def has_section(site: Site, kind: str) -> bool:
    """True once a section has registered any listing of ``kind`` (so ids can be checked)."""
    return any(listing.kind == kind for listing in site.listings)


def related_listings(site: Site, kind: str, sdgs: Iterable[int] = (),
                     topics: Iterable[str] = (), active_only: bool = True) -> list[Listing]:
    """Listings of ``kind`` sharing at least one SDG or topic (cause, audience)."""
    sdgs, topics = frozenset(sdgs), frozenset(topics)
    return [item for item in site.listings_of(kind, active_only=active_only)
            if item.sdgs & sdgs or item.topics & topics]
