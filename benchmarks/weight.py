"""Benchmark 3: what a reader's phone downloads to open one chapter, against stock Material.

Readers are often on phones, on slow or metered connections, in mainland China, where requests to
foreign hosts (Google Fonts, CDNs) hang or fail. So we count, for a chapter in each language
(part1/model/ and en/part1/model/), every request Chromium makes with an empty cache, by type, with raw
bytes and the bytes a gzip-serving host would send (text types gzipped at level 6, fonts and raster
images as they are), and the requests to any host other than the local server (attempted: there is no
internet here, so they fail, but a reader's browser would make them, and wait for them).

The same pages are measured in the stock-Material build of the same content (:mod:`benchmarks.sites`).
Stock pages would also download Roboto from Google when online; those bytes cannot be counted here and
are not in its figures, so stock is if anything under-counted.
"""

from __future__ import annotations

import gzip
from urllib.parse import urlparse

from benchmarks.common import Context, failed, log, ratio
from benchmarks.sites import built_site
from harness.chromium import chromium
from harness.search import wait_ready
from harness.server import StaticServer

TITLE = "Reader weight: one chapter page, empty cache"
PAGES = {"zh": "/part1/model/", "en": "/en/part1/model/"}
TYPES = ("html", "css", "js", "font", "image", "json", "other")
TEXT_TYPES = {"html", "css", "js", "json", "other"}
_EXT = {".html": "html", ".htm": "html", ".css": "css", ".js": "js", ".mjs": "js", ".json": "json",
        ".woff": "font", ".woff2": "font", ".ttf": "font", ".otf": "font", ".svg": "image", ".png": "image",
        ".jpg": "image", ".jpeg": "image", ".gif": "image", ".webp": "image", ".ico": "image", ".avif": "image"}
_RESOURCE = {"document": "html", "stylesheet": "css", "script": "js", "font": "font", "image": "image"}


def classify(url: str, resource_type: str, content_type: str | None, ok: bool) -> str:
    ct = (content_type or "").split(";")[0].strip().lower()
    if ok and ct:
        if ct == "text/html":
            return "html"
        if ct == "text/css":
            return "css"
        if "javascript" in ct or ct == "text/ecmascript":
            return "js"
        if ct.endswith("json"):
            return "json"
        if ct.startswith("font/") or "font" in ct:
            return "font"
        if ct.startswith("image/"):
            return "image"
    path = urlparse(url).path.lower()
    for ext, kind in _EXT.items():
        if path.endswith(ext):
            return kind
    return _RESOURCE.get(resource_type, "other")


def gzip_size(body: bytes, kind: str, content_type: str | None) -> int:
    compressible = kind in TEXT_TYPES or "svg" in (content_type or "")
    return len(gzip.compress(body, compresslevel=6, mtime=0)) if compressible else len(body)


def load_page(browser, server: StaticServer, path: str) -> dict:
    """Every request one page load makes (fresh context: empty cache). The page is settled when the
    network is idle, Material's search worker is ready (it fetches the index and, on a stock build, the
    lunr languages after load; ours waits for the reader to open search) and every request seen has its
    whole response or has failed."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    requests = []
    context.on("request", lambda req: requests.append(req))
    page = context.new_page()
    page.goto(server.url(path), wait_until="load")
    page.wait_for_load_state("networkidle")
    if page.locator("script[src$='search-on-demand.js']").count() == 0:
        wait_ready(page)   # stock Material loads its index on every page; ours only when search is opened
    rows = []
    for req in requests:
        row = {"url": req.url, "resource_type": req.resource_type, "failure": None}
        host = urlparse(req.url)
        row["third_party"] = (host.scheme in ("http", "https", "ws", "wss")
                              and (host.hostname, host.port) != (server.host, server.port))
        status, ctype, body = None, None, b""
        response = req.response()                 # waits for it; None when the request failed
        if response is not None:
            row["failure"] = response.finished()  # waits for the body; an error text when it broke off
            status = response.status
            ctype = response.headers.get("content-type")
            try:
                body = response.body() if row["failure"] is None else b""
            except Exception:  # noqa: BLE001 - redirects have no body
                body = b""
        else:
            row["failure"] = req.failure
        row["status"] = status
        ok = status is not None and 200 <= status < 400
        row["type"] = classify(req.url, req.resource_type, ctype, ok)
        row["bytes"] = len(body)
        row["gzip_bytes"] = gzip_size(body, row["type"], ctype) if body else 0
        row["error"] = not ok
        rows.append(row)
    context.close()
    return summarise(rows)


def summarise(rows: list[dict]) -> dict:
    by_type = {t: {"requests": 0, "bytes": 0, "gzip_bytes": 0} for t in TYPES}
    for r in rows:
        slot = by_type[r["type"]]
        slot["requests"] += 1
        slot["bytes"] += r["bytes"]
        slot["gzip_bytes"] += r["gzip_bytes"]
    return {"requests": len(rows),
            "bytes": sum(r["bytes"] for r in rows),
            "gzip_bytes": sum(r["gzip_bytes"] for r in rows),
            "third_party_requests": sum(r["third_party"] for r in rows),
            "third_party_urls": sorted({r["url"] for r in rows if r["third_party"]}),
            "failed_or_error_responses": sum(r["error"] for r in rows),
            "failed_urls": sorted({f"{r['url']} ({r.get('failure') or r['status']})" for r in rows if r["error"]}),
            "by_type": by_type}


def measure(ctx: Context) -> dict:
    section = {"title": TITLE, "goal": "no third-party request; lighter than stock Material",
               "status": "ok", "pages": {}, "method": "Playwright + Debian Chromium, 1280x900, empty cache, "
               "local static server without compression; settled at network idle, search worker ready and every "
               "response complete"}
    sites = {kind: built_site(ctx, kind) for kind in ("ours", "stock")}
    section["builds"] = {k: {"command": v["command"], "exit": v["build"]["returncode"], "note": v["note"]}
                         for k, v in sites.items()}
    section["stock_changes"] = sites["stock"].get("changes")
    for kind, info in sites.items():
        if not info["usable"]:
            return failed(section, f"{kind} site could not be built: {info['note']}")
    try:
        with chromium() as browser:
            for lang, path in PAGES.items():
                result = {}
                for kind, info in sites.items():
                    with StaticServer(info["dir"], info.get("port", 0)) as server:
                        log(f"weight: {kind} {path}")
                        result[kind] = load_page(browser, server, path)
                o, s = result["ours"], result["stock"]
                result["ratios"] = {"requests": ratio(o["requests"], s["requests"]),
                                    "bytes": ratio(o["bytes"], s["bytes"]),
                                    "gzip_bytes": ratio(o["gzip_bytes"], s["gzip_bytes"])}
                section["pages"][lang] = {"path": path, **result}
    except Exception as err:  # noqa: BLE001
        return failed(section, f"browser measurement failed: {type(err).__name__}: {err}")
    ours_third = sum(p["ours"]["third_party_requests"] for p in section["pages"].values())
    lighter = all(p["ratios"]["gzip_bytes"] is not None and p["ratios"]["gzip_bytes"] <= 1
                  for p in section["pages"].values())
    section["met"] = ours_third == 0 and lighter
    return section
