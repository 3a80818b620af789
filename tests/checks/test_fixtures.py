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


@pytest.mark.parametrize("name", MUTATIONS)
def test_each_fixture_is_a_real_mutation(name):
    """A fixture changes the control (it is no copy of it), and what it expects is told apart from it."""
    from tests.checks.conftest import CONTROL, FIXTURES

    changed = [p for p in (FIXTURES / name).rglob("*") if p.is_file() and p.name != "expected.txt"]
    assert changed, f"{name} changes no file"
    differs = [p for p in changed if p.name == "delete.txt" or not (CONTROL / p.relative_to(FIXTURES / name)).is_file()
               or (CONTROL / p.relative_to(FIXTURES / name)).read_bytes() != p.read_bytes()]
    assert differs, f"{name} only copies files of the control"
    findings, suppressed = expected(name)
    assert findings or suppressed, f"{name} expects nothing: the control already gives nothing"


def test_every_code_is_tested():
    seen = set(TESTED_ELSEWHERE)
    for name in MUTATIONS:
        seen |= {line.rsplit(" ", 1)[1] for line in expected(name)[0]}
    assert set(all_codes()) - seen == set()
