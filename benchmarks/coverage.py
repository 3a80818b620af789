"""Benchmark 9: how much of the CSS and JavaScript a first view loads does that view use?

Measured in Chromium through its DevTools protocol, on each page template (the first-view benchmark's
TEMPLATES) in both languages, in a fresh context, with no interaction: the page is loaded and the network
left idle, then

- JavaScript: V8's precise block coverage (``Profiler.startPreciseCoverage``, ``detailed``, before the
  page loads; ``Profiler.takePreciseCoverage`` after). The ranges of each script are made disjoint (the
  innermost range's count wins, as Puppeteer's coverage does) and the characters in ranges that ran are
  "used". A function that is only set up to answer a click counts as unused: that is what first-view
  coverage means, not what the page could do without;
- CSS: ``CSS.startRuleUsageTracking`` before the page loads, ``CSS.stopRuleUsageTracking`` after; a rule
  is used when it matched an element. Rules for print, for other templates or for states not reached
  (an open dialog, a hover) are unused here. A stylesheet linked with ``media="print"`` is counted apart
  ("css (print)"): the browser fetches it but does not hold the first paint for it.

Each file is counted in bytes of its UTF-8 text (the offsets are converted), read from the built site.
Files are "ours" when they come from overrides/ (site.css, site.js, search-on-demand.js, Material's
inline scripts as files), "Material" when they come from the theme (its bundle and stylesheets: the
floor we cannot trim). The search worker runs in a worker, after search opens: not measured here.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

from benchmarks.common import Context, failed, log
from benchmarks.first_view import LANGS, TEMPLATES
from benchmarks.sites import built_site
from harness.chromium import chromium
from harness.server import StaticServer

TITLE = "Unused CSS and JavaScript on first view, per template"


def material_assets() -> Path:
    import material

    return Path(material.__file__).parent / "templates"


def origin(rel: str, root: Path) -> str:
    """'ours' for a file from overrides/, 'Material' for one from the theme, 'other' otherwise."""
    if (root / "overrides" / rel).is_file():
        return "ours"
    if (material_assets() / rel).is_file():
        return "Material"
    return "other"


def disjoint_used(functions: list[dict]) -> list[tuple[int, int]]:
    """Character ranges that ran, from V8 block coverage: nested ranges override the ones around them."""
    points = []
    for fn in functions:
        for r in fn["ranges"]:
            points.append((r["startOffset"], 0, r["endOffset"] - r["startOffset"], r["count"]))
            points.append((r["endOffset"], 1, r["endOffset"] - r["startOffset"], r["count"]))
    # at one offset: ends before starts; among starts the outer (longer) range first, among ends the inner
    points.sort(key=lambda p: (p[0], -p[1], -p[2] if p[1] == 0 else p[2]))
    used, stack, last = [], [], 0
    for offset, kind, _, count in points:
        if stack and stack[-1] > 0 and last < offset:
            if used and used[-1][1] == last:
                used[-1] = (used[-1][0], offset)
            else:
                used.append((last, offset))
        last = offset
        if kind == 0:
            stack.append(count)
        else:
            stack.pop()
    return used


def utf8_bytes(text: str, ranges) -> int:
    return sum(len(text[a:b].encode("utf-8")) for a, b in ranges)


def merge(ranges) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(ranges):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def first_view_coverage(browser, url: str, site_dir: Path, site_url: str) -> dict:
    """{files: {site path: {kind, origin, bytes, used_bytes}}} for one page's first view."""
    context = browser.new_context(viewport={"width": 412, "height": 823}, is_mobile=True, has_touch=True)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    sheets: dict[str, str] = {}
    cdp.on("CSS.styleSheetAdded", lambda e: sheets.__setitem__(e["header"]["styleSheetId"],
                                                                e["header"].get("sourceURL", "")))
    for command in ("Profiler.enable", "DOM.enable", "CSS.enable", "CSS.startRuleUsageTracking"):
        cdp.send(command)
    cdp.send("Profiler.startPreciseCoverage", {"callCount": False, "detailed": True})
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    scripts = cdp.send("Profiler.takePreciseCoverage")["result"]
    rules = cdp.send("CSS.stopRuleUsageTracking")["ruleUsage"]
    print_only = set(page.evaluate("""() => [...document.styleSheets]
        .filter(s => s.href && s.media.mediaText === 'print').map(s => s.href)"""))
    context.close()

    def local(file_url: str) -> str | None:
        if not file_url.startswith(site_url):
            return None
        rel = urlparse(file_url).path[len(urlparse(site_url).path):].lstrip("/")
        return rel if (site_dir / rel).is_file() and rel.endswith((".css", ".js")) else None

    files: dict[str, dict] = {}
    for script in scripts:
        rel = local(script["url"])
        if rel is None:
            continue
        text = (site_dir / rel).read_text(encoding="utf-8")
        files[rel] = {"kind": "js", "bytes": len(text.encode("utf-8")),
                      "used_bytes": utf8_bytes(text, disjoint_used(script["functions"]))}
    used_css: dict[str, list] = {}
    for rule in rules:
        rel = local(sheets.get(rule["styleSheetId"], ""))
        if rel is not None and rule["used"]:
            used_css.setdefault(rel, []).append((rule["startOffset"], rule["endOffset"]))
    for rel in {local(u) for u in sheets.values()} - {None}:
        text = (site_dir / rel).read_text(encoding="utf-8")
        printed = any(local(href) == rel for href in print_only)
        files[rel] = {"kind": "css (print)" if printed else "css", "bytes": len(text.encode("utf-8")),
                      "used_bytes": utf8_bytes(text, merge(used_css.get(rel, [])))}
    return {"files": files}


