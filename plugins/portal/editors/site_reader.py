"""Reading the whole site as a build does, without writing it: every section's
``generate_context`` runs (so every reader, validator and route is the build's own), with
problems collected instead of stopping the process."""

from __future__ import annotations

import contextlib
import io
import json
import logging
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..core.errors import Problem, collecting, display_path
from ..core.site import Site


@dataclass
class SiteRead:
    """What a context-only run of the build found."""

    settings: dict
    site: Site | None
    generators: dict[str, object] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def generator(self, name: str):
        return self.generators.get(name)


def read_site(settings_file: str = "pelicanconf.py", feed: str | None = None) -> SiteRead:
    """Run every generator's ``generate_context`` and the end-of-reading checks."""
    from pelican import Pelican, signals
    from pelican.settings import read_settings

    scratch = Path(tempfile.mkdtemp(prefix="portal-check-"))
    try:
        overrides = {"OUTPUT_PATH": str(scratch / "output"), "PORTAL_ATOMIC_OUTPUT": False,
                     "PORTAL_FEED_REPORT": str(scratch / "feed-report.json")}
        if feed:
            overrides["OPPORTUNITIES_FEED"] = feed
        logging.getLogger("pelican").setLevel(logging.ERROR)
        with collecting() as found, contextlib.redirect_stdout(io.StringIO()):
            settings = read_settings(settings_file, override=overrides)
            # A check never replaces the last good feed: it works on a copy of the cache.
            cache = Path(settings.get("PORTAL_FEED_CACHE_DIR", ".cache/opportunities"))
            if cache.is_dir():
                shutil.copytree(cache, scratch / "cache")
            settings["PORTAL_FEED_CACHE_DIR"] = str(scratch / "cache")
            pelican = Pelican(settings)
            context = settings.copy()
            context.update(generated_content={}, static_links=set(), static_content={},
                           localsiteurl=settings["SITEURL"])
            generators = []
            for cls in pelican._get_generator_classes():
                if not cls.__module__.startswith("portal."):
                    continue
                generators.append(cls(context=context, settings=settings, path=pelican.path,
                                      theme=pelican.theme, output_path=str(scratch / "output")))
            for generator in generators:
                before = len(found)
                try:
                    generator.generate_context()
                except Exception as error:  # noqa: BLE001 - reported, never a traceback
                    if len(found) == before:
                        found.append(Problem(
                            type(generator).__module__, 0,
                            f"could not read this section ({type(error).__name__}: {error})"))
            try:
                signals.all_generators_finalized.send(generators)
            except Exception as error:  # noqa: BLE001
                found.append(Problem("content", 0, f"could not check links ({error})"))
        site = context.get("PORTAL_SITE")
        by_name = {type(g).__name__: g for g in generators}
        result = SiteRead(settings, site, by_name, list(found))
        result.problems += _section_warnings(result)
        return result
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _section_warnings(read: SiteRead) -> list[Problem]:
    """Warnings the build prints while writing pages, and the feed's quarantined records."""
    from ..history import unknown_archive_items as history_unknown
    from ..programs import unknown_archive_items as programme_unknown

    problems: list[Problem] = []
    site = read.site
    programmes = read.generator("ProgrammesGenerator")
    if site and programmes is not None and hasattr(programmes, "programmes"):
        problems += programme_unknown(site, programmes.programmes.entries)
    history = read.generator("HistoryGenerator")
    if site and history is not None and hasattr(history, "decades"):
        problems += history_unknown(site, history.decades, history.source)
    opportunities = read.generator("OpportunitiesGenerator")
    if opportunities is not None and hasattr(opportunities, "result"):
        feed = opportunities.feed
        where = feed_display(read.settings["OPPORTUNITIES_FEED"])
        if feed.fallback_reason:
            problems.append(Problem(where, 0, f"{feed.fallback_reason}; the build would use "
                                              "the last good feed", "warning"))
        for reject in opportunities.result.rejected:
            problems.append(Problem(where, 0, f"record set aside: {reject}", "warning"))
    documents = read.generator("DocumentsGenerator")
    if documents is not None and hasattr(documents, "entries"):
        problems += translation_warnings(documents.entries)
    return problems


def feed_display(source: str) -> str:
    return source if source.startswith(("http://", "https://")) else display_path(source)


def translation_warnings(entries: dict) -> list[Problem]:
    """Outdated translations (their source changed since they were stamped) and unchecked
    machine translations: published with a notice, so warnings, not errors."""
    problems = []
    for entry in entries.values():
        for code, doc in entry.versions.items():
            language = doc.language
            if entry.is_outdated(language):
                source = entry.versions[doc.translated_from]
                recorded = doc.recorded_source_hash or ""
                line = doc.field_lines.get("source-hash", doc.field_lines.get("translated-from", 1))
                if recorded in ("", "pending"):
                    message = ("translation not stamped yet: after checking it against "
                               f"{source.source_path}, run `portal i18n stamp {doc.source_path}`")
                else:
                    message = (f"outdated translation: {source.source_path} changed since this "
                               "was translated; update the text, then run "
                               f"`portal i18n stamp {doc.source_path}`")
                problems.append(Problem(doc.source_path, line, message, "warning"))
            if doc.machine_translated:
                problems.append(Problem(doc.source_path, doc.field_lines.get(
                    "machine-translated", 1), "machine translation not yet checked by a person "
                                              f"({code}); remove Machine-Translated once it is",
                    "warning"))
    return problems


def dump(problems: list[Problem]) -> str:
    return json.dumps([p.__dict__ for p in problems], ensure_ascii=False)
