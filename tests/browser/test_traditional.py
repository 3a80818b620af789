"""The Traditional edition (/zh-hant/) in a real Chromium: the language switch keeps page and section in and
out of it, search answers Traditional queries from the edition only, and screenshots at 375 and 1280 px.
(axe and the rest of every /zh-hant/ page run in test_pages.py, whose page list holds the edition.)"""

from __future__ import annotations

import pytest

from harness import ROOT
from harness.search import labelled_queries, search, top
from scripts import hant
from scripts.glossary import load_glossary
from tests.browser.test_reader import switch_language

pytestmark = pytest.mark.browser
SHOTS = ROOT / "screenshots"
SECTION = "/part1/model/#components"
CONVERT = hant.Converter(hant.glossary_overrides(load_glossary(ROOT / "glossary.yml")))


def test_language_switch_keeps_page_and_section_through_the_three_editions(server, visit):
    v = visit(server.url(SECTION))
    switch_language(v.page, hant.TAG)
    assert v.page.url == server.url("/zh-hant" + SECTION)
    assert v.page.evaluate("document.documentElement.lang") == "zh-Hant"
    switch_language(v.page, "en")
    assert v.page.url == server.url("/en" + SECTION)
    switch_language(v.page, hant.TAG)
    assert v.page.url == server.url("/zh-hant" + SECTION)
    switch_language(v.page, "zh")
    assert v.page.url == server.url(SECTION)


def test_search_in_traditional_finds_the_edition_s_pages_only(server, visit):
    v = visit(server.url("/zh-hant/"))
    misses, outside = [], []
    queries = labelled_queries()["zh"]
    for item in queries:
        query = CONVERT(item["query"])
        hrefs = search(v.page, query)
        outside += [h for h in hrefs if not h.startswith(server.url("/zh-hant/"))]
        expected = ["/zh-hant/" + p for p in item["pages"]]
        found = top(hrefs, base=server.url("/"))
        if not set(expected) & set(found):
            misses.append((query, expected, found))
    assert outside == []
    assert len(misses) <= len(queries) // 10, f"top-3 misses: {misses}"


def test_simplified_search_stays_out_of_the_edition(server, visit):
    v = visit(server.url("/"))
    hrefs = search(v.page, "志愿者")
    assert hrefs and not [h for h in hrefs if "/zh-hant/" in h or "/en/" in h]


@pytest.mark.parametrize("width", [375, 1280])
def test_screenshots_of_a_traditional_page(server, visit, width):
    viewport = {"width": width, "height": 812 if width == 375 else 900}
    v = visit(server.url("/zh-hant/part1/model/"), viewport=viewport)
    v.settle()
    SHOTS.mkdir(exist_ok=True)
    v.page.screenshot(path=str(SHOTS / f"zh-hant-part1-model-{width}.png"), full_page=False)
    title = v.page.locator("article h1")
    assert title.inner_text().startswith("1.4 服務模式概覽")
    overflow = v.page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0


def test_offline_copy_has_the_edition_and_its_search(site, tmp_path, visit):
    import zipfile

    (archive,) = list((site / "downloads").glob("*offline*.zip"))
    zipfile.ZipFile(archive).extractall(tmp_path)
    (folder,) = [p for p in tmp_path.iterdir() if p.is_dir()]
    v = visit((folder / "zh-hant" / "index.html").as_uri())
    assert v.console_errors == []
    hrefs = search(v.page, "監護人")
    assert hrefs and all(h.startswith("file://") and "/zh-hant/" in h for h in hrefs)
