"""The ``portal`` command: check, build, preview and translate the site, and send search
records."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path


def _settings(path: str) -> dict:
    from pelican.settings import read_settings

    from .core.options import validate_settings

    settings = read_settings(path)
    validate_settings(settings)
    return settings


# -- build ------------------------------------------------------------------------------------


class BuildWatcher:
    """Counts what a build did, from the build's own generators, for the summary."""

    def __init__(self) -> None:
        self.generators: list = []
        self.written = 0
        self.unchanged = 0
        self.progress = None
        self.task = None

    def finalized(self, generators) -> None:
        self.generators = list(generators)
        if self.progress is not None:
            self.progress.update(self.task, description="writing pages")

    def wrote(self, target, changed: bool) -> None:
        if changed:
            self.written += 1
        else:
            self.unchanged += 1
        if self.progress is not None:
            self.progress.update(self.task, advance=1)

    def summary(self) -> list[str]:
        by_name = {type(g).__name__: g for g in self.generators}
        lines = [f"files written: {self.written:,}"
                 + (f", unchanged: {self.unchanged:,}" if self.unchanged else "")]
        documents = by_name.get("DocumentsGenerator")
        if documents is not None and hasattr(documents, "entries"):
            entries = documents.entries
            translations = sum(len(e.versions) for e in entries.values())
            lines.append(f"documents: {len(entries)} ({translations} language versions); "
                         f"skipped drafts: {len(documents.drafts)}")
        archive = by_name.get("ArchiveGenerator")
        if archive is not None and hasattr(archive, "items"):
            lines.append(f"archive items published: {len(archive.items)}")
        opportunities = by_name.get("OpportunitiesGenerator")
        if opportunities is not None and hasattr(opportunities, "result"):
            counts = opportunities.result.counts()
            lines.append("opportunities: {accepted} accepted ({listed} listed), {rejected} "
                         "rejected, {expired} expired or ended, {withdrawn} withdrawn"
                         .format(**counts))
        return lines


def cmd_build(args: argparse.Namespace) -> int:
    import contextlib
    import io

    from pelican import main as pelican_main
    from pelican import signals
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from .core import render

    argv = ["content", "-s", args.settings]
    if args.output:
        argv += ["-o", args.output]
    if args.feed:
        argv += ["-e", f"OPPORTUNITIES_FEED={json.dumps(args.feed)}"]
    if args.no_search_index:
        argv += ["-e", "PORTAL_SEARCH_INDEX=false"]
    if args.resident:
        return _resident_builds(argv)
    watcher = BuildWatcher()
    signals.all_generators_finalized.connect(watcher.finalized)
    render.file_written.connect(watcher.wrote)
    console = Console(stderr=True)
    started = time.monotonic()
    show_progress = console.is_terminal and not args.quiet
    log = io.StringIO()
    try:
        if show_progress:
            with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                          TextColumn("{task.completed} files"), TimeElapsedColumn(),
                          console=console, transient=True) as progress:
                watcher.progress = progress
                watcher.task = progress.add_task("reading content", total=None)
                with contextlib.redirect_stdout(log):
                    pelican_main(argv)
        elif args.quiet:
            with contextlib.redirect_stdout(log):
                pelican_main(argv)
        else:
            pelican_main(argv)
    finally:
        render.file_written.disconnect(watcher.wrote)
    if not args.quiet:
        console.print(f"[bold green]Built[/] in {time.monotonic() - started:.1f} s")
        for line in watcher.summary():
            console.print(f"  {line}")
    return 0


RESIDENT_STATUS = "portal-build:"


