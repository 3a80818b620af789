"""``python -m benchmarks [--quick] [--only NAME,...] [--root DIR] [--out DIR] [--work DIR]``

Full run: every benchmark, results in benchmarks/results.json and BENCHMARKS.md (up to ~20 minutes).
``--quick``: every benchmark once on its smallest input (the smoke test); written by default to
/tmp/benchmarks-quick/ so that it never overwrites the published figures.
``--only``: some benchmarks; their sections replace those of an existing results.json in the output
folder, the others are kept (each section says when and by which command it was measured).
``--render-only``: rewrite BENCHMARKS.md from results.json (after a change to benchmarks/report.py).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from datetime import datetime, timezone
from pathlib import Path

from benchmarks import checks_vs_build, coverage, first_view, lighthouse, mutations, preview, report, scale, search, weight
from benchmarks.common import BENCH, ROOT, Context, log
from harness.chromium import CHROMIUM

# Order: cheap and load-sensitive first; scale (the longest) last, with what is left of the time budget.
BENCHMARKS = {
    "checks": checks_vs_build,
    "omissions": mutations,
    "weight": weight,
    "search": search,
    "lighthouse": lighthouse,
    "preview": preview,
    "scale": scale,
    "first_view": first_view,
    "coverage": coverage,
}
BUDGET_S = 20 * 60


def machine() -> dict:
    info = {"nproc": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()}
    try:
        meminfo = Path("/proc/meminfo").read_text()
        kb = int(next(line.split()[1] for line in meminfo.splitlines() if line.startswith("MemTotal:")))
        info["memory_gb"] = round(kb / 1024 / 1024, 1)
        cpuinfo = Path("/proc/cpuinfo").read_text()
        info["cpu"] = next((line.split(":", 1)[1].strip() for line in cpuinfo.splitlines()
                            if line.startswith("model name")), None)
    except (OSError, StopIteration, ValueError):
        pass
    info["load_average_at_start"] = [round(x, 2) for x in os.getloadavg()]
    try:
        from importlib.metadata import version
        info["packages"] = {name: version(name) for name in ("mkdocs", "mkdocs-material", "mkdocs-static-i18n",
                                                              "playwright")}
    except Exception:  # noqa: BLE001
        pass
    try:
        info["chromium"] = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True,
                                          timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        info["chromium"] = None
    try:
        info["node"] = subprocess.run(["node", "--version"], capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        info["node"] = None
    return info


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="each benchmark once on its smallest input")
    parser.add_argument("--only", default="", help=f"comma-separated subset of: {', '.join(BENCHMARKS)}")
    parser.add_argument("--root", type=Path, default=ROOT, help="repository to measure (default: this one)")
    parser.add_argument("--out", type=Path, default=None,
                        help="folder for results.json and BENCHMARKS.md (default: benchmarks/ and the "
                             "repository root; --quick: /tmp/benchmarks-quick/)")
    parser.add_argument("--work", type=Path, default=None, help="scratch folder (default: a new one in /tmp)")
    parser.add_argument("--scale-cap", type=float, default=None,
                        help="cap in seconds for each scale build (default: what is left of the 20-minute "
                             "budget for the largest size); e.g. 3600 to let the 50x build finish")
    parser.add_argument("--render-only", action="store_true",
                        help="measure nothing: rewrite BENCHMARKS.md from the existing results.json")
    parser.add_argument("--keep-work", action="store_true", help="do not delete the scratch folder")
    return parser.parse_args(argv)


def output_paths(args) -> tuple[Path, Path]:
    if args.out:
        return args.out / "results.json", args.out / "BENCHMARKS.md"
    if args.quick:
        out = Path(tempfile.gettempdir()) / "benchmarks-quick"
        return out / "results.json", out / "BENCHMARKS.md"
    return BENCH / "results.json", ROOT / "BENCHMARKS.md"


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    names = [n.strip() for n in args.only.split(",") if n.strip()] or list(BENCHMARKS)
    unknown = [n for n in names if n not in BENCHMARKS]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)} (known: {', '.join(BENCHMARKS)})", file=sys.stderr)
        return 2
    results_path, markdown_path = output_paths(args)
    if args.render_only:
        results = json.loads(results_path.read_text(encoding="utf-8"))
        markdown_path.write_text(report.render(results, results_path), encoding="utf-8")
        log(f"rewrote {markdown_path} from {results_path}")
        return 0
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-"))
    work.mkdir(parents=True, exist_ok=True)
    ctx = Context(root=args.root.resolve(), work=work.resolve(), quick=args.quick)
    started = time.time()
    ctx.deadline = started + BUDGET_S
    ctx.scale_cap = args.scale_cap
    mode = "quick" if args.quick else "full"
    command = " ".join([".venv/bin/python -m benchmarks"] + (["--quick"] if args.quick else [])
                       + ([f"--only {args.only}"] if args.only else [])
                       + ([f"--scale-cap {args.scale_cap:g}"] if args.scale_cap else []))
    results = {"generated": datetime.now(timezone.utc).isoformat(timespec="seconds"), "mode": mode,
               "command": command, "root": str(ctx.root), "work": str(ctx.work), "machine": machine(),
               "sections": {}}
    if args.only and results_path.is_file():      # keep the sections not measured now
        try:
            previous = json.loads(results_path.read_text(encoding="utf-8"))
            results["sections"] = {k: v for k, v in previous.get("sections", {}).items() if k in BENCHMARKS}
            results["previous_machine"] = previous.get("machine")
            if previous.get("last_full_run"):
                results["last_full_run"] = previous["last_full_run"]
        except (OSError, ValueError):
            pass
    log(f"{mode} run of {', '.join(names)} on {ctx.root} (scratch {ctx.work})")
    for name in names:
        t0 = time.time()
        log(f"== {name}")
        try:
            if name == "preview" and "checks" in results["sections"] and "checks" in names:
                timing = results["sections"]["checks"].get("timing", {})
                section = preview.measure(ctx, timing.get("build_median_s"), timing.get("build_command"))
            else:
                section = BENCHMARKS[name].measure(ctx)
        except Exception as err:  # noqa: BLE001 - one benchmark's failure never stops the others
            section = {"title": getattr(BENCHMARKS[name], "TITLE", name), "status": "failed", "met": None,
                       "errors": [f"{type(err).__name__}: {err}"],
                       "traceback": traceback.format_exc().splitlines()[-6:]}
        section["mode"] = mode
        section["run_command"] = command
        section["measured_at"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
        section["seconds"] = round(time.time() - t0, 1)
        section["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
        results["sections"][name] = section
        log(f"== {name}: {section.get('status')} in {section['seconds']:.0f} s")
        write(results, results_path, markdown_path, started)   # a partial run still leaves its figures
    results["total_seconds"] = round(time.time() - started, 1)
    if not args.only:
        results["last_full_run"] = {k: results[k] for k in ("command", "generated", "mode", "total_seconds")}
    write(results, results_path, markdown_path, started)
    log(f"done in {results['total_seconds']:.0f} s: {results_path}, {markdown_path}")
    if not args.keep_work and args.work is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def _flat(value) -> bool:
    """A scalar, or a list or mapping of scalars and lists of scalars: one line (a table row)."""
    if isinstance(value, dict):
        return all(_flat(v) and not isinstance(v, dict) for v in value.values())
    if isinstance(value, list):
        return all(not isinstance(v, (dict, list)) for v in value)
    return True


def to_json(value, depth: int = 0) -> str:
    """results.json as a reader scans it: one line per row (a query's miss, a fixture, a run), the
    structure around the rows indented."""
    if _flat(value) or not value:
        return json.dumps(value, ensure_ascii=False, default=str)
    pad = " " * (depth + 1)
    if isinstance(value, dict):
        items = [f"{pad}{json.dumps(k, ensure_ascii=False)}: {to_json(v, depth + 1)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + " " * depth + "}"
    return "[\n" + ",\n".join(pad + to_json(v, depth + 1) for v in value) + "\n" + " " * depth + "]"


def write(results: dict, results_path: Path, markdown_path: Path, started: float) -> None:
    results["machine"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    results.setdefault("total_seconds", None)
    results_path.parent.mkdir(parents=True, exist_ok=True)
    results_path.write_text(to_json(results) + "\n", encoding="utf-8")
    markdown_path.parent.mkdir(parents=True, exist_ok=True)
    markdown_path.write_text(report.render(results, results_path), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
