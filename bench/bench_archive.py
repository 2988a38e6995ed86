"""Archive benchmark: adds N synthetic items to a copy of the project and prints what 1,000
archive items cost a build (seconds and peak memory). Not a test: figures only.

    .venv/bin/python bench/bench_archive.py --items 1000 --repeat 3

Every tenth synthetic item has a small image, so the cost includes making web copies; each
build starts with an empty image cache, so the figure is that of a first (cold) build.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
from pathlib import Path

from bench_build import build_once

from make_corpus import ROOT, chinese_paragraph, english_paragraph

PARTS = ("content", "theme", "plugins", "data", "memory_archive", "pelicanconf.py")
TYPES = ("photo", "document", "newsletter", "oral-history", "object", "record")
SUBJECTS = ("volunteer-service-act", "record-book", "training", "statistics", "city-plans",
            "older-volunteers", "oral-history", "publications")
PLACES = ("taipei", "wanhua", "daan", "beitou", "xinyi", "neihu")
DATES = ("{y}-{m:02d}-{d:02d}", "{y}-{m:02d}", "{y}", "{y}~", "{y}?", "{decade}X",
         "{y}/{y2}")



def copy_project(target: Path) -> Path:
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    for part in PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(source, target / part)
    return target


def synthetic_item(rng: random.Random, number: int, folder: Path) -> None:
    year = rng.randint(1980, 2025)
    date = rng.choice(DATES).format(y=year, m=rng.randint(1, 12), d=rng.randint(1, 28),
                                    decade=str(year)[:3], y2=min(year + rng.randint(1, 5), 2026))
    lines = [
        f"type: {rng.choice(TYPES)}",
        "title:",
        f"  en: \"Synthetic item {number}\"",
        f"  zh-TW: \"合成典藏 {number}\"",
        "description:",
        f"  en: \"{english_paragraph(rng, 3)}\"",
        f"  zh-TW: \"{chinese_paragraph(rng, 3)}\"",
        f"date: \"{date}\"",
        f"subjects: [{', '.join(rng.sample(SUBJECTS, 2))}]",
        f"places: [{rng.choice(PLACES)}]",
        f"sdgs: [{rng.randint(1, 17)}]",
        "rights:",
        "  uri: https://creativecommons.org/licenses/by/4.0/",
        "access: public",
    ]
    if number % 10 == 0:
        from PIL import Image

        (folder / "media").mkdir(parents=True)
        colour = tuple(rng.randint(0, 255) for _ in range(3))
        Image.new("RGB", (1200, 800), colour).save(folder / "media" / "image.jpg", quality=80)
        lines += ["media:", "  - file: media/image.jpg", "    alt:",
                  f"      en: A plain coloured rectangle, number {number}."]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "item.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def measure(project: Path, repeat: int) -> tuple[float, float, float]:
    """Median wall-clock and CPU seconds (CPU is steadier on a busy machine), peak memory."""
    runs = [build_once(project) for _ in range(repeat)]
    return (statistics.median(run["seconds"] for run in runs),
            statistics.median(run["cpu"] for run in runs),
            max(run["peak_mb"] for run in runs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=1000, help="synthetic items to add")
    parser.add_argument("--repeat", type=int, default=1, help="builds per measure (median)")
    args = parser.parse_args()
    project = copy_project(ROOT / "bench" / "out" / "archive")
    base_seconds, base_cpu, base_mb = measure(project, args.repeat)
    rng = random.Random(2021)
    for number in range(1, args.items + 1):
        synthetic_item(rng, number, project / "memory_archive" / f"synthetic-{number:05d}")
    seconds, cpu, peak_mb = measure(project, args.repeat)
    scale = 1000 / args.items
    pages = sum(1 for _ in (project / "output").rglob("*.html"))
    print(f"bench-archive: items_added={args.items} html_pages={pages} "
          f"baseline_s={base_seconds:.2f} with_items_s={seconds:.2f} peak_mb={peak_mb:.0f}")
    print(f"bench-archive: per_1000_items seconds={(seconds - base_seconds) * scale:.2f} "
          f"cpu_seconds={(cpu - base_cpu) * scale:.2f} "
          f"peak_mb={(peak_mb - base_mb) * scale:.0f}")


if __name__ == "__main__":
    main()
