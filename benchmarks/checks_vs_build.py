"""Benchmark 1: are the editorial checks fast enough to run on every save, and do they catch more than
MkDocs does?

Editors run ``python -m scripts check`` far more often than a build, so it must cost a small fraction of
``mkdocs build --strict`` (goal: at most 0.2 of it). Checks and build run in alternating pairs (check
first, then build first, ...) so that a burst of load from other users of the machine hits both sides;
the figure is the median of the per-pair ratios, with the check's page cache off (the worst case); the
ratio with a warm cache is reported next to it.

The detection matrix runs both tools on every defect fixture of the checks' own tests
(tests/checks/fixtures/<class>/: the clean control plus one mutation, assembled in a scratch folder by
:mod:`harness.fixtures`, as for the tests): which classes of defect does the strict build already fail on, and which
does only the editorial check report (and is it the code the fixture's expected.txt names)?
"""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from benchmarks.common import Context, checks_cmd, failed, log, median, mkdocs_cmd, ratio, run
from benchmarks.sites import register
from harness import fixtures
from harness.server import free_port

TITLE = "Editorial checks vs MkDocs strict build"
GOAL = 0.2
_CODE_RE = re.compile(r"^\S.*?:\d+: ([A-Z]\d{3}) ", re.M)
FIXTURES = "tests/checks/fixtures"
NO_CACHE = {"CHECKS_CACHE": "0"}     # scripts/cache.py: parse every page (cold), write no .cache/


def time_pairs(ctx: Context, pairs: int, warmup: bool) -> dict:
    """`pairs` alternating (check, build) timings on the manual at ctx.root.

    The check is timed cold (``CHECKS_CACHE=0``: every page parsed, as on a fresh checkout or in CI):
    that is the figure held against the goal. Next to it, the same command with its page cache warm
    (scripts/cache.py; what an editor gets on a re-run) is timed too. The last build is kept as the site
    the browser benchmarks measure (built with SITE_URL set to the port it will be served on)."""
    root, site_dir, port = ctx.root, ctx.work / "site-ours", free_port()
    env = {"SITE_URL": f"http://127.0.0.1:{port}/"}
    build = mkdocs_cmd("build", "--strict", "-d", str(site_dir))
    commands = {"check": lambda: run(checks_cmd(), cwd=root, env=NO_CACHE),
                "check_warm": lambda: run(checks_cmd(), cwd=root),
                "build": lambda: run(build, cwd=root, env=env)}
    log("  filling the checks' page cache" + (", warm-up build (untimed)" if warmup else ""))
    run(checks_cmd(), cwd=root)
    if warmup:
        run(build, cwd=root, env=env)
    runs: list[dict] = []
    for i in range(pairs):
        order = ("check", "check_warm", "build") if i % 2 == 0 else ("build", "check", "check_warm")
        pair = {}
        for name in order:
            pair[name] = commands[name]()
            log(f"  pair {i + 1}/{pairs}: {name} {pair[name].seconds:.2f} s (exit {pair[name].returncode})")
        runs.append(pair)
    if pairs:
        register(ctx, "ours", runs[-1]["build"], site_dir, port)
    rows = [{"order": [name for name in pair], **{f"{k}_s": v.seconds for k, v in pair.items()},
             "ratio": ratio(pair["check"].seconds, pair["build"].seconds),
             "cpu_ratio": ratio(pair["check"].cpu_seconds, pair["build"].cpu_seconds),
             "warm_ratio": ratio(pair["check_warm"].seconds, pair["build"].seconds)} for pair in runs]
    return {"pairs": rows,
            "check_median_s": median(r["check_s"] for r in rows),
            "check_warm_median_s": median(r["check_warm_s"] for r in rows),
            "build_median_s": median(r["build_s"] for r in rows),
            "ratio_median": median(r["ratio"] for r in rows),
            "cpu_ratio_median": median(r["cpu_ratio"] for r in rows),
            "warm_ratio_median": median(r["warm_ratio"] for r in rows),
            "check_exit_codes": sorted({p["check"].returncode for p in runs}, key=str),
            "build_exit_codes": sorted({p["build"].returncode for p in runs}, key=str),
            "check_command": runs[0]["check"].command if runs else None,
            "check_warm_command": runs[0]["check_warm"].command if runs else None,
            "build_command": runs[0]["build"].command if runs else None}


def build_verdict(r) -> str:
    if r.returncode == 0:
        return "passes"
    if r.returncode is not None and "in strict mode" in r.output:
        return "fails"
    return "crashes"          # stops with an error of its own (bad YAML, undecodable file, timeout)


def check_verdict(r) -> str:
    return {0: "silent", 1: "reports"}.get(r.returncode, "error")


