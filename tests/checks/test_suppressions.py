"""Suppression comments (E110-E113): what the editor is told, and which findings a comment silences.

Each test is a small change to the clean control, checked through the public entry points
(``load_site`` + ``runner.run``); written to kill mutants of scripts/checks/suppressions.py that survived.
"""
from __future__ import annotations

from scripts.runner import run
from scripts.site import load_site
from tests.checks.conftest import build_root

EN = "docs/en/index.md"


def add(root, path, text):
    page = root / path
    page.write_text(page.read_text(encoding="utf-8") + text, encoding="utf-8")


def findings(root, families=("E", "V", "L")):
    report = run(load_site(root))
    return report, sorted((d.path, d.line, d.code) for d in report.findings if d.code.startswith(families))


def test_each_wrong_comment_says_what_to_write(tmp_path):
    """The message is the fix: the editor copies the syntax from it."""
    report = run(load_site(build_root(tmp_path, "suppressions")))
    messages = {(d.line, d.code): d.message for d in report.findings}
    assert messages == {
        (10, "E113"): "malformed check comment 'ignore': write '<!-- check: ignore CODE reason -->'",
        (11, "E110"): "suppression of T101 needs a reason: '<!-- check: ignore T101 why it is fine here -->'",
        (12, "E111"): "suppression names unknown code 'Z999' (`python -m scripts codes` lists them)",
        (14, "E112"): "suppression of V104 silences nothing on the next block: remove it",
    }


def test_a_comment_after_a_finding_on_its_own_line_does_not_silence_it(control_root):
    """The scope is the block that starts on the next line, not the comment's own line."""
    add(control_root, EN, "\nCall 13812345678. <!-- check: ignore V102 the helpline's own public number -->\n")
    report, found = findings(control_root)
    assert found == [(EN, 13, "E112"), (EN, 13, "V102")] and report.suppressed == 0


def test_every_unused_suppression_of_a_page_is_reported(control_root):
    """One used suppression does not hide the unused ones after it on the same page."""
    add(control_root, EN, "\n<!-- check: ignore V102 the helpline's own public number -->\nCall 13812345678.\n\n"
                          "<!-- check: ignore V102 nothing here any more -->\nWrite to us.\n\n"
                          "<!-- check: ignore V102 nor here -->\nOr visit.\n")
    report, found = findings(control_root)
    assert found == [(EN, 16, "E112"), (EN, 19, "E112")] and report.suppressed == 1


def test_an_online_only_suppression_is_not_unused_offline(control_root):
    """L107 (dead external link) is checked only with --online: offline its suppression silences nothing,
    and that is no finding."""
    add(control_root, EN, "\n<!-- check: ignore L107 the registry blocks automated requests -->\n"
                          "See [the registry](https://registry.example.org/).\n")
    report, found = findings(control_root)
    assert found == [] and report.suppressed == 0


def test_a_suppression_of_a_disabled_code_is_not_unused(control_root):
    """checks.yml ``disable`` turns V102 off: a suppression of it is not reported as silencing nothing."""
    (control_root / "checks.yml").write_text("disable: [V102]\n", encoding="utf-8")
    add(control_root, EN, "\n<!-- check: ignore V102 the helpline's own public number -->\nCall 13812345678.\n\n"
                          "<!-- check: ignore V103 nothing to silence -->\nWrite to us.\n")
    report, found = findings(control_root)
    assert found == [(EN, 16, "E112")] and report.suppressed == 0
