"""The ``portal`` command: build the site, look after translations, send search records."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _settings(path: str) -> dict:
    from pelican.settings import read_settings

    from .core.options import validate_settings

    settings = read_settings(path)
    validate_settings(settings)
    return settings


def cmd_build(args: argparse.Namespace) -> int:
    import json

    from pelican import main as pelican_main

    argv = ["content", "-s", args.settings]
    if args.output:
        argv += ["-o", args.output]
    if args.feed:
        argv += ["-e", f"OPPORTUNITIES_FEED={json.dumps(args.feed)}"]
    pelican_main(argv)
    return 0


def cmd_i18n_stamp(args: argparse.Namespace) -> int:
    from .content.translations import stamp
    from .core.languages import languages_from_settings

    settings = _settings(args.settings)
    languages = languages_from_settings(settings)
    root = Path(settings["PATH"])
    for name in args.files:
        digest = stamp(Path(name), root, languages)
        print(f"{name}: marked as translated from the current source ({digest})")
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="portal", description=__doc__)
    parser.add_argument("-s", "--settings", default="pelicanconf.py", help="settings file")
    commands = parser.add_subparsers(dest="command", required=True)

    build = commands.add_parser("build", help="build the site into output/")
    build.add_argument("-o", "--output", help="output folder (default: OUTPUT_PATH)")
    build.add_argument("--feed", metavar="PATH_OR_URL",
                       help="opportunity feed to use instead of OPPORTUNITIES_FEED")
    build.set_defaults(func=cmd_build)

    i18n = commands.add_parser("i18n", help="translation tools")
    i18n_commands = i18n.add_subparsers(dest="i18n_command", required=True)
    stamp = i18n_commands.add_parser(
        "stamp", help="record that translations are up to date with their source")
    stamp.add_argument("files", nargs="+", help="translated Markdown files")
    stamp.set_defaults(func=cmd_i18n_stamp)

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
