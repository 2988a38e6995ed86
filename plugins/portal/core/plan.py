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
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2.runtime import Context, missing

from . import resident
from .fingerprint import Digester, digest_bytes, same_data
from .jinja_env import compile_templates
from .parallel import PARALLEL_FROM, run_pulled

#: The inputs being recorded for the job running in this process (None: not recording).
_recording: Recorder | None = None
MANIFEST_VERSION = 2
#: The worker processes take jobs in runs of this many neighbouring pages …
SHARE_RUN = 256
#: … and of fewer toward the end of the build, down to this many.
LAST_RUN = 16


@dataclass
class Recorder:
    names: set[str] = field(default_factory=set)
    routes: set[str] = field(default_factory=set)


def record_route(key: str) -> None:
    """Note that the page being rendered shows something of route ``key`` (link, title)."""
    if _recording is not None:
        _recording.routes.add(key)


def record_inputs(names: Iterable[str], routes: Iterable[str]) -> None:
    """Note names and routes that the page being rendered depends on (what a part of it
    rendered once for many pages read: ``core.render.language_part``)."""
    if _recording is not None:
        _recording.names.update(names)
        _recording.routes.update(routes)


@contextlib.contextmanager
def recording_apart() -> Iterator[Recorder]:
    """What is rendered inside, recorded on its own as well as for the page."""
    global _recording
    page, _recording = _recording, Recorder()
    try:
        yield _recording
    finally:
        part, _recording = _recording, page
        record_inputs(part.names, part.routes)


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
    _fingerprint: str | None = field(default=None, init=False, repr=False, compare=False)

    records = False

    @property
    def kind(self) -> Callable[..., str | bytes]:
        """What makes files of this kind: the function that writes them."""
        return self.producer

    def produce(self) -> str | bytes:
        return self.producer(*self.inputs)

    def fingerprint(self, plan: BuildPlan, names: Iterable[str]) -> str:
        # Asked before the file is made and again after: large inputs are digested once.
        if self._fingerprint is None:
            self._fingerprint = plan.digester.digest(("file", plan.shell_files, self.producer,
                                                      self.inputs))
        return self._fingerprint

    def same_inputs(self, earlier: Job, memo: dict) -> bool:
        """Made from the same data as ``earlier`` (a job of the last build in this process)."""
        return type(earlier) is FileJob and self.producer is earlier.producer and \
            same_data(self.inputs, earlier.inputs, memo)


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

    @property
    def kind(self) -> str:
        """What makes pages of this kind: the template."""
        return self.template

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

    def own_names(self) -> tuple[str, ...]:
        """Names the page is given itself (not read from the generators' shared context)."""
        return (*self.extra, *self.lazy)

    def same_inputs(self, earlier: Job, memo: dict) -> bool:
        """Made from the same data as ``earlier`` (a job of the last build in this process);
        what it read from the generators' shared context is compared by the plan."""
        return type(earlier) is PageJob and self.template == earlier.template and \
            type(self.generator) is type(earlier.generator) and \
            same_data(self.language, earlier.language, memo) and \
            same_data(self.route, earlier.route, memo) and \
            len(self.extra) == len(earlier.extra) and len(self.lazy) == len(earlier.lazy) and \
            all(same_data(value, earlier.extra.get(name, missing), memo)
                for name, value in self.extra.items()) and \
            all(same_data(value, earlier.lazy.get(name, missing), memo)
                for name, value in self.lazy.items())


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


@dataclass(frozen=True)
class Member:
    """A file of a group of jobs: its name, and for a page its language and own names."""

    rel: str
    language: str | None
    own: tuple[str, ...]


@dataclass(frozen=True)
class Group:
    """Jobs registered together: what they are made from, their files, the groups inside."""

    inputs: tuple
    members: tuple[Member, ...]
    inner: tuple[Hashable, ...] = ()


