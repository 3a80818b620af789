"""Benchmark 4: is search small to download, quick to answer and right, in each language?

Stock static-i18n writes one merged index for both languages (and, with its default
``reconfigure_search: true``, makes the browser load ``lunr.zh``, which needs a jieba no browser has).
We split the index per language (scripts/mkdocs_hooks/search_split.py) and write it as UTF-8, so a reader
downloads only their language. Measured here:

- index bytes per language (raw and gzip) against the stock merged index;
- keypress-to-first-result time in Chromium: the query is typed and its answer awaited as in the tests
  (:mod:`harness.search`: filled, then ``End``, since Material searches on keyup); the page itself records ``performance.now()`` at the keydown and when the first
  ``.md-search-result__item`` is inserted (a MutationObserver), so Playwright's own latency is not counted.
  Median over the labelled queries (the full run uses all of them, >= 10 per language, after one
  untimed warm-up query; the quick run times one query, index download included);
- top-3 accuracy on tests/search_queries.yml: a hit is one of the first three results (Material groups
  results by page: one ``.md-search-result__item`` per page, its sections nested in it) whose link path
  (without #fragment) is an expected page in the reader's language. Also recorded: the stricter count
  over the first three result *links* (``.md-search-result__item > a``, sections included), which is
  what tests/site/test_search_index.py asserts (with Material's worker in Node, which
  tests/browser/test_reader.py shows answers as the dialog does).

The same is attempted on the stock build; a search that returns nothing there is reported as broken.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from urllib.parse import urlparse

import yaml
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from benchmarks.common import Context, failed, log, median, ratio
from benchmarks.sites import built_site
from harness import search as reader
from harness.chromium import chromium
from harness.server import StaticServer

TITLE = "Search: index size, latency, top-3 accuracy"
INDEX = {"zh": "search/search_index.json", "en": "en/search/search_index.json"}

# The page's own clock: armed after the previous answer is cleared, t0 at the End keydown, t1 at the first
# mutation after which a result item exists.
_OBSERVER_JS = """() => {
  if (window.__bench) return;
  window.__bench = {armed: false, t0: null, t1: null};
  document.addEventListener('keydown', e => {
    const b = window.__bench;
    if (b.armed && b.t0 === null && e.key === 'End') b.t0 = performance.now();
  }, true);
  new MutationObserver(() => {
    const b = window.__bench;
    if (b.armed && b.t1 === null && document.querySelector('.md-search-result__item')) b.t1 = performance.now();
  }).observe(document.body, {childList: true, subtree: true});
}"""


def index_sizes(site_dir: Path, rel: str, lang: str = "zh") -> dict | None:
    """Bytes (raw, gzip) of one index, and how many of its entries each language's pages give: a stock
    build that stopped half-way writes an index of one language, which is no measure of the merged one.
    Locations are relative to the index's language root (`lang`): en/… and zh-hant/… are the others."""
    path = site_dir / rel
    if not path.is_file():
        return None
    data = path.read_bytes()
    try:
        docs = json.loads(data).get("docs", [])
    except ValueError:
        docs = []
    by_language: dict[str, int] = {}
    for doc in docs:
        first = str(doc.get("location", "")).split("/")[0]
        of = first if first in ("en", "zh-hant") else lang
        by_language[of] = by_language.get(of, 0) + 1
    return {"bytes": len(data), "gzip_bytes": len(gzip.compress(data, 6, mtime=0)), "entries": len(docs),
            "entries_by_language": by_language}


def run_query(page, query: str, timeout_ms: int) -> dict:
    """Type one query as the tests do (:func:`harness.search.ask`); return the latency (ms, in-page) and
    the result links, or none when Material gave no answer within `timeout_ms` (broken search).
    Results that show up before the key (Material reacting to the fill) count as 0 ms and are flagged."""
    out = {"query": query, "latency_ms": None, "pages": [], "links": [], "before_key": False}
    reader.clear(page)
    page.evaluate("() => Object.assign(window.__bench, {armed: true, t0: null, t1: null})")
    try:
        answer = reader.ask(page, query, timeout_ms)
    except PlaywrightTimeout:
        answer = None
    t0, t1 = page.evaluate("() => { const b = window.__bench; b.armed = false; return [b.t0, b.t1]; }")
    if answer is None:
        return out
    if t0 is not None and t1 is not None:        # t1 is None when the answer is "no results"
        out["latency_ms"] = round(max(0.0, t1 - t0), 1)
        out["before_key"] = t1 < t0
    out.update(pages=answer.pages, links=answer.links)
    return out