def _resident_builds(argv: list[str]) -> int:
    """Build, then build again each time a line arrives on standard input, in this one
    process (``core.resident``: what did not change is not read, parsed or digested again).
    After each build one status line goes to standard output, ``portal-build: ok 1.234`` or
    ``portal-build: failed 0.123``; problems go to standard error.
    Builds after the first skip search indexing, as ``portal serve``'s rebuilds always have.
    """
    import io
    import traceback

    from pelican import main as pelican_main

    from .core import resident

    resident.enable()
    status = sys.stdout
    later = [*argv, "-e", "PORTAL_SEARCH_INDEX=false"]
    current = argv
    try:
        while True:
            started = time.monotonic()
            succeeded = True
            # What Pelican prints on standard output is not shown (as with --quiet); problems
            # and warnings go to standard error.
            sys.stdout = io.StringIO()
            try:
                pelican_main(current)
            except SystemExit as stop:
                succeeded = stop.code in (0, None)
            except Exception:  # noqa: BLE001 - reported, and the next save is built again
                traceback.print_exc()
                succeeded = False
            sys.stdout = status
            print(f"{RESIDENT_STATUS} {'ok' if succeeded else 'failed'} "
                  f"{time.monotonic() - started:.3f}", flush=True)
            resident.run_soon()
            if not sys.stdin.readline():
                return 0
            current = later
    finally:
        resident.disable()
        sys.stdout = status


# -- check ------------------------------------------------------------------------------------


def _format(problem) -> str:
    where = f"{problem.path}:{problem.line}" if problem.line else problem.path
    return f"{where}: {problem.severity}: {problem.message}"


def _selected(problem, paths: list[str]) -> bool:
    if not paths:
        return True
    for path in paths:
        path = path.rstrip("/")
        if problem.path.rstrip("/") == path or problem.path.startswith(path + "/") \
                or path.startswith(problem.path.rstrip("/") + "/") and \
                problem.path.endswith("/"):
            return True
    return False


def cmd_check(args: argparse.Namespace) -> int:
    from .core.errors import display_path
    from .editors.site_reader import read_site

    started = time.monotonic()
    read = read_site(args.settings, feed=args.feed)
    paths = [display_path(p) for p in args.paths]
    problems = sorted({p for p in read.problems if _selected(p, paths)})
    for problem in problems:
        print(_format(problem))
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    files = len({p.path for p in problems})
    plural = lambda n, word: f"{n} {word}{'' if n == 1 else 's'}"  # noqa: E731
    print(f"{plural(errors, 'error')}, {plural(warnings, 'warning')} in {plural(files, 'file')}"
          f" (checked in {time.monotonic() - started:.1f} s)")
    if errors or (args.strict and warnings):
        return 1
    return 0


# -- i18n -------------------------------------------------------------------------------------


def cmd_i18n_stamp(args: argparse.Namespace) -> int:
    from .content.translations import stamp
    from .core.languages import languages_from_settings

    settings = _settings(args.settings)
    languages = languages_from_settings(settings)
    root = Path(settings["PATH"])
    status = 0
    for name in args.files:
        try:
            digest = stamp(Path(name), root, languages)
        except (ValueError, OSError) as error:
            print(f"{name}: error: {error}", file=sys.stderr)
            status = 1
            continue
        print(f"{name}: marked as translated from the current source ({digest})")
    return status


def cmd_i18n_status(args: argparse.Namespace) -> int:
    from .editors.site_reader import read_site
    from .editors.status import STATES, all_statuses, as_json, counts

    read = read_site(args.settings)
    if read.site is None:
        for problem in read.problems:
            print(_format(problem), file=sys.stderr)
        return 1
    languages = [lang.code for lang in read.site.languages]
    rows = all_statuses(read)
    if args.json:
        print(json.dumps(as_json(rows, languages), ensure_ascii=False, indent=1))
        return 0
    from rich.console import Console
    from rich.table import Table

    console = Console()
    table = Table(title="Translation status by section")
    table.add_column("section")
    table.add_column("language")
    for state in STATES:
        table.add_column(state, justify="right")
    for section, by_language in counts(rows).items():
        for code in languages:
            numbers = by_language.get(code, {})
            table.add_row(section, code, *[str(numbers.get(state, 0) or "") or "·"
                                           for state in STATES])
    console.print(table)
    gaps = [row for row in rows if row.action]
    if not gaps:
        console.print("Every document is translated and up to date.")
        return 0
    detail = Table(title=f"{len(gaps)} to do")
    for column in ("section", "id", "language", "state", "file", "what to do"):
        detail.add_column(column, overflow="fold")
    for row in gaps:
        detail.add_row(row.section, row.id, row.language, row.state, row.file, row.action)
    console.print(detail)
    return 0


