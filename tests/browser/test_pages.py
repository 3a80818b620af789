"""Every page, in both languages, as a reader's Chromium sees it: nothing from other hosts, no failed
requests, no console errors, axe-core's WCAG 2.1 A/AA rules, and no horizontal scroll on a 375 px phone.

One desktop visit and one phone visit per page; each test reports every problem it found on its page."""

from __future__ import annotations

import pytest

from tests.browser.helpers import open_search
from tests.conftest import ROOT, built_pages

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 375, "height": 812}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

pytestmark = pytest.mark.browser


def pages(site_dir=ROOT / "site"):
    extra = ["/part1/model/parallel.html", "/en/part2/volunteers/parallel.html"]
    return built_pages(site_dir) + extra if (site_dir / "index.html").is_file() else ["/"]


def run_axe(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
                           AXE_TAGS)
    return [{"id": v["id"], "nodes": [n["target"] for n in v["nodes"]][:3]} for v in result["violations"]]


@pytest.mark.parametrize("path", pages())
def test_page_is_private_clean_accessible_and_fits_a_phone(server, visit, path):
    problems = {}
    v = visit(server.url(path), wait="networkidle")
    problems["requests to other hosts"] = v.third_party(server.origin)
    problems["failed requests"] = v.failed
    problems["console errors"] = v.console_errors
    problems["axe violations"] = run_axe(v.page)
    phone = visit(server.url(path), viewport=PHONE, is_mobile=True, has_touch=True)
    overflow = phone.page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    problems["wider than a 375px phone"] = [f"{overflow}px"] if overflow > 0 else []
    assert {k: v for k, v in problems.items() if v} == {}


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
    v.page.wait_for_selector("a.md-select__link[hreflang]", state="visible")
    assert run_axe(v.page) == []
