"""What every benchmark shares: where things are, how a command is timed and shown, and copies of the
repository in a scratch folder. The static server and Debian's Chromium are the tests' own (:mod:`harness`).

Timing: wall time (``time.perf_counter``) around a child process, plus the child's user+system CPU time
from ``os.wait4`` (steadier than wall time on a shared machine). A command never raises: a non-zero exit
or a timeout is recorded in the :class:`Run` and the benchmark reports the measurement as failed.
"""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from harness import ROOT
BENCH = ROOT / "benchmarks"
PY = Path(sys.executable)                       # .venv/bin/python under `make bench`
BIN = PY.parent
MKDOCS = BIN / "mkdocs" if (BIN / "mkdocs").exists() else None
ENV = {"NO_MKDOCS_2_WARNING": "1"}
# Not copied into scratch copies of the repository: history, environments and outputs.
COPY_IGNORE = shutil.ignore_patterns(".git", ".venv", "node_modules", "site", "build", ".cache",
                                     ".pytest_cache", "__pycache__", "benchmarks", "tests", "harness", "screenshots")


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def mkdocs_cmd(*args: str) -> list[str]:
    return [str(MKDOCS), *args] if MKDOCS else [str(PY), "-m", "mkdocs", *args]


def checks_cmd(*args: str) -> list[str]:
    return [str(PY), "-m", "scripts", "check", *args]


def show_path(path: str | Path) -> str:
    """A path as the report shows it: relative to the repository when inside it."""
    p = Path(path)
    try:
        rel = p.relative_to(ROOT)
        return "." if str(rel) == "." else str(rel)
    except ValueError:
        return str(p)


def show_command(cmd: list[str], cwd: Path | None = None, env: dict | None = None) -> str:
    """The shell command a reader can paste (from the repository root) to get the same figure."""
    at_root = cwd is None or Path(cwd).resolve() == ROOT
    words = [show_path(w) if at_root and w.startswith("/") else w for w in cmd]
    text = " ".join(shlex.quote(w) for w in words)
    if env:
        text = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items()) + " " + text
    if not at_root:
        text = f"(cd {shlex.quote(str(cwd))} && {text})"
    return text


@dataclass
class Run:
    command: str
    returncode: int | None          # None: timed out or could not start
    seconds: float
    cpu_seconds: float
    output_tail: str = ""
    output: str = field(default="", repr=False)   # whole output, kept only when asked (not in results)

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    def as_dict(self) -> dict:
        out = asdict(self)
        out.pop("output")
        return out


def run(cmd: list[str], cwd: Path = ROOT, timeout: float = 1800, env: dict | None = None,
        show_env: dict | None = None, tail: int = 12, keep_output: bool = False, on_tick=None,
        tick: float = 0.5) -> Run:
    """Run and time one command (output captured). Never raises. `on_tick(elapsed)` is called about
    every `tick` seconds while it runs (to sample its progress)."""
    full_env = {**os.environ, **ENV, **(env or {})}
    shown = show_command(cmd, cwd, show_env if show_env is not None else {**ENV, **(env or {})})
    start = time.perf_counter()
    try:
        proc = subprocess.Popen(cmd, cwd=cwd, env=full_env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                text=True, errors="replace")
    except OSError as err:
        return Run(shown, None, 0.0, 0.0, f"could not start: {err}")
    chunks: list[str] = []
    reader = threading.Thread(target=lambda: chunks.append(proc.stdout.read()), daemon=True)
    reader.start()
    exited = threading.Event()
    status: dict = {}

    def reap():             # wait4, not Popen.wait: it also gives the child's CPU time
        _, code, usage = os.wait4(proc.pid, 0)
        status.update(code=code, cpu=usage.ru_utime + usage.ru_stime)
        exited.set()

    threading.Thread(target=reap, daemon=True).start()
    deadline = start + timeout
    timed_out = False
    while not exited.wait(min(tick if on_tick else timeout, max(0.0, deadline - time.perf_counter()))):
        now = time.perf_counter()
        if now >= deadline:
            os.kill(proc.pid, signal.SIGKILL)   # not proc.kill(): its poll() would reap the child first
            exited.wait()
            timed_out = True
            break
        if on_tick:
            on_tick(now - start)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status["code"])
    rc: int | None = None if timed_out else proc.returncode
    cpu = status["cpu"]
    reader.join(5)
    output = "".join(chunks)
    lines = [ln for ln in output.splitlines() if ln.strip()]
    if rc is None:
        lines.append(f"timed out after {timeout:.0f} s")
    return Run(shown, rc, round(seconds, 3), round(cpu, 3), "\n".join(lines[-tail:]),
               output if keep_output else "")


def median(values) -> float | None:
    values = [v for v in values if v is not None]
    return round(statistics.median(values), 4) if values else None


def ratio(a, b, digits: int = 3) -> float | None:
    return round(a / b, digits) if a is not None and b else None


def copy_repo(dest: Path, root: Path = ROOT) -> Path:
    """A scratch copy of the repository (sources, config, scripts, overrides; no .git, outputs or venv)."""
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(root, dest, ignore=COPY_IGNORE, symlinks=True)
    return dest


def count_pages(docs: Path) -> int:
    """Markdown pages of both languages."""
    return sum(1 for lang in ("zh", "en") for _ in (docs / lang).rglob("*.md")) if docs.is_dir() else 0


@dataclass
class Context:
    """One benchmark run: the repository measured, a scratch folder, quick or full, shared builds."""
    root: Path
    work: Path
    quick: bool
    builds: dict = field(default_factory=dict)
    deadline: float | None = None           # time.time() by which a full run should be over
    scale_cap: float | None = None          # --scale-cap: fixed cap for each scale build (no budget)

    def time_left(self) -> float | None:
        return None if self.deadline is None else self.deadline - time.time()

    def scratch(self, name: str) -> Path:
        path = self.work / name
        path.mkdir(parents=True, exist_ok=True)
        return path


def failed(section: dict, reason: str) -> dict:
    """Mark a section (or a measurement inside it) as failed, with the reason, and return it."""
    section["status"] = "failed"
    section.setdefault("errors", []).append(reason)
    return section
