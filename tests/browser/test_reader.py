"""Reader journeys in a real Chromium: switching language keeps the page and the section, search finds
Chinese words and stays in the reader's language, the site works from the offline zip over file://
(under the subpath /manual/ it is served by nginx in every browser test: tests/conftest.py ``server``),
and the phone drawer opens. Screenshots go to screenshots/ (ignored by git)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
import yaml

from harness import ROOT
from harness.search import START, expected_paths, labelled_queries, search, top
from tests.conftest import built_for

pytestmark = pytest.mark.browser
SHOTS = ROOT / "screenshots"
QUERIES = labelled_queries()
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


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_search_finds_expected_page_in_top_3_and_stays_in_language(server, visit, lang):
    v = visit(server.url(START[lang]))
    misses = []
    for item in QUERIES[lang]:                  # one page for every query: search() clears the last answer
        hrefs = search(v.page, item["query"])
        other = [h for h in hrefs if (lang == "zh") == ("/en/" in h)]
        assert not other, f"{item['query']}: results in the other language {other}"
        expected, found = expected_paths(item, lang), top(hrefs, base=server.url("/"))
        if not set(expected) & set(found):
            misses.append((item["query"], expected, found))
    assert len(QUERIES[lang]) >= 40
    assert len(misses) <= len(QUERIES[lang]) // 20, f"top-3 misses (95 % must hit): {misses}"


SHORT_FORMS = {"zh": [("PIPL", "pipl"), ("个保法", "pipl"), ("未保法", "minor-protection-law"), ("GSES", "gses"),
                      ("低保", "dibao")],
               "en": [("SDQ", "sdq"), ("dibao", "dibao"), ("PIPL", "pipl")]}


GLOSSARY = yaml.safe_load((ROOT / "glossary.yml").read_text(encoding="utf-8"))


def definition_in(hrefs: list[str], glossary_url: str, term_id: str) -> bool:
    return any(h.split("?")[0].split("#")[0] == glossary_url and "#" in h and h.split("#")[-1] == term_id
               for h in hrefs)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_glossary_term_finds_its_definition_and_the_glossary_first(server, visit, lang):
    """A term's defining page ranks first: every term of glossary.yml, searched by its name. The glossary
    must be the first result, and the term's own row among the first three links, for at least 95 % of the
    terms in each language. Measured when this test was written: glossary first 72 of 72 (zh), 70 of 72
    (en: 'children in difficulties' finds the home page first, 'individual service plan' the
    case-management chapter); the row in the first three links 71 of 72 (zh: 儿童安全保护 is searched as a
    prefix and its focal person's row, which names it in its text too, comes first) and 70 of 72 (en:
    'children in difficulties' and 'volunteer', which many rows and pages name)."""
    v = visit(server.url(START[lang]))
    glossary = START[lang] + "appendix/glossary/"
    not_first, no_definition = [], []
    for term in GLOSSARY:                         # one page for all: search() clears the last answer
        hrefs = search(v.page, term[lang])
        if top(hrefs, 1, base=server.url("/")) != [glossary]:
            not_first.append(term[lang])
        if not definition_in(hrefs[:3], server.url(glossary), term["id"]):
            no_definition.append((term[lang], hrefs[:3]))
    assert len(GLOSSARY) > 60
    assert len(not_first) <= len(GLOSSARY) // 20, not_first
    assert len(no_definition) <= len(GLOSSARY) // 20, no_definition


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_short_form_finds_its_terms_definition_first(server, visit, lang):
    v = visit(server.url(START[lang]))
    wrong = {}
    for query, term in SHORT_FORMS[lang]:        # one page for all: search() clears the last answer
        hrefs = search(v.page, query)
        first = top(hrefs, 1, base=server.url("/")) == [START[lang] + "appendix/glossary/"]
        definition = len(hrefs) > 1 and hrefs[1].split("?")[0] + "#" + hrefs[1].split("#")[-1] == server.url(
            f"{START[lang]}appendix/glossary/#{term}")
        if not (first and definition):
            wrong[query] = hrefs[:3]
    assert wrong == {}


def test_offline_zip_pages_and_search_work_from_file_url(site, tmp_path, visit):
    zips = list((site / "downloads").glob("*offline*.zip"))
    assert len(zips) == 1
    zipfile.ZipFile(zips[0]).extractall(tmp_path)
    (folder,) = [p for p in tmp_path.iterdir() if p.is_dir()]
    for start, query, lang_marker in (("index.html", "监护人", None), ("en/index.html", "guardian", "/en/")):
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
