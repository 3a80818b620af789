"""BENCHMARKS.md from results.json: a short intro about the machine, then one section per benchmark with
its table, its goal, whether the goal is met, and the exact command behind each figure.

The file is generated; edit this module, not BENCHMARKS.md.
"""

from __future__ import annotations

from pathlib import Path

from benchmarks.common import show_path

ORDER = ("checks", "scale", "weight", "search", "lighthouse", "preview", "first_view", "omissions", "coverage")


def _n(value, digits: int = 2, unit: str = "") -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        text = f"{value:.{digits}f}"
    else:
        text = str(value)
    return f"{text}{unit}"


def _kb(value) -> str:
    return "—" if value is None else f"{value / 1024:.1f}"


def _met(section: dict) -> str:
    if section.get("goal_set") is False:
        return "n/a (no goal)" + (" — **measurement failed**" if section.get("status") == "failed" else "")
    if section.get("status") == "failed" and section.get("met") is None:
        return "**not measured** (failed)"
    return {True: "**yes**", False: "**no**", None: "**undetermined**"}[section.get("met")]


def _code(text) -> str:
    return f"`{text}`" if text else "—"


def _table(header: list[str], rows: list[list]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(str(c).replace("|", "\\|") for c in row) + " |" for row in rows]
    return out


def _head(section: dict, number: int) -> list[str]:
    lines = [f"## {number}. {section.get('title', '')}", ""]
    lines.append(f"Goal: {section.get('goal', '—')}. Met: {_met(section)}. "
                 f"Measured {section.get('measured_at', '?')} by `{section.get('run_command', '?')}` "
                 f"({section.get('mode', '?')} run, {_n(section.get('seconds'), 0)} s; load average after: "
                 f"{section.get('load_average_after')}).")
    lines.append("")
    for err in section.get("errors", []):
        lines.append(f"- **Failed measurement:** {err}")
    for note in section.get("notes", []):
        lines.append(f"- Note: {note}")
    if section.get("errors") or section.get("notes"):
        lines.append("")
    return lines


def _checks(s: dict) -> list[str]:
    t = s.get("timing", {})
    n = len(t.get("pairs", []))
    lines = _table(["measure", "median", "runs"], [
        ["`python -m scripts check`, page cache off (`CHECKS_CACHE=0`)", _n(t.get("check_median_s"), 2, " s"), n],
        ["`python -m scripts check`, page cache warm", _n(t.get("check_warm_median_s"), 2, " s"), n],
        ["`mkdocs build --strict`", _n(t.get("build_median_s"), 2, " s"), n],
        ["**check (cache off) / build** (median of per-pair ratios)", f"**{_n(t.get('ratio_median'), 3)}**", ""],
        ["check (cache off) / build, CPU time (user+system)", _n(t.get("cpu_ratio_median"), 3), ""],
        ["check (cache warm) / build", _n(t.get("warm_ratio_median"), 3), ""],
    ])
    lines += ["", f"Manual measured: {s.get('pages')} Markdown pages (both languages). Exit codes: check "
              f"{t.get('check_exit_codes')}, build {t.get('build_exit_codes')}. Pairs alternate which runs first:", ""]
    lines += _table(["pair", "order", "check s", "check (warm) s", "build s", "ratio", "CPU ratio"], [
        [i + 1, ", ".join(p["order"]), _n(p["check_s"]), _n(p.get("check_warm_s")),
         _n(p["build_s"]), _n(p["ratio"], 3), _n(p["cpu_ratio"], 3)]
        for i, p in enumerate(t.get("pairs", []))])
    lines += ["", "Commands (from the repository root):", "",
              f"- check, cache off: {_code(t.get('check_command'))}",
              f"- check, cache warm: {_code(t.get('check_warm_command'))}",
              f"- build: {_code(t.get('build_command'))}", ""]
    m = s.get("matrix", {})
    lines += ["### Detection matrix: defect fixtures (tests/checks/fixtures/)", ""]
    rows = m.get("rows", [])
    if not rows:
        lines += ["No fixtures found in tests/checks/fixtures/: nothing to compare yet.", ""]
        return lines
    lines += _table(["class", "`mkdocs build --strict`", "`python -m scripts check`", "codes reported",
                     "expected (expected.txt)"], [
        [("*control* " if r["control"] else "") + f"`{r['class']}`",
         r["build"] + (f" ({r['build_error']})" if r.get("build_error") else ""),
         r["check"] + (f" ({r['check_error']})" if r.get("check_error") else ""),
         " ".join(r["codes"]) or "—",
         (" ".join(r.get("expected_codes") or []) or "—")
         + ("" if r.get("expected_codes_reported") in (True, None) else " **missing**")] for r in rows])
    lines += ["", f"Defect classes: {m.get('defect_classes')}; the strict build fails on "
              f"{m.get('caught_by_build')} (of which {m.get('build_crashes')} with a crash rather than a "
              f"message), the check reports {m.get('caught_by_check')} "
              f"({m.get('caught_only_by_check')} only the check catches, {m.get('caught_only_by_build')} only the "
              f"build); the check reports the expected code(s) in {m.get('expected_codes_reported')}. "
              f"Clean control present: {'yes' if m.get('control_present') else 'no'}, clean in both: "
              f"{'yes' if m.get('control_clean') else 'no'}. \"fails\" = strict build aborted on its warnings; "
              "\"crashes\" = the build stopped with an error of its own (last line shown); \"reports\" = "
              "check exit 1; \"error\" = the check could not run (exit 2).", ""]
    first = m.get("example") or {}
    lines += [f"Commands, per fixture (shown for `{first.get('class')}`; each fixture is the control with the "
              "class's files laid over it, assembled in the scratch folder as tests/checks/conftest.py does):", "",
              f"- build: {_code(first.get('build_command'))}", f"- check: {_code(first.get('check_command'))}", ""]
    return lines