def cmd_search_push(args: argparse.Namespace) -> int:
    """Send the records of the built site (``--output``) to Algolia, or write them as JSON."""
    import os

    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from .search.algolia import PushError, client, credentials, push, write_dry_run
    from .search.records import records_by_language, site_records

    console = Console(stderr=True)
    settings = _settings(args.settings)
    output = Path(args.output or settings["OUTPUT_PATH"])
    prefix = settings["PORTAL_SEARCH_ALGOLIA_PREFIX"]
    if not (output / "index.html").exists():
        console.print(f"[red]No built site in {output}/[/red]: run `make html` first.")
        return 2
    grouped = records_by_language(site_records(output))
    count = sum(len(records) for records in grouped.values())
    if args.dry_run:
        written = write_dry_run(grouped, prefix, Path(args.dry_run))
        print(f"Dry run: {count} records in {len(grouped)} indexes written to {args.dry_run}/ "
              f"({len(written)} files); nothing was sent.")
        return 0
    try:
        app_id, admin_key = credentials()
        search_client = client(app_id, admin_key, os.environ.get("ALGOLIA_HOSTS", ""))
        with Progress(TextColumn("Sending search records"), BarColumn(), MofNCompleteColumn(),
                      console=console, transient=True) as progress:
            task = progress.add_task("push", total=count)
            sent = push(grouped, prefix, search_client,
                        lambda n: progress.advance(task, n))
    except PushError as error:
        console.print(f"[red]Search records not sent:[/red] {error}")
        return 1
    for name, number in sent.items():
        print(f"{name}: {number} records")
    return 0


# -- new --------------------------------------------------------------------------------------


def cmd_new(args: argparse.Namespace) -> int:
    from datetime import date

    from .content.model import Entry
    from .core.errors import display_path
    from .core.languages import languages_from_settings
    from .editors.scaffold import (
        ARCHIVE_KIND,
        KINDS,
        SLUG,
        archive_files,
        document_files,
        slugify,
    )
    from .editors.site_reader import read_site

    settings = _settings(args.settings)
    languages = languages_from_settings(settings)
    language = next((lang for lang in languages if lang.code.lower() == args.lang.lower()), None)
    if language is None:
        codes = ", ".join(lang.code for lang in languages)
        print(f"error: unknown language '{args.lang}'; languages: {codes}", file=sys.stderr)
        return 2
    slug = args.slug or slugify(args.title)
    if not SLUG.match(slug):
        print(f"error: '{slug}' cannot be an address; give --slug with lower-case letters, "
              "digits and hyphens, for example --slug family-volunteering", file=sys.stderr)
        return 2
    today = date.today()
    summary = args.summary or "One sentence shown in listings and search results."
    if args.kind == ARCHIVE_KIND:
        root = Path(display_path(settings["PORTAL_ARCHIVE_DIR"]))
        files = archive_files(slug, args.title, summary, language, languages, root, today)
        address = f"archive/items/{slug}/"
    else:
        root = Path(display_path(settings["PATH"]))
        files = document_files(args.kind, slug, args.title, summary, language, languages,
                               root, today)
        address = Entry(args.kind, slug).path
    existing = [path for path, *_ in files if path.exists()]
    if args.kind != ARCHIVE_KIND:
        existing += [root / lang.content_dir / KINDS[args.kind] / f"{slug}.md"
                     for lang in languages
                     if (root / lang.content_dir / KINDS[args.kind] / f"{slug}.md").exists()]
    if existing:
        print(f"error: {existing[0]} already exists; choose another title or --slug",
              file=sys.stderr)
        return 1
    read = read_site(args.settings)
    if read.site is not None:
        route = read.site.routes_by_path.get(address)
        if route is not None:
            owner = route.source or route.key
            print(f"error: the address /{address} is already used by {owner}; choose another "
                  "--slug", file=sys.stderr)
            return 1
    for path, text, lang, stub in files:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        what = "untranslated stub (draft)" if stub else "new"
        print(f"{path}: {what} ({lang.code})")
    print(f"address: /{address}")
    return 0