def totals(files: dict, root: Path) -> dict:
    """{origin: {kind: {bytes, used_bytes, unused_bytes}}}."""
    out: dict = {}
    for rel, f in files.items():
        f["origin"] = origin(rel, root)
        t = out.setdefault(f["origin"], {}).setdefault(f["kind"], {"bytes": 0, "used_bytes": 0})
        t["bytes"] += f["bytes"]
        t["used_bytes"] += f["used_bytes"]
    for kinds in out.values():
        for t in kinds.values():
            t["unused_bytes"] = t["bytes"] - t["used_bytes"]
    return out


def measure(ctx: Context) -> dict:
    section = {"title": TITLE, "status": "ok", "pages": {},
               "goal": "a measurement, no pass mark: what of ours a first view loads and does not use (handlers "
                       "that answer the reader, print rules), with Material's bundle as the floor",
               "method": "Playwright + Debian Chromium, 412x823 mobile, fresh context per page, no interaction, "
                         "settled at network idle; JS: CDP Profiler precise block coverage; CSS: CDP "
                         "CSS.startRuleUsageTracking; bytes of UTF-8 text of each file"}
    site = built_site(ctx, "ours")
    section["build"] = {"command": site["command"], "exit": site["build"]["returncode"]}
    if not site["usable"]:
        return failed(section, f"our site not built: {site['note']}")
    try:
        with chromium() as browser, StaticServer(site["dir"], site.get("port", 0)) as server:
            templates = dict(list(TEMPLATES.items())[:1]) if ctx.quick else TEMPLATES
            for name, rel in templates.items():
                for lang, prefix in LANGS.items():
                    log(f"coverage: {lang} {name}")
                    path = "/404.html" if name == "404" else prefix + rel   # what nginx answers a missing page with
                    result = first_view_coverage(browser, server.url(path), site["dir"], server.url("/"))
                    result["totals"] = totals(result["files"], ctx.root)
                    section["pages"][f"{name} ({lang})"] = {"path": path, **result}
    except Exception as err:  # noqa: BLE001
        return failed(section, f"coverage measurement failed: {type(err).__name__}: {err}")
    return section
