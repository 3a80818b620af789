"""Every page, in both languages, as a reader's Chromium sees it: nothing from other hosts, no console
errors, no failed requests, no horizontal scroll on a 375 px phone, and axe-core's WCAG 2.1 A/AA rules."""

from __future__ import annotations

import pytest

from tests.browser.helpers import open_search
from tests.conftest import ROOT, built_pages

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 375, "height": 812}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

pytestmark = pytest.mark.browser


def pages(site_dir=ROOT / "site"):
    return built_pages(site_dir) if (site_dir / "index.html").is_file() else ["/"]


@pytest.mark.parametrize("path", pages())
def test_page_is_private_and_clean(server, visit, path):
    v = visit(server.url(path), wait="networkidle")
    assert v.third_party(server.origin) == [], "requests to other hosts"
    assert v.failed == [], "failed requests"
    assert v.console_errors == [], "console errors"


@pytest.mark.parametrize("path", pages())
def test_phone_has_no_horizontal_scroll(server, visit, path):
    v = visit(server.url(path), viewport=PHONE, is_mobile=True, has_touch=True)
    overflow = v.page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"page is {overflow}px wider than a 375px screen"


def run_axe(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
                           AXE_TAGS)
    return [{"id": v["id"], "nodes": [n["target"] for n in v["nodes"]][:3]} for v in result["violations"]]


@pytest.mark.parametrize("path", pages())
def test_axe_reports_no_violations(server, visit, path):
    v = visit(server.url(path))
    assert run_axe(v.page) == []


@pytest.mark.parametrize("path", ["/", "/en/"])
def test_axe_with_search_dialog_and_language_selector_open(server, visit, path):
    v = visit(server.url(path))
    open_search(v.page)
    v.page.fill("input.md-search__input", "儿童" if path == "/" else "children")
    v.page.press("input.md-search__input", "End")
    v.page.wait_for_selector(".md-search-result__item")
    assert run_axe(v.page) == []
    v.page.keyboard.press("Escape")
    v.page.hover(".md-header__option .md-select")
    assert run_axe(v.page) == []
