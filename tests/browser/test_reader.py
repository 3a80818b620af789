"""Reader journeys in a real Chromium: switching language keeps the page and the section, search finds
Chinese words and stays in the reader's language, the site works from the offline zip over file://
(under the subpath /manual/ it is served by nginx in every browser test: tests/conftest.py ``server``),
and the phone drawer opens. Screenshots go to screenshots/ (ignored by git)."""

from __future__ import annotations

import zipfile
from pathlib import Path
from urllib.parse import urlparse

import pytest

from harness import ROOT
from harness.search import START, search
from harness.search_worker import dialog_links, scored
from tests.conftest import built_for

pytestmark = pytest.mark.browser
SHOTS = ROOT / "screenshots"
SECTION = "/part1/model/#components"


def switch_language(page, hreflang: str):
    page.click(".md-header__option .md-select button") if page.viewport_size["width"] < 960 else \
        page.hover(".md-header__option .md-select")
    with page.expect_navigation():
        page.click(f"a.md-select__link[hreflang={hreflang}]")


def test_language_switch_keeps_page_and_section_both_ways(server, visit):
    v = visit(server.url(SECTION))
    switch_language(v.page, "en")
    assert v.page.url == server.url("/en" + SECTION)
    switch_language(v.page, "zh")
    assert v.page.url == server.url(SECTION)


def test_language_switch_keeps_section_reached_by_scrolling(server, visit):
    v = visit(server.url("/part1/model/"))
    v.page.evaluate("document.getElementById('outcomes').scrollIntoView()")
    # navigation.tracking sets the hash from the second viewport change on (Material skips the first) and
    # debounces by 250 ms: nudge the page up and down by 2 px on each poll until the hash is there.
    v.page.wait_for_function("""() => {
        if (location.hash.length > 1) return true;
        window.__nudge = -(window.__nudge || 1);
        window.scrollBy(0, 2 * window.__nudge);
        return false;
    }""", polling=300)
    section = v.page.evaluate("location.hash")
    switch_language(v.page, "en")
    assert v.page.url == server.url("/en/part1/model/" + section)


# How search ranks is asserted over every labelled query and every glossary term, in both languages, by
# Material's own worker in Node on the built index (tests/site/test_search_index.py: hundreds of queries a
# second). Here a sample of every kind of query is typed into the dialog in Chromium, which must show the
# same links in the same order as that worker's answer laid out as Material lays it out
# (harness.search_worker.dialog_links), and none in the other language. When written, all 234 labelled
# queries and glossary terms agreed.
SAMPLE = {"zh": ["监护人", "志愿者 培训", "GSES", "个保法", "未保法", "低保", "儿童安全保护", "困境儿童"],
          "en": ["guardian", "volunteer training", "SDQ", "dibao", "PIPL", "children in difficulties",
                 '"children in difficulties"', "individual service plan", "volunteer"]}


def site_path(link: str, base: str) -> str:
    """'http://host/manual/en/part2/?h=x#sec' -> '/en/part2/#sec' (search.highlight's ?h= dropped)."""
    url, prefix = urlparse(link), urlparse(base).path.rstrip("/")
    return url.path[len(prefix):] + (f"#{url.fragment}" if url.fragment else "")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_dialog_shows_what_the_search_worker_ranks_and_stays_in_language(server, visit, lang):
    v = visit(server.url(START[lang]))
    index = server.site / ("en/" if lang == "en" else "") / "search" / "search_index.json"
    expected = [[START[lang] + location for location in dialog_links(items)]
                for items in scored(index, SAMPLE[lang])]
    for query, worker in zip(SAMPLE[lang], expected):   # one page for all: search() clears the last answer
        shown = [site_path(link, server.url("/")) for link in search(v.page, query)]
        assert shown, query
        others = [link for link in shown if (link.startswith("/en/") if lang == "en"
                                             else not link.startswith(("/en/", "/zh-hant/"))) is False]
        assert others == [], f"{query}: results in another language"
        assert shown == worker[:len(shown)], query       # the dialog shows the first ten items, then more on scroll


def test_offline_zip_pages_and_search_work_from_file_url(site, tmp_path, visit):
    zips = list((site / "downloads").glob("*offline*.zip"))
    assert len(zips) == 1
    zipfile.ZipFile(zips[0]).extractall(tmp_path)
    (folder,) = [p for p in tmp_path.iterdir() if p.is_dir()]
    # a quoted phrase with a stop word: the shim's worker drops "+in" too (workers/on-demand.js)
    for start, query, lang_marker in (("index.html", "监护人", None), ("en/index.html", "guardian", "/en/"),
                                      ("en/index.html", '"children in difficulties"', "/en/")):
        v = visit((folder / start).as_uri())
        assert v.console_errors == []
        assert v.third_party("file://") == []
        # a copied section link must open on another phone: the published page, not this file
        button = v.page.locator("article h2[id] .copy-link").first
        section = button.locator("xpath=..").get_attribute("id")
        canonical = v.page.locator('link[rel="canonical"]').get_attribute("href")
        assert canonical.startswith(built_for(site)) and canonical.startswith("http"), canonical
        assert button.get_attribute("data-clipboard-text") == f"{canonical}#{section}"
        hrefs = search(v.page, query)
        assert hrefs, f"offline search for {query} found nothing"
        assert all(h.startswith("file://") for h in hrefs)
        assert all(("/en/" in h) == bool(lang_marker) for h in hrefs)


