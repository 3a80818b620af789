"""The site with Material's instant navigation (navigation.instant) switched on, as a future config might.

The shipped config leaves it off; this builds one copy of the project with it on and walks a reader through
it: a page reached by instant navigation gets its copy-link buttons and focusable tables (site.js runs on
document$), copy-link uses the theme's clipboard, the language links point at the new page, and switching
language is a full load into a page whose search answers in that language."""

from __future__ import annotations

import os
import subprocess
import sys
from urllib.parse import urlparse

import pytest

from harness.search import search
from tests.conftest import SET_UP, StaticServer
from tests.site.test_build import copy_project

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def instant(tmp_path_factory):
    """A server for a build with navigation.instant on. The sitemap, which instant navigation consults,
    lists absolute URLs, so the build is given the server's own address as its site_url."""
    tmp = tmp_path_factory.mktemp("instant")
    project = copy_project(tmp)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  features:\n" in text
    config.write_text(text.replace("  features:\n", "  features:\n    - navigation.instant\n", 1), encoding="utf-8")
    out = tmp / "site"
    out.mkdir()
    server = StaticServer(out)
    # not --strict: static-i18n warns that its language links and instant navigation do not mix (site.js
    # repairs that), and that warning is the point of this build
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out)], cwd=project,
                            capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": server.url("/")})
    assert result.returncode == 0, result.stderr[-3000:]
    yield server
    server.close()


@pytest.fixture(autouse=True)
def theme_sitemap_lookups(browser):
    """The theme's sitemap.xml lookups answer 404 (see only_theme_alternate_lookups), and Chromium logs each
    as a console error without its address; every test here asserts its failed requests are only those."""
    browser.allow_console_error("the server responded with a status of 404")


def go_next_instantly(page) -> None:
    """Follow the footer's "next" link and wait for the new page without a reload (a marker survives)."""
    page.evaluate("() => { window.stillTheSameDocument = true; }")
    title = page.locator("article h1").inner_text()
    page.click("a.md-footer__link--next")
    page.wait_for_function("(old) => document.querySelector('article h1')?.innerText !== old", arg=title)
    # The theme swaps the article in first and emits document$ after; site.js then points the language links
    # at the new page and, last, gives every heading its copy-link button: wait for that, the page set up
    # (read as soon as the h1 changed, the language link still named the old page once in three runs).
    page.wait_for_function(SET_UP)
    assert page.evaluate("window.stillTheSameDocument === true"), "the next page was a full load"


def test_a_page_reached_instantly_is_set_up_like_a_loaded_one(instant, visit):
    v = visit(instant.url("/part2/volunteers/"), permissions=["clipboard-read", "clipboard-write"])
    page = v.page
    go_next_instantly(page)
    headings = page.locator("article h2[id], article h3[id]")
    assert headings.count() > 0
    assert page.locator("article h2[id] .copy-link, article h3[id] .copy-link").count() == headings.count()
    assert page.locator(".md-typeset table:not([tabindex])").count() == 0
    heading = page.locator("article h2[id]").first
    heading.locator(".copy-link").click()
    copied = page.evaluate("JSON.parse(document.getElementById('__config').textContent)"
                           ".translations['clipboard.copied']")
    page.wait_for_selector(f".md-dialog--active:has-text('{copied}')")  # the theme's toast, in Chinese
    assert page.evaluate("navigator.clipboard.readText()") == \
        page.url.split("#")[0] + "#" + heading.get_attribute("id")
    assert only_theme_alternate_lookups(v.failed), v.failed


def only_theme_alternate_lookups(failed: list[str]) -> bool:
    """Material's language integration fetches sitemap.xml next to each <link hreflang> of a page it
    injects (site.js hides the first page's links from it, but runs only after the theme has seen the
    next page's); those 404s are the theme's and harmless. Nothing else may fail."""
    for failure in failed:
        url, _, status = failure.partition(" ")
        path = urlparse(url).path
        if status != "(404)" or not path.endswith("/sitemap.xml") or path in ("/sitemap.xml", "/en/sitemap.xml"):
            return False
    return True


def test_language_switch_after_instant_navigation_is_a_full_load_of_the_new_pages_translation(instant, visit):
    v = visit(instant.url("/part2/volunteers/"))
    page = v.page
    go_next_instantly(page)
    here = page.url.split("#")[0]
    english = page.locator("a.md-select__link[hreflang=en]")
    assert english.get_attribute("href").split("#")[0] == here.replace(instant.url("/"), instant.url("/en/"))
    page.hover(".md-header__option .md-select")
    english.click()
    page.wait_for_function("() => document.documentElement.lang === 'en'")
    assert page.url.split("#")[0] == here.replace(instant.url("/"), instant.url("/en/"))
    results = search(page, "volunteer")
    assert results and all(r.startswith(instant.url("/en/")) for r in results), results
    assert only_theme_alternate_lookups(v.failed), v.failed


def test_english_pages_navigate_instantly_and_search_in_english(instant, visit):
    v = visit(instant.url("/en/part2/volunteers/"))
    go_next_instantly(v.page)
    assert v.page.url.startswith(instant.url("/en/part2/"))
    results = search(v.page, "volunteer")
    assert results and all(r.startswith(instant.url("/en/")) for r in results), results
    assert only_theme_alternate_lookups(v.failed), v.failed
