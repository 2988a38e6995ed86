"""The speed goal, measured: the reference corpus (10,000 opportunities, 2,000 archive items,
500 Markdown documents per language) built by the portal, and a Hugo site with the same number
of pages built by Hugo, in the same run on the same machine. Not a test: figures only.

    make bench                       # or: .venv/bin/python bench/bench_reference.py --repeat 3

Figures, each the median of ``--repeat`` runs unless said:
- full: a clean build (no output folder, no caches of any kind) of every page and file;
- noop: a rebuild with nothing changed;
- one_change: a rebuild after one feed record is edited, and after one Markdown file is
  edited (both kinds are run; the median is over all of them).
  noop and one_change are measured in the build process that stays up behind `make devserver`
  (`portal build --resident`): it is started once, builds the site as it is, and then is
  timed from the request to rebuild until it reports the site in place, for ``--repeat``
  rounds of a rebuild with nothing changed, a feed record edited and a document edited. The
  same rebuilds by a new `pelican content` process each time are printed too (cold_…);
- Hugo: a clean build right after each clean portal build (median), then a rebuild with
  nothing changed and one after one page changed (Hugo's command line rebuilds everything
  each time);
- ratio: the median of each round's portal time over Hugo's time in the same round. The two
  builds of a round meet the machine in the same state, and this machine's speed drifts by
  ten per cent and more from one minute to the next, so a round is compared with its own
  Hugo build. The ratio of the two medians is printed too (ratio_of_medians);
- peak_mb: the most memory the build's processes used at once (proportional set size, summed
  over the main process and its rendering workers), sampled every 50 ms during one more clean
  build of its own (sampling slows a build, so timed runs are not sampled; Hugo's peak is its
  own maximum resident size).
Search indexing (Pagefind) is measured on its own, as Hugo does no search indexing; its time
and memory are printed on their own line. The last line is the summary:

    bench: full_s=.. hugo_s=.. ratio=.. noop_s=.. one_change_s=.. peak_mb=..
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from make_reference import make_reference, reference_environment

from make_corpus import ROOT, clean_project

#: One build in a child process, as `make html` runs it.
BUILD = [sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py", "-q"]
#: The build process behind `make devserver` (``portal.editors.serve.ResidentBuilder``).
RESIDENT = [sys.executable, "-m", "portal.cli", "-s", "pelicanconf.py", "build", "--resident"]


def _children_of(pid: int) -> list[int]:
    found, frontier = [], [pid]
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
                parents[int(entry)] = int(fields[1])
            except (OSError, IndexError, ValueError):
                continue
    while frontier:
        current = frontier.pop()
        found.append(current)
        frontier += [child for child, parent in parents.items() if parent == current]
    return found


def _pss_mb(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
                    break
        except OSError:
            continue
    return total / 1024


def measured(command: list[str], cwd: Path, env: dict | None = None,
             sample: bool = False) -> dict:
    """Run ``command``; wall-clock seconds and, with ``sample``, the peak summed PSS of its
    process tree. Sampling is kept out of timed runs: reading ``smaps_rollup`` of a process of
    several hundred megabytes takes over 10 ms of kernel time and holds its memory map, so at
    20 reads a second it slows the build it measures by several seconds."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    peak = 0.0
    done = threading.Event()

    def take_samples() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _pss_mb(_children_of(process.pid)))
            done.wait(0.05)

    sampler = threading.Thread(target=take_samples, daemon=True)
    if sample:
        sampler.start()
    stdout, stderr = process.communicate()
    seconds = time.perf_counter() - started
    done.set()
    if sample:
        sampler.join()
    if process.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{stdout[-3000:]}\n{stderr[-3000:]}")
    return {"seconds": seconds, "peak_mb": peak, "stdout": stdout}


def portal_build(project: Path, *extra: str, sample: bool = False) -> dict:
    env = {**os.environ, **reference_environment(project)}
    return measured([*BUILD, "-o", str(project / "output"), *extra], project, env, sample)


def edit_record(project: Path, round_number: int) -> None:
    path = project / "feed.json"
    feed = json.loads(path.read_text("utf-8"))
    record = feed["opportunities"][1234]
    record["title"]["en"] = f"Reading buddy at a Wanhua library (edit {round_number})"
    path.write_text(json.dumps(feed, ensure_ascii=False, indent=1) + "\n", "utf-8")


def edit_document(project: Path, round_number: int) -> None:
    path = project / "content" / "en" / "pages" / "story-00042.md"
    lines = path.read_text("utf-8").splitlines()
    lines[-1] += f" Edited in round {round_number}."
    path.write_text("\n".join(lines) + "\n", "utf-8")


