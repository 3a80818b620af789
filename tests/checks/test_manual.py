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
    """About 1 s of CPU for ~90 pages without the page cache on an idle 2-core machine; the bound is loose
    (CPU time, not wall time, and room for a busy machine) so that it only catches something quadratic."""
    start = time.process_time()
    run(load_site(ROOT))
    assert time.process_time() - start < 10