def _scale(s: dict) -> list[str]:
    sizes = s.get("sizes", [])
    lines = _table(["size", "pages", "check s (CPU s)", "check ms/page (CPU)", "build s (CPU s)",
                    "build ms/page (CPU)", "page-writing ms/page", "chapter page HTML KB", "runs"], [
        [f"{r['factor']}x", r.get("pages", "—"),
         f"{_n(r.get('check_median_s'))} ({_n(r.get('check_cpu_median_s'))})",
         f"{_n(r.get('check_ms_per_page'), 1)} ({_n(r.get('check_cpu_ms_per_page'), 1)})",
         (f"{_n(r.get('build_median_s'))} ({_n(r.get('build_cpu_median_s'))})" if r.get("build_median_s") is not None
          else (f"> {r['build_lower_bound_s']} (cap)" if r.get("build_lower_bound_s") else "failed")),
         (f"{_n(r.get('build_ms_per_page'), 1)} ({_n(r.get('build_cpu_ms_per_page'), 1)})"
          if r.get("build_median_s") is not None else _bound_per_page(r, sizes)),
         _n(r.get("render_ms_per_page"), 1) + (f" ({r.get('render_pages_written') or 0} pages written before "
                                               "the cap)" if r.get("build_lower_bound_s") else ""),
         _kb(r.get("probe_page_bytes")), r.get("repeats")] for r in sizes])
    g = s.get("growth", {})
    lines += ["", "Marginal cost per added page (CPU time; wall time in brackets):", ""]
    rows = []
    for kind in ("check", "build"):
        cpu = g.get(f"{kind}_cpu", {}).get("marginal_ms_per_page", [])
        wall = g.get(kind, {}).get("marginal_ms_per_page", [])
        for i in range(max(len(cpu), len(wall))):
            c = cpu[i] if i < len(cpu) else None
            w = wall[i] if i < len(wall) else None
            step = c or w
            if w and w["lower_bound"] and not c and wall and w["ms_per_page"] < wall[0]["ms_per_page"]:
                continue    # a cap too short to bound this step (older results)
            rows.append([kind, f"{step['from_pages']} → {step['to_pages']} pages",
                         f"{_n(c['ms_per_page'] if c else None, 1)} ms"
                         + (f" ({'≥ ' if w['lower_bound'] else ''}{_n(w['ms_per_page'], 1)} ms)" if w else "")])
    lines += _table(["", "step", "ms per added page"], rows) if rows else ["(not enough sizes measured)"]
    verdict = {True: "linear", False: "**not linear** (the cost per page rises with size)", None: "undetermined"}
    judged_by_writing = (g.get("build_cpu", {}).get("linear") is None and g.get("build", {}).get("linear") is None
                         and g.get("build_verdict") is not None)
    lines += ["", f"Growth: check {verdict[g.get('check_verdict')]} "
              f"(marginal ratio 10x→50x vs 1x→10x: {_n(g.get('check_cpu', {}).get('marginal_ratio'), 2)}); "
              f"build {verdict[g.get('build_verdict')]} "
              + (f"(judged by the page-writing cost, the largest build having hit its cap)" if judged_by_writing
                 else f"(ratio {_n(_build_ratio(g), 2)})")
              + (f"; page-writing cost per page, {g['render']['to_factor']}x / {g['render']['from_factor']}x: "
                 f"{_n(g['render'].get('ratio'), 2)}." if g.get("render", {}).get("ratio") else "."),
              "Page-writing ms/page: while the build runs, the written pages are counted; the time during "
              "which their number rose, divided by the pages written (no start-up, no post-build work).",
              "The chapter page column is the size of the built part1/model/index.html: every page carries the "
              "whole navigation, so page weight and render time per page grow with the number of pages.", ""]
    lines += ["Commands (each size in its own scratch copy):", ""]
    for r in sizes:
        if r.get("check_command"):
            lines += [f"- {r['factor']}x: generate {_code(r.get('generate_command'))}; check "
                      f"{_code(r.get('check_command'))}; build {_code(r.get('build_command'))}"]
    lines.append("")
    return lines


