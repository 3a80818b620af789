"""Every defect class, as a small mutation of the clean control, gives exactly its findings (code, path,
line); the control gives none."""
from __future__ import annotations

import pytest

from scripts.checks import all_codes
from scripts.runner import run
from scripts.site import load_site
from tests.checks.conftest import MUTATIONS, build_root, expected

# codes proven by tests other than the fixtures (see the named test modules)
TESTED_ELSEWHERE = {
    "L107": "test_online.py (a local HTTP server)",
    "S105": "test_cli.py (stamp --defer round trip)",
    "E109": "test_model.py (a parser failure)",
}


def findings_of(root):
    report = run(load_site(root))
    return report, sorted(f"{d.path}:{d.line}: {d.code}" for d in report.findings)


def test_control_is_clean(control_root):
    report, lines = findings_of(control_root)
    assert lines == []
    assert report.notes == [] and report.suppressed == 0


@pytest.mark.parametrize("name", MUTATIONS)
def test_mutation(tmp_path, name):
    root = build_root(tmp_path, name)
    want, suppressed = expected(name)
    report, got = findings_of(root)
    assert got == want
    assert report.suppressed == suppressed
    for finding in report.findings:
        assert finding.message.strip() and "\n" not in finding.message


def test_enough_defect_classes():
    assert len(MUTATIONS) >= 25


def test_every_code_is_tested():
    seen = set(TESTED_ELSEWHERE)
    for name in MUTATIONS:
        seen |= {line.rsplit(" ", 1)[1] for line in expected(name)[0]}
    assert set(all_codes()) - seen == set()
