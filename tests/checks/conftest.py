"""Fixture sites for the checks: the clean control, and the control plus one mutation.

A mutation fixture (tests/checks/fixtures/<name>/) holds only the files it changes or adds, a
``delete.txt`` listing files it removes, and ``expected.txt``: every finding it must give, as
``path:line: CODE``, and ``# suppressed: N``.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
CONTROL = FIXTURES / "control"
MUTATIONS = sorted(p.name for p in FIXTURES.iterdir() if p.is_dir() and p.name != "control")


def build_root(tmp_path: Path, name: str = "control") -> Path:
    """A fresh copy of the control site with the mutation ``name`` applied."""
    root = tmp_path / "site-root"
    shutil.copytree(CONTROL, root)
    if name != "control":
        shutil.copytree(FIXTURES / name, root, dirs_exist_ok=True)
        deletions = root / "delete.txt"
        if deletions.exists():
            for rel in deletions.read_text(encoding="utf-8").split():
                (root / rel).unlink()
            deletions.unlink()
        (root / "expected.txt").unlink()
    return root


def expected(name: str) -> tuple[list[str], int]:
    lines = (FIXTURES / name / "expected.txt").read_text(encoding="utf-8").splitlines()
    findings = sorted(line for line in lines if line.strip() and not line.startswith("#"))
    suppressed = next((int(line.split(":")[1]) for line in lines if line.startswith("# suppressed:")), 0)
    return findings, suppressed


@pytest.fixture(autouse=True)
def _no_page_cache(monkeypatch):
    monkeypatch.setenv("CHECKS_CACHE", "0")
    monkeypatch.delenv("CI", raising=False)


@pytest.fixture
def control_root(tmp_path) -> Path:
    return build_root(tmp_path)


@pytest.fixture
def mutated_root(tmp_path):
    return lambda name: build_root(tmp_path, name)
