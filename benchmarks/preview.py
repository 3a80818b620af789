"""Benchmark 6: how long an editor waits, after saving a page, to see it in ``make serve``.

Writers and translators work in the live preview; the wait after each save is what they feel, and it
is bounded below by a full rebuild (MkDocs 1.6 rebuilds the whole site on every change, and static-i18n
builds both languages). We start ``mkdocs serve --livereload`` on a free port of 127.0.0.1 in a scratch
copy of the repository, append a unique marker paragraph to docs/zh/part1/model.md, and poll
/part1/model/ every 50 ms until the marker is served. Median of 5 edits (the server is left idle between
edits), reported against the median ``mkdocs build --strict`` time of benchmark 1 (or of one build here
when benchmark 1 did not run).
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

from benchmarks.common import (ENV, Context, copy_repo, failed, free_port, log, median, mkdocs_cmd, ratio, run,
                               show_command)

TITLE = "Preview loop: save to served page (mkdocs serve)"
PAGE_SRC = "docs/zh/part1/model.md"
PAGE_URL = "/part1/model/"
EDITS_FULL, EDITS_QUICK = 5, 1


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError, ValueError):
        return None


def wait_quiet(log_path: Path, quiet: float = 1.5, limit: float = 180) -> None:
    """Wait until the server's log has not grown for `quiet` seconds (its rebuild is over)."""
    end = time.monotonic() + limit
    last, since = -1, time.monotonic()
    while time.monotonic() < end:
        size = log_path.stat().st_size if log_path.exists() else 0
        if size != last:
            last, since = size, time.monotonic()
        elif time.monotonic() - since >= quiet:
            return
        time.sleep(0.1)


def poll_until(url: str, needle: str | None, limit: float) -> float | None:
    """Seconds until `url` serves a body containing `needle` (any body when None), polling every 50 ms."""
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        body = fetch(url)
        if body is not None and (needle is None or needle in body):
            return time.perf_counter() - start
        time.sleep(0.05)
    return None


def stop(proc: subprocess.Popen) -> None:
    """Stop the server we started (its own process group), politely first."""
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
    section["method"] = (f"append a marker paragraph to {PAGE_SRC} in {copy}; poll "
                         f"http://127.0.0.1:{port}{PAGE_URL} every 50 ms until it contains the marker")
    log_path = ctx.work / "preview-serve.log"
    url = f"http://127.0.0.1:{port}{PAGE_URL}"
    edits = EDITS_QUICK if ctx.quick else EDITS_FULL
    times: list[float | None] = []
    with open(log_path, "w") as log_file:
        proc = subprocess.Popen(cmd, cwd=copy, env={**os.environ, **ENV}, stdout=log_file,
                                stderr=subprocess.STDOUT, start_new_session=True)
        try:
            log(f"preview: mkdocs serve on port {port}, waiting for the first build")
            first = poll_until(url, None, 600)
            section["first_build_served_s"] = round(first, 3) if first is not None else None
            if first is None:
                return failed(section, "mkdocs serve never served the page: "
                              + " | ".join(log_path.read_text(errors="replace").splitlines()[-3:]))
            wait_quiet(log_path)
            for i in range(edits):
                marker = f"bench-preview-marker-{i}-{time.time_ns()}"
                text = source.read_text(encoding="utf-8")
                source.write_text(text.rstrip("\n") + f"\n\n{marker}\n", encoding="utf-8")
                seconds = poll_until(url, marker, 300)
                times.append(None if seconds is None else round(seconds, 3))
                log(f"  edit {i + 1}/{edits}: {'timed out' if seconds is None else f'{seconds:.2f} s'}")
                wait_quiet(log_path)
        finally:
            stop(proc)
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
