"""Pelican plugins of the Taipei Volunteers portal.

One sub-package per capability, each a Pelican plugin with ``register()``:

- ``portal.core``     settings schema, language table, site model, editor errors, atomic output
- ``portal.content``  Markdown documents (pages, news) read once for every language
- ``portal.i18n``     gettext catalogues, Babel formatting, hreflang, language switcher, sitemap
- ``portal.archive``  the memory archive: item and browse pages, timeline, IIIF, data downloads
"""