def resident_rebuilds(project: Path, rounds: int) -> dict[str, list[float]]:
    """Rebuilds in one resident builder, as the preview runs them: seconds from asking for a
    rebuild to the builder's report that the site is in place; and its peak resident size."""
    env = {**os.environ, **reference_environment(project)}
    process = subprocess.Popen([*RESIDENT, "-o", str(project / "output")], cwd=project,
                               env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True)

    def wait() -> None:
        for line in process.stdout:
            if line.startswith("portal-build:"):
                if line.split()[1] != "ok":
                    sys.exit("the resident builder's build failed")
                return
        sys.exit("the resident builder stopped")

    def rebuild() -> float:
        started = time.perf_counter()
        process.stdin.write("build\n")
        process.stdin.flush()
        wait()
        return time.perf_counter() - started

    times: dict[str, list[float]] = {"noop": [], "record": [], "document": []}
    try:
        wait()  # its first build: the site as it is, in a new process
        for run in range(rounds):
            times["noop"].append(rebuild())
            edit_record(project, 100 + run)
            times["record"].append(rebuild())
            edit_document(project, 100 + run)
            times["document"].append(rebuild())
            print(f"resident round {run + 1}: noop {times['noop'][-1]:.2f} s, one record "
                  f"{times['record'][-1]:.2f} s, one document {times['document'][-1]:.2f} s",
                  flush=True)
        # The builder keeps the last build's state beside the current one's.
        status = Path(f"/proc/{process.pid}/status").read_text()
        times["peak_mb"] = [int(next(line.split()[1] for line in status.splitlines()
                                     if line.startswith("VmHWM:"))) / 1024]
    finally:
        process.stdin.close()
        process.wait()
    return times


def page_count(output: Path) -> int:
    return sum(1 for _ in output.rglob("*.html"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (median)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    args = parser.parse_args()
    from hugo_site import build_hugo, make_hugo_site, rebuild_hugo_one_change, run_hugo

    project = make_reference(args.out / "reference")
    print(f"reference corpus: {project}", flush=True)
    # The interpreter counts for a good part of the portal's time (README, "How builds stay
    # fast"): which one built it is part of the figures.
    print(f"python: {platform.python_version()} ({os.path.realpath(sys.executable)}, "
          f"{platform.python_compiler()}, built {platform.python_build()[1]})", flush=True)

    fulls, noops, changes, hugo_runs = [], [], [], []
    site = None
    for run in range(args.repeat):
        clean_project(project)
        full = portal_build(project, "-e", "PORTAL_SEARCH_INDEX=false")
        fulls.append(full)
        if site is None:  # as many pages as the portal makes, known after its first build
            site = make_hugo_site(project, args.out / "hugo-site",
                                  target_pages=page_count(project / "output"))
        # Hugo's clean build right after the portal's: both meet the machine in the same state
        # (this machine's speed drifts by several seconds from one minute to the next).
        hugo_runs.append(build_hugo(site))
        print(f"round {run + 1}: portal full build {full['seconds']:.1f} s, "
              f"hugo {hugo_runs[-1]['seconds']:.1f} s", flush=True)
        noops.append(portal_build(project, "-e", "PORTAL_SEARCH_INDEX=false"))
        for edit in (edit_record, edit_document):
            edit(project, run)
            changes.append(portal_build(project, "-e", "PORTAL_SEARCH_INDEX=false"))
    pages = page_count(project / "output")
    resident = resident_rebuilds(project, args.repeat)
    # Memory on its own: one more clean build, sampled (see ``measured``).
    clean_project(project)
    peak = portal_build(project, "-e", "PORTAL_SEARCH_INDEX=false", sample=True)["peak_mb"]
    # The pages are unchanged: this is the indexing alone.
    search = portal_build(project, sample=True)
    full_s = statistics.median(r["seconds"] for r in fulls)
    noop_s = statistics.median(resident["noop"])
    change_s = statistics.median(resident["record"] + resident["document"])
    print(f"portal: html_pages={pages} full_s={full_s:.2f} noop_s={noop_s:.2f} "
          f"one_record_s={statistics.median(resident['record']):.2f} "
          f"one_document_s={statistics.median(resident['document']):.2f} "
          f"peak_mb={peak:.0f}")
    print("portal, a new process per rebuild: "
          f"cold_noop_s={statistics.median(r['seconds'] for r in noops):.2f} "
          f"cold_one_record_s={statistics.median(r['seconds'] for r in changes[0::2]):.2f} "
          f"cold_one_document_s={statistics.median(r['seconds'] for r in changes[1::2]):.2f}")
    print(f"resident builder: peak_rss_mb={resident['peak_mb'][0]:.0f} (the process behind "
          "`make devserver`, after all its rebuilds)")
    print(f"search: pagefind_s={search['seconds']:.2f} peak_mb={search['peak_mb']:.0f} "
          "(separate from the builds above; `make html` indexes only when pages changed)")

    hugo_s = statistics.median(r["seconds"] for r in hugo_runs)
    # Hugo's command line has no incremental mode (only its server does): these are full
    # builds over the existing public/ and image copies, printed for comparison.
    hugo_noop = run_hugo(site)
    hugo_change = rebuild_hugo_one_change(site)
    print(f"hugo: html_pages={hugo_runs[0]['html_pages']} full_s={hugo_s:.2f} "
          f"noop_s={hugo_noop['seconds']:.2f} one_change_s={hugo_change['seconds']:.2f} "
          f"peak_mb={max(r['peak_mb'] for r in hugo_runs):.0f}")
    ratios = [full["seconds"] / hugo["seconds"] for full, hugo in zip(fulls, hugo_runs,
                                                                     strict=True)]
    print("ratio by round: " + ", ".join(f"{ratio:.2f}" for ratio in ratios)
          + f"; ratio_of_medians={full_s / hugo_s:.2f}")
    print(f"bench: full_s={full_s:.2f} hugo_s={hugo_s:.2f} "
          f"ratio={statistics.median(ratios):.2f} "
          f"noop_s={noop_s:.2f} one_change_s={change_s:.2f} peak_mb={peak:.0f}")


if __name__ == "__main__":
    main()