def run_language(browser, server: StaticServer, lang: str, queries: list[dict], fail_fast: bool,
                 warm_up: bool = True) -> dict:
    """The labelled queries of one language on one page: accuracy and latency, the misses named."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(server.url(reader.START[lang]), wait_until="load")
    page.evaluate(_OBSERVER_JS)
    reader.open_search(page)
    timeout = 5000 if fail_fast else 10000
    misses_in_a_row = 0
    if warm_up:                                                  # index download and lunr start-up
        warm = run_query(page, queries[0]["query"], 8000 if fail_fast else 15000)
        misses_in_a_row = 0 if warm["pages"] else 1
    else:
        timeout = 15000 if not fail_fast else 8000               # the first query waits for the index
    rows = []
    for item in queries:
        try:
            r = run_query(page, item["query"], timeout)
        except Exception as err:  # noqa: BLE001 - one query's trouble is recorded, the others still run
            r = {"query": item["query"], "latency_ms": None, "pages": [], "links": [], "before_key": False,
                 "error": f"{type(err).__name__}: {err}"[:300]}
        expected = reader.expected_paths(item, lang)
        r.update(expected=expected, top3=reader.top(r["pages"]),
                 hit=bool(set(expected) & set(reader.top(r["pages"]))),
                 hit_links=bool(set(expected) & set(reader.top(r["links"]))),
                 other_language=[h for h in r["pages"] if urlparse(h).path.startswith("/en/") != (lang == "en")])
        rows.append(r)
        misses_in_a_row = 0 if r["pages"] else misses_in_a_row + 1
        if fail_fast and misses_in_a_row >= 3:
            break
    context.close()
    answered = [r for r in rows if r["pages"]]
    return {"queries": len(rows), "answered": len(answered),
            "top3_accuracy": ratio(sum(r["hit"] for r in rows), len(rows)),
            "top3_links_accuracy": ratio(sum(r["hit_links"] for r in rows), len(rows)),
            "latency_median_ms": median(r["latency_ms"] for r in rows),
            "latency_max_ms": max((r["latency_ms"] for r in answered), default=None),
            "results_in_other_language": sum(bool(r["other_language"]) for r in rows),
            "results_before_key": sum(r["before_key"] for r in rows),
            "query_errors": [f"{r['query']}: {r['error']}" for r in rows if r.get("error")],
            "misses": [{"query": r["query"], "expected": r["expected"], "top3": r["top3"]}
                       for r in rows if not r["hit"]]}


def measure(ctx: Context) -> dict:
    section = {"title": TITLE, "status": "ok",
               "goal": "each language's index smaller than the stock merged index; every labelled query's "
                       "page in the top 3, in the reader's language",
               "method": "Playwright + Debian Chromium, 1280x900; fill(query), press End; latency measured "
                         "in the page from keydown to the first result element"}
    sites = {kind: built_site(ctx, kind) for kind in ("ours", "stock")}
    section["builds"] = {k: {"command": v["command"], "exit": v["build"]["returncode"], "note": v["note"]}
                         for k, v in sites.items()}
    stock_index = index_sizes(sites["stock"]["dir"], INDEX["zh"]) if sites["stock"]["usable"] else None
    section["index"] = {"stock_merged": stock_index}
    for lang in ("zh", "en"):
        ours = index_sizes(sites["ours"]["dir"], INDEX[lang], lang) if sites["ours"]["usable"] else None
        section["index"][lang] = ours
        if ours and stock_index:
            ours["ratio_to_stock"] = ratio(ours["bytes"], stock_index["bytes"])
            ours["gzip_ratio_to_stock"] = ratio(ours["gzip_bytes"], stock_index["gzip_bytes"])
    try:
        queries = reader.labelled_queries(ctx.root / "tests" / "search_queries.yml")
    except (OSError, yaml.YAMLError) as err:
        return failed(section, f"tests/search_queries.yml unreadable: {err}")
    if ctx.quick:
        queries = {lang: q[:1] for lang, q in queries.items()}
    section["browser"] = {}
    try:
        with chromium() as browser:
            for kind, info in sites.items():
                if not info["usable"]:
                    failed(section, f"{kind} site not built: {info['note']}")
                    continue
                with StaticServer(info["dir"], info.get("port", 0)) as server:
                    for lang in ("zh", "en"):
                        if not queries[lang]:
                            continue
                        log(f"search: {kind} {lang}, {len(queries[lang])} queries")
                        try:
                            section["browser"].setdefault(kind, {})[lang] = run_language(
                                browser, server, lang, queries[lang], fail_fast=(kind == "stock"),
                                warm_up=not ctx.quick)
                        except Exception as err:  # noqa: BLE001
                            section["browser"].setdefault(kind, {})[lang] = {"error": f"{type(err).__name__}: {err}"}
                            failed(section, f"{kind} {lang}: {type(err).__name__}: {err}")
    except Exception as err:  # noqa: BLE001
        return failed(section, f"browser measurement failed: {type(err).__name__}: {err}")
    ours = section["browser"].get("ours", {})
    stock_languages = (stock_index or {}).get("entries_by_language", {})
    if stock_index and not all(stock_languages.get(lang) for lang in ("zh", "en")):
        failed(section, f"the stock index holds {stock_languages}, not both languages: its build stopped early")
    smaller = all(section["index"].get(lang) and section["index"][lang].get("ratio_to_stock", 2) < 1
                  for lang in ("zh", "en"))
    accurate = bool(ours) and all(ours.get(lang, {}).get("top3_accuracy") == 1
                                  and not ours.get(lang, {}).get("results_in_other_language")
                                  for lang in ("zh", "en") if queries[lang])
    section["met"] = smaller and accurate
    return section