def _bound_per_page(row: dict, sizes: list[dict]) -> str:
    """A capped build's lower bound per page, shown only when it says more than the smaller sizes did."""
    bound = row.get("build_ms_per_page_lower_bound")
    if bound is None:
        return "—"
    smaller = [r.get("build_ms_per_page") for r in sizes if r.get("build_ms_per_page") and r is not row]
    if smaller and bound <= max(smaller):
        return "— (cap too short to bound it)"
    return f"> {_n(bound, 1)}"


def _build_ratio(g: dict):
    """The build's marginal ratio: CPU time when both steps have it; wall time unless it rests on a cap."""
    if g.get("build_cpu", {}).get("marginal_ratio") is not None:
        return g["build_cpu"]["marginal_ratio"]
    steps = g.get("build", {}).get("marginal_ms_per_page", [])
    if len(steps) >= 2 and not steps[-1]["lower_bound"]:
        return g["build"].get("marginal_ratio")
    return None


def _weight(s: dict) -> list[str]:
    lines = []
    for lang, p in s.get("pages", {}).items():
        o, st = p["ours"], p["stock"]
        lines += [f"### {lang}: `{p['path']}`", ""]
        rows = []
        for t in o["by_type"]:
            a, b = o["by_type"][t], st["by_type"][t]
            if a["requests"] or b["requests"]:
                rows.append([t, a["requests"], _kb(a["bytes"]), _kb(a["gzip_bytes"]), b["requests"], _kb(b["bytes"]),
                             _kb(b["gzip_bytes"])])
        rows.append(["**total**", f"**{o['requests']}**", f"**{_kb(o['bytes'])}**", f"**{_kb(o['gzip_bytes'])}**",
                     f"**{st['requests']}**", f"**{_kb(st['bytes'])}**", f"**{_kb(st['gzip_bytes'])}**"])
        rows.append(["third-party requests", o["third_party_requests"], "", "", st["third_party_requests"], "", ""])
        rows.append(["failed / 4xx responses", o["failed_or_error_responses"], "", "", st["failed_or_error_responses"],
                     "", ""])
        lines += _table(["type", "ours req", "ours KB", "ours KB gzip", "stock req", "stock KB", "stock KB gzip"],
                        rows)
        r = p["ratios"]
        lines += ["", f"Ours / stock: requests **{_n(r['requests'], 2)}**, bytes **{_n(r['bytes'], 2)}**, gzip bytes "
                      f"**{_n(r['gzip_bytes'], 2)}**."]
        if st["third_party_urls"]:
            lines.append("Stock third-party requests: " + ", ".join(f"`{u}`" for u in st["third_party_urls"]) + ".")
        if o["third_party_urls"]:
            lines.append("**Our third-party requests:** " + ", ".join(f"`{u}`" for u in o["third_party_urls"]) + ".")
        fails = [u for u in o["failed_urls"]]
        if fails:
            lines.append("Our failed requests: " + ", ".join(f"`{u}`" for u in fails) + ".")
        lines.append("")
    lines += [f"Method: {s.get('method', '')}. KB = 1024 bytes; gzip = text types (and SVG) gzipped at level 6, "
              "fonts and raster images as served. Stock would also fetch Roboto from Google when online: "
              "not counted.", ""]
    lines += _builds(s)
    return lines