@dataclass
class EarlierBuild:
    """What the last build in this process (``core.resident``) leaves to the next: its
    manifest, the jobs it registered and the digests it computed."""

    manifest: Manifest
    manifest_stamp: tuple[int, int]
    jobs: dict[str, Job]
    shells: dict[str, str]
    context_digests: dict[str, str]
    #: The settings it was made with (the same as now: they are part of what it is kept under).
    settings: dict
    groups: dict[Hashable, Group]
    context: dict | None
    routes: dict[str, Any]


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
                 workers: int, settings: dict, shell_files: str,
                 earlier: EarlierBuild | None = None) -> None:
        self.final = final
        self.staging = staging
        self.previous = previous
        self.complete = complete
        self.workers = workers
        self.settings = settings
        self.digester = Digester()
        # A page given the settings (to translate, format…) depends on them as the shell
        # does; digested in full they would also count where the site goes and whether it is
        # indexed for search, which change no page.
        self.digester.remember(settings, b"settings:" + shell_files.encode())
        self.jobs: dict[str, Job] = {}
        self.entries: dict[str, Entry] = {}
        self.changed: set[str] = set()
        self.kept = 0
        self.site: Any = None
        self.shell_files = shell_files
        self._shells: dict[str, str] = {}
        self._context_digests: dict[str, str] = {}
        self._route_sets: dict[int, bool] = {}
        self._groups: dict[tuple[str, ...], tuple[str, ...]] = {}
        #: Told of every file made or kept, by its name in the output folder.
        self._announce: Callable[[str, bool], None] = lambda name, changed: None
        self._folders: set[str] = set()  # staging folders made by this process
        #: The last build in this process, when it stays up between builds.
        self.earlier = earlier
        #: Every job of this build, run or kept, in a process that stays up (what its next
        #: build compares with); elsewhere jobs are let go as soon as they are done.
        self.keeps_jobs = resident.enabled()
        self.registered: dict[str, Job] = {}
        self._name_groups: dict[tuple, bool] = {}
        self._same_memo: dict[tuple[int, int], bool] = {}
        self._route_digests: dict[str, str] = {}
        #: Groups of jobs registered together (``group``), and those being registered.
        self.groups: dict[Hashable, Group] = {}
        self._collecting: list[tuple[list[Member], list[Hashable]]] = []
        self._owns: dict[tuple[str, ...], tuple[str, ...]] = {}
        #: The generators' shared context (for what pages read of it).
        self.context: dict | None = None
        #: Whether every kept file is announced (someone counts them).
        self.tell_kept = True
        self._defer_fingerprints = False
        self._unfingerprinted: list[tuple[Job, tuple[str, ...]]] = []
        if earlier is not None:
            # Kept under the digest of the settings: what a job passes on of them is the same.
            self._same_memo[(id(settings), id(earlier.settings))] = True

    # -- registering jobs ----------------------------------------------------------------

    def add(self, job: Job) -> None:
        """Queue ``job``, or keep last build's file when nothing it was made from changed."""
        previous = self.previous.files.get(job.rel)
        if self.keeps_jobs:
            self.registered[job.rel] = job
        if self.context is None and isinstance(job, PageJob):
            self.context = job.generator.context
        if self._collecting:
            self._collecting[-1][0].append(self._member(job))
        # A file deleted from the output folder by hand is made again (by ``make html``: a
        # job the last build in this process made from the same objects is trusted as it is,
        # and one made from other objects is made again without digesting them first).
        earlier = self._same_as_earlier(job, previous) if previous is not None else False
        if earlier or (previous is not None and earlier is None and
                       self._still_valid(job, previous) and
                       os.path.exists(os.path.join(self.final, job.rel))):
            self.jobs.pop(job.rel, None)
            self.entries[job.rel] = previous
            self.kept += 1
            self._announce(job.rel, False)
            return
        self.entries.pop(job.rel, None)
        self.jobs[job.rel] = job

    def _member(self, job: Job) -> Member:
        if isinstance(job, FileJob):
            return Member(job.rel, None, ())
        own = job.own_names()
        return Member(job.rel, job.language.code, self._owns.setdefault(own, own))

    def _same_as_earlier(self, job: Job, previous: Entry) -> bool | None:
        """Whether ``job`` has the very inputs of the same file in the last build of this
        process: then its fingerprint is the one in the manifest, without computing it.
        None when that build in this process had no such job to compare with."""
        if self.earlier is None:
            return None
        earlier = self.earlier.jobs.get(job.rel)
        if earlier is None:
            return None
        if not job.same_inputs(earlier, self._same_memo) or \
                not self._routes_unchanged(previous.routes):
            return False
        if not isinstance(job, PageJob):
            return True
        own = job.own_names()
        return self._shell_unchanged(job.language.code) and self._context_unchanged(
            job.generator.context, previous.names, self._owns.setdefault(own, own))

    def _shell_unchanged(self, code: str) -> bool:
        known = self._shells.get(code)
        if known is None:
            known = self.shell(self.site.language(code))
        return known == self.earlier.shells.get(code)

    def _context_unchanged(self, context: dict, names: tuple[str, ...],
                           own: tuple[str, ...]) -> bool:
        """The names a page read from the generators' shared context (those that are not its
        ``own``) hold what they held in the last build; the same for every page that read the
        same names (the tuples are shared, so they are told apart by identity)."""
        group = (id(names), id(own))
        known = self._name_groups.get(group)
        if known is None:
            known = all(self._context_value_unchanged(context, name) for name in names
                        if name not in own and name not in self.settings and name in context)
            self._name_groups[group] = known
        return known

    def _context_value_unchanged(self, context: dict, name: str) -> bool:
        earlier = self.earlier
        digest = earlier.context_digests.get(name)
        if digest is not None and earlier.context is not None and name in earlier.context \
                and same_data(context[name], earlier.context[name], self._same_memo):
            self._context_digests.setdefault(name, digest)
            return True
        return self.context_digest(name, context[name]) == digest

    # -- groups of jobs (a build process that stays up) -----------------------------------

    def group(self, key: Hashable, inputs: tuple, context: dict,
              register: Callable[[], None]) -> None:
        """Register the jobs ``register()`` adds, as one group made from ``inputs`` (all they
        depend on besides the shell, the shared context and the routes they link). When the
        last build in this process made the group from the same inputs, and nothing else the
        group's files read changed, they are kept as they are without ``register`` running.
        Groups nest: an enclosing group holds the files of the groups inside it."""
        self.context = context
        earlier = self.earlier.groups.get(key) if self.earlier is not None else None
        if earlier is not None and same_data(inputs, earlier.inputs, self._same_memo) and \
                self._keep_members(earlier.members):
            self._adopt(key, Group(inputs, earlier.members, earlier.inner))
        else:
            members: list[Member] = []
            inner: list[Hashable] = []
            self._collecting.append((members, inner))
            try:
                register()
            finally:
                self._collecting.pop()
            self.groups[key] = Group(inputs, tuple(members), tuple(inner))
        if self._collecting:
            outer_members, outer_inner = self._collecting[-1]
            outer_members.extend(self.groups[key].members)
            outer_inner.append(key)

    def _adopt(self, key: Hashable, group: Group) -> None:
        """A kept group, and the groups inside it as the last build left them (the next
        build may need to look at one of them alone)."""
        self.groups[key] = group
        for inner in group.inner:
            self._adopt(inner, self.earlier.groups[inner])

    def _keep_members(self, members: tuple[Member, ...]) -> bool:
        """Keep the files of a group as the last build made them, if what they read besides
        the group's inputs is unchanged; checked once for each combination of linked routes,
        names read, own names and language that the files share."""
        files = self.previous.files
        entries = [files.get(member.rel) for member in members]
        if any(entry is None for entry in entries):
            return False
        combinations = {}
        for member, entry in zip(members, entries, strict=True):
            combinations.setdefault((id(entry.routes), id(entry.names), id(member.own),
                                     member.language), (member, entry))
        for member, entry in combinations.values():
            if not self._routes_unchanged(entry.routes):
                return False
            if member.language is not None and not (
                    self._shell_unchanged(member.language) and
                    self._context_unchanged(self.context, entry.names, member.own)):
                return False
        names = [member.rel for member in members]
        if self.jobs:
            for name in names:
                self.jobs.pop(name, None)
        self.entries.update(zip(names, entries, strict=True))
        self.kept += len(names)
        if self.tell_kept:
            for name in names:
                self._announce(name, False)
        return True

    def _routes_unchanged(self, routes: tuple[str, ...]) -> bool:
        if not routes:
            return True
        unchanged = self._route_sets.get(id(routes))  # shared tuples, alive all build long
        if unchanged is None:
            unchanged = all(self.route_digest(key) == self.previous.route_digests.get(key)
                            for key in routes)
            self._route_sets[id(routes)] = unchanged
        return unchanged

    def _still_valid(self, job: Job, previous: Entry) -> bool:
        if not self._routes_unchanged(previous.routes):
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
        known = self._route_digests.get(key)
        if known is None:
            route = self.site.routes.get(key)
            if route is None:
                known = "absent"
            elif self.earlier is not None and key in self.previous.route_digests and \
                    same_data(route, self.earlier.routes.get(key)):
                known = self.previous.route_digests[key]  # the same route as last build's
            else:
                known = self.digester.digest(route)
            self._route_digests[key] = known
        return known

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
        # A few files in a build process that stays up: their fingerprints are computed after
        # the build (``fill_fingerprints``), before the manifest is saved.
        self._defer_fingerprints = self.earlier is not None and workers == 1
        if workers > 1:
            compile_templates({id(job.generator.env): job.generator.env for job in jobs
                               if isinstance(job, PageJob)}.values())
        run_pulled(self._run, self._runs(jobs, workers), workers, on_result=record)
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
        if self._defer_fingerprints:
            entry = Entry("", names, routes)
            self._unfingerprinted.append((job, names))
        else:
            entry = Entry(job.fingerprint(self, names), names, routes)
        return Result(job.rel, self._write(job.rel, payload), entry)

    def fill_fingerprints(self) -> None:
        """The fingerprints left for after the build (the manifest's entries get them)."""
        for job, names in self._unfingerprinted:
            self.entries[job.rel].fingerprint = job.fingerprint(self, names)
        self._unfingerprinted.clear()

    def _shared(self, keys: list[str]) -> tuple[str, ...]:
        """One tuple for every page that read the same names (most pages of a template do)."""
        group = tuple(keys)
        return self._groups.setdefault(group, group)

    def _write(self, rel: str, payload: bytes) -> bool:
        # Plain os calls and each folder made once: tens of thousands of files per build.
        try:
            with open(os.path.join(self.final, rel), "rb") as existing:
                # Another size means other bytes: a large file is then not read at all.
                changed = os.fstat(existing.fileno()).st_size != len(payload) or \
                    existing.read() != payload
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

    def _runs(self, jobs: list[Job], workers: int) -> list[list[Job]]:
        """``jobs`` in runs of neighbouring pages, which the worker processes take in turn
        as they finish one (``core.parallel.run_pulled``). Every language version of a page
        is in the same run: a process then touches (and so copies) about its share of the
        models rather than all of them.

        The kinds of file with fewest members come first: feeds, sitemaps, exports and
        listings each show a whole collection and cost as much as hundreds of pages, and
        one of them taken last would keep one process busy while the others wait. The runs
        then shrink toward the end, so that the processes finish within a few pages of each
        other."""
        prefixes = tuple(f"{lang.prefix}/" for lang in self.site.languages if lang.prefix) \
            if self.site else ()
        groups: dict[str, list[Job]] = {}
        for job in jobs:
            neutral = next((job.rel[len(p):] for p in prefixes if job.rel.startswith(p)),
                           job.rel)
            groups.setdefault(neutral, []).append(job)
        members = Counter(group[0].kind for group in groups.values())
        runs: list[list[Job]] = [[]]
        left = len(jobs)
        for group in sorted(groups.values(), key=lambda group: members[group[0].kind]):
            runs[-1] += group
            if len(runs[-1]) >= min(SHARE_RUN, max(LAST_RUN, left // (4 * workers))):
                left -= len(runs[-1])
                runs.append([])
        return [run for run in runs if run]

    # -- the result ----------------------------------------------------------------------

    def removed(self) -> list[str]:
        """Files of the last build that this build no longer makes."""
        return sorted(set(self.previous.files) - set(self.entries))

    def manifest(self) -> Manifest:
        keys = {key for entry in self.entries.values() for key in entry.routes}
        return Manifest(str(self.final), dict(self.entries),
                        {key: self.route_digest(key) for key in sorted(keys)})
