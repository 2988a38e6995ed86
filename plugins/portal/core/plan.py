"""The build plan: every file a build writes is a job, registered here with what it is made from.

A job whose inputs are unchanged since the last build into the same output folder is not run at
all; the others run in worker processes, one per CPU core; a file is written only when its bytes
changed.

Pages say what they depend on by reading it: while a page renders, the plan records every
top-level template name it resolves (``opp``, ``items``, ``PORTAL_SDGS`` …) and every other route
it links to or titles (``site.link``, ``site.title``, ``site.has``). The next build recomputes the
digest of just those inputs. So one edited feed record re-renders its own pages and the listing,
facet and goal pages that show it, and an edited page title re-renders the pages that name it.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2.runtime import Context, missing

from .fingerprint import Digester, digest_bytes
from .parallel import PARALLEL_FROM, run_shares

#: The inputs being recorded for the job running in this process (None: not recording).
_recording: Recorder | None = None
MANIFEST_VERSION = 2
#: Jobs are dealt to the processes in runs of this many neighbouring pages.
SHARE_RUN = 256


@dataclass
class Recorder:
    names: set[str] = field(default_factory=set)
    routes: set[str] = field(default_factory=set)


def record_route(key: str) -> None:
    """Note that the page being rendered shows something of route ``key`` (link, title)."""
    if _recording is not None:
        _recording.routes.add(key)


class RecordingContext(Context):
    """The theme's Jinja context: it notes every top-level name a template resolves (the
    page's inputs), and derives contexts without copying every setting."""

    def resolve_or_missing(self, key: str) -> Any:
        if _recording is not None:
            _recording.names.add(key)
        return super().resolve_or_missing(key)

    def derived(self, locals: dict[str, Any] | None = None) -> Context:
        """The context a ``pass_context`` function sees inside a loop or block (``_()`` in
        most blocks). Jinja's own copies every global and setting into a new mapping, several
        times per page; sharing the parent mapping, which does not change while a page
        renders, resolves every name to the same value."""
        context = type(self)(self.environment, self.parent, self.name, {})
        context.vars.update(self.vars)
        if locals:
            context.vars.update((key, value) for key, value in locals.items()
                                if value is not missing)
        context.eval_ctx = self.eval_ctx
        context.blocks.update((name, list(chain)) for name, chain in self.blocks.items())
        return context


class RecordingDict(dict):
    """A page context for plugins' ``page_rendering`` listeners: what they read is recorded."""

    def __getitem__(self, key: str) -> Any:
        if _recording is not None:
            _recording.names.add(key)
        return super().__getitem__(key)

    def get(self, key: str, default: Any = None) -> Any:
        if _recording is not None:
            _recording.names.add(key)
        return super().get(key, default)


@dataclass
class FileJob:
    """A file made by ``producer(*inputs)``; its fingerprint is the digest of the inputs."""

    rel: str
    producer: Callable[..., str | bytes]
    inputs: tuple

    records = False

    def produce(self) -> str | bytes:
        return self.producer(*self.inputs)

    def fingerprint(self, plan: BuildPlan, names: Iterable[str]) -> str:
        return plan.digester.digest(("file", plan.shell_files, self.producer, self.inputs))


@dataclass
class PageJob:
    """A page rendered from ``template``: its fingerprint covers the site's shell (code,
    templates, catalogues, settings, menu) and the digest of each name the page read."""

    rel: str
    generator: Any
    route: Any
    language: Any
    template: str
    extra: dict
    lazy: dict[str, tuple[Callable, tuple]]
    context_of: Callable[[Any, Any], dict]
    announce: Callable[..., Any]

    records = True

    def produce(self) -> str:
        context = RecordingDict(self.generator.context)
        context.update(self.context_of(self.route, self.language))
        context["template"] = self.template
        context.update(self.extra)
        for name, (function, args) in self.lazy.items():
            context[name] = function(*args)
        self.announce(self.generator, route=self.route, language=self.language,
                      template=self.template, context=context)
        return self.generator.get_template(self.template).render(dict(context))

    def fingerprint(self, plan: BuildPlan, names: Iterable[str]) -> str:
        token = plan.digester.token
        # Each input digested on its own (models are remembered for the build), then one
        # digest of those texts: far fewer steps than walking one nested tuple per page.
        parts = [plan.shell(self.language), self.template, token(self.route),
                 self.language.code]
        for name in sorted(names):
            if name in self.lazy:
                function, args = self.lazy[name]
                parts += (name, token(function), token(args))
            elif name in self.extra:
                parts += (name, token(self.extra[name]))
            elif name in plan.settings:
                continue  # settings, like code and templates, are in the shell digest
            elif name in self.generator.context:
                parts += (name, plan.context_digest(name, self.generator.context[name]))
            # Anything else is the page's place in the site (route, lang, nav …: the route and
            # the shell), a Jinja global (code), or set by a page_rendering listener from what
            # it read, which is recorded too.
        return digest_bytes(*parts)