def test_phone_navigation_drawer_and_search(server, visit):
    v = visit(server.url("/part2/volunteers/"), viewport={"width": 375, "height": 812}, is_mobile=True,
              has_touch=True)
    v.page.click("label.md-header__button[for=__drawer]")
    v.page.wait_for_selector("nav.md-nav--primary", state="visible")
    assert v.page.locator(".md-sidebar--primary").is_visible()
    v.page.mouse.click(360, 500)  # the overlay to the right of the drawer closes it
    v.page.wait_for_function("() => !document.getElementById('__drawer').checked")
    v.page.wait_for_function("() => document.querySelector('.md-sidebar--primary').getBoundingClientRect().right <= 0")
    hrefs = search(v.page, "家访")
    assert hrefs


TIP = "#__glossary_tip"
TIP_SHOWN = "() => document.querySelector('#__glossary_tip.md-tooltip2--active') !== null"
TIP_GONE = "() => document.querySelector('#__glossary_tip.md-tooltip2--active') === null"


@pytest.mark.parametrize("path", ["/part2/volunteers/", "/en/part2/volunteers/"])
def test_a_glossary_term_shows_its_definition_on_tap(server, visit, path):
    """A finger on a glossary term (<abbr title>) shows its definition in the theme's tooltip, beside the
    term and inside the screen; a tap elsewhere or turning the phone takes it away, the address bar
    coming and going (the height alone) does not. Nothing is made for it before a term is touched
    (site.js 6; Material's content.tooltips is off)."""
    v = visit(server.url(path), viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True)
    v.ready()
    page = v.page
    assert page.locator(".md-tooltip2").count() == 0, "a tooltip was made before anyone touched a term"
    term = page.locator("article abbr").first  # not [title]: the term loses it while shown
    definition = term.get_attribute("title")
    term.scroll_into_view_if_needed()
    term.tap()
    page.wait_for_function(TIP_SHOWN)
    v.settle()
    tip = page.locator(f"{TIP} .md-tooltip2__inner")
    assert tip.inner_text() == definition
    assert term.get_attribute("aria-describedby") == "__glossary_tip"
    assert term.get_attribute("title") is None, "the browser's own tooltip would repeat the definition"
    assert page.locator(TIP).evaluate("e => getComputedStyle(e).opacity") == "1"
    box, host = tip.bounding_box(), term.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375, box
    assert box["y"] >= host["y"] + host["height"] or box["y"] + box["height"] <= host["y"], "it covers the term"
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"glossary-tip-{'en' if '/en/' in path else 'zh'}-phone.png"))
    page.set_viewport_size({"width": 375, "height": 700})  # the address bar shown again: it stays
    page.wait_for_function("() => innerHeight < 812")
    page.evaluate("() => new Promise(requestAnimationFrame)")  # resize events run before rAF
    assert page.evaluate(TIP_SHOWN), "a change of height alone closed the definition"
    page.locator("article h1").tap()
    page.wait_for_function(TIP_GONE)
    assert term.get_attribute("title") == definition and term.get_attribute("aria-describedby") is None
    term.tap()
    page.wait_for_function(TIP_SHOWN)
    page.set_viewport_size({"width": 700, "height": 375})  # turned sideways: the term moved
    page.wait_for_function(TIP_GONE)


def test_a_glossary_term_shows_its_definition_under_the_mouse(server, visit):
    """With a mouse the definition shows while the pointer rests on the term, and goes when it leaves or on
    Escape; one tooltip element serves every term of the page."""
    v = visit(server.url("/part2/volunteers/"))
    v.ready()
    page = v.page
    first, second = page.locator("article abbr").nth(0), page.locator("article abbr").nth(1)
    definitions = first.get_attribute("title"), second.get_attribute("title")
    first.hover()
    page.wait_for_function(TIP_SHOWN)
    assert page.locator(f"{TIP} .md-tooltip2__inner").inner_text() == definitions[0]
    page.locator("article h1").hover()
    page.wait_for_function(TIP_GONE)
    second.hover()
    page.wait_for_function(TIP_SHOWN)
    assert page.locator(f"{TIP} .md-tooltip2__inner").inner_text() == definitions[1]
    assert first.get_attribute("title") == definitions[0]
    page.keyboard.press("Escape")
    page.wait_for_function(TIP_GONE)
    assert second.get_attribute("title") == definitions[1]
    assert page.locator(".md-tooltip2").count() == 1


@pytest.mark.parametrize("path", ["/", "/en/", "/part1/model/", "/en/part1/model/"])
@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_screenshots_show_the_title_in_the_first_screen(server, visit, path, device):
    """Screenshots for people to look at (screenshots/, ignored by git); the test checks what they must
    show: the page title inside the first screen, not hidden under the header, and painted with glyphs."""
    from PIL import Image

    viewport = {"width": 375, "height": 812} if device == "phone" else {"width": 1280, "height": 900}
    v = visit(server.url(path), viewport=viewport)
    v.settle()
    SHOTS.mkdir(exist_ok=True)
    name = (path.strip("/").replace("/", "-") or "home-zh") + f"-{device}.png"
    v.page.screenshot(path=str(SHOTS / name), full_page=False)
    title = v.page.locator("article h1").bounding_box()
    header = v.page.locator(".md-header").bounding_box()
    assert title and title["y"] >= header["y"] + header["height"] - 1, "the title is under the header"
    assert title["y"] + title["height"] <= viewport["height"], "the title is below the first screen"
    with Image.open(SHOTS / name) as shot:
        box = (int(title["x"]), int(title["y"]), int(title["x"] + title["width"]), int(title["y"] + title["height"]))
        colours = shot.convert("L").crop(box).getcolors(maxcolors=256 * 256) or []
    assert len(colours) > 8, "the title's box is blank: no glyphs were painted"
