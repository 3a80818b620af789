"""Every page, in both languages, as a reader's Chromium sees it: nothing from other hosts, no failed
requests, no console errors or CSP violations, and axe-core's WCAG 2.1 A/AA rules — one visit per page. The
phone (375 px) is checked on one page of each template in both languages: the layout is the template's,
not the page's.

The pages are visited as a reader goes through the manual: one tab per pytest-xdist worker, going from page
to page, so the theme's files come from the browser's cache after the first page. A fresh browser context
for each page cost about 0.6 s more per page (a new renderer process, every file fetched and compiled
again) and tested nothing more: what a first visit with an empty cache fetches is measured on every
template (tests/browser/test_search_on_demand.py, benchmarks/), and what every page links is checked
without a browser (tests/site/test_build.py). axe-core is added to the tab as an init script, through the
DevTools protocol, which the page's CSP does not govern.

Each test reports every problem it found on its page. Static properties of every page (lang, description,
hreflang, no foreign resources) are checked without a browser in tests/site/test_build.py."""

from __future__ import annotations

import pytest

from harness.search import search
from tests.conftest import CSP_TO_CONSOLE, ROOT, TEMPLATES, Visit, built_pages

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 375, "height": 812}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

pytestmark = pytest.mark.browser


def pages(site_dir=ROOT / "site"):
    extra = ["/part1/model/parallel.html", "/en/part2/volunteers/parallel.html", "/zh-hant/part1/model/parallel.html"]
    return built_pages(site_dir) + extra if (site_dir / "index.html").is_file() else ["/"]


# Only the violations cross to Python, each with its first three nodes: axe's whole result (every pass, with
# every node's HTML) is megabytes of JSON on a long chapter, and decoding it cost more than the rules.
AXE_RUN = """async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags},
                                                   resultTypes: ['violations']}))
    .violations.map(v => ({id: v.id, nodes: v.nodes.slice(0, 3).map(n => n.target)}))"""


def run_axe(page) -> list[dict]:
    # Evaluated through the DevTools protocol, which the page's CSP does not govern: a <script> added to
    # the page (add_script_tag) is inline and nginx's policy refuses it, as it should.
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;true")
    return page.evaluate(AXE_RUN, AXE_TAGS)


def tab(browser, **options) -> Visit:
    context = browser.new_context(**options)
    context.add_init_script(CSP_TO_CONSOLE)
    context.add_init_script(path=str(AXE))
    v = Visit(context, page=context.new_page())
    context.on("console", lambda m: m.type == "error" and m.page is None and v.console_errors.append(
        f"worker: {m.text}"))
    return v


@pytest.fixture(scope="module")
def reader_tab(chromium_browser):
    v = tab(chromium_browser, viewport={"width": 1280, "height": 900})
    yield v
    v.page.context.close()


@pytest.fixture(scope="module")
def phone_tab(chromium_browser):
    v = tab(chromium_browser, viewport=PHONE, is_mobile=True, has_touch=True)
    yield v
    v.page.context.close()


def handed_back(v: Visit):
    """The shared tab for one test. A page whose requests never finished fails its own test (in
    teardown, if not already in the test) and is left through about:blank, so the next page of the
    worker starts clean instead of failing too."""
    yield v
    left_open = v.leave()
    assert not left_open, f"requests still open when the test ended: {left_open}"


@pytest.fixture
def reader(reader_tab):
    yield from handed_back(reader_tab)


@pytest.fixture
def phone(phone_tab):
    yield from handed_back(phone_tab)


@pytest.mark.parametrize("path", pages())
def test_page_is_private_clean_and_accessible(server, reader, path):
    v = reader.goto(server.url(path))
    v.ready()
    v.settle()
    problems = {
        "requests to other hosts": v.third_party(server.origin),
        "failed requests": v.failed,
        "console errors": v.console_errors,
        "axe violations": run_axe(v.page),
    }
    assert {k: v for k, v in problems.items() if v} == {}


@pytest.mark.parametrize("path", TEMPLATES)
def test_template_fits_a_phone(server, phone, path):
    v = phone.goto(server.url(path))
    v.ready()
    v.settle()
    overflow = v.page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{path} is {overflow}px wider than a 375px phone"
    problems = {"failed requests": v.failed, "console errors": v.console_errors, "axe violations": run_axe(v.page)}
    assert {k: v for k, v in problems.items() if v} == {}


@pytest.mark.parametrize("path", ["/", "/en/"])
def test_axe_with_search_dialog_and_language_selector_open(server, visit, path):
    v = visit(server.url(path))
    assert search(v.page, "儿童" if path == "/" else "children")
    v.settle()
    assert run_axe(v.page) == []
    v.page.keyboard.press("Escape")
    v.page.hover(".md-header__option .md-select")
    v.page.wait_for_selector("a.md-select__link[hreflang]", state="visible")
    # the menu fades in: axe measures contrast against what is painted, so wait for the end of the fade
    v.page.wait_for_function("() => getComputedStyle(document.querySelector('.md-select__inner')).opacity === '1'")
    v.settle()
    assert run_axe(v.page) == []


def test_a_page_left_with_requests_open_fails_alone_and_the_next_page_starts_clean(server, chromium_browser):
    v = tab(chromium_browser)
    try:
        v.page.route("**/assets/logo.svg", lambda route: None)     # never answered: the request stays open
        with v.page.expect_request("**/assets/logo.svg"):
            v.goto(server.url("/"), wait="commit")
        left_open = v.leave()
        assert [u for u in left_open if u.endswith("/assets/logo.svg")], left_open
        v.page.unroute("**/assets/logo.svg")
        v.goto(server.url("/en/"))
        v.ready()
        assert (v.failed, v.console_errors, v.leave()) == ([], [], [])
    finally:
        v.page.context.close()


def test_a_request_still_in_flight_when_the_test_ends_is_late_not_left_open(server, chromium_browser):
    """The browser fetches some things on its own time after the load event (the favicon, seen in flight
    as the every-page test ended under load): the tab waits for them before judging what was left open."""
    v = tab(chromium_browser)
    try:
        v.goto(server.url("/en/"))
        v.ready()
        late = server.url("/assets/logo.svg") + "?late"
        held = []
        v.page.route(lambda url: url == late, lambda route: held.append(route))
        # the page asks, every frame, for the request to be answered; the test answers once it holds it
        v.page.on("console", lambda m: m.text == "answer" and held and held.pop().continue_())
        with v.page.expect_request(late):
            v.page.evaluate("url => { fetch(url); setInterval(() => console.log('answer'), 16); }", late)
        assert v.leave() == []
        assert late in v.requests and v.failed == []
    finally:
        v.page.context.close()
