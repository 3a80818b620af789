"""Benchmark 2: does checking and building stay proportional to the size of the manual?

The manual is meant to grow (more chapters, more programmes, more languages). A cost per page that rises
with the number of pages means a check or a build that becomes unbearable long before the manual is big.
We measure ``python -m scripts check`` and ``mkdocs build --strict`` on synthetic manuals 1x, 10x and 50x
the real one (:mod:`benchmarks.synth`: the real pages copied into renamed folders, nav extended, links
kept valid) and report seconds per page at each size and the marginal cost per added page.

Growth is called linear when the marginal cost per page from 10x to 50x is within a factor 1.5 of the
one from 1x to 10x (fixed start-up costs, such as Python imports and jieba's dictionary, make the cost
per page fall with size; that is not the worry, a rising marginal cost is).

While a build runs, the pages it has written are counted every fraction of a second: the time spent
writing pages divided by their number is the *page-writing* cost per page, free of start-up and
post-build work; it also gives a figure for a build stopped by its cap, and a cost per page that rises
with size shows up in it directly (every page carries the whole navigation, so it does).

Checks run with their page cache off (``CHECKS_CACHE=0``), so every size is measured cold.

The verdict uses CPU time (user+system of the command), which other users of the machine disturb far
less than wall time; both are recorded.

The largest size is slow (minutes per build), so the full run times it once, with a cap; a build that
does not finish within the cap is reported as a lower bound, never as a figure.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from benchmarks.common import ROOT, Context, checks_cmd, failed, log, median, mkdocs_cmd, run
from benchmarks.synth import make_synthetic

TITLE = "Scale: synthetic manuals 1x, 10x, 50x"
LINEAR_TOLERANCE = 1.5
# (factor, repeats, cap in seconds for one build)
FULL_SIZES = ((1, 3, 600), (10, 1, 600), (50, 1, 900))
MIN_CAP = 180
QUICK_SIZES = ((1, 1, 600),)
PROBE_PAGE = "part1/model/index.html"      # built size of one chapter page: the nav grows with the manual


def measure(ctx: Context) -> dict:
    section = {"title": TITLE, "goal": "time per page roughly constant (marginal cost per page 10x->50x "
               f"within {LINEAR_TOLERANCE}x of 1x->10x)", "status": "ok", "sizes": []}
    sizes = QUICK_SIZES if ctx.quick else FULL_SIZES
    for factor, repeats, cap in sizes:
        dest = ctx.work / f"scale-x{factor}"
        site_dir = ctx.work / f"scale-x{factor}-site"
        log(f"scale: generating {factor}x")
        row: dict = {"factor": factor, "repeats": repeats, "build_cap_s": cap}
        try:
            summary = make_synthetic(dest, factor, ctx.root)
        except Exception as err:  # noqa: BLE001 - a failed size is reported, the run goes on
            row["error"] = f"could not generate: {type(err).__name__}: {err}"
            section["sizes"].append(row)
            failed(section, f"{factor}x: {row['error']}")
            continue
        row["pages"] = summary["pages"]
        row["generate_command"] = (f".venv/bin/python -m benchmarks.synth {factor} {dest}"
                                   + ("" if ctx.root == ROOT else f" --root {ctx.root}"))
        checks, builds = [], []
        for i in range(repeats):
            order = ("check", "build") if i % 2 == 0 else ("build", "check")
            for name in order:
                if name == "check":
                    r = run(checks_cmd(), cwd=dest, timeout=cap, env={"CHECKS_CACHE": "0"})
                    checks.append(r)
                else:
                    shutil.rmtree(site_dir, ignore_errors=True)
                    left = ctx.time_left()
                    if ctx.scale_cap:
                        cap = ctx.scale_cap
                    elif left is not None and not ctx.quick and left < cap:
                        cap = max(MIN_CAP, int(left))      # keep the whole run within its budget
                    row["build_cap_s"] = cap
                    samples: list[tuple[float, int]] = []
                    r = run(mkdocs_cmd("build", "--strict", "-d", str(site_dir)), cwd=dest, timeout=cap,
                            on_tick=lambda t: samples.append((t, pages_written(site_dir))),
                            tick=0.25 * factor ** 0.5)
                    samples.append((r.seconds, pages_written(site_dir)))
                    r.render = render_rate(samples)
                    builds.append(r)
                log(f"  {factor}x {name} {r.seconds:.1f} s (exit {r.returncode})")
        probe = site_dir / PROBE_PAGE
        row["probe_page_bytes"] = probe.stat().st_size if probe.is_file() else None
        renders = [r.render for r in builds if r.render.get("ms_per_page") is not None]
        row["render_ms_per_page"] = median(x["ms_per_page"] for x in renders)
        row["render_pages_written"] = max((r.render["pages_written"] for r in builds), default=None)
        row["check_command"] = checks[0].command
        row["build_command"] = builds[0].command
        good_checks = [r for r in checks if r.returncode in (0, 1)]
        good_builds = [r for r in builds if r.returncode == 0]
        for kind, good in (("check", good_checks), ("build", good_builds)):
            row[f"{kind}_median_s"] = median(r.seconds for r in good)
            row[f"{kind}_cpu_median_s"] = median(r.cpu_seconds for r in good)
            row[f"{kind}_ms_per_page"] = per_page(row[f"{kind}_median_s"], row["pages"])
            row[f"{kind}_cpu_ms_per_page"] = per_page(row[f"{kind}_cpu_median_s"], row["pages"])
        if not good_checks:
            row["check_error"] = checks[0].output_tail.splitlines()[-1:] or ["no output"]
            failed(section, f"{factor}x: the check failed (exit {checks[0].returncode})")
        if not good_builds:
            timed_out = [r for r in builds if r.returncode is None]
            if timed_out:
                row["build_lower_bound_s"] = cap
                row["build_ms_per_page_lower_bound"] = per_page(cap, row["pages"])
                section.setdefault("notes", []).append(
                    f"{factor}x build did not finish within its {cap} s cap: reported as a lower bound")
            else:
                row["build_error"] = builds[0].output_tail.splitlines()[-2:]
                failed(section, f"{factor}x: the strict build failed (exit {builds[0].returncode})")
        section["sizes"].append(row)
        shutil.rmtree(site_dir, ignore_errors=True)      # a 50x site is several GB
        shutil.rmtree(dest, ignore_errors=True)
    section["growth"] = {f"{kind}{clock}": growth(section["sizes"], kind, clock)
                         for kind in ("check", "build") for clock in ("", "_cpu")}
    section["growth"]["render"] = render_growth(section["sizes"])
    verdicts = []
    for kind in ("check", "build"):
        cpu, wall = section["growth"][f"{kind}_cpu"].get("linear"), section["growth"][kind].get("linear")
        verdict = cpu if cpu is not None else wall
        if verdict is None and kind == "build":      # a capped largest build: judge by its page-writing rate
            verdict = section["growth"]["render"].get("linear")
        section["growth"][f"{kind}_verdict"] = verdict
        verdicts.append(verdict)
    section["met"] = None if None in verdicts else all(verdicts)
    if not ctx.quick:
        section.setdefault("notes", []).append(
            "repeats: " + ", ".join(f"{f}x x{r}" for f, r, _ in FULL_SIZES)
            + " (the larger sizes take minutes per build; the run must stay under ~20 minutes)")
    return section


def pages_written(site_dir: Path) -> int:
    """HTML pages the build has written so far (both languages; 404 and generated views excluded)."""
    try:
        return sum(1 for _ in site_dir.rglob("index.html"))
    except OSError:
        return 0


def render_rate(samples: list[tuple[float, int]]) -> dict:
    """Milliseconds per page while pages were being written: time of the sampling intervals in which the
    count of written pages rose, divided by the pages written. It leaves out start-up (imports, config,
    jieba) and post-build work, and it still gives a figure for a build stopped by its cap."""
    active, first, last = 0.0, None, 0
    for (t0, n0), (t1, n1) in zip(samples, samples[1:]):
        if n1 > n0:
            active += t1 - t0
            first = n0 if first is None else first
            last = n1
    written = last - (first or 0)
    return {"pages_written": samples[-1][1] if samples else 0, "active_s": round(active, 2),
            "ms_per_page": round(active * 1000 / written, 2) if written >= 10 else None,
            "samples": len(samples)}


def points_marginal(out: dict) -> float | None:
    """Seconds per added page of the first measured step (the reference a lower bound is held against)."""
    steps = out["marginal_ms_per_page"]
    return steps[0]["ms_per_page"] / 1000 if steps else None


def render_growth(rows: list[dict]) -> dict:
    """Page-writing ms/page of the largest size against the smallest (linear: within the tolerance)."""
    points = [(r["factor"], r["render_ms_per_page"]) for r in rows if r.get("render_ms_per_page")]
    if len(points) < 2:
        return {"linear": None}
    growth_ratio = points[-1][1] / points[0][1]
    return {"from_factor": points[0][0], "to_factor": points[-1][0], "ratio": round(growth_ratio, 3),
            "linear": growth_ratio <= LINEAR_TOLERANCE}


def per_page(seconds: float | None, pages: int) -> float | None:
    return round(seconds * 1000 / pages, 2) if seconds is not None and pages else None


def growth(rows: list[dict], kind: str, clock: str = "") -> dict:
    """Marginal milliseconds per added page between consecutive sizes, and the linearity verdict.
    `clock` is "" (wall time) or "_cpu" (user+system CPU time of the command, steadier on a shared machine)."""
    points = []
    for row in rows:
        seconds = row.get(f"{kind}{clock}_median_s")
        bound = row.get(f"{kind}_lower_bound_s") if clock == "" else None
        if row.get("pages") and (seconds or bound):
            points.append((row["pages"], seconds or bound, seconds is None))
    out: dict = {"marginal_ms_per_page": [], "linear": None}
    for (p0, t0, _), (p1, t1, lower) in zip(points, points[1:]):
        if lower and (t1 - t0) / (p1 - p0) < (points_marginal(out) or 0):
            continue            # a cap too short to bound anything: it cannot show faster-than-linear growth
        out["marginal_ms_per_page"].append({"from_pages": p0, "to_pages": p1,
                                            "ms_per_page": round((t1 - t0) * 1000 / (p1 - p0), 2),
                                            "lower_bound": lower})
    marginals = out["marginal_ms_per_page"]
    if len(marginals) >= 2 and marginals[0]["ms_per_page"] > 0:
        growth_ratio = marginals[-1]["ms_per_page"] / marginals[0]["ms_per_page"]
        out["marginal_ratio"] = round(growth_ratio, 3)
        if marginals[-1]["lower_bound"]:
            # a lower bound can only prove superlinear growth
            out["linear"] = False if growth_ratio > LINEAR_TOLERANCE else None
        else:
            out["linear"] = 1 / LINEAR_TOLERANCE <= growth_ratio <= LINEAR_TOLERANCE
    return out
