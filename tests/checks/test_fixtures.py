"""Every defect class, as a small mutation of the clean control, gives exactly its findings (code, path,
line) and says what they are (messages.txt: each finding's message as the editor reads it, reviewed like
any other text the checker prints, and the other place it points to, which the JSON and SARIF reports and
the editor's "go to related" use: `-> path:line`); the control gives none.

After a deliberate change to a message: ``python -m tests.checks.test_fixtures`` rewrites messages.txt;
review its diff."""
from __future__ import annotations

import sys
from pathlib import Path

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


MESSAGES = Path(__file__).with_name("messages.txt")


def messages(report) -> list[str]:
    return sorted(f"{d.path}:{d.line}: {d.code} {d.message}"
                  + (f" -> {d.related.path}:{d.related.line}" if d.related else "") for d in report.findings)


def recorded_messages() -> dict[str, list[str]]:
    """messages.txt: ``## fixture`` then its findings, one a line."""
    out: dict[str, list[str]] = {}
    name = None
    for line in MESSAGES.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            name = line[3:]
            out[name] = []
        elif line.strip() and name is not None:
            out[name].append(line)
    return out


RECORDED = recorded_messages() if MESSAGES.is_file() else {}


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
    assert messages(report) == RECORDED.get(name), f"{name}: messages differ from messages.txt"


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



def write_messages() -> None:
    """Rewrite messages.txt from the checker's current output (the environment of conftest.py)."""
    import os
    import tempfile

    os.environ.update(CHECKS_CACHE="0", CHECKS_TODAY="2026-12-06")
    os.environ.pop("CI", None)
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in MUTATIONS:
            report, _ = findings_of(build_root(Path(tmp), name))
            out += [f"## {name}", *messages(report), ""]
    MESSAGES.write_text("\n".join(out), encoding="utf-8")


if __name__ == "__main__":
    write_messages()
    sys.exit(0)
