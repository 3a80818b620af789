"""`python -m benchmarks --quick` on the real manual: every benchmark runs once on its smallest input and
leaves its section in results.json and BENCHMARKS.md. No timing is asserted (the machine is shared);
a measurement may fail (e.g. while content is incomplete), but the benchmark code itself must not crash."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from benchmarks.__main__ import BENCHMARKS
from tests.conftest import ROOT

pytestmark = [pytest.mark.manual, pytest.mark.browser, pytest.mark.bench]


@pytest.fixture(scope="module")
def quick_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("bench")
    proc = subprocess.run([sys.executable, "-m", "benchmarks", "--quick", "--out", str(out)], cwd=ROOT,
                          capture_output=True, text=True, timeout=1200)
    return out, proc


def test_quick_pass_exits_zero(quick_run):
    _, proc = quick_run
    assert proc.returncode == 0, proc.stderr[-3000:]


def test_results_json_has_every_section(quick_run):
    out, proc = quick_run
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert results["mode"] == "quick"
    assert results["machine"]["nproc"] >= 1
    assert set(results["sections"]) == set(BENCHMARKS), proc.stderr[-2000:]
    for name, section in results["sections"].items():
        assert section.get("title"), name
        assert section.get("status") in ("ok", "failed"), name
        assert "met" in section, name
        # a failed measurement is reported; a bug in the benchmark code is not acceptable
        assert "traceback" not in section, f"{name} crashed: {section.get('errors')} {section.get('traceback')}"


def test_benchmarks_md_has_a_section_per_benchmark(quick_run):
    out, _ = quick_run
    text = (out / "BENCHMARKS.md").read_text(encoding="utf-8")
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert "Machine:" in text
    for section in results["sections"].values():
        assert f". {section['title']}" in text
    assert "could not render" not in text