def _builds(s: dict) -> list[str]:
    lines = ["Commands:", ""]
    for kind, b in (s.get("builds") or {}).items():
        lines.append(f"- {kind} site: {_code(b.get('command'))} (exit {b.get('exit')})"
                     + (f" — {b['note']}" if b.get("note") else ""))
    if s.get("stock_changes") or s.get("builds", {}).get("stock"):
        from benchmarks.sites import STOCK_CHANGES
        lines.append("- stock configuration = a copy of mkdocs.yml with: " + "; ".join(s.get("stock_changes")
                                                                                     or STOCK_CHANGES))
    lines.append(f"- browser measurement: `.venv/bin/python -m benchmarks --only {s.get('_name', '')}`")
    lines.append("")
    return lines


def _search(s: dict) -> list[str]:
    idx = s.get("index", {})
    rows = []
    for key, label in (("zh", "ours, zh (`search/search_index.json`)"), ("en", "ours, en (`en/search/search_index.json`)"),
                       ("stock_merged", "stock, merged (`search/search_index.json`)")):
        i = idx.get(key)
        if i:
            entries = ", ".join(f"{n} {lang}" for lang, n in (i.get("entries_by_language") or {}).items()) or "—"
            rows.append([label, entries, _kb(i["bytes"]), _kb(i["gzip_bytes"]), _n(i.get("ratio_to_stock"), 2),
                         _n(i.get("gzip_ratio_to_stock"), 2)])
    lines = _table(["index", "entries", "KB", "KB gzip", "ratio to stock", "gzip ratio to stock"], rows) + [""]
    rows, misses = [], []
    for kind, langs in (s.get("browser") or {}).items():
        for lang, b in langs.items():
            if "error" in b:
                rows.append([kind, lang, "error", b["error"], "", "", "", "", ""])
                continue
            rows.append([kind, lang, b["queries"], b["answered"], _n(b["top3_accuracy"], 3),
                         _n(b["top3_links_accuracy"], 3), _n(b["latency_median_ms"], 1), _n(b["latency_max_ms"], 1),
                         b["results_in_other_language"]])
            if kind == "ours":
                misses += [f"{lang} `{m['query']}`: expected {', '.join(m['expected'])}; top 3: "
                           f"{', '.join(m['top3']) or 'nothing'}" for m in b["misses"]]
    lines += _table(["site", "lang", "queries", "answered", "top-3 (pages)", "top-3 (links)",
                     "latency median ms", "max ms", "queries with other-language results"], rows)
    lines += ["", "Top-3 (pages): an expected page among the first three result items (Material groups a page "
                  "and its sections in one item). Top-3 (links): among the first three result links, sections "
                  "counted separately (what tests/site/test_search_index.py checks). Latency: in-page, from the "
                  "`End` keydown to the first `.md-search-result__item` in the DOM; one warm-up query first.", ""]
    early = [f"{kind} {lang}: {b['results_before_key']}" for kind, langs in (s.get("browser") or {}).items()
             for lang, b in langs.items() if b.get("results_before_key")]
    if early:
        lines += ["Queries whose results appeared before the `End` key (counted as 0 ms): " + ", ".join(early)
                  + ".", ""]
    errors = [f"{kind} {lang} {e}" for kind, langs in (s.get("browser") or {}).items() for lang, b in langs.items()
              for e in b.get("query_errors", [])]
    if errors:
        lines += ["Queries that could not be measured:", ""] + [f"- {e}" for e in errors] + [""]
    if misses:
        lines += ["Our misses:", ""] + [f"- {m}" for m in misses] + [""]
    lines += _builds(s)
    lines.insert(len(lines) - 1, "- labelled queries: `tests/search_queries.yml`")
    return lines