Job = FileJob | PageJob


@dataclass
class Entry:
    """What the manifest keeps of one output file."""

    fingerprint: str
    names: tuple[str, ...] = ()
    routes: tuple[str, ...] = ()


@dataclass
class Manifest:
    output: str = ""
    files: dict[str, Entry] = field(default_factory=dict)
    route_digests: dict[str, str] = field(default_factory=dict)
    search_stale: bool = False

    @classmethod
    def load(cls, path: Path, output: Path) -> Manifest:
        try:
            data = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            return cls()
        if data.get("version") != MANIFEST_VERSION or data.get("output") != str(output):
            return cls()
        names = [tuple(group) for group in data["names"]]
        routes = [tuple(group) for group in data["routes"]]
        files = {rel: Entry(fp, names[n], routes[r]) for rel, (fp, n, r) in data["files"].items()}
        return cls(str(output), files, data["route_digests"], data.get("search_stale", False))

    def save(self, path: Path) -> None:
        tables: dict[str, dict[tuple, int]] = {"names": {}, "routes": {}}
        # Entries share their groups (``BuildPlan._shared``): looking a group up by identity
        # first spares hashing a long tuple for each of tens of thousands of files.
        by_identity: dict[tuple[str, int], int] = {}

        def index(table: str, group: tuple) -> int:
            key = (table, id(group))
            found = by_identity.get(key)
            if found is None:
                found = by_identity[key] = tables[table].setdefault(group, len(tables[table]))
            return found

        files = {rel: [entry.fingerprint, index("names", entry.names),
                       index("routes", entry.routes)] for rel, entry in self.files.items()}
        data = {"version": MANIFEST_VERSION, "output": self.output,
                "search_stale": self.search_stale,
                "names": [list(group) for group in tables["names"]],
                "routes": [list(group) for group in tables["routes"]],
                "route_digests": self.route_digests, "files": files}
        path.parent.mkdir(parents=True, exist_ok=True)
        scratch = path.with_suffix(".tmp")
        scratch.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8")
        os.replace(scratch, path)


@dataclass
class Result:
    rel: str
    changed: bool
    entry: Entry


