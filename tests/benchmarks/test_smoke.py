"""`python -m benchmarks --quick` on the real manual: every benchmark runs once on its smallest input. No
timing is compared (the machine is shared); what is asserted is that each benchmark measured what it says
it measures: its figures are present, of the right kind and in a plausible range (a page that loads its
search index, a search that answers, a build that wrote the chapter page), and that BENCHMARKS.md shows
them."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from benchmarks.__main__ import BENCHMARKS
from benchmarks.common import count_pages
from tests.conftest import ROOT

pytestmark = [pytest.mark.manual, pytest.mark.browser, pytest.mark.bench]
PAGES = count_pages(ROOT / "docs")


@pytest.fixture(scope="module")
def quick_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("bench")
    proc = subprocess.run([sys.executable, "-m", "benchmarks", "--quick", "--out", str(out)], cwd=ROOT,
                          capture_output=True, text=True, timeout=1500)
    assert proc.returncode == 0, proc.stderr[-3000:]
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    return results, (out / "BENCHMARKS.md").read_text(encoding="utf-8"), proc.stderr


@pytest.fixture(scope="module")
def sections(quick_run):
    results, _, log = quick_run
    assert results["mode"] == "quick" and results["machine"]["nproc"] >= 1
    assert set(results["sections"]) == set(BENCHMARKS), log[-2000:]
    return results["sections"]


def measured(section: dict) -> dict:
    assert section["status"] == "ok", f"{section['title']}: {section.get('errors')} {section.get('traceback')}"
    return section


def positive(value) -> bool:
    return isinstance(value, (int, float)) and value > 0


def test_checks_timed_and_the_matrix_tells_a_defect_from_the_control(sections):
    s = measured(sections["checks"])
    t = s["timing"]
    assert s["pages"] == PAGES
    assert positive(t["check_median_s"]) and positive(t["build_median_s"]) and positive(t["ratio_median"])
    assert t["check_exit_codes"] == [0] and t["build_exit_codes"] == [0]
    control, defect = s["matrix"]["rows"]           # quick: the control and one defect class
    assert control["control"] and control["build"] == "passes" and control["check"] == "silent"
    assert defect["check"] == "reports" and defect["expected_codes_reported"] is True, defect
    assert s["matrix"]["control_clean"] and s["matrix"]["example"]["class"] == "control"


def test_scale_builds_and_checks_the_manual_once(sections):
    s = measured(sections["scale"])
    [size] = s["sizes"]
    assert size["factor"] == 1 and size["pages"] == PAGES
    assert positive(size["check_median_s"]) and positive(size["build_median_s"])
    assert size["probe_page_bytes"] > 10_000, "the chapter page was not written"
    assert positive(size["render_ms_per_page"]), "no page-writing rate: the build was not sampled"


def test_weight_counts_every_request_of_a_chapter_search_index_only_in_stock(sections):
    s = measured(sections["weight"])
    assert set(s["pages"]) == {"zh", "en"}
    for lang, page in s["pages"].items():
        ours, stock = page["ours"], page["stock"]
        assert ours["third_party_requests"] == 0, ours["third_party_urls"]
        assert stock["third_party_requests"] >= 1, "stock Material asks Google for Roboto"
        for site in (ours, stock):
            kinds = site["by_type"]
            assert kinds["html"]["requests"] == 1 and kinds["css"]["requests"] >= 1
            assert kinds["js"]["requests"] >= 2, "the bundle and the search worker (stock) or site.js (ours)"
            assert site["bytes"] > site["gzip_bytes"] > 0
        # stock Material fetches its search index on every page; ours waits until the reader opens search
        assert stock["by_type"]["json"]["requests"] == 1 and stock["by_type"]["json"]["bytes"] > 100_000
        assert ours["by_type"].get("json", {}).get("requests", 0) == 0, "the search index, before any search"
        assert 0 < page["ratios"]["gzip_bytes"] < 10


def test_search_answers_in_each_language_and_the_index_is_split(sections):
    s = measured(sections["search"])
    stock = s["index"]["stock_merged"]
    # stock static-i18n merges both languages into one index (a build that stopped early holds one)
    assert stock["entries_by_language"].get("zh", 0) > 100 and stock["entries_by_language"].get("en", 0) > 100
    for lang in ("zh", "en"):
        ours = s["index"][lang]
        assert ours["entries_by_language"] == {lang: ours["entries"]}, "only the reader's language"
        assert 0 < ours["bytes"] < stock["bytes"]
        b = s["browser"]["ours"][lang]
        assert b["queries"] == 1 and b["answered"] == 1, b
        assert isinstance(b["latency_median_ms"], float) and b["latency_median_ms"] >= 0
        assert b["top3_accuracy"] in (0, 1) and b["results_in_other_language"] == 0


def test_lighthouse_scores_every_category(sections):
    s = measured(sections["lighthouse"])
    [page] = s["pages"]                             # quick: home page, nginx, one run
    assert (page["template"], page["lang"], page["server"], page["runs"]) == ("home", "zh", "nginx", 1)
    assert set(page["scores"]) == {"performance", "accessibility", "best-practices", "seo"}
    assert all(isinstance(v, int) and 0 <= v <= 100 for v in page["scores"].values()), page["scores"]
    assert positive(page["metrics"]["first-contentful-paint"]) and len(page["load_each"]) == 1


def test_coverage_splits_our_css_and_js_from_materials_on_a_first_view(sections):
    s = measured(sections["coverage"])
    assert set(s["pages"]) == {"home (zh)", "home (en)"}            # quick: the home page in each language
    for page in s["pages"].values():
        files, totals = page["files"], page["totals"]
        assert files["assets/stylesheets/site.css"]["origin"] == "ours"
        assert files["assets/javascripts/site.js"]["origin"] == "ours"
        assert files["assets/stylesheets/print.css"]["kind"] == "css (print)"
        assert "assets/stylesheets/parallel.css" not in files, "the side-by-side view's rules, on the home page"
        for origin in ("ours", "Material"):
            for kind in ("css", "js"):
                t = totals[origin][kind]
                assert 0 < t["used_bytes"] < t["bytes"] and t["unused_bytes"] == t["bytes"] - t["used_bytes"]
        assert totals["ours"]["css (print)"]["used_bytes"] == 0, "print rules matched on a screen"


def test_preview_serves_the_saved_page(sections):
    s = measured(sections["preview"])
    assert positive(s["first_build_served_s"])
    [edit] = s["edits"]
    assert positive(edit) and positive(s["ratio_to_build"])


def test_benchmarks_md_shows_the_figures(quick_run, sections):
    _, text, _ = quick_run
    assert "Machine:" in text and "could not render" not in text
    for section in sections.values():
        assert f". {section['title']}" in text
    assert f"{sections['checks']['timing']['check_median_s']:.2f} s" in text
    assert f"{sections['preview']['save_to_served_median_s']:.2f} s" in text
    assert f"`{sections['checks']['matrix']['rows'][1]['class']}`" in text


def test_omissions_corpus_is_labelled_and_the_control_clean(sections):
    s = measured(sections["omissions"])
    assert s["control_findings"] == 0 and s["cases"] == len(s["rows"]) * s["per_class"]
    for row in s["rows"]:
        assert row["cases"] == s["per_class"] and 0 <= row["detected"] <= row["cases"]
        assert row["pointing"] <= row["findings"]
    assert 3.0 < s["distribution"]["c"] < 4.5 and s["distribution"]["pairs"] > 1000