# -- serve ------------------------------------------------------------------------------------


def cmd_serve(args: argparse.Namespace) -> int:
    from .editors.serve import serve

    settings = _settings(args.settings)
    output = args.output or settings["OUTPUT_PATH"]
    return serve(args.settings, output, args.bind, args.port, args.feed,
                 initial_build=not args.no_build)


# -- the command line -------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="portal", description=__doc__)
    parser.add_argument("-s", "--settings", default="pelicanconf.py", help="settings file")
    commands = parser.add_subparsers(dest="command", required=True)

    build = commands.add_parser("build", help="build the site into output/")
    build.add_argument("-o", "--output", help="output folder (default: OUTPUT_PATH)")
    build.add_argument("--feed", metavar="PATH_OR_URL",
                       help="opportunity feed to use instead of OPPORTUNITIES_FEED")
    build.add_argument("-q", "--quiet", action="store_true",
                       help="no progress display and no summary (problems are still printed)")
    build.add_argument("--no-search-index", action="store_true",
                       help="do not re-index the site for search (the next build that does "
                            "indexes the pages changed meanwhile)")
    build.add_argument("--resident", action="store_true",
                       help="stay up and build again for each line read from standard input "
                            "(the builder behind `portal serve`)")
    build.set_defaults(func=cmd_build)

    check = commands.add_parser(
        "check", help="check every content file without building the site",
        description="Check pages, news, programmes, history, the archive, the data files, "
                    "links, images, translations and the feed. Prints file:line: problems; "
                    "exits 1 on errors (and on warnings with --strict).")
    check.add_argument("paths", nargs="*", help="only report problems in these files/folders")
    check.add_argument("--strict", action="store_true", help="warnings fail the check too")
    check.add_argument("--feed", metavar="PATH_OR_URL", help="check this feed instead")
    check.set_defaults(func=cmd_check)

    i18n = commands.add_parser("i18n", help="translation tools")
    i18n_commands = i18n.add_subparsers(dest="i18n_command", required=True)
    stamp = i18n_commands.add_parser(
        "stamp", help="record that translations are up to date with their source")
    stamp.add_argument("files", nargs="+", help="translated Markdown files")
    stamp.set_defaults(func=cmd_i18n_stamp)
    status = i18n_commands.add_parser(
        "status", help="what is translated, missing or outdated, per section and language")
    status.add_argument("--json", action="store_true", help="machine-readable output")
    status.set_defaults(func=cmd_i18n_status)

    new = commands.add_parser("new", help="create a page, news item, programme or archive item")
    new.add_argument("kind", choices=["page", "news", "program", "archive-item"])
    new.add_argument("--lang", default="en", help="language it is written in (default: en)")
    new.add_argument("--title", required=True)
    new.add_argument("--slug", help="file name and address (default: from the title)")
    new.add_argument("--summary", help="one sentence for listings (default: a placeholder)")
    new.set_defaults(func=cmd_new)

    serve = commands.add_parser("serve", help="preview on 127.0.0.1 with live reload")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--bind", default="127.0.0.1")
    serve.add_argument("-o", "--output", help="output folder (default: OUTPUT_PATH)")
    serve.add_argument("--feed", metavar="PATH_OR_URL")
    serve.add_argument("--no-build", action="store_true", help="serve output/ as it is first")
    serve.set_defaults(func=cmd_serve)

    search = commands.add_parser("search", help="search tools")
    search_commands = search.add_subparsers(dest="search_command", required=True)
    push = search_commands.add_parser(
        "push", help="send the built site's search records to Algolia (ALGOLIA_APP_ID, "
                     "ALGOLIA_ADMIN_KEY)")
    push.add_argument("-o", "--output", help="built site (default: OUTPUT_PATH)")
    push.add_argument("--dry-run", metavar="OUTDIR",
                      help="write the records and index settings as JSON here; send nothing")
    push.set_defaults(func=cmd_search_push)

    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
