"""The reference corpus of the speed goal: a buildable copy of the project with 10,000 feed
opportunities, 2,000 archive items and 500 Markdown documents per language (both languages).

    .venv/bin/python bench/make_reference.py [--out bench/out/reference]

Deterministic: the same arguments give the same files, so runs on different days compare.
"""

from __future__ import annotations

import argparse
import json
import random
from datetime import date
from pathlib import Path

from bench_archive import synthetic_item
from make_feed import make_feed

from make_corpus import ROOT, make_corpus

#: The moment every reference build treats as now, so statuses do not drift between runs.
REFERENCE_NOW = "2026-11-28T12:00:00+08:00"


def make_reference(destination: Path, records: int = 10_000, archive_items: int = 2_000,
                   pages_per_language: int = 500) -> Path:
    """Write the corpus into ``destination`` (replacing it) and return the project folder;
    the feed is ``destination / "feed.json"``."""
    project = make_corpus(destination, pages_per_language)
    rng = random.Random(2001)
    for number in range(1, archive_items + 1):
        synthetic_item(rng, number, project / "memory_archive" / f"synthetic-{number:05d}")
    feed = make_feed(records, base_date=date(2026, 11, 28))
    (project / "feed.json").write_text(json.dumps(feed, ensure_ascii=False, indent=1) + "\n",
                                       encoding="utf-8")
    return project


def reference_environment(project: Path) -> dict[str, str]:
    """The environment a build of the reference corpus runs with."""
    return {"PORTAL_OPPORTUNITIES_FEED": str(project / "feed.json"),
            "PORTAL_NOW": REFERENCE_NOW}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "reference")
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--archive-items", type=int, default=2_000)
    parser.add_argument("--pages", type=int, default=500, help="Markdown documents per language")
    args = parser.parse_args()
    make_reference(args.out, args.records, args.archive_items, args.pages)
    print(f"reference corpus in {args.out}: {args.records} opportunities, "
          f"{args.archive_items} archive items, {args.pages} documents per language")


if __name__ == "__main__":
    main()