class BuildPlan:
    """The jobs of one build into ``staging``, compared with the files in ``final``.

    ``complete``: staging must end up holding the whole site (a first build, or incremental
    builds turned off); otherwise staging receives only the files whose bytes changed.
    """

    def __init__(self, final: Path, staging: Path, previous: Manifest, complete: bool,
                 workers: int, settings: dict, shell_files: str) -> None:
        self.final = final
        self.staging = staging
        self.previous = previous
        self.complete = complete
        self.workers = workers
        self.settings = settings
        self.digester = Digester()
        self.jobs: dict[str, Job] = {}
        self.entries: dict[str, Entry] = {}
        self.changed: set[str] = set()
        self.kept = 0
        self.site: Any = None
        self.shell_files = shell_files
        self._shells: dict[str, str] = {}
        self._context_digests: dict[str, str] = {}
        self._route_sets: dict[tuple[str, ...], bool] = {}
        self._groups: dict[tuple[str, ...], tuple[str, ...]] = {}
        #: Told of every file made or kept, by its name in the output folder.
        self._announce: Callable[[str, bool], None] = lambda name, changed: None
        self._folders: set[str] = set()  # staging folders made by this process

    # -- registering jobs ----------------------------------------------------------------

    def add(self, job: Job) -> None:
        """Queue ``job``, or keep last build's file when nothing it was made from changed."""
        previous = self.previous.files.get(job.rel)
        # A file deleted from the output folder by hand is made again.
        if previous is not None and self._still_valid(job, previous) and \
                os.path.exists(os.path.join(self.final, job.rel)):
            self.jobs.pop(job.rel, None)
            self.entries[job.rel] = previous
            self.kept += 1
            self._announce(job.rel, False)
            return
        self.entries.pop(job.rel, None)
        self.jobs[job.rel] = job

    def _still_valid(self, job: Job, previous: Entry) -> bool:
        if previous.routes:
            unchanged = self._route_sets.get(previous.routes)
            if unchanged is None:
                unchanged = all(self.route_digest(key) == self.previous.route_digests.get(key)
                                for key in previous.routes)
                self._route_sets[previous.routes] = unchanged
            if not unchanged:
                return False
        return job.fingerprint(self, previous.names) == previous.fingerprint

    # -- digests -------------------------------------------------------------------------

    def shell(self, language: Any) -> str:
        """Digest of what every page in ``language`` shares: code, theme, catalogues,
        settings, languages, base URL and the main menu."""
        known = self._shells.get(language.code)
        if known is None:
            site = self.site
            known = self.digester.digest((self.shell_files, language, site.siteurl,
                                          site.languages, site.nav_links(language)))
            self._shells[language.code] = known
        return known

    def context_digest(self, name: str, value: Any) -> str:
        known = self._context_digests.get(name)
        if known is None:
            known = self._context_digests[name] = self.digester.digest(value)
        return known

    def route_digest(self, key: str) -> str:
        route = self.site.routes.get(key)
        return "absent" if route is None else self.digester.digest(route)

    # -- running -------------------------------------------------------------------------

    def execute(self) -> None:
        """Run every queued job, in parallel worker processes when there are enough."""
        def record(result: Result) -> None:
            self.entries[result.rel] = Entry(result.entry.fingerprint,
                                             self._shared(result.entry.names),
                                             self._shared(result.entry.routes))
            if result.changed:
                self.changed.add(result.rel)
            self._announce(result.rel, result.changed)

        jobs = list(self.jobs.values())
        workers = min(self.workers, max(1, len(jobs) // PARALLEL_FROM))
        if workers > 1:
            # One page of each template first, here: the templates it loads are compiled
            # once, and the workers inherit them instead of each compiling its own.
            firsts = {}
            for job in jobs:
                if isinstance(job, PageJob):
                    firsts.setdefault((id(job.generator), job.template), job)
            for job in firsts.values():
                record(self._run(job))
            first_jobs = set(map(id, firsts.values()))
            jobs = [job for job in jobs if id(job) not in first_jobs]
        run_shares(self._run, self._shares(jobs, workers), on_result=record)
        self.jobs.clear()

    def _run(self, job: Job) -> Result:
        global _recording
        recorder = Recorder() if job.records else None
        _recording = recorder
        try:
            data = job.produce()
        finally:
            _recording = None
        payload = data.encode("utf-8") if isinstance(data, str) else data
        names = self._shared(sorted(recorder.names)) if recorder else ()
        routes = self._shared(sorted(recorder.routes)) if recorder else ()
        entry = Entry(job.fingerprint(self, names), names, routes)
        return Result(job.rel, self._write(job.rel, payload), entry)

    def _shared(self, keys: list[str]) -> tuple[str, ...]:
        """One tuple for every page that read the same names (most pages of a template do)."""
        group = tuple(keys)
        return self._groups.setdefault(group, group)

    def _write(self, rel: str, payload: bytes) -> bool:
        # Plain os calls and each folder made once: tens of thousands of files per build.
        try:
            with open(os.path.join(self.final, rel), "rb") as existing:
                changed = existing.read() != payload
        except OSError:
            changed = True
        if changed or self.complete:
            target = os.path.join(self.staging, rel)
            folder = os.path.dirname(target)
            if folder not in self._folders:
                self._make_folder(folder)
            with open(target, "wb") as staged:
                staged.write(payload)
        return changed

    def _make_folder(self, folder: str) -> None:
        # Most pages have a folder of their own whose parent this process has just made: one
        # mkdir then, instead of makedirs looking at every level first.
        if os.path.dirname(folder) in self._folders:
            with contextlib.suppress(FileExistsError):  # made by the other process
                os.mkdir(folder)
        else:
            os.makedirs(folder, exist_ok=True)
        self._folders.add(folder)

    def _shares(self, jobs: list[Job], workers: int) -> list[list[Job]]:
        """``jobs`` in ``workers`` shares (``core.parallel.run_shares`` runs the first here
        and each other in a forked process). Every language version of a page goes to the same
        process, in runs of neighbouring pages dealt in turn: a process then touches (and so
        copies) about its share of the models rather than all of them, and the shares cost
        about the same."""
        prefixes = tuple(f"{lang.prefix}/" for lang in self.site.languages if lang.prefix) \
            if self.site else ()
        groups: dict[str, list[Job]] = {}
        for job in jobs:
            neutral = next((job.rel[len(p):] for p in prefixes if job.rel.startswith(p)),
                           job.rel)
            groups.setdefault(neutral, []).append(job)
        ordered = [job for group in groups.values() for job in group]
        return [[job for start in range(index * SHARE_RUN, len(ordered), workers * SHARE_RUN)
                 for job in ordered[start:start + SHARE_RUN]] for index in range(workers)]

    # -- the result ----------------------------------------------------------------------

    def removed(self) -> list[str]:
        """Files of the last build that this build no longer makes."""
        return sorted(set(self.previous.files) - set(self.entries))

    def manifest(self) -> Manifest:
        keys = {key for entry in self.entries.values() for key in entry.routes}
        return Manifest(str(self.final), dict(self.entries),
                        {key: self.route_digest(key) for key in sorted(keys)})