def _lighthouse(s: dict) -> list[str]:
    rows = []
    by_page: dict = {}
    for r in s.get("pages") or []:
        by_page.setdefault((r["template"], r["lang"]), {})[r["server"]] = r
    servers = list(s.get("servers") or {"nginx": ""})

    def table(kinds_shown: list[str]) -> list[str]:
        header, rows = ["template", "lang"], []
        for kind in kinds_shown:
            header += [f"{kind} perf (each run)", f"{kind} a11y", f"{kind} BP", f"{kind} SEO", f"{kind} LCP ms",
                       f"{kind} TBT ms", f"{kind} paint held"]
        for (template, lang), kinds in by_page.items():
            row = [template, lang]
            for kind in kinds_shown:
                r = kinds.get(kind) or {}
                sc, m = r.get("scores") or {}, r.get("metrics") or {}
                each = ", ".join(_n(v) for v in r.get("performance_each") or [])
                row += [f"**{_n(sc.get('performance'))}** ({each})" if sc else "—", _n(sc.get("accessibility")),
                        _n(sc.get("best-practices")), _n(sc.get("seo")),
                        _n(m.get("largest-contentful-paint"), 0), _n(m.get("total-blocking-time"), 0),
                        _held(r.get("paint_held_each"))]
            rows.append(row)
        return _table(header, rows)

    lines = [f"Mobile (Lighthouse's default: simulated slow 4G, 4x CPU slowdown); each figure is the median of "
             f"{s.get('runs_per_page', 1)} runs (the runs' performance scores in brackets). Servers: "
             + "; ".join(f"**{k}**: {v}" for k, v in (s.get("servers") or {}).items()) + ".", ""]
    lines += table([k for k in servers if k != "stock"])
    if any("stock" in kinds for kinds in by_page.values()):
        lines += ["", "Stock Material from the same pages, in the same rounds (no side-by-side view: only our "
                      "build has one):", ""]
        lines += table(["stock"])
    lines += ["", "The 404 template is measured at its own address, `404.html` (status 200): Lighthouse does not score a "
                  "page answered with status 404. One 404 page serves every language."]
    held = [h for r in s.get("pages") or [] for h in r.get("paint_held_each") or [] if h is not None]
    if held:
        lines += ["", f"Paint held: runs whose first paint came more than {s.get('held_ms', 500)} ms after the load "
                      f"event ({sum(held)} of {len(held)} runs): Chromium's compositor offered the idle page a frame "
                      "only once a second (GoogleChrome/lighthouse#17148, open; seen here headless and headful under "
                      "Xvfb), and Lantern counts every request that finished before that paint as blocking it, which "
                      "raises LCP and Speed Index in those runs (benchmarks/lighthouse.py)."]
    loads = [x for r in s.get("pages") or [] for x in r.get("load_each") or []]
    if loads:
        lines += ["", f"Load average (1 min) before each run: {min(loads):.1f} to {max(loads):.1f}, median "
                      f"{sorted(loads)[len(loads) // 2]:.1f} on {s.get('nproc', '?')} cores. "
                      "Performance (LCP, TBT) is simulated from the trace measured on this CPU, so it is "
                      "load-affected; the other categories are not."]
    failing: dict = {}
    for r in s.get("pages") or []:
        for a in r.get("failing") or []:
            failing.setdefault(a, []).append(f"{r['server']} {r['template']} ({r['lang']})")
    if failing:
        lines += ["", "Audits below 1 in at least one run:", ""]
        lines += [f"- `{a}` ({len(v)} pages), e.g. {', '.join(v[:3])}" for a, v in
                  sorted(failing.items(), key=lambda kv: -len(kv[1]))]
    lcp = sorted({f"`{r['lcp_element']}`" for r in s.get("pages") or [] if r.get("lcp_element")})
    if lcp:
        lines += ["", "LCP elements: " + ", ".join(lcp[:10])]
    hints: dict = {}
    for r in s.get("pages") or []:
        for h in r.get("hints") or []:
            hints.setdefault(h, 0)
            hints[h] += 1
    if hints:
        lines += ["", "Unscored performance diagnostics below 0.9 in some run (pages): "
                  + ", ".join(f"`{k}` ({v})" for k, v in sorted(hints.items(), key=lambda kv: -kv[1]))]
    first = next((r["each"][0] for r in s.get("pages") or [] if r.get("each")), None)
    lines += ["", f"Lighthouse: {s.get('lighthouse', '—')} (npm, pinned in benchmarks/package-lock.json; "
                  "`npm ci --prefix benchmarks`).",
              "", f"- plain server's site: {_code((s.get('build') or {}).get('command'))}"]
    if first:
        lines.append(f"- each run (shown for the first): {_code(first['command'])}")
    lines.append("")
    return lines


