"""The real manual gives zero findings (select with `pytest -m manual`; it passes once the content and the
glossary definitions are finished and `make stamp` has recorded the translations)."""
from __future__ import annotations

import time
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


@pytest.mark.manual
def test_real_manual_is_checked_in_seconds():
    start = time.perf_counter()
    run(load_site(ROOT))
    assert time.perf_counter() - start < 5
