"""The mutation corpus of the omissions benchmark (benchmarks/mutations.py), on the real manual: it is
repeatable, every case changes the page where it says, and a few cases per class run through the checks
the way ``make bench`` runs them (in-process, on a scratch copy)."""
from __future__ import annotations

import pytest

from benchmarks import mutations
from scripts.site import load_site
from tests.conftest import ROOT

pytestmark = pytest.mark.manual


@pytest.fixture(scope="module")
def manual(tmp_path_factory):
    return mutations.copy_manual(ROOT, tmp_path_factory.mktemp("omissions") / "manual")


def test_the_corpus_is_repeatable_and_every_case_is_a_real_change(manual):
    site = load_site(manual)
    first = mutations.corpus(site, 6)
    again = mutations.corpus(load_site(manual), 6)
    assert [(c.cls, c.rel, c.region, c.lines) for c in first] == [(c.cls, c.rel, c.region, c.lines) for c in again]
    assert {c.cls for c in first} == set(mutations.CLASSES)
    assert len({c.rel for c in first}) > 10                  # spread over the pages, not one page
    for case in first:
        original = site.page("en", case.rel).lines
        assert case.lines != original, case
        lo, hi = case.region
        assert 1 <= lo <= hi <= len(case.lines)
        if case.cls == "truncate":
            assert int(case.note.split()[1].rstrip("%")) >= 40
        if case.cls == "untranslated":
            assert any("\u4e00" <= ch <= "\u9fff" for ch in case.lines[lo - 1])


@pytest.mark.bench       # a dozen whole-manual check runs: the benchmark's smoke, not the suite's (the
def test_a_small_run_detects_paragraph_defects_and_the_control_is_clean(manual):   # fixtures cover each class)
    result = mutations.evaluate(manual, 2)
    assert result["control_findings"] == 0
    rows = {row["class"]: row for row in result["rows"]}
    assert set(rows) == set(mutations.CLASSES)
    for cls in ("omit_paragraph", "add_paragraph", "truncate"):
        assert rows[cls]["cases"] == 2 and rows[cls]["detected"] >= 1, rows[cls]
    assert result["distribution"]["pairs"] > 1000
