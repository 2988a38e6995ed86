"""Every portal setting, declared once with its type, default and purpose, validated in one place.

Modelled on MkDocs' ``config_options``: a plugin never reads a portal setting that is not declared
here, and ``validate_settings`` is the only code that checks them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .errors import Problem

#: English alone; pelicanconf.py holds the site's real language table.
DEFAULT_LANGUAGES: list[dict[str, str]] = [
    {"code": "en", "prefix": "", "html_lang": "en", "hreflang": "en", "locale": "en",
     "native_name": "English", "content_dir": "en"},
]

LANGUAGE_FIELDS = ("code", "prefix", "html_lang", "hreflang", "locale", "native_name")


@dataclass(frozen=True)
class Option:
    """One setting: its name, expected type, default and a one-line explanation."""

    name: str
    type: type | tuple[type, ...]
    default: Any
    doc: str
    check: Callable[[Any], str | None] | None = None


def _check_languages(table: list) -> str | None:
    if not table:
        return "needs at least one language (the first is the default)"
    for index, row in enumerate(table):
        if not isinstance(row, dict):
            return f"row {index} must be a dict"
        missing = [field for field in LANGUAGE_FIELDS if not row.get(field) and field != "prefix"]
        if missing:
            return f"row {index} is missing {', '.join(missing)}"
        if index == 0 and row.get("prefix"):
            return "the first (default) language must have an empty prefix"
        if index > 0 and not row.get("prefix"):
            return f"row {index} ({row['code']}) needs a URL prefix"
    from babel import Locale, UnknownLocaleError

    for row in table:
        try:
            Locale.parse(row["locale"])
        except (UnknownLocaleError, ValueError):
            return f"unknown Babel locale {row['locale']!r} for {row['code']}"
    codes = [row["code"] for row in table]
    if len(set(codes)) != len(codes):
        return "language codes must be unique"
    return None


def _positive(value: int) -> str | None:
    return None if value > 0 else "must be a positive number"


OPTIONS: tuple[Option, ...] = (
    Option("PORTAL_LANGUAGES", list, DEFAULT_LANGUAGES,
           "The language table; the first row is the default language, served at /.",
           _check_languages),
    Option("PORTAL_MENU", list, [],
           "Route keys in main-menu order (a list of keys is one entry grouping them under its "
           "first); menu entries not listed follow, by their own order."),
    Option("PORTAL_SITE_NAME", str, "Taipei Volunteers",
           "Site name in the default language (translated through the theme catalogue)."),
    Option("PORTAL_CONTENT_KINDS", dict,
           {"pages": "page", "news": "news", "programs": "program", "history": "history"},
           "Folders under content/<lang>/ and the kind of document each one holds."),
    Option("PORTAL_NEWS_PER_PAGE", int, 10, "News items per page of the news listing.",
           _positive),
    Option("PORTAL_TRANSLATIONS_DIR", str, "theme/translations",
           "Folder of the gettext catalogues (<locale>/LC_MESSAGES/messages.po)."),
    Option("PORTAL_DATA_DIR", str, "data", "Folder of structured data (YAML, JSON, schemas)."),
    Option("PORTAL_ATOMIC_OUTPUT", bool, True,
           "Build into a temporary folder and replace OUTPUT_PATH only when the build succeeds."),
    Option("PORTAL_BUILD_WORKERS", int, 0,
           "Processes that render pages at once; 0: one per CPU core.",
           lambda value: None if value >= 0 else "must be 0 (one per core) or more"),
    Option("PORTAL_INCREMENTAL", bool, True,
           "Re-render only pages whose inputs changed since the last build into the same "
           "output folder (off: every build renders every page)."),
    Option("PORTAL_BUILD_CACHE_DIR", str, ".cache/build",
           "Where the build keeps what each output file was made from, between builds."),
    Option("PORTAL_SOURCE_TIMEZONE", str, "Asia/Taipei",
           "Time zone of every date written by editors or the feed."),
    Option("PORTAL_NOW", str, "",
           "ISO 8601 instant the build treats as now (deadlines, expiry); empty: the real time."),
    Option("OPPORTUNITIES_FEED", str, "data/opportunities.sample.json",
           "Opportunity feed: a file path (relative to the project) or an http(s) URL."),
    Option("PORTAL_SCHEMA_DIR", str, "data/schemas",
           "Folder of the project's copy of the feed contract (JSON Schema)."),
    Option("PORTAL_FEED_TIMEOUT", (int, float), 20, "Seconds to wait for a feed URL.",
           _positive),
    Option("PORTAL_FEED_MAX_BYTES", int, 128_000_000, "Largest feed accepted, in bytes.",
           _positive),
    Option("PORTAL_FEED_MIN_RATIO", (int, float), 0.5,
           "A feed with fewer records than this share of the last good one is refused."),
    Option("PORTAL_FEED_CACHE_DIR", str, ".cache/opportunities",
           "Where the last good feed is kept, to be used when an update fails."),
    Option("PORTAL_FEED_REPORT", str, "reports/opportunity-feed-report.json",
           "Report of the last feed import: counts and every rejected record with its reason."),
    Option("PORTAL_OPPORTUNITIES_PER_PAGE", int, 20, "Opportunities per listing page.",
           _positive),
    Option("PORTAL_STALE_AFTER_DAYS", int, 120,
           "Listings not confirmed by their organisation for this long get a note.", _positive),
    Option("PORTAL_SDGS_FILE", str, "sdgs.yml",
           "The 17 SDGs (names per language, UN colour), in the data folder."),
    Option("PORTAL_SDG_STYLESHEET", str, "theme/css/sdgs.css",
           "Where the build writes the per-goal badge colours, relative to the output folder."),
    Option("PORTAL_TIMELINE_FILE", str, "timeline.yml",
           "Entries of the history timeline (EDTF dates, sources), in the data folder."),
    Option("PORTAL_STATS_FILE", str, "stats.yml",
           "Figures, targets and charts of the statistics dashboard, in the data folder."),
    Option("PORTAL_RELATED_LIMIT", int, 12,
           "Most related opportunities listed on a programme page (the rest are counted).",
           _positive),
    Option("PORTAL_ARCHIVE_DIR", str, "memory_archive",
           "Folder of the memory archive: one sub-folder per item (item.yml + media/)."),
    Option("PORTAL_ARCHIVE_SUBJECTS", str, "archive_subjects.yml",
           "Bilingual subject vocabulary of the archive, in PORTAL_DATA_DIR."),
    Option("PORTAL_ARCHIVE_PLACES", str, "archive_places.yml",
           "Bilingual place vocabulary of the archive, in PORTAL_DATA_DIR."),
    Option("PORTAL_ARCHIVE_IMAGE_WIDTHS", list, [320, 640, 960, 1280],
           "Widths in pixels of the web copies made of every archive image (for srcset).",
           lambda widths: None if widths and all(isinstance(w, int) and w > 0 for w in widths)
           else "must be a list of positive whole numbers"),
    Option("PORTAL_ARCHIVE_CACHE_DIR", str, ".cache/archive-media",
           "Where resized archive images are kept between builds, so unchanged ones are reused."),
    Option("PORTAL_SEARCH_INDEX", bool, True,
           "Index the built site with Pagefind (turn off for fast previews: search then finds "
           "nothing until the next full build)."),
    Option("PORTAL_SEARCH_ALGOLIA_PREFIX", str, "taipei_volunteers_",
           "Algolia index names: this prefix plus the language code (taipei_volunteers_en)."),
    Option("PORTAL_SEARCH_ALGOLIA_APP_ID", str, "",
           "Algolia application id for the search pages; empty: $ALGOLIA_APP_ID at build time."),
    Option("PORTAL_SEARCH_ALGOLIA_SEARCH_KEY", str, "",
           "Algolia search-only key (public); empty: $ALGOLIA_SEARCH_KEY. With an app id and this "
           "key the search pages use Algolia, otherwise Pagefind."),
)


def validate_settings(settings: dict, source: str = "pelicanconf.py") -> list[Problem]:
    """Fill in defaults for missing portal settings and return the problems found."""
    problems: list[Problem] = []
    for option in OPTIONS:
        value = settings.setdefault(option.name, option.default)
        if not isinstance(value, option.type):
            expected = getattr(option.type, "__name__", str(option.type))
            problems.append(Problem(source, 0, f"{option.name} must be a {expected}, "
                                               f"not {type(value).__name__}"))
            continue
        message = option.check(value) if option.check else None
        if message:
            problems.append(Problem(source, 0, f"{option.name}: {message}"))
    return problems
