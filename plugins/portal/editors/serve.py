"""``portal serve``: the built site on loopback, rebuilt when a source changes, and the browser
reloaded. The built pages stay free of scripts (a strict CSP needs that): only the responses of
this preview server get one ``<script src="/__portal/livereload.js">``, which polls
``/__portal/version`` and reloads the page when a rebuild has finished."""

from __future__ import annotations

import functools
import subprocess
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

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


def build(settings: str, output: str, feed: str | None, search: bool = True) -> bool:
    """Rebuild in a fresh process (so changed plugin code and data are read again). Only the
    pages whose inputs changed are rendered. Rebuilds after a change skip search indexing,
    which takes far longer than the pages; `make html` brings the index up to date."""
    command = [sys.executable, "-m", "portal.cli", "-s", settings, "build", "--quiet",
               "-o", output]
    if not search:
        command.append("--no-search-index")
    if feed:
        command += ["--feed", feed]
    started = time.monotonic()
    result = subprocess.run(command, check=False)
    took = time.monotonic() - started
    print(f"portal serve: {'rebuilt' if result.returncode == 0 else 'build FAILED'} "
          f"in {took:.1f} s", flush=True)
    return result.returncode == 0


def watch(settings: str, output: str, feed: str | None, state: State,
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
        if build(settings, output, feed, search=False):
            state.bump()


def serve(settings: str, output: str, bind: str, port: int, feed: str | None,
          initial_build: bool = True) -> int:
    if initial_build and not build(settings, output, feed):
        print("portal serve: the first build failed; fix the problems above and save again",
              flush=True)
    Path(output).mkdir(parents=True, exist_ok=True)
    state = State()
    handler = type("Handler", (PreviewHandler,), {"state": state})
    httpd = ThreadingHTTPServer((bind, port),
                                functools.partial(handler, directory=str(Path(output))))
    stop = threading.Event()
    watcher = threading.Thread(target=watch, args=(settings, output, feed, state, stop),
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
    return 0
