"""Benchmark 6: how long an editor waits, after saving a page, to see it in ``make serve``.

Writers and translators work in the live preview; the wait after each save is what they feel. We start
the server exactly as ``make serve`` does (``PREVIEW=1 mkdocs serve --dirty --livereload``: MkDocs
rebuilds only the pages a save touches, scripts/mkdocs_hooks/preview.py) on a free port of 127.0.0.1 in
a scratch copy of the repository and wait for its "Serving on" line (the first build is over). Then, for
a Chinese page and for an English page in turn, several times, we append a unique marker paragraph to
the page and ask the server's own live-reload endpoint (``/livereload/<epoch>/<id>``, the long poll a
browser tab makes) to answer once a newer build is visible; the figure is the time from the save until
the page is served with the marker. Each edit starts once the previous rebuild is visible, so the server
is idle. After each round of edits (one per language), ``mkdocs build --strict`` of the same copy is
timed while the server idles, so edits and builds share the machine's load; each language's median is
reported as a ratio to the builds' median. Goal: at most 0.25 (issue 17).
"""

from __future__ import annotations

import time

from benchmarks.common import ENV, Context, copy_repo, failed, log, median, mkdocs_cmd, ratio, run, show_command
from harness.mkdocs_serve import Serve, fetch, page_epoch, save_to_served  # noqa: F401 - tests import them from here too
from harness.server import free_port

TITLE = "Preview loop: save to served page (make serve)"
PAGES = {"zh": ("docs/zh/part1/model.md", "/part1/model/"), "en": ("docs/en/part2/volunteers.md", "/en/part2/volunteers/")}
PAGE_SRC, PAGE_URL = PAGES["zh"]
PREVIEW_ENV = {"PREVIEW": "1"}           # what `make serve` sets (Makefile)
GOAL = 0.25
EDITS_FULL, EDITS_QUICK = 5, 1


def measure(ctx: Context, build_median_s: float | None = None, build_command: str | None = None) -> dict:
    """`build_median_s` (benchmark 1's) is kept for comparison; the ratio is against builds timed here."""
    section = {"title": TITLE, "status": "ok", "goal_set": True, "goal": f"save → served <= {GOAL} x a strict build "
               "of the same tree in the same run, for a Chinese and an English page (issue 17)"}
    copy = copy_repo(ctx.work / "preview-root", ctx.root)
    for lang, (src, _) in PAGES.items():
        if not (copy / src).is_file():
            return failed(section, f"{src} does not exist")
    port = free_port()
    cmd = mkdocs_cmd("serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}", "--livereload")
    section["command"] = show_command(cmd, copy, {**ENV, **PREVIEW_ENV})
    section["method"] = (f"append a marker paragraph to {PAGES['zh'][0]}, then to {PAGES['en'][0]}, in {copy}; wait "
                         f"for the server's live-reload answer, then fetch the page until it holds the marker; "
                         "after each round, time `mkdocs build --strict` of the same copy")
    log_path = ctx.work / "preview-serve.log"
    edits = EDITS_QUICK if ctx.quick else EDITS_FULL
    times: dict[str, list[float | None]] = {lang: [] for lang in PAGES}
    builds: list[float | None] = []
    start = time.perf_counter()
    server = Serve(cmd, copy, log_path, f"http://127.0.0.1:{port}", PREVIEW_ENV)
    try:
        log(f"preview: {section['command']} on port {port}, waiting for the first build")
        server.serving.wait(600)
        url = f"http://127.0.0.1:{port}{PAGES['zh'][1]}"
        body = fetch(url) if server.proc.poll() is None else None
        epoch = page_epoch(body or "")
        section["first_build_served_s"] = round(time.perf_counter() - start, 3) if epoch is not None else None
        if epoch is None:
            return failed(section, f"mkdocs serve never served the page: {server.tail()}")
        build = mkdocs_cmd("build", "--strict", "-d", str(ctx.work / "preview-build-site"))
        for i in range(edits):           # interleaved: each round's edits and build see the same load
            for lang, (src, path) in PAGES.items():
                marker = f"bench-preview-marker-{lang}-{i}-{time.time_ns()}"
                seconds, epoch = save_to_served(server, copy / src, f"http://127.0.0.1:{port}{path}", epoch, marker, 300)
                times[lang].append(None if seconds is None else round(seconds, 3))
                log(f"  {lang} edit {i + 1}/{edits}: {'timed out' if seconds is None else f'{seconds:.2f} s'}")
            r = run(build, cwd=copy)          # the server is idle: nothing it watches changes
            builds.append(round(r.seconds, 3) if r.ok else None)
            section["build_command"] = r.command
            log(f"  strict build {i + 1}/{edits}: {r.seconds:.2f} s (exit {r.returncode})")
    finally:
        server.stop()
    section["edits"] = times["zh"]                          # the Chinese page, as before
    section["edits_by_lang"] = times
    section["builds"] = builds
    section["build_median_s"] = median(builds)
    section["build_runs"] = len(builds)
    section["checks_build_median_s"] = build_median_s       # benchmark 1's, for comparison
    section["save_to_served_median_s"] = median(times["zh"])
    section["by_lang"] = {}
    for lang in PAGES:
        served = median(times[lang])
        section["by_lang"][lang] = {"page": PAGES[lang][0], "save_to_served_median_s": served,
                                    "ratio_to_build": ratio(served, section["build_median_s"])}
    section["ratio_to_build"] = max((v["ratio_to_build"] for v in section["by_lang"].values()
                                     if v["ratio_to_build"] is not None), default=None)
    lost = sum(t.count(None) for t in times.values())
    if lost or None in builds:
        failed(section, f"{lost} edit(s) never appeared within 300 s, {builds.count(None)} build(s) failed")
    section["met"] = None if section["ratio_to_build"] is None else section["ratio_to_build"] <= GOAL
    return section
