"""The tiers the README documents select what it says: the benchmark smoke pass only when asked for by name,
whatever other marker expression is given (pytest.ini, tests/conftest.py)."""
from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT

SMOKE = "tests/benchmarks/test_smoke.py"   # marked browser, manual and bench
pytestmark = pytest.mark.slow               # each test starts a pytest of its own


def selected(*args: str) -> int:
    result = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:xdist", SMOKE, *args],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode in (0, 5), result.stdout + result.stderr     # 5: nothing selected
    return sum(1 for line in result.stdout.splitlines() if line.startswith(SMOKE + "::"))


@pytest.mark.parametrize("args", [(), ("-m", "browser"), ("-m", "not slow")])
def test_the_benchmark_smoke_pass_is_left_out_unless_asked_for(args):
    assert selected(*args) == 0


def test_asking_for_bench_runs_it():
    assert selected("-m", "bench") > 0
