"""Search data on demand (overrides/assets/javascripts/search-on-demand.js): no page asks for the search
index or Material's search worker before the reader opens search; opening it (button or field, focus, the
`/` shortcut) loads them, with a visible loading state, and a query typed while the index is still on its
way is answered once it arrives. Over http, under a subpath, and from the offline copy (file://)."""

from __future__ import annotations

import zipfile

import pytest

from harness.search import ANSWERED, INPUT, ask, open_search, search, wait_ready
from tests.conftest import TEMPLATES

pytestmark = pytest.mark.browser
WORKER = "/workers/search."   # Material's own worker (ours is workers/on-demand.js)


def index_requests(v) -> list[str]:
    return [u for u in v.requests if "search_index" in u or WORKER in u]


@pytest.mark.parametrize("path", TEMPLATES)
def test_no_page_loads_the_search_index_or_worker_before_search_is_opened(server, visit, path):
    v = visit(server.url(path), wait="networkidle")
    assert index_requests(v) == [], path
    assert v.page.evaluate("document.documentElement.dataset.search") is None
    assert v.failed == [] and v.console_errors == []


@pytest.mark.parametrize("how", ["click", "slash"])
def test_opening_search_loads_the_index_of_the_readers_language_and_answers(server, visit, how):
    v = visit(server.url("/en/part2/volunteers/"))
    v.ready()
    if how == "click":
        open_search(v.page)
    else:
        v.page.keyboard.press("/")
    wait_ready(v.page)
    assert [u for u in v.requests if "search_index" in u] == [server.url("/en/search/search_index.json")]
    assert any(WORKER in u for u in v.requests)
    assert v.page.evaluate("document.documentElement.dataset.search") == "ready"
    links = ask(v.page, "volunteer").links
    assert links and all("/en/" in link for link in links)


def test_a_query_typed_while_the_index_is_arriving_is_answered_when_it_arrives(server, visit):
    v = visit(server.url("/part2/volunteers/"))
    v.ready()
    held = []
    v.page.route("**/search/search_index.json", lambda route: held.append(route))
    with v.page.expect_request("**/search/search_index.json"):
        open_search(v.page)
    v.page.wait_for_function("() => document.documentElement.dataset.search === 'loading'")
    assert v.page.locator("html[data-search=loading] .md-search-result__meta").is_visible()
    v.page.fill(INPUT, "志愿者")
    v.page.press(INPUT, "End")
    assert len(held) == 1
    held[0].continue_()
    v.page.wait_for_function(ANSWERED, arg="志愿者")
    assert v.page.locator(".md-search-result__item").count() > 0


def test_a_page_opened_from_a_search_result_loads_the_index_to_highlight(server, visit):
    v = visit(server.url("/part2/volunteers/?h=志愿者"))
    v.ready()
    v.page.wait_for_selector("article mark")
    assert [u for u in v.requests if "search_index" in u]


def test_offline_copy_loads_its_index_only_when_search_opens(site, tmp_path, visit):
    (archive,) = (site / "downloads").glob("*offline*.zip")
    zipfile.ZipFile(archive).extractall(tmp_path)
    (folder,) = [p for p in tmp_path.iterdir() if p.is_dir()]
    v = visit((folder / "part2" / "volunteers.html").as_uri())
    v.page.wait_for_function("() => document.readyState === 'complete'")
    assert index_requests(v) == []
    hrefs = search(v.page, "志愿者")
    assert hrefs and all(h.startswith("file://") and "/en/" not in h for h in hrefs)
    assert v.console_errors == []
