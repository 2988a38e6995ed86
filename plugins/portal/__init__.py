"""Pelican plugins of the Taipei Volunteers portal.

One sub-package per capability, each a Pelican plugin with ``register()``:

- ``portal.core``     settings schema, language table, site model, editor errors, atomic output
- ``portal.content``  Markdown documents (pages, news) read once for every language
- ``portal.i18n``     gettext catalogues for the theme, Babel formatting
- ``portal.opportunities`` the city platform's feed: listing, facets, details, calendars, feeds
- ``portal.sdgs``     the 17 SDGs (data/sdgs.yml), badges, the SDG hub and goal pages
- ``portal.programs`` programme listings, the programmes index and its SDG/audience filter pages
- ``portal.history``  the history section and the timeline (data/timeline.yml, EDTF dates)
- ``portal.stats``    the statistics dashboard (data/stats.yml) with build-time SVG charts
- ``portal.archive``  the memory archive: item and browse pages, timeline, IIIF, data downloads
- ``portal.sitemap``  sitemap.xml with hreflang alternates, the HTML site map, 404, robots.txt
"""
