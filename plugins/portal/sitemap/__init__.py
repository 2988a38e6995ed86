"""``sitemap.xml`` with hreflang alternates, the HTML site map (網站導覽), 404 and robots.txt."""

from __future__ import annotations

from pelican import signals
from pelican.generators import Generator

from ..core import resident
from ..core.render import produce_file, render_route, write_if_changed
from ..core.site import Route, Site, site_of

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


def sitemap_xml(site: Site, routes: list[Route]) -> str:
    """One <url> per real language version, each listing every real alternate and x-default."""
    # A build process that stays up keeps each route's lines while the route is the same
    # object (routes do not change once registered) and the site's address and languages
    # are the same.
    scope = f"{site.siteurl}|{site.languages!r}"
    kept: dict[int, tuple[Route, str]] = resident.recall("sitemap-lines", scope) or {}
    blocks: dict[int, tuple[Route, str]] = {}
    for route in routes:
        if not route.in_sitemap:
            continue
        found = kept.get(id(route))
        if found is None or found[0] is not route:
            found = (route, _url_lines(site, route))
        blocks[id(route)] = found
    resident.keep("sitemap-lines", scope, blocks)
    return "".join(['<?xml version="1.0" encoding="UTF-8"?>\n',
                    f'<urlset xmlns="{SITEMAP_NS}" xmlns:xhtml="{XHTML_NS}">\n',
                    *(block for _, block in blocks.values()), "</urlset>\n"])


def _url_lines(site: Site, route: Route) -> str:
    from xml.sax.saxutils import quoteattr

    lines = []
    alternates = site.alternates(route)
    for language in site.languages:
        if not route.is_real_in(language):
            continue
        lines.append("  <url>")
        lines.append(f"    <loc>{site.absolute(language, route.path)}</loc>")
        if route.lastmod:
            lines.append(f"    <lastmod>{route.lastmod.isoformat()}</lastmod>")
        for hreflang, href in alternates:
            lines.append(f'    <xhtml:link rel="alternate" hreflang={quoteattr(hreflang)} '
                         f"href={quoteattr(href)}/>")
        lines.append("  </url>")
    return "".join(line + "\n" for line in lines)


class SitemapGenerator(Generator):
    """Registers the site-map and 404 pages; writes them once every route is known."""

    def generate_context(self) -> None:
        site = site_of(self)
        every = site.every_language
        site.add_route(Route("sitemap", "sitemap/", every, site.default.code))
        site.add_route(Route("not-found", "404.html", every, site.default.code, in_sitemap=False))

    def generate_output(self, writer) -> None:
        site = site_of(self)
        groups = self._groups(site)
        for language in site.languages:
            render_route(self, site.route("sitemap"), language, "sitemap", groups=groups)
            render_route(self, site.route("not-found"), language, "404")
        produce_file(self._out("sitemap.xml"), sitemap_xml, site, list(site.routes.values()))
        robots = "User-agent: *\nAllow: /\n"
        if site.siteurl:
            robots += f"Sitemap: {site.siteurl}/sitemap.xml\n"
        write_if_changed(self._out("robots.txt"), robots)

    def _out(self, name: str):
        from pathlib import Path

        return Path(self.output_path) / name

    @staticmethod
    def _groups(site: Site) -> dict[str, list[Route]]:
        groups: dict[str, list[Route]] = {}
        for route in site.routes.values():
            if route.in_sitemap and route.titles:
                groups.setdefault(route.key.split(":", 1)[0], []).append(route)
        return groups


def get_generators(pelican):
    return SitemapGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
