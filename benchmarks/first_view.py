"""Benchmark 7: what a reader's phone downloads for the first view of each page template, served the way
the deploy guide says (Debian's nginx with deploy/nginx.conf under /manual/, precompressed files), against
stock Material served by the same nginx (which compresses it on the fly, gzip level 6).

One fresh Chromium context per page (empty cache), no interaction: the page is loaded and the network left
idle. Transferred bytes are Chromium's own count of what came over the wire (CDP
``Network.loadingFinished.encodedDataLength``: compressed bodies plus headers); "raw" is the decoded size
of the same responses, what a plain static server without compression would send. Templates: home, long
chapter, form, glossary, side-by-side view, translation status and the 404 page, in both languages (one
404 page serves both). Target: every first view <= 120 KB transferred.
"""

from __future__ import annotations

import subprocess
import sys

from benchmarks.common import Context, failed, log
from benchmarks.sites import stock_config
from harness.chromium import chromium
from harness.nginx import SUBPATH, NginxServer, build_for_subpath
from harness.server import free_port

TITLE = "First view per template, served by nginx (deploy/nginx.conf), empty cache"
TARGET_KB = 120
TEMPLATES = {"home": "", "long chapter": "part2/volunteers/", "form": "appendix/forms/enrolment-consent/",
             "glossary": "appendix/glossary/", "side-by-side": "part1/model/parallel.html",
             "translation status": "appendix/translation-status/", "404": "no-such-page/"}
LANGS = {"zh": "/", "en": "/en/"}


def first_view(browser, url: str) -> dict:
    context = browser.new_context(viewport={"width": 412, "height": 823}, is_mobile=True, has_touch=True)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    seen: dict[str, dict] = {}
    cdp.on("Network.responseReceived", lambda e: seen.setdefault(e["requestId"], {}).update(
        url=e["response"]["url"], status=e["response"]["status"]))
    cdp.on("Network.dataReceived", lambda e: seen.setdefault(e["requestId"], {}).__setitem__(
        "raw", seen.get(e["requestId"], {}).get("raw", 0) + e["dataLength"]))
    cdp.on("Network.loadingFinished", lambda e: seen.setdefault(e["requestId"], {}).__setitem__(
        "wire", e["encodedDataLength"]))
    cdp.on("Network.loadingFailed", lambda e: seen.setdefault(e["requestId"], {}).__setitem__("failed", True))
    response = page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    rows = [r for r in seen.values() if "url" in r]
    result = {"status": response.status if response else None, "requests": len(rows),
              "wire_bytes": sum(r.get("wire", 0) for r in rows), "raw_bytes": sum(r.get("raw", 0) for r in rows),
              "search_index": any("search_index" in r["url"] for r in rows),
              "errors": sorted(f"{r['url']} ({r['status']})" for r in rows
                               if r.get("failed") or (r["status"] >= 400 and "no-such-page" not in r["url"]))}
    context.close()
    return result


def ours_for_subpath(ctx: Context, port: int):
    """Our site built for http://127.0.0.1:port/manual/ (shared with the Lighthouse benchmark via ctx)."""
    if "ours-subpath" not in ctx.builds:
        log("building our site for /manual/ (strict, precompressed)")
        ctx.builds["ours-subpath"] = {"dir": build_for_subpath(ctx.work / "site-ours-subpath", port), "port": port}
    return ctx.builds["ours-subpath"]["dir"]


def build_stock_for_subpath(ctx: Context, port: int):
    config = stock_config(ctx.root, ctx.work / "stock-subpath")
    dest = ctx.work / "site-stock-subpath"
    log("first view: building the stock-Material site for /manual/")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(dest)],
                   cwd=config.parent, env={**__import__("os").environ, "NO_MKDOCS_2_WARNING": "1",
                                           "SITE_URL": f"http://127.0.0.1:{port}{SUBPATH}"}, check=True,
                   capture_output=True)
    return dest


def measure(ctx: Context) -> dict:
    section = {"title": TITLE, "goal": f"every template's first view <= {TARGET_KB} KB transferred",
               "status": "ok", "method": "Playwright + Debian Chromium, 412x823 mobile, one fresh context per "
               "page (cache disabled), no interaction, settled at network idle; bytes from CDP "
               "Network.loadingFinished (wire) and Network.dataReceived (raw)", "pages": {}}
    servers = []
    try:
        ports = {"ours": (ctx.builds.get("ours-subpath") or {}).get("port") or free_port(), "stock": free_port()}
        sites = {"ours": ours_for_subpath(ctx, ports["ours"]), "stock": build_stock_for_subpath(ctx, ports["stock"])}
        for kind, site in sites.items():
            servers.append((kind, NginxServer(site, ports[kind], ctx.work / f"nginx-{kind}")))
        with chromium() as browser:
            templates = dict(list(TEMPLATES.items())[:1]) if ctx.quick else TEMPLATES   # --quick: home only
            for name, rel in templates.items():
                for lang, prefix in LANGS.items():
                    row = {}
                    for kind, server in servers:
                        if kind == "stock" and name == "side-by-side":
                            continue   # only our build has the side-by-side view
                        log(f"first view: {kind} {lang} {name}")
                        row[kind] = first_view(browser, server.url(prefix + rel))
                    section["pages"][f"{name} ({lang})"] = {"path": prefix + rel, **row}
    except Exception as err:  # noqa: BLE001
        return failed(section, f"first view measurement failed: {type(err).__name__}: {err}")
    finally:
        for _, server in servers:
            server.close()
    ours = [p["ours"] for p in section["pages"].values()]
    section["max_kb"] = round(max(o["wire_bytes"] for o in ours) / 1024, 1)
    section["met"] = all(o["wire_bytes"] <= TARGET_KB * 1024 and not o["errors"] and not o["search_index"]
                         for o in ours)
    return section
