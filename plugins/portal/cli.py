"""The ``portal`` command: build the site and look after translations."""

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

    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
