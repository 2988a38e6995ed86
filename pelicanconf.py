"""Development settings. Portal settings (PORTAL_*) are declared, with their defaults and
documentation, in plugins/portal/core/options.py; override them here."""

import os

from markdown.extensions.toc import slugify_unicode

AUTHOR = "Taipei City Government"
SITENAME = "Taipei Volunteers"
# The public address, in development builds too: absolute URLs (hreflang, canonical, sitemap,
# feeds, "How to cite", IIIF) must never say "localhost" to a reader, and every link between
# pages is root-relative, so `make serve` works on any local address all the same.
SITEURL = os.environ.get("PORTAL_SITEURL", "https://volunteer.example.taipei")
PORT = 8000
BIND = "127.0.0.1"

PATH = "content"
OUTPUT_PATH = "output"
THEME = "theme"
TIMEZONE = "Asia/Taipei"
DEFAULT_LANG = "en"

PLUGIN_PATHS = ["plugins"]
# Order matters where one section reads another's context: sdgs before programs (goal names).
PLUGINS = [
    "portal.core",
    "portal.i18n",
    "portal.content",
    "portal.opportunities",
    "portal.archive",
    "portal.sdgs",
    "portal.programs",
    "portal.history",
    "portal.stats",
    "portal.search",
    "portal.sitemap",
]

# Main menu, in this order (route keys); pages with `Nav:` and sections not listed follow. A list
# is one top-level entry holding its routes (seven top-level entries fit one row at 1280 px).
PORTAL_MENU = [
    "opportunities:all::1",
    "page:how-to-volunteer",
    "page:international",
    ["programs:index", "sdg:index", "stats:dashboard"],
    ["history:index", "archive:home"],
    "news-index:1",
    ["page:about", "page:contact"],
]

# The portal's own generators read content/<lang>/; Pelican's article and page generators,
# direct templates and feeds are not used.
ARTICLE_PATHS: list[str] = []
PAGE_PATHS: list[str] = []
STATIC_PATHS: list[str] = []
DIRECT_TEMPLATES: list[str] = []
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
AUTHOR_SAVE_AS = ""
CATEGORY_SAVE_AS = ""
TAG_SAVE_AS = ""
THEME_STATIC_DIR = "theme"

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.sane_lists": {},
        "markdown.extensions.toc": {"slugify": slugify_unicode, "permalink": False},
    },
    "output_format": "html",
}

# Opportunity feed: a file or URL; PORTAL_OPPORTUNITIES_FEED in the environment, or
# `pelican -e OPPORTUNITIES_FEED='"…"'` / `portal build --feed …`, override it.
OPPORTUNITIES_FEED = os.environ.get("PORTAL_OPPORTUNITIES_FEED", "data/opportunities.sample.json")

PORTAL_LANGUAGES = [
    {"code": "en", "prefix": "", "html_lang": "en", "hreflang": "en", "locale": "en",
     "native_name": "English", "content_dir": "en"},
    {"code": "zh-TW", "prefix": "zh-tw", "html_lang": "zh-Hant-TW", "hreflang": "zh-TW",
     "locale": "zh_Hant_TW", "native_name": "繁體中文", "content_dir": "zh-tw", "minguo": True},
]
