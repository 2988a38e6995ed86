"""Algolia, the hosted backend: index settings, and sending the records of a built site with the
official client (``replace_all_objects``: a temporary index, swapped in when complete).

The records are read from the built pages (``records.site_records``), so they say exactly what
Pagefind indexed. The admin key comes from the environment only and is never written anywhere.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

from .records import FACETS

#: Facets declared to Algolia (counts and filters); the sort keys are plain attributes.
FACET_ATTRIBUTES = ["type_label", "status_label", "lang", *FACETS]
#: Algolia language codes per site language (indexLanguages/queryLanguages).
QUERY_LANGUAGES = {"zh": ["zh"], "en": ["en"], "ja": ["ja"], "ko": ["ko"]}


class PushError(Exception):
    """A problem the person running ``portal search push`` can fix; no traceback shown."""


def index_name(prefix: str, lang: str) -> str:
    return f"{prefix}{lang}"


def index_settings(lang: str) -> dict:
    settings = {
        "searchableAttributes": ["title", "section", "text"],
        "attributesForFaceting": [f"searchable({name})" if name in FACETS else name
                                  for name in FACET_ATTRIBUTES],
        "attributeForDistinct": "page_id",
        "distinct": True,
        "attributesToSnippet": ["text:30"],
        "attributesToRetrieve": ["title", "url", "section", "lang", "type", "type_label",
                                 "status", "status_label", "page_id", "sort_soonest",
                                 "sort_deadline", "sort_newest"],
    }
    languages = QUERY_LANGUAGES.get(lang.split("-")[0].lower())
    if languages:
        settings["indexLanguages"] = languages
        settings["queryLanguages"] = languages
    return settings


def credentials(environ: dict | None = None) -> tuple[str, str]:
    environ = os.environ if environ is None else environ
    app, key = environ.get("ALGOLIA_APP_ID", ""), environ.get("ALGOLIA_ADMIN_KEY", "")
    missing = [name for name, value in (("ALGOLIA_APP_ID", app), ("ALGOLIA_ADMIN_KEY", key))
               if not value]
    if missing:
        raise PushError(f"{' and '.join(missing)} not set: export the application id and the "
                        "admin API key (Algolia dashboard, Settings > API keys), or use "
                        "--dry-run to write the records without sending them")
    return app, key


def client(app_id: str, api_key: str, hosts: str = ""):
    """The official client; ``hosts`` (``ALGOLIA_HOSTS``: comma-separated URLs) replaces
    Algolia's own hosts, for a proxy or a local test server."""
    from algoliasearch.http.hosts import Host, HostsCollection
    from algoliasearch.search.client import SearchClientSync
    from algoliasearch.search.config import SearchConfig

    config = SearchConfig(app_id, api_key)
    if hosts:
        parts = [urlsplit(url.strip()) for url in hosts.split(",") if url.strip()]
        config.hosts = HostsCollection([Host(p.hostname, scheme=p.scheme, port=p.port)
                                        for p in parts])
    return SearchClientSync(config=config)


def write_dry_run(grouped: dict[str, list[dict]], prefix: str, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for lang, records in sorted(grouped.items()):
        name = index_name(prefix, lang)
        for suffix, data in (("records", records), ("settings", index_settings(lang))):
            path = folder / f"{name}.{suffix}.json"
            path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", "utf-8")
            written.append(path)
    return written


def push(grouped: dict[str, list[dict]], prefix: str, search_client,
         advance: Callable[[int], None] = lambda n: None) -> dict[str, int]:
    """Settings first (they are copied into the temporary index), then every record."""
    from algoliasearch.http.exceptions import AlgoliaUnreachableHostException, RequestException

    def counted(records: list[dict]) -> Iterator[dict]:
        for record in records:
            yield record
            advance(1)

    sent = {}
    try:
        for lang, records in sorted(grouped.items()):
            name = index_name(prefix, lang)
            response = search_client.set_settings(name, index_settings(lang))
            search_client.wait_for_task(name, response.task_id)
            search_client.replace_all_objects(name, counted(records), batch_size=1000)
            sent[name] = len(records)
    except RequestException as error:
        status = getattr(error, "status_code", None)
        if status in (401, 403):
            raise PushError(f"Algolia rejected the key (HTTP {status}): check ALGOLIA_APP_ID "
                            "and that ALGOLIA_ADMIN_KEY is the admin key (or a key with "
                            "addObject, deleteIndex and editSettings rights)") from None
        raise PushError(f"Algolia refused the update (HTTP {status}): {error}") from None
    except AlgoliaUnreachableHostException as error:
        raise PushError(f"Algolia could not be reached: {error}") from None
    return sent


def total(grouped: dict[str, Iterable]) -> int:
    return sum(len(list(records)) for records in grouped.values())