def _held(each) -> str:
    """'2 of 3' runs whose first paint was held back; '—' when the reports did not say."""
    known = [h for h in each or [] if h is not None]
    return f"{sum(known)} of {len(known)}" if known else "—"


def _preview(s: dict) -> list[str]:
    by_lang = s.get("by_lang") or {}
    rows = [["first build until the page is served", _n(s.get("first_build_served_s"), 2, " s")]]
    for lang, edits in (s.get("edits_by_lang") or {"zh": s.get("edits", [])}).items():
        info = by_lang.get(lang, {})
        rows += [[f"{lang} page ({info.get('page', '—')}): save → served, each edit",
                  ", ".join(_n(t, 2) for t in edits) + " s"],
                 [f"**{lang}: save → served, median**", f"**{_n(info.get('save_to_served_median_s'), 2, ' s')}**"],
                 [f"**{lang}: preview / strict build**", f"**{_n(info.get('ratio_to_build'), 2)}**"]]
    rows += [["`mkdocs build --strict` of the same tree, same run, each", ", ".join(_n(t, 2) for t in s.get("builds", [])) + " s"],
             ["`mkdocs build --strict`, median", _n(s.get("build_median_s"), 2, " s")],
             ["goal", f"<= 0.25 ({'met' if s.get('met') else 'not met' if s.get('met') is False else '—'})"]]
    lines = _table(["measure", "value"], rows)
    lines += ["", f"Method: {s.get('method', '—')}.", "",
              f"- server: {_code(s.get('command'))}", f"- full build: {_code(s.get('build_command'))}", ""]
    return lines


def _last_full(results: dict) -> str:
    full = results.get("last_full_run")
    if not full or full.get("generated") == results.get("generated"):
        return ""
    return (f"; last full run: `{full.get('command')}` on {full.get('generated')}, "
            f"{(full.get('total_seconds') or 0) / 60:.1f} minutes")


