"""The forms family (F1xx) beyond its fixtures: a clean form gives nothing, and what counts as asking."""
from __future__ import annotations

import shutil
from pathlib import Path

from scripts.checks import forms
from scripts.runner import run
from scripts.site import load_site
from tests.checks.conftest import build_root

BASE = Path(__file__).parent / "forms_base"     # the control plus one clean form; every forms_* fixture


def test_a_clean_form_gives_nothing(tmp_path):
    root = build_root(tmp_path)
    shutil.copytree(BASE, root, dirs_exist_ok=True)
    report = run(load_site(root))
    assert [f"{d.path}:{d.line}: {d.code}" for d in report.findings] == []
    site = load_site(root)
    assert [p.rel for p in site.by_lang["zh"].values() if forms.is_form(p.rel)] == ["appendix/forms/visit.md"]


def test_a_remark_that_says_not_to_write_it_is_no_question():
    assert forms._asks("服务对象（写儿童代号；不写儿童姓名）") is None
    assert forms._asks("Who is served (child code; no child's name)") is None
    assert forms._asks("儿童姓名（必填）") == "the child's name"
    assert forms._asks("Child's ID number") == "an ID number"
    assert forms._asks("照片") == "a photo"
    assert forms._asks("志愿者姓名") is None and forms._asks("Volunteer's name") is None


def _f101(tmp_path, old: str, new: str) -> list[str]:
    root = build_root(tmp_path)
    shutil.copytree(BASE, root, dirs_exist_ok=True)
    page = root / "docs/en/appendix/forms/visit.md"
    text = page.read_text(encoding="utf-8")
    assert old in text
    page.write_text(text.replace(old, new, 1), encoding="utf-8")
    return [f"{d.path}:{d.line}: {d.message}" for d in run(load_site(root)).findings if d.code == "F101"]


def test_a_fill_in_table_is_named_at_the_first_row_that_differs(tmp_path):
    """Its first body row filled in: the finding is on that row, in both languages' line numbers."""
    assert _f101(tmp_path, "| Child code |  |", "| Child code | C-01 |") == [
        "docs/en/appendix/forms/visit.md:13: fill-in table differs from the Chinese one "
        "(docs/zh/appendix/forms/visit.md:13): blank cells in other places in row 1; a label or an entry was "
        "filled in or left out"]


def test_a_fill_in_table_that_lost_its_last_row_is_named_at_its_end(tmp_path):
    """The rows it has agree with the Chinese ones: the difference is the row after them."""
    found = _f101(tmp_path, "| Date of visit |  |\n", "")
    assert len(found) == 1 and found[0].startswith("docs/en/appendix/forms/visit.md:15: ")
    assert "in row 4;" in found[0]
