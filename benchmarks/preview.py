"""Benchmark 6: how long an editor waits, after saving a page, to see it in ``make serve``.

Writers and translators work in the live preview; the wait after each save is what they feel, and it
is bounded below by a full rebuild (MkDocs 1.6 rebuilds the whole site on every change, and static-i18n
builds both languages). We start ``mkdocs serve --livereload`` on a free port of 127.0.0.1 in a scratch
copy of the repository and wait for its "Serving on" line (the first build is over). Then, 5 times, we
append a unique marker paragraph to docs/zh/part1/model.md and ask the server's own live-reload endpoint
(``/livereload/<epoch>/<id>``, the long poll a browser tab makes) to answer once a newer build is visible;
the figure is the time from the save until /part1/model/ is served with the marker. Each edit starts
once the previous rebuild is visible, so the server is idle. The median is reported against the median
``mkdocs build --strict`` time of benchmark 1 (or of one build here when benchmark 1 did not run).
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from benchmarks.common import ENV, Context, copy_repo, failed, log, median, mkdocs_cmd, ratio, run, show_command
from harness.server import free_port

TITLE = "Preview loop: save to served page (mkdocs serve)"
PAGE_SRC = "docs/zh/part1/model.md"
PAGE_URL = "/part1/model/"
EDITS_FULL, EDITS_QUICK = 5, 1
_EPOCH_RE = re.compile(r"livereload\((\d+), \d+\)")      # MkDocs injects it into every page it serves


def fetch(url: str, timeout: float = 5) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError, ValueError):
        return None


class Serve:
    """``mkdocs serve`` in its own process group, its output copied to `log_path`."""

    def __init__(self, cmd: list[str], cwd: Path, log_path: Path, origin: str):
        self.origin = origin
        self.serving = threading.Event()
        self.log_path = log_path
        self.proc = subprocess.Popen(cmd, cwd=cwd, env={**os.environ, **ENV}, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, text=True, errors="replace",
                                     start_new_session=True)
        threading.Thread(target=self._copy_log, daemon=True).start()

    def _copy_log(self) -> None:
        with open(self.log_path, "w") as out:
            for line in self.proc.stdout:
                out.write(line)
                out.flush()
                if "Serving on" in line:
                    self.serving.set()
        self.serving.set()          # the server exited: nobody waits for a line that will never come

    def tail(self) -> str:
        return " | ".join(self.log_path.read_text(errors="replace").splitlines()[-3:])

    def newer_build(self, epoch: int, limit: float) -> int | None:
        """Block until the server shows a build newer than `epoch` (its long poll answers at once then,
        or after a minute with the same epoch); None when `limit` seconds pass first."""
        end = time.monotonic() + limit
        while time.monotonic() < end:
            answer = fetch(f"{self.origin}/livereload/{epoch}/1", timeout=max(1.0, end - time.monotonic()) + 5)
            if answer is None:
                return None
            if answer.strip().isdigit() and int(answer) > epoch:
                return int(answer)
        return None

    def stop(self) -> None:
        """Stop the server we started (its own process group), politely first."""
        proc = self.proc
        if proc.poll() is not None:
            return
        try:
            os.killpg(proc.pid, signal.SIGINT)
            proc.wait(15)
        except (subprocess.TimeoutExpired, ProcessLookupError):
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            proc.wait(5)


def page_epoch(html: str) -> int | None:
    """The build a page served by ``mkdocs serve`` comes from (None: not a page MkDocs served)."""
    m = _EPOCH_RE.search(html)
    return int(m[1]) if m else None


def save_to_served(server: Serve, source: Path, url: str, epoch: int, marker: str, limit: float):
    """Append `marker` to `source`; seconds until `url` serves it and the build's epoch (None, epoch on
    timeout). A build that does not hold the marker yet (one started before the save) is waited out."""
    text = source.read_text(encoding="utf-8")
    start = time.perf_counter()
    source.write_text(text.rstrip("\n") + f"\n\n{marker}\n", encoding="utf-8")
    while (left := limit - (time.perf_counter() - start)) > 0:
        newer = server.newer_build(epoch, left)
        if newer is None:
            return None, epoch
        epoch = newer
        body = fetch(url)
        if body is not None and marker in body:
            return time.perf_counter() - start, epoch
    return None, epoch


def measure(ctx: Context, build_median_s: float | None = None, build_command: str | None = None) -> dict:
    section = {"title": TITLE, "status": "ok", "goal_set": False,
               "goal": "none set: reported against one full strict build (MkDocs rebuilds everything on save)"}
    copy = copy_repo(ctx.work / "preview-root", ctx.root)
    source = copy / PAGE_SRC
    if not source.is_file():
        return failed(section, f"{PAGE_SRC} does not exist")
    port = free_port()
    cmd = mkdocs_cmd("serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload")
    section["command"] = show_command(cmd, copy, ENV)
    section["method"] = (f"append a marker paragraph to {PAGE_SRC} in {copy}; wait for the server's "
                         f"live-reload answer, then fetch http://127.0.0.1:{port}{PAGE_URL} until it holds the marker")
    log_path = ctx.work / "preview-serve.log"
    url = f"http://127.0.0.1:{port}{PAGE_URL}"
    edits = EDITS_QUICK if ctx.quick else EDITS_FULL
    times: list[float | None] = []
    start = time.perf_counter()
    server = Serve(cmd, copy, log_path, f"http://127.0.0.1:{port}")
    try:
        log(f"preview: mkdocs serve on port {port}, waiting for the first build")
        server.serving.wait(600)
        body = fetch(url) if server.proc.poll() is None else None
        epoch = page_epoch(body or "")
        section["first_build_served_s"] = round(time.perf_counter() - start, 3) if epoch is not None else None
        if epoch is None:
            return failed(section, f"mkdocs serve never served the page: {server.tail()}")
        for i in range(edits):
            marker = f"bench-preview-marker-{i}-{time.time_ns()}"
            seconds, epoch = save_to_served(server, source, url, epoch, marker, 300)
            times.append(None if seconds is None else round(seconds, 3))
            log(f"  edit {i + 1}/{edits}: {'timed out' if seconds is None else f'{seconds:.2f} s'}")
    finally:
        server.stop()
    section["edits"] = times
    section["save_to_served_median_s"] = median(times)
    if None in times:
        failed(section, f"{times.count(None)} edit(s) never appeared within 300 s")
    if build_median_s is None:
        r = run(mkdocs_cmd("build", "--strict", "-d", str(ctx.work / "preview-build-site")), cwd=ctx.root)
        build_median_s, build_command = r.seconds, r.command
        section["build_runs"] = 1
    section["build_median_s"] = build_median_s
    section["build_command"] = build_command
    section["ratio_to_build"] = ratio(section["save_to_served_median_s"], build_median_s)
    section["met"] = None
    return section