def _first_view(s: dict) -> list[str]:
    rows = []
    for name, p in (s.get("pages") or {}).items():
        o, st = p.get("ours") or {}, p.get("stock") or {}
        rows.append([name, f"`{p.get('path')}`", o.get("requests", "—"), _kb(o.get("wire_bytes")),
                     _kb(o.get("raw_bytes")), "yes" if o.get("search_index") else "no",
                     st.get("requests", "—"), _kb(st.get("wire_bytes")), _kb(st.get("raw_bytes")),
                     ", ".join(o.get("errors") or []) or "—"])
    lines = _table(["template", "path (under /manual/)", "ours req", "ours KB transferred", "ours KB raw",
                    "ours search index", "stock req", "stock KB transferred", "stock KB raw", "ours errors"], rows)
    lines += ["", f"Largest first view of ours: **{_n(s.get('max_kb'), 1)} KB** transferred. "
                  "'raw' is the decoded size: what a plain static server without compression sends. "
                  "Stock is the same content with stock Material (benchmarks/sites.py), served by the same nginx "
                  "(compressed on the fly); it has no side-by-side view.", "", f"Method: {s.get('method', '—')}.", ""]
    return lines


def _coverage(s: dict) -> list[str]:
    def cell(t: dict | None) -> str:
        if not t:
            return "—"
        return f"{_kb(t['bytes'])} / {_kb(t['unused_bytes'])}"

    rows, ours_files = [], {}
    for name, p in (s.get("pages") or {}).items():
        t = p.get("totals") or {}
        ours, material = t.get("ours") or {}, t.get("Material") or {}
        rows.append([name, f"`{p.get('path')}`", cell(ours.get("css")), cell(ours.get("js")),
                     cell(ours.get("css (print)")), cell(material.get("css")), cell(material.get("js"))])
        for rel, f in (p.get("files") or {}).items():
            if f.get("origin") == "ours":
                ours_files.setdefault(rel, []).append(f["bytes"] - f["used_bytes"])
    lines = _table(["template", "path", "ours CSS KB / unused", "ours JS KB / unused", "ours print CSS KB / unused",
                    "Material CSS KB / unused", "Material JS KB / unused"], rows)
    lines += ["", "Our files, unused KB on first view (fewest – most over the templates that load them):", ""]
    lines += _table(["file", "templates", "unused KB"],
                    [[f"`{rel}`", len(v), f"{_kb(min(v))} – {_kb(max(v))}"] for rel, v in sorted(ours_files.items())])
    lines += ["", f"Method: {s.get('method', '—')}. Unused JavaScript is code that did not run: mostly handlers "
                  "that answer a click, a key or a later page (instant navigation), which the view needs but "
                  "does not run. Material's figures are the floor: its bundle and stylesheets are the theme's.",
              "", f"- browser measurement: `.venv/bin/python -m benchmarks --only coverage`", ""]
    return lines


def _pct(value) -> str:
    return "—" if value is None else f"{value:.1%}"


