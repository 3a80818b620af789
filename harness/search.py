"""A reader's search in Material's dialog, and the labelled queries (tests/search_queries.yml) it is
judged by: the tests assert the top 3, the search benchmark measures latency and accuracy with the same
typing and the same waits.

Material answers a query in one push: it sets the count line and appends the first ten results in the
same task (more follow only as the reader scrolls). So an answer is complete once the input holds the
query and either a result or the theme's own "no results" line is shown; the index may still be loading
before that. Material searches on keyup, so ``fill()`` is followed by ``End``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import yaml

from harness import ROOT

INPUT = "input.md-search__input"
ITEM = ".md-search-result__item"
START = {"zh": "/", "en": "/en/"}        # each language's site root
QUERIES = ROOT / "tests" / "search_queries.yml"

_NONE = "JSON.parse(document.getElementById('__config').textContent).translations['search.result.none']"
ANSWERED = f"""(query) => {{
  const input = document.querySelector('{INPUT}');
  const meta = document.querySelector('.md-search-result__meta');
  return input.value === query && (document.querySelector('{ITEM}') !== null
    || (meta !== null && meta.textContent.trim() === {_NONE}));
}}"""
# The worker has its index and its lunr languages and has said so: Material then replaces "Initializing
# search" with its placeholder (it does on a stock build too, whose queries then fail).
READY = """() => document.querySelector('.md-search-result__meta').textContent.trim()
  === JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder']"""
# The previous answer is gone: no result and no "no results" line (Material shows its placeholder).
CLEARED = f"""() => {{
  const input = document.querySelector('{INPUT}');
  const meta = document.querySelector('.md-search-result__meta');
  return input.value === '' && document.querySelector('{ITEM}') === null
    && !(meta !== null && meta.textContent.trim() === {_NONE});
}}"""


@dataclass
class Answer:
    links: list[str]   # every result link, best first, a page's sections included
    pages: list[str]   # the first link of each result item: one per page (Material groups its sections)


def open_search(page) -> None:
    """The header shows a search field on wide screens and a search button on narrow ones."""
    toggle = page.locator("label.md-header__button[for=__search]")
    if toggle.is_visible():
        toggle.click()
    else:
        page.click(INPUT)


def wait_ready(page, timeout: float = 30000) -> None:
    """Wait until the search worker is ready (the index and language scripts are downloaded)."""
    page.wait_for_function(READY, timeout=timeout)


def clear(page) -> None:
    """Empty the query and wait until its answer is gone, so it is never mistaken for the next one."""
    if page.locator(INPUT).input_value():
        page.fill(INPUT, "")
        page.press(INPUT, "End")
        page.wait_for_function(CLEARED)


def ask(page, query: str, timeout: float = 15000) -> Answer:
    """Type `query` into an open, empty search box and wait for Material's answer (a Playwright
    TimeoutError after `timeout` ms when none comes: search is broken or the index never loaded)."""
    page.fill(INPUT, query)
    page.press(INPUT, "End")
    page.wait_for_function(ANSWERED, arg=query, timeout=timeout)
    return Answer(
        links=page.eval_on_selector_all(f"{ITEM} > a", "els => els.map(e => e.href)"),
        pages=page.eval_on_selector_all(f".md-search-result__list > {ITEM}",
                                        "els => els.map(li => (li.querySelector(':scope > a') || {href: ''}).href)"))


def search(page, query: str, timeout: float = 15000) -> list[str]:
    """Type `query` and return the result links, best first, as a reader does: the dialog opened, the
    worker ready ("Initializing search" replaced by the placeholder; a query typed before that is answered
    "no results" and not asked again), then the query. A page can be reused for the next query."""
    if page.is_checked("#__search"):
        clear(page)
    else:
        open_search(page)
    wait_ready(page)
    return ask(page, query, timeout).links


def top(links: list[str], n: int = 3, base: str = "") -> list[str]:
    """The URL paths of the first `n` results (#section and search.highlight's ?h= dropped), inside the site
    at `base` (a server's ``url("/")``): under /manual/, '/manual/part1/model/' is '/part1/model/'."""
    prefix = urlparse(base).path.rstrip("/")
    paths = [urlparse(link).path for link in links[:n]]
    return [path[len(prefix):] if prefix and path.startswith(prefix + "/") else path for path in paths]


def expected_paths(item: dict, lang: str) -> list[str]:
    """The URL paths that answer a labelled query (`page: p` or `pages: [p, q]`; any one is a hit)."""
    pages = item.get("pages", item.get("page", []))
    pages = [pages] if isinstance(pages, str) else [str(p) for p in pages or []]
    return [START[lang] + p for p in pages]


def labelled_queries(path: Path = QUERIES) -> dict[str, list[dict]]:
    """{lang: [query items that name a query and at least one answer]} from tests/search_queries.yml."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {lang: [q for q in data.get(lang) or [] if isinstance(q, dict) and q.get("query")
                   and expected_paths(q, lang)] for lang in START}
