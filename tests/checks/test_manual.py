"""The real manual gives zero findings (select with `pytest -m manual`; it passes once the content and the
glossary definitions are finished and `make stamp` has recorded the translations). How fast the checks
are is measured by `make bench` (BENCHMARKS.md), never asserted in a test."""
from __future__ import annotations

from pathlib import Path

import pytest

from scripts.diagnostics import format_text
from scripts.runner import run
from scripts.site import load_site

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.manual
def test_real_manual_has_no_findings():
    report = run(load_site(ROOT))
    assert [format_text(d) for d in report.findings] == []
