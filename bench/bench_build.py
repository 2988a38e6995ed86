"""Build benchmark: builds generated corpora with the real Pelican command and prints seconds,
pages per second and peak memory. Not a test: figures only.

    .venv/bin/python bench/bench_build.py --pages 1000 5000 --repeat 3
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

from make_corpus import ROOT, clean_project, make_corpus

#: Runs in a child process so each build's peak memory is its own.
BUILD_ONCE = """
import json, resource, sys, time
from pelican import main
start = time.perf_counter()
try:
    main(["content", "-s", "pelicanconf.py", "-o", sys.argv[1], "-q"])
finally:
    seconds = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_SELF)
    tools_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print("BENCH " + json.dumps({"seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime,
                                 "peak_mb": usage.ru_maxrss / 1024,
                                 "tools_peak_mb": tools_kb / 1024}))
"""


def build_once(project: Path) -> dict:
    """A clean build: no output and no build caches, so repeats are not incremental."""
    output = project / "output"
    clean_project(project)
    result = subprocess.run([sys.executable, "-c", BUILD_ONCE, str(output)], cwd=project,
                            capture_output=True, text=True, check=False)
    line = next((ln for ln in result.stdout.splitlines() if ln.startswith("BENCH ")), None)
    if result.returncode != 0 or line is None:
        sys.exit(f"build failed:\n{result.stdout}\n{result.stderr}")
    figures = json.loads(line[6:])
    figures["html_pages"] = sum(1 for _ in output.rglob("*.html"))
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, nargs="+", default=[1000],
                        help="documents per language (one corpus per value)")
    parser.add_argument("--repeat", type=int, default=1, help="builds per corpus (median)")
    args = parser.parse_args()
    for pages in args.pages:
        project = make_corpus(ROOT / "bench" / "out" / f"corpus-{pages}", pages)
        runs = [build_once(project) for _ in range(args.repeat)]
        seconds = statistics.median(run["seconds"] for run in runs)
        peak = max(run["peak_mb"] for run in runs)
        tools = max(run["tools_peak_mb"] for run in runs)
        html = runs[0]["html_pages"]
        print(f"bench: pages_per_language={pages} html_pages={html} seconds={seconds:.2f} "
              f"pages_per_s={html / seconds:.0f} peak_mb={peak:.0f} "
              f"pagefind_peak_mb={tools:.0f}")


if __name__ == "__main__":
    main()
