"""``portal serve``: the built site on loopback, rebuilt when a source changes, and the browser
reloaded. The built pages stay free of scripts (a strict CSP needs that): only the responses of
this preview server get one ``<script src="/__portal/livereload.js">``, which polls
``/__portal/version`` and reloads the page when a rebuild has finished."""

from __future__ import annotations

import contextlib
import functools
import subprocess
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from ..cli import RESIDENT_STATUS

PREFIX = "/__portal/"
RELOAD_SCRIPT = b"""(function () {
  var seen = null;
  function poll() {
    fetch("/__portal/version", {cache: "no-store"}).then(function (r) { return r.text(); })
      .then(function (v) {
        if (seen !== null && v !== seen) { location.reload(); return; }
        seen = v; setTimeout(poll, 1000);
      }).catch(function () { setTimeout(poll, 2000); });
  }
  poll();
})();
"""
TAG = b'<script src="/__portal/livereload.js"></script>'
WATCHED = ("content", "data", "memory_archive", "theme", "plugins")


class State:
    """The version the browser compares against, bumped after every successful rebuild."""

    def __init__(self) -> None:
        self.version = 1
        self.lock = threading.Lock()

    def bump(self) -> None:
        with self.lock:
            self.version += 1


class PreviewHandler(SimpleHTTPRequestHandler):
    state: State

    def log_message(self, format, *args):  # noqa: A002 - signature of the base class
        pass

    def do_GET(self):  # noqa: N802 - name fixed by the base class
        if self.path.startswith(PREFIX + "version"):
            return self._send(str(self.state.version).encode(), "text/plain")
        if self.path.startswith(PREFIX + "livereload.js"):
            return self._send(RELOAD_SCRIPT, "text/javascript")
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().do_GET()  # the redirect to the folder's address
            path = path / "index.html"
        if path.suffix == ".html" and path.is_file():
            html = path.read_bytes()
            html = html.replace(b"</body>", TAG + b"</body>", 1) if b"</body>" in html \
                else html + TAG
            return self._send(html, "text/html; charset=utf-8")
        return super().do_GET()

    def _send(self, data: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(data)


class ResidentBuilder:
    """The build process behind the preview (``portal build --resident``). It stays up between
    builds, so a rebuild after one edit reuses what did not change (``core.resident``). A
    change to the portal's code or to the settings file starts a new one."""

    def __init__(self, settings: str, output: str, feed: str | None) -> None:
        self.command = [sys.executable, "-m", "portal.cli", "-s", settings, "build",
                        "--resident", "-o", output]
        if feed:
            self.command += ["--feed", feed]
        self.process: subprocess.Popen | None = None

    def build(self, fresh: bool = False) -> bool:
        """Build now (in a new builder if ``fresh``, or if there is none), and say whether the
        build succeeded."""
        started = time.monotonic()
        if fresh:
            self.stop()
        if self.process is None or self.process.poll() is not None:
            # A new builder's first build starts at once, and indexes the site for search.
            self.process = subprocess.Popen(self.command, stdin=subprocess.PIPE,
                                            stdout=subprocess.PIPE, text=True)
        else:
            try:
                self.process.stdin.write("build\n")
                self.process.stdin.flush()
            except OSError:
                return self.build(fresh=True)
        succeeded = False
        for line in self.process.stdout:
            if line.startswith(RESIDENT_STATUS):
                succeeded = line.split()[1] == "ok"
                break
        else:
            self.stop()  # the builder ended without a word: the next save starts a new one
        took = time.monotonic() - started
        print(f"portal serve: {'rebuilt' if succeeded else 'build FAILED'} in {took:.1f} s",
              flush=True)
        return succeeded

    def stop(self) -> None:
        if self.process is None:
            return
        process, self.process = self.process, None
        with contextlib.suppress(OSError):
            process.stdin.close()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def needs_fresh_builder(path: str, settings: str) -> bool:
    """Whether a changed file is code the builder has loaded (plugins, the settings file)."""
    resolved = Path(path).resolve()
    return resolved == Path(settings).resolve() or Path("plugins").resolve() in resolved.parents


def watch(builder: ResidentBuilder, settings: str, output: str, state: State,
          stop: threading.Event) -> None:
    from watchfiles import watch as watch_files

    paths = [p for p in (*WATCHED, settings) if Path(p).exists()]
    output_dir = Path(output).resolve()

    def relevant(change, path: str) -> bool:
        resolved = Path(path).resolve()
        return output_dir not in resolved.parents and "__pycache__" not in path \
            and not Path(path).name.startswith(".")

    for changes in watch_files(*paths, watch_filter=relevant, stop_event=stop,
                               debounce=300):
        names = ", ".join(sorted({Path(p).name for _, p in changes})[:3])
        print(f"portal serve: changed {names}; rebuilding…", flush=True)
        fresh = any(needs_fresh_builder(p, settings) for _, p in changes)
        if builder.build(fresh=fresh):
            state.bump()


def serve(settings: str, output: str, bind: str, port: int, feed: str | None,
          initial_build: bool = True) -> int:
    builder = ResidentBuilder(settings, output, feed)
    if initial_build and not builder.build():
        print("portal serve: the first build failed; fix the problems above and save again",
              flush=True)
    Path(output).mkdir(parents=True, exist_ok=True)
    state = State()
    handler = type("Handler", (PreviewHandler,), {"state": state})
    httpd = ThreadingHTTPServer((bind, port),
                                functools.partial(handler, directory=str(Path(output))))
    stop = threading.Event()
    watcher = threading.Thread(target=watch, args=(builder, settings, output, state, stop),
                               daemon=True)
    watcher.start()
    host, real_port = httpd.server_address[:2]
    print(f"portal serve: http://{host}:{real_port}/ (Ctrl+C stops)", flush=True)
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        httpd.server_close()
        builder.stop()
    return 0
