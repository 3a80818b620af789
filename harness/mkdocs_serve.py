"""``mkdocs serve`` as an editor runs it, driven from outside: start it, wait for a rebuild by its own
live-reload endpoint (the long poll a browser tab makes), fetch what it serves. The preview benchmark
(benchmarks/preview.py) times it; tests/hooks/test_preview_serve.py checks what it serves after a save.
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

ENV = {"NO_MKDOCS_2_WARNING": "1"}
_EPOCH_RE = re.compile(r"livereload\((\d+), \d+\)")      # MkDocs injects it into every page it serves


def fetch(url: str, timeout: float = 5) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError, ValueError):
        return None


class Serve:
    """``mkdocs serve`` in its own process group, its output copied to `log_path`."""

    def __init__(self, cmd: list[str], cwd: Path, log_path: Path, origin: str, env: dict | None = None):
        self.origin = origin
        self.serving = threading.Event()
        self.log_path = log_path
        self.proc = subprocess.Popen(cmd, cwd=cwd, env={**os.environ, **ENV, **(env or {})}, stdout=subprocess.PIPE,
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
        """Stop the server we started (its own process group). SIGTERM, which MkDocs does not handle: on
        SIGINT it finishes the rebuild in progress first (a test's last save, or its undoing), which under
        load took the whole 15 s this waited before killing it."""
        proc = self.proc
        if proc.poll() is not None:
            return
        try:
            os.killpg(proc.pid, signal.SIGTERM)
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
