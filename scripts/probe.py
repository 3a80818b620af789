"""The prober behind ``check --online`` (L107): does an external URL answer?

A HEAD request (a GET when the server refuses HEAD), a small timeout, eight at a time; answers are kept in
``.cache/links.json`` for ``online_cache_days``, so a second run asks only about new or expired URLs. A
server that answers 401, 403 or 429 is alive, just not for robots. Never run in CI: other sites'
outages must not fail our build.
"""
from __future__ import annotations

import json
import os
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

CACHE = Path(".cache") / "links.json"


def probe(url: str, timeout: float) -> str:
    """'' when the URL answers, else a short reason."""
    headers = {"User-Agent": "Mozilla/5.0 (manual link check)"}
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=timeout):
                return ""
        except urllib.error.HTTPError as err:
            if method == "HEAD" and err.code in (400, 403, 405, 501):
                continue                       # some servers refuse HEAD: try GET once
            if err.code in (401, 403, 429):
                return ""                      # alive, just not for robots
            return f"HTTP {err.code}"
        except (urllib.error.URLError, TimeoutError, OSError, ValueError) as err:
            reason = getattr(err, "reason", err)
            return f"no answer ({reason})"
    return ""


def probe_all(urls, root: Path, timeout: float, max_age_days: float) -> dict[str, str]:
    """For each URL, '' when it answers, else why not; from the cache in ``root`` where fresh enough."""
    cache_path = Path(root) / CACHE
    try:
        cache = json.loads(cache_path.read_text(encoding="utf-8"))
        if not isinstance(cache, dict):
            cache = {}
    except (OSError, ValueError):
        cache = {}
    now = time.time()
    max_age = max_age_days * 86400
    todo = [u for u in urls if not (isinstance(cache.get(u), dict) and now - cache[u].get("at", 0) < max_age)]
    if todo:
        with ThreadPoolExecutor(max_workers=8) as pool:
            for url, result in zip(todo, pool.map(lambda u: probe(u, timeout), todo)):
                cache[url] = {"at": now, "error": result}
        try:
            os.makedirs(cache_path.parent, exist_ok=True)
            cache_path.write_text(json.dumps(cache, indent=1, sort_keys=True), encoding="utf-8")
        except OSError:
            pass
    return {url: (cache.get(url, {}).get("error") or "") for url in urls}
