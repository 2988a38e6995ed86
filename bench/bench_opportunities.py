"""Opportunity listing benchmark: builds the site with a synthetic feed of N records and prints
seconds per 1,000 opportunities (both languages) and peak memory. Not a test: figures only.

    .venv/bin/python bench/bench_opportunities.py --records 10000
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from bench_build import BUILD_ONCE
from make_feed import make_feed

from make_corpus import ROOT, make_corpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, nargs="+", default=[10000])
    args = parser.parse_args()
    for records in args.records:
        project = make_corpus(ROOT / "bench" / "out" / f"feed-{records}", 0)
        feed = project / "feed.json"
        feed.write_text(json.dumps(make_feed(records, base_date=date(2026, 11, 28)),
                                   ensure_ascii=False), "utf-8")
        env = {**os.environ, "PORTAL_OPPORTUNITIES_FEED": str(feed),
               "PORTAL_NOW": "2026-11-28T12:00:00+08:00"}
        result = subprocess.run([sys.executable, "-c", BUILD_ONCE, str(project / "output")],
                                cwd=project, capture_output=True, text=True, env=env)
        line = next((ln for ln in result.stdout.splitlines() if ln.startswith("BENCH ")), None)
        if result.returncode != 0 or line is None:
            sys.exit(f"build failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
        figures = json.loads(line[6:])
        counts = next(ln for ln in result.stdout.splitlines() if " accepted " in ln)
        html = sum(1 for _ in Path(project / "output").rglob("*.html"))
        print(counts)
        print(f"bench: records={records} html_pages={html} seconds={figures['seconds']:.1f} "
              f"s_per_1000={figures['seconds'] / records * 1000:.1f} "
              f"peak_mb={figures['peak_mb']:.0f}")


if __name__ == "__main__":
    main()