def _omissions(s: dict) -> list[str]:
    lines = _table(["class", "cases", "detected", "recall", "goal", "findings", "pointing at the mutation",
                    "precision", "codes that pointed at it"], [
        [f"`{r['class']}`", r["cases"], r["detected"], f"**{_pct(r['recall'])}**",
         "—" if r.get("goal") is None else f">= {r['goal']:.0%}", r["findings"], r["pointing"],
         _pct(r["precision"]), " ".join(f"{k} {v}" for k, v in (r.get("codes") or {}).items()) or "—"]
        for r in s.get("rows", [])])
    lines += ["", f"Control (the clean manual): **{s.get('control_findings')} findings** "
              f"{s.get('control_codes') or ''}. {s.get('cases')} cases over {s.get('pages')} English pages, "
              f"seed {s.get('seed')}, {s.get('per_class')} per class; the checks ran in-process on a scratch copy "
              f"({_n(s.get('seconds_per_case'), 2, ' s')} per case, every family). A case is detected when a "
              "finding names the mutated English page inside the mutated lines (for a deletion: the blocks "
              "either side of the gap) or names the Chinese block concerned as its related location; "
              "precision = findings pointing at the mutation / all findings of the class "
              "(benchmarks/mutations.py).", ""]
    d = s.get("distribution") or {}
    if d:
        p = d.get("ratio_percentiles", {})
        lines += [f"Length model measured on the clean manual ({d.get('pairs')} aligned 1-1 block pairs): English "
                  f"characters per Chinese character mean c = {d.get('c')}, sd {d.get('ratio_sd')}, percentiles "
                  + ", ".join(f"{k} % {v}" for k, v in p.items())
                  + f"; s2 = {d.get('s2')}; Gale–Church delta from {d.get('delta_min')} to {d.get('delta_max')} "
                  f"(1 % {d.get('delta_percentiles', {}).get('1')}, 99 % {d.get('delta_percentiles', {}).get('99')}).",
                  ""]
    t = s.get("timing") or {}
    if t:
        lines += [f"Time: `{t.get('check_command')}` / `{t.get('build_command')}` = **{_n(t.get('ratio_median'), 3)}** "
                  f"(median of {len(t.get('pairs', []))} alternating pairs; goal <= {t.get('goal')}):", ""]
        lines += _table(["pair", "check s", "build s", "ratio", "check CPU s", "build CPU s", "exit codes"], [
            [i + 1, _n(p.get("check_s")), _n(p.get("build_s")), _n(p.get("ratio"), 3), _n(p.get("check_cpu_s")),
             _n(p.get("build_cpu_s")), p.get("exit")] for i, p in enumerate(t.get("pairs", []))]) + [""]
    missed = [(r["class"], m) for r in s.get("rows", []) for m in r.get("missed", [])]
    if missed:
        lines += ["Missed cases (up to 12 per class; the line is the mutated region's first line):", ""]
        lines += [f"- `{cls}` {m}" for cls, m in missed] + [""]
    lines += [f"Command: `{s.get('command')}`", ""]
    return lines


RENDER = {"coverage": _coverage, "checks": _checks, "scale": _scale, "weight": _weight, "search": _search, "lighthouse": _lighthouse,
          "preview": _preview, "first_view": _first_view, "omissions": _omissions}


def render(results: dict, results_path: Path) -> str:
    m = results.get("machine", {})
    pk = m.get("packages", {})
    lines = ["# Benchmarks", "",
             "<!-- Generated by `python -m benchmarks` (benchmarks/report.py): do not edit by hand. -->", "",
             f"Written {results.get('generated')} by `{results.get('command')}` ({results.get('mode')} run"
             + (f", {results['total_seconds'] / 60:.1f} minutes" if results.get("total_seconds") else ", in progress")
             + ")" + _last_full(results) + ". Each section names the command and time of its own measurement.",
             f"Machine: {m.get('nproc')} CPUs ({m.get('cpu') or 'unknown model'}), {m.get('memory_gb')} GB memory, "
             f"load average {m.get('load_average_at_start')} at start and {m.get('load_average_at_end')} at end "
             "(the machine is shared: figures are medians and ratios, CPU time is shown where wall time is noisy). "
             f"Python {m.get('python')}, MkDocs {pk.get('mkdocs')}, Material {pk.get('mkdocs-material')}, "
             f"static-i18n {pk.get('mkdocs-static-i18n')}, {m.get('chromium') or 'Chromium ?'}, Node {m.get('node')}.",
             f"Raw figures: [{show_path(results_path)}]({show_path(results_path)}). "
             "Scratch paths (/tmp/bench-…) in the commands are the run's own copies.", ""]
    sections = results.get("sections", {})
    rows = [[f"{i}. {sections[k].get('title', k)}", sections[k].get("goal", "—"), _met(sections[k])]
            for i, k in enumerate((k for k in ORDER if k in sections), 1)]
    lines += _table(["benchmark", "goal", "met"], rows) + [""]
    for number, key in enumerate((k for k in ORDER if k in sections), 1):
        section = dict(sections[key], _name=key)
        section.setdefault("run_command", results.get("command"))
        lines += _head(section, number)
        try:
            lines += RENDER[key](section)
        except Exception as err:  # noqa: BLE001 - a malformed section must not lose the others
            lines += [f"(could not render this section: {type(err).__name__}: {err})", ""]
    return "\n".join(lines).rstrip() + "\n"