def _last_line(r) -> str:
    lines = r.output_tail.splitlines()
    return lines[-1][:300] if lines else f"exit {r.returncode}"


def fixture_names(root: Path) -> list[str]:
    """The control first, then every defect class (tests/checks/fixtures/<class>/)."""
    base = root / FIXTURES
    if not (base / fixtures.CONTROL).is_dir():
        return []
    return [fixtures.CONTROL] + fixtures.mutations(base)


def one_fixture(ctx: Context, name: str) -> dict:
    fixture = fixtures.assemble(ctx.work / "fixtures" / name, name, ctx.root / FIXTURES)
    build = run(mkdocs_cmd("build", "--strict", "-d", str(ctx.work / "fixture-sites" / name)), cwd=fixture,
                timeout=300, keep_output=True)
    check = run(checks_cmd("--root", str(fixture)), timeout=300, keep_output=True,
                env={**NO_CACHE, "CHECKS_TODAY": "2026-12-06"})      # the fixtures' reviews (G1xx) on their day
    codes = sorted(set(_CODE_RE.findall(check.output)))
    want = fixtures.expected_codes(name, ctx.root / FIXTURES)
    row = {"class": name, "control": name == fixtures.CONTROL,
           "build": build_verdict(build),
           "build_error": _last_line(build) if build_verdict(build) == "crashes" else "",
           "check": check_verdict(check), "codes": codes,
           "expected_codes": want,
           "expected_codes_reported": all(c in codes for c in want) if want else None,
           "check_error": _last_line(check) if check_verdict(check) == "error" else "",
           "build_command": build.command, "check_command": check.command}
    log(f"  fixture {name}: build {row['build']}, check {row['check']} {' '.join(codes)}")
    return row


def detection_matrix(ctx: Context, quick: bool) -> dict:
    names = fixture_names(ctx.root)
    if quick:
        names = names[:2]            # smallest input: the control and one defect class
    # Two at a time: only the verdicts are figures here, not the times, and the machine has 2 cores.
    with ThreadPoolExecutor(max_workers=2) as pool:
        rows = list(pool.map(lambda name: one_fixture(ctx, name), names))
    defects = [r for r in rows if not r["control"]]
    controls = [r for r in rows if r["control"]]
    example = {k: rows[0][k] for k in ("class", "build_command", "check_command")} if rows else None
    for r in rows:          # the commands differ only in the fixture's name: shown once, for the first
        del r["build_command"], r["check_command"]
    return {"fixtures_dir": FIXTURES,
            "example": example,
            "rows": rows,
            "defect_classes": len(defects),
            "caught_by_build": sum(r["build"] != "passes" for r in defects),
            "build_crashes": sum(r["build"] == "crashes" for r in defects),
            "caught_by_check": sum(r["check"] == "reports" for r in defects),
            "caught_only_by_check": sum(r["check"] == "reports" and r["build"] == "passes" for r in defects),
            "caught_only_by_build": sum(r["build"] != "passes" and r["check"] != "reports" for r in defects),
            "expected_codes_reported": sum(bool(r["expected_codes_reported"]) for r in defects),
            "check_errors": sum(r["check"] == "error" for r in rows),
            "control_present": bool(controls),
            "control_clean": bool(controls) and all(r["build"] == "passes" and r["check"] == "silent"
                                                    for r in controls)}


def measure(ctx: Context) -> dict:
    section = {"title": TITLE, "goal": f"check time / strict build time <= {GOAL}", "status": "ok"}
    pairs = 1 if ctx.quick else 5
    log(f"checks vs build: {pairs} alternating pair(s) on the real manual")
    timing = time_pairs(ctx, pairs, warmup=not ctx.quick)
    section["timing"] = timing
    section["pages"] = sum(1 for lang in ("zh", "en") for _ in (ctx.root / "docs" / lang).rglob("*.md"))
    if any(code not in (0, 1) for code in timing["check_exit_codes"]):
        failed(section, f"the check did not run cleanly (exit {timing['check_exit_codes']})")
    if timing["build_exit_codes"] != [0]:
        section.setdefault("notes", []).append(
            f"`mkdocs build --strict` exited {timing['build_exit_codes']} on the real manual: strict mode "
            "aborts after the whole build, so the time is that of a full build, but the manual does not "
            "pass --strict yet")
    section["met"] = None if timing["ratio_median"] is None else timing["ratio_median"] <= GOAL
    log("checks vs build: detection matrix over tests/checks/fixtures/")
    section["matrix"] = detection_matrix(ctx, ctx.quick)
    if not section["matrix"]["rows"]:
        section.setdefault("notes", []).append("no defect fixtures found in tests/checks/fixtures/ (yet)")
    return section

